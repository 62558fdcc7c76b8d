//! Typed errors returned by the clients.

/// An error from [`crate::AliyunEcsClient`] or [`crate::KakaoImageClient`].
///
/// `Api` carries the cloud's own error code and HTTP status so a provider can map them:
/// [`CloudError::is_not_found`] (HTTP 404: the object is gone), [`CloudError::is_throttled`]
/// (HTTP 429 or an Alibaba `Throttling*` code: retry with backoff), [`CloudError::is_retryable`]
/// (throttled, 5xx, endpoint unreachable, timed out).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CloudError {
    /// The cloud answered with an error document.
    #[error("{code} (HTTP {status}): {message}{}", request_id.as_deref().map(|r| format!(" [RequestId {r}]")).unwrap_or_default())]
    Api {
        status: u16,
        /// The cloud's error code, e.g. `InvalidImageId.NotFound` or `MemberNotFound`.
        code: String,
        message: String,
        request_id: Option<String>,
    },
    /// No connection could be made (the cloud is down or the endpoint is wrong).
    #[error("cannot reach {endpoint}: {message}")]
    Unreachable { endpoint: String, message: String },
    /// The request did not complete within the client's timeout.
    #[error("request to {endpoint} timed out")]
    Timeout { endpoint: String },
    /// The cloud answered with something that is not the documented shape.
    #[error("unexpected response (HTTP {status}) from {endpoint}: {message}")]
    InvalidResponse { endpoint: String, status: u16, message: String },
    /// The client was configured wrongly (bad endpoint URL, empty credentials, ...).
    #[error("invalid client configuration: {0}")]
    Config(String),
}

impl CloudError {
    /// HTTP status of an `Api` or `InvalidResponse` error.
    pub fn status(&self) -> Option<u16> {
        match self {
            CloudError::Api { status, .. } | CloudError::InvalidResponse { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The cloud's error code of an `Api` error.
    pub fn code(&self) -> Option<&str> {
        match self {
            CloudError::Api { code, .. } => Some(code),
            _ => None,
        }
    }

    /// HTTP 404: the image or the member/share does not exist.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// HTTP 429, or an Alibaba Cloud `Throttling...` code.
    pub fn is_throttled(&self) -> bool {
        self.status() == Some(429) || self.code().is_some_and(|c| c.starts_with("Throttling"))
    }

    /// Worth retrying with backoff: throttled, a 5xx, unreachable, or timed out.
    pub fn is_retryable(&self) -> bool {
        self.is_throttled()
            || self.status().is_some_and(|s| s >= 500)
            || matches!(self, CloudError::Unreachable { .. } | CloudError::Timeout { .. })
    }

    pub(crate) fn from_reqwest(endpoint: &str, e: reqwest::Error) -> CloudError {
        if e.is_timeout() {
            CloudError::Timeout { endpoint: endpoint.to_string() }
        } else if e.is_connect() {
            let mut message = e.to_string();
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                message = format!("{message}: {s}");
                src = s.source();
            }
            CloudError::Unreachable { endpoint: endpoint.to_string(), message }
        } else {
            CloudError::Unreachable { endpoint: endpoint.to_string(), message: e.to_string() }
        }
    }
}
