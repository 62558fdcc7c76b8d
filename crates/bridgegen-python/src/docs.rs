//! [`LanguageDocs`] for Python, built on the SDK generator's own naming and type code.

use bridgegen_codegen::LanguageDocs;
use bridgegen_model::{Function, FunctionReturn, Package, Property, Resource, Type};

use crate::ctx::{tidy, Ctx, Here, Mode, Refs};
use crate::names::{self, FUNCTION_RESERVED, RESOURCE_RESERVED};
use crate::props;

/// Python spelling of a package's API, for the docs generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct PythonDocs;

fn ctx(pkg: &Package) -> Ctx<'_> {
    let opts = crate::PythonOptions::from_package(pkg);
    Ctx::new(pkg, crate::package_import_name(pkg), &opts.module_name_overrides)
}

fn resource_module_path(c: &Ctx, r: &Resource) -> String {
    let mut parts = vec![c.package_name.clone()];
    parts.extend(c.path(&r.token.module).iter().cloned());
    parts.join(".")
}

fn resource_index(pkg: &Package, r: &Resource) -> Option<usize> {
    pkg.resources.iter().position(|x| x.token.full == r.token.full)
}

impl LanguageDocs for PythonDocs {
    fn language(&self) -> &'static str {
        "python"
    }

    fn property_name(&self, _pkg: &Package, prop: &Property) -> String {
        names::property_name(&prop.name, props::python_override(prop), &[])
    }

    fn type_name(&self, pkg: &Package, ty: &Type, input: bool) -> String {
        let c = ctx(pkg);
        let here = Here { module: "\u{2}docs".into(), kind: None };
        let t = c.ty(ty, if input { Mode::Input } else { Mode::Output }, &here, &mut Refs::default());
        tidy(&t)
    }

    fn resource_name(&self, pkg: &Package, res: &Resource) -> String {
        let c = ctx(pkg);
        let class = if res.is_provider {
            "Provider".to_string()
        } else {
            resource_index(pkg, res)
                .map(|i| c.resource_class[i].clone())
                .unwrap_or_else(|| names::class_name(&res.token.name))
        };
        let module = if res.is_provider { c.package_name.clone() } else { resource_module_path(&c, res) };
        format!("{module}.{class}")
    }

    fn constructor_signature(&self, pkg: &Package, res: &Resource) -> String {
        let c = ctx(pkg);
        let here = Here { module: "\u{2}docs".into(), kind: None };
        let map = props::name_map(&[&res.inputs, &res.properties], &[RESOURCE_RESERVED]);
        let mut params =
            vec!["resource_name: str".to_string(), "opts: Optional[pulumi.ResourceOptions] = None".to_string()];
        for p in &res.inputs {
            let t = c.arg_type(p, true, &here, &mut Refs::default());
            params.push(format!("{}: {} = None", map[&p.name], tidy(&t)));
        }
        let class = self.resource_name(pkg, res);
        let class = class.rsplit('.').next().unwrap_or(&class).to_string();
        format!("{class}({})", params.join(", "))
    }

    fn get_signature(&self, pkg: &Package, res: &Resource) -> String {
        let c = ctx(pkg);
        let here = Here { module: "\u{2}docs".into(), kind: None };
        let empty = Vec::new();
        let state = res.state_inputs.as_ref().unwrap_or(&empty);
        let map = props::name_map(&[&res.inputs, &res.properties, state], &[RESOURCE_RESERVED]);
        let mut params = vec![
            "resource_name: str".to_string(),
            "id: pulumi.Input[str]".to_string(),
            "opts: Optional[pulumi.ResourceOptions] = None".to_string(),
        ];
        for p in state {
            let t = c.arg_type(p, true, &here, &mut Refs::default());
            params.push(format!("{}: {} = None", map[&p.name], tidy(&t)));
        }
        let class = self.resource_name(pkg, res);
        let class = class.rsplit('.').next().unwrap_or(&class).to_string();
        format!("{class}.get({}) -> {class}", params.join(", "))
    }

    fn function_signature(&self, pkg: &Package, func: &Function) -> String {
        let c = ctx(pkg);
        let here = Here { module: "\u{2}docs".into(), kind: None };
        let empty = Vec::new();
        let inputs = func.inputs.as_ref().unwrap_or(&empty);
        let map = props::name_map(&[inputs], &[FUNCTION_RESERVED]);
        let mut params = Vec::new();
        for p in inputs {
            let t = c.ty(&p.ty, Mode::Plain, &here, &mut Refs::default());
            params.push(format!("{}: Optional[{}] = None", map[&p.name], tidy(&t)));
        }
        params.push("opts: Optional[pulumi.InvokeOptions] = None".into());
        let name = names::function_name(&func.token.name);
        let ret = match &func.outputs {
            FunctionReturn::Object(_) => format!("Awaitable{}Result", names::class_name(&func.token.name)),
            FunctionReturn::Type(t) => tidy(&c.ty(t, Mode::Output, &here, &mut Refs::default())),
            FunctionReturn::None => "None".into(),
        };
        format!("{name}({}) -> {ret}", params.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_strips_aliases() {
        assert_eq!(
            tidy("pulumi.Input[Union['_root_inputs.FooArgs', '_root_inputs.FooArgsDict']]"),
            "pulumi.Input[Union[FooArgs, FooArgsDict]]"
        );
        assert_eq!(tidy("Sequence['_core_v1_outputs.Pod']"), "Sequence[Pod]");
        assert_eq!(tidy("Optional[_builtins.str]"), "Optional[str]");
    }
}
