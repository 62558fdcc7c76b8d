//! [`LanguageDocs`] for TypeScript: how the docs generator spells this SDK's API. Uses the
//! same naming ([`Names`]) and type printing ([`TypeCtx`]) as the SDK generator.

use bridgegen_codegen::{LanguageDocs, PackageNaming, TokenIndex};
use bridgegen_model::{Function, FunctionReturn, Package, Property, Resource, Type};

use crate::context::Names;
use crate::names;
use crate::types::{Shape, TypeCtx};

/// TypeScript (`typescript`) naming for the docs generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct NodejsDocs;

impl LanguageDocs for NodejsDocs {
    fn language(&self) -> &'static str {
        "typescript"
    }

    fn naming<'p>(&self, pkg: &'p Package) -> Box<dyn PackageNaming + 'p> {
        Box::new(NodejsNaming::new(pkg))
    }
}

/// The TypeScript spelling of one package: the SDK's [`Names`] table, built once.
pub struct NodejsNaming<'p> {
    pkg: &'p Package,
    names: Names,
    index: TokenIndex,
    /// Types are printed as if from outside the package (`@pulumi/<pkg>/...`).
    root: String,
}

impl<'p> NodejsNaming<'p> {
    pub fn new(pkg: &'p Package) -> Self {
        NodejsNaming {
            pkg,
            names: Names::new(pkg),
            index: TokenIndex::new(pkg),
            root: format!("@pulumi/{}/", pkg.name),
        }
    }

    fn types(&self) -> TypeCtx<'_> {
        TypeCtx { pkg: self.pkg, names: &self.names, root: self.root.clone() }
    }

    /// The import-style qualifier of a module (`alicloud.ecs.`), `alicloud.` for the root.
    fn qualifier(&self, module: &str) -> String {
        let mut parts = vec![names::camel_ident(&self.pkg.name)];
        parts.extend(self.names.module_segments(module));
        format!("{}.", parts.join("."))
    }

    fn class_name(&self, res: &Resource) -> String {
        if res.is_provider {
            return "Provider".into();
        }
        match self.index.resource(res) {
            Some(i) => self.names.resource_class[i].clone(),
            None => names::pascal_ident(&res.token.name),
        }
    }
}

impl PackageNaming for NodejsNaming<'_> {
    fn language(&self) -> &'static str {
        "typescript"
    }

    fn property_name(&self, prop: &Property) -> String {
        // Properties keep their wire names; ones that are not identifiers are quoted.
        names::property_key(&prop.name)
    }

    fn type_name(&self, ty: &Type, input: bool) -> String {
        let s = self.types().inner(ty, if input { Shape::Input } else { Shape::Output });
        if input {
            format!("pulumi.Input<{s}>")
        } else {
            s
        }
    }

    fn resource_name(&self, res: &Resource) -> String {
        let module = if res.is_provider { "" } else { res.token.module.as_str() };
        format!("{}{}", self.qualifier(module), self.class_name(res))
    }

    fn constructor_signature(&self, res: &Resource) -> String {
        let class = self.class_name(res);
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

    fn get_signature(&self, res: &Resource) -> String {
        let class = self.class_name(res);
        if res.state_inputs.is_some() {
            format!("{class}.get(name: string, id: pulumi.Input<pulumi.ID>, state?: {class}State, opts?: pulumi.CustomResourceOptions): {class}")
        } else {
            format!(
                "{class}.get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): {class}"
            )
        }
    }

    fn function_signature(&self, func: &Function) -> String {
        let (pkg, names) = (self.pkg, &self.names);
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
                // liftSingleValueMethodReturns: the one result value.
                FunctionReturn::Object(props) if props.len() == 1 && names.lift_method_returns => {
                    self.types().output_value(&props[0])
                }
                FunctionReturn::Object(_) => format!("{class}.{title}Result"),
                FunctionReturn::Type(t) => self.types().inner(t, Shape::Output),
                FunctionReturn::None => "void".into(),
            };
            return format!("{}.{name}({arg}): pulumi.Output<{ret}>", names::camel_ident(&class));
        }
        let name = match self.index.function(func) {
            Some(i) => names.function_name[i].clone(),
            None => names::camel_ident(&func.token.name),
        };
        let title = names::pascal(&name);
        let positional = crate::function::positional_params(&self.types(), func);
        let args = match &func.inputs {
            // multiArgumentInputs: positional parameters, as the SDK declares them.
            Some(_) if !positional.is_empty() => positional
                .iter()
                .map(|p| format!("{}{}: {}, ", p.name, if p.optional { "?" } else { "" }, p.ty))
                .collect(),
            Some(inputs) => {
                let opt = if inputs.iter().any(|p| p.required) { "" } else { "?" };
                format!("args{opt}: {title}Args, ")
            }
            None => String::new(),
        };
        let ret = match &func.outputs {
            FunctionReturn::Object(_) => format!("{title}Result"),
            FunctionReturn::Type(t) => self.types().inner(t, Shape::Output),
            FunctionReturn::None => "void".into(),
        };
        format!("{name}({args}opts?: pulumi.InvokeOptions): Promise<{ret}>")
    }
}
