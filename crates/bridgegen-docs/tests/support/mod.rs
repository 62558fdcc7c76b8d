//! A test-only `LanguageDocs` with simple, predictable spellings, so the docs generator can
//! be tested without the SDK crates (the real ones are checked in `languages.rs`).
#![allow(dead_code)]

use std::path::PathBuf;

use bridgegen_codegen::{LanguageDocs, Package, PackageNaming};
use bridgegen_model::{Function, Property, Resource, Type};
use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

pub fn load(rel: &str) -> Package {
    bridgegen_model::load_package(&repo_root().join(rel)).map_err(|d| format!("{d:?}")).unwrap().0
}

pub struct Fake(pub &'static str);

impl Fake {
    pub fn all() -> Vec<Box<dyn LanguageDocs>> {
        ["typescript", "python", "go", "csharp"]
            .into_iter()
            .map(|l| Box::new(Fake(l)) as Box<dyn LanguageDocs>)
            .collect()
    }
    fn case(&self, s: &str) -> String {
        match self.0 {
            "typescript" => s.to_lower_camel_case(),
            "python" => s.to_snake_case(),
            _ => s.to_upper_camel_case(),
        }
    }
}

impl LanguageDocs for Fake {
    fn language(&self) -> &'static str {
        self.0
    }
    fn naming<'p>(&self, pkg: &'p Package) -> Box<dyn PackageNaming + 'p> {
        Box::new(FakeNaming(Fake(self.0), pkg))
    }
}

/// [`Fake`]'s naming of one package.
pub struct FakeNaming<'p>(Fake, &'p Package);

impl PackageNaming for FakeNaming<'_> {
    fn language(&self) -> &'static str {
        self.0 .0
    }
    fn property_name(&self, prop: &Property) -> String {
        self.0.case(&prop.name)
    }
    fn type_name(&self, ty: &Type, input: bool) -> String {
        let base = match ty {
            Type::String => "string".to_string(),
            Type::Object(id) => {
                let n = self.1.object(*id).token.name.clone();
                if input {
                    format!("{n}Args")
                } else {
                    n
                }
            }
            Type::Array(t) => format!("{}[]", self.type_name(t, input)),
            other => format!("{other:?}").to_lowercase(),
        };
        format!("{}:{base}", self.0 .0)
    }
    fn resource_name(&self, res: &Resource) -> String {
        res.token.name.clone()
    }
    fn constructor_signature(&self, res: &Resource) -> String {
        format!("{} new {}(name, args)", self.0 .0, res.token.name)
    }
    fn get_signature(&self, res: &Resource) -> String {
        format!("{} get {}(name, id)", self.0 .0, res.token.name)
    }
    fn function_signature(&self, func: &Function) -> String {
        format!("{} call {}(args)", self.0 .0, func.token.name)
    }
}
