//! Layout that must match gofmt byte for byte: doc comments (gofmt re-prints doc comments
//! on declarations since Go 1.19, so we emit text that is already a fixed point of its
//! printer) and aligned struct fields (gofmt aligns consecutive field lines in columns).

use bridgegen_model::description::Language;
use bridgegen_model::Doc;
use serde::Serialize;

/// Turns a description already narrowed to Go (see [`doc_comment`]) into doc comment lines
/// (without the `// ` marker).
///
/// - empty code blocks are dropped;
/// - fenced code blocks become indented Go doc code blocks, surrounded by blank lines;
/// - other lines lose leading whitespace (so they never read as code or lists);
/// - runs of blank lines collapse, leading/trailing blank lines go;
/// - lines gofmt would turn into headings are written as `# Heading` already.
pub fn doc_lines(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out: Vec<String> = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(raw) = lines.next() {
        let line = clean(raw);
        let trimmed = line.trim();
        if let Some(lang) = trimmed.strip_prefix("```") {
            let lang = lang.trim().to_ascii_lowercase();
            let mut code: Vec<String> = Vec::new();
            for raw in lines.by_ref() {
                let l = clean(raw);
                if l.trim().starts_with("```") {
                    break;
                }
                code.push(l.trim_end().to_string());
            }
            if code.iter().all(|l| l.is_empty()) {
                continue;
            }
            // Strip the common leading whitespace, then indent with one tab.
            let prefix = common_ws_prefix(&code);
            while code.last().is_some_and(|l| l.is_empty()) {
                code.pop();
            }
            while code.first().is_some_and(|l| l.is_empty()) {
                code.remove(0);
            }
            out.push(format!("```{lang}"));
            out.push(String::new());
            for l in code {
                if l.is_empty() {
                    out.push(String::new());
                } else {
                    out.push(format!("\t{}", &l[prefix.len()..]));
                }
            }
            out.push(String::new());
            out.push("```".to_string());
            continue;
        }
        out.push(trimmed.to_string());
    }
    // Collapse blank runs and trim ends.
    let mut lines: Vec<String> = Vec::new();
    for l in out {
        if l.is_empty() && lines.last().is_none_or(|p: &String| p.is_empty()) {
            continue;
        }
        lines.push(l);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    // Headings: normalise what gofmt would print as a heading.
    let n = lines.len();
    for i in 0..n {
        let prev_blank = i > 0 && lines[i - 1].is_empty();
        let next_blank = i + 1 < n && lines[i + 1].is_empty();
        let l = &lines[i];
        if l.starts_with('#') && l.len() >= 2 && (l.as_bytes()[1] == b' ' || l.as_bytes()[1] == b'\t') {
            if (i == 0 || prev_blank) && (i + 1 == n || next_blank) {
                let t = l[1..].trim().to_string();
                lines[i] = format!("# {t}");
            }
        } else if prev_blank
            && next_blank
            && i + 2 < n
            && !lines[i + 2].starts_with('\t')
            && !lines[i + 2].is_empty()
            && is_old_heading(l)
        {
            lines[i] = format!("# {l}");
        }
    }
    // Link definitions (`[x]: url`) would be moved by gofmt: break the pattern.
    for l in lines.iter_mut() {
        if !l.starts_with('\t') && is_link_def(l) {
            *l = format!("\u{200b}{l}");
        }
    }
    lines
}

fn clean(raw: &str) -> String {
    raw.chars().map(|c| if c.is_control() && c != '\t' { ' ' } else { c }).collect::<String>().trim_end().to_string()
}

fn common_ws_prefix(code: &[String]) -> String {
    let mut prefix: Option<String> = None;
    for l in code.iter().filter(|l| !l.is_empty()) {
        let ws: String = l.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        prefix = Some(match prefix {
            None => ws,
            Some(p) => p.chars().zip(ws.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a).collect(),
        });
    }
    prefix.unwrap_or_default()
}

/// go/doc/comment's old-style heading rule.
fn is_old_heading(line: &str) -> bool {
    let Some(first) = line.chars().next() else { return false };
    if !first.is_uppercase() || !first.is_alphabetic() {
        return false;
    }
    let last = line.chars().last().unwrap_or(' ');
    if !last.is_alphanumeric() {
        return false;
    }
    if line.chars().any(|c| ";:!?+*/=[]{}_^°&§~%#@<\">\\".contains(c)) {
        return false;
    }
    for (i, _) in line.match_indices('\'') {
        let rest = &line[i + 1..];
        if !(rest == "s" || rest.starts_with("s ")) {
            return false;
        }
    }
    for (i, _) in line.match_indices('.') {
        let rest = &line[i + 1..];
        if rest.is_empty() || rest.starts_with(' ') {
            return false;
        }
    }
    true
}

fn is_link_def(l: &str) -> bool {
    if !l.starts_with('[') {
        return false;
    }
    match l.find("]:") {
        Some(i) => i > 1,
        None => false,
    }
}

/// A doc comment block, each line prefixed by `indent` and `//`, ending with a newline;
/// empty when there is no text.
pub fn comment(text: &str, indent: &str) -> String {
    let mut s = String::new();
    for l in doc_lines(text) {
        s.push_str(indent);
        if l.is_empty() {
            s.push_str("//\n");
        } else if l.starts_with('\t') {
            s.push_str("//");
            s.push_str(&l);
            s.push('\n');
        } else {
            s.push_str("// ");
            s.push_str(&l);
            s.push('\n');
        }
    }
    s
}

/// A doc comment from a description and a deprecation message. The description is read
/// through the model's kept parse: examples for other languages and `{{% ... %}}` shortcodes
/// are already gone.
pub fn doc_comment(description: Option<&Doc>, deprecation: Option<&str>, indent: &str) -> String {
    let mut text = description.map(|d| d.for_language(Language::Go)).unwrap_or_default();
    text.truncate(text.trim_end().len());
    if let Some(d) = deprecation {
        let d: String = d.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str("Deprecated: ");
        text.push_str(if d.is_empty() { "deprecated" } else { &d });
    }
    comment(&text, indent)
}

/// One struct field line: doc, name, type and optional tag.
#[derive(Debug, Clone)]
pub struct Field {
    pub doc: String,
    pub name: String,
    pub ty: String,
    pub tag: Option<String>,
}

/// One struct field as printed by `fields.go.hbs`:
/// `<doc>\t<name><name_pad><ty>[<ty_pad><tag>]`, the pads aligning the columns.
#[derive(Debug, Serialize)]
pub struct FieldLine {
    pub doc: String,
    pub name: String,
    pub name_pad: String,
    pub ty: String,
    pub ty_pad: String,
    pub tag: Option<String>,
}

/// Struct fields laid out as gofmt does: columns aligned over runs of consecutive field
/// lines; a comment line ends a run.
pub fn fields(fields: &[Field]) -> Vec<FieldLine> {
    let mut out = Vec::with_capacity(fields.len());
    let mut i = 0;
    while i < fields.len() {
        // A run starts at a field (its doc is printed before it) and continues while the
        // following fields have no doc.
        let mut j = i + 1;
        while j < fields.len() && fields[j].doc.is_empty() {
            j += 1;
        }
        let run = &fields[i..j];
        let name_w = run.iter().map(|f| f.name.chars().count()).max().unwrap_or(0);
        // The type column only spans consecutive lines that have a tag after the type.
        let mut k = 0;
        while k < run.len() {
            let mut m = k;
            while m < run.len() && run[m].tag.is_some() == run[k].tag.is_some() {
                m += 1;
            }
            let ty_w = run[k..m].iter().map(|f| f.ty.chars().count()).max().unwrap_or(0);
            for f in &run[k..m] {
                out.push(FieldLine {
                    doc: f.doc.clone(),
                    name: f.name.clone(),
                    name_pad: " ".repeat(name_w + 1 - f.name.chars().count()),
                    ty: f.ty.clone(),
                    ty_pad: if f.tag.is_some() { " ".repeat(ty_w + 1 - f.ty.chars().count()) } else { String::new() },
                    tag: f.tag.clone(),
                });
            }
            k = m;
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_fences_become_indented_blocks() {
        let d = Doc::new("Intro.\n\n```go\n  x := 1\n    y\n```\n```typescript\nconst a = 1;\n```\nafter");
        assert_eq!(
            doc_lines(&d.for_language(Language::Go)),
            vec!["Intro.", "", "```go", "", "\tx := 1", "\t  y", "", "```", "after"]
        );
    }

    #[test]
    fn headings_and_blank_runs() {
        let d = "\n\nSome text.\n\n\n## Example Usage\n\nImport\n\nmore text\n";
        assert_eq!(doc_lines(d), vec!["Some text.", "", "## Example Usage", "", "# Import", "", "more text"]);
    }

    #[test]
    fn fields_align_like_gofmt() {
        let f = |doc: &str, n: &str, t: &str| Field {
            doc: doc.into(),
            name: n.into(),
            ty: t.into(),
            tag: Some(format!("`pulumi:\"{n}\"`")),
        };
        let lines = fields(&[f("", "A", "int"), f("", "Long", "string"), f("\t// x\n", "B", "bool")]);
        let pads: Vec<(&str, &str, &str)> =
            lines.iter().map(|l| (l.name.as_str(), l.name_pad.as_str(), l.ty_pad.as_str())).collect();
        // `A` and `Long` form one run (names to 4 + 1 columns, types to 6 + 1); the doc
        // comment before `B` starts another.
        assert_eq!(pads, vec![("A", "    ", "    "), ("Long", " ", " "), ("B", " ", " ")]);
        assert_eq!(lines[2].doc, "\t// x\n");
        let untagged = fields(&[Field { tag: None, ..f("", "A", "int") }, f("", "Bb", "string")]);
        // A line without a tag does not widen the tagged lines' type column.
        assert_eq!((untagged[0].ty_pad.as_str(), untagged[1].ty_pad.as_str()), ("", " "));
    }
}
