//! Terraform schema -> Pulumi schema, following tfgen: properties, required lists, object types
//! for nested attributes and blocks, secrets, deprecation, replacement.

use indexmap::IndexMap;

use bridgegen_schema::{ComplexTypeSpec, ObjectTypeSpec, PropertySpec, TypeSpec};

use crate::config::ItemOverride;
use crate::docs::DocPage;
use crate::meta::{FieldMeta, Shape};
use crate::names;
use crate::prose::{self, Names};
use crate::tfschema::{Attribute, Block, CtyType, NestedBlock, NestingMode};

/// A mapping problem: the JSON pointer into the Terraform schema file and the message.
#[derive(Debug, Clone)]
pub struct Problem {
    pub pointer: String,
    pub message: String,
}

/// What one field maps to.
pub struct Field {
    pub tf_name: String,
    pub meta: FieldMeta,
    pub spec: PropertySpec,
    pub deprecated: bool,
}

/// Shared state while mapping one resource or data source.
pub struct Mapper<'a> {
    pub pkg: &'a str,
    pub module: String,
    pub doc: Option<&'a DocPage>,
    pub over: Option<&'a ItemOverride>,
    pub names: &'a Names,
    pub types: &'a mut IndexMap<String, ComplexTypeSpec>,
    pub problems: &'a mut Vec<Problem>,
}

enum Src<'a> {
    Attr(&'a Attribute),
    Block(&'a NestedBlock),
}

impl Mapper<'_> {
    /// Maps the attributes and nested blocks of `block` (or a nested attribute's attributes).
    /// `path` is the dotted Terraform path of the parent ("" at top level), `type_prefix` the
    /// Pascal prefix of nested type names, `pointer` the JSON pointer of the parent block.
    pub fn fields(
        &mut self,
        attributes: &IndexMap<String, Attribute>,
        blocks: &IndexMap<String, NestedBlock>,
        path: &str,
        type_prefix: &str,
        pointer: &str,
        output_only: bool,
    ) -> Vec<Field> {
        let mut all: Vec<(&String, Src, String)> = Vec::new();
        for (k, a) in attributes {
            all.push((k, Src::Attr(a), format!("{pointer}/attributes/{}", esc(k))));
        }
        for (k, b) in blocks {
            all.push((k, Src::Block(b), format!("{pointer}/block_types/{}", esc(k))));
        }
        let tf_names: Vec<&str> = all.iter().map(|(k, _, _)| k.as_str()).collect();
        let mut out: Vec<Field> = Vec::new();
        for (tf_name, src, ptr) in &all {
            let dotted = if path.is_empty() { tf_name.to_string() } else { format!("{path}.{tf_name}") };
            let field = match src {
                Src::Attr(a) => self.attribute(tf_name, a, &dotted, type_prefix, ptr, output_only, &tf_names),
                Src::Block(b) => self.block(tf_name, b, &dotted, type_prefix, ptr, output_only, &tf_names),
            };
            if let Some(prev) = out.iter().find(|f| f.meta.name == field.meta.name) {
                self.problems.push(Problem {
                    pointer: ptr.clone(),
                    message: format!(
                        "`{}` and `{}` both map to the Pulumi name `{}`; rename one in bridge.toml ([resources.<type>.fields])",
                        prev.tf_name, tf_name, field.meta.name
                    ),
                });
                continue;
            }
            out.push(field);
        }
        out.sort_by(|a, b| a.meta.name.cmp(&b.meta.name));
        out
    }

    fn name_for(&self, tf_name: &str, dotted: &str, listy: bool, siblings: &[&str]) -> (String, bool) {
        if let Some(n) = self.over.and_then(|o| o.fields.get(dotted)) {
            return (n.clone(), false);
        }
        if listy {
            if let Some(p) = names::plural(tf_name) {
                // Only where safe: the plural must not be another field's name.
                if !siblings.contains(&p.as_str()) {
                    return (names::camel(&p), true);
                }
            }
        }
        (names::camel(tf_name), false)
    }

    fn doc_for(&self, dotted: &str) -> Option<&crate::docs::FieldDoc> {
        let doc = self.doc?;
        doc.fields.get(dotted).or_else(|| {
            // Registry docs name a nested block by its own name only (`### `disk``).
            let parts: Vec<&str> = dotted.split('.').collect();
            (parts.len() > 2).then(|| doc.fields.get(&parts[parts.len() - 2..].join("."))).flatten()
        })
    }

    /// Description, ForceNew and deprecation of a field from the docs and overrides.
    fn decorate(
        &self,
        spec: &mut PropertySpec,
        meta: &mut FieldMeta,
        dotted: &str,
        tf_desc: Option<&str>,
        deprecated: bool,
    ) {
        let doc = self.doc_for(dotted);
        spec.description = doc
            .and_then(|d| prose::field_text(&d.text, self.names))
            .or_else(|| tf_desc.map(str::trim).filter(|d| !d.is_empty()).map(|d| prose::clean(d, self.names)));
        let over_new = self.over.is_some_and(|o| o.force_new.iter().any(|f| f == dotted));
        let over_not = self.over.is_some_and(|o| o.not_force_new.iter().any(|f| f == dotted));
        meta.force_new = (doc.is_some_and(|d| d.force_new) || over_new) && !over_not && meta.input;
        let doc_dep = doc.and_then(|d| d.deprecated.clone());
        if deprecated || doc_dep.is_some() {
            let msg = doc_dep.filter(|m| !m.is_empty()).unwrap_or_else(|| format!("`{}` is deprecated.", meta.name));
            spec.deprecation_message = Some(msg);
        }
        spec.secret = meta.secret;
    }

    #[allow(clippy::too_many_arguments)]
    fn attribute(
        &mut self,
        tf_name: &str,
        a: &Attribute,
        dotted: &str,
        type_prefix: &str,
        ptr: &str,
        output_only: bool,
        siblings: &[&str],
    ) -> Field {
        let input = (a.required || a.optional) && !output_only;
        let out_only = output_only || !input;
        let (listy, max1) = match (&a.nested_type, &a.type_) {
            (Some(n), _) => {
                (matches!(n.nesting_mode, NestingMode::List | NestingMode::Set) && n.max_items != 1, n.max_items == 1)
            }
            (None, Some(CtyType::List(_) | CtyType::Set(_))) => (true, false),
            _ => (false, false),
        };
        let (name, pluralized) = self.name_for(tf_name, dotted, listy, siblings);
        let type_name = format!("{type_prefix}{}", names::pascal(&singular(tf_name, listy)));
        let (ty, shape, fields) = match (&a.nested_type, &a.type_) {
            (Some(n), _) => {
                let inner = self.fields(
                    &n.attributes,
                    &IndexMap::new(),
                    dotted,
                    &type_name,
                    &format!("{ptr}/nested_type"),
                    out_only,
                );
                let token = self.object_type(&type_name, &inner, out_only, ptr);
                wrap(n.nesting_mode, n.max_items == 1, token, inner)
            }
            (None, Some(t)) => self.cty(t, dotted, &type_name, ptr, out_only),
            (None, None) => {
                self.problems.push(Problem {
                    pointer: ptr.to_string(),
                    message: "attribute has neither `type` nor `nested_type`".into(),
                });
                (any(), Shape::Any, IndexMap::new())
            }
        };
        let mut meta = FieldMeta {
            name,
            shape,
            max_items_one: max1,
            pluralized,
            block: false,
            force_new: false,
            secret: a.sensitive || a.write_only,
            write_only: a.write_only,
            input,
            required: a.required && !output_only,
            output_required: (!a.optional || a.computed) && !a.write_only,
            fields,
        };
        let mut spec = PropertySpec { type_spec: ty, ..Default::default() };
        self.decorate(&mut spec, &mut meta, dotted, a.description.as_deref(), a.deprecated);
        Field { tf_name: tf_name.to_string(), meta, spec, deprecated: a.deprecated }
    }

    #[allow(clippy::too_many_arguments)]
    fn block(
        &mut self,
        tf_name: &str,
        b: &NestedBlock,
        dotted: &str,
        type_prefix: &str,
        ptr: &str,
        output_only: bool,
        siblings: &[&str],
    ) -> Field {
        let listy = matches!(b.nesting_mode, NestingMode::List | NestingMode::Set) && b.max_items != 1;
        let max1 = matches!(b.nesting_mode, NestingMode::List | NestingMode::Set) && b.max_items == 1;
        let (name, pluralized) = self.name_for(tf_name, dotted, listy, siblings);
        let type_name = format!("{type_prefix}{}", names::pascal(&singular(tf_name, listy)));
        let input = !output_only && block_has_inputs(&b.block);
        let inner =
            self.fields(&b.block.attributes, &b.block.block_types, dotted, &type_name, &format!("{ptr}/block"), !input);
        let token = self.object_type(&type_name, &inner, !input, ptr);
        let (ty, shape, fields) = wrap(b.nesting_mode, max1, token, inner);
        let mut meta = FieldMeta {
            name,
            shape,
            max_items_one: max1,
            pluralized,
            block: true,
            force_new: false,
            secret: false,
            write_only: false,
            input,
            required: input && b.min_items > 0,
            output_required: b.min_items > 0 || !input,
            fields,
        };
        let mut spec = PropertySpec { type_spec: ty, ..Default::default() };
        self.decorate(&mut spec, &mut meta, dotted, b.block.description.as_deref(), b.block.deprecated);
        Field { tf_name: tf_name.to_string(), meta, spec, deprecated: b.block.deprecated }
    }

    /// A cty type; objects become named types.
    fn cty(
        &mut self,
        t: &CtyType,
        dotted: &str,
        type_name: &str,
        ptr: &str,
        out_only: bool,
    ) -> (TypeSpec, Shape, IndexMap<String, FieldMeta>) {
        match t {
            CtyType::String => (prim("string"), Shape::String, IndexMap::new()),
            CtyType::Number => (prim("number"), Shape::Number, IndexMap::new()),
            CtyType::Bool => (prim("boolean"), Shape::Bool, IndexMap::new()),
            // Tuples have no Pulumi equivalent: their values pass through untyped.
            CtyType::Dynamic | CtyType::Tuple(_) => (any(), Shape::Any, IndexMap::new()),
            CtyType::List(e) | CtyType::Set(e) => {
                let (it, shape, f) = self.cty(e, dotted, type_name, ptr, out_only);
                (
                    TypeSpec { type_: Some("array".into()), items: Some(Box::new(it)), ..Default::default() },
                    Shape::List(Box::new(shape)),
                    f,
                )
            }
            CtyType::Map(e) => {
                let (it, shape, f) = self.cty(e, dotted, type_name, ptr, out_only);
                (
                    TypeSpec {
                        type_: Some("object".into()),
                        additional_properties: Some(Box::new(it)),
                        ..Default::default()
                    },
                    Shape::Map(Box::new(shape)),
                    f,
                )
            }
            CtyType::Object(attrs) => {
                // Object attributes have no optionality of their own: every field is an optional input,
                // and a computed object has every field set.
                let as_attrs: IndexMap<String, Attribute> = attrs
                    .iter()
                    .map(|(k, t)| {
                        (
                            k.clone(),
                            Attribute {
                                type_: Some(t.clone()),
                                optional: !out_only,
                                computed: out_only,
                                ..Default::default()
                            },
                        )
                    })
                    .collect();
                let inner = self.fields(&as_attrs, &IndexMap::new(), dotted, type_name, ptr, out_only);
                let token = self.object_type(type_name, &inner, out_only, ptr);
                let fields = inner.into_iter().map(|f| (f.tf_name, f.meta)).collect();
                (
                    TypeSpec { ref_: Some(format!("#/types/{token}")), ..Default::default() },
                    Shape::Object(token),
                    fields,
                )
            }
        }
    }

    /// Registers an object type; a second, different type under the same token is a collision.
    fn object_type(&mut self, type_name: &str, fields: &[Field], out_only: bool, ptr: &str) -> String {
        let token = format!("{}:{}/{type_name}:{type_name}", self.pkg, self.module);
        let mut obj = ObjectTypeSpec { type_: Some("object".into()), ..Default::default() };
        for f in fields {
            if out_only && !f.meta.output_required && !f.meta.input {
                continue;
            }
            obj.properties.insert(f.meta.name.clone(), f.spec.clone());
            let req = if out_only { f.meta.output_required } else { f.meta.required };
            if req {
                obj.required.push(f.meta.name.clone());
            }
        }
        let spec = ComplexTypeSpec { object: obj, enum_: None };
        match self.types.get(&token) {
            Some(existing) if *existing != spec => self.problems.push(Problem {
                pointer: ptr.to_string(),
                message: format!(
                    "the object type `{token}` is already defined with other fields; give one field another name"
                ),
            }),
            _ => {
                self.types.insert(token.clone(), spec);
            }
        }
        token
    }
}

fn wrap(
    mode: NestingMode,
    max1: bool,
    token: String,
    inner: Vec<Field>,
) -> (TypeSpec, Shape, IndexMap<String, FieldMeta>) {
    let obj = TypeSpec { ref_: Some(format!("#/types/{token}")), ..Default::default() };
    let fields = inner.into_iter().map(|f| (f.tf_name, f.meta)).collect();
    match mode {
        NestingMode::Single | NestingMode::Group => (obj, Shape::Object(token), fields),
        NestingMode::List | NestingMode::Set if max1 => (obj, Shape::Object(token), fields),
        NestingMode::List | NestingMode::Set => (
            TypeSpec { type_: Some("array".into()), items: Some(Box::new(obj)), ..Default::default() },
            Shape::List(Box::new(Shape::Object(token))),
            fields,
        ),
        NestingMode::Map => (
            TypeSpec { type_: Some("object".into()), additional_properties: Some(Box::new(obj)), ..Default::default() },
            Shape::Map(Box::new(Shape::Object(token))),
            fields,
        ),
    }
}

fn block_has_inputs(b: &Block) -> bool {
    b.attributes.values().any(|a| a.required || a.optional)
        || b.block_types.values().any(|nb| block_has_inputs(&nb.block))
}

fn prim(t: &str) -> TypeSpec {
    TypeSpec { type_: Some(t.into()), ..Default::default() }
}

fn any() -> TypeSpec {
    TypeSpec { ref_: Some("pulumi.json#/Any".into()), ..Default::default() }
}

/// JSON pointer escaping of one key.
pub fn esc(k: &str) -> String {
    k.replace('~', "~0").replace('/', "~1")
}

/// The element name of a list field (`images` -> `image`), for nested type names.
fn singular(tf_name: &str, listy: bool) -> String {
    if !listy {
        return tf_name.to_string();
    }
    if let Some(s) = tf_name.strip_suffix("ies") {
        format!("{s}y")
    } else if tf_name.ends_with("sses")
        || tf_name.ends_with("xes")
        || tf_name.ends_with("ches")
        || tf_name.ends_with("shes")
    {
        tf_name[..tf_name.len() - 2].to_string()
    } else if tf_name.ends_with('s') && !tf_name.ends_with("ss") {
        tf_name[..tf_name.len() - 1].to_string()
    } else {
        tf_name.to_string()
    }
}
