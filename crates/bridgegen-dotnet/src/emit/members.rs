//! Resource and function view models.

use super::*;

impl Emitter<'_> {
    pub fn resource(&self, r: &Resource, class: &str) -> ResourceVm {
        let (pkg, n) = (self.pkg, self.names);
        let is_provider = r.is_provider;
        let props: Vec<&Property> =
            r.properties.iter().filter(|p| !is_provider || matches!(p.ty, Type::String)).collect();
        let member = member_names(class, RESOURCE_RESERVED_MEMBERS, props.iter().map(|p| p.name.as_str()));
        let outputs = props
            .iter()
            .zip(member)
            .map(|(p, name)| ResourceOutputVm {
                doc: doc(IND2, p.description.as_ref()),
                obsolete: obsolete(IND2, p.deprecation_message.as_deref()),
                wire_lit: string_literal(&p.name),
                ty: nullable_output(pkg, n, p),
                name,
            })
            .collect::<Vec<ResourceOutputVm>>();
        let taken: Vec<String> = outputs.iter().map(|o| o.name.clone()).collect();
        let methods = self.methods(r, class, &taken);
        let options_type = if r.is_component { "ComponentResourceOptions" } else { "CustomResourceOptions" };
        let mut option_lines = Vec::new();
        if let Some(url) = &pkg.plugin_download_url {
            option_lines.push(format!("PluginDownloadURL = {},", string_literal(url)));
        }
        let secrets = r.secret_outputs();
        if !secrets.is_empty() && !r.is_component {
            option_lines.push(format!(
                "AdditionalSecretOutputs = {{ {} }},",
                secrets.iter().map(|s| string_literal(s)).collect::<Vec<_>>().join(", ")
            ));
        }
        let roc = r.replace_on_changes(pkg);
        if !roc.is_empty() {
            option_lines.push(format!(
                "ReplaceOnChanges = {{ {} }},",
                roc.iter().map(|s| string_literal(s)).collect::<Vec<_>>().join(", ")
            ));
        }
        if !r.aliases.is_empty() {
            let items: Vec<String> = r
                .aliases
                .iter()
                .map(|a| {
                    let mut fields = Vec::new();
                    if let Some(v) = &a.name {
                        fields.push(format!("Name = {}", string_literal(v)));
                    }
                    if let Some(v) = &a.project {
                        fields.push(format!("Project = {}", string_literal(v)));
                    }
                    if let Some(v) = &a.type_ {
                        fields.push(format!("Type = {}", string_literal(v)));
                    }
                    format!("new global::Pulumi.Alias {{ {} }}", fields.join(", "))
                })
                .collect();
            option_lines.push(format!("Aliases = {{ {} }},", items.join(", ")));
        }
        let args_class = format!("{class}Args");
        let required_args = r.inputs.iter().any(|p| p.required);
        let args_param = if required_args && !is_provider {
            format!("{args_class} args")
        } else {
            format!("{args_class}? args = null")
        };
        let has_get = !r.is_component && !is_provider;
        let state_class = format!("{class}State");
        let state = match (&r.state_inputs, has_get) {
            (Some(s), true) => {
                Some(self.args_class(&state_class, "global::Pulumi.ResourceArgs", None, s, InMode::Input, false))
            }
            _ => None,
        };
        let (state_param, state_arg) = if state.is_some() {
            (format!("{state_class}? state = null, "), "state".to_string())
        } else {
            (String::new(), "null".to_string())
        };
        let base = if is_provider {
            "global::Pulumi.ProviderResource"
        } else if r.is_component {
            "global::Pulumi.ComponentResource"
        } else {
            "global::Pulumi.CustomResource"
        };
        ResourceVm {
            doc: doc(IND1, r.description.as_ref()),
            obsolete: obsolete(IND1, r.deprecation_message.as_deref()),
            attr: n.attr.clone(),
            token_lit: string_literal(if is_provider { pkg.provider_token() } else { &r.token.full }),
            class: class.to_string(),
            base: base.to_string(),
            options_type: options_type.to_string(),
            outputs,
            args_param,
            base_first_arg: string_literal(if is_provider { &pkg.name } else { &r.token.full }),
            remote: if r.is_component { ", remote: true".into() } else { String::new() },
            dictionary_constructor: n.opts.dictionary_constructors && !is_provider,
            has_get,
            state_param,
            state_arg,
            option_lines,
            args: self.args_class(
                &args_class,
                "global::Pulumi.ResourceArgs",
                None,
                &r.inputs,
                InMode::Input,
                is_provider,
            ),
            state,
            args_class,
            methods,
        }
    }

    pub fn function(&self, f: &Function, class: &str) -> FunctionVm {
        let (pkg, n) = (self.pkg, self.names);
        let args_name = format!("{class}Args");
        let invoke_args_name = format!("{class}InvokeArgs");
        let result_name = format!("{class}Result");
        let inputs = f.inputs.as_deref();
        let required = inputs.is_some_and(|i| i.iter().any(|p| p.required));
        let (async_params, async_args, invoke_params, invoke_args) = match inputs {
            Some(_) => {
                let (a, i) = if required {
                    (format!("{args_name} args"), format!("{invoke_args_name} args"))
                } else {
                    (format!("{args_name}? args = null"), format!("{invoke_args_name}? args = null"))
                };
                (
                    format!("{a}, InvokeOptions? options = null"),
                    format!("args ?? new {args_name}()"),
                    format!("{i}, InvokeOptions? options = null"),
                    format!("args ?? new {invoke_args_name}()"),
                )
            }
            None => (
                "InvokeOptions? options = null".to_string(),
                "InvokeArgs.Empty".to_string(),
                "InvokeOptions? options = null".to_string(),
                "InvokeArgs.Empty".to_string(),
            ),
        };
        let (async_ret, async_call, invoke_ret, invoke_call, has_invoke, result) = match &f.outputs {
            FunctionReturn::Object(props) => (
                format!("Task<{result_name}>"),
                format!("InvokeAsync<{result_name}>"),
                format!("Output<{result_name}>"),
                format!("Invoke<{result_name}>"),
                true,
                Some(self.output_class(&result_name, None, props)),
            ),
            FunctionReturn::Type(t) => {
                let t = n.output_ty(pkg, t);
                (
                    format!("Task<{t}>"),
                    format!("InvokeSingleAsync<{t}>"),
                    format!("Output<{t}>"),
                    format!("InvokeSingle<{t}>"),
                    true,
                    None,
                )
            }
            FunctionReturn::None => {
                ("Task".to_string(), "InvokeAsync".to_string(), String::new(), String::new(), false, None)
            }
        };
        let args =
            inputs.map(|i| self.args_class(&args_name, "global::Pulumi.InvokeArgs", None, i, InMode::Plain, false));
        let invoke_args_class = match (inputs, has_invoke) {
            (Some(i), true) => {
                Some(self.args_class(&invoke_args_name, "global::Pulumi.InvokeArgs", None, i, InMode::Input, false))
            }
            _ => None,
        };
        FunctionVm {
            class: class.to_string(),
            doc: doc(IND2, f.description.as_ref()),
            obsolete: obsolete(IND2, f.deprecation_message.as_deref()),
            token_lit: string_literal(&f.token.full),
            async_ret,
            async_params,
            async_call,
            async_args,
            has_invoke,
            invoke_ret,
            invoke_params,
            invoke_call,
            invoke_args,
            args,
            invoke_args_class,
            result,
        }
    }
}
