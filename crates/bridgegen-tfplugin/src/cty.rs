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

/// Decodes cty msgpack of type `ty`: exactly one msgpack value, nothing after it.
pub fn from_msgpack(bytes: &[u8], ty: &CtyType) -> Result<CtyValue, CtyError> {
    let mut rd = bytes;
    let mp = rmpv::decode::read_value_with_max_depth(&mut rd, MAX_DEPTH)
        .map_err(|e| err("", format!("not msgpack: {e}")))?;
    if !rd.is_empty() {
        return Err(err("", format!("{} bytes after the msgpack value", rd.len())));
    }
    decode(&mp, ty, "")
}

/// Deepest msgpack nesting we read: far beyond any schema (each cty level is one, a dynamic
/// value two), shallow enough that reading it cannot overflow a 2 MiB thread stack.
const MAX_DEPTH: usize = 256;

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

/// Integers that fit in 64 bits as integers, floats as float64, any other decimal as its text;
/// a text goes as a msgpack number only when it is that number's canonical text, so it decodes
/// back unchanged (`-0`, `+5`, `007`, `1e3` and decimals beyond float64 go as text).
fn number(n: &str) -> Option<Mp> {
    if !is_decimal(n) {
        return None;
    }
    if let Ok(i) = n.parse::<i64>().map(|i| (i, i.to_string())) {
        if i.1 == n {
            return Some(Mp::Integer(i.0.into()));
        }
    }
    if let Ok(u) = n.parse::<u64>().map(|u| (u, u.to_string())) {
        if u.1 == n {
            return Some(Mp::Integer(u.0.into()));
        }
    }
    match n.parse::<f64>() {
        Ok(f) if f.is_finite() && format_f64(f) == n => Some(Mp::F64(f)),
        _ => Some(Mp::String(n.into())),
    }
}

/// Whether `n` is a decimal number as cty reads one from text: `[+-]digits[.digits][e[+-]digits]`
/// (either side of the point may be empty, not both).
fn is_decimal(n: &str) -> bool {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let n = n.strip_prefix(['+', '-']).unwrap_or(n);
    let (mantissa, exp) = n.split_once(['e', 'E']).map_or((n, None), |(m, e)| (m, Some(e)));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    !(int.is_empty() && frac.is_empty()) && digits(int) && digits(frac) && exp_ok
}

/// A float read off the wire as decimal text; NaN and infinities are not cty numbers.
fn float(f: f64, path: &str) -> Result<CtyValue, CtyError> {
    if f.is_finite() {
        Ok(CtyValue::Number(format_f64(f)))
    } else {
        Err(err(path, format!("{f} is not a cty number")))
    }
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
            let t = CtyType::from_json(&t).map_err(|e| err(path, format!("dynamic value type: {}", e.message)))?;
            decode(&pair[1], &t, path)?
        }
        (Mp::Boolean(b), CtyType::Bool) => CtyValue::Bool(*b),
        (Mp::String(s), CtyType::String) => CtyValue::String(s.as_str().ok_or_else(mismatch)?.to_string()),
        (Mp::Integer(i), CtyType::Number) => CtyValue::Number(i.to_string()),
        (Mp::F64(f), CtyType::Number) => float(*f, path)?,
        (Mp::F32(f), CtyType::Number) => float(f64::from(*f), path)?,
        (Mp::String(s), CtyType::Number) => match s.as_str() {
            Some(n) if is_decimal(n) => CtyValue::Number(n.to_string()),
            _ => return Err(err(path, format!("{mp} is not a decimal number"))),
        },
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

    #[test]
    fn deeply_nested_input_is_an_error_not_a_crash() {
        // Dynamic values nest without a type bound: 2000 levels (12 KB) overflowed the stack
        // inside rmpv's reader, whose own depth limit (1024) is too deep for a 2 MiB thread.
        let mut bytes = Vec::new();
        for _ in 0..2000 {
            bytes.extend_from_slice(&[0x92, 0xc4, 9]);
            bytes.extend_from_slice(b"\"dynamic\"");
        }
        bytes.push(0xc0);
        assert!(from_msgpack(&bytes, &CtyType::Dynamic).is_err());
        let ok_depth = bytes.len() / 2000 * 120;
        let mut shallow = bytes[bytes.len() - 1 - ok_depth..].to_vec();
        shallow.truncate(ok_depth);
        shallow.push(0xc0);
        assert_eq!(from_msgpack(&shallow, &CtyType::Dynamic).unwrap(), CtyValue::Null);
    }

    // Regressions found by the properties in tests/cty_roundtrip.rs.

    #[test]
    fn number_text_round_trips_exactly() {
        // "-0", "+5" and "007" were sent as the integer 0/5/7 and came back as "0", "5", "7";
        // "1e400" overflowed float64 and was refused although cty takes any decimal.
        for n in ["-0", "+5", "007", "1e3", "1E+3", "5.", ".5", "1e400", "-1.25e-400", "-9223372036854775809"] {
            let v = CtyValue::Number(n.into());
            assert_eq!(from_msgpack(&to_msgpack(&v, &CtyType::Number).unwrap(), &CtyType::Number).unwrap(), v, "{n}");
        }
        for n in ["", "-", ".", "e5", "1e", "1e+", "abc", "inf", "NaN", "1.2.3", " 1", "0x10"] {
            assert!(to_msgpack(&CtyValue::Number(n.into()), &CtyType::Number).is_err(), "{n:?}");
        }
    }

    #[test]
    fn text_and_non_finite_floats_are_not_numbers() {
        // A string decoded as a number was accepted whatever its text.
        let ty = CtyType::from_json(&json!(["list", "number"])).unwrap();
        let bytes = to_msgpack(&CtyValue::List(vec![s("no")]), &CtyType::List(Box::new(CtyType::String))).unwrap();
        assert_eq!(from_msgpack(&bytes, &ty).unwrap_err().path, "[0]");
        // NaN and infinities came back as the numbers "NaN" / "inf", which we then could not send.
        for f in [f64::NAN, f64::INFINITY] {
            let mut bytes = Vec::new();
            rmpv::encode::write_value(&mut bytes, &Mp::F64(f)).unwrap();
            assert!(from_msgpack(&bytes, &CtyType::Number).is_err());
        }
    }

    #[test]
    fn trailing_bytes_are_an_error() {
        // Bytes after the value were silently ignored.
        let e = from_msgpack(&[0xa1, b'x', 0xc0], &CtyType::String).unwrap_err();
        assert_eq!((e.path.as_str(), e.message.as_str()), ("(root)", "1 bytes after the msgpack value"));
    }

    #[test]
    fn bad_dynamic_type_names_the_value_path() {
        // The error for a bad type inside a dynamic value named the root, not the value.
        let ty = CtyType::from_json(&json!(["object", {"a": "dynamic"}])).unwrap();
        let inner = Mp::Array(vec![Mp::Binary(b"\"strin\"".to_vec()), Mp::Nil]);
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &Mp::Map(vec![(Mp::String("a".into()), inner)])).unwrap();
        let e = from_msgpack(&bytes, &ty).unwrap_err();
        assert_eq!(e.path, "a", "{e}");
    }
}
