//! The bridge metadata: the name tables the runtime bridge needs to translate between Pulumi
//! property values and Terraform state (written beside the schema as `<stem>.bridge-metadata.json`),
//! also the type knowledge the example converter uses.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

/// The shape of a field's value, as the bridge maps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    String,
    Number,
    Bool,
    Any,
    List(Box<Shape>),
    Map(Box<Shape>),
    /// A named object type (its fields are in [`FieldMeta::fields`]).
    Object(String),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldMeta {
    /// The Pulumi property name.
    pub name: String,
    pub shape: Shape,
    /// A Terraform list/set block or nested attribute with `max_items = 1`, flattened to one object.
    #[serde(default, skip_serializing_if = "is_false")]
    pub max_items_one: bool,
    /// The Pulumi name is the plural of the Terraform name.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pluralized: bool,
    /// A Terraform block (not an attribute).
    #[serde(default, skip_serializing_if = "is_false")]
    pub block: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub force_new: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub secret: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub write_only: bool,
    /// Settable by the user (required or optional in Terraform).
    #[serde(default, skip_serializing_if = "is_false")]
    pub input: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Always present in outputs (required or computed).
    #[serde(default, skip_serializing_if = "is_false")]
    pub output_required: bool,
    /// Fields of the innermost object, by Terraform name.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub fields: IndexMap<String, FieldMeta>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemMeta {
    pub token: String,
    /// By Terraform name.
    pub fields: IndexMap<String, FieldMeta>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BridgeMetadata {
    /// The Pulumi package.
    pub package: String,
    /// The Terraform type prefix.
    pub tf_provider: String,
    #[serde(default)]
    pub config: IndexMap<String, FieldMeta>,
    #[serde(default)]
    pub resources: IndexMap<String, ItemMeta>,
    #[serde(default)]
    pub data_sources: IndexMap<String, ItemMeta>,
    /// Provider functions by Terraform name: invoked with `CallFunction`, not `ReadDataSource`.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub functions: IndexMap<String, FunctionMeta>,
}

/// A provider function: its Pulumi invoke takes the parameters as named arguments and the
/// bridge passes them positionally.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FunctionMeta {
    pub token: String,
    /// The parameters' keys in [`FunctionMeta::fields`], in call order.
    pub parameters: Vec<String>,
    /// The variadic parameter's key (a list argument whose elements are passed one by one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variadic: Option<String>,
    /// The arguments by parameter key.
    pub fields: IndexMap<String, FieldMeta>,
    /// The result's fields: an object result's attributes, or one field `result` holding any
    /// other result (the invoke returns `{"result": value}`).
    pub result: IndexMap<String, FieldMeta>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub result_object: bool,
}
