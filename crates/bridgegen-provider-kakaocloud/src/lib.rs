//! `pulumi-resource-kakaocloud`: the `kakaocloud` package's provider plugin, with
//! `kakaocloud:index/imageMember:ImageMember` on the KakaoCloud image-member API. By default
//! it talks to the embedded local cloud (`bridgegen cloud serve`); `endpoint` (or
//! `KAKAOCLOUD_ENDPOINT`) points it elsewhere.

mod api;
mod member;

use std::sync::Arc;

use bridgegen_provider::{Plugin, PropertyMap, ProviderError, Resource};

pub use api::{ImageApi, ImageClient, Member};
pub use member::{check_timeouts, effective_timeout, parse_id, ImageMember, Op, TOKEN};

/// The schema this provider serves, the same file the SDK generators read.
pub const SCHEMA: &str = include_str!("../../../schema/kakaocloud.json");

/// The provider plugin.
#[derive(Default)]
pub struct KakaocloudPlugin;

impl Plugin for KakaocloudPlugin {
    type Client = Arc<dyn ImageApi>;

    fn schema(&self) -> &'static str {
        SCHEMA
    }

    fn configure(&self, config: &PropertyMap) -> Result<Self::Client, ProviderError> {
        let get = |k: &str| config.get(k).and_then(|v| v.as_str()).filter(|s| !s.is_empty()).map(str::to_string);
        // Unset: the embedded cloud ($BRIDGEGEN_CLOUD_ENDPOINT, else `bridgegen cloud serve`'s address).
        let endpoint = get("endpoint").unwrap_or_else(bridgegen_cloud::local_endpoint);
        let missing = |key: &str, env: &str| {
            ProviderError::InvalidArgument(format!(
                "missing provider configuration `kakaocloud:{key}` (or environment variable {env})"
            ))
        };
        let id = get("applicationCredentialId")
            .ok_or_else(|| missing("applicationCredentialId", "KAKAOCLOUD_APPLICATION_CREDENTIAL_ID"))?;
        let secret = get("applicationCredentialSecret")
            .ok_or_else(|| missing("applicationCredentialSecret", "KAKAOCLOUD_APPLICATION_CREDENTIAL_SECRET"))?;
        Ok(Arc::new(ImageClient::new(&endpoint, &id, &secret)?))
    }

    fn resources(&self) -> Vec<Arc<dyn Resource<Self::Client>>> {
        vec![Arc::new(ImageMember::default())]
    }
}
