//! The one fuzz entry point, [`check`]: schema text -> load -> bind -> every generator,
//! all in memory, asserting the pipeline's invariants. `fuzz/` (cargo-fuzz, libFuzzer)
//! and this crate's tests (replaying the committed seeds plus bounded mutations, so
//! regressions fail in CI) call the same function.
//!
//! Invariants (a violation panics, which the fuzzer reports as a crash):
//! - nothing panics or hangs for any input up to [`MAX_INPUT`] bytes;
//! - a schema that does not bind comes back with at least one error, each with a message
//!   and a JSON pointer;
//! - every generator either fails with a message or returns files with safe, unique,
//!   non-colliding relative paths and valid UTF-8 contents;
//! - generating twice gives the same result, byte for byte (`gen --check` relies on it).

pub mod mutate;

use std::collections::BTreeSet;
use std::path::{Component, Path};

use bridgegen_codegen::{GeneratedFile, Generator};
use bridgegen_model::Package;

/// Inputs larger than this are ignored, so each run is bounded (the seeds are smaller).
pub const MAX_INPUT: usize = 128 * 1024;

/// What one input did, for tests that must show the seeds reach the generators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Longer than [`MAX_INPUT`].
    TooLarge,
    /// Not UTF-8 (the CLI rejects it when reading the file).
    NotUtf8,
    /// Rejected by loading or binding, with this many diagnostics.
    Invalid(usize),
    /// Bound; per target, `Ok(file count)` or the generator's error message.
    Generated(Vec<(&'static str, Result<usize, String>)>),
}

/// Every target, as the CLI registers them (`crates/bridgegen-cli/src/targets.rs`), plus
/// the second docs style.
pub fn generators() -> Vec<(&'static str, Box<dyn Generator>)> {
    let docs = |style| bridgegen_docs::DocsGenerator::new(language_docs(), style);
    vec![
        ("nodejs", Box::new(bridgegen_nodejs::NodejsGenerator)),
        ("python", Box::new(bridgegen_python::PythonGenerator)),
        ("go", Box::new(bridgegen_go::GoGenerator)),
        ("dotnet", Box::new(bridgegen_dotnet::DotnetGenerator)),
        ("docs-pulumi", Box::new(docs(bridgegen_docs::Style::Pulumi))),
        ("docs-terraform", Box::new(docs(bridgegen_docs::Style::Terraform))),
    ]
}

fn language_docs() -> Vec<Box<dyn bridgegen_codegen::LanguageDocs>> {
    vec![
        Box::new(bridgegen_nodejs::NodejsDocs),
        Box::new(bridgegen_python::PythonDocs),
        Box::new(bridgegen_go::GoDocs),
        Box::new(bridgegen_dotnet::DotnetDocs),
    ]
}

/// Runs one input of at most [`MAX_INPUT`] bytes through the whole pipeline; panics if an
/// invariant is broken.
pub fn check(data: &[u8]) -> Outcome {
    if data.len() > MAX_INPUT {
        return Outcome::TooLarge;
    }
    check_unbounded(data)
}

/// [`check`] for an input of any size (the big conformance schemas, in local runs).
pub fn check_unbounded(data: &[u8]) -> Outcome {
    let Ok(text) = std::str::from_utf8(data) else {
        return Outcome::NotUtf8;
    };
    let pkg = match bridgegen_model::bind_str(text) {
        Ok((pkg, warnings)) => {
            assert!(warnings.iter().all(|w| !w.is_error()), "an error came back as a warning: {warnings:?}");
            pkg
        }
        Err(diags) => {
            assert!(diags.has_errors(), "binding failed without an error diagnostic: {diags:?}");
            for d in &diags.0 {
                assert!(!d.message.trim().is_empty(), "diagnostic without a message: {d:?}");
                assert!(d.pointer.starts_with('#'), "diagnostic pointer is not a JSON pointer: {d:?}");
            }
            return Outcome::Invalid(diags.0.len());
        }
    };
    Outcome::Generated(generators().iter().map(|(name, g)| (*name, run_generator(name, g.as_ref(), &pkg))).collect())
}

fn run_generator(name: &str, generator: &dyn Generator, pkg: &Package) -> Result<usize, String> {
    let result = generator.generate(pkg);
    let again = generator.generate(pkg);
    match (&result, &again) {
        (Ok(a), Ok(b)) => assert!(a == b, "{name}: two runs generated different files"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}: two runs failed differently"),
        _ => panic!("{name}: one run failed, the other did not: {result:?} / {again:?}"),
    }
    match result {
        Ok(files) => {
            check_files(name, &files);
            Ok(files.len())
        }
        Err(e) => {
            let message = e.to_string();
            assert!(!message.trim().is_empty(), "{name}: generator failed without a message: {e:?}");
            Err(message)
        }
    }
}

/// The files of one target: what `write_output` needs to write them all without a clash.
fn check_files(target: &str, files: &[GeneratedFile]) {
    let mut paths = BTreeSet::new();
    for f in files {
        let p = Path::new(&f.path);
        let safe =
            !f.path.is_empty() && !f.path.contains('\\') && p.components().all(|c| matches!(c, Component::Normal(_)));
        assert!(safe, "{target}: unsafe output path {:?}", f.path);
        assert!(paths.insert(f.path.as_str()), "{target}: two files at {:?}", f.path);
        if let Err(e) = std::str::from_utf8(&f.contents) {
            panic!("{target}: {:?} is not UTF-8: {e}", f.path);
        }
    }
    // A file may not also be a directory of another file (`a` and `a/b`).
    for path in &paths {
        let mut dir = Path::new(path).parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            let d = d.to_str().expect("UTF-8 path");
            assert!(!paths.contains(d), "{target}: {d:?} is both a file and the directory of {path:?}");
            dir = Path::new(d).parent();
        }
    }
}
