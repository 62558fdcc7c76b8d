//! `cargo run -p bridgegen-python --example pygen -- SCHEMA OUT_DIR`: generates the Python
//! SDK for one schema (a debugging aid; the CLI is the real entry point).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: pygen SCHEMA OUT_DIR");
        std::process::exit(2);
    }
    let (pkg, _) = bridgegen_model::load_package(std::path::Path::new(&args[1])).unwrap_or_else(|e| {
        eprintln!("{e:?}");
        std::process::exit(1)
    });
    let files = bridgegen_python::generate(&pkg).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    bridgegen_codegen::write_output(std::path::Path::new(&args[2]), &files).expect("write");
}
