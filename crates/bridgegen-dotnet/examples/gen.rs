//! `cargo run -p bridgegen-dotnet --example gen -- SCHEMA OUT_DIR`: writes the C# project
//! the way `bridgegen gen` does (`write_output`, with its manifest).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (pkg, _) = bridgegen_model::load_package(std::path::Path::new(&args[1])).expect("schema binds");
    let files = bridgegen_dotnet::generate(&pkg).expect("generates");
    bridgegen_codegen::write_output(std::path::Path::new(&args[2]), &files).expect("writes");
}
