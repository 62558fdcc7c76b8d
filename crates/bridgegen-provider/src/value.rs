//! Property values as they cross the provider protocol.
//!
//! On the wire every property bag is a `google.protobuf.Struct`. Plain JSON-like values map
//! one to one; Pulumi's special values are encoded as objects carrying a signature key
//! ([`SIG_KEY`]) whose string value says what the object is (secret, asset, archive,
//! resource reference, output value), and unknown values (during preview) as a sentinel
//! string ([`UNKNOWN`]). [`PropertyValue`] is the decoded form; [`PropertyValue::from_proto`]
//! and [`PropertyValue::to_proto`] convert, and a decode followed by an encode gives back
//! the same protobuf value.

use std::collections::BTreeMap;

use prost_types::{value::Kind, ListValue, Struct, Value};

/// The key whose presence marks an object as a special value.
pub const SIG_KEY: &str = "4dabf18193072939515e22adb298388d";
/// Signature of a secret: `{SIG_KEY: SECRET_SIG, "value": ...}`.
pub const SECRET_SIG: &str = "1b47061264138c4ac30d75fd1eb44270";
/// Signature of an asset: `{SIG_KEY: ASSET_SIG, "hash", "text" | "path" | "uri"}`.
pub const ASSET_SIG: &str = "c44067f5952c0a294b673a41bacd8c17";
/// Signature of an archive: `{SIG_KEY: ARCHIVE_SIG, "hash", "assets" | "path" | "uri"}`.
pub const ARCHIVE_SIG: &str = "0def7320c3a5731c473e5ecbe6d01bc7";
/// Signature of a resource reference: `{SIG_KEY: RESOURCE_SIG, "urn", "id"?, "packageVersion"?}`.
pub const RESOURCE_SIG: &str = "5cf8f73096256a8f31e491e813e4eb8e";
/// Signature of an output value: `{SIG_KEY: OUTPUT_SIG, "value"?, "secret"?, "dependencies"?}`.
pub const OUTPUT_SIG: &str = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
/// The string that stands for a value not known until the update runs.
pub const UNKNOWN: &str = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/// A property bag: top-level inputs or outputs of a resource, or an object's fields.
pub type PropertyMap = BTreeMap<String, PropertyValue>;

/// A decoded property value.
#[derive(Debug, Clone, PartialEq)]
pub enum PropertyValue {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<PropertyValue>),
    Object(PropertyMap),
    Asset(Asset),
    Archive(Archive),
    /// A value whose plaintext must not be shown or stored unencrypted.
    Secret(Box<PropertyValue>),
    /// A value not known yet (preview).
    Computed,
    ResourceReference(ResourceReference),
    Output(OutputValue),
}

/// An asset: a blob given inline (`text`), by file path or by URI.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Asset {
    pub hash: Option<String>,
    pub text: Option<String>,
    pub path: Option<String>,
    pub uri: Option<String>,
}

/// An archive: a map of named assets/archives, or a file path or URI.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Archive {
    pub hash: Option<String>,
    pub assets: Option<BTreeMap<String, AssetOrArchive>>,
    pub path: Option<String>,
    pub uri: Option<String>,
}

/// A member of an archive.
#[derive(Debug, Clone, PartialEq)]
pub enum AssetOrArchive {
    Asset(Asset),
    Archive(Archive),
}

/// A reference to another resource by URN (and id for custom resources).
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceReference {
    pub urn: String,
    /// The id: a string, or [`PropertyValue::Computed`] while unknown; `None` for components.
    pub id: Option<Box<PropertyValue>>,
    pub package_version: String,
}

/// An output value: possibly unknown, possibly secret, with its dependencies.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputValue {
    /// `None` when the value is unknown.
    pub value: Option<Box<PropertyValue>>,
    pub secret: bool,
    pub dependencies: Vec<String>,
}

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
    pub fn string(s: impl Into<String>) -> Self {
        PropertyValue::String(s.into())
    }

    pub fn secret(v: PropertyValue) -> Self {
        match v {
            PropertyValue::Secret(_) => v,
            other => PropertyValue::Secret(Box::new(other)),
        }
    }

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

    /// The value with secret and known-output wrappers removed.
    pub fn peel(&self) -> &PropertyValue {
        match self {
            PropertyValue::Secret(inner) => inner.peel(),
            PropertyValue::Output(OutputValue { value: Some(v), .. }) => v.peel(),
            other => other,
        }
    }

    /// True when this value or any value nested in it is marked secret.
    pub fn contains_secrets(&self) -> bool {
        match self {
            PropertyValue::Secret(_) => true,
            PropertyValue::Output(o) => o.secret || o.value.as_ref().is_some_and(|v| v.contains_secrets()),
            PropertyValue::Array(items) => items.iter().any(Self::contains_secrets),
            PropertyValue::Object(m) => m.values().any(Self::contains_secrets),
            _ => false,
        }
    }

    /// True when this value is unknown (an unknown output counts).
    pub fn is_computed(&self) -> bool {
        match self {
            PropertyValue::Computed | PropertyValue::Output(OutputValue { value: None, .. }) => true,
            PropertyValue::Secret(inner) => inner.is_computed(),
            PropertyValue::Output(OutputValue { value: Some(v), .. }) => v.is_computed(),
            _ => false,
        }
    }

    /// True when this value or any value nested in it is unknown.
    pub fn contains_unknowns(&self) -> bool {
        match self {
            PropertyValue::Computed => true,
            PropertyValue::Output(o) => match &o.value {
                None => true,
                Some(v) => v.contains_unknowns(),
            },
            PropertyValue::Secret(inner) => inner.contains_unknowns(),
            PropertyValue::Array(items) => items.iter().any(Self::contains_unknowns),
            PropertyValue::Object(m) => m.values().any(Self::contains_unknowns),
            PropertyValue::ResourceReference(r) => r.id.as_ref().is_some_and(|id| id.contains_unknowns()),
            _ => false,
        }
    }

    /// The string, seen through secret and output wrappers.
    pub fn as_str(&self) -> Option<&str> {
        match self.peel() {
            PropertyValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The object's fields, seen through secret and output wrappers.
    pub fn as_object(&self) -> Option<&PropertyMap> {
        match self.peel() {
            PropertyValue::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.peel(), PropertyValue::Null)
    }

    /// Plain JSON for a plain value (secrets are unwrapped; unknowns and other special
    /// values have no JSON form and give `None`).
    pub fn to_json(&self) -> Option<serde_json::Value> {
        use serde_json::Value as J;
        Some(match self.peel() {
            PropertyValue::Null => J::Null,
            PropertyValue::Bool(b) => J::Bool(*b),
            PropertyValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => J::Number((*n as i64).into()),
            PropertyValue::Number(n) => serde_json::Number::from_f64(*n).map(J::Number)?,
            PropertyValue::String(s) => J::String(s.clone()),
            PropertyValue::Array(items) => J::Array(items.iter().map(Self::to_json).collect::<Option<_>>()?),
            PropertyValue::Object(m) => {
                J::Object(m.iter().map(|(k, v)| Some((k.clone(), v.to_json()?))).collect::<Option<_>>()?)
            }
            _ => return None,
        })
    }

    /// Converts plain JSON (e.g. a schema default) to a property value.
    pub fn from_json(v: &serde_json::Value) -> Self {
        use serde_json::Value as J;
        match v {
            J::Null => PropertyValue::Null,
            J::Bool(b) => PropertyValue::Bool(*b),
            J::Number(n) => PropertyValue::Number(n.as_f64().unwrap_or(f64::NAN)),
            J::String(s) => PropertyValue::String(s.clone()),
            J::Array(items) => PropertyValue::Array(items.iter().map(Self::from_json).collect()),
            J::Object(m) => PropertyValue::Object(m.iter().map(|(k, v)| (k.clone(), Self::from_json(v))).collect()),
        }
    }
}

impl From<&str> for PropertyValue {
    fn from(s: &str) -> Self {
        PropertyValue::String(s.to_string())
    }
}

impl From<String> for PropertyValue {
    fn from(s: String) -> Self {
        PropertyValue::String(s)
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

    fn s(v: &str) -> PropertyValue {
        PropertyValue::String(v.into())
    }

    /// Every kind of value, nested in every container.
    fn sample() -> PropertyMap {
        let asset = Asset { hash: Some("abc".into()), text: Some("hello".into()), path: None, uri: None };
        let mut members = BTreeMap::new();
        members.insert("a.txt".to_string(), AssetOrArchive::Asset(asset.clone()));
        members.insert(
            "nested".to_string(),
            AssetOrArchive::Archive(Archive { hash: None, assets: None, path: Some("./dir".into()), uri: None }),
        );
        let mut m = PropertyMap::new();
        m.insert("null".into(), PropertyValue::Null);
        m.insert("bool".into(), PropertyValue::Bool(true));
        m.insert("num".into(), PropertyValue::Number(42.5));
        m.insert("str".into(), s("x"));
        m.insert("unknown".into(), PropertyValue::Computed);
        m.insert("secret".into(), PropertyValue::secret(s("hunter2")));
        m.insert(
            "secretObject".into(),
            PropertyValue::secret(PropertyValue::Object([("k".to_string(), PropertyValue::Computed)].into())),
        );
        m.insert(
            "list".into(),
            PropertyValue::Array(vec![s("a"), PropertyValue::secret(s("b")), PropertyValue::Computed]),
        );
        m.insert("asset".into(), PropertyValue::Asset(asset));
        m.insert(
            "uriAsset".into(),
            PropertyValue::Asset(Asset { uri: Some("https://x/y".into()), ..Default::default() }),
        );
        m.insert(
            "archive".into(),
            PropertyValue::Archive(Archive { hash: Some("h".into()), assets: Some(members), path: None, uri: None }),
        );
        m.insert(
            "ref".into(),
            PropertyValue::ResourceReference(ResourceReference {
                urn: "urn:pulumi:dev::p::alicloud:ecs/imageSharePermission:ImageSharePermission::x".into(),
                id: Some(Box::new(s("m-1:123"))),
                package_version: "3.108.0".into(),
            }),
        );
        m.insert(
            "refUnknownId".into(),
            PropertyValue::ResourceReference(ResourceReference {
                urn: "urn:pulumi:dev::p::pkg:index:Comp::c".into(),
                id: Some(Box::new(PropertyValue::Computed)),
                package_version: String::new(),
            }),
        );
        m.insert(
            "componentRef".into(),
            PropertyValue::ResourceReference(ResourceReference {
                urn: "urn:pulumi:dev::p::pkg:index:Comp::c".into(),
                id: None,
                package_version: String::new(),
            }),
        );
        m.insert(
            "output".into(),
            PropertyValue::Output(OutputValue {
                value: Some(Box::new(s("v"))),
                secret: true,
                dependencies: vec!["urn:a".into(), "urn:b".into()],
            }),
        );
        m.insert(
            "unknownOutput".into(),
            PropertyValue::Output(OutputValue { value: None, secret: false, dependencies: vec![] }),
        );
        m.insert("object".into(), PropertyValue::Object([("inner".to_string(), PropertyValue::Number(-1.0))].into()));
        m
    }

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

    #[test]
    fn helpers_see_through_wrappers() {
        let m = sample();
        assert_eq!(m["secret"].as_str(), Some("hunter2"));
        assert_eq!(m["output"].as_str(), Some("v"));
        assert!(m["secret"].contains_secrets());
        assert!(m["output"].contains_secrets());
        assert!(!m["str"].contains_secrets());
        assert!(m["unknown"].is_computed());
        assert!(m["unknownOutput"].is_computed());
        assert!(m["secretObject"].contains_unknowns());
        assert!(!m["secretObject"].is_computed());
        assert!(m["refUnknownId"].contains_unknowns());
        assert!(!m["ref"].contains_unknowns());
        assert_eq!(PropertyValue::secret(PropertyValue::secret(s("a"))), PropertyValue::secret(s("a")));
    }

    #[test]
    fn json_conversions() {
        let j = serde_json::json!({"a": [1, "x", null, true], "b": {"c": 2.5}});
        let v = PropertyValue::from_json(&j);
        assert_eq!(v.to_json(), Some(j));
        assert_eq!(PropertyValue::Computed.to_json(), None);
        assert_eq!(PropertyValue::secret(s("q")).to_json(), Some(serde_json::json!("q")));
    }
}
