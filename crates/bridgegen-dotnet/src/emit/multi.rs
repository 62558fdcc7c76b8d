//! Functions with `multiArgumentInputs`: their inputs are method parameters, in the listed
//! order, gathered into a `DictionaryInvokeArgs` (no `Args`/`InvokeArgs` classes), as
//! Pulumi's .NET generator writes them. The output form has no `InvokeOutputOptions`
//! overload (it would make every optional parameter required).

use super::*;

/// The parameters of both forms of a multi-argument function.
#[derive(Serialize)]
pub struct MultiArgsVm {
    /// `double a`, `double? b = null` (the `InvokeAsync` form).
    plain: Vec<ParamVm>,
    /// `Input<double> a`, `Input<double?>? b = null` (the `Invoke` form).
    input: Vec<ParamVm>,
}

#[derive(Serialize)]
pub struct ParamVm {
    decl: String,
    name: String,
    wire_lit: String,
}

impl MultiArgsVm {
    /// The `InvokeAsync` parameters before the options (`double a, double? b = null, `).
    pub(crate) fn plain_params(&self) -> String {
        self.plain.iter().map(|p| format!("{}, ", p.decl)).collect()
    }
}

/// Locals of the generated method bodies a parameter must not take.
const LOCALS: &[&str] = &["builder", "args", "invokeOptions"];

impl Emitter<'_> {
    /// The parameters of `f` when it lists `multiArgumentInputs`.
    pub(crate) fn multi_args(&self, f: &Function) -> Option<MultiArgsVm> {
        if f.multi_argument_inputs.is_empty() {
            return None;
        }
        let (pkg, n) = (self.pkg, self.names);
        let inputs = f.inputs.as_deref().unwrap_or_default();
        // The listed order, then any input the list leaves out.
        let mut ordered: Vec<&Property> =
            f.multi_argument_inputs.iter().filter_map(|name| inputs.iter().find(|p| &p.name == name)).collect();
        ordered.extend(inputs.iter().filter(|p| !f.multi_argument_inputs.contains(&p.name)));
        let mut taken: Vec<String> = LOCALS.iter().map(|s| s.to_string()).collect();
        let mut plain = Vec::new();
        let mut input = Vec::new();
        for p in ordered {
            // `@args` is the identifier `args`: compare without the escape.
            let mut name = names::camel_param(&names::property_name(&p.name));
            while taken.iter().any(|t| t == name.trim_start_matches('@')) {
                name = format!("{}_", name.trim_start_matches('@'));
            }
            taken.push(name.trim_start_matches('@').to_string());
            let scalar_value = n.is_value_type(&p.ty) && !matches!(p.ty, Type::Union(_));
            let plain_ty = n.plain_ty(pkg, &p.ty, InputClass::Plain);
            let input_ty = n.input_ty(pkg, &p.ty, false);
            let (plain_decl, input_decl) = if p.required {
                (format!("{plain_ty} {name}"), format!("{input_ty} {name}"))
            } else if scalar_value {
                let elem = n.input_elem_ty(pkg, &p.ty, false);
                (format!("{plain_ty}? {name} = null"), format!("Input<{elem}?>? {name} = null"))
            } else {
                (format!("{plain_ty}? {name} = null"), format!("{input_ty}? {name} = null"))
            };
            let wire_lit = string_literal(&p.name);
            plain.push(ParamVm { decl: plain_decl, name: name.clone(), wire_lit: wire_lit.clone() });
            input.push(ParamVm { decl: input_decl, name, wire_lit });
        }
        Some(MultiArgsVm { plain, input })
    }
}
