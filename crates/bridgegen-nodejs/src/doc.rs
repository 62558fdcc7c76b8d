//! Doc comments: schema descriptions turned into `/** ... */` blocks that cannot be
//! closed early (`*/` in a description is broken up), with the examples section reduced
//! to the TypeScript snippets.

use crate::names::doc_safe;

/// Keeps a description's prose and its `typescript` code blocks; drops the
/// `{{% examples %}}` shortcodes and the other languages' code blocks inside them.
pub fn typescript_description(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut in_examples = false;
    let mut skipping_fence = false;
    let mut in_fence = false;
    for line in text.lines() {
        let t = line.trim();
        if matches!(t, "{{% examples %}}" | "{{% /examples %}}") {
            in_examples = t == "{{% examples %}}";
            continue;
        }
        if matches!(t, "{{% example %}}" | "{{% /example %}}") {
            continue;
        }
        if t.starts_with("```") {
            if skipping_fence {
                skipping_fence = false;
                continue;
            }
            if !in_fence && in_examples {
                let lang = t.trim_start_matches('`').trim();
                if !lang.is_empty() && lang != "typescript" && lang != "ts" {
                    skipping_fence = true;
                    continue;
                }
            }
            in_fence = !in_fence;
            out.push(line);
            continue;
        }
        if !skipping_fence {
            out.push(line);
        }
    }
    // Collapse runs of blank lines left behind by removed shortcodes.
    let mut result: Vec<&str> = Vec::new();
    for l in out {
        if l.trim().is_empty() && result.last().is_some_and(|p: &&str| p.trim().is_empty()) {
            continue;
        }
        result.push(l);
    }
    while result.last().is_some_and(|l| l.trim().is_empty()) {
        result.pop();
    }
    while result.first().is_some_and(|l| l.trim().is_empty()) {
        result.remove(0);
    }
    result.join("\n")
}

/// A `/** ... */` block indented by `indent`, ending in a newline; empty when there is
/// nothing to say. `extra` lines (e.g. `@param`) follow the description.
pub fn comment(description: Option<&str>, deprecated: Option<&str>, indent: &str) -> String {
    comment_with(description, deprecated, &[], indent)
}

pub fn comment_with(description: Option<&str>, deprecated: Option<&str>, extra: &[String], indent: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    if let Some(d) = description {
        let d = typescript_description(d);
        if !d.trim().is_empty() {
            lines.extend(d.lines().map(|l| l.trim_end().replace('\r', "")));
        }
    }
    if !extra.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(extra.iter().cloned());
    }
    if let Some(dep) = deprecated {
        let mut dep_lines = dep.trim().lines().map(|l| l.trim_end().to_string());
        let first = dep_lines.next().unwrap_or_default();
        lines.push(format!("@deprecated {first}").trim_end().to_string());
        lines.extend(dep_lines);
    }
    if lines.is_empty() {
        return String::new();
    }
    let mut s = format!("{indent}/**\n");
    for l in lines {
        let l = doc_safe(&l);
        if l.is_empty() {
            s.push_str(&format!("{indent} *\n"));
        } else {
            s.push_str(&format!("{indent} * {l}\n"));
        }
    }
    s.push_str(&format!("{indent} */\n"));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_terminator_is_broken() {
        let c = comment(Some("ends */ here /* and"), None, "");
        assert_eq!(c.matches("*/").count(), 1, "{c}");
        assert!(c.ends_with(" */\n"));
    }

    #[test]
    fn examples_keep_typescript_only() {
        let d = "Intro.\n\n{{% examples %}}\n## Example Usage\n{{% example %}}\n\n```typescript\nconst a = 1;\n```\n```python\na = 1\n```\n{{% /example %}}\n{{% /examples %}}\n\n## Import\n\n```sh\n$ x\n```\n";
        let t = typescript_description(d);
        assert!(t.contains("const a = 1;"));
        assert!(!t.contains("a = 1\n```\n```"));
        assert!(!t.contains("python"));
        assert!(!t.contains("{{%"));
        assert!(t.contains("```sh"), "{t}");
    }

    #[test]
    fn deprecation_and_empty() {
        assert_eq!(comment(None, None, "    "), "");
        let c = comment(None, Some("use Bar"), "    ");
        assert_eq!(c, "    /**\n     * @deprecated use Bar\n     */\n");
    }
}
