//! `bridgegen gen docs` + `bridgegen site build`, end to end through the binary:
//! every conformance schema, the hostile-docs schema, and a headless-Chromium test of the
//! seed site (built from the committed `sdks/*/docs`).
//!
//! The browser test needs `tests/setup/docs.sh` (Debian chromium + playwright-core in
//! `.work/docs`) and the conformance test the external corpus (`BRIDGEGEN_CONFORMANCE`);
//! each is skipped, saying why, when what it needs is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn bridgegen(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_bridgegen")).args(args).current_dir(root()).output().unwrap();
    assert!(
        out.status.success(),
        "bridgegen {args:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn work(name: &str) -> PathBuf {
    let d = root().join(".work/docs/test").join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The `<main>` element of a built page.
fn main_of(html: &str) -> &str {
    let s = html.find("<main>").expect("<main>");
    let e = html.rfind("</main>").expect("</main>");
    &html[s..e]
}

/// Generates both styles and builds the site; checks one HTML page per Markdown page, and
/// that no page's content carries a script or an event handler.
fn docs_and_site(schema: &Path, name: &str) -> (PathBuf, usize) {
    let dir = work(name);
    let docs = dir.join("docs");
    let site = dir.join("site");
    let s = schema.to_str().unwrap();
    bridgegen(&["gen", "docs", "--schema", s, "--out", docs.to_str().unwrap()]);
    bridgegen(&["gen", "docs", "--style", "terraform", "--schema", s, "--out", dir.join("tf").to_str().unwrap()]);
    bridgegen(&["site", "build", "--docs", docs.to_str().unwrap(), "--out", site.to_str().unwrap()]);
    let md = files_under(&docs, "md");
    assert!(!md.is_empty());
    let pkg_dir = std::fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir() && p.join("index.html").is_file() && p.join("provider.html").is_file())
        .expect("package folder in the site");
    for page in &md {
        let rel = page.strip_prefix(&docs).unwrap().with_extension("html");
        let html_path = pkg_dir.join(&rel);
        let html = std::fs::read_to_string(&html_path).unwrap_or_else(|_| panic!("{} not built", html_path.display()));
        let main = main_of(&html).to_ascii_lowercase();
        assert!(!main.contains("<script"), "{}: script in page content", html_path.display());
        assert!(!main.contains("javascript:"), "{}: javascript: URL in page content", html_path.display());
        assert!(!regex_lite_onattr(&main), "{}: event-handler attribute in page content", html_path.display());
        assert!(html.contains("http-equiv=\"Content-Security-Policy\""), "{}: no CSP", html_path.display());
    }
    (site, md.len())
}

/// True when some tag in `html` has an `on...=` attribute.
fn regex_lite_onattr(html: &str) -> bool {
    let mut in_tag = false;
    let b = html.as_bytes();
    for i in 0..b.len() {
        match b[i] {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b'o' if in_tag && i > 0 && b[i - 1].is_ascii_whitespace() && b.get(i + 1) == Some(&b'n') => {
                let rest = &html[i + 2..];
                let name_len = rest.bytes().take_while(|c| c.is_ascii_alphabetic()).count();
                if name_len > 0 && rest[name_len..].trim_start().starts_with('=') {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// The conformance schemas but the two biggest, or why the external corpus is not available.
fn conformance_schemas() -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for (name, p) in bridgegen_test_support::conformance_schemas()? {
        // azure-native and kubernetes take minutes (the SDK crates' LanguageDocs rebuild
        // their naming tables on each type_name call): run by tests/docs/bench-site.sh.
        if !name.starts_with("azure-native") && !name.starts_with("kubernetes") {
            out.push(p);
        }
    }
    assert!(out.len() >= 17, "{out:?}");
    Ok(out)
}

#[test]
fn every_conformance_schema_gets_docs_and_a_site() {
    for schema in bridgegen_test_support::require!(conformance_schemas()) {
        let name = schema
            .to_string_lossy()
            .replace("/schema.json", "")
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".json")
            .to_string();
        let (_, pages) = docs_and_site(&schema, &format!("conformance-{name}"));
        eprintln!("{name}: {pages} pages");
    }
}

#[test]
fn hostile_and_adversarial_schemas_render_safely() {
    for s in ["docs-hostile", "adversarial"] {
        let (site, _) = docs_and_site(&root().join(format!("tests/schemas/{s}.json")), s);
        if s == "docs-hostile" {
            let html = std::fs::read_to_string(site.join("hostile/index-2.html")).unwrap();
            let main = main_of(&html);
            // Shown as text, not run; mdBook's {{#include}} is not processed.
            assert!(main.contains("&lt;script&gt;window.__pwned = 'script'&lt;/script&gt;"), "{main}");
            assert!(main.contains("{{#include /etc/passwd}}"));
            assert!(!html.contains("root:x:0:0"));
            // Names collide with reserved page names yet every page exists.
            assert!(site.join("hostile/provider.html").is_file() && site.join("hostile/provider-2.html").is_file());
            assert!(site.join("hostile/my-mod/thing.html").is_file());
        }
    }
}

/// The body of the first `data-lang` block of `lang` after `heading` in a Markdown page.
fn signature(page: &str, heading: &str, lang: &str) -> String {
    let sec = &page[page.find(heading).unwrap_or_else(|| panic!("{heading}"))..];
    let marker = format!("data-lang=\"{lang}\"");
    let block = &sec[sec.find(&marker).unwrap()..];
    let code = &block[block.find("```").unwrap()..];
    let code = &code[code.find('\n').unwrap() + 1..];
    code[..code.find("\n```").unwrap()].to_string()
}

#[test]
fn seed_site_in_headless_chromium() {
    use bridgegen_test_support::{require, skip, tool, work_path};
    let node = require!(tool("node"));
    // tests/setup/docs.sh installs Debian's chromium; browser.mjs launches this path.
    if !Path::new("/usr/bin/chromium").is_file() {
        skip!("/usr/bin/chromium is missing: run tests/setup.sh (tests/setup/docs.sh installs it)");
    }
    require!(work_path("docs/node_modules/playwright-core/package.json"));
    let dir = work("seed-site");
    let site = dir.join("site");
    let hostile = dir.join("hostile");
    bridgegen(&["gen", "docs", "--schema", "tests/schemas/docs-hostile.json", "--out", hostile.to_str().unwrap()]);
    // The committed docs (CI checks them against the generator with `gen --check`).
    bridgegen(&[
        "site",
        "build",
        "--docs",
        "sdks/alicloud/docs",
        "--docs",
        "sdks/kakaocloud/docs",
        "--docs",
        hostile.to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ]);
    let page = std::fs::read_to_string(root().join("sdks/alicloud/docs/ecs/imagesharepermission.md")).unwrap();
    let create = "## Create a ImageSharePermission Resource";
    let python = signature(&page, create, "python");
    let typescript = signature(&page, create, "typescript");
    assert!(
        python.contains("resource_name") && typescript.contains("new ImageSharePermission("),
        "{python}\n{typescript}"
    );
    let expect = serde_json::json!({
        "page": "alicloud/ecs/imagesharepermission.html",
        "title": "ImageSharePermission",
        "search": "share",
        "signatures": { "python": python, "typescript": typescript },
        "anchorPage": "kakaocloud/imagemember.html",
        "anchor": "imagemembertimeouts",
        "hostilePage": "hostile/index-2.html",
    });
    let expect_path = dir.join("expect.json");
    std::fs::write(&expect_path, expect.to_string()).unwrap();
    let artifacts = root().join(".work/docs/artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let shot = artifacts.join("imagesharepermission-python.png");
    let _ = std::fs::remove_file(&shot);
    let out = Command::new(node)
        .arg(root().join("tests/docs/browser.mjs"))
        .arg(&site)
        .arg(&expect_path)
        .arg(&shot)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "browser checks failed:\n{stdout}");
    assert!(stdout.contains("ok: search result opens the page"));
    assert!(stdout.contains("ok: hostile page: no schema script ran"));
    assert!(std::fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false), "no screenshot at {}", shot.display());
}
