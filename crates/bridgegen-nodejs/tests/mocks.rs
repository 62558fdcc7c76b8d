//! The seed SDKs installed the way a user would (`npm run build`, `npm pack`, then
//! `npm install` of the tarballs into a fresh project) and driven by a TypeScript
//! program under `pulumi.runtime.setMocks` (tests/nodejs/mocks/index.ts). The keyword
//! fixture's SDK is installed beside them and driven by tests/nodejs/mocks/keywords.ts, and
//! the methods fixture's (tests/schemas/methods.json) by tests/nodejs/mocks/methods.ts.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds the generated package in `dir` and packs it; returns the tarball path.
fn build_and_pack(dir: &Path) -> PathBuf {
    support::run(
        Command::new("node").arg(support::tsc()).arg("-p").arg(dir.join("tsconfig.json")).arg("--skipLibCheck"),
    );
    let out = support::run(Command::new("npm").args(["pack", "--silent"]).current_dir(dir));
    let name = out.lines().rev().find(|l| l.trim().ends_with(".tgz")).expect("npm pack names the tarball").trim();
    dir.join(name)
}

#[test]
fn seed_sdks_run_under_pulumi_mocks() {
    bridgegen_test_support::require!(support::toolchain());
    let root = support::repo_root();
    let base = support::fresh_dir("mocks");
    let mut tarballs = Vec::new();
    for (name, schema) in [
        ("alicloud", "schema/alicloud.json"),
        ("kakaocloud", "schema/kakaocloud.json"),
        ("keywords", "tests/schemas/keywords-nodejs.json"),
        ("methods", "tests/schemas/methods.json"),
    ] {
        let dir = base.join(name);
        support::generate(&root.join(schema), &dir);
        tarballs.push(build_and_pack(&dir));
    }
    // The user's project lives outside .work/nodejs so nothing leaks in from the shared
    // node_modules: everything it uses comes from its own `npm install`.
    let project = tempfile::tempdir().unwrap();
    let p = project.path();
    std::fs::write(p.join("package.json"), r#"{ "name": "mocks-program", "private": true, "main": "bin/index.js" }"#)
        .unwrap();
    let mut install = Command::new("npm");
    install
        .args(["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"])
        .args(tarballs.iter().map(|t| t.to_string_lossy().into_owned()))
        .arg(format!("@pulumi/pulumi@{}", support::PULUMI_VERSION))
        .arg(format!("typescript@{}", support::TYPESCRIPT_VERSION))
        .arg(format!("@types/node@{}", support::TYPES_NODE_VERSION))
        .current_dir(p);
    support::run(&mut install);
    assert!(p.join("node_modules/@pulumi/alicloud/bin/index.d.ts").exists());
    assert!(p.join("node_modules/@bridgegen/kakaocloud/bin/index.js").exists());

    std::fs::copy(root.join("tests/nodejs/mocks/index.ts"), p.join("index.ts")).unwrap();
    std::fs::copy(root.join("tests/nodejs/mocks/keywords.ts"), p.join("keywords.ts")).unwrap();
    std::fs::copy(root.join("tests/nodejs/mocks/methods.ts"), p.join("methods.ts")).unwrap();
    std::fs::write(
        p.join("tsconfig.json"),
        r#"{ "compilerOptions": { "target": "es2020", "module": "commonjs", "moduleResolution": "node",
             "strict": true, "outDir": "bin", "skipLibCheck": true, "types": ["node"] },
             "files": ["index.ts", "keywords.ts", "methods.ts"] }"#,
    )
    .unwrap();
    support::run(
        Command::new("node").arg("node_modules/typescript/bin/tsc").arg("-p").arg("tsconfig.json").current_dir(p),
    );
    let out = support::run(Command::new("node").arg("bin/index.js").current_dir(p));
    assert!(out.contains("mocks: all assertions passed"), "{out}");
    let out = support::run(Command::new("node").arg("bin/keywords.js").current_dir(p));
    assert!(out.contains("keywords: all assertions passed"), "{out}");
    let out = support::run(Command::new("node").arg("bin/methods.js").current_dir(p));
    assert!(out.contains("methods: all assertions passed"), "{out}");
}
