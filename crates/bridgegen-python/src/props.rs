//! Per-property view data shared by resources, object types and functions.

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

use bridgegen_model::{Doc, Property, Type};

use crate::ctx::{Ctx, Here, Refs};
use crate::names;

/// Python names for every wire name in `lists` (first occurrence wins), escaped with
/// `reserved` and unique across wire names.
pub fn name_map(lists: &[&[Property]], reserved: &[&[&str]]) -> IndexMap<String, String> {
    let mut wires: Vec<&Property> = Vec::new();
    for l in lists {
        for p in l.iter() {
            if !wires.iter().any(|w| w.name == p.name) {
                wires.push(p);
            }
        }
    }
    let bases = wires.iter().map(|p| names::property_name(&p.name, reserved));
    let unique = names::unique_names(bases);
    wires.iter().map(|p| p.name.clone()).zip(unique).collect()
}

/// `props` in Pulumi's order: its schema binder sorts every property list by wire name, and
/// its SDKs list parameters so (positional ones included: `Foo(name, opts, a, b)`).
pub fn pulumi_order(props: &[Property]) -> Vec<&Property> {
    let mut out: Vec<&Property> = props.iter().collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

#[derive(Debug, Serialize, Clone)]
pub struct PropView {
    /// Python name.
    pub name: String,
    /// Wire name as a string literal.
    pub wire_lit: String,
    /// The Python name differs from the wire name: the getter is `@pulumi.getter(name=<wire_lit>)`.
    pub getter_named: bool,
    /// Type in `__init__` signatures.
    pub arg_type: String,
    /// Type returned by the getter of the class the property is in.
    pub get_type: String,
    /// Type of a TypedDict field.
    pub dict_type: String,
    pub required: bool,
    /// Docstring at 8 spaces (getter body).
    pub doc: String,
    /// Docstring at 4 spaces (TypedDict field).
    pub field_doc: String,
    /// `:param ...` lines at 8 spaces (class docstrings), without trailing newline.
    pub param_doc: String,
    /// Expression for the default value, when the schema gives one.
    pub default_expr: Option<String>,
    pub secret: bool,
    /// Deprecation message as a string literal.
    pub deprecation: Option<String>,
    /// Provider inputs of non-string types go to the engine as JSON.
    pub provider_json: bool,
    /// Text after the `def` line's colon (a checker pragma where needed).
    pub def_suffix: String,
}

/// `:param T name: description` with continuation lines indented under it.
pub fn param_doc(ty: &str, name: &str, desc: Option<&Doc>, indent: &str) -> String {
    let d = desc.map(names::clean_description).unwrap_or_default();
    let d = names::doc_text(&d);
    let mut lines = d.lines();
    let first = lines.next().unwrap_or("").trim_end();
    let mut out = format!("{indent}:param {} {name}:", names::doc_text(ty));
    if !first.is_empty() {
        out.push(' ');
        out.push_str(first);
    }
    for l in lines {
        let l = l.trim_end();
        out.push('\n');
        if !l.is_empty() {
            out.push_str(indent);
            out.push_str("       ");
            out.push_str(l);
        }
    }
    out
}

/// The expression for a property's default (literal and/or environment variables). An enum's
/// default is its underlying value (`"blue"`), which the enum class (a `str`/`int` subclass)
/// accepts wherever the enum is expected.
pub fn default_expr(pkg: &bridgegen_model::Package, p: &Property) -> Option<String> {
    let d = p.default.as_ref()?;
    let base = base_scalar(pkg, &p.ty);
    let lit = d.value.as_ref().and_then(|v| literal(v, base.clone()));
    let env = if d.environment.is_empty() {
        None
    } else {
        let f = match base {
            Some(Type::Boolean) => "get_env_bool",
            Some(Type::Integer) => "get_env_int",
            Some(Type::Number) => "get_env_float",
            Some(Type::String) => "get_env",
            _ => return lit,
        };
        let args: Vec<String> = d.environment.iter().map(|e| names::str_lit(e)).collect();
        Some(format!("_utilities.{f}({})", args.join(", ")))
    };
    match (env, lit) {
        (Some(e), Some(l)) => Some(format!("({e} or {l})")),
        (Some(e), None) => Some(e),
        (None, Some(l)) => Some(l),
        (None, None) => None,
    }
}

fn base_scalar(pkg: &bridgegen_model::Package, t: &Type) -> Option<Type> {
    match t {
        Type::Boolean | Type::Integer | Type::Number | Type::String => Some(t.clone()),
        Type::Enum(id) => Some(pkg.enum_type(*id).kind.primitive()),
        _ => None,
    }
}

/// A Python literal for a JSON scalar, checked against the property's scalar type.
pub fn literal(v: &Value, ty: Option<Type>) -> Option<String> {
    match (v, ty) {
        (Value::String(s), Some(Type::String)) => Some(names::str_lit(s)),
        (Value::Bool(b), Some(Type::Boolean)) => Some(if *b { "True" } else { "False" }.into()),
        (Value::Number(n), Some(Type::Integer)) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        (Value::Number(n), Some(Type::Number)) => {
            let f = n.as_f64()?;
            f.is_finite().then(|| format!("{f:?}"))
        }
        _ => None,
    }
}

/// Builds the view of `p` named `name` for a class in `here`.
/// `optional`: the property may be omitted; `output_class`: getters return resolved values.
pub fn view(ctx: &Ctx, p: &Property, name: &str, here: &Here, refs: &mut Refs, optional: bool) -> PropView {
    let arg_type = ctx.arg_type(p, optional, here, refs);
    let t = ctx.ty(&p.ty, Ctx::prop_mode(p, here), here, refs);
    let dict_type = if p.plain { t.clone() } else { format!("pulumi.Input[{t}]") };
    let dict_type = if optional { format!("NotRequired[{dict_type}]") } else { dict_type };
    let desc = p.description.as_ref().map(names::clean_description).unwrap_or_default();
    PropView {
        name: name.to_string(),
        wire_lit: names::str_lit(&p.name),
        getter_named: name != p.name,
        get_type: arg_type.clone(),
        arg_type,
        dict_type,
        required: !optional,
        doc: names::docstring(&desc, "        "),
        field_doc: names::docstring(&desc, "    "),
        param_doc: param_doc(&ctx.doc_type(p, here), name, p.description.as_ref(), "        "),
        default_expr: default_expr(ctx.pkg, p).map(|d| match &p.ty {
            // The enum member, so the value also fits an output class's `Optional[TheEnum]` field.
            Type::Enum(_) => {
                format!("{}({d})", ctx.ty(&p.ty, crate::ctx::Mode::Output, here, refs).trim_matches(['\'', '"']))
            }
            _ => d,
        }),
        secret: p.secret,
        deprecation: p.deprecation_message.as_ref().map(|m| names::str_lit(&format!("{name} is deprecated: {m}"))),
        provider_json: !p.plain && !matches!(p.ty, Type::String),
        def_suffix: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use bridgegen_codegen::Generator;

    const SCHEMA: &str = r##"{
        "name": "paint", "version": "1.0.0",
        "types": {
            "paint:index:Color": {"type": "string", "enum": [{"value": "red"}, {"value": "blue"}]},
            "paint:index:Size": {"type": "integer", "enum": [{"name": "Small", "value": 1}, {"name": "Big", "value": 2}]}
        },
        "resources": {
            "paint:index:Can": {
                "inputProperties": {
                    "color": {"$ref": "#/types/paint:index:Color", "default": "blue"},
                    "size": {"$ref": "#/types/paint:index:Size", "default": 2}
                },
                "properties": {"color": {"$ref": "#/types/paint:index:Color"}}
            }
        }
    }"##;

    #[test]
    fn an_enum_typed_input_gets_its_schema_default() {
        let (pkg, _) = bridgegen_model::bind_str(SCHEMA).expect("schema binds");
        let can = pkg.resources.iter().find(|r| r.token.name == "Can").unwrap();
        let prop = |n: &str| can.inputs.iter().find(|p| p.name == n).unwrap();
        assert_eq!(super::default_expr(&pkg, prop("color")).as_deref(), Some("\"blue\""));
        assert_eq!(super::default_expr(&pkg, prop("size")).as_deref(), Some("2"));
        // ... and the resource applies it when the argument is omitted.
        let files = crate::PythonGenerator.generate(&pkg).unwrap();
        let can_py = files.iter().find(|f| f.path.ends_with("/can.py")).expect("can.py");
        let text = String::from_utf8_lossy(&can_py.contents);
        assert!(
            text.contains("Color(\"blue\")") && text.contains("Size(2)"),
            "no enum defaults applied in can.py:\n{text}"
        );
    }
}
