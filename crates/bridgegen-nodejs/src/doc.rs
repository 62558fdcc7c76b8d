//! Doc comments: schema descriptions turned into `/** ... */` blocks that cannot be
//! closed early (`*/` in a description is broken up), with the examples section reduced
//! to the TypeScript snippets.

use bridgegen_model::description::{Doc, Language};

use crate::names::doc_safe;

/// A description as TypeScript doc comments show it: prose and TypeScript examples,
/// without shortcodes or other languages' code (from the model's parse of the element).
pub fn typescript_description(doc: &Doc) -> String {
    doc.for_language(Language::TypeScript)
}

/// A `/** ... */` block indented by `indent`, ending in a newline; empty when there is
/// nothing to say. `extra` lines (e.g. `@param`) follow the description.
pub fn comment(description: Option<&Doc>, deprecated: Option<&str>, indent: &str) -> String {
    comment_with(description, deprecated, &[], indent)
}

pub fn comment_with(description: Option<&Doc>, deprecated: Option<&str>, extra: &[String], indent: &str) -> String {
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
        let c = comment(Some(&Doc::new("ends */ here /* and")), None, "");
        assert_eq!(c.matches("*/").count(), 1, "{c}");
        assert!(c.ends_with(" */\n"));
    }

    #[test]
    fn examples_keep_typescript_only() {
        let d = "Intro.\n\n{{% examples %}}\n## Example Usage\n{{% example %}}\n\n```typescript\nconst a = 1;\n```\n```python\na = 1\n```\n{{% /example %}}\n{{% /examples %}}\n\n## Import\n\n```sh\n$ x\n```\n";
        let t = typescript_description(&Doc::new(d));
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
