//! The bridge's state: the running Terraform provider, the bridged Pulumi schema, and per
//! resource / function the Terraform type, its cty type and the name tables; plus the helpers
//! the RPC handlers share (state <-> properties, `__meta`, diagnostics).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use base64::Engine as _;
use bridgegen_provider::rpc::LogSeverity;
use bridgegen_provider::{EngineLink, EngineLogger, PropertyMap, PropertyValue};
use bridgegen_tf::meta::BridgeMetadata;
use bridgegen_tfplugin::cty::{from_msgpack, to_msgpack, CtyType, CtyValue};
use bridgegen_tfplugin::schema::Block;
use bridgegen_tfplugin::{LogLevel, PluginOptions, ProviderPlugin};
use tonic::Status;

use crate::functions::ProviderFunction;
use crate::tf::{Diag, Step, Tf};
use crate::values::{self, Fields};

/// What the plugin runs: the Terraform provider binary and the bridged Pulumi schema (its
/// metadata `<stem>.bridge-metadata.json` beside it).
#[derive(Debug, Clone)]
pub struct BridgeOptions {
    pub provider: PathBuf,
    pub schema: PathBuf,
    /// Extra arguments/environment for the Terraform provider.
    pub provider_env: Vec<(String, String)>,
}

/// The environment variables the plugin binary reads its [`BridgeOptions`] from.
pub const ENV_PROVIDER: &str = "BRIDGEGEN_TF_PROVIDER";
pub const ENV_SCHEMA: &str = "BRIDGEGEN_TF_SCHEMA";

/// A resource or data source: Terraform type name, implied cty type, schema version, names.
#[derive(Debug, Clone)]
pub struct Item {
    pub tf_type: String,
    pub ty: CtyType,
    pub block: Block,
    pub version: i64,
    pub fields: Fields,
}

pub struct Bridge {
    pub tf: Tf,
    plugin: Mutex<Option<ProviderPlugin>>,
    pub package: String,
    pub version: String,
    pub schema_text: String,
    pub config: Item,
    pub resources: HashMap<String, Item>,
    /// Data sources by invoke token.
    pub functions: HashMap<String, Item>,
    /// Provider-defined functions by invoke token.
    pub provider_functions: HashMap<String, ProviderFunction>,
    pub engine: EngineLink,
}

/// The key of the bridge's own data in a resource's Pulumi state (as Pulumi's Go bridge does):
/// a JSON string `{"schema_version": "N", "private": "<base64>"}`.
pub const META_KEY: &str = "__meta";

fn io(path: &std::path::Path, e: impl std::fmt::Display) -> String {
    format!("{}: {e}", path.display())
}

impl Bridge {
    /// Reads the schema and metadata, starts the Terraform provider and asks for its schema.
    pub async fn start(opts: &BridgeOptions) -> Result<Bridge, String> {
        let schema_text = std::fs::read_to_string(&opts.schema).map_err(|e| io(&opts.schema, e))?;
        let pkg: serde_json::Value = serde_json::from_str(&schema_text).map_err(|e| io(&opts.schema, e))?;
        let meta_path = bridgegen_tf::metadata_path(&opts.schema);
        let meta_text = std::fs::read_to_string(&meta_path).map_err(|e| io(&meta_path, e))?;
        let meta: BridgeMetadata = serde_json::from_str(&meta_text).map_err(|e| io(&meta_path, e))?;

        let mut plugin_opts = PluginOptions::new(&opts.provider);
        plugin_opts.env = opts.provider_env.iter().map(|(k, v)| (k.into(), v.into())).collect();
        plugin_opts.log = bridgegen_tfplugin::stderr_sink(LogLevel::Warn);
        let plugin = ProviderPlugin::start(plugin_opts).await.map_err(|e| e.to_string())?;
        let schema = plugin.client().get_provider_schema().await.map_err(|e| e.to_string())?.schema;

        let item = |tf_type: &str, s: Option<&bridgegen_tfplugin::schema::Schema>, fields: Fields| -> Item {
            let block = s.and_then(|s| s.block.clone()).unwrap_or_default();
            Item {
                tf_type: tf_type.to_string(),
                ty: CtyType::from(&block),
                block,
                version: s.map_or(0, |s| s.version as i64),
                fields,
            }
        };
        let mut resources = HashMap::new();
        for (tf_type, m) in &meta.resources {
            let s = schema.resource_schemas.get(tf_type).ok_or_else(|| {
                format!("the Terraform provider has no resource `{tf_type}` (from {})", meta_path.display())
            })?;
            resources.insert(m.token.clone(), item(tf_type, Some(s), m.fields.clone()));
        }
        let mut functions = HashMap::new();
        for (tf_type, m) in &meta.data_sources {
            let s = schema.data_source_schemas.get(tf_type).ok_or_else(|| {
                format!("the Terraform provider has no data source `{tf_type}` (from {})", meta_path.display())
            })?;
            functions.insert(m.token.clone(), item(tf_type, Some(s), m.fields.clone()));
        }
        let mut provider_functions = HashMap::new();
        for (name, m) in &meta.functions {
            let sig = schema.functions.get(name).ok_or_else(|| {
                format!("the Terraform provider has no function `{name}` (from {})", meta_path.display())
            })?;
            provider_functions.insert(m.token.clone(), ProviderFunction::new(name, m, sig)?);
        }
        let config = item("provider", schema.provider.as_ref(), meta.config.clone());
        Ok(Bridge {
            tf: Tf { client: plugin.client() },
            plugin: Mutex::new(Some(plugin)),
            package: meta.package.clone(),
            version: pkg["version"].as_str().unwrap_or_default().to_string(),
            schema_text,
            config,
            resources,
            functions,
            provider_functions,
            engine: EngineLink::with_logger(EngineLogger::none()),
        })
    }

    /// Stops the Terraform provider (go-plugin Shutdown, then kill after `grace`).
    pub async fn stop(&self, grace: Duration) {
        let plugin = self.plugin.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(p) = plugin {
            let _ = p.shutdown(grace).await;
        }
    }

    pub fn provider_pid(&self) -> Option<u32> {
        self.plugin.lock().unwrap_or_else(|e| e.into_inner()).as_ref().and_then(ProviderPlugin::pid)
    }

    pub fn logger(&self) -> EngineLogger {
        self.engine.logger()
    }

    pub fn resource(&self, ty: &str, urn: &str) -> Result<&Item, Status> {
        let token = if ty.is_empty() { bridgegen_provider::type_from_urn(urn).unwrap_or_default() } else { ty };
        self.resources.get(token).ok_or_else(|| Status::invalid_argument(format!("unknown resource type `{token}`")))
    }

    /// Sends warnings to the engine log; returns the errors as one status (if any).
    pub async fn report(&self, urn: &str, item: &Item, diags: &[Diag]) -> Result<(), Status> {
        let logger = self.logger();
        let mut errors = Vec::new();
        for d in diags {
            let at = pulumi_path(&item.fields, &d.path);
            let text = if at.is_empty() { d.to_string() } else { format!("{d} (at `{at}`)") };
            if d.error {
                logger.log(LogSeverity::Error, urn, &text).await;
                errors.push(text);
            } else {
                logger.log(LogSeverity::Warning, urn, &text).await;
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Status::unknown(errors.join("\n")))
        }
    }
}

/// A Terraform attribute path as a Pulumi property path (`a.b[0]["k"]`), flattened
/// max-items-1 blocks dropping their `[0]`.
pub fn pulumi_path(fields: &Fields, steps: &[Step]) -> String {
    let mut out = String::new();
    let mut fields = Some(fields);
    let mut skip_index = false;
    for s in steps {
        match s {
            Step::Attr(n) => {
                let meta = fields.and_then(|f| f.get(n));
                let name = meta.map_or(n.as_str(), |m| m.name.as_str());
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
                skip_index = meta.is_some_and(|m| m.max_items_one);
                fields = meta.map(|m| &m.fields);
            }
            Step::Index(_) if skip_index => skip_index = false,
            Step::Index(i) => out.push_str(&format!("[{i}]")),
            Step::Key(k) => out.push_str(&format!("[{k:?}]")),
        }
    }
    out
}

pub fn bad(e: impl std::fmt::Display) -> Status {
    Status::invalid_argument(e.to_string())
}

pub fn encode(v: &CtyValue, ty: &CtyType) -> Result<Vec<u8>, Status> {
    to_msgpack(v, ty).map_err(|e| Status::internal(format!("encoding for Terraform: {e}")))
}

pub fn decode(b: &Option<Vec<u8>>, ty: &CtyType) -> Result<CtyValue, Status> {
    match b {
        None => Ok(CtyValue::Null),
        Some(b) => from_msgpack(b, ty).map_err(|e| Status::internal(format!("decoding the Terraform value: {e}"))),
    }
}

/// The bridge's data kept in a resource's state.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub schema_version: Option<i64>,
    pub private: Vec<u8>,
}

impl Meta {
    pub fn from_state(state: &PropertyMap) -> Meta {
        let Some(text) = state.get(META_KEY).and_then(|v| v.peel().as_str()) else { return Meta::default() };
        let Ok(j) = serde_json::from_str::<serde_json::Value>(text) else { return Meta::default() };
        Meta {
            schema_version: j["schema_version"].as_str().and_then(|s| s.parse().ok()),
            private: j["private"]
                .as_str()
                .and_then(|p| base64::engine::general_purpose::STANDARD.decode(p).ok())
                .unwrap_or_default(),
        }
    }

    pub fn to_value(&self) -> PropertyValue {
        let mut j = serde_json::Map::new();
        if let Some(v) = self.schema_version {
            j.insert("schema_version".into(), v.to_string().into());
        }
        if !self.private.is_empty() {
            j.insert("private".into(), base64::engine::general_purpose::STANDARD.encode(&self.private).into());
        }
        PropertyValue::String(serde_json::Value::Object(j).to_string())
    }
}

/// Terraform's proposed new state: the config, with computed attributes the config leaves
/// null taken from the prior state (recursively through single nested blocks and objects).
pub fn proposed_new(prior: &CtyValue, config: &CtyValue, block: &Block) -> CtyValue {
    let (CtyValue::Map(p), CtyValue::Map(c)) = (prior, config) else { return config.clone() };
    let mut out = c.clone();
    for (name, a) in &block.attributes {
        let cv = c.get(name).unwrap_or(&CtyValue::Null);
        if a.computed && *cv == CtyValue::Null {
            out.insert(name.clone(), p.get(name).cloned().unwrap_or(CtyValue::Null));
        }
    }
    for (name, bt) in &block.block_types {
        if let (Some(inner), "single" | "group") = (&bt.block, bt.nesting_mode.as_str()) {
            if let (Some(pv), Some(cv)) = (p.get(name), c.get(name)) {
                out.insert(name.clone(), proposed_new(pv, cv, inner));
            }
        }
    }
    CtyValue::Map(out)
}

/// Pulumi's customTimeouts: fills `timeouts.<op>` (as Go duration text) when the resource has
/// a Terraform `timeouts` block or attribute with that operation and the config leaves it unset.
pub fn apply_custom_timeout(config: &mut CtyValue, ty: &CtyType, op: &str, seconds: f64) {
    if !(seconds > 0.0 && seconds.is_finite()) {
        return;
    }
    let (CtyValue::Map(c), CtyType::Object(attrs)) = (config, ty) else { return };
    let Some(CtyType::Object(t)) = attrs.get("timeouts") else { return };
    if !t.contains_key(op) {
        return;
    }
    let entry = c.entry("timeouts".to_string()).or_insert(CtyValue::Null);
    if *entry == CtyValue::Null {
        *entry = CtyValue::Map(t.keys().map(|k| (k.clone(), CtyValue::Null)).collect());
    }
    if let CtyValue::Map(m) = entry {
        if m.get(op).is_none_or(|v| *v == CtyValue::Null) {
            m.insert(op.to_string(), CtyValue::String(format!("{}s", seconds.ceil() as u64)));
        }
    }
}

/// Properties -> the cty object of `item`; the error names the Pulumi path.
pub fn props_to_cty(item: &Item, props: &PropertyMap) -> Result<CtyValue, Status> {
    values::to_cty(props, &item.fields, &item.ty).map_err(bad)
}

/// A Terraform state -> Pulumi outputs, with `__meta` recording the schema version and private data.
pub fn outputs(item: &Item, state: &CtyValue, private: Vec<u8>) -> Result<PropertyMap, Status> {
    let mut out = values::from_cty(state, &item.fields, &item.ty).map_err(|e| Status::internal(e.to_string()))?;
    out.insert(META_KEY.into(), Meta { schema_version: Some(item.version), private }.to_value());
    Ok(out)
}

/// The `id` attribute of a state (unknown or absent: "").
pub fn state_id(state: &CtyValue) -> String {
    match state {
        CtyValue::Map(m) => match m.get("id") {
            Some(CtyValue::String(s)) => s.clone(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}
