//! Drop-in API parity with Pulumi's nodejs generator: for every conformance schema, the files,
//! exported names, class/interface members (optionality included) and parameters of our
//! TypeScript SDK equal those of Pulumi's (pkg/v3, built from `<shared>/peer/pulumigen`),
//! except the differences listed in `tests/parity/allow.txt`.

use std::path::Path;

use bridgegen_codegen::Generator;
use bridgegen_test_support::{parity, require};

fn generate(schema: &Path, out: &Path) {
    let (pkg, _) = bridgegen_model::load_package(schema).unwrap_or_else(|e| panic!("{}: {e:?}", schema.display()));
    let files =
        bridgegen_nodejs::NodejsGenerator.generate(&pkg).unwrap_or_else(|e| panic!("{}: {e}", schema.display()));
    bridgegen_codegen::write_output(out, &files).unwrap();
}

#[test]
fn exported_api_matches_pulumis_generator_over_the_corpus() {
    let summaries = require!(parity::check_corpus("nodejs", &generate, &parity::ts_surface));
    assert!(summaries.iter().any(|s| s.matched > 0), "no schema was compared");
}
