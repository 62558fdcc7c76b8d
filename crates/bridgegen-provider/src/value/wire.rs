//! The wire form of property values: `google.protobuf.Struct` with the special values as
//! signature objects (see the parent module), decoded with paths for errors and encoded back.

use std::collections::BTreeMap;

use prost_types::{value::Kind, ListValue, Struct, Value};

use super::{
    Archive, Asset, AssetOrArchive, OutputValue, PropertyMap, PropertyValue, ResourceReference, ARCHIVE_SIG, ASSET_SIG,
    OUTPUT_SIG, RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN,
};

/// A malformed special value on the wire.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("malformed property value at `{path}`: {reason}")]
pub struct DecodeError {
    pub path: String,
    pub reason: String,
}

fn err(path: &str, reason: impl Into<String>) -> DecodeError {
    DecodeError { path: if path.is_empty() { "<root>".into() } else { path.into() }, reason: reason.into() }
}

impl DecodeError {
    /// Re-roots an error found in a child value under the child's `prefix` (`key`, `[i]`).
    /// Children are decoded with relative paths so that no path is built unless needed.
    fn under(mut self, prefix: &str) -> Self {
        self.path = if self.path == "<root>" {
            prefix.to_string()
        } else if self.path.starts_with('[') {
            format!("{prefix}{}", self.path)
        } else {
            format!("{prefix}.{}", self.path)
        };
        self
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl PropertyValue {
    /// Decodes one protobuf value.
    pub fn from_proto(v: &Value) -> Result<Self, DecodeError> {
        Self::decode(v, "")
    }

    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        Ok(match &v.kind {
            None | Some(Kind::NullValue(_)) => PropertyValue::Null,
            Some(Kind::BoolValue(b)) => PropertyValue::Bool(*b),
            Some(Kind::NumberValue(n)) => PropertyValue::Number(*n),
            Some(Kind::StringValue(s)) if s == UNKNOWN => PropertyValue::Computed,
            Some(Kind::StringValue(s)) => PropertyValue::String(s.clone()),
            Some(Kind::ListValue(l)) => PropertyValue::Array(
                l.values
                    .iter()
                    .enumerate()
                    .map(|(i, e)| Self::decode(e, "").map_err(|x| x.under(&format!("{path}[{i}]"))))
                    .collect::<Result<_, _>>()?,
            ),
            Some(Kind::StructValue(s)) => Self::decode_struct(s, path)?,
        })
    }

    fn decode_struct(s: &Struct, path: &str) -> Result<Self, DecodeError> {
        let sig = match s.fields.get(SIG_KEY).map(|v| &v.kind) {
            None => return Ok(PropertyValue::Object(decode_fields(s, path)?)),
            Some(Some(Kind::StringValue(sig))) => sig.as_str(),
            Some(_) => return Err(err(path, "signature key must hold a string")),
        };
        let field = |name: &str| s.fields.get(name);
        let opt_str = |name: &str| -> Result<Option<String>, DecodeError> {
            match field(name).map(|v| &v.kind) {
                None | Some(None) | Some(Some(Kind::NullValue(_))) => Ok(None),
                Some(Some(Kind::StringValue(x))) => Ok(Some(x.clone())),
                Some(_) => Err(err(&join(path, name), "expected a string")),
            }
        };
        match sig {
            SECRET_SIG => {
                let inner = field("value").ok_or_else(|| err(path, "secret without `value`"))?;
                Ok(PropertyValue::Secret(Box::new(Self::decode(inner, path)?)))
            }
            ASSET_SIG => Ok(PropertyValue::Asset(decode_asset(s, path)?)),
            ARCHIVE_SIG => Ok(PropertyValue::Archive(decode_archive(s, path)?)),
            RESOURCE_SIG => {
                let urn = opt_str("urn")?.ok_or_else(|| err(path, "resource reference without `urn`"))?;
                let id = match field("id") {
                    None => None,
                    Some(v) => Some(Box::new(Self::decode(v, &join(path, "id"))?)),
                };
                Ok(PropertyValue::ResourceReference(ResourceReference {
                    urn,
                    id,
                    package_version: opt_str("packageVersion")?.unwrap_or_default(),
                }))
            }
            OUTPUT_SIG => {
                let value = match field("value") {
                    None => None,
                    Some(v) => match Self::decode(v, path)? {
                        PropertyValue::Computed => None,
                        known => Some(Box::new(known)),
                    },
                };
                let secret = match field("secret").map(|v| &v.kind) {
                    None | Some(None) => false,
                    Some(Some(Kind::BoolValue(b))) => *b,
                    Some(_) => return Err(err(&join(path, "secret"), "expected a boolean")),
                };
                let dependencies = match field("dependencies").map(|v| &v.kind) {
                    None | Some(None) => Vec::new(),
                    Some(Some(Kind::ListValue(l))) => l
                        .values
                        .iter()
                        .map(|d| match &d.kind {
                            Some(Kind::StringValue(u)) => Ok(u.clone()),
                            _ => Err(err(&join(path, "dependencies"), "expected URN strings")),
                        })
                        .collect::<Result<_, _>>()?,
                    Some(_) => return Err(err(&join(path, "dependencies"), "expected a list")),
                };
                Ok(PropertyValue::Output(OutputValue { value, secret, dependencies }))
            }
            other => Err(err(path, format!("unknown special signature `{other}`"))),
        }
    }

    /// Encodes to a protobuf value. For values in canonical form (everything this crate
    /// produces, and everything the engine sends) this is the inverse of
    /// [`PropertyValue::from_proto`]; the one non-canonical input, an output value whose
    /// `value` is the unknown sentinel, encodes without its `value` field (same meaning).
    pub fn to_proto(&self) -> Value {
        let kind = match self {
            PropertyValue::Null => Kind::NullValue(0),
            PropertyValue::Bool(b) => Kind::BoolValue(*b),
            PropertyValue::Number(n) => Kind::NumberValue(*n),
            PropertyValue::String(s) => Kind::StringValue(s.clone()),
            PropertyValue::Computed => Kind::StringValue(UNKNOWN.into()),
            PropertyValue::Array(items) => {
                Kind::ListValue(ListValue { values: items.iter().map(Self::to_proto).collect() })
            }
            PropertyValue::Object(m) => Kind::StructValue(map_to_struct(m)),
            PropertyValue::Secret(inner) => special(SECRET_SIG, vec![("value", inner.to_proto())]),
            PropertyValue::Asset(a) => encode_asset(a),
            PropertyValue::Archive(a) => encode_archive(a),
            PropertyValue::ResourceReference(r) => {
                let mut f = vec![("urn", str_value(&r.urn))];
                if let Some(id) = &r.id {
                    f.push(("id", id.to_proto()));
                }
                if !r.package_version.is_empty() {
                    f.push(("packageVersion", str_value(&r.package_version)));
                }
                special(RESOURCE_SIG, f)
            }
            PropertyValue::Output(o) => {
                let mut f = Vec::new();
                if let Some(v) = &o.value {
                    f.push(("value", v.to_proto()));
                }
                if o.secret {
                    f.push(("secret", Value { kind: Some(Kind::BoolValue(true)) }));
                }
                if !o.dependencies.is_empty() {
                    let deps = o.dependencies.iter().map(|d| str_value(d)).collect();
                    f.push(("dependencies", Value { kind: Some(Kind::ListValue(ListValue { values: deps })) }));
                }
                special(OUTPUT_SIG, f)
            }
        };
        Value { kind: Some(kind) }
    }
}

fn str_value(s: &str) -> Value {
    Value { kind: Some(Kind::StringValue(s.to_string())) }
}

fn special(sig: &str, fields: Vec<(&str, Value)>) -> Kind {
    let mut s = Struct::default();
    s.fields.insert(SIG_KEY.to_string(), str_value(sig));
    for (k, v) in fields {
        s.fields.insert(k.to_string(), v);
    }
    Kind::StructValue(s)
}

fn decode_fields(s: &Struct, path: &str) -> Result<PropertyMap, DecodeError> {
    s.fields
        .iter()
        .map(|(k, v)| Ok((k.clone(), PropertyValue::decode(v, "").map_err(|x| x.under(&join(path, k)))?)))
        .collect()
}

fn get_opt_string(s: &Struct, name: &str, path: &str) -> Result<Option<String>, DecodeError> {
    match s.fields.get(name).map(|v| &v.kind) {
        None | Some(None) | Some(Some(Kind::NullValue(_))) => Ok(None),
        Some(Some(Kind::StringValue(x))) => Ok(Some(x.clone())),
        Some(_) => Err(err(&join(path, name), "expected a string")),
    }
}

fn decode_asset(s: &Struct, path: &str) -> Result<Asset, DecodeError> {
    let a = Asset {
        hash: get_opt_string(s, "hash", path)?,
        text: get_opt_string(s, "text", path)?,
        path: get_opt_string(s, "path", path)?,
        uri: get_opt_string(s, "uri", path)?,
    };
    let sources = [&a.text, &a.path, &a.uri].iter().filter(|x| x.is_some()).count();
    if sources > 1 {
        return Err(err(path, "an asset has at most one of `text`, `path`, `uri`"));
    }
    Ok(a)
}

fn decode_archive(s: &Struct, path: &str) -> Result<Archive, DecodeError> {
    let assets = match s.fields.get("assets").map(|v| &v.kind) {
        None | Some(None) | Some(Some(Kind::NullValue(_))) => None,
        Some(Some(Kind::StructValue(members))) => {
            let mut out = BTreeMap::new();
            for (name, v) in &members.fields {
                let p = join(&join(path, "assets"), name);
                let member = match PropertyValue::decode(v, &p)? {
                    PropertyValue::Asset(a) => AssetOrArchive::Asset(a),
                    PropertyValue::Archive(a) => AssetOrArchive::Archive(a),
                    _ => return Err(err(&p, "archive members must be assets or archives")),
                };
                out.insert(name.clone(), member);
            }
            Some(out)
        }
        Some(_) => return Err(err(&join(path, "assets"), "expected an object")),
    };
    let a = Archive {
        hash: get_opt_string(s, "hash", path)?,
        assets,
        path: get_opt_string(s, "path", path)?,
        uri: get_opt_string(s, "uri", path)?,
    };
    let sources = [a.assets.is_some(), a.path.is_some(), a.uri.is_some()].iter().filter(|x| **x).count();
    if sources > 1 {
        return Err(err(path, "an archive has at most one of `assets`, `path`, `uri`"));
    }
    Ok(a)
}

fn encode_asset(a: &Asset) -> Kind {
    let mut f = Vec::new();
    for (k, v) in [("hash", &a.hash), ("text", &a.text), ("path", &a.path), ("uri", &a.uri)] {
        if let Some(v) = v {
            f.push((k, str_value(v)));
        }
    }
    special(ASSET_SIG, f)
}

fn encode_archive(a: &Archive) -> Kind {
    let mut f = Vec::new();
    for (k, v) in [("hash", &a.hash), ("path", &a.path), ("uri", &a.uri)] {
        if let Some(v) = v {
            f.push((k, str_value(v)));
        }
    }
    if let Some(assets) = &a.assets {
        let mut members = Struct::default();
        for (name, m) in assets {
            let kind = match m {
                AssetOrArchive::Asset(x) => encode_asset(x),
                AssetOrArchive::Archive(x) => encode_archive(x),
            };
            members.fields.insert(name.clone(), Value { kind: Some(kind) });
        }
        f.push(("assets", Value { kind: Some(Kind::StructValue(members)) }));
    }
    special(ARCHIVE_SIG, f)
}

/// Decodes a property bag; a missing struct is an empty bag.
pub fn map_from_struct(s: Option<&Struct>) -> Result<PropertyMap, DecodeError> {
    match s {
        None => Ok(PropertyMap::new()),
        Some(s) => decode_fields(s, ""),
    }
}

/// Encodes a property bag.
pub fn map_to_struct(m: &PropertyMap) -> Struct {
    Struct { fields: m.iter().map(|(k, v)| (k.clone(), v.to_proto())).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::tests::{s, sample};

    #[test]
    fn round_trip_every_kind() {
        let m = sample();
        let wire = map_to_struct(&m);
        let back = map_from_struct(Some(&wire)).unwrap();
        assert_eq!(back, m);
        // And wire -> value -> wire is stable too.
        assert_eq!(map_to_struct(&back), wire);
    }

    #[test]
    fn wire_shapes_follow_the_protocol() {
        let v = PropertyValue::secret(s("p")).to_proto();
        let Some(Kind::StructValue(st)) = v.kind else { panic!("secret must be an object") };
        assert_eq!(st.fields[SIG_KEY].kind, Some(Kind::StringValue(SECRET_SIG.into())));
        assert_eq!(st.fields["value"].kind, Some(Kind::StringValue("p".into())));
        assert_eq!(PropertyValue::Computed.to_proto().kind, Some(Kind::StringValue(UNKNOWN.into())));
        let Some(Kind::StructValue(a)) =
            PropertyValue::Asset(Asset { path: Some("f".into()), ..Default::default() }).to_proto().kind
        else {
            panic!()
        };
        assert_eq!(a.fields[SIG_KEY].kind, Some(Kind::StringValue(ASSET_SIG.into())));
        assert_eq!(a.fields["path"].kind, Some(Kind::StringValue("f".into())));
        assert!(!a.fields.contains_key("text"));
    }

    #[test]
    fn malformed_specials_are_errors_with_paths() {
        let bad_sig = PropertyValue::Object([(SIG_KEY.to_string(), s("ffffffffffffffffffffffffffffffff"))].into());
        let wire = map_to_struct(&[("x".to_string(), PropertyValue::Array(vec![bad_sig]))].into());
        let e = map_from_struct(Some(&wire)).unwrap_err();
        assert_eq!(e.path, "x[0]");
        assert!(e.reason.contains("unknown special signature"));

        let secret_no_value = PropertyValue::Object([(SIG_KEY.to_string(), s(SECRET_SIG))].into());
        let wire = map_to_struct(&[("y".to_string(), secret_no_value)].into());
        assert!(map_from_struct(Some(&wire)).unwrap_err().reason.contains("value"));

        let two_sources = PropertyValue::Object(
            [(SIG_KEY.to_string(), s(ASSET_SIG)), ("text".into(), s("t")), ("path".into(), s("p"))].into(),
        );
        let wire = map_to_struct(&[("z".to_string(), two_sources)].into());
        assert!(map_from_struct(Some(&wire)).is_err());
    }
}
