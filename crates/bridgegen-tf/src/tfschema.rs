//! Serde model of `terraform providers schema -json` (format_version 1.0), the same shape
//! `bridgegen tf schema` writes. Unknown keys (ephemeral/list/action schemas, ...) are ignored:
//! the bridge maps providers, resources, data sources and provider functions.

use std::path::Path;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::BridgeError;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProvidersSchema {
    #[serde(default)]
    pub format_version: String,
    #[serde(default)]
    pub provider_schemas: IndexMap<String, ProviderSchema>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProviderSchema {
    #[serde(default)]
    pub provider: Option<Schema>,
    #[serde(default)]
    pub resource_schemas: IndexMap<String, Schema>,
    #[serde(default)]
    pub data_source_schemas: IndexMap<String, Schema>,
    /// Provider-defined functions by their (unprefixed) Terraform name.
    #[serde(default)]
    pub functions: IndexMap<String, Function>,
}

/// A provider function's signature (Terraform's `jsonfunction` shape).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Function {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub deprecation_message: Option<String>,
    pub return_type: CtyType,
    /// Positional, in call order.
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    #[serde(default)]
    pub variadic_parameter: Option<Parameter>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Parameter {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub is_nullable: bool,
    #[serde(rename = "type")]
    pub type_: CtyType,
}

/// One resource, data source or provider configuration schema.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Schema {
    #[serde(default)]
    pub version: i64,
    pub block: Block,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Block {
    #[serde(default)]
    pub attributes: IndexMap<String, Attribute>,
    #[serde(default)]
    pub block_types: IndexMap<String, NestedBlock>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub description_kind: Option<String>,
    #[serde(default)]
    pub deprecated: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Attribute {
    /// A cty type (`"string"`, `["list","string"]`, `["object",{...}]`, ...); absent when
    /// `nested_type` is set.
    #[serde(default, rename = "type")]
    pub type_: Option<CtyType>,
    /// Protocol 6 nested attributes.
    #[serde(default)]
    pub nested_type: Option<NestedType>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub description_kind: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub computed: bool,
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub write_only: bool,
    #[serde(default)]
    pub deprecated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NestingMode {
    #[default]
    Single,
    Group,
    List,
    Set,
    Map,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NestedType {
    #[serde(default)]
    pub attributes: IndexMap<String, Attribute>,
    #[serde(default)]
    pub nesting_mode: NestingMode,
    #[serde(default)]
    pub min_items: u64,
    #[serde(default)]
    pub max_items: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NestedBlock {
    #[serde(default)]
    pub nesting_mode: NestingMode,
    #[serde(default)]
    pub block: Block,
    #[serde(default)]
    pub min_items: u64,
    #[serde(default)]
    pub max_items: u64,
}

/// A cty type in its JSON form.
#[derive(Debug, Clone, PartialEq)]
pub enum CtyType {
    String,
    Number,
    Bool,
    Dynamic,
    List(Box<CtyType>),
    Set(Box<CtyType>),
    Map(Box<CtyType>),
    Object(IndexMap<String, CtyType>),
    Tuple(Vec<CtyType>),
}

impl CtyType {
    fn from_json(v: &Value) -> Result<CtyType, String> {
        match v {
            Value::String(s) => match s.as_str() {
                "string" => Ok(CtyType::String),
                "number" => Ok(CtyType::Number),
                "bool" => Ok(CtyType::Bool),
                "dynamic" => Ok(CtyType::Dynamic),
                other => Err(format!("unknown primitive type `{other}`")),
            },
            Value::Array(a) if a.len() == 2 => {
                let kind = a[0].as_str().ok_or("a collection type starts with its kind")?;
                match kind {
                    "list" => Ok(CtyType::List(Box::new(Self::from_json(&a[1])?))),
                    "set" => Ok(CtyType::Set(Box::new(Self::from_json(&a[1])?))),
                    "map" => Ok(CtyType::Map(Box::new(Self::from_json(&a[1])?))),
                    "object" => {
                        let fields = a[1].as_object().ok_or("an object type maps attribute names to types")?;
                        let mut out = IndexMap::new();
                        for (k, t) in fields {
                            out.insert(k.clone(), Self::from_json(t)?);
                        }
                        Ok(CtyType::Object(out))
                    }
                    "tuple" => {
                        let items = a[1].as_array().ok_or("a tuple type lists its element types")?;
                        Ok(CtyType::Tuple(items.iter().map(Self::from_json).collect::<Result<_, _>>()?))
                    }
                    other => Err(format!("unknown type kind `{other}`")),
                }
            }
            _ => Err(format!("not a cty type: {v}")),
        }
    }

    fn to_json(&self) -> Value {
        match self {
            CtyType::String => "string".into(),
            CtyType::Number => "number".into(),
            CtyType::Bool => "bool".into(),
            CtyType::Dynamic => "dynamic".into(),
            CtyType::List(t) => serde_json::json!(["list", t.to_json()]),
            CtyType::Set(t) => serde_json::json!(["set", t.to_json()]),
            CtyType::Map(t) => serde_json::json!(["map", t.to_json()]),
            CtyType::Object(f) => {
                let m: serde_json::Map<String, Value> = f.iter().map(|(k, v)| (k.clone(), v.to_json())).collect();
                serde_json::json!(["object", m])
            }
            CtyType::Tuple(ts) => serde_json::json!(["tuple", ts.iter().map(|t| t.to_json()).collect::<Vec<_>>()]),
        }
    }
}

impl<'de> Deserialize<'de> for CtyType {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(de)?;
        CtyType::from_json(&v).map_err(serde::de::Error::custom)
    }
}

impl Serialize for CtyType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

impl ProvidersSchema {
    /// Parses the JSON text; an error names the JSON pointer of the offending value.
    pub fn parse(text: &str, file: &Path) -> Result<ProvidersSchema, BridgeError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let parsed: ProvidersSchema = serde_path_to_error::deserialize(de).map_err(|e| {
            let pointer = path_to_pointer(&e.path().to_string());
            BridgeError::invalid(file, pointer, e.inner().to_string())
        })?;
        if parsed.provider_schemas.is_empty() {
            return Err(BridgeError::invalid(file, "/provider_schemas", "no provider schemas in the file".to_string()));
        }
        Ok(parsed)
    }

    pub fn load(file: &Path) -> Result<ProvidersSchema, BridgeError> {
        let text = std::fs::read_to_string(file).map_err(|e| BridgeError::io(file, e))?;
        Self::parse(&text, file)
    }
}

/// serde_path_to_error's `a.b[0].c` -> `/a/b/0/c` (keys escaped per RFC 6901).
pub fn path_to_pointer(path: &str) -> String {
    if path == "." || path.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for seg in path.split('.') {
        let mut rest = seg;
        if let Some(i) = rest.find('[') {
            out.push('/');
            out.push_str(&rest[..i].replace('~', "~0").replace('/', "~1"));
            rest = &rest[i..];
            while let Some(end) = rest.find(']') {
                out.push('/');
                out.push_str(&rest[1..end]);
                rest = &rest[end + 1..];
            }
        } else {
            out.push('/');
            out.push_str(&rest.replace('~', "~0").replace('/', "~1"));
        }
    }
    out
}
