//! Async HTTP clients (reqwest + rustls) for the two clouds' APIs; they work against the
//! embedded cloud and, by shape, against the real endpoints.

pub mod aliyun;
pub mod kakao;

use std::time::Duration;

use crate::error::CloudError;

/// Default per-request timeout of both clients.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

pub(crate) fn http_client(timeout: Duration) -> Result<reqwest::Client, CloudError> {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .user_agent(concat!("bridgegen-cloud/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| CloudError::Config(format!("cannot build HTTP client: {e}")))
}

/// `host[:port]` -> `https://host[:port]`; strips trailing `/`; validates the URL.
pub(crate) fn normalize_endpoint(endpoint: &str) -> Result<String, CloudError> {
    let e = endpoint.trim();
    if e.is_empty() {
        return Err(CloudError::Config("the endpoint is empty".into()));
    }
    let with_scheme = if e.contains("://") { e.to_string() } else { format!("https://{e}") };
    let url = url::Url::parse(&with_scheme)
        .map_err(|err| CloudError::Config(format!("invalid endpoint `{endpoint}`: {err}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(CloudError::Config(format!("invalid endpoint `{endpoint}`: expected http(s)://host[:port]")));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(CloudError::Config(format!("invalid endpoint `{endpoint}`: no query or fragment allowed")));
    }
    Ok(with_scheme.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        assert_eq!(normalize_endpoint("ecs.aliyuncs.com").unwrap(), "https://ecs.aliyuncs.com");
        assert_eq!(normalize_endpoint("http://127.0.0.1:9/").unwrap(), "http://127.0.0.1:9");
        assert!(normalize_endpoint("").is_err());
        assert!(normalize_endpoint("ftp://x").is_err());
        assert!(normalize_endpoint("http://x/?a=b").is_err());
    }
}
