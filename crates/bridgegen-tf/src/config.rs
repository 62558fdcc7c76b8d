//! `bridge.toml`: the Pulumi package name (the only required key), package metadata,
//! module rules, overrides and include/exclude lists.
//!
//! ```toml
//! name = "alicloud"                    # Pulumi package name (required)
//! tf-provider = "alicloud"             # Terraform type prefix; default: the provider's short name
//! display-name = "Alibaba Cloud"
//! [modules]                            # Terraform type prefix -> Pulumi module (longest prefix wins)
//! "alicloud_image_" = "ecs"
//! "alicloud_ecs_" = "ecs"              # a prefix equal to `<provider>_<module>_` is stripped from the name
//! [resources.alicloud_vpc]
//! token = "alicloud:vpc/network:Network"
//! force-new = ["cidr_block"]           # dotted paths for nested fields: "block.field"
//! fields = { vpc_name = "name" }       # Terraform field -> Pulumi name
//! [functions.rfc3339_parse]            # a provider function
//! token = "time:index/parseRfc3339:parseRfc3339"
//! [language.nodejs]                    # copied verbatim into the schema's `language` block
//! packageName = "@acme/alicloud"
//! ```

use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;

use crate::BridgeError;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BridgeConfig {
    /// The Pulumi package name: the token prefix.
    pub name: String,
    /// The Terraform provider's type prefix (`alicloud` for `alicloud_vpc`); default: the
    /// last segment of the provider's address in the schema file.
    #[serde(default)]
    pub tf_provider: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub repository: Option<String>,
    #[serde(default)]
    pub homepage: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub logo_url: Option<String>,
    /// Per-language blocks (`nodejs`, `python`, `go`, `csharp`), copied into the schema.
    #[serde(default)]
    pub language: IndexMap<String, toml::Value>,
    /// Terraform type prefix -> module.
    #[serde(default)]
    pub modules: IndexMap<String, String>,
    /// Only these Terraform types (resources and data sources) and function names; empty = all.
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub resources: IndexMap<String, ItemOverride>,
    #[serde(default)]
    pub data_sources: IndexMap<String, ItemOverride>,
    /// Provider functions by Terraform name: `token`, `fields` (parameter or result attribute ->
    /// Pulumi name), `docs`.
    #[serde(default)]
    pub functions: IndexMap<String, ItemOverride>,
    /// Pulumi names for provider configuration fields.
    #[serde(default)]
    pub config_fields: IndexMap<String, String>,
}

/// Overrides for one resource or data source.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ItemOverride {
    /// The whole token, e.g. `alicloud:vpc/network:Network`.
    #[serde(default)]
    pub token: Option<String>,
    /// Fields that force replacement (beyond the docs' `ForceNew` markers); dotted for nested.
    #[serde(default)]
    pub force_new: Vec<String>,
    /// Fields whose docs say ForceNew but do not (the docs can be wrong).
    #[serde(default)]
    pub not_force_new: Vec<String>,
    /// Terraform field (dotted for nested) -> Pulumi property name.
    #[serde(default)]
    pub fields: IndexMap<String, String>,
    /// Docs file to use instead of the one found by name.
    #[serde(default)]
    pub docs: Option<String>,
}

impl BridgeConfig {
    pub fn minimal(name: &str) -> BridgeConfig {
        BridgeConfig { name: name.to_string(), ..Default::default() }
    }

    pub fn load(file: &Path) -> Result<BridgeConfig, BridgeError> {
        let text = std::fs::read_to_string(file).map_err(|e| BridgeError::io(file, e))?;
        Self::parse(&text, file)
    }

    pub fn parse(text: &str, file: &Path) -> Result<BridgeConfig, BridgeError> {
        let de = toml::Deserializer::new(text);
        let cfg: BridgeConfig = serde_path_to_error::deserialize(de).map_err(|e| {
            let pointer = crate::tfschema::path_to_pointer(&e.path().to_string());
            BridgeError::invalid(file, pointer, e.inner().message().to_string())
        })?;
        let valid = !cfg.name.is_empty()
            && cfg.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && cfg.name.starts_with(|c: char| c.is_ascii_lowercase());
        if !valid {
            return Err(BridgeError::invalid(
                file,
                "/name",
                format!("package name `{}` must be lowercase letters, digits and `-`", cfg.name),
            ));
        }
        Ok(cfg)
    }

    /// Whether a Terraform type is bridged.
    pub fn includes(&self, tf_type: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|i| i == tf_type))
            && !self.exclude.iter().any(|e| e == tf_type)
    }

    /// The module for a Terraform type and the prefix to strip from its name (longest rule wins).
    pub fn module_for(&self, tf_type: &str, tf_provider: &str) -> (String, Option<String>) {
        let rule =
            self.modules.iter().filter(|(prefix, _)| tf_type.starts_with(prefix.as_str())).max_by_key(|(p, _)| p.len());
        match rule {
            Some((prefix, module)) => {
                // tfgen's known-module rule: `<provider>_<module>_` is the module spelled in the type; strip it.
                let spelled = format!("{tf_provider}_{module}_");
                let strip = (prefix.as_str() == spelled).then(|| prefix.clone());
                (module.clone(), strip)
            }
            None => ("index".to_string(), None),
        }
    }
}
