//! `pulumi-resource-alicloud`: the `alicloud` package's provider plugin, with
//! `alicloud:ecs/imageSharePermission:ImageSharePermission` on the ECS image sharing API
//! (`ModifyImageSharePermission` / `DescribeImageSharePermission`). By default it talks to
//! the embedded local cloud (`bridgegen cloud serve`); `ecsEndpoint` (or
//! `ALICLOUD_ECS_ENDPOINT`) points it elsewhere.

mod api;
mod share;

use std::sync::Arc;

use bridgegen_provider::{Plugin, PropertyMap, ProviderError, Resource};

pub use api::{EcsApi, EcsClient};
pub use share::{parse_id, ImageSharePermission, TOKEN};

/// The schema this provider serves, the same file the SDK generators read.
pub const SCHEMA: &str = include_str!("../../../schema/alicloud.json");

/// The provider plugin.
#[derive(Default)]
pub struct AlicloudPlugin;

impl Plugin for AlicloudPlugin {
    type Client = Arc<dyn EcsApi>;

    fn schema(&self) -> &'static str {
        SCHEMA
    }

    fn configure(&self, config: &PropertyMap) -> Result<Self::Client, ProviderError> {
        let get = |k: &str| config.get(k).and_then(|v| v.as_str()).filter(|s| !s.is_empty()).map(str::to_string);
        // Unset: the embedded cloud ($BRIDGEGEN_CLOUD_ENDPOINT, else `bridgegen cloud serve`'s address).
        let endpoint = get("ecsEndpoint").unwrap_or_else(bridgegen_cloud::local_endpoint);
        let region = get("region").unwrap_or_else(|| "cn-beijing".to_string());
        let missing = |key: &str, env: &str| {
            ProviderError::InvalidArgument(format!(
                "missing provider configuration `alicloud:{key}` (or environment variable {env})"
            ))
        };
        let access_key = get("accessKey").ok_or_else(|| missing("accessKey", "ALICLOUD_ACCESS_KEY"))?;
        let secret_key = get("secretKey").ok_or_else(|| missing("secretKey", "ALICLOUD_SECRET_KEY"))?;
        let client = EcsClient::new(&endpoint, &access_key, &secret_key, &region)?;
        Ok(Arc::new(client))
    }

    fn resources(&self) -> Vec<Arc<dyn Resource<Self::Client>>> {
        vec![Arc::new(ImageSharePermission::default())]
    }
}
