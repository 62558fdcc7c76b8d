//! [`LanguageDocs`] for Go, from the same naming tables the SDK generator uses.

use bridgegen_codegen::{LanguageDocs, Package, PackageNaming, TokenIndex};
use bridgegen_model::{Function, FunctionReturn, Property, Resource, Type};

use crate::names;
use crate::naming::Naming;
use crate::types::Speller;

/// Go spelling of a package's API for the docs generator.
pub struct GoDocs;

impl LanguageDocs for GoDocs {
    fn language(&self) -> &'static str {
        "go"
    }

    fn naming<'p>(&self, pkg: &'p Package) -> Box<dyn PackageNaming + 'p> {
        Box::new(GoNaming::new(pkg))
    }
}

/// A directory no package has: every generated type comes out qualified.
const OUTSIDE: &str = "\u{0}docs";

/// The Go spelling of one package: the SDK generator's [`Naming`] table, built once.
pub struct GoNaming<'p> {
    pkg: &'p Package,
    naming: Naming,
    index: TokenIndex,
}

impl<'p> GoNaming<'p> {
    pub fn new(pkg: &'p Package) -> Self {
        GoNaming { pkg, naming: Naming::new(pkg), index: TokenIndex::new(pkg) }
    }

    /// The Go package directory and struct name of a resource.
    fn resource_go_name(&self, res: &Resource) -> (&str, &str) {
        match self.index.resource(res) {
            Some(i) if !res.is_provider => (&self.naming.resources[i].dir, &self.naming.resources[i].name),
            _ => ("", "Provider"),
        }
    }
}

impl PackageNaming for GoNaming<'_> {
    fn language(&self) -> &'static str {
        "go"
    }

    fn property_name(&self, prop: &Property) -> String {
        names::exported(&prop.name)
    }

    fn type_name(&self, ty: &Type, input: bool) -> String {
        let mut sp = Speller::new(self.pkg, &self.naming, OUTSIDE);
        let s = sp.shape(ty);
        if input {
            sp.input(&s, false)
        } else {
            sp.output(&s, false)
        }
    }

    fn resource_name(&self, res: &Resource) -> String {
        let (dir, name) = self.resource_go_name(res);
        format!("{}.{name}", self.naming.alias(dir))
    }

    fn constructor_signature(&self, res: &Resource) -> String {
        let (_, name) = self.resource_go_name(res);
        format!("func New{name}(ctx *pulumi.Context, name string, args *{name}Args, opts ...pulumi.ResourceOption) (*{name}, error)")
    }

    fn get_signature(&self, res: &Resource) -> String {
        let (_, name) = self.resource_go_name(res);
        format!("func Get{name}(ctx *pulumi.Context, name string, id pulumi.IDInput, state *{name}State, opts ...pulumi.ResourceOption) (*{name}, error)")
    }

    fn function_signature(&self, func: &Function) -> String {
        let name = self
            .index
            .function(func)
            .map(|i| self.naming.functions[i].name.clone())
            .unwrap_or_else(|| names::exported(&func.token.name));
        let args = if func.inputs.is_some() { format!(", args *{name}Args") } else { String::new() };
        let ret = match &func.outputs {
            FunctionReturn::None => "error".to_string(),
            FunctionReturn::Object(_) => format!("(*{name}Result, error)"),
            FunctionReturn::Type(t) => {
                let mut sp = Speller::new(self.pkg, &self.naming, OUTSIDE);
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
        let d = GoDocs.naming(&pkg);
        assert_eq!(d.language(), "go");
        assert_eq!(d.resource_name(res), "ecs.ImageSharePermission");
        let ctor = d.constructor_signature(res);
        assert_eq!(ctor, "func NewImageSharePermission(ctx *pulumi.Context, name string, args *ImageSharePermissionArgs, opts ...pulumi.ResourceOption) (*ImageSharePermission, error)");
        let code = src("ecs/imageSharePermission.go");
        assert!(code.contains("func NewImageSharePermission(ctx *pulumi.Context,\n\tname string, args *ImageSharePermissionArgs, opts ...pulumi.ResourceOption) (*ImageSharePermission, error)"));
        assert!(code.contains("func GetImageSharePermission(ctx *pulumi.Context,\n\tname string, id pulumi.IDInput, state *ImageSharePermissionState, opts ...pulumi.ResourceOption) (*ImageSharePermission, error)"));
        for p in &res.inputs {
            let n = d.property_name(p);
            assert!(code.contains(&format!("\t{n} ")), "{n} is a field of the generated Args");
            assert_eq!(d.type_name(&p.ty, true), "pulumi.StringInput");
            assert_eq!(d.type_name(&p.ty, false), "pulumi.StringOutput");
        }
    }

    #[test]
    fn object_types_are_package_qualified() {
        let pkg = load("kakaocloud.json");
        let d = GoDocs.naming(&pkg);
        let res = &pkg.resources[0];
        assert_eq!(d.resource_name(res), "kakaocloud.ImageMember");
        let timeouts = res.inputs.iter().find(|p| p.name == "timeouts").unwrap();
        assert_eq!(d.property_name(timeouts), "Timeouts");
        assert_eq!(d.type_name(&timeouts.ty, true), "kakaocloud.ImageMemberTimeoutsInput");
        assert_eq!(
            d.type_name(&Type::Array(Box::new(timeouts.ty.clone())), false),
            "kakaocloud.ImageMemberTimeoutsArrayOutput"
        );
        assert!(d.get_signature(res).starts_with(
            "func GetImageMember(ctx *pulumi.Context, name string, id pulumi.IDInput, state *ImageMemberState"
        ));
    }
}
