//! `cargo run -p bridgegen-go --example gogen -- SCHEMA OUT_DIR`: generates a Go SDK.
use bridgegen_codegen::Generator;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (pkg, _) = bridgegen_model::load_package(std::path::Path::new(&args[1])).expect("schema binds");
    let files = bridgegen_go::GoGenerator.generate(&pkg).expect("generates");
    bridgegen_codegen::write_output(std::path::Path::new(&args[2]), &files).expect("writes");
}
