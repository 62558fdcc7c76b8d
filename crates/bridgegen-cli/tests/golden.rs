//! Golden snapshots of every target's output on every conformance schema: for each schema and
//! target, `tests/golden/<schema>/<target>.txt` lists every generated file with a 64-bit FNV-1a
//! hash of its bytes. Any change to any generated file fails here, naming the files, so an
//! output change is always a reviewed diff of these manifests (beside the compile, install
//! and type checks of the same output elsewhere). The committed seed SDKs under `sdks/` are
//! the full-text goldens of the two seed schemas (`bridgegen gen --check`).
//!
//! After an intended change: `BRIDGEGEN_BLESS=1 cargo test -p bridgegen-cli --test golden`,
//! then review `git diff tests/golden`. Without the external corpus the test is skipped.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use bridgegen_cli::docs_cmd::{self, DocsStyle};
use bridgegen_cli::targets;
use bridgegen_codegen::{GeneratedFile, Generator};
use bridgegen_test_support::{conformance_schemas, repo_root, require};

/// Targets snapshotted: every SDK language, and the docs in both styles.
fn generators() -> Vec<(&'static str, Box<dyn Generator>)> {
    let mut out: Vec<(&'static str, Box<dyn Generator>)> = ["nodejs", "python", "go", "dotnet"]
        .into_iter()
        .map(|t| (t, targets::generator(t).expect("registered target")))
        .collect();
    out.push(("docs", Box::new(docs_cmd::generator(DocsStyle::Pulumi))));
    out.push(("docs-terraform", Box::new(docs_cmd::generator(DocsStyle::Terraform))));
    out
}

/// FNV-1a, 64 bits: a stable fingerprint of a file's bytes (change detection, not security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

fn manifest(files: &[GeneratedFile]) -> String {
    let mut sorted: Vec<&GeneratedFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = String::new();
    for f in sorted {
        let _ = writeln!(out, "{:016x}  {}", fnv1a(&f.contents), f.path);
    }
    out
}

fn parse(text: &str) -> BTreeMap<&str, &str> {
    text.lines().filter_map(|l| l.split_once("  ")).map(|(h, p)| (p, h)).collect()
}

/// What differs between the committed manifest and the new one, by path.
fn differences(old: &str, new: &str) -> Vec<String> {
    let (old, new) = (parse(old), parse(new));
    let mut out = Vec::new();
    for (path, hash) in &new {
        match old.get(path) {
            None => out.push(format!("added {path}")),
            Some(h) if h != hash => out.push(format!("changed {path}")),
            Some(_) => {}
        }
    }
    out.extend(old.keys().filter(|p| !new.contains_key(*p)).map(|p| format!("removed {p}")));
    out
}

fn golden_path(schema: &str, target: &str) -> PathBuf {
    repo_root().join("tests/golden").join(schema).join(format!("{target}.txt"))
}

fn check(schema: &str, path: &Path, bless: bool, failures: &mut Vec<String>) {
    let (pkg, _) = bridgegen_model::load_package(path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    for (target, generator) in generators() {
        let text = match generator.generate(&pkg) {
            Ok(files) => manifest(&files),
            Err(e) => format!("error: {e}\n"),
        };
        let golden = golden_path(schema, target);
        if bless {
            std::fs::create_dir_all(golden.parent().expect("parent")).expect("create tests/golden");
            std::fs::write(&golden, &text).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
            continue;
        }
        let old = std::fs::read_to_string(&golden).unwrap_or_default();
        if old != text {
            let mut diffs = differences(&old, &text);
            if diffs.is_empty() {
                diffs.push("the manifest's text differs (missing or hand-edited): bless it again".into());
            }
            let shown: Vec<&str> = diffs.iter().take(15).map(String::as_str).collect();
            let more = diffs.len().saturating_sub(shown.len());
            failures.push(format!(
                "{schema} {target}: {} file(s) differ from {}:\n      {}{}",
                diffs.len(),
                golden.strip_prefix(repo_root()).unwrap_or(&golden).display(),
                shown.join("\n      "),
                if more > 0 { format!("\n      ... and {more} more") } else { String::new() }
            ));
        }
    }
}

#[test]
fn every_target_matches_its_golden_manifest_on_the_corpus() {
    let schemas = require!(conformance_schemas());
    let bless = std::env::var_os("BRIDGEGEN_BLESS").is_some();
    let mut failures = Vec::new();
    for (name, path) in &schemas {
        check(name, path, bless, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "generated output changed (if intended: BRIDGEGEN_BLESS=1 cargo test -p bridgegen-cli --test golden, \
         then review git diff tests/golden):\n  {}",
        failures.join("\n  ")
    );
}

#[test]
fn a_changed_file_is_named() {
    let a = "0000000000000001  a.ts\n0000000000000002  b.ts\n";
    let b = "0000000000000001  a.ts\n0000000000000003  b.ts\n0000000000000004  c.ts\n";
    assert_eq!(differences(a, b), ["changed b.ts", "added c.ts"]);
    assert_eq!(differences(b, a), ["changed b.ts", "removed c.ts"]);
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
}
