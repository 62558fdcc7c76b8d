//! What the provider takes from its embedded schema: resource inputs/outputs, which
//! inputs force replacement, secrets, config defaults; and input validation against the
//! schema's types with property paths (`timeouts.create`, `tags[0]`).

use std::collections::BTreeMap;

use bridgegen_model::{Package, Property, Type};

use crate::resource::CheckFailure;
use crate::value::{PropertyMap, PropertyValue};

/// The bound schema plus per-resource lookups.
pub struct SchemaInfo {
    pub text: &'static str,
    pub package: Package,
    resources: BTreeMap<String, usize>,
}

impl SchemaInfo {
    /// Binds the embedded schema text. Panics with the diagnostics when the schema does not
    /// bind: the schema is compiled into the binary, so this is a build defect.
    pub fn new(text: &'static str) -> Self {
        let (package, _warnings) =
            bridgegen_model::bind_str(text).unwrap_or_else(|ds| panic!("embedded schema does not bind: {ds:?}"));
        let resources = package.resources.iter().enumerate().map(|(i, r)| (r.token.full.clone(), i)).collect();
        SchemaInfo { text, package, resources }
    }

    pub fn resource(&self, token: &str) -> Option<&bridgegen_model::Resource> {
        self.resources.get(token).map(|i| &self.package.resources[*i])
    }

    /// Top-level properties of a resource that force replacement when they change: the
    /// model's replace-on-change set (the one the SDKs send), without nested paths, which
    /// the top-level diff cannot tell apart.
    pub fn replace_inputs(&self, token: &str) -> Vec<String> {
        let Some(r) = self.resource(token) else { return Vec::new() };
        r.replace_on_changes(&self.package).into_iter().filter(|p| !p.contains(['.', '['])).collect()
    }

    /// Fills in absent properties from their schema defaults: the first set environment
    /// variable, else the literal default.
    pub fn apply_defaults(props: &[Property], values: &mut PropertyMap, env: &dyn Fn(&str) -> Option<String>) {
        for p in props {
            if values.get(&p.name).is_some_and(|v| !v.is_null()) {
                continue;
            }
            let Some(d) = &p.default else { continue };
            let from_env = d.environment.iter().find_map(|var| env(var).filter(|v| !v.is_empty()));
            let value = match (from_env, &d.value) {
                (Some(s), _) => env_value(&p.ty, s),
                (None, Some(v)) => PropertyValue::from_json(v),
                (None, None) => continue,
            };
            let value = if p.secret { PropertyValue::secret(value) } else { value };
            values.insert(p.name.clone(), value);
        }
    }

    /// Turns numbers and booleans into strings wherever the schema says string, as
    /// Terraform-bridged providers do: Pulumi YAML (and some config paths) deliver digit-only
    /// strings such as account ids as numbers. Integers print without exponent or fraction
    /// (`1851487736442068`), other numbers as their shortest exact decimal (`1.5`). Secrets
    /// stay secret; nested objects, lists and maps are followed.
    pub fn coerce_strings(&self, props: &[Property], values: &mut PropertyMap) {
        for p in props {
            if let Some(v) = values.get_mut(&p.name) {
                self.coerce_value(&p.ty, v, 0);
            }
        }
    }

    fn coerce_value(&self, ty: &Type, v: &mut PropertyValue, depth: usize) {
        if depth > 64 {
            return;
        }
        match v {
            PropertyValue::Secret(inner) => return self.coerce_value(ty, inner, depth),
            PropertyValue::Output(o) => {
                if let Some(inner) = o.value.as_deref_mut() {
                    self.coerce_value(ty, inner, depth);
                }
                return;
            }
            _ => {}
        }
        match (ty, &mut *v) {
            (Type::String, PropertyValue::Number(n)) => *v = PropertyValue::String(number_text(*n)),
            (Type::String, PropertyValue::Bool(b)) => *v = PropertyValue::String(b.to_string()),
            (Type::Array(e), PropertyValue::Array(items)) => {
                items.iter_mut().for_each(|item| self.coerce_value(e, item, depth + 1))
            }
            (Type::Map(e), PropertyValue::Object(m)) => {
                m.values_mut().for_each(|item| self.coerce_value(e, item, depth + 1))
            }
            (Type::Object(id), PropertyValue::Object(m)) => {
                let obj = self.package.object(*id);
                for p in &obj.properties {
                    if let Some(item) = m.get_mut(&p.name) {
                        self.coerce_value(&p.ty, item, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    /// Checks values against the properties' types; returns every failure with its path.
    pub fn validate(&self, props: &[Property], values: &PropertyMap) -> Vec<CheckFailure> {
        let mut out = Vec::new();
        self.validate_props(props, values, "", &mut out, 0);
        out
    }

    fn validate_props(
        &self,
        props: &[Property],
        values: &PropertyMap,
        path: &str,
        out: &mut Vec<CheckFailure>,
        depth: usize,
    ) {
        for p in props {
            let here = if path.is_empty() { p.name.clone() } else { format!("{path}.{}", p.name) };
            match values.get(&p.name) {
                None => {
                    if p.required {
                        out.push(CheckFailure::new(&here, format!("missing required property `{here}`")));
                    }
                }
                Some(v) if v.is_null() && !v.is_computed() => {
                    if p.required {
                        out.push(CheckFailure::new(&here, format!("missing required property `{here}`")));
                    }
                }
                Some(v) => self.validate_value(&p.ty, v, &here, out, depth),
            }
        }
    }

    fn validate_value(&self, ty: &Type, v: &PropertyValue, path: &str, out: &mut Vec<CheckFailure>, depth: usize) {
        if v.is_computed() || depth > 64 {
            return;
        }
        let v = v.peel();
        if matches!(v, PropertyValue::Null) {
            return;
        }
        let mut wrong = |expected: &str| {
            out.push(CheckFailure::new(path, format!("`{path}` must be {expected}, got {}", describe(v))));
        };
        match ty {
            Type::String => {
                if !matches!(v, PropertyValue::String(_)) {
                    wrong("a string");
                }
            }
            Type::Boolean => {
                if !matches!(v, PropertyValue::Bool(_)) {
                    wrong("a boolean");
                }
            }
            Type::Number => {
                if !matches!(v, PropertyValue::Number(_)) {
                    wrong("a number");
                }
            }
            Type::Integer => match v {
                PropertyValue::Number(n) if n.fract() == 0.0 => {}
                _ => wrong("an integer"),
            },
            Type::Array(e) => match v {
                PropertyValue::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.validate_value(e, item, &format!("{path}[{i}]"), out, depth + 1);
                    }
                }
                _ => wrong("a list"),
            },
            Type::Map(e) => match v {
                PropertyValue::Object(m) => {
                    for (k, item) in m {
                        self.validate_value(e, item, &format!("{path}.{k}"), out, depth + 1);
                    }
                }
                _ => wrong("a map"),
            },
            Type::Object(id) => match v {
                PropertyValue::Object(m) => {
                    let obj = self.package.object(*id);
                    self.validate_props(&obj.properties, m, path, out, depth + 1);
                }
                _ => wrong("an object"),
            },
            Type::Enum(id) => {
                let e = self.package.enum_type(*id);
                let ok = v.to_json().is_some_and(|j| e.values.iter().any(|ev| ev.value == j));
                if !ok {
                    let allowed: Vec<String> = e.values.iter().map(|ev| ev.value.to_string()).collect();
                    wrong(&format!("one of {}", allowed.join(", ")));
                }
            }
            Type::Asset => {
                if !matches!(v, PropertyValue::Asset(_) | PropertyValue::Archive(_)) {
                    wrong("an asset or archive");
                }
            }
            Type::Archive => {
                if !matches!(v, PropertyValue::Archive(_)) {
                    wrong("an archive");
                }
            }
            Type::Any
            | Type::Json
            | Type::Resource(_)
            | Type::Provider
            | Type::Union(_)
            | Type::External(_)
            | Type::Invalid => {}
        }
    }
}

fn env_value(ty: &Type, s: String) -> PropertyValue {
    match ty {
        Type::Boolean => match s.as_str() {
            "true" | "1" => PropertyValue::Bool(true),
            "false" | "0" => PropertyValue::Bool(false),
            _ => PropertyValue::String(s),
        },
        Type::Integer | Type::Number => s.parse::<f64>().map(PropertyValue::Number).unwrap_or(PropertyValue::String(s)),
        _ => PropertyValue::String(s),
    }
}

/// A number as the string a user wrote: integers without fraction or exponent, others as
/// the shortest decimal that reads back as the same number (never `1e21` or `1.0`).
fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}

fn describe(v: &PropertyValue) -> String {
    match v {
        PropertyValue::Null => "null".into(),
        PropertyValue::Bool(b) => format!("boolean {b}"),
        PropertyValue::Number(n) => format!("number {n}"),
        PropertyValue::String(s) => format!("string {s:?}"),
        PropertyValue::Array(_) => "a list".into(),
        PropertyValue::Object(_) => "an object".into(),
        PropertyValue::Asset(_) => "an asset".into(),
        PropertyValue::Archive(_) => "an archive".into(),
        PropertyValue::ResourceReference(r) => format!("a reference to {}", r.urn),
        PropertyValue::Secret(_) | PropertyValue::Output(_) | PropertyValue::Computed => "a wrapped value".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KAKAO: &str = include_str!("../../../schema/kakaocloud.json");
    const ALI: &str = include_str!("../../../schema/alicloud.json");

    #[test]
    fn replacements_are_the_models_top_level_set() {
        const S: &str = r##"{"name":"x","version":"1.0.0","resources":{"x:index:R":{
            "properties":{"zone":{"type":"string","replaceOnChanges":true},"spec":{"$ref":"#/types/x:index:Spec"}},
            "inputProperties":{"zone":{"type":"string"},"spec":{"$ref":"#/types/x:index:Spec"},"a":{"type":"string"}}}},
            "types":{"x:index:Spec":{"type":"object","properties":{"size":{"type":"integer","replaceOnChanges":true}}}}}"##;
        let s = SchemaInfo::new(S);
        // `zone` is flagged on its output spelling only; `spec.size` is nested.
        assert_eq!(s.replace_inputs("x:index:R"), vec!["zone".to_string()]);
        assert!(s.replace_inputs("x:index:Missing").is_empty());
    }

    #[test]
    fn numbers_and_booleans_become_strings_where_the_schema_says_string() {
        let s = SchemaInfo::new(ALI);
        let props = &s.resource("alicloud:ecs/imageSharePermission:ImageSharePermission").unwrap().inputs;
        let mut values = PropertyMap::from([
            ("accountId".to_string(), PropertyValue::Number(1851487736442068.0)),
            ("imageId".to_string(), PropertyValue::secret(PropertyValue::Bool(true))),
        ]);
        s.coerce_strings(props, &mut values);
        assert_eq!(values["accountId"], PropertyValue::string("1851487736442068"));
        assert_eq!(values["imageId"], PropertyValue::secret(PropertyValue::string("true")));
        assert!(s.validate(props, &values).is_empty());
    }

    #[test]
    fn coercion_is_exact_and_follows_nested_objects() {
        for (n, text) in [
            (1.5, "1.5"),
            (-3.0, "-3"),
            (0.1, "0.1"),
            (9007199254740992.0, "9007199254740992"),
            (1e21, "1000000000000000000000"),
        ] {
            assert_eq!(number_text(n), text);
        }
        let s = SchemaInfo::new(KAKAO);
        let props = &s.resource("kakaocloud:index/imageMember:ImageMember").unwrap().inputs;
        let timeouts = PropertyValue::Object(PropertyMap::from([
            ("create".to_string(), PropertyValue::Number(30.0)),
            ("other".to_string(), PropertyValue::Number(2.0)),
        ]));
        let mut values =
            PropertyMap::from([("memberId".to_string(), PropertyValue::Computed), ("timeouts".to_string(), timeouts)]);
        s.coerce_strings(props, &mut values);
        let t = values["timeouts"].as_object().unwrap();
        assert_eq!(t["create"], PropertyValue::string("30"));
        // Not in the schema: left for validation to report.
        assert_eq!(t["other"], PropertyValue::Number(2.0));
        assert_eq!(values["memberId"], PropertyValue::Computed);
    }
}
