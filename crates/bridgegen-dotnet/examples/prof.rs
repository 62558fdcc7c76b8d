fn main() {
    let p = std::env::args().nth(1).unwrap();
    let (pkg, _) = bridgegen_model::load_package(std::path::Path::new(&p)).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..5 { std::hint::black_box(bridgegen_dotnet::Names::new(&pkg)); }
    println!("names x5: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    for _ in 0..5 { std::hint::black_box(bridgegen_codegen::new_registry(bridgegen_dotnet::TEMPLATES).unwrap()); }
    println!("registry x5: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    for r in &pkg.resources { std::hint::black_box(r.replace_on_changes(&pkg)); }
    println!("replace_on_changes x1: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    for _ in 0..5 { std::hint::black_box(bridgegen_dotnet::generate(&pkg).unwrap()); }
    println!("generate x5: {:?}", t.elapsed());
}
#[allow(dead_code)]
fn unused() {}
