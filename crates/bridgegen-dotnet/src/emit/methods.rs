//! Resource methods: an instance method per schema method calling the provider with
//! `Deployment.Instance.Call` and the resource as `__self__`, with its `<Res><Method>Args`
//! (`CallArgs`) and `<Res><Method>Result` classes beside the resource, as Pulumi's .NET SDKs.
//! Pulumi's .NET generator has no plain results (`ReturnTypePlain`): a plain method returns
//! `Output<<Res><Method>Result>` there too; a non-object plain result is that class's one
//! field `Res` (its wire name `res`, as the other SDKs read it), a class Pulumi's generator
//! references without declaring.

use super::*;

#[derive(Serialize)]
pub struct MethodVm {
    doc: String,
    /// The `[Obsolete(..)]` message as a C# string literal, when deprecated.
    obsolete: Option<String>,
    name: String,
    token_lit: String,
    /// Some argument is required, so the args parameter has no default.
    args_required: bool,
    args: Option<ArgsClassVm>,
    /// The result object; none when the method is called for its effect only (`void`).
    result: Option<OutputClassVm>,
    /// liftSingleValueMethodReturns: the method returns the result's one field instead.
    lifted: Option<LiftedVm>,
}

#[derive(Serialize)]
pub struct LiftedVm {
    ty: String,
    field: String,
}

impl Emitter<'_> {
    /// The methods of resource `r` (class `class`); `taken` holds its member names.
    pub(super) fn methods(&self, r: &Resource, class: &str, taken: &[String]) -> Vec<MethodVm> {
        let (pkg, n) = (self.pkg, self.names);
        let mut used: Vec<String> =
            taken.iter().cloned().chain(RESOURCE_RESERVED_MEMBERS.iter().map(|s| s.to_string())).collect();
        used.push(class.to_string());
        let mut out = Vec::new();
        for m in &r.methods {
            let f = pkg.function(m.function);
            let mut name = names::type_name(&m.name);
            while used.contains(&name) {
                name.push('_');
            }
            used.push(name.clone());
            let full = format!("{class}{name}");
            let args: Vec<Property> = f.inputs.iter().flatten().filter(|p| p.name != "__self__").cloned().collect();
            let args_class = format!("{full}Args");
            // Pulumi's .NET SDKs call a method with a non-plain non-object result for its effect only.
            let result_props = f.method_result(pkg);
            let props = result_props.as_deref();
            let (result, lifted) = match props {
                Some(props) => {
                    let mut vm = self.output_class(&format!("{full}Result"), None, props);
                    let lifted = match props {
                        [only] if n.opts.lift_single_value_method_returns => {
                            Some(LiftedVm { ty: nullable_output(pkg, n, only), field: vm.fields[0].name.clone() })
                        }
                        _ => None,
                    };
                    vm.internal = lifted.is_some();
                    (Some(vm), lifted)
                }
                None => (None, None),
            };
            out.push(MethodVm {
                doc: doc(IND2, f.description.as_ref()),
                obsolete: obsolete(f.deprecation_message.as_deref()),
                name,
                token_lit: string_literal(&f.token.full),
                args_required: args.iter().any(|p| p.required),
                args: (!args.is_empty()).then(|| {
                    self.args_class(&args_class, "global::Pulumi.CallArgs", None, &args, InMode::Input, false)
                }),
                result,
                lifted,
            });
        }
        out
    }
}
