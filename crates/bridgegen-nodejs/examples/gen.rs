//! `cargo run -p bridgegen-nodejs --example gen -- SCHEMA OUT`: generate one package
//! without the CLI (handy while the CLI is being changed).

use bridgegen_codegen::Generator;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (schema, out) = (&args[1], &args[2]);
    let (pkg, _) = bridgegen_model::load_package(schema.as_ref()).unwrap_or_else(|e| panic!("{e:?}"));
    let files = bridgegen_nodejs::NodejsGenerator.generate(&pkg).unwrap_or_else(|e| panic!("{e}"));
    bridgegen_codegen::write_output(out.as_ref(), &files).unwrap_or_else(|e| panic!("{e}"));
}
