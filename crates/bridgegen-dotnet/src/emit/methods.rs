//! Resource methods: an instance method per schema method calling the provider with
//! `Deployment.Instance.Call` and the resource as `__self__`, with its `<Res><Method>Args`
//! (`CallArgs`) and `<Res><Method>Result` classes beside the resource, as Pulumi's .NET SDKs.

use super::*;

#[derive(Serialize)]
pub struct MethodVm {
    doc: String,
    obsolete: String,
    name: String,
    ret: String,
    params: String,
    body: String,
    args: Option<ArgsClassVm>,
    result: Option<OutputClassVm>,
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
            let mut name = names::pascal(&m.name);
            while used.contains(&name) {
                name.push('_');
            }
            used.push(name.clone());
            let full = format!("{class}{name}");
            let args: Vec<Property> = f.inputs.iter().flatten().filter(|p| p.name != "__self__").cloned().collect();
            let args_class = format!("{full}Args");
            let (params, call_args) = if args.is_empty() {
                (String::new(), "global::Pulumi.CallArgs.Empty".to_string())
            } else if args.iter().any(|p| p.required) {
                (format!("{args_class} args"), format!("args ?? new {args_class}()"))
            } else {
                (format!("{args_class}? args = null"), format!("args ?? new {args_class}()"))
            };
            let token = string_literal(&f.token.full);
            let (ret, body, result) = match &f.outputs {
                FunctionReturn::Object(props) => {
                    let result_class = format!("{full}Result");
                    let vm = self.output_class(&result_class, None, props);
                    let call =
                        format!("global::Pulumi.Deployment.Instance.Call<{result_class}>({token}, {call_args}, this)");
                    match props.as_slice() {
                        // liftSingleValueMethodReturns: the one result value, not the object.
                        [only] if n.opts.lift_single_value_method_returns => (
                            format!("Output<{}>", nullable_output(pkg, n, only)),
                            format!("{call}.Apply(v => v.{})", vm.fields[0].name),
                            Some(vm),
                        ),
                        _ => (format!("Output<{result_class}>"), call, Some(vm)),
                    }
                }
                // Pulumi's .NET SDKs call a method with a non-object result for its effect only.
                FunctionReturn::Type(_) | FunctionReturn::None => (
                    "void".to_string(),
                    format!("global::Pulumi.Deployment.Instance.Call({token}, {call_args}, this)"),
                    None,
                ),
            };
            out.push(MethodVm {
                doc: doc(IND2, f.description.as_ref()),
                obsolete: obsolete(IND2, f.deprecation_message.as_deref()),
                name,
                ret,
                params,
                body,
                args: (!args.is_empty()).then(|| {
                    self.args_class(&args_class, "global::Pulumi.CallArgs", None, &args, InMode::Input, false)
                }),
                result,
            });
        }
        out
    }
}
