//! A description split the way a docs page prints it: the prose body, the examples (each with
//! its code by fence language) and the `## Import` section.

use super::{fence_close, fence_open, Block, CodeBlock, Description};

/// One `{{% example %}}` block: its prose (title) and its code blocks by fence language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Example {
    /// Markdown outside the code blocks (usually a `### Title` heading).
    pub prose: String,
    /// `(fence language, code)` in order of appearance.
    pub code: Vec<(String, String)>,
}

/// A description taken apart for a docs page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sections {
    /// The prose, without the examples block and without the import section.
    pub body: String,
    pub examples: Vec<Example>,
    /// The `## Import` section's content (without its heading), if present.
    pub import: Option<String>,
}

#[derive(PartialEq)]
enum Where {
    Body,
    Examples,
    Example,
    Import,
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

pub(super) fn split(d: &Description) -> Sections {
    let mut body = String::new();
    let mut import = String::new();
    let mut examples: Vec<Example> = Vec::new();
    let mut at = Where::Body;
    let mut have_import = false;
    for b in &d.blocks {
        let line = match b {
            Block::Code(c) => {
                code_block(c, &mut at, &mut body, &mut import, &mut examples);
                continue;
            }
            Block::Shortcode { name, line } => {
                match name.as_str() {
                    "examples" => at = Where::Examples,
                    "/examples" => at = Where::Body,
                    "example" => {
                        examples.push(Example::default());
                        at = Where::Example;
                    }
                    "/example" => at = Where::Examples,
                    // Other shortcodes stay text (the page escapes them).
                    _ => {
                        text_line(line, &mut at, &mut have_import, &mut body, &mut import, &mut examples);
                    }
                }
                continue;
            }
            Block::Text(line) => line,
        };
        text_line(line, &mut at, &mut have_import, &mut body, &mut import, &mut examples);
    }
    examples.retain(|e| !e.code.is_empty() || !e.prose.trim().is_empty());
    for e in &mut examples {
        e.prose = e.prose.trim().to_string();
    }
    Sections {
        body: collapse_blank_lines(body.trim()),
        examples,
        import: if have_import { Some(import.trim().to_string()) } else { None },
    }
}

fn code_block(c: &CodeBlock, at: &mut Where, body: &mut String, import: &mut String, examples: &mut Vec<Example>) {
    match at {
        Where::Body => c.write_to(body),
        Where::Import => c.write_to(import),
        Where::Examples | Where::Example => {
            if *at == Where::Examples {
                // A code block between examples: keep it as its own example.
                examples.push(Example::default());
                *at = Where::Example;
            }
            // An unclosed fence keeps its code but not its language.
            let lang = if c.close.is_some() { c.lang() } else { "" };
            let ex = examples.last_mut().expect("inside an example");
            ex.code.push((lang.to_string(), c.code()));
        }
    }
}

fn text_line(
    line: &str,
    at: &mut Where,
    have_import: &mut bool,
    body: &mut String,
    import: &mut String,
    examples: &mut Vec<Example>,
) {
    let heading2 = line.starts_with("## ") || line.trim_end() == "##";
    if *at == Where::Import && heading2 {
        *at = Where::Body;
    }
    if *at == Where::Body && heading2 && line[2..].trim().eq_ignore_ascii_case("import") {
        *at = Where::Import;
        *have_import = true;
        return;
    }
    match at {
        Where::Body => push_line(body, line),
        Where::Import => push_line(import, line),
        Where::Examples => {
            // "## Example Usage" heading and stray prose between examples: dropped
            // (the page prints its own heading).
            let t = line.trim();
            if !t.is_empty() && !t.starts_with("## ") {
                examples.push(Example { prose: format!("{t}\n"), code: Vec::new() });
                *at = Where::Example;
            }
        }
        Where::Example => {
            let ex = examples.last_mut().expect("inside an example");
            if !(ex.prose.is_empty() && line.trim().is_empty()) {
                push_line(&mut ex.prose, line);
            }
        }
    }
}

/// Collapses runs of blank lines outside fenced code; trims the end.
pub fn collapse_blank_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blanks = 0;
    let mut in_fence: Option<(char, usize)> = None;
    for line in s.lines() {
        if let Some((ch, n)) = in_fence {
            if fence_close(line, ch, n) {
                in_fence = None;
            }
        } else if let Some((ch, n, _)) = fence_open(line) {
            in_fence = Some((ch, n));
        } else if line.trim().is_empty() {
            blanks += 1;
            if blanks > 1 {
                continue;
            }
            out.push('\n');
            continue;
        }
        blanks = 0;
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "Manage image sharing.\n\n> **NOTE:** Only your own images.\n\n{{% examples %}}\n## Example Usage\n{{% example %}}\n### Basic\n\n```typescript\nconst a = 1;\n```\n```python\na = 1\n```\n{{% /example %}}\n{{% /examples %}}\n\n## Import\n\nimage can be imported using the id, e.g.\n\n```sh\n$ pulumi import alicloud:ecs/x:X default m-1:2\n```\n";

    #[test]
    fn splits_examples_and_import() {
        let d = Description::parse(SEED).sections();
        assert_eq!(d.body, "Manage image sharing.\n\n> **NOTE:** Only your own images.");
        assert_eq!(d.examples.len(), 1);
        assert_eq!(d.examples[0].prose, "### Basic");
        assert_eq!(
            d.examples[0].code,
            vec![("typescript".into(), "const a = 1;\n".into()), ("python".into(), "a = 1\n".into())]
        );
        assert_eq!(
            d.import.as_deref(),
            Some("image can be imported using the id, e.g.\n\n```sh\n$ pulumi import alicloud:ecs/x:X default m-1:2\n```")
        );
    }

    #[test]
    fn import_heading_inside_code_is_not_a_section() {
        let d = Description::parse("Text\n\n```md\n## Import\n```\nafter").sections();
        assert!(d.import.is_none());
        assert!(d.body.contains("after"));
    }

    #[test]
    fn stray_code_and_prose_between_examples_become_examples() {
        let d = Description::parse(
            "{{% examples %}}\n## Example Usage\nTitle\n```go\nx\n```\n{{% /examples %}}\n```\nopen",
        )
        .sections();
        assert_eq!(d.examples, vec![Example { prose: "Title".into(), code: vec![("go".into(), "x\n".into())] }]);
        assert_eq!(d.body, "```\nopen");
    }
}
