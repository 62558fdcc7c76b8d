//! The plugin's stderr: go-plugin servers log with hclog, one JSON object per line
//! (`{"@level":"debug","@message":"...","@module":"..."}`); panics and stray prints are plain text.

use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    /// Not an hclog line (a Go panic, a stray print): always worth showing.
    Raw,
}

#[derive(Debug, Clone)]
pub struct LogLine {
    pub level: LogLevel,
    /// `@message` of an hclog line (prefixed with `@module` when present), else the raw line.
    pub message: String,
    pub raw: String,
}

impl LogLine {
    pub fn parse(raw: &str) -> LogLine {
        let parsed = serde_json::from_str::<serde_json::Value>(raw).ok().filter(|v| v.get("@message").is_some());
        let Some(v) = parsed else {
            return LogLine { level: LogLevel::Raw, message: raw.to_string(), raw: raw.to_string() };
        };
        let level = match v.get("@level").and_then(|l| l.as_str()).unwrap_or("") {
            "trace" => LogLevel::Trace,
            "debug" => LogLevel::Debug,
            "warn" => LogLevel::Warn,
            "error" => LogLevel::Error,
            _ => LogLevel::Info,
        };
        let msg = v.get("@message").and_then(|m| m.as_str()).unwrap_or_default();
        let message = match v.get("@module").and_then(|m| m.as_str()) {
            Some(module) if !module.is_empty() => format!("{module}: {msg}"),
            _ => msg.to_string(),
        };
        LogLine { level, message, raw: raw.to_string() }
    }
}

/// Receives every line the plugin writes to stderr (and stdout after the handshake).
pub type LogSink = Arc<dyn Fn(&LogLine) + Send + Sync>;

/// Prints warnings, errors and plain-text lines to our stderr as `provider: ...`.
pub fn stderr_sink(min: LogLevel) -> LogSink {
    Arc::new(move |line: &LogLine| {
        if line.level >= min {
            eprintln!("provider: {}", line.message);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hclog_json_and_plain_lines() {
        let l = LogLine::parse(r#"{"@level":"warn","@message":"slow","@module":"sdk.framework","x":1}"#);
        assert_eq!((l.level, l.message.as_str()), (LogLevel::Warn, "sdk.framework: slow"));
        let l = LogLine::parse(r#"{"@level":"debug","@message":"plugin address","network":"unix"}"#);
        assert_eq!((l.level, l.message.as_str()), (LogLevel::Debug, "plugin address"));
        let l = LogLine::parse("panic: runtime error");
        assert_eq!((l.level, l.message.as_str()), (LogLevel::Raw, "panic: runtime error"));
        assert_eq!(LogLine::parse("{\"a\":1}").level, LogLevel::Raw);
    }
}
