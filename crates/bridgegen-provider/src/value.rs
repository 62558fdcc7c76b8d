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

mod wire;

pub use wire::{map_from_struct, map_to_struct, DecodeError};

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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn s(v: &str) -> PropertyValue {
        PropertyValue::String(v.into())
    }

    /// Every kind of value, nested in every container.
    pub(crate) fn sample() -> PropertyMap {
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
