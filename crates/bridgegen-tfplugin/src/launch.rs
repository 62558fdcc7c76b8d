//! Starting a Terraform provider binary the way Terraform does (go-plugin): magic-cookie
//! environment, the handshake line on stdout, AutoMTLS, gRPC over a unix socket or TCP; and
//! stopping it (GRPCController.Shutdown, then kill). The child never outlives us: it is killed
//! when the [`ProviderPlugin`] is dropped and, on Linux, when our process dies (PR_SET_PDEATHSIG).

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::process::{Child, Command};
use tonic::transport::Channel;

use crate::client::ProviderClient;
use crate::handshake::Handshake;
use crate::log::{stderr_sink, LogLevel, LogLine, LogSink};
use crate::proto::plugin::{grpc_controller_client::GrpcControllerClient, Empty};
use crate::tls::ClientCert;
use crate::{connect, Error};

/// Terraform's handshake cookie: go-plugin servers built for Terraform refuse to start without it.
pub const MAGIC_COOKIE_KEY: &str = "TF_PLUGIN_MAGIC_COOKIE";
pub const MAGIC_COOKIE_VALUE: &str = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

/// How many stderr lines are kept to explain a failed start.
const STDERR_TAIL: usize = 40;

pub struct PluginOptions {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// Extra environment (the provider's own settings, e.g. credentials).
    pub env: Vec<(OsString, OsString)>,
    /// Terraform protocol versions offered, preferred first (`PLUGIN_PROTOCOL_VERSIONS`).
    pub protocol_versions: Vec<u32>,
    /// How long the plugin may take to print its handshake line.
    pub start_timeout: Duration,
    pub log: LogSink,
}

impl PluginOptions {
    pub fn new(program: impl Into<PathBuf>) -> Self {
        PluginOptions {
            program: program.into(),
            args: Vec::new(),
            env: Vec::new(),
            protocol_versions: vec![6, 5],
            start_timeout: Duration::from_secs(60),
            log: stderr_sink(LogLevel::Warn),
        }
    }
}

/// A running provider plugin and its gRPC connection.
pub struct ProviderPlugin {
    child: Child,
    handshake: Handshake,
    channel: Channel,
    client: ProviderClient,
    // Holds the plugin's unix socket; removed (with any socket a killed plugin left) on drop.
    _socket_dir: tempfile::TempDir,
}

impl std::fmt::Debug for ProviderPlugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderPlugin").field("pid", &self.child.id()).field("handshake", &self.handshake).finish()
    }
}

impl ProviderPlugin {
    /// Starts the binary, reads its handshake and connects. On any failure the child is killed.
    pub async fn start(opts: PluginOptions) -> Result<ProviderPlugin, Error> {
        let program = opts.program.display().to_string();
        let cert = ClientCert::generate()?;
        let socket_dir = tempfile::Builder::new()
            .prefix("bridgegen-tfplugin")
            .tempdir()
            .map_err(|e| Error::Spawn { program: program.clone(), source: e })?;
        let versions: Vec<String> = opts.protocol_versions.iter().map(u32::to_string).collect();

        let mut cmd = Command::new(&opts.program);
        cmd.args(&opts.args)
            .envs(opts.env.iter().map(|(k, v)| (k, v)))
            .env(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE)
            .env("PLUGIN_PROTOCOL_VERSIONS", versions.join(","))
            .env("PLUGIN_CLIENT_CERT", &cert.pem)
            // Terraform's port range, used by plugins that listen on TCP (Windows).
            .env("PLUGIN_MIN_PORT", "10000")
            .env("PLUGIN_MAX_PORT", "25000")
            .env("PLUGIN_UNIX_SOCKET_DIR", socket_dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let mut child =
            crate::spawn::spawn(cmd).await.map_err(|e| Error::Spawn { program: program.clone(), source: e })?;

        let tail = Arc::new(Mutex::new(VecDeque::new()));
        let stderr_done = forward_lines(child.stderr.take().expect("piped"), opts.log.clone(), Some(tail.clone()));
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));

        let mut line = String::new();
        let read = tokio::time::timeout(opts.start_timeout, stdout.read_line(&mut line)).await;
        let not_a_plugin = |reason: String, status: Option<ExitStatus>| {
            let stderr: Vec<String> = tail.lock().expect("tail lock").iter().cloned().collect();
            Error::NotAPlugin { program: program.clone(), reason, status, stderr }
        };
        let handshake = match read {
            Err(_) => {
                let _ = child.kill().await;
                return Err(not_a_plugin(
                    format!("it printed no go-plugin handshake line within {:?}", opts.start_timeout),
                    None,
                ));
            }
            Ok(Ok(0)) | Ok(Err(_)) => {
                // Exited (or closed stdout) without a handshake: collect why.
                let status = match tokio::time::timeout(Duration::from_secs(5), child.wait()).await {
                    Ok(Ok(s)) => Some(s),
                    _ => {
                        let _ = child.kill().await;
                        None
                    }
                };
                let _ = tokio::time::timeout(Duration::from_secs(2), stderr_done).await;
                return Err(not_a_plugin("it ended without printing the go-plugin handshake line".into(), status));
            }
            Ok(Ok(_)) => match Handshake::parse(&line, &opts.protocol_versions) {
                Ok(h) => h,
                Err(e) => {
                    let _ = child.kill().await;
                    return Err(not_a_plugin(format!("its first output line is not a go-plugin handshake: {e}"), None));
                }
            },
        };
        // Anything printed on stdout later is log output too; keep the pipe drained.
        drop(forward_lines(stdout, opts.log.clone(), None));

        let channel = match connect::connect(&handshake, &cert).await {
            Ok(c) => c,
            Err(e) => {
                let _ = child.kill().await;
                return Err(e);
            }
        };
        let client = ProviderClient::new(handshake.protocol_version, channel.clone());
        Ok(ProviderPlugin { child, handshake, channel, client, _socket_dir: socket_dir })
    }

    /// 5 or 6.
    pub fn protocol_version(&self) -> u32 {
        self.handshake.protocol_version
    }

    pub fn handshake(&self) -> &Handshake {
        &self.handshake
    }

    /// A protocol-agnostic client (cheap to clone; all clones share the connection).
    pub fn client(&self) -> ProviderClient {
        self.client.clone()
    }

    /// The gRPC channel, for raw tfplugin5/tfplugin6 clients.
    pub fn channel(&self) -> Channel {
        self.channel.clone()
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Asks the plugin to exit (GRPCController.Shutdown), waits up to `grace`, then kills it.
    pub async fn shutdown(mut self, grace: Duration) -> Result<ExitStatus, Error> {
        let mut controller = GrpcControllerClient::new(self.channel.clone());
        let _ = tokio::time::timeout(grace, controller.shutdown(Empty {})).await;
        match tokio::time::timeout(grace, self.child.wait()).await {
            Ok(Ok(status)) => Ok(status),
            _ => {
                let _ = self.child.start_kill();
                self.child.wait().await.map_err(|e| Error::Spawn { program: "plugin".into(), source: e })
            }
        }
    }
}

impl Drop for ProviderPlugin {
    fn drop(&mut self) {
        // kill_on_drop also does this; being explicit keeps it independent of tokio's default.
        let _ = self.child.start_kill();
    }
}

/// Forwards lines to the sink (keeping the last ones in `tail`); the handle ends at EOF.
fn forward_lines<R: AsyncRead + Unpin + Send + 'static>(
    reader: R,
    sink: LogSink,
    tail: Option<Arc<Mutex<VecDeque<String>>>>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut lines = BufReader::new(reader).lines();
        while let Ok(Some(raw)) = lines.next_line().await {
            let line = LogLine::parse(&raw);
            if let Some(tail) = &tail {
                let mut t = tail.lock().expect("tail lock");
                if t.len() == STDERR_TAIL {
                    t.pop_front();
                }
                t.push_back(line.message.clone());
            }
            sink(&line);
        }
    })
}
