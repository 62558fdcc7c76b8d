//! Pulumi property paths as `ignoreChanges` names them: `a.b`, `a[0]`, `a["key.with.dots"]`,
//! and `*` / `[*]` for every element; and putting the old value back at such a path.

use crate::value::{OutputValue, PropertyMap, PropertyValue};

/// One step of a property path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
    /// `*`: every key or element.
    Any,
}

/// Parses a property path; the error says what is wrong where.
pub fn parse(path: &str) -> Result<Vec<Step>, String> {
    let bad = |why: &str| format!("property path `{path}`: {why}");
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let end = if let Some(quoted) = after.strip_prefix('"') {
                // A quoted key: up to the closing quote (backslash escapes the next character).
                let mut escaped = false;
                let close = quoted
                    .char_indices()
                    .find(|&(_, c)| {
                        let done = !escaped && c == '"';
                        escaped = !escaped && c == '\\';
                        done
                    })
                    .map(|(i, _)| i + 1)
                    .ok_or_else(|| bad("unterminated quoted key"))?;
                let key: String = serde_json::from_str(&after[..=close]).map_err(|e| bad(&e.to_string()))?;
                steps.push(Step::Key(key));
                close + 1
            } else {
                let close = after.find(']').ok_or_else(|| bad("missing `]`"))?;
                steps.push(match &after[..close] {
                    "*" => Step::Any,
                    n => Step::Index(n.parse().map_err(|_| bad(&format!("`{n}` is not an index")))?),
                });
                close
            };
            rest = after[end..].strip_prefix(']').ok_or_else(|| bad("missing `]`"))?;
        } else {
            let rest_of = rest.strip_prefix('.').filter(|_| !steps.is_empty()).unwrap_or(rest);
            let end = rest_of.find(['.', '[']).unwrap_or(rest_of.len());
            match &rest_of[..end] {
                "" => return Err(bad("empty name")),
                "*" => steps.push(Step::Any),
                name => steps.push(Step::Key(name.to_string())),
            }
            rest = &rest_of[end..];
        }
    }
    if steps.is_empty() {
        return Err(bad("empty path"));
    }
    Ok(steps)
}

/// `ignoreChanges`: the value at `path` in `news` becomes the one in `olds` (removed where
/// `olds` has none). Where `news` lacks a container on the way, nothing changes.
pub fn keep_old(olds: &PropertyMap, news: &mut PropertyMap, path: &[Step]) {
    let Some((first, rest)) = path.split_first() else { return };
    let keys: std::collections::BTreeSet<String> = match first {
        Step::Key(k) => [k.clone()].into(),
        Step::Any => olds.keys().chain(news.keys()).cloned().collect(),
        Step::Index(_) => return,
    };
    for k in keys {
        match restore(olds.get(&k), news.remove(&k), rest) {
            Some(v) => news.insert(k, v),
            None => None,
        };
    }
}

/// The new value with the old one put back at `path` below it.
fn restore(old: Option<&PropertyValue>, new: Option<PropertyValue>, path: &[Step]) -> Option<PropertyValue> {
    let Some((first, rest)) = path.split_first() else { return old.cloned() };
    let mut new = new?;
    let old = old.map(PropertyValue::peel);
    match (first, peel_mut(&mut new)) {
        (Step::Key(_) | Step::Any, PropertyValue::Object(m)) => {
            let empty = PropertyMap::new();
            let olds = match old {
                Some(PropertyValue::Object(o)) => o,
                _ => &empty,
            };
            keep_old(olds, m, path);
        }
        (Step::Index(_) | Step::Any, PropertyValue::Array(items)) => {
            let olds = match old {
                Some(PropertyValue::Array(o)) => o.as_slice(),
                _ => &[],
            };
            let len = items.len();
            let indices: Vec<usize> = match first {
                Step::Index(i) => vec![*i],
                _ => (0..len).collect(),
            };
            for i in indices.into_iter().filter(|&i| i < len) {
                let item = std::mem::replace(&mut items[i], PropertyValue::Null);
                items[i] = restore(olds.get(i), Some(item), rest).unwrap_or(PropertyValue::Null);
            }
        }
        _ => {}
    }
    Some(new)
}

/// The value inside secret and known-output wrappers, for changing in place.
fn peel_mut(v: &mut PropertyValue) -> &mut PropertyValue {
    match v {
        PropertyValue::Secret(inner) | PropertyValue::Output(OutputValue { value: Some(inner), .. }) => peel_mut(inner),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PropertyValue as V;

    fn obj(pairs: &[(&str, V)]) -> V {
        V::Object(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    #[test]
    fn paths() {
        let k = |s: &str| Step::Key(s.into());
        assert_eq!(parse("a").unwrap(), vec![k("a")]);
        assert_eq!(parse("a.b[0]").unwrap(), vec![k("a"), k("b"), Step::Index(0)]);
        assert_eq!(parse(r#"tags["x.y"].z"#).unwrap(), vec![k("tags"), k("x.y"), k("z")]);
        assert_eq!(parse(r#"a["q\"r"]"#).unwrap(), vec![k("a"), k("q\"r")]);
        assert_eq!(parse("rules[*].port").unwrap(), vec![k("rules"), Step::Any, k("port")]);
        assert_eq!(parse("*").unwrap(), vec![Step::Any]);
        for bad in ["", "a..b", "a[", "a[x]", r#"a["b"#, "a.", ".a"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn old_values_come_back_at_nested_paths() {
        let olds: PropertyMap = [
            ("timeouts".to_string(), obj(&[("create", "5m".into()), ("delete", "1m".into())])),
            ("rules".to_string(), V::Array(vec![obj(&[("port", V::Number(80.0))])])),
            ("tags".to_string(), V::secret(obj(&[("env", "dev".into())]))),
        ]
        .into();
        let mut news: PropertyMap = [
            ("timeouts".to_string(), obj(&[("create", "9m".into()), ("delete", "2m".into())])),
            ("rules".to_string(), V::Array(vec![obj(&[("port", V::Number(443.0))]), obj(&[])])),
            ("tags".to_string(), V::secret(obj(&[("env", "prod".into()), ("team", "a".into())]))),
        ]
        .into();
        for p in ["timeouts.create", "rules[*].port", r#"tags["team"]"#, "tags.env", "missing.x"] {
            keep_old(&olds, &mut news, &parse(p).unwrap());
        }
        assert_eq!(news["timeouts"], obj(&[("create", "5m".into()), ("delete", "2m".into())]));
        assert_eq!(news["rules"], V::Array(vec![obj(&[("port", V::Number(80.0))]), obj(&[])]));
        assert_eq!(news["tags"], V::secret(obj(&[("env", "dev".into())])), "secret kept, `team` removed");
        assert!(!news.contains_key("missing"));
        // A top-level name, and `*` for everything.
        keep_old(&olds, &mut news, &parse("timeouts").unwrap());
        assert_eq!(news["timeouts"], olds["timeouts"]);
        keep_old(&olds, &mut news, &parse("*").unwrap());
        assert_eq!(news, olds);
    }
}
