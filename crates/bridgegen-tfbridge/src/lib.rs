//! Terraform bridge, run time: a Pulumi resource provider plugin that runs a Terraform provider
//! binary (tfplugin5 or tfplugin6, started as Terraform does) and answers the Pulumi engine's
//! `pulumirpc.ResourceProvider` calls with Terraform calls. The package schema and the name
//! tables come from `bridgegen tf bridge` (`schema.json` + `schema.bridge-metadata.json`).
//! See README.md for the call and value mapping.

pub mod bridge;
pub mod functions;
pub mod launcher;
pub mod server;
pub mod tf;
pub mod values;

pub use bridge::{Bridge, BridgeOptions, ENV_PROVIDER, ENV_SCHEMA};
pub use server::BridgeServer;

/// Runs the plugin: starts the Terraform provider, prints the port, serves until SIGTERM/SIGINT,
/// then stops the provider.
pub async fn run(opts: BridgeOptions, engine_address: Option<&str>) -> Result<(), String> {
    let mut bridge = Bridge::start(&opts).await?;
    bridge.engine = bridgegen_provider::EngineLink::new(engine_address)?;
    let bridge = std::sync::Arc::new(bridge);
    let listener = bridgegen_provider::listen_and_announce().await?;
    let served =
        bridgegen_provider::serve_service(BridgeServer(bridge.clone()), listener, bridgegen_provider::stop_signal())
            .await;
    bridge.stop(std::time::Duration::from_secs(3)).await;
    served
}
