//! [`KakaoImageClient`]: KakaoCloud image members with application-credential auth.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::aliyun::truncate;
use super::{http_client, normalize_endpoint, DEFAULT_TIMEOUT};
use crate::error::CloudError;
use crate::sign::percent_encode;

/// A project an image is shared with (timestamps ISO-8601 UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageMember {
    pub image_id: String,
    pub member_id: String,
    /// `pending` after sharing; the member project may set `accepted` or `rejected`.
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
}

/// Client for KakaoCloud image members. It exchanges the application credential for a token
/// (`POST {identity}/identity/v3/auth/tokens`), caches it, and re-authenticates once on a 401.
pub struct KakaoImageClient {
    http: reqwest::Client,
    endpoint: String,
    identity_endpoint: String,
    credential_id: String,
    credential_secret: String,
    token: tokio::sync::Mutex<Option<String>>,
}

impl std::fmt::Debug for KakaoImageClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KakaoImageClient")
            .field("endpoint", &self.endpoint)
            .field("identity_endpoint", &self.identity_endpoint)
            .field("credential_id", &self.credential_id)
            .field("credential_secret", &"<redacted>")
            .finish()
    }
}

impl KakaoImageClient {
    /// `endpoint`: base URL of the image API (the embedded cloud's `http://127.0.0.1:PORT`).
    /// The identity (token) endpoint defaults to the same base URL.
    pub fn new(endpoint: &str, credential_id: &str, credential_secret: &str) -> Result<Self, CloudError> {
        if credential_id.is_empty() || credential_secret.is_empty() {
            return Err(CloudError::Config("the application credential id and secret must not be empty".into()));
        }
        let endpoint = normalize_endpoint(endpoint)?;
        Ok(KakaoImageClient {
            http: http_client(DEFAULT_TIMEOUT)?,
            identity_endpoint: endpoint.clone(),
            endpoint,
            credential_id: credential_id.to_string(),
            credential_secret: credential_secret.to_string(),
            token: tokio::sync::Mutex::new(None),
        })
    }

    /// Uses a separate IAM base URL (real KakaoCloud: `https://iam.kakaocloud.com`).
    pub fn with_identity_endpoint(mut self, identity_endpoint: &str) -> Result<Self, CloudError> {
        self.identity_endpoint = normalize_endpoint(identity_endpoint)?;
        Ok(self)
    }

    /// Per-request timeout (default 30 s).
    pub fn with_timeout(mut self, timeout: Duration) -> Result<Self, CloudError> {
        self.http = http_client(timeout)?;
        Ok(self)
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Gets a fresh token now; returns the project id the credential belongs to.
    pub async fn authenticate(&self) -> Result<String, CloudError> {
        let mut slot = self.token.lock().await;
        let (token, project) = self.fetch_token().await?;
        *slot = Some(token);
        Ok(project)
    }

    async fn fetch_token(&self) -> Result<(String, String), CloudError> {
        let url = format!("{}/identity/v3/auth/tokens", self.identity_endpoint);
        let body = json!({ "auth": { "identity": {
            "methods": ["application_credential"],
            "application_credential": { "id": self.credential_id, "secret": self.credential_secret },
        }}});
        let resp = self
            .http
            .post(&url)
            .json(&body)
            .send()
            .await
            .map_err(|e| CloudError::from_reqwest(&self.identity_endpoint, e))?;
        let status = resp.status().as_u16();
        let token = resp.headers().get("x-subject-token").and_then(|v| v.to_str().ok()).map(str::to_string);
        let text = resp.text().await.map_err(|e| CloudError::from_reqwest(&self.identity_endpoint, e))?;
        if !(200..300).contains(&status) {
            return Err(api_error(status, &text));
        }
        let token = token.ok_or_else(|| CloudError::InvalidResponse {
            endpoint: self.identity_endpoint.clone(),
            status,
            message: "token response without X-Subject-Token header".into(),
        })?;
        let project = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v.pointer("/token/project/id").and_then(Value::as_str).map(str::to_string))
            .unwrap_or_default();
        Ok((token, project))
    }

    async fn token(&self) -> Result<String, CloudError> {
        let mut slot = self.token.lock().await;
        if let Some(t) = slot.as_ref() {
            return Ok(t.clone());
        }
        let (token, _) = self.fetch_token().await?;
        *slot = Some(token.clone());
        Ok(token)
    }

    /// Sends an authenticated request; on 401 gets a new token and tries once more.
    async fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<(u16, String), CloudError> {
        let url = format!("{}{path}", self.endpoint);
        for attempt in 0..2 {
            let token = self.token().await?;
            let mut req = self
                .http
                .request(method.clone(), &url)
                .header("X-Auth-Token", &token)
                .header("Accept", "application/json");
            if let Some(b) = body {
                req = req.json(b);
            }
            let resp = req.send().await.map_err(|e| CloudError::from_reqwest(&self.endpoint, e))?;
            let status = resp.status().as_u16();
            let request_id =
                resp.headers().get("x-openstack-request-id").and_then(|v| v.to_str().ok()).map(str::to_string);
            let text = resp.text().await.map_err(|e| CloudError::from_reqwest(&self.endpoint, e))?;
            if status == 401 && attempt == 0 {
                let mut slot = self.token.lock().await;
                if slot.as_deref() == Some(token.as_str()) {
                    *slot = None;
                }
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(match api_error(status, &text) {
                    CloudError::Api { status, code, message, .. } => {
                        CloudError::Api { status, code, message, request_id }
                    }
                    other => other,
                });
            }
            return Ok((status, text));
        }
        unreachable!("the loop returns on its second attempt")
    }

    fn member_path(image_id: &str, member_id: &str) -> String {
        format!("/api/v1/images/{}/members/{}", percent_encode(image_id), percent_encode(member_id))
    }

    fn parse_member(&self, status: u16, text: &str) -> Result<ImageMember, CloudError> {
        let v: Value = serde_json::from_str(text).map_err(|e| CloudError::InvalidResponse {
            endpoint: self.endpoint.clone(),
            status,
            message: format!("not JSON ({e}): {}", truncate(text)),
        })?;
        // Accept both a bare member document and one wrapped in {"member": ...}.
        let doc = v.get("member").cloned().unwrap_or(v);
        serde_json::from_value(doc).map_err(|e| CloudError::InvalidResponse {
            endpoint: self.endpoint.clone(),
            status,
            message: format!("not an image member ({e}): {}", truncate(text)),
        })
    }

    /// Shares `image_id` with project `member_id` (`POST .../members/{member_id}`).
    /// Errors: 404 `ImageNotFound`, 403 `Forbidden` (not the owner / public image),
    /// 409 `MemberAlreadyExists`, 413 `MemberQuotaExceeded`, 400 `ProjectNotFound`, 429.
    pub async fn add_member(&self, image_id: &str, member_id: &str) -> Result<ImageMember, CloudError> {
        let (s, t) = self.request(reqwest::Method::POST, &Self::member_path(image_id, member_id), None).await?;
        self.parse_member(s, &t)
    }

    /// Unshares (`DELETE .../members/{member_id}`). A 404 `MemberNotFound` means it was already gone.
    pub async fn remove_member(&self, image_id: &str, member_id: &str) -> Result<(), CloudError> {
        self.request(reqwest::Method::DELETE, &Self::member_path(image_id, member_id), None).await?;
        Ok(())
    }

    /// One member (`GET .../members/{member_id}`); 404 when the image or member is gone.
    pub async fn get_member(&self, image_id: &str, member_id: &str) -> Result<ImageMember, CloudError> {
        let (s, t) = self.request(reqwest::Method::GET, &Self::member_path(image_id, member_id), None).await?;
        self.parse_member(s, &t)
    }

    /// All members of an image (`GET .../members`).
    pub async fn list_members(&self, image_id: &str) -> Result<Vec<ImageMember>, CloudError> {
        let path = format!("/api/v1/images/{}/members", percent_encode(image_id));
        let (status, text) = self.request(reqwest::Method::GET, &path, None).await?;
        let v: Value = serde_json::from_str(&text).map_err(|e| CloudError::InvalidResponse {
            endpoint: self.endpoint.clone(),
            status,
            message: format!("not JSON ({e}): {}", truncate(&text)),
        })?;
        let members = v.get("members").cloned().unwrap_or(Value::Array(vec![]));
        serde_json::from_value(members).map_err(|e| CloudError::InvalidResponse {
            endpoint: self.endpoint.clone(),
            status,
            message: format!("bad members list ({e})"),
        })
    }

    /// As the member project: set the member status (`accepted`, `rejected`, `pending`).
    pub async fn set_member_status(
        &self,
        image_id: &str,
        member_id: &str,
        status: &str,
    ) -> Result<ImageMember, CloudError> {
        let body = json!({ "status": status });
        let (s, t) = self.request(reqwest::Method::PUT, &Self::member_path(image_id, member_id), Some(&body)).await?;
        self.parse_member(s, &t)
    }
}

fn api_error(status: u16, text: &str) -> CloudError {
    let v: Option<Value> = serde_json::from_str(text).ok();
    let e = v.as_ref().and_then(|v| v.get("error"));
    let title = e.and_then(|e| e.get("title")).and_then(Value::as_str);
    let message = e.and_then(|e| e.get("message")).and_then(Value::as_str);
    CloudError::Api {
        status,
        code: title.map(str::to_string).unwrap_or_else(|| format!("HTTP{status}")),
        message: message.map(str::to_string).unwrap_or_else(|| truncate(text)),
        request_id: None,
    }
}
