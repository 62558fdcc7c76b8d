//! Views of the shared per-module files: `_inputs.py`, `outputs.py`, `_enums.py`.

use serde::Serialize;
use serde_json::Value;

use bridgegen_model::{EnumKind, ObjectId, Property};

use crate::ctx::{enum_base, Ctx, Here, Kind, Refs};
use crate::names::{self, DICT_RESERVED, DICT_SHADOWED};
use crate::props::{self, PropView};

#[derive(Debug, Serialize)]
pub struct ObjectView {
    pub class_name: String,
    pub args_class: String,
    pub dict_class: String,
    pub class_doc: String,
    pub class_field_doc: String,
    pub init_doc: String,
    pub props: Vec<PropView>,
    /// Output classes: wire names whose getter is spelled otherwise. The values are stored
    /// under the getters' names; reading a wire name (`obj.get("camelKey")`, `obj["camelKey"]`)
    /// warns and names the getter, as in Pulumi's SDKs.
    pub key_warnings: Vec<KeyWarning>,
}

#[derive(Debug, Serialize)]
pub struct KeyWarning {
    pub wire_lit: String,
    pub getter_lit: String,
}

#[derive(Debug, Serialize)]
pub struct ClassesView {
    /// Input classes come with their `XArgsDict` TypedDicts (`inputTypes`).
    pub typed_dicts: bool,
    pub utilities_import: String,
    /// Import lines, printed last (see [`crate::ctx::Ctx::imports`]).
    pub imports: Vec<String>,
    pub classes: Vec<ObjectView>,
}

fn init_doc(props: &[PropView]) -> String {
    if props.iter().all(|p| p.param_doc.trim_end().ends_with(':') && p.doc.is_empty()) {
        return String::new();
    }
    let lines: Vec<&str> = props.iter().map(|p| p.param_doc.as_str()).collect();
    format!("        \"\"\"\n{}\n        \"\"\"\n", lines.join("\n"))
}

pub fn inputs(ctx: &Ctx, module: &str, ids: &[ObjectId]) -> ClassesView {
    let mut refs = Refs::default();
    let mut classes = Vec::new();
    for id in ids {
        // The input-shape class `XArgs`, then the plain-shape class `X` (every property plain).
        for plain in [false, true] {
            let here = Here { plain_shape: plain, ..Here::new(module, Some(Kind::Inputs)) };
            if !(if plain { ctx.has_plain[id.0] } else { ctx.has_args[id.0] }) {
                continue;
            }
            let o = ctx.pkg.object(*id);
            let props: Vec<Property> = if plain {
                o.properties.iter().map(|p| Property { plain: true, ..p.clone() }).collect()
            } else {
                o.properties.clone()
            };
            let map = props::name_map(&[&props], &[]);
            let mut ps: Vec<PropView> = props
                .iter()
                .map(|p| {
                    let optional = !p.required || p.default.is_some();
                    let mut v = props::view(ctx, p, &map[&p.name], &here, &mut refs, optional);
                    v.required = !optional;
                    v
                })
                .collect();
            ps.sort_by_key(|v| !v.required);
            let class = ctx.input_class(id.0, plain);
            let desc = o.description.as_ref().map(names::clean_description).unwrap_or_default();
            classes.push(ObjectView {
                class_name: ctx.object_class[id.0].clone(),
                dict_class: format!("{class}Dict"),
                args_class: class,
                class_doc: String::new(),
                class_field_doc: names::docstring(&desc, "    "),
                init_doc: init_doc(&ps),
                props: ps,
                key_warnings: Vec::new(),
            });
        }
    }
    ClassesView {
        typed_dicts: ctx.typed_dicts,
        utilities_import: ctx.utilities_import(module),
        imports: ctx.imports(module, &refs),
        classes,
    }
}

pub fn outputs(ctx: &Ctx, module: &str, ids: &[ObjectId]) -> ClassesView {
    let here = Here::new(module, Some(Kind::Outputs));
    let mut refs = Refs::default();
    let mut classes = Vec::new();
    for id in ids {
        let o = ctx.pkg.object(*id);
        let map = props::name_map(&[&o.properties], &[DICT_RESERVED]);
        let mut ps: Vec<PropView> = o
            .properties
            .iter()
            .map(|p| {
                let optional = !p.required;
                let mut v = props::view(ctx, p, &map[&p.name], &here, &mut Refs::default(), optional);
                let t = ctx.out_type(p, optional, &here, &mut refs);
                v.arg_type = t.clone();
                v.get_type = t;
                if DICT_SHADOWED.contains(&v.name.as_str()) {
                    v.def_suffix = "  # pyright: ignore[reportIncompatibleMethodOverride]".into();
                }
                v.param_doc = props::param_doc(
                    &ctx.ty(&p.ty, crate::ctx::Mode::Output, &here, &mut Refs::default()),
                    &v.name,
                    p.description.as_ref(),
                    "        ",
                );
                v
            })
            .collect();
        let key_warnings = if ctx.resource_output[id.0] {
            // Whether Pulumi's spelling (without our `items_` escape) differs from the key.
            let unescaped = props::name_map(&[&o.properties], &[]);
            o.properties
                .iter()
                .filter(|p| unescaped[&p.name] != p.name)
                .map(|p| KeyWarning { wire_lit: names::str_lit(&p.name), getter_lit: names::str_lit(&map[&p.name]) })
                .collect()
        } else {
            Vec::new()
        };
        ps.sort_by_key(|v| !v.required);
        let class = &ctx.object_class[id.0];
        let desc = o.description.as_ref().map(names::clean_description).unwrap_or_default();
        classes.push(ObjectView {
            key_warnings,
            class_name: ctx.output_class[id.0].clone(),
            args_class: format!("{class}Args"),
            dict_class: format!("{class}ArgsDict"),
            class_doc: names::docstring(&desc, "    "),
            class_field_doc: String::new(),
            init_doc: init_doc(&ps),
            props: ps,
        });
    }
    ClassesView {
        typed_dicts: ctx.typed_dicts,
        utilities_import: ctx.utilities_import(module),
        imports: ctx.imports(module, &refs),
        classes,
    }
}

#[derive(Debug, Serialize)]
pub struct EnumValueView {
    pub name: String,
    pub value: String,
    /// The member's docstring, at 4 spaces.
    pub doc: String,
}

#[derive(Debug, Serialize)]
pub struct EnumView {
    pub class_name: String,
    pub token_lit: String,
    pub bases: String,
    pub doc: String,
    pub values: Vec<EnumValueView>,
}

#[derive(Debug, Serialize)]
pub struct EnumsView {
    pub enums: Vec<EnumView>,
}

fn enum_value_literal(v: &Value, kind: EnumKind) -> String {
    match (v, kind) {
        (Value::String(s), _) => names::str_lit(s),
        (Value::Bool(b), _) => if *b { "True" } else { "False" }.into(),
        (Value::Number(n), EnumKind::Number) => match n.as_f64() {
            Some(f) if f.is_finite() => format!("{f:?}"),
            _ => n.to_string(),
        },
        (Value::Number(n), _) => n.to_string(),
        (other, _) => names::str_lit(&other.to_string()),
    }
}

pub fn enums(ctx: &Ctx, ids: &[bridgegen_model::EnumId]) -> EnumsView {
    let mut out = Vec::new();
    for id in ids {
        let e = ctx.pkg.enum_type(*id);
        let bases = match e.kind {
            EnumKind::Boolean => "Enum".to_string(),
            k => format!("{}, Enum", enum_base(k)),
        };
        let member_names = names::unique_names(e.values.iter().map(|v| {
            let raw = match (&v.name, &v.value) {
                (Some(n), _) => n.clone(),
                (None, Value::String(s)) => s.clone(),
                (None, other) => other.to_string(),
            };
            names::enum_member(&raw)
        }));
        let values = e
            .values
            .iter()
            .zip(member_names)
            .map(|(v, name)| {
                let mut d = v.description.as_ref().map(names::clean_description).unwrap_or_default();
                if let Some(dep) = &v.deprecation_message {
                    d = format!("{d}\n\nDeprecated: {dep}").trim().to_string();
                }
                let value = enum_value_literal(&v.value, e.kind);
                EnumValueView { name, value, doc: names::docstring(&d, "    ") }
            })
            .collect();
        let desc = e.description.as_ref().map(names::clean_description).unwrap_or_default();
        out.push(EnumView {
            class_name: ctx.enum_class[id.0].clone(),
            token_lit: names::str_lit(&e.token.full),
            bases,
            doc: names::docstring(&desc, "    "),
            values,
        });
    }
    EnumsView { enums: out }
}
