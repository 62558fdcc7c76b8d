//! Pulumi property values <-> cty values, through the bridge metadata's name tables.
//!
//! A Pulumi property bag (camelCase names, max-items-1 blocks flattened to one object) becomes
//! the cty object of the Terraform block's implied type (snake_case names, every attribute
//! present, absent ones null, absent list/set blocks empty), and back. Unknowns (`Computed`,
//! unknown output values) become cty unknowns; secrets are unwrapped on the way in and put
//! back on the way out where the schema says the attribute is sensitive (inputs that were
//! secret are re-marked by the caller, see [`keep_secrets`]).

use std::collections::BTreeMap;

use bridgegen_provider::{PropertyMap, PropertyValue};
use bridgegen_tf::meta::FieldMeta;
use bridgegen_tfplugin::cty::{CtyType, CtyValue};
use indexmap::IndexMap;

/// Fields of one object, by Terraform name.
pub type Fields = IndexMap<String, FieldMeta>;

/// A value that does not fit the Terraform type; `path` is the Pulumi property path.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ValueError {
    pub path: String,
    pub message: String,
}

fn err(path: &str, message: impl Into<String>) -> ValueError {
    ValueError { path: if path.is_empty() { "(root)".into() } else { path.into() }, message: message.into() }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The Pulumi name of Terraform field `tf_name` (itself when the tables do not list it).
pub fn pulumi_name<'a>(fields: &'a Fields, tf_name: &'a str) -> &'a str {
    fields.get(tf_name).map_or(tf_name, |m| m.name.as_str())
}

/// The Terraform name of Pulumi property `name`.
pub fn tf_name<'a>(fields: &'a Fields, name: &'a str) -> &'a str {
    fields.iter().find(|(_, m)| m.name == name).map_or(name, |(k, _)| k.as_str())
}

/// Properties (keys starting with `__`, the bridge's own, are skipped) -> the cty object `ty`.
pub fn to_cty(props: &PropertyMap, fields: &Fields, ty: &CtyType) -> Result<CtyValue, ValueError> {
    let CtyType::Object(attrs) = ty else {
        return Err(err("", format!("the Terraform type {} is not an object", ty.to_json())));
    };
    object_to_cty(props, fields, attrs, "")
}

/// The cty object -> properties (every attribute, null ones as `Null`).
pub fn from_cty(value: &CtyValue, fields: &Fields, ty: &CtyType) -> Result<PropertyMap, ValueError> {
    match (value, ty) {
        (CtyValue::Map(m), CtyType::Object(attrs)) => object_from_cty(m, fields, attrs, ""),
        (CtyValue::Null, _) => Ok(PropertyMap::new()),
        _ => Err(err("", format!("expected an object of type {}", ty.to_json()))),
    }
}

fn object_to_cty(
    props: &PropertyMap,
    fields: &Fields,
    attrs: &BTreeMap<String, CtyType>,
    path: &str,
) -> Result<CtyValue, ValueError> {
    for key in props.keys() {
        if !key.starts_with("__") && !attrs.contains_key(tf_name(fields, key)) {
            return Err(err(&join(path, key), "unknown property"));
        }
    }
    let mut out = BTreeMap::new();
    for (tf, t) in attrs {
        let meta = fields.get(tf);
        let name = pulumi_name(fields, tf);
        let p = join(path, name);
        let v = match props.get(name) {
            None => absent(meta, t),
            Some(v) => field_to_cty(v, meta, t, &p)?,
        };
        out.insert(tf.clone(), v);
    }
    Ok(CtyValue::Map(out))
}

/// Terraform never has null list/set/map blocks: an absent block is an empty collection.
fn absent(meta: Option<&FieldMeta>, t: &CtyType) -> CtyValue {
    match (meta.is_some_and(|m| m.block), t) {
        (true, CtyType::List(_) | CtyType::Set(_)) => CtyValue::List(Vec::new()),
        (true, CtyType::Map(_)) => CtyValue::Map(BTreeMap::new()),
        _ => CtyValue::Null,
    }
}

/// The value inside secrets and output values; `None` for an unknown.
fn unwrap(v: &PropertyValue) -> Option<&PropertyValue> {
    match v {
        PropertyValue::Secret(inner) => unwrap(inner),
        PropertyValue::Output(o) => o.value.as_deref().and_then(unwrap),
        PropertyValue::Computed => None,
        other => Some(other),
    }
}

fn field_to_cty(v: &PropertyValue, meta: Option<&FieldMeta>, t: &CtyType, path: &str) -> Result<CtyValue, ValueError> {
    let Some(v) = unwrap(v) else { return Ok(CtyValue::Unknown) };
    if v.is_null() {
        return Ok(absent(meta, t));
    }
    let empty = Fields::new();
    let fields = meta.map_or(&empty, |m| &m.fields);
    match t {
        // A flattened max-items-1 block or nested attribute: one object stands for a 1-list.
        CtyType::List(e) | CtyType::Set(e) if meta.is_some_and(|m| m.max_items_one) => {
            Ok(CtyValue::List(vec![value_to_cty(v, fields, e, path)?]))
        }
        _ => value_to_cty(v, fields, t, path),
    }
}

fn value_to_cty(v: &PropertyValue, fields: &Fields, t: &CtyType, path: &str) -> Result<CtyValue, ValueError> {
    let Some(v) = unwrap(v) else { return Ok(CtyValue::Unknown) };
    let mismatch = || err(path, format!("expected {}, got {}", describe(t), kind(v)));
    Ok(match (t, v) {
        (_, PropertyValue::Null) => CtyValue::Null,
        (CtyType::Dynamic, _) => dynamic_to_cty(v, path)?,
        (CtyType::String, PropertyValue::String(s)) => CtyValue::String(s.clone()),
        (CtyType::String, PropertyValue::Number(n)) => CtyValue::String(number_text(*n, path)?),
        (CtyType::String, PropertyValue::Bool(b)) => CtyValue::String(b.to_string()),
        (CtyType::String, PropertyValue::ResourceReference(r)) => match r.id.as_deref().and_then(unwrap) {
            Some(PropertyValue::String(id)) => CtyValue::String(id.clone()),
            None => CtyValue::Unknown,
            _ => return Err(mismatch()),
        },
        (CtyType::Number, PropertyValue::Number(n)) => CtyValue::Number(number_text(*n, path)?),
        (CtyType::Number, PropertyValue::String(s)) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
            CtyValue::Number(s.trim().to_string())
        }
        (CtyType::Bool, PropertyValue::Bool(b)) => CtyValue::Bool(*b),
        (CtyType::Bool, PropertyValue::String(s)) if s == "true" || s == "false" => CtyValue::Bool(s == "true"),
        (CtyType::List(e) | CtyType::Set(e), PropertyValue::Array(items)) => CtyValue::List(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| value_to_cty(x, fields, e, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        (CtyType::Tuple(es), PropertyValue::Array(items)) if es.len() == items.len() => CtyValue::List(
            items
                .iter()
                .zip(es)
                .enumerate()
                .map(|(i, (x, e))| value_to_cty(x, fields, e, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        (CtyType::Map(e), PropertyValue::Object(m)) => CtyValue::Map(
            m.iter()
                .map(|(k, x)| Ok((k.clone(), value_to_cty(x, fields, e, &format!("{path}[{k:?}]"))?)))
                .collect::<Result<_, ValueError>>()?,
        ),
        (CtyType::Object(attrs), PropertyValue::Object(m)) => object_to_cty(m, fields, attrs, path)?,
        _ => return Err(mismatch()),
    })
}

/// A value for an attribute of the dynamic pseudo-type: its own shape decides.
fn dynamic_to_cty(v: &PropertyValue, path: &str) -> Result<CtyValue, ValueError> {
    let Some(v) = unwrap(v) else { return Ok(CtyValue::Unknown) };
    Ok(match v {
        PropertyValue::Null => CtyValue::Null,
        PropertyValue::Bool(b) => CtyValue::Bool(*b),
        PropertyValue::Number(n) => CtyValue::Number(number_text(*n, path)?),
        PropertyValue::String(s) => CtyValue::String(s.clone()),
        PropertyValue::Array(items) => CtyValue::List(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| dynamic_to_cty(x, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        PropertyValue::Object(m) => CtyValue::Map(
            m.iter()
                .map(|(k, x)| Ok((k.clone(), dynamic_to_cty(x, &join(path, k))?)))
                .collect::<Result<_, ValueError>>()?,
        ),
        other => return Err(err(path, format!("{} cannot be passed to Terraform", kind(other)))),
    })
}

fn number_text(n: f64, path: &str) -> Result<String, ValueError> {
    if n.is_finite() {
        // Rust prints the shortest text that parses back to the same float, without exponent.
        Ok(format!("{n}"))
    } else {
        Err(err(path, format!("{n} is not a number Terraform accepts")))
    }
}

fn describe(t: &CtyType) -> String {
    match t {
        CtyType::Bool => "a boolean".into(),
        CtyType::Number => "a number".into(),
        CtyType::String => "a string".into(),
        CtyType::Dynamic => "any value".into(),
        CtyType::List(_) | CtyType::Set(_) | CtyType::Tuple(_) => "a list".into(),
        CtyType::Map(_) => "a map".into(),
        CtyType::Object(_) => "an object".into(),
    }
}

fn kind(v: &PropertyValue) -> &'static str {
    match v {
        PropertyValue::Null => "null",
        PropertyValue::Bool(_) => "a boolean",
        PropertyValue::Number(_) => "a number",
        PropertyValue::String(_) => "a string",
        PropertyValue::Array(_) => "a list",
        PropertyValue::Object(_) => "an object",
        PropertyValue::Asset(_) => "an asset",
        PropertyValue::Archive(_) => "an archive",
        PropertyValue::Secret(_) => "a secret",
        PropertyValue::Computed | PropertyValue::Output(_) => "an unknown value",
        PropertyValue::ResourceReference(_) => "a resource reference",
    }
}

fn object_from_cty(
    m: &BTreeMap<String, CtyValue>,
    fields: &Fields,
    attrs: &BTreeMap<String, CtyType>,
    path: &str,
) -> Result<PropertyMap, ValueError> {
    let mut out = PropertyMap::new();
    for (tf, v) in m {
        let t = attrs.get(tf).ok_or_else(|| err(&join(path, tf), "attribute not in the Terraform schema"))?;
        let meta = fields.get(tf);
        let name = pulumi_name(fields, tf).to_string();
        let p = join(path, &name);
        out.insert(name, field_from_cty(v, meta, t, &p)?);
    }
    Ok(out)
}

fn field_from_cty(
    v: &CtyValue,
    meta: Option<&FieldMeta>,
    t: &CtyType,
    path: &str,
) -> Result<PropertyValue, ValueError> {
    let empty = Fields::new();
    let fields = meta.map_or(&empty, |m| &m.fields);
    let out = match (t, v) {
        (CtyType::List(e) | CtyType::Set(e), CtyValue::List(items)) if meta.is_some_and(|m| m.max_items_one) => {
            match items.first() {
                Some(x) => value_from_cty(x, fields, e, path)?,
                None => PropertyValue::Null,
            }
        }
        _ => value_from_cty(v, fields, t, path)?,
    };
    let secret = meta.is_some_and(|m| m.secret);
    Ok(if secret && !out.is_null() && !matches!(out, PropertyValue::Computed) {
        PropertyValue::secret(out)
    } else {
        out
    })
}

fn value_from_cty(v: &CtyValue, fields: &Fields, t: &CtyType, path: &str) -> Result<PropertyValue, ValueError> {
    let mismatch = || err(path, format!("Terraform sent {v:?} for {}", describe(t)));
    Ok(match (t, v) {
        (_, CtyValue::Null) => PropertyValue::Null,
        (_, CtyValue::Unknown) => PropertyValue::Computed,
        (CtyType::Dynamic, _) => dynamic_from_cty(v, path)?,
        (CtyType::String, CtyValue::String(s)) => PropertyValue::String(s.clone()),
        (CtyType::Bool, CtyValue::Bool(b)) => PropertyValue::Bool(*b),
        (CtyType::Number, CtyValue::Number(n)) => PropertyValue::Number(parse_number(n, path)?),
        (CtyType::List(e) | CtyType::Set(e), CtyValue::List(items)) => PropertyValue::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| value_from_cty(x, fields, e, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        (CtyType::Tuple(es), CtyValue::List(items)) if es.len() == items.len() => PropertyValue::Array(
            items
                .iter()
                .zip(es)
                .enumerate()
                .map(|(i, (x, e))| value_from_cty(x, fields, e, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        (CtyType::Map(e), CtyValue::Map(m)) => PropertyValue::Object(
            m.iter()
                .map(|(k, x)| Ok((k.clone(), value_from_cty(x, fields, e, &format!("{path}[{k:?}]"))?)))
                .collect::<Result<_, ValueError>>()?,
        ),
        (CtyType::Object(attrs), CtyValue::Map(m)) => PropertyValue::Object(object_from_cty(m, fields, attrs, path)?),
        _ => return Err(mismatch()),
    })
}

fn dynamic_from_cty(v: &CtyValue, path: &str) -> Result<PropertyValue, ValueError> {
    Ok(match v {
        CtyValue::Null => PropertyValue::Null,
        CtyValue::Unknown => PropertyValue::Computed,
        CtyValue::Bool(b) => PropertyValue::Bool(*b),
        CtyValue::Number(n) => PropertyValue::Number(parse_number(n, path)?),
        CtyValue::String(s) => PropertyValue::String(s.clone()),
        CtyValue::List(items) => PropertyValue::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| dynamic_from_cty(x, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        CtyValue::Map(m) => PropertyValue::Object(
            m.iter()
                .map(|(k, x)| Ok((k.clone(), dynamic_from_cty(x, &join(path, k))?)))
                .collect::<Result<_, ValueError>>()?,
        ),
    })
}

fn parse_number(n: &str, path: &str) -> Result<f64, ValueError> {
    n.parse::<f64>().map_err(|_| err(path, format!("{n:?} is not a number")))
}

/// A cty value as Terraform state JSON (`RawState.json` for `UpgradeResourceState`).
pub fn cty_to_json(v: &CtyValue) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        CtyValue::Null | CtyValue::Unknown => J::Null,
        CtyValue::Bool(b) => J::Bool(*b),
        CtyValue::Number(n) => {
            serde_json::from_str::<serde_json::Number>(n).map(J::Number).unwrap_or(J::String(n.clone()))
        }
        CtyValue::String(s) => J::String(s.clone()),
        CtyValue::List(items) => J::Array(items.iter().map(cty_to_json).collect()),
        CtyValue::Map(m) => J::Object(m.iter().map(|(k, x)| (k.clone(), cty_to_json(x))).collect()),
    }
}

/// Re-marks top-level outputs as secret where the same property was secret in one of `sources`
/// (a user's `pulumi.secret(...)` stays secret through Terraform, which does not know about it).
pub fn keep_secrets(outputs: &mut PropertyMap, sources: &[&PropertyMap]) {
    for (k, v) in outputs.iter_mut() {
        let was_secret = sources.iter().any(|s| s.get(k).is_some_and(PropertyValue::contains_secrets));
        if was_secret && !v.contains_secrets() && !v.is_null() {
            *v = PropertyValue::secret(std::mem::replace(v, PropertyValue::Null));
        }
    }
}

/// The inputs a resource's outputs imply (for import and refresh): the settable fields, non-null.
pub fn inputs_from_outputs(outputs: &PropertyMap, fields: &Fields) -> PropertyMap {
    fields
        .values()
        .filter(|m| m.input)
        .filter_map(|m| outputs.get(&m.name).filter(|v| !v.is_null()).map(|v| (m.name.clone(), v.clone())))
        .collect()
}
