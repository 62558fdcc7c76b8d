//! The ECS calls the resource needs, as a trait over the HTTP client (so the resource logic
//! does not depend on how requests are made).

use async_trait::async_trait;
use bridgegen_cloud::{AliyunEcsClient, CloudError};
use bridgegen_provider::ProviderError;

#[async_trait]
pub trait EcsApi: Send + Sync {
    /// `ModifyImageSharePermission` with `AddAccount.1`.
    async fn add_account(&self, image_id: &str, account_id: &str) -> Result<(), CloudError>;
    /// `ModifyImageSharePermission` with `RemoveAccount.1`.
    async fn remove_account(&self, image_id: &str, account_id: &str) -> Result<(), CloudError>;
    /// `DescribeImageSharePermission`, every page: the account ids.
    async fn shared_accounts(&self, image_id: &str) -> Result<Vec<String>, CloudError>;
}

/// [`EcsApi`] over the signed RPC client of `bridgegen-cloud`.
pub struct EcsClient(AliyunEcsClient);

impl EcsClient {
    pub fn new(endpoint: &str, access_key: &str, secret_key: &str, region: &str) -> Result<Self, ProviderError> {
        AliyunEcsClient::new(endpoint, access_key, secret_key, region)
            .map(EcsClient)
            .map_err(|e| ProviderError::InvalidArgument(format!("alicloud provider configuration: {e}")))
    }
}

#[async_trait]
impl EcsApi for EcsClient {
    async fn add_account(&self, image_id: &str, account_id: &str) -> Result<(), CloudError> {
        self.0.modify_image_share_permission(image_id, &[account_id], &[]).await.map(|_| ())
    }

    async fn remove_account(&self, image_id: &str, account_id: &str) -> Result<(), CloudError> {
        self.0.modify_image_share_permission(image_id, &[], &[account_id]).await.map(|_| ())
    }

    async fn shared_accounts(&self, image_id: &str) -> Result<Vec<String>, CloudError> {
        Ok(self.0.shared_accounts(image_id).await?.into_iter().map(|a| a.aliyun_id).collect())
    }
}
