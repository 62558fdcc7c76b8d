//! Diagnostics sent to the engine's `Engine.Log` service (the address the engine passes
//! as the plugin's argument), so users see them in `pulumi up` output.

use std::sync::Arc;
use std::time::Duration;

use pulumi_gestalt_proto::pulumi::pulumirpc::{engine_client::EngineClient, LogRequest, LogSeverity};
use tonic::transport::Channel;

/// Sends log messages to the engine; without an engine address it writes to stderr.
#[derive(Clone)]
pub struct EngineLogger {
    client: Option<Arc<EngineClient<Channel>>>,
}

impl EngineLogger {
    pub fn none() -> Self {
        EngineLogger { client: None }
    }

    /// A logger for the engine at `address` (`host:port`). Connects lazily.
    pub fn connect(address: &str) -> Result<Self, String> {
        let uri = if address.contains("://") { address.to_string() } else { format!("http://{address}") };
        let channel = Channel::from_shared(uri.clone())
            .map_err(|e| format!("bad engine address {uri:?}: {e}"))?
            .connect_timeout(Duration::from_secs(5))
            .connect_lazy();
        Ok(EngineLogger { client: Some(Arc::new(EngineClient::new(channel))) })
    }

    pub fn has_engine(&self) -> bool {
        self.client.is_some()
    }

    pub async fn info(&self, urn: &str, message: &str) {
        self.log(LogSeverity::Info, urn, message).await
    }

    pub async fn warn(&self, urn: &str, message: &str) {
        self.log(LogSeverity::Warning, urn, message).await
    }

    pub async fn debug(&self, urn: &str, message: &str) {
        self.log(LogSeverity::Debug, urn, message).await
    }

    /// Best effort: a failure to log never fails the operation.
    pub async fn log(&self, severity: LogSeverity, urn: &str, message: &str) {
        let Some(client) = &self.client else {
            eprintln!("[{}] {urn}: {message}", severity.as_str_name());
            return;
        };
        let req = LogRequest {
            severity: severity as i32,
            message: message.to_string(),
            urn: urn.to_string(),
            stream_id: 0,
            ephemeral: false,
        };
        let mut client = (**client).clone();
        let sent = tokio::time::timeout(Duration::from_secs(2), client.log(req)).await;
        if !matches!(sent, Ok(Ok(_))) {
            eprintln!("[{}] {urn}: {message}", severity.as_str_name());
        }
    }
}
