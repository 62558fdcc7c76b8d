//! Where generation time goes: `cargo run --release -p bridgegen-dotnet --example prof -- SCHEMA`.
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let (pkg, _) = bridgegen_model::load_package(std::path::Path::new(&p)).unwrap();
    let t = std::time::Instant::now();
    let names = bridgegen_dotnet::Names::new(&pkg);
    println!("names: {:?}", t.elapsed());
    let em = bridgegen_dotnet::emit::Emitter { pkg: &pkg, names: &names };
    let t = std::time::Instant::now();
    let vms: Vec<_> = pkg.resources.iter().enumerate().map(|(i, r)| em.resource(r, &names.resources[i])).collect();
    println!("resource view models: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let vals: Vec<_> = vms.iter().map(|v| serde_json::to_value(v).unwrap()).collect();
    println!("to_value: {:?}", t.elapsed());
    std::hint::black_box(vals);
    let t = std::time::Instant::now();
    std::hint::black_box(bridgegen_dotnet::generate(&pkg).unwrap());
    println!("generate: {:?}", t.elapsed());
}
