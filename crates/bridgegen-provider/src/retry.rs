//! Retrying a cloud call with exponential backoff, bounded by a deadline.

use std::time::Duration;

use tokio::time::Instant;

use crate::resource::{OpContext, ProviderError};

/// Backoff policy: the first wait, the factor, and the longest single wait.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub initial: Duration,
    pub factor: u32,
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff { initial: Duration::from_millis(100), factor: 2, max: Duration::from_secs(10) }
    }
}

impl Backoff {
    /// The wait before retry number `attempt` (0-based).
    pub fn delay(&self, attempt: u32) -> Duration {
        let mut d = self.initial;
        for _ in 0..attempt {
            d = d.saturating_mul(self.factor);
            if d >= self.max {
                return self.max;
            }
        }
        d.min(self.max)
    }
}

/// Why [`retry`] gave up.
#[derive(Debug)]
pub enum RetryError<E> {
    /// The call failed with an error not worth retrying.
    Failed(E),
    /// The deadline would pass before the next attempt; `last` is the last error.
    Deadline {
        attempts: u32,
        last: Option<E>,
    },
    Cancelled,
}

/// Calls `op` until it succeeds, fails with an error `retryable` rejects, or the next
/// attempt could not start before `deadline`. Each failed attempt is logged to the engine.
pub async fn retry<T, E, F, Fut>(
    ctx: &OpContext,
    what: &str,
    deadline: Instant,
    backoff: Backoff,
    retryable: impl Fn(&E) -> bool,
    mut op: F,
) -> Result<T, RetryError<E>>
where
    E: std::fmt::Display,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
{
    let mut attempt = 0u32;
    loop {
        if ctx.cancel.is_cancelled() {
            return Err(RetryError::Cancelled);
        }
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(RetryError::Deadline { attempts: attempt, last: None });
        }
        let result = tokio::select! {
            r = tokio::time::timeout(remaining, op()) => r,
            _ = ctx.cancel.cancelled() => return Err(RetryError::Cancelled),
        };
        let e = match result {
            Ok(Ok(v)) => return Ok(v),
            Ok(Err(e)) => e,
            Err(_) => return Err(RetryError::Deadline { attempts: attempt + 1, last: None }),
        };
        attempt += 1;
        if !retryable(&e) {
            return Err(RetryError::Failed(e));
        }
        let wait = backoff.delay(attempt - 1);
        if Instant::now() + wait >= deadline {
            return Err(RetryError::Deadline { attempts: attempt, last: Some(e) });
        }
        ctx.log.debug(&ctx.urn, &format!("{what}: attempt {attempt} failed ({e}); retrying in {wait:?}")).await;
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = ctx.cancel.cancelled() => return Err(RetryError::Cancelled),
        }
    }
}

impl<E: std::fmt::Display> RetryError<E> {
    /// Maps to a provider error; `fail` maps a non-retryable error.
    pub fn into_provider_error(
        self,
        what: &str,
        limit: Duration,
        fail: impl FnOnce(E) -> ProviderError,
    ) -> ProviderError {
        match self {
            RetryError::Failed(e) => fail(e),
            RetryError::Deadline { attempts, last } => ProviderError::DeadlineExceeded(format!(
                "{what} did not succeed within its timeout of {limit:?} ({attempts} attempt(s){})",
                last.map(|e| format!("; last error: {e}")).unwrap_or_default()
            )),
            RetryError::Cancelled => ProviderError::Cancelled(format!("{what} was cancelled")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[test]
    fn delays_grow_and_cap() {
        let b = Backoff { initial: Duration::from_millis(100), factor: 2, max: Duration::from_millis(500) };
        let got: Vec<u128> = (0..6).map(|i| b.delay(i).as_millis()).collect();
        assert_eq!(got, vec![100, 200, 400, 500, 500, 500]);
    }

    #[tokio::test]
    async fn retries_until_success() {
        let ctx = OpContext::detached("urn:x");
        let calls = AtomicU32::new(0);
        let b = Backoff { initial: Duration::from_millis(5), factor: 2, max: Duration::from_millis(20) };
        let r: Result<u32, RetryError<String>> = retry(
            &ctx,
            "op",
            Instant::now() + Duration::from_secs(5),
            b,
            |e: &String| e == "429",
            || async {
                let n = calls.fetch_add(1, Ordering::SeqCst);
                if n < 3 {
                    Err("429".to_string())
                } else {
                    Ok(n)
                }
            },
        )
        .await;
        assert_eq!(r.unwrap(), 3);
    }

    #[tokio::test]
    async fn stops_on_fatal_and_at_deadline() {
        let ctx = OpContext::detached("urn:x");
        let b = Backoff::default();
        let r: Result<(), _> = retry(
            &ctx,
            "op",
            Instant::now() + Duration::from_secs(5),
            b,
            |_: &String| false,
            || async { Err::<(), _>("403".to_string()) },
        )
        .await;
        assert!(matches!(r, Err(RetryError::Failed(ref e)) if e == "403"));

        let started = Instant::now();
        let r: Result<(), _> = retry(
            &ctx,
            "op",
            Instant::now() + Duration::from_millis(300),
            b,
            |_: &String| true,
            || async { Err::<(), _>("429".to_string()) },
        )
        .await;
        assert!(matches!(r, Err(RetryError::Deadline { last: Some(_), .. })));
        assert!(started.elapsed() < Duration::from_millis(1000));
    }
}
