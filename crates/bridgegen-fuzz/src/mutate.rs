//! A JSON-aware mutator, so the fuzzer spends its time past the parser: it parses the
//! input, edits the tree (replace, delete, splice a copy of another node, add a schema
//! keyword, rename a key, retype a `$ref`) and prints it again. The keywords come from
//! the format's own JSON Schema, so they follow the spec types.
//!
//! libFuzzer calls [`mutate`] through `fuzz_mutator!`; the tests call it with a fixed
//! seed for a bounded, reproducible run.

use serde_json::{Map, Value};
use std::sync::OnceLock;

/// A small deterministic PRNG (splitmix64): the same seed gives the same mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Every property name the format's JSON Schema defines (`inputProperties`, `$ref`, ...).
pub fn keywords() -> &'static [String] {
    static KEYWORDS: OnceLock<Vec<String>> = OnceLock::new();
    KEYWORDS.get_or_init(|| {
        let mut out = std::collections::BTreeSet::new();
        collect_keywords(&bridgegen_schema::json_schema(), &mut out);
        out.into_iter().collect()
    })
}

fn collect_keywords(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|v| collect_keywords(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_keywords(v, out)),
        _ => {}
    }
}

/// Strings the binder and the generators treat specially.
const INTERESTING: &[&str] = &[
    "string",
    "integer",
    "number",
    "boolean",
    "array",
    "object",
    "pulumi.json#/Any",
    "pulumi.json#/Archive",
    "pulumi.json#/Asset",
    "pulumi.json#/Json",
    "pulumi.json#/Provider",
    "#/types/",
    "#/resources/",
    "#/provider",
    "#/types/pkg:index:T",
    "/other/v1.0.0/schema.json#/types/other:index:T",
    "#/types/a:b:c",
    "a:b:c",
    "a:index:B",
    "a::B",
    "::",
    ":",
    "pulumi:providers:a",
    "",
    " ",
    "-",
    "_",
    "..",
    "../x",
    "/",
    "\\",
    "a/b",
    "index",
    "Index",
    "__init__",
    "class",
    "default",
    "type",
    "String",
    "None",
    "nil",
    "$",
    "$ref",
    "{{x}}",
    "{{{x}}}",
    "<x>",
    "*/",
    "\"",
    "'",
    "`",
    "\u{0}",
    "\n",
    "\t",
    "\u{feff}",
    "é",
    "ü",
    "日本",
    "𝔘",
    "\u{202e}",
    "0",
    "1",
    "-1",
    "1.5",
    "1e400",
    "v1.2.3",
    "(.*)",
    "(",
    "[",
    "*",
];

/// Mutates a JSON document; `None` if `data` is not JSON or the result would exceed `max_size`.
pub fn mutate(data: &[u8], max_size: usize, rng: &mut Rng) -> Option<Vec<u8>> {
    let mut doc: Value = serde_json::from_slice(data).ok()?;
    for _ in 0..=rng.below(3) {
        mutate_once(&mut doc, rng);
    }
    let out = if rng.below(4) == 0 { serde_json::to_vec(&doc) } else { serde_json::to_vec_pretty(&doc) }.ok()?;
    (out.len() <= max_size).then_some(out)
}

fn mutate_once(doc: &mut Value, rng: &mut Rng) {
    let mut paths = Vec::new();
    collect_paths(doc, &mut Vec::new(), &mut paths);
    let target = rng.pick(&paths).clone();
    let donor = node(doc, &paths[rng.below(paths.len())]).clone();
    let replacement = match rng.below(8) {
        0 => Some(scalar(doc, rng)),
        1 => None, // delete
        2 => Some(donor),
        3 => Some(serde_json::json!({ "type": "array", "items": donor })),
        4 => Some(serde_json::json!({ "$ref": scalar(doc, rng) })),
        _ => {
            edit_in_place(node_mut(doc, &target), donor, new_key(rng), rng);
            return;
        }
    };
    match (target.split_last(), replacement) {
        (None, Some(v)) => *doc = v,
        (None, None) => *doc = Value::Object(Map::new()),
        (Some((last, parent)), v) => {
            let parent = node_mut(doc, parent);
            match (parent, last, v) {
                (Value::Object(m), Step::Key(k), Some(v)) => {
                    m.insert(k.clone(), v);
                }
                (Value::Object(m), Step::Key(k), None) => {
                    m.shift_remove(k);
                }
                (Value::Array(a), Step::Index(i), Some(v)) => a[*i] = v,
                (Value::Array(a), Step::Index(i), None) => {
                    a.remove(*i);
                }
                _ => {}
            }
        }
    }
}

// A key for a new object member: a schema keyword, or an interesting string.
fn new_key(rng: &mut Rng) -> String {
    if rng.below(3) == 0 {
        rng.pick(INTERESTING).to_string()
    } else {
        rng.pick(keywords()).clone()
    }
}

fn edit_in_place(v: &mut Value, donor: Value, key: String, rng: &mut Rng) {
    match v {
        Value::Object(m) if !m.is_empty() && rng.below(2) == 0 => {
            // Rename a member (keeps its value): exercises unknown, misspelt and colliding keys.
            let old = m.keys().nth(rng.below(m.len())).cloned().unwrap_or_default();
            if let Some(val) = m.shift_remove(&old) {
                m.insert(key, val);
            }
        }
        Value::Object(m) => {
            m.insert(key, donor);
        }
        Value::Array(a) => {
            let at = rng.below(a.len() + 1);
            a.insert(at, donor);
        }
        Value::String(s) => match rng.below(4) {
            0 => s.push_str(interesting(rng)),
            1 => s.insert_str(0, interesting(rng)),
            2 => *s = s.to_uppercase(),
            _ => {
                let cut = s.char_indices().map(|(i, _)| i).nth(rng.below(s.chars().count() + 1)).unwrap_or(s.len());
                s.truncate(cut);
            }
        },
        Value::Number(_) | Value::Bool(_) | Value::Null => *v = donor,
    }
}

fn interesting(rng: &mut Rng) -> &'static str {
    INTERESTING[rng.below(INTERESTING.len())]
}

fn scalar(doc: &Value, rng: &mut Rng) -> Value {
    match rng.below(6) {
        0 => Value::from(*rng.pick(&[0i64, 1, -1, 255, i64::MAX, i64::MIN])),
        1 => serde_json::json!(1.5e300),
        2 => Value::Bool(rng.below(2) == 0),
        3 => Value::Null,
        4 => {
            // A reference to something the document defines, so `$ref`s resolve.
            let mut tokens = Vec::new();
            for section in ["types", "resources"] {
                if let Some(Value::Object(m)) = doc.get(section) {
                    tokens.extend(m.keys().map(|k| format!("#/{section}/{k}")));
                }
            }
            Value::String(if tokens.is_empty() { "#/types/a:index:T".to_string() } else { rng.pick(&tokens).clone() })
        }
        _ => Value::String(rng.pick(INTERESTING).to_string()),
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn collect_paths(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                at.push(Step::Key(k.clone()));
                collect_paths(child, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                at.push(Step::Index(i));
                collect_paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(v: &'a Value, path: &[Step]) -> &'a Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &v[k.as_str()],
        Step::Index(i) => &v[*i],
    })
}

fn node_mut<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_come_from_the_format() {
        let kw = keywords();
        for k in ["inputProperties", "requiredInputs", "$ref", "additionalProperties", "enum", "language"] {
            assert!(kw.iter().any(|x| x == k), "{k} missing from {kw:?}");
        }
    }

    #[test]
    fn mutations_are_json_deterministic_and_bounded() {
        let seed = br#"{"name":"a","types":{"a:index:T":{"type":"object","properties":{"x":{"type":"string"}}}}}"#;
        let (mut r1, mut r2) = (Rng::new(7), Rng::new(7));
        let mut changed = 0;
        for _ in 0..200 {
            let a = mutate(seed, 4096, &mut r1);
            assert_eq!(a, mutate(seed, 4096, &mut r2), "same seed, same mutation");
            if let Some(a) = a {
                assert!(a.len() <= 4096);
                serde_json::from_slice::<Value>(&a).expect("still JSON");
                changed += usize::from(
                    serde_json::from_slice::<Value>(&a).unwrap() != serde_json::from_slice::<Value>(seed).unwrap(),
                );
            }
        }
        assert!(changed > 100, "only {changed} of 200 mutations changed the document");
        assert_eq!(mutate(b"not json", 4096, &mut r1), None);
        assert_eq!(mutate(seed, 10, &mut r1), None, "larger than max_size");
    }
}
