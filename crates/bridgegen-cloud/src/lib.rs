//! The embedded local cloud behind the bridgegen providers, and the HTTP clients for it.
//!
//! - [`Store`]: durable SQLite state (accounts/projects, credentials, custom and system
//!   images, shares). Quota and ownership checks run inside `BEGIN IMMEDIATE` transactions.
//! - [`CloudServer`]: an axum server on loopback speaking Alibaba Cloud ECS RPC
//!   (`ModifyImageSharePermission`, `DescribeImageSharePermission`, signature v1) and the
//!   KakaoCloud image-member API (token from an application credential), plus a
//!   fault-injection hook (`POST /_bridgegen/faults {"count": N, "status": 429}`).
//! - [`AliyunEcsClient`], [`KakaoImageClient`]: async clients returning [`CloudError`], which
//!   carries the cloud's error code and HTTP status (404 -> gone, 429 -> retry).
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use bridgegen_cloud::{AliyunEcsClient, Cloud, CloudServer};
//! let server = CloudServer::open("/tmp/cloud.db", "127.0.0.1:0").await?;
//! let (owner, cred) = server.store().create_account(Cloud::Alicloud, None, None)?;
//! let (friend, _) = server.store().create_account(Cloud::Alicloud, None, None)?;
//! let image = server.store().create_image(Cloud::Alicloud, Some(&owner.id), false, None, None, None)?;
//! let ecs = AliyunEcsClient::new(&server.endpoint(), &cred.key_id, &cred.secret, "cn-beijing")?;
//! ecs.modify_image_share_permission(&image.id, &[friend.id.as_str()], &[]).await?;
//! assert!(ecs.find_share(&image.id, &friend.id).await?.is_some());
//! # Ok(()) }
//! ```

pub mod client;
pub mod error;
pub mod server;
pub mod sign;
pub mod store;
pub mod time;

pub use client::aliyun::{AliyunEcsClient, ImageSharePermissionPage, SharedAccount};
pub use client::kakao::{ImageMember, KakaoImageClient};
pub use error::CloudError;
pub use server::{serve_blocking, CloudServer, FaultPlan, ServeError, DEFAULT_ADDR};
pub use store::{
    default_db_path, Account, Cloud, Credential, Image, OpError, Refusal, Share, Store, StoreError, SHARE_LIMIT,
};

/// Environment variable naming the embedded cloud's endpoint for providers whose endpoint
/// config is unset.
pub const ENDPOINT_ENV: &str = "BRIDGEGEN_CLOUD_ENDPOINT";

/// The endpoint a provider uses when its endpoint config is unset: `$BRIDGEGEN_CLOUD_ENDPOINT`,
/// else `http://` + [`DEFAULT_ADDR`] (where `bridgegen cloud serve` listens by default).
pub fn local_endpoint() -> String {
    std::env::var(ENDPOINT_ENV)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| format!("http://{DEFAULT_ADDR}"))
}
