//! Serde mirror of the Pulumi Package Schema format.
//!
//! Field names follow the format (camelCase on the wire). Maps are `IndexMap` so a
//! schema round-trips in its own order and generators emit in schema order.
//! `language` blocks stay raw JSON: each generator decodes its own (README.md, Layout).

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Raw per-language blocks, keyed by language name (`nodejs`, `python`, `go`, `csharp`, ...).
pub type LanguageMap = IndexMap<String, Value>;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A whole package: the root of a schema document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(title = "Pulumi Package Schema")]
pub struct PackageSpec {
    /// Unqualified package name, e.g. `alicloud`. Must be lowercase-ish: it is the token prefix.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Semantic version of the package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[serde(default, rename = "pluginDownloadURL", skip_serializing_if = "Option::is_none")]
    pub plugin_download_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<MetadataSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_package_names: Vec<String>,
    #[serde(default, skip_serializing_if = "ConfigSpec::is_empty")]
    pub config: ConfigSpec,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub types: IndexMap<String, ComplexTypeSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ResourceSpec>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub resources: IndexMap<String, ResourceSpec>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub functions: IndexMap<String, FunctionSpec>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub language: LanguageMap,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameterization: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependencies: Option<Value>,
    /// Keys this format does not define (`$schema`, `//` comments, ...), kept so a
    /// schema round-trips losslessly.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: IndexMap<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MetadataSpec {
    /// Regex whose first capture group extracts the module from a token's module part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module_format: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub support_pack: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConfigSpec {
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub variables: IndexMap<String, PropertySpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    /// Keys this format does not define (older schemas carry `defaults`), kept for round-trips.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: IndexMap<String, Value>,
}

impl ConfigSpec {
    pub fn is_empty(&self) -> bool {
        self.variables.is_empty() && self.required.is_empty() && self.extra.is_empty()
    }
}

/// A reference to a type: a primitive, an array, a map, a `$ref`, or a union.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TypeSpec {
    /// One of `boolean`, `integer`, `number`, `string`, `array`, `object`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// `#/types/<token>`, `#/resources/<token>`, `#/provider`,
    /// `pulumi.json#/Any|Archive|Asset|Json`, or an external
    /// `/<pkg>/v<version>/schema.json#/types/<token>`.
    #[serde(default, rename = "$ref", skip_serializing_if = "Option::is_none")]
    pub ref_: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<TypeSpec>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_properties: Option<Box<TypeSpec>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<TypeSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discriminator: Option<DiscriminatorSpec>,
    /// The value is never an `Input`/`Output`: it is known at program time.
    #[serde(default, skip_serializing_if = "is_false")]
    pub plain: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DiscriminatorSpec {
    pub property_name: String,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub mapping: IndexMap<String, String>,
}

/// A property of a resource, object type, function or the provider config.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertySpec {
    #[serde(flatten)]
    pub type_spec: TypeSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, rename = "const", skip_serializing_if = "Option::is_none")]
    pub const_: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_info: Option<DefaultSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation_message: Option<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub language: LanguageMap,
    #[serde(default, skip_serializing_if = "is_false")]
    pub secret: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub replace_on_changes: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub will_replace_on_changes: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DefaultSpec {
    /// Environment variables consulted, in order, when the property is not set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub environment: Vec<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub language: LanguageMap,
}

/// An object type's shape. Also the shape of resource outputs and function in/outputs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ObjectTypeSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub properties: IndexMap<String, PropertySpec>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    /// Deprecated: names of properties that are plain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plain: Vec<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub language: LanguageMap,
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_overlay: bool,
}

/// An entry of `#/types`: an object type, or an enum when `enum` is present.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ComplexTypeSpec {
    #[serde(flatten)]
    pub object: ObjectTypeSpec,
    #[serde(default, rename = "enum", skip_serializing_if = "Option::is_none")]
    pub enum_: Option<Vec<EnumValueSpec>>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EnumValueSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A string, number, integer or boolean, matching the enum's `type`.
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation_message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AliasSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// A resource (or the provider itself).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceSpec {
    /// Output properties; `required` lists the ones always present.
    #[serde(flatten)]
    pub object: ObjectTypeSpec,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub input_properties: IndexMap<String, PropertySpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_inputs: Vec<String>,
    /// Deprecated: names of inputs that are plain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plain_inputs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_inputs: Option<ObjectTypeSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<AliasSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation_message: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_component: bool,
    /// Method name to the token of the function implementing it.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub methods: IndexMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overlay_supported_languages: Vec<String>,
}

/// A function's return: an object type, or any other type.
///
/// Told apart the way Pulumi does: an object with `properties` is an object type.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ReturnTypeSpec {
    /// `{ "properties": {...}, "required": [...] }`, optionally `"plain": true`.
    Object(ObjectReturnSpec),
    /// `{ "type": "string" }`, `{ "$ref": ... }`, ... (a non-object return).
    Type(TypeSpec),
}

/// An object return type.
///
/// `"plain": true` marks the whole result plain (methods return the value itself, not an
/// Output); `"plain": [names]` is the deprecated per-property list of [`ObjectTypeSpec`].
/// The two are exclusive, so at most one `plain` key is written.
#[derive(Debug, Clone, PartialEq, Default, Serialize, JsonSchema)]
#[schemars(transform = plain_flag_or_list)]
pub struct ObjectReturnSpec {
    #[serde(flatten)]
    pub object: ObjectTypeSpec,
    #[serde(rename = "plain", skip_serializing_if = "is_false")]
    #[schemars(skip)]
    pub plain_result: bool,
}

/// `plain` on an object return, in the JSON Schema: the result's flag or the legacy list.
fn plain_flag_or_list(schema: &mut schemars::Schema) {
    if let Some(plain) = schema.get_mut("properties").and_then(|p| p.get_mut("plain")) {
        *plain = serde_json::json!({
            "description": "`true`: the whole result is plain (not an Output). A list (deprecated): names of properties that are plain.",
            "anyOf": [{ "type": "boolean" }, { "type": "array", "items": { "type": "string" } }]
        });
    }
}

impl From<ObjectTypeSpec> for ObjectReturnSpec {
    fn from(object: ObjectTypeSpec) -> Self {
        ObjectReturnSpec { object, plain_result: false }
    }
}

/// A function (invoke), or the implementation of a resource method.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FunctionSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inputs: Option<ObjectTypeSpec>,
    /// When set, the inputs are passed positionally, in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub multi_argument_inputs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outputs: Option<ReturnTypeSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation_message: Option<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub language: LanguageMap,
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_overlay: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overlay_supported_languages: Vec<String>,
}

impl<'de> Deserialize<'de> for ReturnTypeSpec {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut value = Value::deserialize(de)?;
        let is_object = value.get("properties").is_some()
            || (value.get("$ref").is_none()
                && value.get("type").and_then(Value::as_str).is_none_or(|t| t == "object")
                && value.get("additionalProperties").is_none());
        if is_object {
            // `"plain": true` is the result's flag, not the per-property list.
            let plain_result = match value.get("plain") {
                Some(Value::Bool(b)) => {
                    let b = *b;
                    value.as_object_mut().map(|o| o.remove("plain"));
                    b
                }
                _ => false,
            };
            let object = serde_json::from_value(value).map_err(D::Error::custom)?;
            Ok(ReturnTypeSpec::Object(ObjectReturnSpec { object, plain_result }))
        } else {
            serde_json::from_value(value).map(ReturnTypeSpec::Type).map_err(D::Error::custom)
        }
    }
}
