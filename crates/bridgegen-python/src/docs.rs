//! [`LanguageDocs`] for Python, built on the SDK generator's own naming and type code.

use bridgegen_codegen::{LanguageDocs, PackageNaming, TokenIndex};
use bridgegen_model::{Function, FunctionReturn, Package, Property, Resource, Type};

use crate::ctx::{tidy, Ctx, Here, Mode, Refs};
use crate::names::{self, FUNCTION_RESERVED, RESOURCE_RESERVED};
use crate::props;

/// Python spelling of a package's API, for the docs generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct PythonDocs;

impl LanguageDocs for PythonDocs {
    fn language(&self) -> &'static str {
        "python"
    }

    fn naming<'p>(&self, pkg: &'p Package) -> Box<dyn PackageNaming + 'p> {
        Box::new(PythonNaming::new(pkg))
    }
}

/// The Python spelling of one package: the SDK generator's [`Ctx`], built once.
pub struct PythonNaming<'p> {
    ctx: Ctx<'p>,
    index: TokenIndex,
    /// A module no package has: every generated class comes out qualified, then tidied.
    here: Here,
}

impl<'p> PythonNaming<'p> {
    pub fn new(pkg: &'p Package) -> Self {
        let opts = crate::PythonOptions::from_package(pkg);
        let ctx = Ctx::new(pkg, crate::package_import_name(pkg), &opts);
        PythonNaming { ctx, index: TokenIndex::new(pkg), here: Here::new("\u{2}docs", None) }
    }

    fn resource_module_path(&self, r: &Resource) -> String {
        let mut parts = vec![self.ctx.package_name.clone()];
        parts.extend(self.ctx.path(&r.token.module).iter().cloned());
        parts.join(".")
    }

    fn class_name(&self, res: &Resource) -> String {
        if res.is_provider {
            return "Provider".to_string();
        }
        self.index
            .resource(res)
            .map(|i| self.ctx.resource_class[i].clone())
            .unwrap_or_else(|| names::class_name(&res.token.name))
    }

    fn arg(&self, p: &Property) -> String {
        tidy(&self.ctx.arg_type(p, true, &self.here, &mut Refs::default()))
    }

    fn ty(&self, ty: &Type, mode: Mode) -> String {
        tidy(&self.ctx.ty(ty, mode, &self.here, &mut Refs::default()))
    }
}

impl PackageNaming for PythonNaming<'_> {
    fn language(&self) -> &'static str {
        "python"
    }

    fn property_name(&self, prop: &Property) -> String {
        names::property_name(&prop.name, &[])
    }

    fn type_name(&self, ty: &Type, input: bool) -> String {
        self.ty(ty, if input { Mode::Input } else { Mode::Output })
    }

    fn resource_name(&self, res: &Resource) -> String {
        let module = if res.is_provider { self.ctx.package_name.clone() } else { self.resource_module_path(res) };
        format!("{module}.{}", self.class_name(res))
    }

    fn constructor_signature(&self, res: &Resource) -> String {
        let map = props::name_map(&[&res.inputs, &res.properties], &[RESOURCE_RESERVED]);
        let mut params =
            vec!["resource_name: str".to_string(), "opts: Optional[pulumi.ResourceOptions] = None".to_string()];
        for p in &res.inputs {
            params.push(format!("{}: {} = None", map[&p.name], self.arg(p)));
        }
        format!("{}({})", self.class_name(res), params.join(", "))
    }

    fn get_signature(&self, res: &Resource) -> String {
        let empty = Vec::new();
        let state = res.state_inputs.as_ref().unwrap_or(&empty);
        let map = props::name_map(&[&res.inputs, &res.properties, state], &[RESOURCE_RESERVED]);
        let mut params = vec![
            "resource_name: str".to_string(),
            "id: pulumi.Input[str]".to_string(),
            "opts: Optional[pulumi.ResourceOptions] = None".to_string(),
        ];
        for p in state {
            params.push(format!("{}: {} = None", map[&p.name], self.arg(p)));
        }
        let class = self.class_name(res);
        format!("{class}.get({}) -> {class}", params.join(", "))
    }

    fn function_signature(&self, func: &Function) -> String {
        let empty = Vec::new();
        let inputs = func.inputs.as_ref().unwrap_or(&empty);
        let map = props::name_map(&[inputs], &[FUNCTION_RESERVED]);
        let mut params = Vec::new();
        for p in inputs {
            params.push(format!("{}: Optional[{}] = None", map[&p.name], self.ty(&p.ty, Mode::PlainShape)));
        }
        params.push("opts: Optional[pulumi.InvokeOptions] = None".into());
        let name = names::function_name(&func.token.name);
        let ret = match &func.outputs {
            FunctionReturn::Object(_) => format!("Awaitable{}Result", names::class_name(&func.token.name)),
            FunctionReturn::Type(t) => self.ty(t, Mode::Output),
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
        assert_eq!(tidy("pulumi.Input[Optional['_net.edge.Router']]"), "pulumi.Input[Optional[Router]]");
        assert_eq!(tidy("Optional['Provider']"), "Optional[Provider]");
        assert_eq!(tidy("Optional[pulumi.ResourceOptions]"), "Optional[pulumi.ResourceOptions]");
    }
}
