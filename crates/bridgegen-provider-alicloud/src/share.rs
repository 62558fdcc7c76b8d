//! `alicloud:ecs/imageSharePermission:ImageSharePermission`: one account an image is shared with.
//!
//! - id: `<image_id>:<account_id>`; `imageId` and `accountId` force replacement (schema).
//! - Create: `ModifyImageSharePermission` with `AddAccount.1`. The cloud enforces the
//!   50-accounts-per-image quota and ownership atomically; their refusals become clear errors.
//! - Read: `DescribeImageSharePermission`; image gone or account no longer listed -> the
//!   resource is dropped from the state. Import reads by id (format validated).
//! - Delete: `RemoveAccount.1`; an image that no longer exists counts as deleted.
//! - Replacement deletes first when the image stays the same, so replacing one share of an
//!   image that is at its quota does not need a 51st slot.
//! - Throttling (HTTP 429 / `Throttling.*`) is retried with exponential backoff within the
//!   operation's timeout (the engine's custom timeout, else [`DEFAULT_TIMEOUT`]).

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bridgegen_cloud::CloudError;
use bridgegen_provider::retry::{retry, Backoff, RetryError};
use bridgegen_provider::{
    CheckFailure, CheckResult, Created, OpContext, PropertyMap, PropertyValue, ProviderError, ReadResult, Resource,
};
use tokio::time::Instant;

use crate::api::EcsApi;

pub const TOKEN: &str = "alicloud:ecs/imageSharePermission:ImageSharePermission";

/// Timeout of an operation when the engine gives none.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// Splits an id `<image_id>:<account_id>`; the error says what was expected.
pub fn parse_id(id: &str) -> Result<(&str, &str), ProviderError> {
    match id.split_once(':') {
        Some((image, account))
            if !image.is_empty() && !account.is_empty() && !account.contains(':') && id.trim() == id =>
        {
            Ok((image, account))
        }
        _ => Err(ProviderError::InvalidArgument(format!(
            "invalid ImageSharePermission id `{id}`: expected `<image_id>:<account_id>`, e.g. `m-uf66yg1q:123456789`"
        ))),
    }
}

#[derive(Default)]
pub struct ImageSharePermission {
    pub backoff: Backoff,
}

fn str_prop<'a>(m: &'a PropertyMap, key: &str) -> Result<&'a str, ProviderError> {
    m.get(key)
        .and_then(PropertyValue::as_str)
        .ok_or_else(|| ProviderError::InvalidArgument(format!("`{key}` must be a known string")))
}

/// Turns a cloud error into a message a user can act on.
fn explain(e: CloudError, image_id: &str, account_id: &str) -> ProviderError {
    let code = e.code().unwrap_or_default().to_string();
    match code.as_str() {
        "InvalidImageId.NotFound" => {
            ProviderError::FailedPrecondition(format!("image `{image_id}` does not exist in this region: {e}"))
        }
        "InvalidImageId.NotOwned" => ProviderError::FailedPrecondition(format!(
            "image `{image_id}` belongs to another account: only your own custom images can be shared ({e})"
        )),
        "InvalidImageType.NotSupported" => ProviderError::FailedPrecondition(format!(
            "image `{image_id}` is a system image: only custom images can be shared ({e})"
        )),
        "QuotaExceed.ShareImageUser" => ProviderError::FailedPrecondition(format!(
            "image `{image_id}` is already shared with the maximum of 50 accounts, so it cannot also be shared \
             with account `{account_id}`; remove a share first or ask Alibaba Cloud support to raise the quota ({e})"
        )),
        "InvalidAccount.NotFound" => {
            ProviderError::FailedPrecondition(format!("account `{account_id}` does not exist: {e}"))
        }
        c if c.starts_with("InvalidAccessKeyId") || c.starts_with("SignatureDoesNotMatch") || c == "Forbidden.RAM" => {
            ProviderError::FailedPrecondition(format!("the ECS API refused the provider's credentials: {e}"))
        }
        _ => match e {
            CloudError::Unreachable { .. } | CloudError::Timeout { .. } => ProviderError::Unavailable(format!(
                "{e}. Is the cloud running? For the embedded cloud start `bridgegen cloud serve`, or set \
                 `alicloud:ecsEndpoint` / ALICLOUD_ECS_ENDPOINT. Nothing was changed by this operation."
            )),
            CloudError::Config(_) => ProviderError::InvalidArgument(e.to_string()),
            _ => ProviderError::Internal(e.to_string()),
        },
    }
}

impl ImageSharePermission {
    async fn call<T, F, Fut>(
        &self,
        ctx: &OpContext,
        what: &str,
        image: &str,
        account: &str,
        op: F,
    ) -> Result<T, ProviderError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, CloudError>>,
    {
        let limit = ctx.timeout.unwrap_or(DEFAULT_TIMEOUT);
        retry(ctx, what, Instant::now() + limit, self.backoff, CloudError::is_throttled, op)
            .await
            .map_err(|e| e.into_provider_error(what, limit, |e| explain(e, image, account)))
    }

    /// The accounts `image` is shared with; `None` when the image does not exist.
    async fn shared_with(
        &self,
        api: &Arc<dyn EcsApi>,
        ctx: &OpContext,
        image: &str,
    ) -> Result<Option<Vec<String>>, ProviderError> {
        let limit = ctx.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let what = format!("DescribeImageSharePermission({image})");
        match retry(ctx, &what, Instant::now() + limit, self.backoff, CloudError::is_throttled, || {
            api.shared_accounts(image)
        })
        .await
        {
            Ok(list) => Ok(Some(list)),
            Err(RetryError::Failed(e)) if e.code() == Some("InvalidImageId.NotFound") => Ok(None),
            Err(e) => Err(e.into_provider_error(&what, limit, |e| explain(e, image, ""))),
        }
    }
}

fn outputs(image: &str, account: &str) -> PropertyMap {
    PropertyMap::from([
        ("imageId".to_string(), PropertyValue::string(image)),
        ("accountId".to_string(), PropertyValue::string(account)),
    ])
}

#[async_trait]
impl Resource<Arc<dyn EcsApi>> for ImageSharePermission {
    fn token(&self) -> &str {
        TOKEN
    }

    async fn check(&self, _olds: &PropertyMap, news: PropertyMap) -> Result<CheckResult, ProviderError> {
        let mut failures = Vec::new();
        for key in ["imageId", "accountId"] {
            if let Some(s) = news.get(key).and_then(PropertyValue::as_str) {
                if s.trim().is_empty() {
                    failures.push(CheckFailure::new(key, format!("`{key}` must not be empty")));
                } else if s.contains(':') || s.trim() != s {
                    failures.push(CheckFailure::new(
                        key,
                        format!("`{key}` {s:?} must not contain `:` or surrounding spaces (the id is `<image_id>:<account_id>`)"),
                    ));
                }
            }
        }
        Ok(CheckResult { inputs: news, failures })
    }

    fn delete_before_replace(&self, olds: &PropertyMap, news: &PropertyMap, _replaces: &[String]) -> bool {
        let image = |m: &PropertyMap| m.get("imageId").and_then(PropertyValue::as_str).map(str::to_string);
        image(olds).is_some() && image(olds) == image(news)
    }

    async fn create(
        &self,
        api: &Arc<dyn EcsApi>,
        ctx: &OpContext,
        inputs: &PropertyMap,
    ) -> Result<Created, ProviderError> {
        let image = str_prop(inputs, "imageId")?;
        let account = str_prop(inputs, "accountId")?;
        let what = format!("ModifyImageSharePermission(AddAccount {account} to {image})");
        self.call(ctx, &what, image, account, || api.add_account(image, account)).await?;
        Ok(Created { id: format!("{image}:{account}"), outputs: outputs(image, account) })
    }

    async fn read(
        &self,
        api: &Arc<dyn EcsApi>,
        ctx: &OpContext,
        id: &str,
        _state: &PropertyMap,
        _inputs: &PropertyMap,
    ) -> Result<Option<ReadResult>, ProviderError> {
        let (image, account) = parse_id(id)?;
        let Some(accounts) = self.shared_with(api, ctx, image).await? else {
            return Ok(None);
        };
        if !accounts.iter().any(|a| a == account) {
            return Ok(None);
        }
        Ok(Some(ReadResult { id: id.to_string(), outputs: outputs(image, account), inputs: None }))
    }

    async fn delete(
        &self,
        api: &Arc<dyn EcsApi>,
        ctx: &OpContext,
        id: &str,
        _state: &PropertyMap,
    ) -> Result<(), ProviderError> {
        let (image, account) = parse_id(id)?;
        let what = format!("ModifyImageSharePermission(RemoveAccount {account} from {image})");
        let limit = ctx.timeout.unwrap_or(DEFAULT_TIMEOUT);
        match retry(ctx, &what, Instant::now() + limit, self.backoff, CloudError::is_throttled, || {
            api.remove_account(image, account)
        })
        .await
        {
            Ok(()) => Ok(()),
            // The image is gone, and with it every share.
            Err(RetryError::Failed(e)) if e.code() == Some("InvalidImageId.NotFound") => Ok(()),
            Err(e) => Err(e.into_provider_error(&what, limit, |e| explain(e, image, account))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_id;

    #[test]
    fn ids() {
        assert_eq!(parse_id("m-uf66yg1q:123456789").unwrap(), ("m-uf66yg1q", "123456789"));
        for bad in ["", "m-1", ":1", "m-1:", "m-1:2:3", " m-1:2", "m-1:2 "] {
            let e = parse_id(bad).unwrap_err().to_string();
            assert!(e.contains("<image_id>:<account_id>"), "{bad:?}: {e}");
        }
    }
}
