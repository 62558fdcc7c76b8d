//! [`AliyunEcsClient`]: signed Alibaba Cloud ECS RPC calls.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{http_client, normalize_endpoint, DEFAULT_TIMEOUT};
use crate::error::CloudError;
use crate::sign;
use crate::time::now_iso8601;

/// ECS API version.
pub const ECS_API_VERSION: &str = "2014-05-26";

/// Client for Alibaba Cloud ECS image sharing. Every request is signed with RPC signature v1
/// (HMAC-SHA1, fresh `SignatureNonce`, current `Timestamp`). Cheap to clone.
#[derive(Clone)]
pub struct AliyunEcsClient {
    http: reqwest::Client,
    endpoint: String,
    access_key_id: String,
    access_key_secret: String,
    region: String,
}

impl std::fmt::Debug for AliyunEcsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AliyunEcsClient")
            .field("endpoint", &self.endpoint)
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .field("region", &self.region)
            .finish()
    }
}

/// One page of `DescribeImageSharePermission`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageSharePermissionPage {
    pub request_id: String,
    pub image_id: String,
    pub region_id: String,
    pub total_count: u64,
    pub page_number: u64,
    pub page_size: u64,
    pub accounts: Vec<SharedAccount>,
}

/// An account an image is shared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedAccount {
    /// The Alibaba Cloud account id (`AliyunId`).
    pub aliyun_id: String,
    /// When it was shared (ISO-8601 UTC), if the cloud says.
    pub shared_time: Option<String>,
}

impl AliyunEcsClient {
    /// `endpoint`: `http(s)://host[:port]` or a bare host (https), e.g. the embedded cloud's
    /// `http://127.0.0.1:18480` or `ecs.aliyuncs.com`. Fails on an invalid endpoint or empty key.
    pub fn new(endpoint: &str, access_key_id: &str, access_key_secret: &str, region: &str) -> Result<Self, CloudError> {
        if access_key_id.is_empty() || access_key_secret.is_empty() {
            return Err(CloudError::Config("the access key id and secret must not be empty".into()));
        }
        if region.is_empty() {
            return Err(CloudError::Config("the region must not be empty".into()));
        }
        Ok(AliyunEcsClient {
            http: http_client(DEFAULT_TIMEOUT)?,
            endpoint: normalize_endpoint(endpoint)?,
            access_key_id: access_key_id.to_string(),
            access_key_secret: access_key_secret.to_string(),
            region: region.to_string(),
        })
    }

    /// Per-request timeout (default 30 s).
    pub fn with_timeout(mut self, timeout: Duration) -> Result<Self, CloudError> {
        self.http = http_client(timeout)?;
        Ok(self)
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    pub fn region(&self) -> &str {
        &self.region
    }

    /// The signed query string for `params` plus the common parameters (exposed for tests and debugging).
    pub fn signed_query(&self, method: &str, action: &str, params: &[(&str, &str)]) -> String {
        let mut all: BTreeMap<String, String> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        for (k, v) in [
            ("Action", action.to_string()),
            ("Version", ECS_API_VERSION.to_string()),
            ("Format", "JSON".to_string()),
            ("AccessKeyId", self.access_key_id.clone()),
            ("SignatureMethod", "HMAC-SHA1".to_string()),
            ("SignatureVersion", "1.0".to_string()),
            ("SignatureNonce", nonce()),
            ("Timestamp", now_iso8601()),
        ] {
            all.insert(k.to_string(), v);
        }
        let signature = sign::sign(&self.access_key_secret, &sign::string_to_sign(method, &all));
        format!("{}&Signature={}", sign::canonicalized_query(&all), sign::percent_encode(&signature))
    }

    /// Any signed ECS RPC call (GET); returns the JSON body of a 2xx answer.
    pub async fn call(&self, action: &str, params: &[(&str, &str)]) -> Result<Value, CloudError> {
        let url = format!("{}/?{}", self.endpoint, self.signed_query("GET", action, params));
        let resp = self.http.get(&url).send().await.map_err(|e| CloudError::from_reqwest(&self.endpoint, e))?;
        let status = resp.status().as_u16();
        let text = resp.text().await.map_err(|e| CloudError::from_reqwest(&self.endpoint, e))?;
        let body: Option<Value> = serde_json::from_str(&text).ok();
        if (200..300).contains(&status) {
            return body.ok_or_else(|| CloudError::InvalidResponse {
                endpoint: self.endpoint.clone(),
                status,
                message: format!("not JSON: {}", truncate(&text)),
            });
        }
        match body.as_ref().and_then(|b| b.get("Code")).and_then(Value::as_str) {
            Some(code) => Err(CloudError::Api {
                status,
                code: code.to_string(),
                message: body.as_ref().and_then(|b| b.get("Message")).and_then(Value::as_str).unwrap_or("").to_string(),
                request_id: body.as_ref().and_then(|b| b.get("RequestId")).and_then(Value::as_str).map(str::to_string),
            }),
            None => Err(CloudError::Api {
                status,
                code: format!("HTTP{status}"),
                message: truncate(&text),
                request_id: None,
            }),
        }
    }

    /// `ModifyImageSharePermission`: shares `image_id` with `add_accounts` and unshares it from
    /// `remove_accounts` (at most 10 of each per call). Returns the `RequestId`.
    ///
    /// Errors (`CloudError::Api` code): `InvalidImageId.NotFound` (404), `InvalidImageId.NotOwned`
    /// (403), `InvalidImageType.NotSupported` (403, system image), `InvalidAccount.NotFound` (400),
    /// `QuotaExceed.ShareImageUser` (403, more than 50 accounts), signature errors, `Throttling.User` (429).
    pub async fn modify_image_share_permission(
        &self,
        image_id: &str,
        add_accounts: &[&str],
        remove_accounts: &[&str],
    ) -> Result<String, CloudError> {
        if add_accounts.len() > 10 || remove_accounts.len() > 10 {
            return Err(CloudError::Config(
                "ModifyImageSharePermission takes at most 10 AddAccount.N and 10 RemoveAccount.N".into(),
            ));
        }
        let mut keys: Vec<(String, &str)> =
            vec![("RegionId".into(), self.region.as_str()), ("ImageId".into(), image_id)];
        keys.extend(add_accounts.iter().enumerate().map(|(i, a)| (format!("AddAccount.{}", i + 1), *a)));
        keys.extend(remove_accounts.iter().enumerate().map(|(i, a)| (format!("RemoveAccount.{}", i + 1), *a)));
        let params: Vec<(&str, &str)> = keys.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let body = self.call("ModifyImageSharePermission", &params).await?;
        Ok(body.get("RequestId").and_then(Value::as_str).unwrap_or("").to_string())
    }

    /// `DescribeImageSharePermission`, one page (`page_number` from 1, `page_size` 1..=100).
    pub async fn describe_image_share_permission(
        &self,
        image_id: &str,
        page_number: u32,
        page_size: u32,
    ) -> Result<ImageSharePermissionPage, CloudError> {
        let (pn, ps) = (page_number.to_string(), page_size.to_string());
        let body = self
            .call(
                "DescribeImageSharePermission",
                &[("RegionId", &self.region), ("ImageId", image_id), ("PageNumber", &pn), ("PageSize", &ps)],
            )
            .await?;
        let bad = |what: &str| CloudError::InvalidResponse {
            endpoint: self.endpoint.clone(),
            status: 200,
            message: format!("DescribeImageSharePermission: {what}"),
        };
        let num = |k: &str| body.get(k).and_then(|v| v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok())));
        let accounts = body
            .pointer("/Accounts/Account")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("missing Accounts.Account"))?
            .iter()
            .map(|a| {
                Ok(SharedAccount {
                    aliyun_id: a
                        .get("AliyunId")
                        .and_then(|v| v.as_str().map(str::to_string).or_else(|| v.as_u64().map(|n| n.to_string())))
                        .ok_or_else(|| bad("an account without AliyunId"))?,
                    shared_time: a.get("SharedTime").and_then(Value::as_str).map(str::to_string),
                })
            })
            .collect::<Result<Vec<_>, CloudError>>()?;
        Ok(ImageSharePermissionPage {
            request_id: body.get("RequestId").and_then(Value::as_str).unwrap_or("").to_string(),
            image_id: body.get("ImageId").and_then(Value::as_str).unwrap_or(image_id).to_string(),
            region_id: body.get("RegionId").and_then(Value::as_str).unwrap_or(&self.region).to_string(),
            total_count: num("TotalCount").ok_or_else(|| bad("missing TotalCount"))?,
            page_number: num("PageNumber").unwrap_or(page_number.into()),
            page_size: num("PageSize").unwrap_or(page_size.into()),
            accounts,
        })
    }

    /// Every account `image_id` is shared with (all pages of 100).
    pub async fn shared_accounts(&self, image_id: &str) -> Result<Vec<SharedAccount>, CloudError> {
        let mut out = Vec::new();
        for page in 1u32.. {
            let p = self.describe_image_share_permission(image_id, page, 100).await?;
            let n = p.accounts.len();
            out.extend(p.accounts);
            if n == 0 || out.len() as u64 >= p.total_count {
                break;
            }
        }
        Ok(out)
    }

    /// The share of `image_id` with `account_id`, if it exists.
    pub async fn find_share(&self, image_id: &str, account_id: &str) -> Result<Option<SharedAccount>, CloudError> {
        Ok(self.shared_accounts(image_id).await?.into_iter().find(|a| a.aliyun_id == account_id))
    }
}

fn nonce() -> String {
    use rand::Rng;
    let mut r = rand::thread_rng();
    (0..32).map(|_| char::from(b"0123456789abcdef"[r.gen_range(0..16)])).collect()
}

pub(crate) fn truncate(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 300 {
        format!("{}...", s.chars().take(300).collect::<String>())
    } else {
        s.to_string()
    }
}
