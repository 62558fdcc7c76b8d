//! The docs templates, embedded from `templates/docs/`.

use bridgegen_codegen::{new_registry, GenError, TemplateSet};
use handlebars::Handlebars;

pub(crate) const TEMPLATES: TemplateSet = &[
    ("props", include_str!("../../../templates/docs/partials/props.md.hbs")),
    ("langcode", include_str!("../../../templates/docs/partials/langcode.md.hbs")),
    ("supporting", include_str!("../../../templates/docs/partials/supporting.md.hbs")),
    ("supporting_item", include_str!("../../../templates/docs/partials/supporting_item.md.hbs")),
    ("details", include_str!("../../../templates/docs/partials/details.md.hbs")),
    ("examples", include_str!("../../../templates/docs/partials/examples.md.hbs")),
    ("resource", include_str!("../../../templates/docs/resource.md.hbs")),
    ("function", include_str!("../../../templates/docs/function.md.hbs")),
    ("package", include_str!("../../../templates/docs/package.md.hbs")),
    ("module", include_str!("../../../templates/docs/module.md.hbs")),
    ("tf_page", include_str!("../../../templates/docs/terraform/page.md.hbs")),
    ("tf_schema", include_str!("../../../templates/docs/terraform/schema.md.hbs")),
];

pub(crate) fn registry() -> Result<Handlebars<'static>, GenError> {
    new_registry(TEMPLATES)
}
