//! Our compiled `ecs/imageSharePermission.d.ts` equals the one in the published
//! `@pulumi/alicloud@3.108.0` (downloaded by tests/setup/nodejs.sh), comments aside, plus
//! the one member Pulumi's generators added since (pkg/v3 3.269): the static `exists` lookup.

mod support;

use std::process::Command;

/// Drops comments, source-map lines, trailing spaces and blank lines.
fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        match rest[start..].find("*/") {
            Some(end) => rest = &rest[start + end + 2..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| l.trim_end())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn image_share_permission_declarations_match_published_package() {
    bridgegen_test_support::require!(support::toolchain());
    let reference = bridgegen_test_support::require!(bridgegen_test_support::work_path(
        "nodejs/reference/alicloud/package/ecs/imageSharePermission.d.ts"
    ));
    let dir = support::fresh_dir("api-surface");
    support::generate(&support::repo_root().join("schema/alicloud.json"), &dir);
    // Build with the package's own tsconfig (declarations on, @internal stripped).
    support::run(
        Command::new("node").arg(support::tsc()).arg("-p").arg(dir.join("tsconfig.json")).arg("--skipLibCheck"),
    );
    let ours = std::fs::read_to_string(dir.join("bin/ecs/imageSharePermission.d.ts")).unwrap();
    let theirs = std::fs::read_to_string(&reference).unwrap();
    let (a, b) = (normalize(&ours), normalize(&theirs));
    assert!(a.contains("export declare class ImageSharePermission"), "unexpected output:\n{a}");
    let exists = "    static exists(id: pulumi.Input<string>, state?: ImageSharePermissionState, \
                  opts?: pulumi.CustomResourceOptions): pulumi.Output<boolean>;";
    assert_eq!(a.matches(exists).count(), 1, "the exists lookup is missing or changed:\n{a}");
    let without_exists: Vec<&str> = a.lines().filter(|l| *l != exists).collect();
    assert_eq!(without_exists.join("\n"), b, "declarations differ from @pulumi/alicloud@3.108.0");
}

#[test]
fn normalize_removes_only_comments() {
    assert_eq!(normalize("/** a */\nexport x;\n// b\n  y;  \n\n"), "export x;\n  y;");
    assert_ne!(normalize("readonly a: string;"), normalize("readonly a: number;"));
}
