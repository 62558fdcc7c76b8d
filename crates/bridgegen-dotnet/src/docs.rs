//! [`LanguageDocs`] for C#: the docs generator spells names and signatures with the
//! same naming code ([`Names`], [`crate::names`]) as the SDK.

use bridgegen_codegen::{LanguageDocs, PackageNaming, TokenIndex};
use bridgegen_model::{Function, FunctionReturn, Package, Property, Resource, Type};

use crate::context::{nullable_output, Names};
use crate::names::ARGS_RESERVED_MEMBERS;

/// C# (`csharp`) naming for the docs generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct DotnetDocs;

impl LanguageDocs for DotnetDocs {
    fn language(&self) -> &'static str {
        "csharp"
    }

    fn naming<'p>(&self, pkg: &'p Package) -> Box<dyn PackageNaming + 'p> {
        Box::new(DotnetNaming::new(pkg))
    }
}

/// Strips `global::` for readability in docs (`global::Pulumi.AliCloud.Ecs.X` -> `Pulumi.AliCloud.Ecs.X`).
fn readable(s: &str) -> String {
    s.replace("global::", "")
}

/// The C# spelling of one package: the SDK generator's [`Names`] table, built once.
pub struct DotnetNaming<'p> {
    pkg: &'p Package,
    names: Names,
    index: TokenIndex,
}

impl<'p> DotnetNaming<'p> {
    pub fn new(pkg: &'p Package) -> Self {
        DotnetNaming { pkg, names: Names::new(pkg), index: TokenIndex::new(pkg) }
    }

    /// The namespace and class name of a resource.
    fn class_of(&self, res: &Resource) -> (String, String) {
        if res.is_provider {
            return (self.names.root_ns.clone(), "Provider".to_string());
        }
        match self.index.resource(res) {
            Some(i) => (self.names.ns_of(&res.token).to_string(), self.names.resources[i].clone()),
            None => (self.names.root_ns.clone(), crate::names::type_name(&res.token.name)),
        }
    }
}

impl PackageNaming for DotnetNaming<'_> {
    fn language(&self) -> &'static str {
        "csharp"
    }

    fn property_name(&self, prop: &Property) -> String {
        // Without the owning class the only rename that applies is the casing; a clash
        // with the class name (`Value` suffix) is resolved where the class is known.
        crate::context::property_member_names("", ARGS_RESERVED_MEMBERS, [prop]).remove(0)
    }

    fn type_name(&self, ty: &Type, input: bool) -> String {
        if input {
            readable(&self.names.input_ty(self.pkg, ty, false))
        } else {
            let p = Property::required("", ty.clone(), None);
            readable(&format!("Output<{}>", nullable_output(self.pkg, &self.names, &p)))
        }
    }

    fn resource_name(&self, res: &Resource) -> String {
        let (ns, class) = self.class_of(res);
        format!("{ns}.{class}")
    }

    fn constructor_signature(&self, res: &Resource) -> String {
        let (_, class) = self.class_of(res);
        // `kubernetes20` constructors never require args (as the generated SDK).
        let required = res.inputs.iter().any(|p| p.required) && !res.is_provider && !self.names.k8s();
        let args = if required { format!("{class}Args args") } else { format!("{class}Args? args = null") };
        let opts = if res.is_component { "ComponentResourceOptions" } else { "CustomResourceOptions" };
        format!("public {class}(string name, {args}, {opts}? options = null)")
    }

    fn get_signature(&self, res: &Resource) -> String {
        let (_, class) = self.class_of(res);
        if res.is_component || res.is_provider {
            return String::new();
        }
        let state = if res.state_inputs.is_some() { format!("{class}State? state = null, ") } else { String::new() };
        format!(
            "public static {class} Get(string name, Input<string> id, {state}CustomResourceOptions? options = null)"
        )
    }

    fn function_signature(&self, func: &Function) -> String {
        let class = self
            .index
            .function(func)
            .map(|i| self.names.functions[i].clone())
            .unwrap_or_else(|| crate::names::type_name(&func.token.name));
        let ret = match &func.outputs {
            FunctionReturn::Object(_) => format!("Task<{class}Result>"),
            FunctionReturn::Type(t) => format!("Task<{}>", readable(&self.names.output_ty(self.pkg, t))),
            FunctionReturn::None => "Task".to_string(),
        };
        let em = crate::emit::Emitter { pkg: self.pkg, names: &self.names };
        if let Some(multi) = em.multi_args(func) {
            let params = multi.plain_params();
            return format!(
                "public static async {ret} {class}.InvokeAsync({params}InvokeOptions? invokeOptions = null)"
            );
        }
        let args = match &func.inputs {
            Some(ins) if ins.iter().any(|p| p.required) => format!("{class}Args args, "),
            Some(_) => format!("{class}Args? args = null, "),
            None => String::new(),
        };
        format!("public static {ret} {class}.InvokeAsync({args}InvokeOptions? options = null)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> Package {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../schema/{name}.json"));
        bridgegen_model::load_package(&path).expect("seed binds").0
    }

    #[test]
    fn alicloud_names_match_the_sdk() {
        let pkg = seed("alicloud");
        let d = DotnetDocs.naming(&pkg);
        let res = &pkg.resources[0];
        assert_eq!(d.language(), "csharp");
        assert_eq!(d.resource_name(res), "Pulumi.AliCloud.Ecs.ImageSharePermission");
        assert_eq!(d.property_name(&res.inputs[0]), "AccountId");
        assert_eq!(d.type_name(&res.inputs[0].ty, true), "Input<string>");
        assert_eq!(d.type_name(&res.inputs[0].ty, false), "Output<string>");
        assert_eq!(
            d.constructor_signature(res),
            "public ImageSharePermission(string name, ImageSharePermissionArgs args, CustomResourceOptions? options = null)"
        );
        assert_eq!(
            d.get_signature(res),
            "public static ImageSharePermission Get(string name, Input<string> id, ImageSharePermissionState? state = null, CustomResourceOptions? options = null)"
        );
        assert_eq!(d.resource_name(&pkg.provider), "Pulumi.AliCloud.Provider");
        // The SDK spells the same names.
        let files = crate::generate(&pkg).unwrap();
        let res_file = files.iter().find(|f| f.path == "Ecs/ImageSharePermission.cs").unwrap();
        let text = String::from_utf8_lossy(&res_file.contents);
        assert!(text.contains("public ImageSharePermission(string name, ImageSharePermissionArgs args, CustomResourceOptions? options = null)"));
        assert!(text.contains("public Input<string> AccountId { get; set; }"));
    }

    #[test]
    fn keyword_names_are_escaped_consistently() {
        let pkg = seed("kakaocloud");
        let d = DotnetDocs.naming(&pkg);
        let res = &pkg.resources[0];
        let timeouts = res.inputs.iter().find(|p| p.name == "timeouts").expect("timeouts input");
        assert_eq!(d.property_name(timeouts), "Timeouts");
        assert!(d.type_name(&timeouts.ty, true).starts_with("Input<Pulumi.KakaoCloud.Inputs."));
    }
}
