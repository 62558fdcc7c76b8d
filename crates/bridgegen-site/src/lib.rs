//! `bridgegen site build`: a static, searchable HTML site from the Markdown pages that the
//! `docs` target writes, built with mdBook (used as a library).
//!
//! Why mdBook: it is a well-kept static-site engine on crates.io that builds in-process (no
//! extra binary, no Node toolchain), ships its theme, fonts, highlighter and an offline
//! full-text search (elasticlunr index), and nests chapters, which gives navigation by
//! package and module. We add one small script and stylesheet (`assets/`): the language
//! chooser, which shows one language's blocks everywhere on a page and remembers the choice
//! in `localStorage`.
//!
//! Safety: mdBook's default preprocessors are disabled (so `{{#include ...}}` in a
//! description cannot read files), and every page gets a Content-Security-Policy that only
//! allows scripts from the site's own files and the theme's own inline scripts (by hash), so
//! no script that came from a schema can run, even if one slipped into a page.

mod csp;
mod parts;
mod search;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

const CHOOSER_JS: &str = include_str!("../assets/chooser.js");
const CHOOSER_CSS: &str = include_str!("../assets/chooser.css");

/// What a build produced.
#[derive(Debug, Clone)]
pub struct SiteReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Site options.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// The site title (default: the single package's title, or "API Docs").
    pub title: Option<String>,
}

/// A page read from a docs directory.
struct Page {
    /// Path relative to its docs directory, `/`-separated.
    rel: String,
    title: String,
    body: String,
}

/// Splits YAML front matter off a page; returns (fields, body).
fn front_matter(text: &str) -> (BTreeMap<String, String>, &str) {
    let mut fields = BTreeMap::new();
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return (fields, text);
    };
    let Some(end) = rest.find("\n---") else { return (fields, text) };
    let head = &rest[..end];
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']);
    for line in head.lines() {
        if line.starts_with([' ', '\t', '#']) {
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            let v = v.trim();
            let v = if v.starts_with('"') {
                serde_json::from_str::<String>(v).unwrap_or_else(|_| v.trim_matches('"').to_string())
            } else {
                v.trim_matches('\'').to_string()
            };
            fields.insert(k.trim().to_string(), v);
        }
    }
    (fields, body)
}

fn first_heading(body: &str) -> Option<String> {
    body.lines().find_map(|l| l.strip_prefix("# ").map(|t| t.trim().replace('\\', "")))
}

/// Reads every `.md` page (and copies nothing else) under `dir`, sorted by path.
fn read_pages(dir: &Path) -> Result<Vec<Page>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let entry = entry?;
            let path = entry.path();
            let ft = entry.file_type()?;
            if ft.is_dir() {
                stack.push(path);
            } else if ft.is_file() && path.extension().is_some_and(|e| e == "md") {
                let rel = path.strip_prefix(dir)?.to_string_lossy().replace('\\', "/");
                let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
                let (fields, body) = front_matter(&text);
                let stem = rel.rsplit('/').next().unwrap_or(&rel).trim_end_matches(".md").to_string();
                let title = fields
                    .get("title")
                    .or(fields.get("page_title"))
                    .cloned()
                    .or_else(|| first_heading(body))
                    .unwrap_or(stem);
                out.push(Page { rel, title, body: body.to_string() });
            }
        }
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

/// A directory of pages as a chapter tree.
#[derive(Default)]
struct Node {
    index: Option<usize>,
    files: Vec<usize>,
    dirs: BTreeMap<String, Node>,
}

fn tree(pages: &[Page]) -> Node {
    let mut root = Node::default();
    for (i, p) in pages.iter().enumerate() {
        let mut parts: Vec<&str> = p.rel.split('/').collect();
        let file = parts.pop().unwrap_or_default();
        let mut node = &mut root;
        for d in parts {
            node = node.dirs.entry(d.to_string()).or_default();
        }
        if file == "index.md" {
            node.index = Some(i);
        } else {
            node.files.push(i);
        }
    }
    root
}

fn summary_link(title: &str, path: &str) -> String {
    let t: String = title
        .chars()
        .flat_map(|c| match c {
            '[' | ']' | '\\' | '<' | '>' | '*' | '_' | '`' => vec!['\\', c],
            '\n' | '\r' => vec![' '],
            c => vec![c],
        })
        .collect();
    format!("[{t}](<{}>)", path.replace(' ', "%20").replace('>', "%3E"))
}

/// Appends `node`'s chapters to the SUMMARY text `out`, and their source paths to `order`
/// (book order).
fn write_summary(
    out: &mut String,
    order: &mut Vec<String>,
    node: &Node,
    pages: &[Page],
    prefix: &str,
    name: &str,
    depth: usize,
) {
    let pad = "    ".repeat(depth);
    match node.index {
        Some(i) => {
            order.push(format!("{prefix}/{}", pages[i].rel));
            out.push_str(&format!("{pad}- {}\n", summary_link(&pages[i].title, &format!("{prefix}/{}", pages[i].rel))))
        }
        None => out.push_str(&format!("{pad}- {}\n", summary_link(name, "").replace("(<>)", "()"))),
    }
    let mut files: Vec<usize> = node.files.clone();
    files.sort_by(|a, b| pages[*a].title.to_lowercase().cmp(&pages[*b].title.to_lowercase()).then(a.cmp(b)));
    // Subdirectories (modules) first, then the pages of this level.
    for (dname, child) in &node.dirs {
        write_summary(out, order, child, pages, prefix, dname, depth + 1);
    }
    for i in files {
        order.push(format!("{prefix}/{}", pages[i].rel));
        out.push_str(&format!("{pad}    - {}\n", summary_link(&pages[i].title, &format!("{prefix}/{}", pages[i].rel))));
    }
}

fn toml_str(s: &str) -> String {
    serde_json::to_string(s).expect("string serializes")
}

/// Builds the site from one or more docs directories (each one package's `gen docs` output).
pub fn build(docs: &[PathBuf], out: &Path, opts: &SiteOptions) -> Result<SiteReport> {
    build_site(docs, out, opts, true, parts::PART_BYTES)
}

/// [`build`], optionally keeping mdBook's full search text (for the test that trimming it
/// leaves the results unchanged), building at most about `part_bytes` of pages at a time.
fn build_site(
    docs: &[PathBuf],
    out: &Path,
    opts: &SiteOptions,
    trim_search: bool,
    part_bytes: usize,
) -> Result<SiteReport> {
    if docs.is_empty() {
        bail!("no docs directory given");
    }
    let work =
        tempfile::Builder::new().prefix("bridgegen-site-").tempdir().context("creating a temporary book directory")?;
    let book = work.path();
    let src = book.join("src");
    fs::create_dir_all(&src)?;
    let mut summary = String::from("# Summary\n\n[Packages](index.md)\n\n");
    let mut index = String::from("# Packages\n\n");
    let mut titles = Vec::new();
    let mut used: Vec<String> = Vec::new();
    // Chapter source paths in book order, and their sizes.
    let mut order = vec!["index.md".to_string()];
    let mut sizes = std::collections::HashMap::new();
    for dir in docs {
        if !dir.is_dir() {
            bail!("{} is not a directory", dir.display());
        }
        let pages = read_pages(dir)?;
        if pages.is_empty() {
            bail!("{} holds no Markdown pages (run `bridgegen gen docs` first)", dir.display());
        }
        // The package name from the root index page, else the directory's name.
        let root_index = fs::read_to_string(dir.join("index.md")).unwrap_or_default();
        let (fields, _) = front_matter(&root_index);
        let dir_name = dir
            .canonicalize()
            .ok()
            .and_then(|d| {
                let name = d.file_name()?.to_string_lossy().to_string();
                if name == "docs" {
                    d.parent()?.file_name().map(|n| n.to_string_lossy().to_string())
                } else {
                    Some(name)
                }
            })
            .unwrap_or_else(|| "docs".into());
        let base: String = fields
            .get("package")
            .cloned()
            .unwrap_or(dir_name)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
            .collect();
        let mut prefix = if base.is_empty() || base == "_bridgegen" { "pkg".to_string() } else { base };
        while used.contains(&prefix) {
            prefix.push('_');
        }
        used.push(prefix.clone());
        for p in &pages {
            let dest = src.join(&prefix).join(&p.rel);
            fs::create_dir_all(dest.parent().expect("has a parent"))?;
            fs::write(&dest, &p.body)?;
            sizes.insert(format!("{prefix}/{}", p.rel), p.body.len());
        }
        let node = tree(&pages);
        let title = node.index.map(|i| pages[i].title.clone()).unwrap_or_else(|| prefix.clone());
        write_summary(&mut summary, &mut order, &node, &pages, &prefix, &title, 0);
        index.push_str(&format!("- {}\n", summary_link(&title, &format!("{prefix}/index.md"))));
        titles.push(title);
    }
    fs::write(src.join("SUMMARY.md"), &summary)?;
    fs::write(src.join("index.md"), &index)?;
    fs::write(book.join("chooser.js"), CHOOSER_JS)?;
    fs::write(book.join("chooser.css"), CHOOSER_CSS)?;
    let title =
        opts.title.clone().unwrap_or_else(|| if titles.len() == 1 { titles[0].clone() } else { "API Docs".into() });
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let out_abs = out.canonicalize()?;
    sizes.insert("index.md".to_string(), index.len());
    let book_toml = |build_dir: &Path| -> Result<()> {
        let config = format!(
            r#"[book]
title = {title}
src = "src"

[build]
build-dir = {out}
create-missing = false
# No {{{{#include}}}} and friends: page text comes from schemas.
use-default-preprocessors = false

[output.html]
additional-js = ["chooser.js"]
additional-css = ["chooser.css"]
no-section-label = true
smart-punctuation = false
mathjax-support = false
hash-files = false

[output.html.print]
enable = false

[output.html.playground]
runnable = false

[output.html.search]
enable = true
limit-results = 30
heading-split-level = 2
"#,
            title = toml_str(&title),
            out = toml_str(&build_dir.to_string_lossy()),
        );
        fs::write(book.join("book.toml"), config)?;
        Ok(())
    };
    let parts = parts::split(&order, &sizes, part_bytes);
    parts::build(book, &out_abs, &parts, &book_toml, trim_search)?;
    let (files, bytes, pages) = csp::harden(&out_abs)?;
    Ok(SiteReport { pages, files, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_parsed() {
        let (f, body) = front_matter("---\ntitle: \"A \\\"b\\\"\"\nkind: resource\n---\n\n# A\n");
        assert_eq!(f["title"], "A \"b\"");
        assert_eq!(f["kind"], "resource");
        assert_eq!(body, "# A\n");
        let (f, _) = front_matter("---\n# c\npage_title: \"x Resource - p\"\ndescription: |-\n  a: b\n---\nz");
        assert_eq!(f["page_title"], "x Resource - p");
        assert!(!f.contains_key("a"));
    }

    #[test]
    fn trimmed_search_index_finds_the_same_sections_for_the_seed_pages() {
        // elasticlunr ranks with the inverted index and docInfo only; both must be unchanged,
        // with the same result URLs, and each stored text a prefix of the full one.
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let docs = vec![root.join("sdks/alicloud/docs"), root.join("sdks/kakaocloud/docs")];
        let tmp = tempfile::tempdir().unwrap();
        let (full, small) = (tmp.path().join("full"), tmp.path().join("small"));
        build_site(&docs, &full, &SiteOptions::default(), false, parts::PART_BYTES).unwrap();
        build(&docs, &small, &SiteOptions::default()).unwrap();
        let read = |d: &Path| search::parse(&fs::read_to_string(d.join("searchindex.js")).unwrap()).unwrap();
        let (full, small) = (read(&full), read(&small));
        assert_eq!(full["doc_urls"], small["doc_urls"]);
        assert!(full["doc_urls"].as_array().unwrap().len() > 5);
        assert_eq!(full["index"]["index"], small["index"]["index"]);
        assert_eq!(full["index"]["documentStore"]["docInfo"], small["index"]["documentStore"]["docInfo"]);
        let docs_of = |v: &serde_json::Value| v["index"]["documentStore"]["docs"].as_object().unwrap().clone();
        let (fd, sd) = (docs_of(&full), docs_of(&small));
        assert_eq!(fd.len(), sd.len());
        let mut shortened = 0;
        for (k, f) in &fd {
            let s = &sd[k];
            assert_eq!(f["title"], s["title"]);
            assert_eq!(f["breadcrumbs"], s["breadcrumbs"]);
            let fw: Vec<&str> = f["body"].as_str().unwrap().split_whitespace().collect();
            let sw: Vec<&str> = s["body"].as_str().unwrap().split_whitespace().collect();
            assert_eq!(sw[..], fw[..sw.len()], "teaser text of doc {k} is the start of the full text");
            assert_eq!(sw.len(), fw.len().min(search::TEASER_WORDS));
            shortened += usize::from(sw.len() < fw.len());
        }
        assert!(shortened > 0, "the seed pages have sections longer than a teaser");
    }

    #[test]
    fn a_book_built_in_parts_is_the_book_built_whole() {
        // Every chapter its own part: the pages and the search index must be the same bytes.
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let docs = vec![root.join("sdks/alicloud/docs"), root.join("sdks/kakaocloud/docs")];
        let tmp = tempfile::tempdir().unwrap();
        let (whole, parts) = (tmp.path().join("whole"), tmp.path().join("parts"));
        build_site(&docs, &whole, &SiteOptions::default(), true, usize::MAX).unwrap();
        build_site(&docs, &parts, &SiteOptions::default(), true, 1).unwrap();
        let files = |d: &Path| {
            let mut out = BTreeMap::new();
            let mut stack = vec![d.to_path_buf()];
            while let Some(dir) = stack.pop() {
                for e in fs::read_dir(&dir).unwrap() {
                    let p = e.unwrap().path();
                    if p.is_dir() {
                        stack.push(p);
                    } else {
                        out.insert(p.strip_prefix(d).unwrap().to_path_buf(), fs::read(&p).unwrap());
                    }
                }
            }
            out
        };
        let (w, p) = (files(&whole), files(&parts));
        assert_eq!(w.keys().collect::<Vec<_>>(), p.keys().collect::<Vec<_>>());
        assert!(w.keys().filter(|k| k.extension().is_some_and(|e| e == "html")).count() > 5);
        for (k, v) in &w {
            assert!(v == &p[k], "{} differs between the whole build and the build in parts", k.display());
        }
        let index = search::parse(&String::from_utf8(w[Path::new("searchindex.js")].clone()).unwrap()).unwrap();
        assert!(index["doc_urls"].as_array().unwrap().len() > 5);
    }

    #[test]
    fn summary_links_escape() {
        assert_eq!(summary_link("a[b]", "p/x y.md"), "[a\\[b\\]](<p/x%20y.md>)");
    }
}
