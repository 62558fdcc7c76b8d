//! [`LanguageDocs`] for TypeScript: how the docs generator spells this SDK's API. Uses the
//! same naming ([`Names`]) and type printing ([`TypeCtx`]) as the SDK generator.

use bridgegen_codegen::LanguageDocs;
use bridgegen_model::{Function, FunctionReturn, Package, Property, Resource, Type};

use crate::context::{self, Names};
use crate::names;
use crate::types::{Shape, TypeCtx};

/// TypeScript (`typescript`) naming for the docs generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct NodejsDocs;

fn find_resource(pkg: &Package, res: &Resource) -> Option<usize> {
    pkg.resources.iter().position(|r| r.token.full == res.token.full)
}

/// The import-style qualifier of a module (`alicloud.ecs.`), `alicloud.` for the root.
fn qualifier(pkg: &Package, module: &str) -> String {
    let mut parts = vec![names::camel_ident(&pkg.name)];
    parts.extend(context::module_segments(module));
    format!("{}.", parts.join("."))
}

fn class_name(pkg: &Package, res: &Resource) -> String {
    if res.is_provider {
        return "Provider".into();
    }
    match find_resource(pkg, res) {
        Some(i) => Names::new(pkg).resource_class[i].clone(),
        None => names::pascal_ident(&res.token.name),
    }
}

impl LanguageDocs for NodejsDocs {
    fn language(&self) -> &'static str {
        "typescript"
    }

    fn property_name(&self, _pkg: &Package, prop: &Property) -> String {
        // Properties keep their wire names; ones that are not identifiers are quoted.
        names::property_key(&prop.name)
    }

    fn type_name(&self, pkg: &Package, ty: &Type, input: bool) -> String {
        let names = Names::new(pkg);
        let tcx = TypeCtx { pkg, names: &names, root: format!("@pulumi/{}/", pkg.name) };
        let s = tcx.inner(ty, if input { Shape::Input } else { Shape::Output });
        if input {
            format!("pulumi.Input<{s}>")
        } else {
            s
        }
    }

    fn resource_name(&self, pkg: &Package, res: &Resource) -> String {
        let module = if res.is_provider { "" } else { res.token.module.as_str() };
        format!("{}{}", qualifier(pkg, module), class_name(pkg, res))
    }

    fn constructor_signature(&self, pkg: &Package, res: &Resource) -> String {
        let class = class_name(pkg, res);
        let optional = !res.inputs.iter().any(|p| p.required && p.default.is_none() && p.const_value.is_none());
        let opts = if res.is_provider {
            "pulumi.ResourceOptions"
        } else if res.is_component {
            "pulumi.ComponentResourceOptions"
        } else {
            "pulumi.CustomResourceOptions"
        };
        format!(
            "new {class}(name: string, args{}: {class}Args, opts?: {opts})",
            if optional || res.is_provider { "?" } else { "" }
        )
    }

    fn get_signature(&self, pkg: &Package, res: &Resource) -> String {
        let class = class_name(pkg, res);
        if res.state_inputs.is_some() {
            format!("{class}.get(name: string, id: pulumi.Input<pulumi.ID>, state?: {class}State, opts?: pulumi.CustomResourceOptions): {class}")
        } else {
            format!(
                "{class}.get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): {class}"
            )
        }
    }

    fn function_signature(&self, pkg: &Package, func: &Function) -> String {
        let names = Names::new(pkg);
        if let Some(rid) = func.method_of {
            // A resource method: called on an instance, answers with an Output.
            let res = pkg.resource(rid);
            let class = names.resource(rid).to_string();
            let method = res.methods.iter().find(|m| pkg.function(m.function).token.full == func.token.full);
            let raw = method.map(|m| m.name.clone()).unwrap_or_else(|| func.token.name.clone());
            let name = names::method_name(&raw);
            let title = names::pascal(&name);
            let args: Vec<&Property> = func.inputs.iter().flatten().filter(|p| p.name != "__self__").collect();
            let arg = if args.is_empty() {
                String::new()
            } else {
                let opt = if args.iter().any(|p| p.required) { "" } else { "?" };
                format!("args{opt}: {class}.{title}Args")
            };
            let ret = match &func.outputs {
                FunctionReturn::Object(_) => format!("{class}.{title}Result"),
                FunctionReturn::Type(t) => {
                    let tcx = TypeCtx { pkg, names: &names, root: format!("@pulumi/{}/", pkg.name) };
                    tcx.inner(t, Shape::Output)
                }
                FunctionReturn::None => "void".into(),
            };
            return format!("{}.{name}({arg}): pulumi.Output<{ret}>", names::camel_ident(&class));
        }
        let name = match pkg.functions.iter().position(|f| f.token.full == func.token.full) {
            Some(i) => names.function_name[i].clone(),
            None => names::camel_ident(&func.token.name),
        };
        let title = names::pascal(&name);
        let args = match &func.inputs {
            Some(inputs) => {
                let opt = if inputs.iter().any(|p| p.required) { "" } else { "?" };
                format!("args{opt}: {title}Args, ")
            }
            None => String::new(),
        };
        let ret = match &func.outputs {
            FunctionReturn::Object(_) => format!("{title}Result"),
            FunctionReturn::Type(t) => {
                let tcx = TypeCtx { pkg, names: &names, root: format!("@pulumi/{}/", pkg.name) };
                tcx.inner(t, Shape::Output)
            }
            FunctionReturn::None => "void".into(),
        };
        format!("{name}({args}opts?: pulumi.InvokeOptions): Promise<{ret}>")
    }
}
