//! The exit code of each failure class, for every command that reads a schema or writes
//! output (README "Exit codes"): 0 ok, 1 invalid schema or drift, 2 usage, 3 I/O or
//! generation failure. Each message names the file it is about.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    bridgegen_test_support::repo_root()
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bridgegen"))
        .args(args)
        .current_dir(dir)
        .env("BRIDGEGEN_NO_FSYNC", "1")
        .output()
        .expect("bridgegen runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[track_caller]
fn expect(o: &Output, code: i32, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr:\n{err}");
    assert!(err.contains(needle), "expected `{needle}` in stderr:\n{err}");
}

/// A scratch folder with an invalid schema, an empty file, a non-UTF-8 file and a folder.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(
            p.join("invalid.json"),
            r#"{"name": "x", "resources": {"x:index:R": {"properties": {"p": {"type": "array"}}}}}"#,
        )
        .unwrap();
        std::fs::write(p.join("empty.json"), "").unwrap();
        std::fs::write(p.join("latin1.json"), b"{\"name\": \"caf\xe9\"}").unwrap();
        std::fs::create_dir(p.join("folder.json")).unwrap();
        std::fs::copy(repo_root().join("schema/alicloud.json"), p.join("ok.json")).unwrap();
        Fixture { dir }
    }

    fn path(&self, rel: &str) -> String {
        self.dir.path().join(rel).to_string_lossy().into_owned()
    }

    fn run(&self, args: &[&str]) -> Output {
        run_in(self.dir.path(), args)
    }
}

#[test]
fn schema_check_exit_codes() {
    let f = Fixture::new();
    expect(&f.run(&["schema", "check", &f.path("ok.json")]), 0, "ok: ");
    expect(&f.run(&["schema", "check", &f.path("invalid.json")]), 1, "array type has no `items`");
    expect(&f.run(&["schema", "check"]), 2, "Usage:");
    let missing = f.run(&["schema", "check", &f.path("missing.json")]);
    expect(&missing, 3, &format!("cannot read schema file {}", f.path("missing.json")));
    let err = stderr(&missing);
    assert_eq!(err.matches("No such file or directory").count(), 1, "said once:\n{err}");
    expect(
        &f.run(&["schema", "check", &f.path("folder.json")]),
        3,
        &format!("cannot read schema file {}", f.path("folder.json")),
    );
    // An unreadable file outranks an invalid one; both are reported.
    let both = f.run(&["schema", "check", &f.path("invalid.json"), &f.path("missing.json")]);
    expect(&both, 3, "array type has no `items`");
    assert!(stderr(&both).contains("missing.json"));
}

#[test]
fn syntax_errors_give_a_1_based_position_and_no_stray_pointer() {
    let f = Fixture::new();
    std::fs::write(f.dir.path().join("bad.json"), "{\n  \"name\": \"x\"\n  \"version\": \"1\"\n}").unwrap();
    let out = f.run(&["schema", "check", &f.path("bad.json")]);
    expect(&out, 1, &format!("--> {}:3:3\n", f.path("bad.json")));
    let out = f.run(&["schema", "check", &f.path("empty.json")]);
    expect(&out, 1, &format!("--> {}:1:1\n", f.path("empty.json")));
    assert!(stderr(&out).contains("the file is empty"), "{}", stderr(&out));
    let out = f.run(&["schema", "check", &f.path("latin1.json")]);
    expect(&out, 1, &format!("--> {}:1:14\n", f.path("latin1.json")));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
}

#[test]
fn gen_sdk_exit_codes() {
    let f = Fixture::new();
    let sdk = |schema: &str, out: &str| {
        f.run(&["gen", "sdk", "--lang", "go", "--schema", &f.path(schema), "--out", &f.path(out)])
    };
    expect(&sdk("ok.json", "go"), 0, "written");
    expect(&sdk("invalid.json", "go2"), 1, "array type has no `items`");
    assert!(!f.dir.path().join("go2").exists());
    expect(&f.run(&["gen", "sdk", "--lang", "go", "--schema", &f.path("ok.json")]), 2, "--out");
    expect(&sdk("missing.json", "go3"), 3, &format!("cannot read schema file {}", f.path("missing.json")));
    expect(&sdk("folder.json", "go3"), 3, "Is a directory");
    assert!(!f.dir.path().join("go3").exists());
    // Output in the way: a file where the output folder must be.
    std::fs::write(f.dir.path().join("blocked"), "").unwrap();
    expect(
        &sdk("ok.json", "blocked"),
        3,
        &format!("cannot create directory {}: a file is in the way", f.path("blocked")),
    );
}

#[test]
fn gen_docs_exit_codes() {
    let f = Fixture::new();
    let docs = |schema: &str, out: &str| f.run(&["gen", "docs", "--schema", &f.path(schema), "--out", &f.path(out)]);
    expect(&docs("ok.json", "docs"), 0, "written");
    expect(&docs("invalid.json", "d2"), 1, "array type has no `items`");
    expect(
        &f.run(&["gen", "docs", "--schema", &f.path("ok.json"), "--out", "x", "--style", "sphinx"]),
        2,
        "invalid value 'sphinx'",
    );
    expect(&docs("missing.json", "d3"), 3, "cannot read schema file");
    expect(&docs("folder.json", "d3"), 3, "cannot read schema file");
    std::fs::create_dir_all(f.dir.path().join("d4/index.md")).unwrap();
    expect(&docs("ok.json", "d4"), 3, &format!("cannot write {}: a directory is in the way", f.path("d4/index.md")));
}

#[test]
fn gen_project_exit_codes() {
    let f = Fixture::new();
    let project = |name: &str, schema: &str, targets: &str| {
        std::fs::write(
            f.dir.path().join(name),
            format!("[[package]]\nschema = \"{schema}\"\nout = \"out\"\ntargets = [{targets}]\n"),
        )
        .unwrap();
    };
    project("bridgegen.toml", "ok.json", r#""nodejs", "go""#);
    expect(&f.run(&["gen"]), 0, "done: 2 targets");
    expect(&f.run(&["gen", "--check"]), 0, "up to date");
    std::fs::write(f.dir.path().join("out/go/extra.go"), "").unwrap();
    std::fs::write(f.dir.path().join("out/go/.bridgegen-manifest"), "extra.go\n").unwrap();
    expect(&f.run(&["gen", "--check"]), 1, "drift: ");
    project("invalid.toml", "invalid.json", r#""nodejs""#);
    expect(&f.run(&["gen", "--project", "invalid.toml"]), 1, "array type has no `items`");
    expect(&f.run(&["gen", "--bogus"]), 2, "--bogus");
    project("missing.toml", "missing.json", r#""nodejs""#);
    expect(&f.run(&["gen", "--project", "missing.toml"]), 3, "cannot read schema file");
    project("cobol.toml", "ok.json", r#""cobol""#);
    expect(&f.run(&["gen", "--project", "cobol.toml"]), 3, "unknown target `cobol`");
}

#[test]
fn gen_outside_a_project_says_how_to_name_the_project_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["gen"]);
    expect(&out, 3, "cannot read project file bridgegen.toml");
    let err = stderr(&out);
    assert!(err.contains("--project FILE") && err.contains("bridgegen.toml in the current directory"), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
}

#[test]
fn site_build_exit_codes() {
    let f = Fixture::new();
    expect(&f.run(&["gen", "docs", "--schema", &f.path("ok.json"), "--out", &f.path("docs")]), 0, "written");
    let site = |docs: &[&str], out: &str| {
        let mut args = vec!["site", "build", "--out", out];
        for d in docs {
            args.extend(["--docs", d]);
        }
        f.run(&args)
    };
    let docs = f.path("docs");
    expect(&site(&[&docs], &f.path("site")), 0, "site: ");
    assert!(f.dir.path().join("site/index.html").is_file());
    // Rebuilding replaces the previous site.
    expect(&site(&[&docs], &f.path("site")), 0, "site: ");
    expect(&site(&[&docs, &format!("{docs}/")], &f.path("site2")), 2, "given twice");
    std::fs::create_dir(f.dir.path().join("notdocs")).unwrap();
    std::fs::write(f.dir.path().join("notdocs/readme.md"), "# hi").unwrap();
    expect(
        &site(&[&f.path("notdocs")], &f.path("site2")),
        2,
        &format!("--docs {}: not bridgegen docs output", f.path("notdocs")),
    );
    expect(&site(&[&f.path("ok.json")], &f.path("site2")), 2, "not a folder");
    // A non-empty folder that is not a site is never replaced.
    expect(&site(&[&docs], &f.path("notdocs")), 2, "is not a site bridgegen built");
    assert!(f.dir.path().join("notdocs/readme.md").is_file());
    expect(&f.run(&["site", "build", "--docs", &docs]), 2, "--out");
    expect(&site(&[&f.path("nope")], &f.path("site2")), 3, &format!("cannot read docs folder {}", f.path("nope")));
    assert!(!f.dir.path().join("site2").exists());
}

/// Unknown and unsupported language options are warnings with their JSON pointer: printed by
/// `schema check` and `gen`, the exit code stays 0 and the SDK is written.
#[test]
fn language_option_warnings_keep_exit_code_zero() {
    let f = Fixture::new();
    std::fs::write(
        f.dir.path().join("opts.json"),
        r#"{"name": "x", "version": "1.0.0", "language": {"nodejs": {"fooBar": true}, "go": {"generics": "only"}},
            "resources": {"x:index:R": {"properties": {"a": {"type": "string"}}}}}"#,
    )
    .unwrap();
    let unknown = format!(
        "warning: unknown nodejs language option `fooBar`; Pulumi's nodejs generator does not define it, it is ignored\n  --> {} #/language/nodejs/fooBar",
        f.path("opts.json")
    );
    let check = f.run(&["schema", "check", &f.path("opts.json")]);
    expect(&check, 0, &unknown);
    expect(&check, 0, "#/language/go/generics");
    let gen = f.run(&["gen", "sdk", "--lang", "nodejs", "--schema", &f.path("opts.json"), "--out", &f.path("ts")]);
    expect(&gen, 0, &unknown);
    assert!(f.dir.path().join("ts/package.json").exists());
}

/// `gen sdk --lang dotnet --external-schema FILE` names the referenced package's classes with
/// that schema's `csharp` options; other languages refuse the flag (usage error, exit 2).
#[test]
fn external_schemas_name_referenced_classes_in_dotnet() {
    let f = Fixture::new();
    let write = |name: &str, text: &str| std::fs::write(f.dir.path().join(name), text).unwrap();
    write(
        "other.json",
        r#"{"name": "other", "version": "0.1.0", "language": {"csharp": {"rootNamespace": "ThirdParty"}},
            "types": {"other:index:Config": {"type": "object", "properties": {"x": {"type": "string"}}}}}"#,
    );
    write(
        "main.json",
        r#"{"name": "main", "version": "1.0.0", "resources": {"main:index:R": {
            "properties": {"c": {"$ref": "/other/v0.1.0/schema.json#/types/other:index:Config"}}}}}"#,
    );
    let (main, other) = (f.path("main.json"), f.path("other.json"));
    let gen = |lang: &str, out: &str, extra: &[&str]| {
        let mut args = vec!["gen", "sdk", "--lang", lang, "--schema", main.as_str(), "--out", out];
        args.extend_from_slice(extra);
        f.run(&args)
    };
    let cs = f.path("cs");
    expect(&gen("dotnet", &cs, &["--external-schema", &other]), 0, "");
    let r = std::fs::read_to_string(f.dir.path().join("cs/R.cs")).unwrap();
    assert!(r.contains("Output<global::ThirdParty.Other.Outputs.Config?> C"), "{r}");
    // Without it, Pulumi's default root namespace.
    expect(&gen("dotnet", &cs, &[]), 0, "");
    let r = std::fs::read_to_string(f.dir.path().join("cs/R.cs")).unwrap();
    assert!(r.contains("Output<global::Pulumi.Other.Outputs.Config?> C"), "{r}");
    expect(&gen("go", &f.path("go"), &["--external-schema", &other]), 2, "--lang dotnet");
    // A project package's `external-schemas` (relative to the project file) do the same.
    write(
        "ext.toml",
        r#"[[package]]
schema = "main.json"
out = "proj"
targets = ["dotnet", "go"]
external-schemas = ["other.json"]
"#,
    );
    expect(&f.run(&["gen", "--project", &f.path("ext.toml")]), 0, "");
    let r = std::fs::read_to_string(f.dir.path().join("proj/dotnet/R.cs")).unwrap();
    assert!(r.contains("Output<global::ThirdParty.Other.Outputs.Config?> C"), "{r}");
}
