//! cty values in the msgpack encoding of tfplugin5/6 `DynamicValue.msgpack`.
//!
//! Wire facts (cty's msgpack format): null is msgpack nil; an unknown value is extension type 0
//! (type 12 when it carries refinements, which we read as plain unknown); numbers are integers
//! when they fit in 64 bits, else float64, else a decimal string; lists, sets and tuples are
//! arrays; maps and objects are maps keyed by name (objects list every attribute, null ones as
//! nil); a value of the dynamic pseudo-type is a 2-array `[type JSON as bin, value]`.

use std::collections::BTreeMap;

use rmpv::Value as Mp;

/// A cty type, as in the schema JSON (`"string"`, `["list","string"]`, `["object",{...}]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CtyType {
    Bool,
    Number,
    String,
    /// `"dynamic"`: the value carries its own type on the wire.
    Dynamic,
    List(Box<CtyType>),
    Set(Box<CtyType>),
    Map(Box<CtyType>),
    Tuple(Vec<CtyType>),
    Object(BTreeMap<String, CtyType>),
}

/// A cty value. Numbers keep their decimal text so no precision is lost.
#[derive(Debug, Clone, PartialEq)]
pub enum CtyValue {
    Null,
    Unknown,
    Bool(bool),
    Number(String),
    String(String),
    /// Lists, sets and tuples.
    List(Vec<CtyValue>),
    /// Maps and objects.
    Map(BTreeMap<String, CtyValue>),
}

#[derive(Debug, thiserror::Error)]
#[error("cty value at `{path}`: {message}")]
pub struct CtyError {
    pub path: String,
    pub message: String,
}

fn err(path: &str, message: impl Into<String>) -> CtyError {
    CtyError { path: if path.is_empty() { "(root)".into() } else { path.to_string() }, message: message.into() }
}

impl CtyType {
    pub fn from_json(v: &serde_json::Value) -> Result<CtyType, CtyError> {
        use serde_json::Value as J;
        let bad = || err("", format!("not a cty type: {v}"));
        Ok(match v {
            J::String(s) => match s.as_str() {
                "bool" => CtyType::Bool,
                "number" => CtyType::Number,
                "string" => CtyType::String,
                "dynamic" => CtyType::Dynamic,
                _ => return Err(bad()),
            },
            J::Array(a) => match (a.first().and_then(J::as_str), a.get(1)) {
                (Some("list"), Some(e)) => CtyType::List(Box::new(Self::from_json(e)?)),
                (Some("set"), Some(e)) => CtyType::Set(Box::new(Self::from_json(e)?)),
                (Some("map"), Some(e)) => CtyType::Map(Box::new(Self::from_json(e)?)),
                (Some("tuple"), Some(J::Array(es))) => {
                    CtyType::Tuple(es.iter().map(Self::from_json).collect::<Result<_, _>>()?)
                }
                // A third element lists optional attributes; it does not change the encoding.
                (Some("object"), Some(J::Object(attrs))) => {
                    CtyType::Object(attrs.iter().map(|(k, t)| Ok((k.clone(), Self::from_json(t)?))).collect::<Result<
                        _,
                        CtyError,
                    >>(
                    )?)
                }
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        })
    }

    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            CtyType::Bool => json!("bool"),
            CtyType::Number => json!("number"),
            CtyType::String => json!("string"),
            CtyType::Dynamic => json!("dynamic"),
            CtyType::List(e) => json!(["list", e.to_json()]),
            CtyType::Set(e) => json!(["set", e.to_json()]),
            CtyType::Map(e) => json!(["map", e.to_json()]),
            CtyType::Tuple(es) => json!(["tuple", es.iter().map(CtyType::to_json).collect::<Vec<_>>()]),
            CtyType::Object(a) => {
                json!(["object", a.iter().map(|(k, t)| (k.clone(), t.to_json())).collect::<serde_json::Map<_, _>>()])
            }
        }
    }
}

/// Encodes `value` of type `ty` as cty msgpack.
pub fn to_msgpack(value: &CtyValue, ty: &CtyType) -> Result<Vec<u8>, CtyError> {
    let mp = encode(value, ty, "")?;
    let mut out = Vec::new();
    rmpv::encode::write_value(&mut out, &mp).map_err(|e| err("", e.to_string()))?;
    Ok(out)
}

/// Decodes cty msgpack of type `ty`.
pub fn from_msgpack(bytes: &[u8], ty: &CtyType) -> Result<CtyValue, CtyError> {
    let mut rd = bytes;
    let mp = rmpv::decode::read_value(&mut rd).map_err(|e| err("", format!("not msgpack: {e}")))?;
    decode(&mp, ty, "")
}

fn unknown() -> Mp {
    Mp::Ext(0, vec![0])
}

fn child(path: &str, key: impl std::fmt::Display) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn encode(v: &CtyValue, ty: &CtyType, path: &str) -> Result<Mp, CtyError> {
    let mismatch = || err(path, format!("{v:?} does not fit type {}", ty.to_json()));
    Ok(match (v, ty) {
        (CtyValue::Null, _) => Mp::Nil,
        (CtyValue::Unknown, _) => unknown(),
        (_, CtyType::Dynamic) => {
            let inferred = infer(v);
            let json = serde_json::to_vec(&inferred.to_json()).expect("types serialize");
            Mp::Array(vec![Mp::Binary(json), encode(v, &inferred, path)?])
        }
        (CtyValue::Bool(b), CtyType::Bool) => Mp::Boolean(*b),
        (CtyValue::String(s), CtyType::String) => Mp::String(s.as_str().into()),
        (CtyValue::Number(n), CtyType::Number) => {
            number(n).ok_or_else(|| err(path, format!("{n:?} is not a number")))?
        }
        (CtyValue::List(items), CtyType::List(e) | CtyType::Set(e)) => Mp::Array(
            items.iter().enumerate().map(|(i, x)| encode(x, e, &format!("{path}[{i}]"))).collect::<Result<_, _>>()?,
        ),
        (CtyValue::List(items), CtyType::Tuple(es)) if items.len() == es.len() => Mp::Array(
            items
                .iter()
                .zip(es)
                .enumerate()
                .map(|(i, (x, t))| encode(x, t, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        (CtyValue::Map(m), CtyType::Map(e)) => Mp::Map(
            m.iter()
                .map(|(k, x)| Ok((Mp::String(k.as_str().into()), encode(x, e, &format!("{path}[{k:?}]"))?)))
                .collect::<Result<_, CtyError>>()?,
        ),
        (CtyValue::Map(m), CtyType::Object(attrs)) => {
            if let Some(extra) = m.keys().find(|k| !attrs.contains_key(*k)) {
                return Err(err(path, format!("unsupported attribute `{extra}`")));
            }
            Mp::Map(
                attrs
                    .iter()
                    .map(|(k, t)| {
                        let x = m.get(k).unwrap_or(&CtyValue::Null);
                        Ok((Mp::String(k.as_str().into()), encode(x, t, &child(path, k))?))
                    })
                    .collect::<Result<_, CtyError>>()?,
            )
        }
        _ => return Err(mismatch()),
    })
}

/// Integers that fit in 64 bits as integers, floats that survive the round trip as float64,
/// any other decimal as its text.
fn number(n: &str) -> Option<Mp> {
    if let Ok(i) = n.parse::<i64>() {
        return Some(Mp::Integer(i.into()));
    }
    if let Ok(u) = n.parse::<u64>() {
        return Some(Mp::Integer(u.into()));
    }
    let f: f64 = n.parse().ok().filter(|f: &f64| f.is_finite())?;
    Some(if format_f64(f) == n { Mp::F64(f) } else { Mp::String(n.into()) })
}

/// Shortest decimal text of a float that parses back to it (Rust's `Display` for f64 is that).
fn format_f64(f: f64) -> String {
    format!("{f}")
}

/// The type a value of the dynamic pseudo-type is sent as.
fn infer(v: &CtyValue) -> CtyType {
    match v {
        CtyValue::Bool(_) => CtyType::Bool,
        CtyValue::Number(_) => CtyType::Number,
        CtyValue::String(_) | CtyValue::Null | CtyValue::Unknown => CtyType::String,
        CtyValue::List(items) => CtyType::Tuple(items.iter().map(infer).collect()),
        CtyValue::Map(m) => CtyType::Object(m.iter().map(|(k, x)| (k.clone(), infer(x))).collect()),
    }
}

fn decode(mp: &Mp, ty: &CtyType, path: &str) -> Result<CtyValue, CtyError> {
    let mismatch = || err(path, format!("msgpack {mp} does not fit type {}", ty.to_json()));
    Ok(match (mp, ty) {
        (Mp::Nil, _) => CtyValue::Null,
        (Mp::Ext(0 | 12, _), _) => CtyValue::Unknown,
        (Mp::Array(pair), CtyType::Dynamic) if pair.len() == 2 => {
            let json = match &pair[0] {
                Mp::Binary(b) => b.clone(),
                Mp::String(s) => s.as_bytes().to_vec(),
                _ => return Err(mismatch()),
            };
            let t: serde_json::Value =
                serde_json::from_slice(&json).map_err(|e| err(path, format!("dynamic value type: {e}")))?;
            decode(&pair[1], &CtyType::from_json(&t)?, path)?
        }
        (Mp::Boolean(b), CtyType::Bool) => CtyValue::Bool(*b),
        (Mp::String(s), CtyType::String) => CtyValue::String(s.as_str().ok_or_else(mismatch)?.to_string()),
        (Mp::Integer(i), CtyType::Number) => CtyValue::Number(i.to_string()),
        (Mp::F64(f), CtyType::Number) => CtyValue::Number(format_f64(*f)),
        (Mp::F32(f), CtyType::Number) => CtyValue::Number(format_f64(f64::from(*f))),
        (Mp::String(s), CtyType::Number) => CtyValue::Number(s.as_str().ok_or_else(mismatch)?.to_string()),
        (Mp::Array(items), CtyType::List(e) | CtyType::Set(e)) => CtyValue::List(
            items.iter().enumerate().map(|(i, x)| decode(x, e, &format!("{path}[{i}]"))).collect::<Result<_, _>>()?,
        ),
        (Mp::Array(items), CtyType::Tuple(es)) if items.len() == es.len() => CtyValue::List(
            items
                .iter()
                .zip(es)
                .enumerate()
                .map(|(i, (x, t))| decode(x, t, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        (Mp::Map(entries), CtyType::Map(_) | CtyType::Object(_)) => {
            let mut out = BTreeMap::new();
            for (k, x) in entries {
                let key = k.as_str().ok_or_else(|| err(path, "map key is not a string"))?.to_string();
                let t = match ty {
                    CtyType::Map(e) => e.as_ref(),
                    CtyType::Object(attrs) => {
                        attrs.get(&key).ok_or_else(|| err(path, format!("unexpected attribute `{key}`")))?
                    }
                    _ => unreachable!("matched above"),
                };
                let p = if matches!(ty, CtyType::Object(_)) { child(path, &key) } else { format!("{path}[{key:?}]") };
                out.insert(key, decode(x, t, &p)?);
            }
            CtyValue::Map(out)
        }
        _ => return Err(mismatch()),
    })
}

impl From<&crate::schema::Block> for CtyType {
    /// The object type of a schema block (Terraform's implied type): attributes, nested
    /// attribute types and nested blocks by their nesting mode.
    fn from(b: &crate::schema::Block) -> CtyType {
        let mut attrs: BTreeMap<String, CtyType> =
            b.attributes.iter().map(|(name, a)| (name.clone(), attribute_type(a))).collect();
        for (name, bt) in &b.block_types {
            let inner = bt.block.as_ref().map(CtyType::from).unwrap_or(CtyType::Object(BTreeMap::new()));
            let t = match bt.nesting_mode.as_str() {
                "list" => CtyType::List(Box::new(inner)),
                "set" => CtyType::Set(Box::new(inner)),
                "map" => CtyType::Map(Box::new(inner)),
                _ => inner, // single, group
            };
            attrs.insert(name.clone(), t);
        }
        CtyType::Object(attrs)
    }
}

fn attribute_type(a: &crate::schema::Attribute) -> CtyType {
    if let Some(n) = &a.nested_type {
        let inner = CtyType::Object(n.attributes.iter().map(|(k, a)| (k.clone(), attribute_type(a))).collect());
        return match n.nesting_mode.as_str() {
            "list" => CtyType::List(Box::new(inner)),
            "set" => CtyType::Set(Box::new(inner)),
            "map" => CtyType::Map(Box::new(inner)),
            _ => inner,
        };
    }
    a.attribute_type.as_ref().and_then(|t| CtyType::from_json(t).ok()).unwrap_or(CtyType::Dynamic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn s(x: &str) -> CtyValue {
        CtyValue::String(x.into())
    }

    #[test]
    fn round_trips_nested_values_with_nulls_and_unknowns() {
        let ty = CtyType::from_json(&json!(["object", {
            "name": "string", "n": "number", "ok": "bool", "tags": ["map", "string"],
            "ids": ["set", "string"], "rules": ["list", ["object", {"port": "number"}]],
            "pair": ["tuple", ["string", "number"]], "any": "dynamic"
        }]))
        .unwrap();
        let v = CtyValue::Map(BTreeMap::from([
            ("name".into(), s("a")),
            ("n".into(), CtyValue::Number("1.5".into())),
            ("ok".into(), CtyValue::Unknown),
            ("tags".into(), CtyValue::Map(BTreeMap::from([("k".into(), s("v"))]))),
            ("ids".into(), CtyValue::List(vec![s("x"), CtyValue::Unknown])),
            (
                "rules".into(),
                CtyValue::List(vec![CtyValue::Map(BTreeMap::from([(
                    "port".into(),
                    CtyValue::Number("18446744073709551615".into()),
                )]))]),
            ),
            ("pair".into(), CtyValue::List(vec![s("p"), CtyValue::Number("-3".into())])),
            ("any".into(), CtyValue::Map(BTreeMap::from([("inner".into(), CtyValue::Bool(true))]))),
        ]));
        let bytes = to_msgpack(&v, &ty).unwrap();
        assert_eq!(from_msgpack(&bytes, &ty).unwrap(), v);
        // A missing object attribute goes on the wire as null.
        let partial = CtyValue::Map(BTreeMap::from([("name".into(), s("b"))]));
        let back = from_msgpack(&to_msgpack(&partial, &ty).unwrap(), &ty).unwrap();
        let CtyValue::Map(m) = back else { panic!() };
        assert_eq!((m.len(), &m["name"], &m["tags"]), (8, &s("b"), &CtyValue::Null));
    }

    #[test]
    fn wire_details() {
        // unknown = fixext1 type 0; null = nil; whole numbers as integers; big decimals as text.
        assert_eq!(to_msgpack(&CtyValue::Unknown, &CtyType::String).unwrap(), [0xd4, 0, 0]);
        assert_eq!(to_msgpack(&CtyValue::Null, &CtyType::String).unwrap(), [0xc0]);
        assert_eq!(to_msgpack(&CtyValue::Number("5".into()), &CtyType::Number).unwrap(), [0x05]);
        let big = CtyValue::Number("0.1000000000000000000001".into());
        assert_eq!(from_msgpack(&to_msgpack(&big, &CtyType::Number).unwrap(), &CtyType::Number).unwrap(), big);
        // Refined unknowns (extension 12) read as unknown.
        assert_eq!(from_msgpack(&[0xd5, 12, 0x80, 0x00], &CtyType::String).unwrap(), CtyValue::Unknown);
        // Dynamic values carry their type JSON.
        let bytes = to_msgpack(&s("x"), &CtyType::Dynamic).unwrap();
        assert_eq!(bytes, [0x92, 0xc4, 8, b'"', b's', b't', b'r', b'i', b'n', b'g', b'"', 0xa1, b'x']);
    }

    #[test]
    fn mismatches_name_the_path() {
        let ty = CtyType::from_json(&json!(["object", {"a": ["list", "bool"]}])).unwrap();
        let v = CtyValue::Map(BTreeMap::from([("a".into(), CtyValue::List(vec![s("no")]))]));
        let e = to_msgpack(&v, &ty).unwrap_err();
        assert_eq!(e.path, "a[0]");
        let extra = CtyValue::Map(BTreeMap::from([("zz".into(), s("x"))]));
        assert!(to_msgpack(&extra, &ty).unwrap_err().message.contains("unsupported attribute `zz`"));
        assert!(CtyType::from_json(&json!("strin")).is_err());
    }
}
