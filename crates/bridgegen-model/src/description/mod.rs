//! Schema descriptions parsed once, read by every output: the SDKs' doc comments (prose plus
//! their own language's examples, shortcodes removed, see [`Description::for_language`]) and the
//! docs pages (body, examples by language and the import section, see [`Description::sections`]).
//!
//! Pulumi descriptions are Markdown with Hugo shortcodes: `{{% examples %}}` wraps an
//! `## Example Usage` section of `{{% example %}}` blocks, each holding one fenced code block per
//! language. Parsing works line by line and never looks inside fenced code.

mod doc;
mod sections;

pub use doc::Doc;
pub use sections::{collapse_blank_lines, Example, Sections};

/// A language whose SDK doc comments carry a description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    TypeScript,
    Python,
    Go,
    CSharp,
}

impl Language {
    /// The canonical fence language (as [`fence_language`] spells it).
    pub fn fence_name(self) -> &'static str {
        match self {
            Language::TypeScript => "typescript",
            Language::Python => "python",
            Language::Go => "go",
            Language::CSharp => "csharp",
        }
    }
}

/// Fence languages that hold an example for one Pulumi language: in another language's doc
/// comment they are noise, wherever they appear.
const EXAMPLE_LANGUAGES: &[&str] = &["typescript", "python", "go", "csharp", "java", "yaml"];

/// The docs language a fence's info word belongs to (`ts` -> `typescript`, `cs` -> `csharp`).
pub fn fence_language(info: &str) -> String {
    match info.to_ascii_lowercase().as_str() {
        "typescript" | "ts" | "javascript" | "js" | "nodejs" => "typescript".into(),
        "python" | "py" => "python".into(),
        "go" | "golang" => "go".into(),
        "csharp" | "cs" | "c#" | "dotnet" => "csharp".into(),
        "yaml" | "yml" => "yaml".into(),
        "java" => "java".into(),
        other => other.to_string(),
    }
}

/// A fenced code block opener: up to three spaces, then ``` or ~~~ (three or more).
/// Returns the fence character, its length and the info string.
pub fn fence_open(line: &str) -> Option<(char, usize, String)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let ch = trimmed.chars().next()?;
    if ch != '`' && ch != '~' {
        return None;
    }
    let n = trimmed.chars().take_while(|c| *c == ch).count();
    if n < 3 {
        return None;
    }
    let info = trimmed[n..].trim().to_string();
    if ch == '`' && info.contains('`') {
        return None;
    }
    Some((ch, n, info))
}

/// True when `line` closes a fence opened with `n` times `ch`.
pub fn fence_close(line: &str, ch: char, n: usize) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return false;
    }
    let m = trimmed.chars().take_while(|c| *c == ch).count();
    m >= n && trimmed[m..].trim().is_empty()
}

/// The name of a `{{% name %}}` line with all whitespace removed (`examples`, `/example`).
fn shortcode_name(line: &str) -> Option<String> {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t.strip_prefix("{{%")?.strip_suffix("%}}")?;
    Some(inner.to_string())
}

/// A fenced code block as written.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock {
    /// The opening fence line.
    pub open: String,
    /// The info string after the fence (`typescript`, `sh title="x"`, or empty).
    pub info: String,
    /// The lines between the fences.
    pub lines: Vec<String>,
    /// The closing fence line; `None` when the text ended first.
    pub close: Option<String>,
    /// Inside a `{{% examples %}}` section.
    pub in_examples: bool,
}

impl CodeBlock {
    /// The first word of the info string, as written.
    pub fn lang(&self) -> &str {
        self.info.split_whitespace().next().unwrap_or("")
    }

    /// The code, each line ending in a newline.
    pub fn code(&self) -> String {
        let mut s = String::new();
        for l in &self.lines {
            s.push_str(l);
            s.push('\n');
        }
        s
    }

    /// Appends the block as written (fences included), each line ending in a newline.
    fn write_to(&self, out: &mut String) {
        out.push_str(&self.open);
        out.push('\n');
        out.push_str(&self.code());
        if let Some(c) = &self.close {
            out.push_str(c);
            out.push('\n');
        }
    }

    /// Whether a doc comment for `lang` keeps this block: untagged blocks and `lang`'s own
    /// always; inside the examples section nothing else; elsewhere everything but another
    /// language's example code.
    fn kept_for(&self, lang: Language) -> bool {
        let this = fence_language(self.lang());
        if this.is_empty() || this == lang.fence_name() {
            return true;
        }
        !self.in_examples && !EXAMPLE_LANGUAGES.contains(&this.as_str())
    }
}

/// One piece of a description, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A Markdown line outside fenced code, as written.
    Text(String),
    /// A `{{% ... %}}` line: its name without braces and whitespace, and the line as written.
    Shortcode {
        name: String,
        line: String,
    },
    Code(CodeBlock),
}

/// A description taken apart into [`Block`]s.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Description {
    pub blocks: Vec<Block>,
}

impl Description {
    pub fn parse(text: &str) -> Description {
        let mut blocks = Vec::new();
        let mut in_examples = false;
        let mut fence: Option<(char, usize, CodeBlock)> = None;
        for line in text.lines() {
            if let Some((ch, n, block)) = fence.as_mut() {
                if fence_close(line, *ch, *n) {
                    block.close = Some(line.to_string());
                    let (_, _, block) = fence.take().expect("open fence");
                    blocks.push(Block::Code(block));
                } else {
                    block.lines.push(line.to_string());
                }
                continue;
            }
            if let Some((ch, n, info)) = fence_open(line) {
                let block = CodeBlock { open: line.to_string(), info, lines: Vec::new(), close: None, in_examples };
                fence = Some((ch, n, block));
                continue;
            }
            match shortcode_name(line) {
                Some(name) => {
                    match name.as_str() {
                        "examples" => in_examples = true,
                        "/examples" => in_examples = false,
                        _ => {}
                    }
                    blocks.push(Block::Shortcode { name, line: line.to_string() });
                }
                None => blocks.push(Block::Text(line.to_string())),
            }
        }
        if let Some((_, _, block)) = fence {
            blocks.push(Block::Code(block));
        }
        Description { blocks }
    }

    /// The description as a doc comment for `lang` shows it: shortcodes removed, other
    /// languages' example code removed (see [`CodeBlock`]), runs of blank lines outside code
    /// collapsed to one empty line, no blank lines at either end, no final newline.
    pub fn for_language(&self, lang: Language) -> String {
        let mut lines: Vec<&str> = Vec::new();
        let blank = |lines: &Vec<&str>| lines.last().is_none_or(|l| l.is_empty());
        for b in &self.blocks {
            match b {
                Block::Shortcode { .. } => {}
                Block::Text(t) if t.trim().is_empty() => {
                    if !blank(&lines) {
                        lines.push("");
                    }
                }
                Block::Text(t) => lines.push(t),
                Block::Code(c) if c.kept_for(lang) => {
                    lines.push(&c.open);
                    lines.extend(c.lines.iter().map(String::as_str));
                    if let Some(close) = &c.close {
                        lines.push(close);
                    }
                }
                Block::Code(_) => {}
            }
        }
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines.join("\n")
    }

    /// The parts a docs page prints separately.
    pub fn sections(&self) -> Sections {
        sections::split(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "Intro.\n\n{{% examples %}}\n## Example Usage\n{{% example %}}\n\n```typescript\nconst a = 1;\n```\n```python\na = 1\n```\n```csharp\nvar a = 1;\n```\n{{% /example %}}\n{{% /examples %}}\n\n## Import\n\n```sh\n$ x\n```\n";

    #[test]
    fn each_language_keeps_its_own_example() {
        let d = Description::parse(SEED);
        assert_eq!(
            d.for_language(Language::TypeScript),
            "Intro.\n\n## Example Usage\n\n```typescript\nconst a = 1;\n```\n\n## Import\n\n```sh\n$ x\n```"
        );
        let cs = d.for_language(Language::CSharp);
        assert!(cs.contains("```csharp\nvar a = 1;\n```"), "{cs}");
        assert!(!cs.contains("{{%") && !cs.contains("const a") && !cs.contains("a = 1\n"), "{cs}");
        assert_eq!(d.for_language(Language::Go), "Intro.\n\n## Example Usage\n\n## Import\n\n```sh\n$ x\n```");
    }

    #[test]
    fn other_languages_code_outside_examples_is_dropped_but_shell_stays() {
        let d = Description::parse("A\n```ts\nx\n```\n```sh\nls\n```\n```hcl\nh\n```\n```\nplain\n```");
        assert_eq!(d.for_language(Language::Python), "A\n```sh\nls\n```\n```hcl\nh\n```\n```\nplain\n```");
        assert!(d.for_language(Language::TypeScript).contains("```ts\nx\n```"));
    }

    #[test]
    fn code_is_never_parsed() {
        let d = Description::parse("~~~md\n{{% examples %}}\n```python\n~~~\nafter");
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.for_language(Language::Go), "~~~md\n{{% examples %}}\n```python\n~~~\nafter");
    }

    #[test]
    fn fence_languages() {
        assert_eq!(fence_language("TS"), "typescript");
        assert_eq!(fence_language("c#"), "csharp");
        assert_eq!(fence_language("sh"), "sh");
        assert!(fence_open("    ```").is_none());
        assert!(fence_close("````", '`', 3));
        assert!(!fence_close("``", '`', 3));
    }
}
