//! Drop-in API parity with Pulumi's go generator: for every conformance schema, the exported
//! API of our SDK (see `bridgegen_test_support::parity`) equals Pulumi's (pkg/v3, built from
//! `<shared>/peer/pulumigen`), except the differences listed in `tests/parity/allow.txt`.

use std::path::Path;

use bridgegen_codegen::Generator;
use bridgegen_test_support::{parity, require};

fn generate(schema: &Path, out: &Path) {
    let (pkg, _) = bridgegen_model::load_package(schema).unwrap_or_else(|e| panic!("{}: {e:?}", schema.display()));
    let files = bridgegen_go::GoGenerator.generate(&pkg).unwrap_or_else(|e| panic!("{}: {e}", schema.display()));
    bridgegen_codegen::write_output(out, &files).unwrap();
}

#[test]
fn exported_api_matches_pulumis_generator_over_the_corpus() {
    let summaries = require!(parity::check_corpus("go", &generate, &parity::go_surface));
    assert!(summaries.iter().any(|s| s.matched > 0), "no schema was compared");
}
