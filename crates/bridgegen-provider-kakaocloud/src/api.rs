//! The KakaoCloud image-member calls the resource needs, as a trait over the HTTP client.

use async_trait::async_trait;
use bridgegen_cloud::{CloudError, KakaoImageClient};
use bridgegen_provider::ProviderError;

/// A member document (`image_id`, `member_id`, `status`, `created_at`, `updated_at`).
pub use bridgegen_cloud::ImageMember as Member;

#[async_trait]
pub trait ImageApi: Send + Sync {
    /// `POST /api/v1/images/{image_id}/members/{member_id}`.
    async fn add_member(&self, image_id: &str, member_id: &str) -> Result<Member, CloudError>;
    /// `GET /api/v1/images/{image_id}/members/{member_id}`.
    async fn get_member(&self, image_id: &str, member_id: &str) -> Result<Member, CloudError>;
    /// `DELETE /api/v1/images/{image_id}/members/{member_id}`.
    async fn remove_member(&self, image_id: &str, member_id: &str) -> Result<(), CloudError>;
}

/// [`ImageApi`] over `bridgegen-cloud`'s client (token from the application credential).
pub struct ImageClient(KakaoImageClient);

impl ImageClient {
    pub fn new(endpoint: &str, credential_id: &str, credential_secret: &str) -> Result<Self, ProviderError> {
        KakaoImageClient::new(endpoint, credential_id, credential_secret)
            .map(ImageClient)
            .map_err(|e| ProviderError::InvalidArgument(format!("kakaocloud provider configuration: {e}")))
    }
}

#[async_trait]
impl ImageApi for ImageClient {
    async fn add_member(&self, image_id: &str, member_id: &str) -> Result<Member, CloudError> {
        self.0.add_member(image_id, member_id).await
    }

    async fn get_member(&self, image_id: &str, member_id: &str) -> Result<Member, CloudError> {
        self.0.get_member(image_id, member_id).await
    }

    async fn remove_member(&self, image_id: &str, member_id: &str) -> Result<(), CloudError> {
        self.0.remove_member(image_id, member_id).await
    }
}
