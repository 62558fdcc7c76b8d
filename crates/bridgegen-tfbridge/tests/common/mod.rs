//! Shared by the tests that bridge a Terraform provider binary on the fly.

use std::path::{Path, PathBuf};

use bridgegen_tfplugin::schema::ProvidersSchema;
use bridgegen_tfplugin::{PluginOptions, ProviderPlugin};

/// The schema the binary `provider` reports (written under `address` as `tf-schema.json`),
/// bridged with defaults and `docs`: the Pulumi schema path (its metadata beside it) and the
/// metadata. Also returns the protocol version the provider speaks.
pub async fn bridge_binary(
    provider: &Path,
    address: &str,
    docs: Option<PathBuf>,
    dir: &Path,
) -> Result<(PathBuf, bridgegen_tf::BridgeMetadata, u32), String> {
    let plugin = ProviderPlugin::start(PluginOptions::new(provider)).await.map_err(|e| e.to_string())?;
    let version = plugin.protocol_version();
    let tf = plugin.client().get_provider_schema().await.map_err(|e| e.to_string())?.schema;
    let _ = plugin.shutdown(std::time::Duration::from_secs(2)).await;
    let tf_path = dir.join("tf-schema.json");
    std::fs::write(&tf_path, ProvidersSchema::single(address, tf).to_json_pretty()).unwrap();
    let b = bridgegen_tf::bridge_files(&bridgegen_tf::BridgeFiles { tf_schema: tf_path, docs, ..Default::default() })
        .map_err(|e| e.to_string())?;
    let schema = dir.join("schema.json");
    std::fs::write(&schema, bridgegen_tf::to_json_text(&b.schema)).unwrap();
    std::fs::write(bridgegen_tf::metadata_path(&schema), bridgegen_tf::to_json_text(&b.metadata)).unwrap();
    Ok((schema, b.metadata, version))
}
