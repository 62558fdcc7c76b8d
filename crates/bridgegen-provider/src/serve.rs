//! The plugin process: the handshake Pulumi expects, then serving until told to stop.
//!
//! The engine starts `pulumi-resource-<pkg> [flags] <engine-address>`, reads the first line
//! of the plugin's stdout as the port it listens on (loopback), and talks gRPC to it.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use pulumi_gestalt_proto::pulumi::pulumirpc::resource_provider_server::{ResourceProvider, ResourceProviderServer};
use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;

use crate::engine::EngineLink;
use crate::server::{Plugin, ProviderServer};

/// Plugin command line: Go-style flags the engine may pass (`--logtostderr`, `-v=9`,
/// `--tracing <addr>`, `--logflow`) are accepted and ignored; the first positional argument
/// is the engine's address.
#[derive(Debug, Default, PartialEq)]
pub struct PluginArgs {
    pub engine_address: Option<String>,
}

impl PluginArgs {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Self {
        let mut out = PluginArgs::default();
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            if a == "--tracing" || a == "-tracing" {
                it.next();
            } else if a.starts_with('-') {
                continue;
            } else if out.engine_address.is_none() {
                out.engine_address = Some(a);
            }
        }
        out
    }
}

/// Serves `plugin` on `listener` until `shutdown` resolves.
pub async fn serve_on<P: Plugin>(
    plugin: P,
    listener: TcpListener,
    engine_address: Option<&str>,
    shutdown: impl std::future::Future<Output = ()> + Send,
) -> Result<(), String> {
    serve_service(ProviderServer::new(plugin, EngineLink::new(engine_address)?), listener, shutdown).await
}

/// Serves any `pulumirpc.ResourceProvider` implementation on `listener` until `shutdown`
/// resolves (for providers not built on [`Plugin`], e.g. the Terraform bridge).
pub async fn serve_service<S: ResourceProvider>(
    service: S,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send,
) -> Result<(), String> {
    let service =
        ResourceProviderServer::new(service).max_decoding_message_size(64 << 20).max_encoding_message_size(64 << 20);
    tonic::transport::Server::builder()
        .add_service(service)
        .serve_with_incoming_shutdown(TcpListenerStream::new(listener), shutdown)
        .await
        .map_err(|e| format!("gRPC server failed: {e}"))
}

/// Resolves on SIGTERM or SIGINT (Ctrl-C elsewhere): how the engine stops a plugin.
pub async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut term), Ok(mut int)) = (signal(SignalKind::terminate()), signal(SignalKind::interrupt())) else {
            return std::future::pending().await;
        };
        tokio::select! { _ = term.recv() => {}, _ = int.recv() => {} }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// The body of a provider binary's `main`: bind 127.0.0.1 on an ephemeral port, print the
/// port as the first line of stdout, serve until SIGTERM/SIGINT.
pub fn plugin_main<P: Plugin>(plugin: P) -> ExitCode {
    let args = PluginArgs::parse(std::env::args().skip(1));
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = rt.block_on(async {
        let listener = listen_and_announce().await?;
        serve_on(plugin, listener, args.engine_address.as_deref(), stop_signal()).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Binds 127.0.0.1 on an ephemeral port and prints the port as the first line of stdout
/// (what the engine reads to find the plugin).
pub async fn listen_and_announce() -> Result<TcpListener, String> {
    let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{port}").and_then(|_| out.flush()).map_err(|e| format!("cannot print the port: {e}"))?;
    Ok(listener)
}

#[cfg(test)]
mod tests {
    use super::PluginArgs;

    fn parse(a: &[&str]) -> PluginArgs {
        PluginArgs::parse(a.iter().map(|s| s.to_string()))
    }

    #[test]
    fn engine_address_is_first_positional() {
        assert_eq!(parse(&["127.0.0.1:5000"]).engine_address.as_deref(), Some("127.0.0.1:5000"));
        assert_eq!(
            parse(&["--logtostderr", "-v=9", "--tracing", "http://t", "127.0.0.1:7"]).engine_address.as_deref(),
            Some("127.0.0.1:7")
        );
        assert_eq!(parse(&[]).engine_address, None);
    }
}
