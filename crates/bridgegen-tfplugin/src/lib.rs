//! Terraform provider plugins from Rust: start a provider binary as Terraform does (go-plugin
//! handshake, AutoMTLS), talk tfplugin5 / tfplugin6 over gRPC, and write its schema in the
//! `terraform providers schema -json` format.
//!
//! ```no_run
//! # async fn f() -> Result<(), bridgegen_tfplugin::Error> {
//! use bridgegen_tfplugin::{PluginOptions, ProviderPlugin};
//! let plugin = ProviderPlugin::start(PluginOptions::new("./terraform-provider-kakaocloud")).await?;
//! let schema = plugin.client().get_provider_schema().await?.schema;
//! let raw_v6 = plugin.client().v6(); // tfplugin6 calls the wrapper does not cover
//! plugin.shutdown(std::time::Duration::from_secs(2)).await?;
//! # Ok(()) }
//! ```

mod client;
mod connect;
pub mod cty;
mod handshake;
mod launch;
mod log;
pub mod schema;
mod spawn;
mod tls;

use std::process::ExitStatus;

pub use client::{Diagnostic, ProviderClient, RawV5, RawV6, SchemaResponse, Severity};
pub use handshake::{Handshake, PluginAddr};
pub use launch::{PluginOptions, ProviderPlugin, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE};
pub use log::{stderr_sink, LogLevel, LogLine, LogSink};
pub use tls::ClientCert;

/// Generated protocol types and tonic clients/servers (from the vendored `proto/` files).
pub mod proto {
    #![allow(clippy::all, missing_docs)]
    pub mod tfplugin5 {
        tonic::include_proto!("tfplugin5");
    }
    pub mod tfplugin6 {
        tonic::include_proto!("tfplugin6");
    }
    /// go-plugin's controller (`Shutdown`).
    pub mod plugin {
        tonic::include_proto!("plugin");
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot start `{program}`: {source}")]
    Spawn { program: String, source: std::io::Error },
    #[error("`{program}` is not a Terraform provider plugin: {reason}{}", explain_exit(status, stderr))]
    NotAPlugin { program: String, reason: String, status: Option<ExitStatus>, stderr: Vec<String> },
    #[error("TLS set-up for the plugin connection failed: {0}")]
    Tls(String),
    #[error("cannot connect to the provider plugin over gRPC ({0})")]
    Connect(String),
    #[error("the provider's {method} call failed: {status}")]
    Rpc { method: &'static str, status: Box<tonic::Status> },
    #[error("the provider reported errors from {method}:\n{}", list(diagnostics))]
    Diagnostics { method: &'static str, diagnostics: Vec<Diagnostic> },
}

fn explain_exit(status: &Option<ExitStatus>, stderr: &[String]) -> String {
    let mut s = String::new();
    if let Some(st) = status {
        s.push_str(&format!(" (exit status: {st})"));
    }
    if !stderr.is_empty() {
        s.push_str("; its stderr ended with:\n  ");
        s.push_str(&stderr.join("\n  "));
    }
    s
}

fn list(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n")
}

/// `e` and its sources, `: `-separated (tonic's transport errors hide the cause otherwise).
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(cause) = src {
        s.push_str(&format!(": {cause}"));
        src = cause.source();
    }
    s
}
