//! Go `time.ParseDuration` strings ("30s", "2h45m", "1.5h", "300ms"), as Terraform-style
//! `timeouts` blocks use them. Parsing is done by the `go-parse-duration` crate (a port of
//! Go's algorithm); this module adds the rules for timeouts: not negative, and an error
//! message that names the accepted forms.

use std::time::Duration;

/// Parses a Go duration string into a non-negative [`Duration`].
pub fn parse_go_duration(s: &str) -> Result<Duration, String> {
    let nanos = go_parse_duration::parse_duration(s).map_err(|_| {
        format!(
            "invalid duration {s:?}: expected a Go duration such as \"30s\", \"2h45m\" or \"1.5h\" \
             (a sequence of decimal numbers, each with a unit: ns, us, ms, s, m, h)"
        )
    })?;
    if nanos < 0 {
        return Err(format!("invalid duration {s:?}: must not be negative"));
    }
    Ok(Duration::from_nanos(nanos as u64))
}

#[cfg(test)]
mod tests {
    use super::parse_go_duration as p;
    use std::time::Duration;

    #[test]
    fn accepts_go_forms() {
        assert_eq!(p("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(p("2h45m"), Ok(Duration::from_secs(2 * 3600 + 45 * 60)));
        assert_eq!(p("1h30m15s"), Ok(Duration::from_secs(5415)));
        assert_eq!(p("1.5h"), Ok(Duration::from_secs(5400)));
        assert_eq!(p("300ms"), Ok(Duration::from_millis(300)));
        assert_eq!(p("1us"), Ok(Duration::from_micros(1)));
        assert_eq!(p("0"), Ok(Duration::ZERO));
        assert_eq!(p("+5m"), Ok(Duration::from_secs(300)));
        assert_eq!(p(".5s"), Ok(Duration::from_millis(500)));
    }

    #[test]
    fn rejects_bad_forms() {
        for bad in ["", "30", "abc", "1d", "5 m", "1h-5m", "s", "1.s.", "10x"] {
            assert!(p(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(p("-5m").unwrap_err().contains("negative"));
        assert!(p("1d").unwrap_err().contains("2h45m"));
    }
}
