//! The HTTP server of the embedded cloud (axum on tokio), bound to loopback.
//!
//! Routes (one server speaks both clouds):
//! - `GET|POST /?Action=...` — Alibaba Cloud ECS RPC API (`Version=2014-05-26`), see [`aliyun`].
//! - `POST /identity/v3/auth/tokens` — KakaoCloud IAM: application credential -> `X-Subject-Token`.
//! - `GET /api/v1/images/{image_id}/members`, `GET|POST|PUT|DELETE /api/v1/images/{image_id}/members/{member_id}`
//!   — KakaoCloud image members, see [`kakao`].
//! - `GET|POST|DELETE /_bridgegen/faults` — test hook: answer the next N cloud requests with an
//!   error status (default 429), then behave normally. `GET /_bridgegen/health` -> `ok`.

pub mod aliyun;
pub mod kakao;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::store::{Store, StoreError};

/// Default address of `bridgegen cloud serve`.
pub const DEFAULT_ADDR: &str = "127.0.0.1:18480";

/// A planned run of injected failures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultPlan {
    /// How many of the next matching requests fail.
    pub count: u32,
    /// HTTP status to answer with (default 429).
    #[serde(default = "default_fault_status")]
    pub status: u16,
    /// Only requests whose path starts with this fail (default: every cloud request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
}

fn default_fault_status() -> u16 {
    429
}

#[derive(Default)]
pub(crate) struct Faults(Mutex<Option<FaultPlan>>);

impl Faults {
    /// Consumes one failure if the plan matches `path`.
    fn take(&self, path: &str) -> Option<u16> {
        let mut g = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let plan = g.as_mut()?;
        if plan.count == 0 || plan.path_prefix.as_deref().is_some_and(|p| !path.starts_with(p)) {
            return None;
        }
        plan.count -= 1;
        let status = plan.status;
        if plan.count == 0 {
            *g = None;
        }
        Some(status)
    }

    fn set(&self, plan: Option<FaultPlan>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = plan.filter(|p| p.count > 0);
    }

    fn get(&self) -> Option<FaultPlan> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

#[derive(Clone)]
pub(crate) struct AppState {
    pub store: Arc<Store>,
    pub faults: Arc<Faults>,
}

/// Runs a blocking store operation off the async runtime.
pub(crate) async fn blocking<T: Send + 'static>(store: &Arc<Store>, f: impl FnOnce(&Store) -> T + Send + 'static) -> T {
    let store = store.clone();
    tokio::task::spawn_blocking(move || f(&store)).await.expect("store task panicked")
}

/// A running embedded cloud. Dropping it does not stop the server; call [`CloudServer::shutdown`].
pub struct CloudServer {
    addr: SocketAddr,
    store: Arc<Store>,
    faults: Arc<Faults>,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("refusing to listen on non-loopback address {0}: the embedded cloud has no TLS and is for local use")]
    NotLoopback(SocketAddr),
}

impl CloudServer {
    /// Opens the database at `db` and serves on `addr` (use port 0 for any free port).
    pub async fn open(db: impl AsRef<Path>, addr: &str) -> Result<CloudServer, ServeError> {
        let db = db.as_ref().to_path_buf();
        let store = tokio::task::spawn_blocking(move || Store::open(db)).await.expect("open task panicked")?;
        CloudServer::start(Arc::new(store), addr).await
    }

    /// Serves an already opened store on `addr` (must be a loopback address).
    pub async fn start(store: Arc<Store>, addr: &str) -> Result<CloudServer, ServeError> {
        let listener =
            TcpListener::bind(addr).await.map_err(|source| ServeError::Bind { addr: addr.to_string(), source })?;
        let addr = listener.local_addr().map_err(|source| ServeError::Bind { addr: addr.to_string(), source })?;
        if !addr.ip().is_loopback() {
            return Err(ServeError::NotLoopback(addr));
        }
        let faults = Arc::new(Faults::default());
        let app = router(AppState { store: store.clone(), faults: faults.clone() });
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = rx.await;
                })
                .await
        });
        Ok(CloudServer { addr, store, faults, shutdown: Some(tx), task })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Base URL for both clients, e.g. `http://127.0.0.1:18480`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// Answers the next `count` cloud requests with HTTP `status` (e.g. 429), then recovers.
    /// Same as `POST /_bridgegen/faults {"count": N, "status": S}`.
    pub fn inject_faults(&self, plan: FaultPlan) {
        self.faults.set(Some(plan));
    }

    /// Failures still planned, if any.
    pub fn pending_faults(&self) -> Option<FaultPlan> {
        self.faults.get()
    }

    /// Stops accepting requests and waits for in-flight ones to finish.
    pub async fn shutdown(mut self) -> std::io::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.task.await.unwrap_or_else(|e| Err(std::io::Error::other(e)))
    }

    /// Serves until `signal` completes (e.g. ctrl-c), then shuts down gracefully.
    pub async fn run_until(self, signal: impl std::future::Future<Output = ()>) -> std::io::Result<()> {
        signal.await;
        self.shutdown().await
    }
}

/// Runs the embedded cloud from synchronous code (the CLI): opens `db`, binds `addr`, calls
/// `ready` with the running server, and serves until SIGINT/SIGTERM, then shuts down gracefully.
pub fn serve_blocking(db: &Path, addr: &str, ready: impl FnOnce(&CloudServer)) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|source| ServeError::Bind { addr: addr.to_string(), source })?;
    rt.block_on(async {
        let server = CloudServer::open(db, addr).await?;
        ready(&server);
        server.run_until(shutdown_signal()).await.map_err(|source| ServeError::Bind { addr: addr.to_string(), source })
    })
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn router(state: AppState) -> Router {
    let cloud = Router::new()
        .route("/", any(aliyun::handle))
        .route("/identity/v3/auth/tokens", post(kakao::issue_token))
        .route("/api/v1/images/{image_id}/members", get(kakao::list_members))
        .route(
            "/api/v1/images/{image_id}/members/{member_id}",
            get(kakao::get_member).post(kakao::add_member).put(kakao::update_member).delete(kakao::remove_member),
        )
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), inject_faults));
    let admin = Router::new()
        .route("/_bridgegen/health", get(|| async { "ok" }))
        .route("/_bridgegen/faults", get(get_faults).post(set_faults).delete(clear_faults));
    cloud.merge(admin).with_state(state)
}

async fn not_found(req: Request) -> Response {
    let path = req.uri().path().to_string();
    if path.starts_with("/api/") || path.starts_with("/identity/") {
        kakao::error(StatusCode::NOT_FOUND, "NotFound", &format!("no route for {} {path}", req.method()))
    } else {
        (StatusCode::NOT_FOUND, format!("no route for {} {path}\n", req.method())).into_response()
    }
}

async fn inject_faults(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if path.starts_with("/_bridgegen/") {
        return next.run(req).await;
    }
    let Some(status) = st.faults.take(&path) else {
        return next.run(req).await;
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::TOO_MANY_REQUESTS);
    if path.starts_with("/api/") || path.starts_with("/identity/") {
        kakao::error(
            status,
            if status == StatusCode::TOO_MANY_REQUESTS { "TooManyRequests" } else { "InjectedFault" },
            "fault injected by the embedded cloud's test hook",
        )
    } else {
        let code = if status == StatusCode::TOO_MANY_REQUESTS { "Throttling.User" } else { "InternalError" };
        aliyun::error_response(
            status,
            code,
            "Request was denied due to user flow control (fault injected by the embedded cloud's test hook).",
            "",
        )
    }
}

async fn get_faults(State(st): State<AppState>) -> Json<Option<FaultPlan>> {
    Json(st.faults.get())
}

async fn set_faults(State(st): State<AppState>, Json(plan): Json<FaultPlan>) -> Response {
    if StatusCode::from_u16(plan.status).is_err() || plan.status < 400 {
        return (StatusCode::BAD_REQUEST, "status must be an HTTP error status (400-599)\n").into_response();
    }
    st.faults.set(Some(plan.clone()));
    Json(plan).into_response()
}

async fn clear_faults(State(st): State<AppState>) -> StatusCode {
    st.faults.set(None);
    StatusCode::NO_CONTENT
}

/// A random request id shaped like the clouds' (`8-4-4-4-12` upper-case hex).
pub(crate) fn request_id() -> String {
    use rand::Rng;
    let mut r = rand::thread_rng();
    let h: String = (0..32).map(|_| char::from(b"0123456789ABCDEF"[r.gen_range(0..16)])).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}
