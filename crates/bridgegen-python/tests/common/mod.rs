//! Shared helpers for the Python integration tests: the toolchain installed by
//! `tests/setup/python.sh`, schema loading, generation, fresh venvs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo_root() -> PathBuf {
    bridgegen_test_support::repo_root()
}

pub fn work_dir() -> PathBuf {
    repo_root().join(".work/python")
}

/// The toolchain of `tests/setup/python.sh` (the venv, pyright and node), or why
/// it is not there; tests that need it start with `require!(common::toolchain())`.
pub fn toolchain() -> Result<(), String> {
    bridgegen_test_support::work_path("python/venv/bin/python")?;
    bridgegen_test_support::work_path("python/node_modules/.bin/pyright")?;
    bridgegen_test_support::tool("node")?;
    Ok(())
}

/// The base venv's python (checked by [`toolchain`]).
pub fn python() -> PathBuf {
    let p = work_dir().join("venv/bin/python");
    assert!(p.exists(), "{} is missing: run tests/setup.sh (or tests/setup/python.sh) first", p.display());
    p
}

pub fn pyright() -> PathBuf {
    let p = work_dir().join("node_modules/.bin/pyright");
    assert!(p.exists(), "{} is missing: run tests/setup.sh (or tests/setup/python.sh) first", p.display());
    p
}

pub fn load(path: &Path) -> bridgegen_model::Package {
    let (pkg, _warnings) =
        bridgegen_model::load_package(path).unwrap_or_else(|e| panic!("{}: bind failed: {e:?}", path.display()));
    pkg
}

/// Generates `pkg` into `out` and returns the files.
pub fn generate_into(pkg: &bridgegen_model::Package, out: &Path) -> Vec<bridgegen_codegen::GeneratedFile> {
    let files = bridgegen_python::generate(pkg).unwrap_or_else(|e| panic!("{}: generation failed: {e}", pkg.name));
    bridgegen_codegen::write_output(out, &files).expect("write output");
    files
}

/// Runs a command, panicking with its output when it fails. Returns stdout.
pub fn run(cmd: &mut Command, what: &str) -> String {
    bridgegen_test_support::run_ok(cmd, what)
}

/// A fresh venv in `dir` that sees the base venv's packages (pulumi, setuptools) through
/// a `.pth` file, so installing generated packages needs no network.
pub fn fresh_venv(dir: &Path) -> PathBuf {
    let base = python();
    run(Command::new(&base).args(["-m", "venv", "--without-pip"]).arg(dir), "python -m venv");
    let py = dir.join("bin/python");
    let purelib = |p: &Path| {
        run(Command::new(p).args(["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]), "sysconfig")
            .trim()
            .to_string()
    };
    let base_site = purelib(&base);
    let new_site = purelib(&py);
    std::fs::write(Path::new(&new_site).join("_bridgegen_base.pth"), format!("{base_site}\n")).expect("pth");
    py
}

/// `pip install` the package directories into the venv of `py` (no network, no deps).
pub fn pip_install(py: &Path, dirs: &[PathBuf]) {
    let mut cmd = Command::new(python());
    cmd.args(["-m", "pip", "--python"]).arg(py).args([
        "install",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "--disable-pip-version-check",
    ]);
    cmd.args(dirs);
    run(&mut cmd, "pip install");
}

/// The import name of a generated package: the directory holding `pulumi-plugin.json`.
pub fn import_name(dir: &Path) -> String {
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        if e.path().join("pulumi-plugin.json").exists() {
            return e.file_name().to_string_lossy().to_string();
        }
    }
    panic!("no package in {}", dir.display())
}

/// Imports the package and every submodule (walks the installed tree), in one process.
pub fn import_all(py: &Path, names: &[String]) {
    let script = r#"
import importlib, pkgutil, sys
for name in sys.argv[1:]:
    pkg = importlib.import_module(name)
    for info in pkgutil.walk_packages(pkg.__path__, name + "."):
        importlib.import_module(info.name)
print("imported", len(sys.argv) - 1)
"#;
    let mut cmd = Command::new(py);
    cmd.args(["-c", script]).args(names);
    run(&mut cmd, "import generated packages");
}

/// `python -m compileall` over the directories (every file must compile).
pub fn compile_all(dirs: &[PathBuf]) {
    let mut cmd = Command::new(python());
    cmd.args(["-m", "compileall", "-q"]).args(dirs);
    let out = run(&mut cmd, "compileall");
    assert!(!out.contains("Error"), "compileall reported errors:\n{out}");
}

/// pyright over the directories; panics listing the errors. Returns the summary line.
pub fn pyright_check(dirs: &[PathBuf], venv_python: &Path) -> String {
    let mut cmd = Command::new(pyright());
    cmd.arg("--pythonpath").arg(venv_python);
    // Only the package itself (pip may leave a `build/` copy beside it).
    for d in dirs {
        cmd.arg(d.join(import_name(d)));
    }
    let out = cmd.output().expect("run pyright");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let errors: Vec<&str> = stdout.lines().filter(|l| l.contains(" - error:")).collect();
    assert!(
        out.status.success() && errors.is_empty(),
        "pyright found errors:\n{}\n{}",
        errors.join("\n"),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout.lines().last().unwrap_or("").to_string()
}

/// The repository's schemas (seeds and the keyword fixture) as (path, label).
pub fn repo_schemas() -> Vec<(PathBuf, String)> {
    let root = repo_root();
    let mut out: Vec<(PathBuf, String)> = Vec::new();
    for s in ["alicloud", "kakaocloud"] {
        out.push((root.join(format!("schema/{s}.json")), format!("seed-{s}")));
    }
    out.push((root.join("tests/schemas/keywords-python.json"), "keywords-python".into()));
    out.push((root.join("tests/schemas/methods.json"), "methods".into()));
    out.push((root.join("tests/schemas/input-classes.json"), "input-classes".into()));
    out.push((root.join("tests/schemas/resource-refs.json"), "resource-refs".into()));
    out
}

/// Conformance schemas (path, label), or why the external corpus is not available;
/// `large` selects the two big ones (azure-native, kubernetes) or everything else.
pub fn conformance_schemas(large: bool) -> Result<Vec<(PathBuf, String)>, String> {
    let mut out = Vec::new();
    for (name, path) in bridgegen_test_support::conformance_schemas()? {
        let kind = if path.ends_with("schema.json") { "codegen" } else { "schemas" };
        let label = format!("{kind}-{name}");
        let is_large = label.contains("azure-native") || label.contains("kubernetes");
        if is_large == large {
            out.push((path, label));
        }
    }
    Ok(out)
}
