//! ISO-8601 UTC timestamps (`2026-11-25T15:04:05Z`), the format both clouds use.

use chrono::{DateTime, SecondsFormat, Utc};

/// Formats a time as ISO-8601 UTC with second precision and a `Z` suffix.
pub fn iso8601(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The current time, formatted by [`iso8601`].
pub fn now_iso8601() -> String {
    iso8601(Utc::now())
}

/// Parses an ISO-8601 / RFC 3339 timestamp; the result is in UTC.
pub fn parse_iso8601(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

/// True if `s` is exactly `YYYY-MM-DDTHH:MM:SSZ` (UTC, `Z` suffix).
pub fn is_iso8601_utc(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b[19] == b'Z'
        && [4, 7].iter().all(|&i| b[i] == b'-')
        && b[10] == b'T'
        && [13, 16].iter().all(|&i| b[i] == b':')
        && b.iter().enumerate().all(|(i, c)| [4, 7, 10, 13, 16, 19].contains(&i) || c.is_ascii_digit())
        && parse_iso8601(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_with_z() {
        let t = parse_iso8601("2026-11-25T16:04:05+01:00").unwrap();
        assert_eq!(iso8601(t), "2026-11-25T15:04:05Z");
        assert!(is_iso8601_utc(&now_iso8601()));
        assert!(!is_iso8601_utc("2026-11-25T15:04:05+00:00"));
        assert!(!is_iso8601_utc("2026-13-25T15:04:05Z"));
    }
}
