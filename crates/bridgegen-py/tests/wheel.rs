//! Builds the `bridgegen` wheel with maturin (debug profile, into `target/`), installs it into a
//! fresh venv and checks it against the CLI binary: the same diagnostics, the same generated
//! bytes for every language on the seed schemas, the same bridged schema; the installed
//! `bridgegen` command works; pyright (strict) accepts a typed example program, which then runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bridgegen_test_support::{repo_path, require, run_ok, skip, tree_snapshot, work_path};

const SEEDS: &[&str] = &["schema/alicloud.json", "schema/kakaocloud.json"];
const LANGUAGES: &[&str] = &["nodejs", "python", "go", "dotnet", "docs"];

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| repo_path("target"))
}

fn crate_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn output(cmd: &mut Command, what: &str) -> Output {
    cmd.output().unwrap_or_else(|e| panic!("{what}: cannot start: {e}"))
}

/// The CLI binary of this workspace (built here: this test may run without the workspace's bins).
fn cli_binary() -> PathBuf {
    run_ok(
        Command::new(env!("CARGO")).args(["build", "-q", "-p", "bridgegen-cli", "--bin", "bridgegen"]),
        "cargo build bridgegen",
    );
    target_dir().join("debug/bridgegen")
}

/// Builds the wheel (debug) into a fresh folder under target/ and returns its path.
fn build_wheel(maturin: &Path, python: &Path) -> PathBuf {
    let out = target_dir().join("bridgegen-py-test/wheels");
    let _ = std::fs::remove_dir_all(&out);
    run_ok(
        Command::new(maturin)
            .args(["build", "--quiet", "--manifest-path"])
            .arg(crate_path("Cargo.toml"))
            .arg("--out")
            .arg(&out)
            .arg("--interpreter")
            .arg(python),
        "maturin build",
    );
    let wheels: Vec<PathBuf> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(wheels.len(), 1, "{wheels:?}");
    let name = wheels[0].file_name().unwrap().to_string_lossy().into_owned();
    // One wheel for every CPython >= 3.9.
    assert!(name.starts_with("bridgegen-") && name.contains("-cp39-abi3-"), "{name}");
    wheels[0].clone()
}

/// Files under `dir` relative to it, with their bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    tree_snapshot(dir).into_iter().map(|(p, b)| (p.strip_prefix(dir).unwrap().to_path_buf(), b)).collect()
}

/// A copy of the alicloud seed with three mistakes, two of them in the same resource.
fn broken_schema(dir: &Path) -> PathBuf {
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo_path("schema/alicloud.json")).unwrap()).unwrap();
    let res = v["resources"].as_object_mut().unwrap().values_mut().next().unwrap();
    res["requiredInputs"].as_array_mut().unwrap().push("nope".into());
    res["properties"].as_object_mut().unwrap().insert("bad".into(), serde_json::json!({"type": "strnig"}));
    v["name"] = serde_json::json!(7);
    let path = dir.join("broken.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    path
}

#[test]
fn the_wheel_matches_the_cli() {
    let maturin = require!(work_path("python/venv/bin/maturin"));
    let work_python = require!(work_path("python/venv/bin/python"));
    let pyright = require!(work_path("python/node_modules/.bin/pyright"));
    if !repo_path("schema/alicloud.json").is_file() {
        skip!("the seed schemas are missing");
    }
    let cli = cli_binary();
    let wheel = build_wheel(&maturin, &work_python);

    let tmp = tempfile::tempdir().unwrap();
    let venv = tmp.path().join("venv");
    run_ok(Command::new(&work_python).args(["-m", "venv"]).arg(&venv), "python -m venv");
    let python = venv.join("bin/python");
    run_ok(
        Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--disable-pip-version-check"])
            .arg(&wheel),
        "pip install the wheel",
    );
    let driver = crate_path("tests/driver.py");

    // check(): the CLI's diagnostics, rendered the same way.
    let broken = broken_schema(tmp.path());
    let cli_out = output(Command::new(&cli).args(["schema", "check", "broken.json"]).current_dir(tmp.path()), "cli");
    assert_eq!(cli_out.status.code(), Some(1));
    let cli_stderr = String::from_utf8(cli_out.stderr).unwrap();
    let py = run_ok(Command::new(&python).arg(&driver).args(["check", "broken.json"]).current_dir(tmp.path()), "check");
    assert!(py.matches("error: ").count() >= 3, "{py}");
    let n = py.matches("error: ").count();
    assert_eq!(cli_stderr, format!("{py}broken.json: {n} errors\n"));
    assert!(broken.is_file());

    // generate() and write(): the CLI's bytes for every language on every seed.
    for seed in SEEDS {
        let schema = repo_path(seed);
        let stem = Path::new(seed).file_stem().unwrap().to_string_lossy().into_owned();
        for lang in LANGUAGES {
            let cli_dir = tmp.path().join(format!("cli/{stem}/{lang}"));
            let mut cmd = Command::new(&cli);
            cmd.args(["-q", "gen"]);
            if *lang == "docs" {
                cmd.arg("docs");
            } else {
                cmd.args(["sdk", "--lang", lang]);
            }
            run_ok(cmd.arg("--schema").arg(&schema).arg("--out").arg(&cli_dir).arg("--no-fsync"), "bridgegen gen");
            let mut expected = files(&cli_dir);
            let py_dir = tmp.path().join(format!("py/{stem}/{lang}"));
            run_ok(Command::new(&python).arg(&driver).arg("generate").arg(&schema).arg(lang).arg(&py_dir), "generate");
            let written_dir = tmp.path().join(format!("write/{stem}/{lang}"));
            run_ok(Command::new(&python).arg(&driver).arg("write").arg(&schema).arg(lang).arg(&written_dir), "write");
            assert!(files(&written_dir) == expected, "{seed} {lang}: write() differs from the CLI's output");
            expected.retain(|(p, _)| p != Path::new(".bridgegen-manifest"));
            let got = files(&py_dir);
            let names = |fs: &[(PathBuf, Vec<u8>)]| fs.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
            assert_eq!(names(&got), names(&expected), "{seed} {lang}");
            assert!(got == expected, "{seed} {lang}: generate() bytes differ from the CLI's");
        }
    }

    // tf_bridge(): the bytes `bridgegen tf bridge` writes.
    let tf_schema = repo_path("tests/fixtures/tf/kakaocloud.tf-schema.json");
    let config = repo_path("tests/fixtures/tf/kakaocloud/bridge.toml");
    let (cli_schema, py_schema) = (tmp.path().join("bridge-cli/s.json"), tmp.path().join("bridge-py/s.json"));
    for p in [&cli_schema, &py_schema] {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    }
    run_ok(
        Command::new(&cli)
            .args(["tf", "bridge", "--tf-schema"])
            .arg(&tf_schema)
            .arg("--config")
            .arg(&config)
            .arg("--out")
            .arg(&cli_schema),
        "bridgegen tf bridge",
    );
    run_ok(Command::new(&python).arg(&driver).arg("bridge").arg(&tf_schema).arg(&config).arg(&py_schema), "tf_bridge");
    assert!(
        files(cli_schema.parent().unwrap()) == files(py_schema.parent().unwrap()),
        "tf_bridge differs from the CLI"
    );

    // The installed command is the CLI: help, exit codes, output.
    let installed = venv.join("bin/bridgegen");
    let help = run_ok(Command::new(&installed).arg("--help"), "bridgegen --help");
    assert!(help.contains("Usage: bridgegen") && help.contains("Getting started"), "{help}");
    let out =
        output(Command::new(&installed).args(["schema", "check", "broken.json"]).current_dir(tmp.path()), "check");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), cli_stderr);
    let out = output(Command::new(&installed).arg("--no-such-flag"), "bad flag");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let sdk = tmp.path().join("installed-sdk");
    run_ok(
        Command::new(&installed)
            .args(["-q", "gen", "sdk", "--lang", "go", "--schema"])
            .arg(repo_path(SEEDS[0]))
            .arg("--out")
            .arg(&sdk)
            .arg("--no-fsync"),
        "installed bridgegen gen sdk",
    );
    assert!(files(&sdk) == files(&tmp.path().join("cli/alicloud/go")), "the installed command's output differs");

    // abi3: the same wheel on the oldest and a newer CPython, where installed (an extra check).
    for other in ["python3.9", "python3.13"] {
        // A pyenv shim is on PATH even where its version is not selected: ask it to run.
        let runs = |p: &PathBuf| Command::new(p).arg("--version").output().is_ok_and(|o| o.status.success());
        let Some(interpreter) = bridgegen_test_support::tool(other).ok().filter(runs) else {
            eprintln!("note: {other} is not on PATH (or does not run); the wheel was not tried with it");
            continue;
        };
        let venv = tmp.path().join(format!("venv-{other}"));
        run_ok(Command::new(&interpreter).args(["-m", "venv"]).arg(&venv), "python -m venv");
        let python = venv.join("bin/python");
        run_ok(
            Command::new(&python)
                .args(["-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--disable-pip-version-check"])
                .arg(&wheel),
            "pip install the wheel",
        );
        let dir = tmp.path().join(format!("{other}/python"));
        run_ok(
            Command::new(&python).arg(&driver).arg("generate").arg(repo_path(SEEDS[1])).arg("python").arg(&dir),
            "generate",
        );
        let mut expected = files(&tmp.path().join("cli/kakaocloud/python"));
        expected.retain(|(p, _)| p != Path::new(".bridgegen-manifest"));
        assert!(files(&dir) == expected, "{other}: generate() differs from the CLI's output");
    }

    // The typed API: pyright (strict) on an example program, then the program itself; and the
    // package's own annotations and stubs are complete.
    // pyright finds the package through the venv, as an editor would.
    let in_venv = |cmd: &mut Command| {
        cmd.env("PATH", with_dir_on_path(&venv.join("bin"))).env("VIRTUAL_ENV", &venv).current_dir(tmp.path());
    };
    let example = crate_path("tests/typed_example.py");
    let mut cmd = Command::new(&pyright);
    in_venv(cmd.arg(&example));
    let checked = output(&mut cmd, "pyright");
    assert!(
        checked.status.success(),
        "pyright:\n{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
    let mut cmd = Command::new(&pyright);
    in_venv(cmd.args(["--verifytypes", "bridgegen", "--ignoreexternal"]));
    let verify = output(&mut cmd, "pyright --verifytypes");
    let report = String::from_utf8_lossy(&verify.stdout);
    assert!(
        verify.status.success() && report.contains("py.typed") && report.contains("Type completeness score: 100%"),
        "pyright --verifytypes bridgegen:\n{report}"
    );
    let seeds: Vec<PathBuf> = SEEDS.iter().map(repo_path).collect();
    let ran = run_ok(Command::new(&python).arg(&example).args(&seeds), "typed_example.py");
    assert!(ran.contains("SchemaError:") && ran.contains("wrote "), "{ran}");
}

/// Builds the sdist and unpacks it: everything the crates embed (`include_str!`/`include_bytes!`,
/// e.g. the templates at the repository root) is in it, and so are the Python package's files.
#[test]
fn the_sdist_holds_everything_a_build_reads() {
    let maturin = require!(work_path("python/venv/bin/maturin"));
    let sdist = build_sdist(&maturin);
    let tmp = tempfile::tempdir().unwrap();
    run_ok(Command::new("tar").arg("xzf").arg(&sdist).arg("-C").arg(tmp.path()), "tar xzf");
    let root = tmp.path().join(sdist.file_name().unwrap().to_string_lossy().trim_end_matches(".tar.gz"));
    for f in ["pyproject.toml", "Cargo.toml", "Cargo.lock", "python/bridgegen/py.typed", "python/bridgegen/_native.pyi"]
    {
        assert!(root.join(f).is_file(), "{f} is missing from the sdist");
    }
    let mut embedded = 0;
    let mut missing = Vec::new();
    for (path, bytes) in files(&root) {
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for mac in ["include_str!(\"", "include_bytes!(\""] {
            for (at, _) in text.match_indices(mac) {
                let rest = &text[at + mac.len()..];
                let rel = &rest[..rest.find('"').unwrap()];
                embedded += 1;
                if !root.join(path.parent().unwrap()).join(rel).is_file() {
                    missing.push(format!("{}: {rel}", path.display()));
                }
            }
        }
    }
    assert!(embedded > 50, "only {embedded} embedded files found: is the template list elsewhere?");
    assert!(missing.is_empty(), "embedded files missing from the sdist:\n{}", missing.join("\n"));
}

/// A full build from the sdist, as `pip install bridgegen-*.tar.gz` does (debug profile, shared
/// target dir), then the CLI from the built wheel.
#[test]
#[ignore = "builds every crate again from the unpacked sdist (minutes, ~1 GB under target/); run with --ignored"]
fn the_sdist_builds_from_source() {
    let maturin = require!(work_path("python/venv/bin/maturin"));
    let work_python = require!(work_path("python/venv/bin/python"));
    let sdist = build_sdist(&maturin);
    let out = target_dir().join("bridgegen-py-test/from-sdist");
    let _ = std::fs::remove_dir_all(&out);
    run_ok(
        Command::new(&work_python)
            .args(["-m", "pip", "wheel", "--quiet", "--no-build-isolation", "--no-deps", "--disable-pip-version-check"])
            .arg("-w")
            .arg(&out)
            .arg(&sdist)
            .env("CARGO_TARGET_DIR", target_dir())
            .env("MATURIN_PEP517_ARGS", "--profile dev")
            // The build backend runs `maturin` from PATH.
            .env("PATH", with_dir_on_path(maturin.parent().unwrap())),
        "pip wheel from the sdist",
    );
    let wheels: Vec<PathBuf> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(wheels.len(), 1, "{wheels:?}");
    let tmp = tempfile::tempdir().unwrap();
    let venv = tmp.path().join("venv");
    run_ok(Command::new(&work_python).args(["-m", "venv"]).arg(&venv), "python -m venv");
    run_ok(
        Command::new(venv.join("bin/python"))
            .args(["-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--disable-pip-version-check"])
            .arg(&wheels[0]),
        "pip install",
    );
    let checked = run_ok(
        Command::new(venv.join("bin/python"))
            .args(["-c", "import bridgegen, sys; print(bridgegen.check(sys.argv[1]))"])
            .arg(repo_path(SEEDS[0])),
        "check from the sdist-built wheel",
    );
    assert_eq!(checked.trim(), "[]");
}

/// PATH with `dir` first.
fn with_dir_on_path(dir: &Path) -> std::ffi::OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![dir.to_path_buf()];
    dirs.extend(std::env::split_paths(&path));
    std::env::join_paths(dirs).unwrap()
}

fn build_sdist(maturin: &Path) -> PathBuf {
    let out = target_dir().join("bridgegen-py-test/sdist");
    let _ = std::fs::remove_dir_all(&out);
    run_ok(
        Command::new(maturin).args(["sdist", "--manifest-path"]).arg(crate_path("Cargo.toml")).arg("--out").arg(&out),
        "maturin sdist",
    );
    let found: Vec<PathBuf> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].clone()
}
