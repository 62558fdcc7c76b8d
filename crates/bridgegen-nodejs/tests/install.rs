//! Installing a generated SDK from its folder builds it: `scripts/postinstall.js` (run by npm
//! for `npm install <folder>`) compiles the TypeScript sources into `bin/`, and does nothing
//! for a published package (no `tsconfig.json`). The full `npm install <folder>` from a project
//! elsewhere, with the real Pulumi engine, is proven by `tests/e2e`.

mod support;

use std::process::Command;

#[test]
fn postinstall_builds_a_source_folder() {
    let root = support::repo_root();
    // Under .work/nodejs: typescript and @pulumi/pulumi resolve by walking up, as they do when
    // the SDK folder sits inside the installing project, so nothing is downloaded.
    let sdk = support::fresh_dir("postinstall").join("alicloud");
    support::generate(&root.join("schema/alicloud.json"), &sdk);
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sdk.join("package.json")).unwrap()).unwrap();
    assert_eq!(package["scripts"]["postinstall"], "node scripts/postinstall.js");
    // npm installs no devDependencies of a folder dependency: the compiler must be a dependency.
    assert!(package["dependencies"]["typescript"].is_string(), "{package}");
    assert!(package["files"].as_array().unwrap().iter().any(|f| f == "scripts/"), "{package}");
    let gitignore = std::fs::read_to_string(sdk.join(".gitignore")).unwrap();
    assert!(gitignore.lines().any(|l| l == "bin/") && gitignore.lines().any(|l| l == "node_modules/"));

    support::run(Command::new("node").arg("scripts/postinstall.js").current_dir(&sdk));
    for built in ["bin/index.js", "bin/index.d.ts", "bin/ecs/imageSharePermission.js"] {
        assert!(sdk.join(built).is_file(), "{built} was not built");
    }
    // Everything resolved from above: no private copy of the dependencies.
    assert!(!sdk.join("node_modules").exists());
    let loaded = support::run(
        Command::new("node")
            .args(["-e", "const a = require('./bin'); console.log(typeof a.ecs.ImageSharePermission)"])
            .current_dir(&sdk),
    );
    assert_eq!(loaded.trim(), "function");
}

#[test]
fn postinstall_does_nothing_for_a_published_package() {
    let dir = support::fresh_dir("postinstall-published");
    std::fs::create_dir_all(dir.join("scripts")).unwrap();
    std::fs::write(dir.join("scripts/postinstall.js"), bridgegen_nodejs::POSTINSTALL).unwrap();
    std::fs::write(dir.join("package.json"), r#"{ "name": "x", "dependencies": { "no-such-package-xyz": "1" } }"#)
        .unwrap();
    support::run(Command::new("node").arg("scripts/postinstall.js").current_dir(&dir));
    assert!(!dir.join("bin").exists() && !dir.join("node_modules").exists());
}
