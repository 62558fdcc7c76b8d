//! Every generated package (seeds, conformance schemas, the keyword fixture) passes
//! `tsc --noEmit` with `strict: true` against the real `@pulumi/pulumi` from npm. All
//! packages are checked in one tsc run (each keeps its own relative imports). The
//! conformance schemas are external (`BRIDGEGEN_CONFORMANCE`); without them that test skips.

mod support;

use std::path::PathBuf;
use std::process::Command;

use bridgegen_test_support::require;

#[test]
fn repo_packages_typecheck_strict() {
    require!(support::toolchain());
    typecheck_strict("typecheck", support::repo_schemas());
}

#[test]
fn conformance_packages_typecheck_strict() {
    require!(support::toolchain());
    typecheck_strict("typecheck-conformance", require!(support::conformance_schemas()));
}

fn typecheck_strict(name: &str, schemas: Vec<(String, PathBuf)>) {
    let dir = support::fresh_dir(name);
    for (name, schema) in &schemas {
        support::generate(schema, &dir.join(name));
        // The package's own tsconfig asks for strict mode too.
        let own: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(name).join("tsconfig.json")).unwrap()).unwrap();
        assert_eq!(own["compilerOptions"]["strict"], true, "{name}: tsconfig.json must be strict");
    }
    // Library .d.ts files (@pulumi/pulumi, @pulumi/aws, ...) are not ours to check.
    let config = serde_json::json!({
        "compilerOptions": {
            "target": "es2020", "module": "commonjs", "moduleResolution": "node",
            "strict": true, "noEmit": true, "skipLibCheck": true,
            "noFallthroughCasesInSwitch": true, "forceConsistentCasingInFileNames": true,
            "types": ["node"]
        },
        "include": schemas.iter().map(|(n, _)| format!("{n}/**/*.ts")).collect::<Vec<_>>(),
    });
    std::fs::write(dir.join("tsconfig.json"), serde_json::to_string_pretty(&config).unwrap()).unwrap();
    let out = Command::new("node").arg(support::tsc()).arg("-p").arg(dir.join("tsconfig.json")).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "tsc reported errors:\n{text}");
    // Sanity: tsc really saw the files (a bad include would pass vacuously).
    let listed = Command::new("node")
        .arg(support::tsc())
        .args(["--listFilesOnly", "-p"])
        .arg(dir.join("tsconfig.json"))
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    for (name, _) in &schemas {
        assert!(listed.contains(&format!("/{name}/index.ts")), "tsc did not check {name}:\n{listed}");
    }
}
