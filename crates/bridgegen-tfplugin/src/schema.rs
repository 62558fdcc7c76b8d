//! Provider schemas in the `terraform providers schema -json` format (format_version 1.0),
//! built from tfplugin5/tfplugin6 `GetProviderSchema` answers. Field names, order and omission
//! rules follow Terraform's output; maps are sorted by name as Terraform writes them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::proto::{tfplugin5 as v5, tfplugin6 as v6};

/// The whole document: `{"format_version": "1.0", "provider_schemas": {ADDRESS: ...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvidersSchema {
    pub format_version: String,
    #[serde(default)]
    pub provider_schemas: BTreeMap<String, ProviderSchema>,
}

impl ProvidersSchema {
    /// The only format version Terraform writes today.
    pub const FORMAT_VERSION: &'static str = "1.0";

    /// A document with one provider under its registry address.
    pub fn single(address: impl Into<String>, schema: ProviderSchema) -> Self {
        ProvidersSchema {
            format_version: Self::FORMAT_VERSION.to_string(),
            provider_schemas: BTreeMap::from([(address.into(), schema)]),
        }
    }

    /// Pretty JSON with a trailing newline (stable: maps are sorted).
    pub fn to_json_pretty(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("schema values always serialize");
        s.push('\n');
        s
    }
}

/// One provider: its configuration schema and its resources, data sources and ephemeral resources.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProviderSchema {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Schema>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub resource_schemas: BTreeMap<String, Schema>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub data_source_schemas: BTreeMap<String, Schema>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ephemeral_resource_schemas: BTreeMap<String, Schema>,
    /// Provider-defined functions (protocol 5.5 / 6.5, Terraform 1.8+), called by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub functions: BTreeMap<String, Function>,
}

/// A provider function's signature, as Terraform's `jsonfunction` package writes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Function {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deprecation_message: String,
    /// The cty type of the result, in its JSON form.
    pub return_type: serde_json::Value,
    /// The positional parameters, in call order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<Parameter>,
    /// A final parameter taking zero or more arguments of its type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variadic_parameter: Option<Parameter>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    /// Documentation only: arguments are positional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The protocol's `allow_null_value`: null is an acceptable argument.
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_nullable: bool,
    /// The cty type constraint, in its JSON form.
    #[serde(rename = "type")]
    pub parameter_type: serde_json::Value,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    #[serde(default)]
    pub version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<Block>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Block {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, Attribute>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub block_types: BTreeMap<String, BlockType>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default = "plain")]
    pub description_kind: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    /// The cty type in its JSON form (`"string"`, `["map","string"]`, `["object",{...}]`);
    /// absent when `nested_type` describes the value instead.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<serde_json::Value>,
    /// Protocol 6 nested attributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nested_type: Option<NestedType>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default = "plain")]
    pub description_kind: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub computed: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub write_only: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NestedType {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, Attribute>,
    /// `single`, `list`, `set` or `map`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nesting_mode: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BlockType {
    /// `single`, `list`, `set`, `map` or `group`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nesting_mode: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<Block>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub min_items: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub max_items: u64,
}

fn plain() -> String {
    "plain".to_string()
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Terraform names `StringKind` values `plain` (0) and `markdown` (1).
fn description_kind(kind: i32) -> String {
    if kind == 1 { "markdown" } else { "plain" }.to_string()
}

/// Block nesting modes (same numbering in both protocols); invalid ones are left empty.
fn block_nesting(mode: i32) -> String {
    ["", "single", "list", "set", "map", "group"].get(mode as usize).copied().unwrap_or("").to_string()
}

/// The attribute type bytes are cty JSON; a provider sending something else is reported as a string.
fn cty_type(bytes: &[u8]) -> Option<serde_json::Value> {
    if bytes.is_empty() {
        return None;
    }
    Some(
        serde_json::from_slice(bytes)
            .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(bytes).into())),
    )
}

// Both protocols have the same Block and NestedBlock shapes; only attributes differ (v6 adds
// nested attribute types), so one macro writes the block conversions for each.
macro_rules! block_conversions {
    ($m:ident, $attr:ident) => {
        impl From<&$m::Schema> for Schema {
            fn from(s: &$m::Schema) -> Self {
                Schema { version: s.version.max(0) as u64, block: s.block.as_ref().map(Block::from) }
            }
        }

        impl From<&$m::schema::Block> for Block {
            fn from(b: &$m::schema::Block) -> Self {
                Block {
                    attributes: b.attributes.iter().map(|a| (a.name.clone(), $attr(a))).collect(),
                    block_types: b
                        .block_types
                        .iter()
                        .map(|nb| {
                            let t = BlockType {
                                nesting_mode: block_nesting(nb.nesting),
                                block: nb.block.as_ref().map(Block::from),
                                min_items: nb.min_items.max(0) as u64,
                                max_items: nb.max_items.max(0) as u64,
                            };
                            (nb.type_name.clone(), t)
                        })
                        .collect(),
                    description: b.description.clone(),
                    description_kind: description_kind(b.description_kind),
                    deprecated: b.deprecated,
                }
            }
        }
    };
}

block_conversions!(v5, attribute_v5);
block_conversions!(v6, attribute_v6);

// Both protocols define the same Function message.
macro_rules! function_conversions {
    ($m:ident) => {
        impl From<&$m::Function> for Function {
            fn from(f: &$m::Function) -> Self {
                let param = |p: &$m::function::Parameter| Parameter {
                    name: p.name.clone(),
                    description: p.description.clone(),
                    is_nullable: p.allow_null_value,
                    parameter_type: cty_type(&p.r#type).unwrap_or_else(|| "dynamic".into()),
                };
                Function {
                    description: f.description.clone(),
                    summary: f.summary.clone(),
                    deprecation_message: f.deprecation_message.clone(),
                    return_type: f
                        .r#return
                        .as_ref()
                        .and_then(|r| cty_type(&r.r#type))
                        .unwrap_or_else(|| "dynamic".into()),
                    parameters: f.parameters.iter().map(param).collect(),
                    variadic_parameter: f.variadic_parameter.as_ref().map(param),
                }
            }
        }
    };
}

function_conversions!(v5);
function_conversions!(v6);

/// Functions by name, in Terraform's JSON model.
pub(crate) fn functions<'a, F: 'a>(m: impl IntoIterator<Item = (&'a String, &'a F)>) -> BTreeMap<String, Function>
where
    Function: From<&'a F>,
{
    m.into_iter().map(|(k, v)| (k.clone(), Function::from(v))).collect()
}

fn attribute_v5(a: &v5::schema::Attribute) -> Attribute {
    Attribute {
        attribute_type: cty_type(&a.r#type),
        nested_type: None,
        description: a.description.clone(),
        description_kind: description_kind(a.description_kind),
        deprecated: a.deprecated,
        required: a.required,
        optional: a.optional,
        computed: a.computed,
        sensitive: a.sensitive,
        write_only: a.write_only,
    }
}

fn attribute_v6(a: &v6::schema::Attribute) -> Attribute {
    Attribute {
        attribute_type: cty_type(&a.r#type),
        nested_type: a.nested_type.as_ref().map(|o| NestedType {
            attributes: o.attributes.iter().map(|a| (a.name.clone(), attribute_v6(a))).collect(),
            nesting_mode: block_nesting(o.nesting),
        }),
        description: a.description.clone(),
        description_kind: description_kind(a.description_kind),
        deprecated: a.deprecated,
        required: a.required,
        optional: a.optional,
        computed: a.computed,
        sensitive: a.sensitive,
        write_only: a.write_only,
    }
}

fn schemas<'a, S: 'a>(m: impl IntoIterator<Item = (&'a String, &'a S)>) -> BTreeMap<String, Schema>
where
    Schema: From<&'a S>,
{
    m.into_iter().map(|(k, v)| (k.clone(), Schema::from(v))).collect()
}

impl From<&v5::get_provider_schema::Response> for ProviderSchema {
    fn from(r: &v5::get_provider_schema::Response) -> Self {
        ProviderSchema {
            provider: r.provider.as_ref().map(Schema::from),
            resource_schemas: schemas(&r.resource_schemas),
            data_source_schemas: schemas(&r.data_source_schemas),
            ephemeral_resource_schemas: schemas(&r.ephemeral_resource_schemas),
            functions: functions(&r.functions),
        }
    }
}

impl From<&v6::get_provider_schema::Response> for ProviderSchema {
    fn from(r: &v6::get_provider_schema::Response) -> Self {
        ProviderSchema {
            provider: r.provider.as_ref().map(Schema::from),
            resource_schemas: schemas(&r.resource_schemas),
            data_source_schemas: schemas(&r.data_source_schemas),
            ephemeral_resource_schemas: schemas(&r.ephemeral_resource_schemas),
            functions: functions(&r.functions),
        }
    }
}

/// The registry address Terraform keys a provider by. `NAME` -> `registry.terraform.io/hashicorp/NAME`
/// (Terraform's implied namespace), `NS/NAME` -> `registry.terraform.io/NS/NAME`, a full
/// `HOST/NS/NAME` is kept. Names are lower-cased, as Terraform normalises them.
pub fn registry_address(name: &str) -> Result<String, String> {
    let parts: Vec<&str> = name.split('/').collect();
    let valid =
        |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    if parts.is_empty() || parts.len() > 3 || !parts.iter().all(|p| valid(p)) {
        return Err(format!(
            "invalid provider name `{name}`: expected NAME, NAMESPACE/NAME or HOST/NAMESPACE/NAME \
             (e.g. `kakaocloud`, `kakaoenterprise/kakaocloud`)"
        ));
    }
    let full = match parts.as_slice() {
        [n] => format!("registry.terraform.io/hashicorp/{n}"),
        [ns, n] => format!("registry.terraform.io/{ns}/{n}"),
        _ => name.to_string(),
    };
    Ok(full.to_ascii_lowercase())
}

/// The provider name from a binary's file name as Terraform installs them:
/// `terraform-provider-NAME` or `terraform-provider-NAME_vX.Y.Z` (with `.exe` on Windows).
pub fn name_from_binary(file_name: &str) -> Option<String> {
    let stem = file_name.strip_suffix(".exe").unwrap_or(file_name);
    let rest = stem.strip_prefix("terraform-provider-")?;
    let name = rest.split_once("_v").map_or(rest, |(n, _)| n);
    (!name.is_empty()).then(|| name.to_string())
}
