//! A second Terraform provider, one we did not write, bridged end to end under the real Pulumi
//! engine (issue 14): terraform-provider-time v0.14.2 from the Go module proxy -> `bridgegen tf
//! schema` -> `bridgegen tf bridge` (minimal config, the module's own docs) -> the generated
//! Node.js SDK installed with npm -> a TypeScript program using two of its resources
//! (`time_static`, `time_offset` from the static's timestamp) and its provider function
//! `rfc3339_parse` (an invoke the bridge answers with Terraform's `CallFunction`): up, a
//! no-change preview, destroy.

use std::process::Command;

use bridgegen_e2e::programs::install_typescript;
use bridgegen_e2e::{step, Stack, Tools};
use bridgegen_test_support::go::go_install;
use bridgegen_test_support::{require, run_ok};

const OFFSET_DAYS: i64 = 3;

fn program() -> String {
    format!(
        r#"import * as pulumi from "@pulumi/pulumi";
import * as time from "@pulumi/time";

const base = new time.Static("base", {{ triggers: {{ purpose: "e2e" }} }});
const later = new time.Offset("later", {{ baseRfc3339: base.rfc3339, offsetDays: {OFFSET_DAYS} }});
const parsed = time.rfc3339ParseOutput({{ timestamp: base.rfc3339 }});

export const baseRfc3339 = base.rfc3339;
export const baseYear = base.year;
export const baseUnix = base.unix;
export const laterUnix = later.unix;
export const laterBase = later.baseRfc3339;
export const parsedYear = parsed.year;
export const parsedUnix = parsed.unix;
export const parsedMonthName = parsed.monthName;
"#
    )
}

#[test]
fn terraform_provider_time_under_the_pulumi_engine() {
    let tools = require!(Tools::find());
    let (tf_provider, src) = require!(go_install("github.com/hashicorp/terraform-provider-time", "v0.14.2"));
    let bridge = tools.target_bin.join("pulumi-resource-tfbridge");
    assert!(bridge.is_file(), "{} is missing: `cargo build --workspace --bins`", bridge.display());
    let work = tempfile::Builder::new().prefix("bridgegen-e2e-tftime-").tempdir().unwrap();
    let w = work.path();
    step(&format!("workdir {}", w.display()));

    step("tf schema, tf bridge, gen sdk, install");
    let tf_schema = w.join("tf-schema.json");
    let mut cmd = Command::new(tools.bridgegen());
    cmd.args(["tf", "schema", "--provider"]).arg(&tf_provider).arg("--out").arg(&tf_schema);
    run_ok(&mut cmd, "bridgegen tf schema");
    let config = w.join("bridge.toml");
    std::fs::write(&config, "name = \"time\"\n").unwrap();
    let schema = w.join("bridged/schema.json");
    let mut cmd = Command::new(tools.bridgegen());
    cmd.args(["tf", "bridge", "--tf-schema"]).arg(&tf_schema).arg("--docs").arg(src.join("docs"));
    cmd.arg("--config").arg(&config).arg("--out").arg(&schema);
    run_ok(&mut cmd, "bridgegen tf bridge");
    let sdk = w.join("sdk/nodejs");
    let mut cmd = Command::new(tools.bridgegen());
    cmd.args(["gen", "sdk", "--lang", "nodejs", "--schema"]).arg(&schema).arg("--out").arg(&sdk);
    run_ok(&mut cmd, "bridgegen gen sdk --lang nodejs");
    let plugins = w.join("plugins");
    let mut cmd = Command::new(&bridge);
    cmd.arg("install").arg("--provider").arg(&tf_provider).arg("--schema").arg(&schema).arg("--out").arg(&plugins);
    run_ok(&mut cmd, "pulumi-resource-tfbridge install");
    assert!(plugins.join("pulumi-resource-time").is_file());

    let dir = w.join("program");
    let plugins_yaml = format!("plugins:\n  providers:\n    - name: time\n      path: {}\n", plugins.display());
    install_typescript(&dir, "e2e-tf-time", &plugins_yaml, &program(), &sdk);
    let stack = Stack::new(&tools, w, &dir, "e2e-tf-time", Vec::new());

    step("up");
    stack.up();
    let out = stack.outputs();
    let num = |k: &str| out[k].as_f64().unwrap_or_else(|| panic!("output {k} is not a number: {out}"));
    let base = out["baseRfc3339"].as_str().expect("baseRfc3339");
    assert_eq!(out["laterBase"], base, "the offset is based on the static's timestamp: {out}");
    assert_eq!(num("laterUnix"), num("baseUnix") + (OFFSET_DAYS * 86_400) as f64, "{out}");
    // The provider function, through CallFunction, parses the static's timestamp.
    assert_eq!(num("parsedYear"), num("baseYear"), "{out}");
    assert_eq!(num("parsedUnix"), num("baseUnix"), "{out}");
    assert_eq!(base[..4].parse::<f64>().unwrap(), num("parsedYear"), "{out}");
    let month: usize = base[5..7].parse().unwrap();
    let months = ["January", "February", "March", "April", "May", "June", "July"];
    let months = [&months[..], &["August", "September", "October", "November", "December"]].concat();
    assert_eq!(out["parsedMonthName"], months[month - 1], "{out}");
    assert_eq!(stack.resources("time:index/static:Static").len(), 1);
    assert_eq!(stack.resources("time:index/offset:Offset").len(), 1);

    step("preview: no changes");
    stack.preview_clean();

    step("destroy");
    stack.ok(&["destroy", "--yes", "--skip-preview"]);
    assert!(stack.resources("time:index/static:Static").is_empty());
    assert!(stack.resources("time:index/offset:Offset").is_empty());
}
