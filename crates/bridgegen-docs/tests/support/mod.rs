//! A test-only `LanguageDocs` with simple, predictable spellings, so the docs generator can
//! be tested without the SDK crates (the real ones are checked in `languages.rs`).
#![allow(dead_code)]

use std::path::PathBuf;

use bridgegen_codegen::{LanguageDocs, Package};
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
    fn property_name(&self, _: &Package, prop: &Property) -> String {
        self.case(&prop.name)
    }
    fn type_name(&self, pkg: &Package, ty: &Type, input: bool) -> String {
        let base = match ty {
            Type::String => "string".to_string(),
            Type::Object(id) => {
                let n = pkg.object(*id).token.name.clone();
                if input {
                    format!("{n}Args")
                } else {
                    n
                }
            }
            Type::Array(t) => format!("{}[]", self.type_name(pkg, t, input)),
            other => format!("{other:?}").to_lowercase(),
        };
        format!("{}:{base}", self.0)
    }
    fn resource_name(&self, _: &Package, res: &Resource) -> String {
        res.token.name.clone()
    }
    fn constructor_signature(&self, _: &Package, res: &Resource) -> String {
        format!("{} new {}(name, args)", self.0, res.token.name)
    }
    fn get_signature(&self, _: &Package, res: &Resource) -> String {
        format!("{} get {}(name, id)", self.0, res.token.name)
    }
    fn function_signature(&self, _: &Package, func: &Function) -> String {
        format!("{} call {}(args)", self.0, func.token.name)
    }
}
