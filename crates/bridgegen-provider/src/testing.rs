//! Driving a provider plugin binary the way the engine does, for integration tests:
//! start the process, read the port from the first line of its stdout, connect over gRPC.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use prost_types::Struct;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tonic::transport::Channel;

use crate::rpc::resource_provider_client::ResourceProviderClient;
use crate::value::{map_from_struct, map_to_struct, PropertyMap, PropertyValue};

/// A running plugin process and a gRPC client connected to it.
pub struct PluginProcess {
    child: Child,
    pub port: u16,
    pub client: ResourceProviderClient<Channel>,
}

impl PluginProcess {
    /// Starts `bin` with `args` and extra environment `env`; waits (up to 30 s) for the port.
    pub async fn start(bin: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<Self, String> {
        let mut cmd = Command::new(bin);
        cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::inherit()).kill_on_drop(true);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let first = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await
            .map_err(|_| format!("{} printed no port within 30 s", bin.display()))?
            .map_err(|e| format!("reading the port: {e}"))?
            .ok_or_else(|| format!("{} exited without printing a port", bin.display()))?;
        let port: u16 = first.trim().parse().map_err(|_| format!("first line is not a port: {first:?}"))?;
        // Keep draining stdout so the plugin never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        let client = ResourceProviderClient::connect(format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| format!("cannot connect to the plugin on port {port}: {e}"))?;
        Ok(PluginProcess { child, port, client })
    }

    /// SIGKILL (no chance to clean up), then wait for the process to be gone.
    pub async fn kill9(mut self) {
        let _ = self.child.kill().await;
    }

    /// The exit status if the process has exited.
    pub fn try_wait(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }
}

/// A property bag from pairs.
pub fn props(pairs: &[(&str, PropertyValue)]) -> Struct {
    let m: PropertyMap = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    map_to_struct(&m)
}

/// Decodes a returned property bag (panics on malformed values: a test failure).
pub fn decode(s: &Option<Struct>) -> PropertyMap {
    map_from_struct(s.as_ref()).expect("the provider returned malformed properties")
}

/// A URN for a resource named `name` of type `ty` in a test stack.
pub fn urn(ty: &str, name: &str) -> String {
    format!("urn:pulumi:test::bridgegen::{ty}::{name}")
}

/// A stand-in for the engine's `pulumirpc.Engine` service that records `Log` calls, so
/// tests can check that a plugin talks to the engine address it was given.
pub mod fake_engine {
    use std::net::SocketAddr;
    use std::sync::{Arc, Mutex};

    use tokio::net::TcpListener;
    use tokio_stream::wrappers::TcpListenerStream;
    use tonic::{Request, Response, Status};

    use crate::rpc;
    use crate::rpc::engine_server::{Engine, EngineServer};

    #[derive(Clone, Default)]
    pub struct Recorder {
        pub logs: Arc<Mutex<Vec<rpc::LogRequest>>>,
    }

    #[tonic::async_trait]
    impl Engine for Recorder {
        async fn log(&self, request: Request<rpc::LogRequest>) -> Result<Response<()>, Status> {
            self.logs.lock().unwrap_or_else(|e| e.into_inner()).push(request.into_inner());
            Ok(Response::new(()))
        }

        async fn get_root_resource(
            &self,
            _: Request<rpc::GetRootResourceRequest>,
        ) -> Result<Response<rpc::GetRootResourceResponse>, Status> {
            Ok(Response::new(rpc::GetRootResourceResponse::default()))
        }

        async fn set_root_resource(
            &self,
            _: Request<rpc::SetRootResourceRequest>,
        ) -> Result<Response<rpc::SetRootResourceResponse>, Status> {
            Ok(Response::new(rpc::SetRootResourceResponse::default()))
        }

        async fn start_debugging(&self, _: Request<rpc::StartDebuggingRequest>) -> Result<Response<()>, Status> {
            Ok(Response::new(()))
        }

        async fn require_pulumi_version(
            &self,
            _: Request<rpc::RequirePulumiVersionRequest>,
        ) -> Result<Response<rpc::RequirePulumiVersionResponse>, Status> {
            Ok(Response::new(rpc::RequirePulumiVersionResponse::default()))
        }
    }

    /// Serves a recorder on an ephemeral loopback port (for the life of the runtime).
    pub async fn start() -> (SocketAddr, Recorder) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the fake engine");
        let addr = listener.local_addr().expect("fake engine address");
        let rec = Recorder::default();
        let svc = EngineServer::new(rec.clone());
        tokio::spawn(async move {
            let _ = tonic::transport::Server::builder()
                .add_service(svc)
                .serve_with_incoming(TcpListenerStream::new(listener))
                .await;
        });
        (addr, rec)
    }
}
