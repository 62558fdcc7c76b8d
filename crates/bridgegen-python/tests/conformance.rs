//! Every seed, fixture and conformance schema without unresolved external references: the
//! generated package compiles, installs with pip into a fresh venv, imports (every
//! submodule), type-checks with pyright, and generation is deterministic.
//!
//! The two large schemas (azure-native, kubernetes) are compiled, installed and imported
//! here too; type-checking them takes minutes, so that part is the ignored test
//! `large_schemas_typecheck` (run with `cargo test -p bridgegen-python -- --ignored`).
//! The conformance schemas are external (`BRIDGEGEN_CONFORMANCE`): without them those tests
//! skip; so do all of them without the toolchain of `tests/setup/python.sh`.

mod common;

use std::path::PathBuf;

use bridgegen_test_support::require;
use common::*;

fn check(schemas: Vec<(PathBuf, String)>, typecheck: bool) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut skipped = Vec::new();
    for (schema, label) in schemas {
        let pkg = load(&schema);
        if pkg.has_external_refs() {
            skipped.push(label);
            continue;
        }
        let out = tmp.path().join(&label);
        let first = generate_into(&pkg, &out);
        let second = bridgegen_python::generate(&pkg).expect("second generation");
        assert_eq!(first, second, "{label}: generating twice gave different output");
        names.push(import_name(&out));
        dirs.push(out);
    }
    eprintln!("checked {} packages; skipped for external refs: {skipped:?}", dirs.len());
    assert!(!dirs.is_empty());
    compile_all(&dirs);
    let venv = fresh_venv(&tmp.path().join("venv"));
    // Distinct schemas may share an import name (`pulumi_example`): install in batches
    // of unique names, import each batch before the next replaces it.
    let mut batches: Vec<Vec<usize>> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        match batches.iter_mut().find(|b| !b.iter().any(|&j| &names[j] == n)) {
            Some(b) => b.push(i),
            None => batches.push(vec![i]),
        }
    }
    for b in &batches {
        let ds: Vec<PathBuf> = b.iter().map(|&i| dirs[i].clone()).collect();
        let ns: Vec<String> = b.iter().map(|&i| names[i].clone()).collect();
        pip_install(&venv, &ds);
        import_all(&venv, &ns);
    }
    if typecheck {
        // pyright resolves each package from its own source directory.
        for b in &batches {
            let ds: Vec<PathBuf> = b.iter().map(|&i| dirs[i].clone()).collect();
            let summary = pyright_check(&ds, &python());
            eprintln!("pyright: {summary}");
        }
    }
}

#[test]
fn repo_schemas_compile_install_import_typecheck() {
    require!(toolchain());
    check(repo_schemas(), true);
}

#[test]
fn small_conformance_schemas_compile_install_import_typecheck() {
    require!(toolchain());
    check(require!(conformance_schemas(false)), true);
}

#[test]
fn large_schemas_compile_install_import() {
    require!(toolchain());
    check(require!(conformance_schemas(true)), false);
}

#[test]
#[ignore = "type-checking azure-native and kubernetes takes minutes; run with --ignored"]
fn large_schemas_typecheck() {
    require!(toolchain());
    check(require!(conformance_schemas(true)), true);
}
