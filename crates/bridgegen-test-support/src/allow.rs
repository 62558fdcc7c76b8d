//! The one allow-list of known API differences from Pulumi's generators,
//! `tests/parity/allow.txt`: every line `LANG SCHEMA KIND SYMBOL # reason`, where SCHEMA and
//! SYMBOL are globs (`*` matches anything, `/` included), KIND is `missing` (the peer has it,
//! we do not), `extra` (we have it, the peer does not) or `peer-fails` (the peer cannot
//! generate the schema; SYMBOL is then `*`). A reason is required, and an entry that matches
//! nothing fails the test, so the list only ever shrinks to what is still true.

use std::cell::Cell;
use std::path::PathBuf;

pub struct Entry {
    pub line: usize,
    pub lang: String,
    pub schema: String,
    pub kind: String,
    pub symbol: String,
    pub reason: String,
    used: Cell<bool>,
}

pub struct AllowList {
    pub path: PathBuf,
    pub entries: Vec<Entry>,
}

impl AllowList {
    /// The entries of `tests/parity/allow.txt` for `lang`; a malformed line is an error.
    pub fn load(lang: &str) -> Result<AllowList, String> {
        let path = crate::repo_path("tests/parity/allow.txt");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut entries = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (rule, reason) = line.split_once(" # ").unwrap_or((line, ""));
            let fields: Vec<&str> = rule.split_whitespace().collect();
            let where_ = format!("{}:{}", path.display(), i + 1);
            if fields.len() != 4 || reason.trim().is_empty() {
                return Err(format!("{where_}: want `LANG SCHEMA KIND SYMBOL # reason`, got `{line}`"));
            }
            if !["missing", "extra", "peer-fails"].contains(&fields[2]) {
                return Err(format!("{where_}: KIND must be missing, extra or peer-fails, got `{}`", fields[2]));
            }
            if fields[0] == lang {
                entries.push(Entry {
                    line: i + 1,
                    lang: fields[0].to_string(),
                    schema: fields[1].to_string(),
                    kind: fields[2].to_string(),
                    symbol: fields[3].to_string(),
                    reason: reason.trim().to_string(),
                    used: Cell::new(false),
                });
            }
        }
        Ok(AllowList { path, entries })
    }

    /// Whether a difference of `kind` for `symbol` of `schema` is allowed (marks the entry used).
    pub fn allows(&self, schema: &str, kind: &str, symbol: &str) -> bool {
        for e in &self.entries {
            if e.kind == kind && glob(&e.schema, schema) && glob(&e.symbol, symbol) {
                e.used.set(true);
                return true;
            }
        }
        false
    }

    /// Entries that matched nothing in this run, as `file:line: text`.
    pub fn unused(&self) -> Vec<String> {
        self.entries
            .iter()
            .filter(|e| !e.used.get())
            .map(|e| format!("{}:{}: {} {} {} {}", self.path.display(), e.line, e.lang, e.schema, e.kind, e.symbol))
            .collect()
    }
}

/// `*` matches any run of characters (`/` included); everything else matches itself.
pub fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || !text[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(at) => rest = &rest[at + mid.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn globs() {
        assert!(glob("a/*", "a/b/c"));
        assert!(glob("*#Foo*", "x.ts#FooArgs"));
        assert!(glob("exact", "exact"));
        assert!(!glob("exact", "exactly"));
        assert!(!glob("a*b*c", "acb"));
        assert!(glob("a*b*c", "aXbYc"));
        assert!(!glob("ab*ba", "aba"));
    }
}
