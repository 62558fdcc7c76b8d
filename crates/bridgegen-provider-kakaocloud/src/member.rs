//! `kakaocloud:index/imageMember:ImageMember`: a project an image is shared with.
//!
//! - id: `<image_id>:<member_id>`; `imageId` and `memberId` force replacement (schema).
//! - `status`, `createdAt`, `updatedAt` (ISO-8601 UTC) come from the cloud.
//! - `timeouts.{create,read,update,delete}` are Go durations, validated in Check (failures
//!   name the path, e.g. `timeouts.create`) and enforced: each operation, including its
//!   retries, must finish within its timeout. Defaults: create 60m, delete 30m, read and
//!   update 20m; when `timeouts` leaves one unset, the engine's custom timeout applies, then
//!   the default.
//! - HTTP 429 (and 5xx) answers are retried with exponential backoff bounded by the timeout.
//! - Delete: a 404 (image or member already gone) counts as deleted.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bridgegen_cloud::CloudError;
use bridgegen_provider::duration::parse_go_duration;
use bridgegen_provider::retry::{retry, Backoff, RetryError};
use bridgegen_provider::{
    CheckFailure, CheckResult, Created, OpContext, PropertyMap, PropertyValue, ProviderError, ReadResult, Resource,
};
use tokio::time::Instant;

use crate::api::{ImageApi, Member};

pub const TOKEN: &str = "kakaocloud:index/imageMember:ImageMember";

/// The operations a `timeouts` block can bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Create,
    Read,
    Update,
    Delete,
}

impl Op {
    pub const ALL: [Op; 4] = [Op::Create, Op::Read, Op::Update, Op::Delete];

    pub fn key(self) -> &'static str {
        match self {
            Op::Create => "create",
            Op::Read => "read",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }

    pub fn default_timeout(self) -> Duration {
        match self {
            Op::Create => Duration::from_secs(60 * 60),
            Op::Delete => Duration::from_secs(30 * 60),
            Op::Read | Op::Update => Duration::from_secs(20 * 60),
        }
    }
}

/// Checks a `timeouts` value; failures carry paths like `timeouts.create`.
pub fn check_timeouts(value: Option<&PropertyValue>) -> Vec<CheckFailure> {
    let Some(obj) = value.filter(|v| !v.is_computed()).and_then(PropertyValue::as_object) else {
        return Vec::new();
    };
    let mut failures = Vec::new();
    for (key, v) in obj {
        let path = format!("timeouts.{key}");
        if !Op::ALL.iter().any(|op| op.key() == key) {
            failures.push(CheckFailure::new(
                &path,
                format!("unknown timeout `{key}`: the timeouts are create, read, update and delete"),
            ));
            continue;
        }
        if v.is_computed() || v.is_null() {
            continue;
        }
        match v.as_str() {
            Some(s) => {
                if let Err(e) = parse_go_duration(s) {
                    failures.push(CheckFailure::new(&path, format!("`{path}`: {e}")));
                }
            }
            None => {
                failures.push(CheckFailure::new(&path, format!("`{path}` must be a duration string such as \"30m\"")))
            }
        }
    }
    failures
}

/// The configured timeout of `op` in a property bag, if set and valid.
pub fn configured_timeout(props: &PropertyMap, op: Op) -> Option<Duration> {
    let s = props.get("timeouts")?.as_object()?.get(op.key())?.as_str()?;
    parse_go_duration(s).ok()
}

/// The timeout of `op`: the `timeouts` block, else the engine's, else the default.
pub fn effective_timeout(props: &PropertyMap, op: Op, ctx: &OpContext) -> Duration {
    configured_timeout(props, op).or(ctx.timeout).unwrap_or_else(|| op.default_timeout())
}

/// Splits an id `<image_id>:<member_id>`.
pub fn parse_id(id: &str) -> Result<(&str, &str), ProviderError> {
    match id.split_once(':') {
        Some((image, member))
            if !image.is_empty() && !member.is_empty() && !member.contains(':') && id.trim() == id =>
        {
            Ok((image, member))
        }
        _ => Err(ProviderError::InvalidArgument(format!(
            "invalid ImageMember id `{id}`: expected `<image_id>:<member_id>`, \
             e.g. `3d3b2f0e-9a55-4a4e-8c43-6a2f5d3b1c10:b1c2d3e4f5a60718293a4b5c6d7e8f90`"
        ))),
    }
}

fn retryable(e: &CloudError) -> bool {
    e.is_throttled() || e.status().is_some_and(|s| s >= 500)
}

fn explain(e: CloudError, image: &str, member: &str) -> ProviderError {
    let status = e.status();
    let code = e.code().unwrap_or_default().to_string();
    match (status, code.as_str()) {
        (Some(404), _) => ProviderError::FailedPrecondition(format!("image `{image}` was not found: {e}")),
        (Some(403), _) => ProviderError::FailedPrecondition(format!(
            "image `{image}` is not owned by the provider's project (or is a public image): only your own \
             images can be shared ({e})"
        )),
        (Some(409), _) => ProviderError::FailedPrecondition(format!(
            "project `{member}` is already a member of image `{image}`; to manage it, import it with id \
             `{image}:{member}` ({e})"
        )),
        (Some(413), _) => ProviderError::FailedPrecondition(format!(
            "image `{image}` already has the maximum of 50 members, so project `{member}` cannot be added ({e})"
        )),
        (Some(401), _) => {
            ProviderError::FailedPrecondition(format!("KakaoCloud refused the provider's application credential: {e}"))
        }
        (Some(400), "ProjectNotFound") => {
            ProviderError::FailedPrecondition(format!("project `{member}` does not exist: {e}"))
        }
        _ => match e {
            CloudError::Unreachable { .. } | CloudError::Timeout { .. } => ProviderError::Unavailable(format!(
                "{e}. Is the cloud running? For the embedded cloud start `bridgegen cloud serve`, or set \
                 `kakaocloud:endpoint` / KAKAOCLOUD_ENDPOINT. Nothing was changed by this operation."
            )),
            CloudError::Config(_) => ProviderError::InvalidArgument(e.to_string()),
            _ => ProviderError::Internal(e.to_string()),
        },
    }
}

#[derive(Default)]
pub struct ImageMember {
    pub backoff: Backoff,
}

fn str_prop<'a>(m: &'a PropertyMap, key: &str) -> Result<&'a str, ProviderError> {
    m.get(key)
        .and_then(PropertyValue::as_str)
        .ok_or_else(|| ProviderError::InvalidArgument(format!("`{key}` must be a known string")))
}

fn outputs(m: &Member, timeouts: Option<&PropertyValue>) -> PropertyMap {
    let mut out = PropertyMap::from([
        ("imageId".to_string(), PropertyValue::string(&m.image_id)),
        ("memberId".to_string(), PropertyValue::string(&m.member_id)),
        ("status".to_string(), PropertyValue::string(&m.status)),
        ("createdAt".to_string(), PropertyValue::string(&m.created_at)),
        ("updatedAt".to_string(), PropertyValue::string(&m.updated_at)),
    ]);
    if let Some(t) = timeouts.filter(|t| !t.is_null()) {
        out.insert("timeouts".to_string(), t.clone());
    }
    out
}

type Api = Arc<dyn ImageApi>;

impl ImageMember {
    async fn run<T, F, Fut>(
        &self,
        ctx: &OpContext,
        what: &str,
        limit: Duration,
        op: F,
    ) -> Result<T, RetryError<CloudError>>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, CloudError>>,
    {
        retry(ctx, what, Instant::now() + limit, self.backoff, retryable, op).await
    }

    async fn get(
        &self,
        api: &Api,
        ctx: &OpContext,
        image: &str,
        member: &str,
        limit: Duration,
    ) -> Result<Option<Member>, ProviderError> {
        let what = format!("GET image {image} member {member}");
        match self.run(ctx, &what, limit, || api.get_member(image, member)).await {
            Ok(m) => Ok(Some(m)),
            Err(RetryError::Failed(e)) if e.is_not_found() => Ok(None),
            Err(e) => Err(e.into_provider_error(&what, limit, |e| explain(e, image, member))),
        }
    }
}

#[async_trait]
impl Resource<Api> for ImageMember {
    fn token(&self) -> &str {
        TOKEN
    }

    async fn check(&self, _olds: &PropertyMap, news: PropertyMap) -> Result<CheckResult, ProviderError> {
        let mut failures = check_timeouts(news.get("timeouts"));
        for key in ["imageId", "memberId"] {
            if let Some(s) = news.get(key).and_then(PropertyValue::as_str) {
                if s.trim().is_empty() || s.contains(':') || s.contains('/') || s.trim() != s {
                    failures.push(CheckFailure::new(
                        key,
                        format!("`{key}` {s:?} must be a non-empty id without `:`, `/` or surrounding spaces"),
                    ));
                }
            }
        }
        Ok(CheckResult { inputs: news, failures })
    }

    async fn create(&self, api: &Api, ctx: &OpContext, inputs: &PropertyMap) -> Result<Created, ProviderError> {
        let image = str_prop(inputs, "imageId")?;
        let member = str_prop(inputs, "memberId")?;
        let limit = effective_timeout(inputs, Op::Create, ctx);
        let what = format!("POST image {image} member {member}");
        let m = self
            .run(ctx, &what, limit, || api.add_member(image, member))
            .await
            .map_err(|e| e.into_provider_error(&what, limit, |e| explain(e, image, member)))?;
        Ok(Created { id: format!("{image}:{member}"), outputs: outputs(&m, inputs.get("timeouts")) })
    }

    async fn read(
        &self,
        api: &Api,
        ctx: &OpContext,
        id: &str,
        state: &PropertyMap,
        inputs: &PropertyMap,
    ) -> Result<Option<ReadResult>, ProviderError> {
        let (image, member) = parse_id(id)?;
        let limit = configured_timeout(state, Op::Read)
            .or_else(|| configured_timeout(inputs, Op::Read))
            .unwrap_or_else(|| Op::Read.default_timeout());
        let Some(m) = self.get(api, ctx, image, member, limit).await? else {
            return Ok(None);
        };
        let timeouts = state.get("timeouts").or_else(|| inputs.get("timeouts"));
        Ok(Some(ReadResult { id: id.to_string(), outputs: outputs(&m, timeouts), inputs: None }))
    }

    async fn update(
        &self,
        api: &Api,
        ctx: &OpContext,
        id: &str,
        _olds: &PropertyMap,
        news: &PropertyMap,
    ) -> Result<PropertyMap, ProviderError> {
        // Only `timeouts` can change in place (the ids force replacement): record them, and
        // refresh what the cloud reports.
        let (image, member) = parse_id(id)?;
        let limit = effective_timeout(news, Op::Update, ctx);
        match self.get(api, ctx, image, member, limit).await? {
            Some(m) => Ok(outputs(&m, news.get("timeouts"))),
            None => Err(ProviderError::NotFound(format!(
                "image member `{id}` no longer exists; run `pulumi refresh` to drop it from the state"
            ))),
        }
    }

    async fn delete(&self, api: &Api, ctx: &OpContext, id: &str, state: &PropertyMap) -> Result<(), ProviderError> {
        let (image, member) = parse_id(id)?;
        let limit = effective_timeout(state, Op::Delete, ctx);
        let what = format!("DELETE image {image} member {member}");
        match self.run(ctx, &what, limit, || api.remove_member(image, member)).await {
            Ok(()) => Ok(()),
            Err(RetryError::Failed(e)) if e.is_not_found() => Ok(()),
            Err(e) => Err(e.into_provider_error(&what, limit, |e| explain(e, image, member))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeouts(pairs: &[(&str, PropertyValue)]) -> PropertyValue {
        PropertyValue::Object(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    #[test]
    fn timeouts_are_checked_with_paths() {
        let ok = timeouts(&[
            ("create", "30s".into()),
            ("read", "2h45m".into()),
            ("update", "1h30m15s".into()),
            ("delete", PropertyValue::Computed),
        ]);
        assert!(check_timeouts(Some(&ok)).is_empty());
        let bad = timeouts(&[("create", "30 minutes".into()), ("delete", "-1s".into()), ("craete", "1m".into())]);
        let f = check_timeouts(Some(&bad));
        let paths: Vec<&str> = f.iter().map(|f| f.property.as_str()).collect();
        assert_eq!(paths, vec!["timeouts.craete", "timeouts.create", "timeouts.delete"]);
        assert!(f[1].reason.contains("timeouts.create") && f[1].reason.contains("30 minutes"));
        // Secret durations are still checked.
        let secret = timeouts(&[("update", PropertyValue::secret("soon".into()))]);
        assert_eq!(check_timeouts(Some(&secret))[0].property, "timeouts.update");
        assert!(check_timeouts(Some(&PropertyValue::Computed)).is_empty());
    }

    #[test]
    fn effective_timeouts() {
        let ctx = OpContext::detached("urn:x");
        let empty = PropertyMap::new();
        assert_eq!(effective_timeout(&empty, Op::Create, &ctx), Duration::from_secs(3600));
        assert_eq!(effective_timeout(&empty, Op::Delete, &ctx), Duration::from_secs(1800));
        let props = PropertyMap::from([("timeouts".to_string(), timeouts(&[("create", "1.5h".into())]))]);
        assert_eq!(effective_timeout(&props, Op::Create, &ctx), Duration::from_secs(5400));
        assert_eq!(effective_timeout(&props, Op::Delete, &ctx), Duration::from_secs(1800));
        let mut engine = OpContext::detached("urn:x");
        engine.timeout = Some(Duration::from_secs(7));
        assert_eq!(effective_timeout(&props, Op::Delete, &engine), Duration::from_secs(7));
        assert_eq!(effective_timeout(&props, Op::Create, &engine), Duration::from_secs(5400));
    }

    #[test]
    fn ids() {
        assert_eq!(parse_id("img:proj").unwrap(), ("img", "proj"));
        for bad in ["", "img", "img:", ":p", "a:b:c"] {
            assert!(parse_id(bad).unwrap_err().to_string().contains("<image_id>:<member_id>"));
        }
    }
}
