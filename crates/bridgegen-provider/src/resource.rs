//! The trait a provider author implements per resource, and what its methods get and return.
//!
//! The framework does the protocol work around it: decoding and encoding properties,
//! schema validation of inputs (required properties, types, with paths), schema defaults,
//! the diff (replace-on-change inputs come from the schema), previews with unknowns,
//! keeping secrets secret in outputs, cancellation and the engine's custom timeouts.

use std::future::Future;
use std::time::Duration;

use async_trait::async_trait;
use tokio_util::sync::CancellationToken;

use crate::logging::EngineLogger;
use crate::value::PropertyMap;

/// One Check failure, with the property path it concerns (`timeouts.create`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckFailure {
    pub property: String,
    pub reason: String,
}

impl CheckFailure {
    pub fn new(property: &str, reason: impl Into<String>) -> Self {
        CheckFailure { property: property.to_string(), reason: reason.into() }
    }
}

/// An error from a resource operation, mapped to a gRPC status for the engine.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProviderError {
    /// The request's inputs or id are not acceptable (e.g. a malformed import id).
    #[error("{0}")]
    InvalidArgument(String),
    /// The cloud refused the operation in its current state (quota, ownership, ...).
    #[error("{0}")]
    FailedPrecondition(String),
    #[error("{0}")]
    NotFound(String),
    /// The cloud could not be reached or kept failing.
    #[error("{0}")]
    Unavailable(String),
    #[error("{0}")]
    DeadlineExceeded(String),
    #[error("{0}")]
    Cancelled(String),
    #[error("{0}")]
    Internal(String),
}

impl ProviderError {
    pub fn to_status(&self) -> tonic::Status {
        let msg = self.to_string();
        match self {
            ProviderError::InvalidArgument(_) => tonic::Status::invalid_argument(msg),
            ProviderError::FailedPrecondition(_) => tonic::Status::failed_precondition(msg),
            ProviderError::NotFound(_) => tonic::Status::not_found(msg),
            ProviderError::Unavailable(_) => tonic::Status::unavailable(msg),
            ProviderError::DeadlineExceeded(_) => tonic::Status::deadline_exceeded(msg),
            ProviderError::Cancelled(_) => tonic::Status::cancelled(msg),
            ProviderError::Internal(_) => tonic::Status::internal(msg),
        }
    }
}

/// Context of one resource operation.
#[derive(Clone)]
pub struct OpContext {
    pub urn: String,
    /// The engine's custom timeout for this operation (`customTimeouts`), if any.
    pub timeout: Option<Duration>,
    /// Cancelled when the engine calls `Cancel`.
    pub cancel: CancellationToken,
    pub log: EngineLogger,
}

impl OpContext {
    /// A context for calling resource methods outside the server (tests, tools).
    pub fn detached(urn: &str) -> Self {
        OpContext { urn: urn.into(), timeout: None, cancel: CancellationToken::new(), log: EngineLogger::none() }
    }

    /// Runs `fut` bounded by `limit` (if any) and by cancellation.
    pub async fn bounded<T>(
        &self,
        what: &str,
        limit: Option<Duration>,
        fut: impl Future<Output = Result<T, ProviderError>>,
    ) -> Result<T, ProviderError> {
        let run = async {
            match limit {
                Some(d) => tokio::time::timeout(d, fut).await.unwrap_or_else(|_| {
                    Err(ProviderError::DeadlineExceeded(format!("{what} did not finish within {d:?}")))
                }),
                None => fut.await,
            }
        };
        tokio::select! {
            r = run => r,
            _ = self.cancel.cancelled() => Err(ProviderError::Cancelled(format!("{what} was cancelled"))),
        }
    }
}

/// The result of a resource's own checks.
#[derive(Debug, Clone, Default)]
pub struct CheckResult {
    pub inputs: PropertyMap,
    pub failures: Vec<CheckFailure>,
}

/// What `create` returns: the new id and the resource's output state.
#[derive(Debug, Clone)]
pub struct Created {
    pub id: String,
    pub outputs: PropertyMap,
}

/// What `read` returns for a resource that still exists.
#[derive(Debug, Clone)]
pub struct ReadResult {
    pub id: String,
    pub outputs: PropertyMap,
    /// The inputs that would produce this state (used on import). `None`: the framework
    /// takes the schema's input properties from `outputs`.
    pub inputs: Option<PropertyMap>,
}

/// A resource's logic. `C` is the provider's configured client (see [`crate::Plugin`]).
///
/// Values handed in may contain secrets (use [`crate::PropertyValue::as_str`] and friends,
/// which see through them); outputs need not re-mark them: the framework re-wraps every
/// output whose input was secret, and every output the schema marks secret.
#[async_trait]
pub trait Resource<C: Send + Sync>: Send + Sync {
    /// The resource type token, as in the schema.
    fn token(&self) -> &str;

    /// Resource-specific input checks, run after the schema checks (types, required) pass.
    /// May normalise the inputs. Inputs may contain unknowns during preview.
    async fn check(&self, _olds: &PropertyMap, news: PropertyMap) -> Result<CheckResult, ProviderError> {
        Ok(CheckResult { inputs: news, failures: Vec::new() })
    }

    /// Whether a replacement must delete the old resource before creating the new one.
    /// `replaces` lists the inputs that force the replacement.
    fn delete_before_replace(&self, _olds: &PropertyMap, _news: &PropertyMap, _replaces: &[String]) -> bool {
        false
    }

    async fn create(&self, client: &C, ctx: &OpContext, inputs: &PropertyMap) -> Result<Created, ProviderError>;

    /// Reads the live state. `state` is empty on import (only the id is known).
    /// `Ok(None)`: the resource is gone, and the engine drops it from the state.
    async fn read(
        &self,
        client: &C,
        ctx: &OpContext,
        id: &str,
        state: &PropertyMap,
        inputs: &PropertyMap,
    ) -> Result<Option<ReadResult>, ProviderError>;

    /// Updates in place (only called for changes to inputs that do not force replacement).
    async fn update(
        &self,
        _client: &C,
        _ctx: &OpContext,
        _id: &str,
        _olds: &PropertyMap,
        _news: &PropertyMap,
    ) -> Result<PropertyMap, ProviderError> {
        Err(ProviderError::Internal(format!("{} has no in-place updates", self.token())))
    }

    async fn delete(&self, client: &C, ctx: &OpContext, id: &str, state: &PropertyMap) -> Result<(), ProviderError>;
}
