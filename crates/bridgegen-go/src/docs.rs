//! [`LanguageDocs`] for Go, from the same naming tables the SDK generator uses.

use std::cell::RefCell;
use std::rc::Rc;

use bridgegen_codegen::{LanguageDocs, Package};
use bridgegen_model::{Function, FunctionReturn, Property, Resource, Type};

use crate::names;
use crate::naming::Naming;
use crate::types::Speller;

/// Go spelling of a package's API for the docs generator.
pub struct GoDocs;

thread_local! {
    static CACHE: RefCell<Option<(usize, String, usize, Rc<Naming>)>> = const { RefCell::new(None) };
}

/// The naming table for `pkg`, cached per thread for the last package seen.
fn naming(pkg: &Package) -> Rc<Naming> {
    let key = (
        pkg as *const Package as usize,
        pkg.name.clone(),
        pkg.resources.len() + pkg.objects.len() * 7 + pkg.functions.len() * 13,
    );
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((p, n, k, naming)) = c.as_ref() {
            if *p == key.0 && *n == key.1 && *k == key.2 {
                return naming.clone();
            }
        }
        let naming = Rc::new(Naming::new(pkg));
        *c = Some((key.0, key.1, key.2, naming.clone()));
        naming
    })
}

fn qualified(naming: &Naming, dir: &str, name: &str) -> String {
    format!("{}.{name}", naming.alias(dir))
}

fn resource_index(pkg: &Package, res: &Resource) -> Option<usize> {
    pkg.resources.iter().position(|r| r.token.full == res.token.full)
}

impl GoDocs {
    fn resource_go_name(&self, pkg: &Package, res: &Resource) -> (String, String) {
        let n = naming(pkg);
        match resource_index(pkg, res) {
            Some(i) if !res.is_provider => (n.resources[i].dir.clone(), n.resources[i].name.clone()),
            _ => (String::new(), "Provider".to_string()),
        }
    }
}

impl LanguageDocs for GoDocs {
    fn language(&self) -> &'static str {
        "go"
    }

    fn property_name(&self, _pkg: &Package, prop: &Property) -> String {
        names::exported(&prop.name)
    }

    fn type_name(&self, pkg: &Package, ty: &Type, input: bool) -> String {
        let n = naming(pkg);
        // A directory no package has: every generated type comes out qualified.
        let mut sp = Speller::new(pkg, &n, "\u{0}docs");
        let s = sp.shape(ty);

        if input {
            sp.input(&s, false)
        } else {
            sp.output(&s, false)
        }
    }

    fn resource_name(&self, pkg: &Package, res: &Resource) -> String {
        let (dir, name) = self.resource_go_name(pkg, res);
        qualified(&naming(pkg), &dir, &name)
    }

    fn constructor_signature(&self, pkg: &Package, res: &Resource) -> String {
        let (_, name) = self.resource_go_name(pkg, res);
        format!("func New{name}(ctx *pulumi.Context, name string, args *{name}Args, opts ...pulumi.ResourceOption) (*{name}, error)")
    }

    fn get_signature(&self, pkg: &Package, res: &Resource) -> String {
        let (_, name) = self.resource_go_name(pkg, res);
        format!("func Get{name}(ctx *pulumi.Context, name string, id pulumi.IDInput, state *{name}State, opts ...pulumi.ResourceOption) (*{name}, error)")
    }

    fn function_signature(&self, pkg: &Package, func: &Function) -> String {
        let n = naming(pkg);
        let name = pkg
            .functions
            .iter()
            .position(|f| f.token.full == func.token.full)
            .map(|i| n.functions[i].name.clone())
            .unwrap_or_else(|| names::exported(&func.token.name));
        let args = if func.inputs.is_some() { format!(", args *{name}Args") } else { String::new() };
        let ret = match &func.outputs {
            FunctionReturn::None => "error".to_string(),
            FunctionReturn::Object(_) => format!("(*{name}Result, error)"),
            FunctionReturn::Type(t) => {
                let mut sp = Speller::new(pkg, &n, "\u{0}docs");
                let s = sp.shape(t);
                format!("({}, error)", sp.plain(&s, false))
            }
        };
        format!("func {name}(ctx *pulumi.Context{args}, opts ...pulumi.InvokeOption) {ret}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bridgegen_codegen::Generator;

    fn load(name: &str) -> Package {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema").join(name);
        bridgegen_model::load_package(&p).unwrap().0
    }

    #[test]
    fn names_match_the_generated_sdk() {
        let pkg = load("alicloud.json");
        let files = crate::GoGenerator.generate(&pkg).unwrap();
        let src =
            |path: &str| String::from_utf8(files.iter().find(|f| f.path == path).unwrap().contents.clone()).unwrap();
        let res = &pkg.resources[0];
        let d = GoDocs;
        assert_eq!(d.language(), "go");
        assert_eq!(d.resource_name(&pkg, res), "ecs.ImageSharePermission");
        let ctor = d.constructor_signature(&pkg, res);
        assert_eq!(ctor, "func NewImageSharePermission(ctx *pulumi.Context, name string, args *ImageSharePermissionArgs, opts ...pulumi.ResourceOption) (*ImageSharePermission, error)");
        let code = src("ecs/imageSharePermission.go");
        assert!(code.contains("func NewImageSharePermission(ctx *pulumi.Context,\n\tname string, args *ImageSharePermissionArgs, opts ...pulumi.ResourceOption) (*ImageSharePermission, error)"));
        assert!(code.contains("func GetImageSharePermission(ctx *pulumi.Context,\n\tname string, id pulumi.IDInput, state *ImageSharePermissionState, opts ...pulumi.ResourceOption) (*ImageSharePermission, error)"));
        for p in &res.inputs {
            let n = d.property_name(&pkg, p);
            assert!(code.contains(&format!("\t{n} ")), "{n} is a field of the generated Args");
            assert_eq!(d.type_name(&pkg, &p.ty, true), "pulumi.StringInput");
            assert_eq!(d.type_name(&pkg, &p.ty, false), "pulumi.StringOutput");
        }
    }

    #[test]
    fn object_types_are_package_qualified() {
        let pkg = load("kakaocloud.json");
        let d = GoDocs;
        let res = &pkg.resources[0];
        assert_eq!(d.resource_name(&pkg, res), "kakaocloud.ImageMember");
        let timeouts = res.inputs.iter().find(|p| p.name == "timeouts").unwrap();
        assert_eq!(d.property_name(&pkg, timeouts), "Timeouts");
        assert_eq!(d.type_name(&pkg, &timeouts.ty, true), "kakaocloud.ImageMemberTimeoutsInput");
        assert_eq!(
            d.type_name(&pkg, &Type::Array(Box::new(timeouts.ty.clone())), false),
            "kakaocloud.ImageMemberTimeoutsArrayOutput"
        );
        assert!(d.get_signature(&pkg, res).starts_with(
            "func GetImageMember(ctx *pulumi.Context, name string, id pulumi.IDInput, state *ImageMemberState"
        ));
    }
}
