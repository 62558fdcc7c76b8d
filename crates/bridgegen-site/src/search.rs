//! Shrinks mdBook's search index without changing what a search finds.
//!
//! mdBook's `searchindex.js` holds the elasticlunr inverted index (which decides the results
//! and their ranking, with the per-document field lengths in `docInfo`) plus a copy of every
//! section's full text, kept only to cut the teaser shown under a result. On big packages
//! that copy is 80% of the file (kubernetes: 36 of 44 MB), so we keep only its first words.

use anyhow::{bail, Context, Result};
use serde_json::Value;

const PREFIX: &str = "window.search = Object.assign(window.search, JSON.parse('";
const SUFFIX: &str = "'));";

/// Words of each section's text kept for the result teaser (mdBook's teaser length).
pub const TEASER_WORDS: usize = 30;

/// Parses the JSON inside mdBook's `searchindex.js`.
pub fn parse(js: &str) -> Result<Value> {
    let Some(inner) = js.trim_end().strip_prefix(PREFIX).and_then(|s| s.strip_suffix(SUFFIX)) else {
        bail!("searchindex.js is not in the form mdBook writes");
    };
    // mdBook escapes `\` and `'` for the single-quoted JS string; undo exactly that.
    let mut json = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            json.extend(chars.next());
        } else {
            json.push(c);
        }
    }
    serde_json::from_str(&json).context("parsing searchindex.js")
}

fn write(index: &Value) -> String {
    let json = index.to_string();
    format!("{PREFIX}{}{SUFFIX}", json.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The same index with each section's stored text cut to its first `words` words.
pub fn trim(js: &str, words: usize) -> Result<String> {
    let mut index = parse(js)?;
    let Some(docs) = index.pointer_mut("/index/documentStore/docs").and_then(Value::as_object_mut) else {
        bail!("searchindex.js has no index/documentStore/docs");
    };
    for doc in docs.values_mut() {
        if let Some(Value::String(body)) = doc.get_mut("body") {
            *body = body.split_whitespace().take(words).collect::<Vec<_>>().join(" ");
        }
    }
    Ok(write(&index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_trims_only_bodies() {
        let index = serde_json::json!({
            "doc_urls": ["a.html#x"],
            "index": {"index": {"body": {"root": {}}}, "documentStore": {"docs": {"0": {"id": "0",
                "title": "It's", "body": "one two \\ three 'four'"}}, "docInfo": {"0": {"body": 4}}}}
        });
        let js = write(&index);
        assert_eq!(parse(&js).unwrap(), index);
        let out = parse(&trim(&js, 2).unwrap()).unwrap();
        assert_eq!(out.pointer("/index/documentStore/docs/0/body").unwrap(), "one two");
        assert_eq!(out.pointer("/index/documentStore/docs/0/title").unwrap(), "It's");
        assert_eq!(out["index"]["index"], index["index"]["index"]);
        assert_eq!(out["index"]["documentStore"]["docInfo"], index["index"]["documentStore"]["docInfo"]);
    }
}
