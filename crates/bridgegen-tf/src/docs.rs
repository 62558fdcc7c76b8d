//! Terraform provider docs, both layouts:
//! - the registry website layout (`website/docs/r/<name>.html.markdown`): `## Argument Reference`
//!   bullets `* `name` - (Required, ForceNew) text`, `## Attributes Reference` (also the upstream
//!   typo `## Attributes Reference0`), nested block sections, `## Timeouts`, `## Import`;
//! - the tfplugindocs layout (`docs/resources/<name>.md`): `## Schema` with Required / Optional /
//!   Read-Only lists and `<a id="nestedatt--x--y">` anchors for nested schemas.
//!
//! Parsing is line based and fence aware; every field description is keyed by its dotted
//! Terraform path (`timeouts.create`).

use std::path::{Path, PathBuf};

use indexmap::IndexMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    Registry,
    Tfplugindocs,
}

#[derive(Debug, Clone, Default)]
pub struct FieldDoc {
    pub text: String,
    pub force_new: bool,
    pub deprecated: Option<String>,
}

/// One HCL code block of `## Example Usage`.
#[derive(Debug, Clone)]
pub struct ExampleDoc {
    pub title: Option<String>,
    pub prose: String,
    pub lang: String,
    pub code: String,
}

#[derive(Debug, Clone)]
pub struct DocPage {
    pub path: PathBuf,
    pub layout: Layout,
    /// The text after the H1 up to the first recognised section (raw: cleaned by the mapper).
    pub intro: String,
    pub examples: Vec<ExampleDoc>,
    /// `## ...` sections that are neither arguments, attributes, examples nor import.
    pub other: String,
    /// The body of `## Import`.
    pub import: Option<String>,
    pub fields: IndexMap<String, FieldDoc>,
}

enum Section {
    Intro,
    Examples,
    Fields,
    Timeouts,
    Schema,
    Import,
    Other,
}

fn classify(title: &str) -> Section {
    let t = title.trim().trim_matches('`').to_ascii_lowercase();
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit()).trim();
    match t {
        "argument reference"
        | "arguments reference"
        | "attributes reference"
        | "attribute reference"
        | "attributes"
        | "arguments" => Section::Fields,
        // A function page's `## Return Type` lists an object result's attributes as schema bullets.
        "schema" | "return type" => Section::Schema,
        "timeouts" => Section::Timeouts,
        "import" => Section::Import,
        _ if t.starts_with("example") => Section::Examples,
        _ => Section::Other,
    }
}

fn is_fence(line: &str) -> Option<&str> {
    let t = line.trim_start();
    t.strip_prefix("```").or_else(|| t.strip_prefix("~~~")).map(str::trim)
}

impl DocPage {
    pub fn parse(text: &str, path: &Path) -> DocPage {
        let body = strip_front_matter(text);
        let mut layout = Layout::Registry;
        let mut sections: Vec<(Section, Vec<&str>, &str)> = vec![(Section::Intro, Vec::new(), "")];
        let mut in_fence = false;
        let mut seen_h1 = false;
        let has_h1 = body.lines().any(|l| l.starts_with("# "));
        for line in body.lines() {
            if is_fence(line).is_some() {
                in_fence = !in_fence;
            }
            if !in_fence {
                if line.starts_with("# ") && !seen_h1 {
                    seen_h1 = true;
                    sections.last_mut().unwrap().1.clear();
                    continue;
                }
                if has_h1 && !seen_h1 {
                    continue;
                }
                if line.trim_start().starts_with("<!--") && line.trim_end().ends_with("-->") {
                    if line.contains("tfplugindocs") {
                        layout = Layout::Tfplugindocs;
                    }
                    continue;
                }
                if let Some(title) = line.strip_prefix("## ") {
                    let kind = classify(title);
                    if matches!(kind, Section::Schema) {
                        layout = Layout::Tfplugindocs;
                    }
                    sections.push((kind, Vec::new(), title));
                    continue;
                }
            }
            sections.last_mut().unwrap().1.push(line);
        }
        let mut page = DocPage {
            path: path.to_path_buf(),
            layout,
            intro: String::new(),
            examples: Vec::new(),
            other: String::new(),
            import: None,
            fields: IndexMap::new(),
        };
        for (kind, lines, title) in sections {
            match kind {
                Section::Intro => page.intro = lines.join("\n").trim().to_string(),
                Section::Examples => page.examples.extend(parse_examples(&lines)),
                Section::Fields => parse_registry_fields(&lines, "", &mut page.fields),
                Section::Timeouts => parse_registry_fields(&lines, "timeouts", &mut page.fields),
                Section::Schema => parse_schema_section(&lines, &mut page.fields),
                Section::Import => page.import = Some(lines.join("\n").trim().to_string()),
                Section::Other => {
                    page.other.push_str(&format!("## {}\n{}\n\n", title.trim(), lines.join("\n").trim_end()));
                }
            }
        }
        page
    }

    pub fn load(path: &Path) -> std::io::Result<DocPage> {
        Ok(DocPage::parse(&std::fs::read_to_string(path)?, path))
    }
}

fn strip_front_matter(text: &str) -> &str {
    let t = text.trim_start_matches('\u{feff}');
    if let Some(rest) = t.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---") {
            let after = &rest[end + 4..];
            return after.strip_prefix('\n').unwrap_or(after);
        }
    }
    t
}

fn parse_examples(lines: &[&str]) -> Vec<ExampleDoc> {
    let mut out = Vec::new();
    let mut title: Option<String> = None;
    let mut prose = String::new();
    let mut code: Option<(String, String)> = None;
    for line in lines {
        if let Some((lang, body)) = code.as_mut() {
            if is_fence(line).is_some() {
                out.push(ExampleDoc {
                    title: title.take(),
                    prose: std::mem::take(&mut prose).trim().to_string(),
                    lang: std::mem::take(lang),
                    code: std::mem::take(body),
                });
                code = None;
            } else {
                body.push_str(line);
                body.push('\n');
            }
            continue;
        }
        if let Some(lang) = is_fence(line) {
            code = Some((lang.to_string(), String::new()));
        } else if let Some(h) = line.strip_prefix("### ") {
            title = Some(h.trim().to_string());
            prose.clear();
        } else if !line.trim_start().starts_with('<') && !line.contains("VIEW MORE EXAMPLES") {
            // HTML (the registry's "Open in ..." buttons) and upstream example-gallery links are Terraform-only.
            prose.push_str(line);
            prose.push('\n');
        }
    }
    out
}

/// A bullet `* `name` - text` / `- `name` (String) text`: returns (indent, name, rest).
fn bullet(line: &str) -> Option<(usize, &str, &str)> {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim_start();
    let t = t.strip_prefix("* ").or_else(|| t.strip_prefix("- "))?.trim_start();
    let t = t.strip_prefix('`')?;
    let end = t.find('`')?;
    let name = &t[..end];
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    Some((indent, name, &t[end + 1..]))
}

/// Splits a leading balanced `( ... )` off `s`.
fn leading_parens(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    if !s.starts_with('(') {
        return None;
    }
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&s[1..i], &s[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

const MARKER_WORDS: &[&str] = &["Required", "Optional", "Computed", "ForceNew", "Deprecated", "Available", "Removed"];

fn field_from_registry(rest: &str) -> FieldDoc {
    // `- text`, `: text`, `- (Required) text`; malformed `name`- text too.
    let rest = rest.trim_start().trim_start_matches(['-', ':', '–']).trim_start();
    let mut doc = FieldDoc::default();
    let mut text = rest;
    if let Some((marker, after)) = leading_parens(rest) {
        if MARKER_WORDS.iter().any(|w| marker.contains(w)) {
            doc.force_new = marker.split(',').any(|p| p.trim() == "ForceNew");
            if marker.contains("Deprecated") || marker.contains("Removed") {
                doc.deprecated = Some(marker.trim().to_string());
            }
            text = after.trim_start();
        }
    }
    doc.text = text.trim().to_string();
    if let Some(d) = doc.deprecated.as_mut() {
        if !doc.text.is_empty() {
            *d = doc.text.clone();
        }
    }
    doc
}

/// A line naming the nested block its following bullets describe: a `### `x`` heading or
/// "The `x` block supports the following:".
fn block_context(line: &str) -> Option<String> {
    let t = line.trim();
    let named = |s: &str| -> Option<String> {
        let start = s.find('`')? + 1;
        let end = start + s[start..].find('`')?;
        let n = &s[start..end];
        n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.').then(|| n.to_string())
    };
    if t.starts_with("###") {
        return named(t).or_else(|| {
            let w = t.trim_start_matches('#').trim();
            let w = w.strip_prefix("Block ").or_else(|| w.strip_prefix("block ")).unwrap_or(w);
            w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_').then(|| w.to_string())
        });
    }
    if !t.starts_with(['*', '-']) && (t.contains(" block supports") || t.contains(" supports the following")) {
        return named(t);
    }
    None
}

fn parse_registry_fields(lines: &[&str], base: &str, fields: &mut IndexMap<String, FieldDoc>) {
    let mut context = base.to_string();
    let mut current: Option<(String, FieldDoc, usize)> = None;
    let flush = |cur: &mut Option<(String, FieldDoc, usize)>, fields: &mut IndexMap<String, FieldDoc>| {
        if let Some((k, d, _)) = cur.take() {
            fields.entry(k).or_insert(d);
        }
    };
    let mut in_fence = false;
    for line in lines {
        if is_fence(line).is_some() {
            in_fence = !in_fence;
        }
        if in_fence {
            continue;
        }
        if let Some(ctx) = block_context(line) {
            flush(&mut current, fields);
            context = if base.is_empty() { ctx } else { format!("{base}.{ctx}") };
            continue;
        }
        if let Some((indent, name, rest)) = bullet(line) {
            // A bullet indented under another one continues it (nested lists in a description).
            if current.as_ref().is_some_and(|c| indent > c.2) {
                let c = current.as_mut().unwrap();
                c.1.text.push('\n');
                c.1.text.push_str(line.trim_end());
                continue;
            }
            flush(&mut current, fields);
            let key = if context.is_empty() { name.to_string() } else { format!("{context}.{name}") };
            current = Some((key, field_from_registry(rest), indent));
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        match current.as_mut() {
            Some(c) if line.starts_with([' ', '\t']) => {
                c.1.text.push('\n');
                c.1.text.push_str(line.trim_end());
            }
            _ => flush(&mut current, fields),
        }
    }
    flush(&mut current, fields);
}

fn parse_schema_section(lines: &[&str], fields: &mut IndexMap<String, FieldDoc>) {
    let mut context = String::new();
    for line in lines {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("<a id=\"") {
            let id = rest.split('"').next().unwrap_or("");
            if let Some((_, path)) = id.split_once("--") {
                context = path.replace("--", ".");
            }
            continue;
        }
        let Some((_, name, rest)) = bullet(line) else { continue };
        let mut doc = FieldDoc::default();
        let mut text = rest.trim_start();
        if let Some((ty, after)) = leading_parens(text) {
            if ty.contains("Deprecated") {
                doc.deprecated = Some(String::new());
            }
            text = after.trim_start();
        }
        // Drop the "(see [below for nested schema](#...))" pointer: the nested schema becomes a type.
        if let Some(i) = text.find("(see [below for nested schema]") {
            let end = text[i..].find("))").map(|e| i + e + 2).unwrap_or(text.len());
            text = &text[..i];
            let _ = end;
        }
        doc.text = text.trim().to_string();
        if let Some(d) = doc.deprecated.as_mut() {
            d.clone_from(&doc.text);
        }
        let key = if context.is_empty() { name.to_string() } else { format!("{context}.{name}") };
        fields.entry(key).or_insert(doc);
    }
}

/// The docs found under a folder, by kind and Terraform name (with and without provider prefix).
#[derive(Debug, Default)]
pub struct DocIndex {
    pub resources: IndexMap<String, PathBuf>,
    pub data_sources: IndexMap<String, PathBuf>,
    /// Provider function pages (`docs/functions/<name>.md`, `website/docs/functions/`).
    pub functions: IndexMap<String, PathBuf>,
}

impl DocIndex {
    /// Walks `dir` for `r/` + `resources/`, `d/` + `data-sources/` and `functions/` folders.
    pub fn scan(dir: &Path) -> std::io::Result<DocIndex> {
        let mut index = DocIndex::default();
        let mut stack = vec![dir.to_path_buf()];
        let mut files = Vec::new();
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d)? {
                let p = e?.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    files.push(p);
                }
            }
        }
        // Providers may ship translations beside the HCL pages (`docs/cdktf/python/resources/x.md`):
        // the HCL page wins, then the shallowest path.
        let is_translation = |p: &Path| p.components().any(|c| c.as_os_str() == "cdktf");
        files.sort_by_key(|p| (is_translation(p), p.components().count(), p.clone()));
        for p in files {
            let parent = p.parent().and_then(|x| x.file_name()).map(|x| x.to_string_lossy().into_owned());
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.ends_with(".md") || name.ends_with(".markdown")) {
                continue;
            }
            let stem = name.split('.').next().unwrap_or("").to_string();
            let map = match parent.as_deref() {
                Some("r" | "resources") => &mut index.resources,
                Some("d" | "data-sources") => &mut index.data_sources,
                Some("functions") => &mut index.functions,
                _ => continue,
            };
            map.entry(stem).or_insert(p);
        }
        Ok(index)
    }

    pub fn find(&self, data_source: bool, tf_type: &str, tf_provider: &str) -> Option<&PathBuf> {
        let map = if data_source { &self.data_sources } else { &self.resources };
        let short = tf_type.strip_prefix(&format!("{tf_provider}_")).unwrap_or(tf_type);
        map.get(short).or_else(|| map.get(tf_type))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_bullets_and_typo_section() {
        let md = "# x\n\nIntro.\n\n## Argument Reference\n\n* `image_id` - (Required, ForceNew) The source image ID.\n* `account_id` - (Required, ForceNew) Alibaba Cloud Account ID. It is used to share images.\n   \n## Attributes Reference0\n\n* `id` - ID.\n\n### `disk`\n\n* `size` - (Optional, Int) Size.\n  More.\n";
        let p = DocPage::parse(md, Path::new("x.md"));
        assert_eq!(p.layout, Layout::Registry);
        assert_eq!(p.intro, "Intro.");
        assert_eq!(p.fields["image_id"].text, "The source image ID.");
        assert!(p.fields["account_id"].force_new);
        assert_eq!(p.fields["id"].text, "ID.");
        assert_eq!(p.fields["disk.size"].text, "Size.\n  More.");
        assert!(p.other.is_empty(), "{}", p.other);
    }

    #[test]
    fn tfplugindocs_schema() {
        let md = "# r (Resource)\n\nIntro\n\n<!-- schema generated by tfplugindocs -->\n## Schema\n\n### Optional\n\n- `timeouts` (Attributes) (see [below for nested schema](#nestedatt--timeouts))\n- `k` (String, Sensitive) Secret <br/> - x\n\n<a id=\"nestedatt--timeouts\"></a>\n### Nested Schema for `timeouts`\n\nOptional:\n\n- `create` (String) A [d](https://x). More.\n";
        let p = DocPage::parse(md, Path::new("x.md"));
        assert_eq!(p.layout, Layout::Tfplugindocs);
        assert_eq!(p.fields["timeouts"].text, "");
        assert_eq!(p.fields["k"].text, "Secret <br/> - x");
        assert_eq!(p.fields["timeouts.create"].text, "A [d](https://x). More.");
    }

    #[test]
    fn scan_prefers_hcl_pages_over_cdktf_translations() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "# x\n").unwrap();
        };
        write("docs/cdktf/python/resources/static.md");
        write("docs/cdktf/typescript/data-sources/ip.md");
        write("docs/resources/static.md");
        write("docs/data-sources/ip.md");
        let index = DocIndex::scan(dir.path()).unwrap();
        assert_eq!(index.find(false, "time_static", "time").unwrap(), &dir.path().join("docs/resources/static.md"));
        assert_eq!(index.find(true, "time_ip", "time").unwrap(), &dir.path().join("docs/data-sources/ip.md"));
    }
}
