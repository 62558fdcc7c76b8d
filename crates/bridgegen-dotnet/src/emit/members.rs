//! Resource and function view models.

use super::*;

impl Emitter<'_> {
    pub fn resource(&self, r: &Resource, class: &str) -> ResourceVm {
        let (pkg, n) = (self.pkg, self.names);
        let is_provider = r.is_provider;
        let props: Vec<&Property> =
            r.properties.iter().filter(|p| !is_provider || matches!(p.ty, Type::String)).collect();
        let member = property_member_names(class, RESOURCE_RESERVED_MEMBERS, props.iter().copied());
        let outputs = props
            .iter()
            .zip(member)
            .map(|(p, name)| ResourceOutputVm {
                doc: doc(IND2, p.description.as_ref()),
                obsolete: obsolete(p.deprecation_message.as_deref()),
                wire_lit: string_literal(&p.name),
                ty: nullable_output(pkg, n, p),
                name,
            })
            .collect::<Vec<ResourceOutputVm>>();
        let taken: Vec<String> = outputs.iter().map(|o| o.name.clone()).collect();
        let methods = self.methods(r, class, &taken);
        let options_type = if r.is_component { "ComponentResourceOptions" } else { "CustomResourceOptions" };
        let secrets = if r.is_component { Vec::new() } else { r.secret_outputs() };
        let options = ResourceOptionsVm {
            plugin_download_url: pkg.plugin_download_url.as_deref().map(string_literal),
            secret_outputs: secrets.iter().map(|s| string_literal(s)).collect(),
            replace_on_changes: r.replace_on_changes(pkg).iter().map(|s| string_literal(s)).collect(),
            aliases: r
                .aliases
                .iter()
                .map(|a| AliasVm {
                    fields: [("Name", &a.name), ("Project", &a.project), ("Type", &a.type_)]
                        .into_iter()
                        .filter_map(|(name, v)| v.as_deref().map(|v| AliasFieldVm { name, lit: string_literal(v) }))
                        .collect(),
                })
                .collect(),
        };
        // `kubernetes20`: the args class is in `Types.Inputs.<module>`, named in full.
        let args_ns = n.resource_args_ns(r).map(str::to_string);
        let args_class = match &args_ns {
            Some(ns) => format!("global::{ns}.{class}Args"),
            None => format!("{class}Args"),
        };
        let required_args = r.inputs.iter().any(|p| p.required);
        let has_get = !r.is_component && !is_provider;
        let state_class = format!("{class}State");
        let state = match (&r.state_inputs, has_get) {
            (Some(s), true) => {
                Some(self.args_class(&state_class, "global::Pulumi.ResourceArgs", None, s, InMode::State, false))
            }
            _ => None,
        };
        let base = if is_provider {
            "global::Pulumi.ProviderResource".to_string()
        } else if r.is_component {
            "global::Pulumi.ComponentResource".to_string()
        } else if n.k8s() {
            // The Kubernetes SDK's own base class (hand-written, shipped with its SDK).
            format!("global::{}.KubernetesResource", n.root_ns)
        } else {
            "global::Pulumi.CustomResource".to_string()
        };
        let args = self.args_class(
            &format!("{class}Args"),
            "global::Pulumi.ResourceArgs",
            None,
            &r.inputs,
            InMode::Input,
            is_provider,
        );
        let consts = r
            .inputs
            .iter()
            .zip(&args.props)
            .filter_map(|(p, vm)| {
                let literal = self.literal(&p.ty, p.const_value.as_ref()?)?;
                Some(ConstInputVm { name: vm.name.clone(), literal })
            })
            .collect();
        ResourceVm {
            doc: doc(IND1, r.description.as_ref()),
            obsolete: obsolete(r.deprecation_message.as_deref()),
            attr: n.attr.clone(),
            token_lit: string_literal(if is_provider { pkg.provider_token() } else { &r.token.full }),
            class: class.to_string(),
            base,
            options_type: options_type.to_string(),
            outputs,
            // `kubernetes20`: args may always be omitted (Pulumi's generator).
            args_optional: !required_args || is_provider || n.k8s(),
            base_first_arg: string_literal(if is_provider { &pkg.name } else { &r.token.full }),
            remote: r.is_component,
            dictionary_constructor: n.opts.dictionary_constructors && !r.is_component,
            has_get,
            options,
            args,
            consts,
            state,
            args_class,
            args_ns,
            methods,
        }
    }

    pub fn function(&self, f: &Function, class: &str) -> FunctionVm {
        let (pkg, n) = (self.pkg, self.names);
        let args_name = format!("{class}Args");
        let invoke_args_name = format!("{class}InvokeArgs");
        let inputs = f.inputs.as_deref();
        let required = inputs.is_some_and(|i| i.iter().any(|p| p.required));
        let (result_ty, single, result) = match &f.outputs {
            FunctionReturn::Object(props) => {
                let result_name = format!("{class}Result");
                let result = self.output_class(&result_name, None, props);
                (Some(result_name), false, Some(result))
            }
            FunctionReturn::Type(t) => (Some(n.output_ty(pkg, t)), true, None),
            FunctionReturn::None => (None, false, None),
        };
        let has_invoke = result_ty.is_some();
        let multi = self.multi_args(f);
        let inputs = inputs.filter(|_| multi.is_none());
        let args =
            inputs.map(|i| self.args_class(&args_name, "global::Pulumi.InvokeArgs", None, i, InMode::Plain, false));
        // The output form takes no args when there are no inputs (as Pulumi's generator).
        let invoke_args_class = match (inputs, has_invoke) {
            (Some(i), true) if !i.is_empty() => {
                Some(self.args_class(&invoke_args_name, "global::Pulumi.InvokeArgs", None, i, InMode::Input, false))
            }
            _ => None,
        };
        FunctionVm {
            class: class.to_string(),
            doc: doc(IND2, f.description.as_ref()),
            obsolete: obsolete(f.deprecation_message.as_deref()),
            token_lit: string_literal(&f.token.full),
            args_required: required,
            result_ty,
            single,
            args,
            invoke_args_class,
            result,
            multi,
        }
    }
}
