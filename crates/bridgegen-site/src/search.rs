//! Shrinks mdBook's search index without changing what a search finds.
//!
//! mdBook's `searchindex.js` holds the elasticlunr inverted index (which decides the results
//! and their ranking, with the per-document field lengths in `docInfo`) plus a copy of every
//! section's full text, kept only to cut the teaser shown under a result. On big packages
//! that copy is 80% of the file (kubernetes: 36 of 44 MB), so we keep only its first words.

use anyhow::{bail, Context, Result};
use serde_json::{Map, Value};

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

pub fn write(index: &Value) -> String {
    wrap(&index.to_string())
}

/// `searchindex.js` around the index's JSON, escaped for the single-quoted JS string as
/// mdBook does, in one pass (the index is big).
pub fn wrap(json: &str) -> String {
    let mut out = String::with_capacity(PREFIX.len() + json.len() + json.len() / 64 + SUFFIX.len());
    out.push_str(PREFIX);
    for c in json.chars() {
        if c == '\\' || c == '\'' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push_str(SUFFIX);
    out
}

/// The same index with each section's stored text cut to its first `words` words.
pub fn trim(js: &str, words: usize) -> Result<String> {
    let mut index = parse(js)?;
    trim_value(&mut index, words)?;
    Ok(write(&index))
}

/// [`trim`] on a parsed index.
pub fn trim_value(index: &mut Value, words: usize) -> Result<()> {
    let Some(docs) = index.pointer_mut("/index/documentStore/docs").and_then(Value::as_object_mut) else {
        bail!("searchindex.js has no index/documentStore/docs");
    };
    for doc in docs.values_mut() {
        if let Some(Value::String(body)) = doc.get_mut("body") {
            *body = body.split_whitespace().take(words).collect::<Vec<_>>().join(" ");
        }
    }
    Ok(())
}

/// Appends the index of a later part of the same book (built with the earlier parts' chapters
/// left empty) to `into`: its documents get the ids a build of the whole book gives them
/// (mdBook numbers sections in book order), and the inverted indexes are joined term by term.
/// The result is the index a build of the whole book writes.
pub fn append(into: &mut Value, part: Value) -> Result<()> {
    let offset = into["doc_urls"].as_array().map_or(0, Vec::len);
    let Value::Object(mut part) = part else { bail!("search index is not an object") };
    let (Some(Value::Array(urls)), Some(mut index)) = (part.remove("doc_urls"), part.remove("index")) else {
        bail!("search index has no doc_urls or index");
    };
    let renumber = |id: &str| -> Result<String> {
        Ok((id.parse::<usize>().with_context(|| format!("search document id `{id}`"))? + offset).to_string())
    };
    let store = &mut index["documentStore"];
    for key in ["docs", "docInfo"] {
        let Some(Value::Object(map)) = store.get_mut(key).map(Value::take) else { bail!("no documentStore/{key}") };
        let target = into["index"]["documentStore"][key].as_object_mut().context("documentStore")?;
        for (id, mut v) in map {
            let id = renumber(&id)?;
            if let Some(inner) = v.get_mut("id") {
                *inner = Value::String(id.clone());
            }
            target.insert(id, v);
        }
    }
    let length = into["index"]["documentStore"]["length"].as_u64().unwrap_or(0) + store["length"].as_u64().unwrap_or(0);
    into["index"]["documentStore"]["length"] = length.into();
    let Some(Value::Object(fields)) = index.get_mut("index").map(Value::take) else { bail!("no index/index") };
    for (field, mut inverted) in fields {
        let target = into["index"]["index"][&field]["root"].as_object_mut().context("inverted index root")?;
        join_terms(target, inverted["root"].take(), &renumber)?;
    }
    into["doc_urls"].as_array_mut().context("doc_urls")?.extend(urls);
    Ok(())
}

/// Puts the maps [`append`] added to back in the order mdBook writes them (its maps are
/// `BTreeMap`s: documents by id as a string; a trie node's `docs`, `df`, then its children by
/// character), so a book built in parts gets the bytes a whole build writes.
pub fn sort_like_mdbook(index: &mut Value) {
    let store = &mut index["index"]["documentStore"];
    for key in ["docs", "docInfo"] {
        if let Some(map) = store.get_mut(key).and_then(Value::as_object_mut) {
            map.sort_keys();
        }
    }
    if let Some(fields) = index["index"]["index"].as_object_mut() {
        for inverted in fields.values_mut() {
            if let Some(root) = inverted.get_mut("root").and_then(Value::as_object_mut) {
                sort_node(root);
            }
        }
    }
}

fn sort_node(node: &mut Map<String, Value>) {
    let rank = |k: &str| match k {
        "docs" => 0,
        "df" => 1,
        _ => 2,
    };
    let mut entries: Vec<(String, Value)> = std::mem::take(node).into_iter().collect();
    entries.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then_with(|| a.0.cmp(&b.0)));
    for (key, mut value) in entries {
        if let Some(map) = value.as_object_mut() {
            match key.as_str() {
                "docs" => map.sort_keys(),
                _ => sort_node(map),
            }
        }
        node.insert(key, value);
    }
}

/// Joins one node of an inverted index (a trie over term characters) into another.
fn join_terms(into: &mut Map<String, Value>, node: Value, renumber: &dyn Fn(&str) -> Result<String>) -> Result<()> {
    let Value::Object(node) = node else { bail!("inverted index node is not an object") };
    for (key, value) in node {
        match key.as_str() {
            "docs" => {
                let docs = into.entry("docs").or_insert_with(|| Value::Object(Map::new()));
                let docs = docs.as_object_mut().context("docs")?;
                for (id, tf) in value.as_object().context("docs")? {
                    docs.insert(renumber(id)?, tf.clone());
                }
            }
            "df" => {
                let df = into.get("df").and_then(Value::as_i64).unwrap_or(0) + value.as_i64().unwrap_or(0);
                into.insert("df".into(), df.into());
            }
            _ => {
                let child = into.entry(key).or_insert_with(|| serde_json::json!({"docs": {}, "df": 0}));
                join_terms(child.as_object_mut().context("child")?, value, renumber)?;
            }
        }
    }
    Ok(())
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
