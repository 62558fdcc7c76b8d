//! `pip install <sdk folder>` leaves the folder as it was: no `build/`, no `*.egg-info`
//! (the generated pyproject.toml uses an out-of-tree build backend), and installs a package
//! that carries its data files (`py.typed`, `pulumi-plugin.json`).

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn listing(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            out.insert(p.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    out
}

#[test]
fn pip_install_writes_nothing_into_the_sdk_folder() {
    let root = common::repo_root();
    let tmp = tempfile::tempdir().unwrap();
    let sdk = tmp.path().join("alicloud");
    common::generate_into(&common::load(&root.join("schema/alicloud.json")), &sdk);
    let before = listing(&sdk);
    let py = common::fresh_venv(&tmp.path().join("venv"));
    common::pip_install(&py, std::slice::from_ref(&sdk));
    let after = listing(&sdk);
    let added: Vec<&String> = after.difference(&before).collect();
    assert!(added.is_empty(), "pip install wrote into the SDK folder: {added:?}");
    let check = r#"
import importlib.resources as r, pulumi_alicloud
for f in ("py.typed", "pulumi-plugin.json"):
    assert r.files("pulumi_alicloud").joinpath(f).is_file(), f
print(pulumi_alicloud.ecs.ImageSharePermission.__name__)
"#;
    let out = common::run(Command::new(&py).args(["-c", check]), "import the installed package");
    assert_eq!(out.trim(), "ImageSharePermission");
}
