//! Times the docs generator alone on one schema, with a constant-time `LanguageDocs` for
//! four languages (so the number is this crate's cost, not the SDK crates' naming), and
//! writes the pages to a directory for `bridgegen site build`.
//!
//! cargo run --release -p bridgegen-docs --example docs_bench -- SCHEMA OUT_DIR

use bridgegen_codegen::{write_output, Generator, LanguageDocs, Package, PackageNaming};
use bridgegen_model::{Function, Property, Resource, Type};

struct Plain(&'static str);

impl LanguageDocs for Plain {
    fn language(&self) -> &'static str {
        self.0
    }
    fn naming<'p>(&self, _: &'p Package) -> Box<dyn PackageNaming + 'p> {
        Box::new(Plain(self.0))
    }
}

impl PackageNaming for Plain {
    fn language(&self) -> &'static str {
        self.0
    }
    fn property_name(&self, p: &Property) -> String {
        p.name.clone()
    }
    fn type_name(&self, t: &Type, _: bool) -> String {
        format!("{t:?}").chars().take(40).collect()
    }
    fn resource_name(&self, r: &Resource) -> String {
        r.token.name.clone()
    }
    fn constructor_signature(&self, r: &Resource) -> String {
        format!("new {}(name, args)", r.token.name)
    }
    fn get_signature(&self, r: &Resource) -> String {
        format!("get {}(name, id)", r.token.name)
    }
    fn function_signature(&self, f: &Function) -> String {
        format!("{}(args)", f.token.name)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (schema, out) = (&args[1], &args[2]);
    let t0 = std::time::Instant::now();
    let (pkg, _) = bridgegen_model::load_package(std::path::Path::new(schema)).expect("schema loads");
    let t1 = std::time::Instant::now();
    let langs: Vec<Box<dyn LanguageDocs>> = ["typescript", "python", "go", "csharp"]
        .into_iter()
        .map(|l| Box::new(Plain(l)) as Box<dyn LanguageDocs>)
        .collect();
    let files = bridgegen_docs::DocsGenerator::new(langs, bridgegen_docs::Style::Pulumi).generate(&pkg).expect("docs");
    let t2 = std::time::Instant::now();
    write_output(std::path::Path::new(out), &files).expect("write");
    let bytes: usize = files.iter().map(|f| f.contents.len()).sum();
    println!(
        "load {:.2}s, generate {:.2}s: {} pages, {:.1} MB",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        files.len(),
        bytes as f64 / 1e6
    );
}
