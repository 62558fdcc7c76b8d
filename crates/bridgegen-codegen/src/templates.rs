//! Handlebars set-up shared by every generator: strict mode (a missing field is an
//! error, not an empty string) and no HTML escaping (we print code; docs escape
//! explicitly). Templates are embedded in the binary by each generator.

use handlebars::Handlebars;
use serde::Serialize;

use crate::GenError;

/// A generator's templates: `(name, source)` pairs, usually from `include_str!`.
pub type TemplateSet = &'static [(&'static str, &'static str)];

/// A registry with `templates` registered; fails on the first template that does not parse.
pub fn new_registry(templates: TemplateSet) -> Result<Handlebars<'static>, GenError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(handlebars::no_escape);
    for (name, source) in templates {
        hb.register_template_string(name, source)
            .map_err(|e| GenError::Template { template: (*name).to_string(), message: e.to_string() })?;
    }
    Ok(hb)
}

/// Renders `name` with `data`.
pub fn render<T: Serialize>(hb: &Handlebars<'_>, name: &str, data: &T) -> Result<String, GenError> {
    hb.render(name, data).map_err(|e| GenError::Template { template: name.to_string(), message: e.to_string() })
}
