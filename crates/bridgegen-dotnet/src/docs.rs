//! [`LanguageDocs`] for C#: the docs generator spells names and signatures with the
//! same naming code ([`Names`], [`crate::names`]) as the SDK.

use bridgegen_codegen::LanguageDocs;
use bridgegen_model::{Function, FunctionReturn, Package, Property, Resource, Type};

use crate::context::{nullable_output, Names};
use crate::names::{member_names, ARGS_RESERVED_MEMBERS};

/// C# (`csharp`) naming for the docs generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct DotnetDocs;

/// Strips `global::` for readability in docs (`global::Pulumi.AliCloud.Ecs.X` -> `Pulumi.AliCloud.Ecs.X`).
fn readable(s: &str) -> String {
    s.replace("global::", "")
}

fn resource_index(pkg: &Package, res: &Resource) -> Option<usize> {
    pkg.resources.iter().position(|r| r.token.full == res.token.full)
}

impl DotnetDocs {
    fn class_of(&self, names: &Names, pkg: &Package, res: &Resource) -> (String, String) {
        if res.is_provider {
            return (names.root_ns.clone(), "Provider".to_string());
        }
        match resource_index(pkg, res) {
            Some(i) => (names.ns_of(&res.token).to_string(), names.resources[i].clone()),
            None => (names.root_ns.clone(), crate::names::pascal(&res.token.name)),
        }
    }
}

impl LanguageDocs for DotnetDocs {
    fn language(&self) -> &'static str {
        "csharp"
    }

    fn property_name(&self, _pkg: &Package, prop: &Property) -> String {
        // Without the owning class the only rename that applies is the casing; a clash
        // with the class name (`Value` suffix) is resolved where the class is known.
        member_names("", ARGS_RESERVED_MEMBERS, [prop.name.as_str()]).remove(0)
    }

    fn type_name(&self, pkg: &Package, ty: &Type, input: bool) -> String {
        let names = Names::new(pkg);
        if input {
            readable(&names.input_ty(pkg, ty))
        } else {
            let p = Property::required("", ty.clone(), None);
            readable(&format!("Output<{}>", nullable_output(pkg, &names, &p)))
        }
    }

    fn resource_name(&self, pkg: &Package, res: &Resource) -> String {
        let names = Names::new(pkg);
        let (ns, class) = self.class_of(&names, pkg, res);
        format!("{ns}.{class}")
    }

    fn constructor_signature(&self, pkg: &Package, res: &Resource) -> String {
        let names = Names::new(pkg);
        let (_, class) = self.class_of(&names, pkg, res);
        let required = res.inputs.iter().any(|p| p.required) && !res.is_provider;
        let args = if required { format!("{class}Args args") } else { format!("{class}Args? args = null") };
        let opts = if res.is_component { "ComponentResourceOptions" } else { "CustomResourceOptions" };
        format!("public {class}(string name, {args}, {opts}? options = null)")
    }

    fn get_signature(&self, pkg: &Package, res: &Resource) -> String {
        let names = Names::new(pkg);
        let (_, class) = self.class_of(&names, pkg, res);
        if res.is_component || res.is_provider {
            return String::new();
        }
        let state = if res.state_inputs.is_some() { format!("{class}State? state = null, ") } else { String::new() };
        format!(
            "public static {class} Get(string name, Input<string> id, {state}CustomResourceOptions? options = null)"
        )
    }

    fn function_signature(&self, pkg: &Package, func: &Function) -> String {
        let names = Names::new(pkg);
        let i = pkg.functions.iter().position(|f| f.token.full == func.token.full);
        let class = i.map(|i| names.functions[i].clone()).unwrap_or_else(|| crate::names::pascal(&func.token.name));
        let ret = match &func.outputs {
            FunctionReturn::Object(_) => format!("Task<{class}Result>"),
            FunctionReturn::Type(t) => format!("Task<{}>", readable(&names.output_ty(pkg, t))),
            FunctionReturn::None => "Task".to_string(),
        };
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
        let d = DotnetDocs;
        let res = &pkg.resources[0];
        assert_eq!(d.language(), "csharp");
        assert_eq!(d.resource_name(&pkg, res), "Pulumi.AliCloud.Ecs.ImageSharePermission");
        assert_eq!(d.property_name(&pkg, &res.inputs[0]), "AccountId");
        assert_eq!(d.type_name(&pkg, &res.inputs[0].ty, true), "Input<string>");
        assert_eq!(d.type_name(&pkg, &res.inputs[0].ty, false), "Output<string>");
        assert_eq!(
            d.constructor_signature(&pkg, res),
            "public ImageSharePermission(string name, ImageSharePermissionArgs args, CustomResourceOptions? options = null)"
        );
        assert_eq!(
            d.get_signature(&pkg, res),
            "public static ImageSharePermission Get(string name, Input<string> id, ImageSharePermissionState? state = null, CustomResourceOptions? options = null)"
        );
        assert_eq!(d.resource_name(&pkg, &pkg.provider), "Pulumi.AliCloud.Provider");
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
        let d = DotnetDocs;
        let res = &pkg.resources[0];
        let timeouts = res.inputs.iter().find(|p| p.name == "timeouts").expect("timeouts input");
        assert_eq!(d.property_name(&pkg, timeouts), "Timeouts");
        assert!(d.type_name(&pkg, &timeouts.ty, true).starts_with("Input<Pulumi.KakaoCloud.Inputs."));
    }
}
