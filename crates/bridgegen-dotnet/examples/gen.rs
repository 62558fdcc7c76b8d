//! `cargo run -p bridgegen-dotnet --example gen -- SCHEMA OUT_DIR`: writes the C# project.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (pkg, _) = bridgegen_model::load_package(std::path::Path::new(&args[1])).expect("schema binds");
    let files = bridgegen_dotnet::generate(&pkg).expect("generates");
    let out = std::path::Path::new(&args[2]);
    for f in files {
        let p = out.join(&f.path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, f.contents).unwrap();
    }
}
