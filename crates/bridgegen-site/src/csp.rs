//! Content-Security-Policy for every built page.
//!
//! The policy allows scripts only from the site's own files (`'self'`) and the theme's own
//! inline scripts, each pinned by its SHA-256 hash. Inline scripts inside `<main>` (where
//! page content goes), inline event handlers and `javascript:` URLs are therefore never run.

use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use anyhow::{Context, Result};
use base64::Engine;
use regex::Regex;
use sha2::{Digest, Sha256};

static INLINE_SCRIPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<script(\s[^>]*)?>(.*?)</script>").expect("regex"));

/// The policy for one page: hashes of its inline scripts outside `<main>`.
pub fn policy(html: &str) -> String {
    let (main_start, main_end) = match (html.find("<main"), html.rfind("</main>")) {
        (Some(s), Some(e)) if s < e => (s, e),
        _ => (usize::MAX, usize::MAX),
    };
    let mut hashes = Vec::new();
    for caps in INLINE_SCRIPT.captures_iter(html) {
        let whole = caps.get(0).expect("match");
        if whole.start() > main_start && whole.start() < main_end {
            continue;
        }
        if caps.get(1).is_some_and(|a| a.as_str().to_ascii_lowercase().contains("src=")) {
            continue;
        }
        let body = caps.get(2).map_or("", |m| m.as_str());
        let digest = Sha256::digest(body.as_bytes());
        let h = format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest));
        if !hashes.contains(&h) {
            hashes.push(h);
        }
    }
    format!(
        "default-src 'self'; script-src 'self' {}; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; form-action 'none'",
        hashes.join(" ")
    )
}

/// Adds the policy to every HTML file under `root`; returns (files, bytes, html pages).
pub fn harden(root: &Path) -> Result<(usize, u64, usize)> {
    let (mut files, mut bytes, mut pages) = (0, 0, 0);
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                stack.push(path);
                continue;
            }
            files += 1;
            if path.extension().is_some_and(|e| e == "html") {
                let html = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
                if let Some(pos) = html.find("<head>") {
                    let meta = format!(
                        "<head>\n        <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
                        policy(&html)
                    );
                    let new = format!("{}{}{}", &html[..pos], meta, &html[pos + "<head>".len()..]);
                    fs::write(&path, &new)?;
                    bytes += new.len() as u64;
                    pages += 1;
                    continue;
                }
            }
            bytes += entry.metadata()?.len();
        }
    }
    Ok((files, bytes, pages))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_theme_scripts_not_content_scripts() {
        let html = "<head><script>a()</script><script src=\"x.js\"></script></head><main><script>evil()</script></main><script>b()</script>";
        let p = policy(html);
        assert_eq!(p.matches("'sha256-").count(), 2, "{p}");
        let evil = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"evil()"));
        assert!(!p.contains(&evil));
        assert!(!p.contains("unsafe-inline'; img") || p.contains("style-src 'self' 'unsafe-inline'"));
        assert!(!p.split(';').find(|d| d.trim_start().starts_with("script-src")).unwrap().contains("unsafe-inline"));
    }
}
