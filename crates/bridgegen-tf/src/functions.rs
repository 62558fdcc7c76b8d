//! Provider-defined functions (Terraform 1.8+, `provider::<name>::<function>(...)`) -> Pulumi
//! functions (invokes). Pulumi's bridge maps them too (its `docs/guides/provider-functions.md`):
//! the same tokens, `pkg:index/<camelName>:<camelName>` with no `get` prefix, and the same result
//! shape: an object result's attributes are the outputs, any other result is the function's
//! return type (the invoke answers `{"result": value}`). The arguments differ: bridgegen takes
//! them as one object of named, camelCased parameters rather than `multiArgumentInputs`, which
//! its Node.js, Go and .NET generators do not implement (the SDKs would differ by language).

use std::path::Path;

use indexmap::IndexMap;

use bridgegen_schema::{ComplexTypeSpec, FunctionSpec, ObjectTypeSpec, ReturnTypeSpec};

use crate::config::ItemOverride;
use crate::docs::{DocIndex, DocPage};
use crate::mapping::{esc, Field, Mapper, Problem};
use crate::meta::FunctionMeta;
use crate::names;
use crate::prose::{self, Names};
use crate::tfschema::{Attribute, CtyType, Function, Parameter};
use crate::BridgeError;

/// The Pulumi functions and their metadata, by token and by Terraform name.
#[derive(Default)]
pub struct MappedFunctions {
    pub specs: IndexMap<String, FunctionSpec>,
    pub metas: IndexMap<String, FunctionMeta>,
}

/// Shared inputs of the mapping (the package's state while bridging).
pub struct Context<'a> {
    pub pkg: &'a str,
    /// JSON pointer of the provider in the Terraform schema file.
    pub base_ptr: &'a str,
    pub docs: Option<&'a DocIndex>,
    /// The docs folder (`[functions.<name>] docs` paths are relative to it).
    pub docs_dir: Option<&'a Path>,
    /// `[functions.<name>]` of bridge.toml.
    pub overrides: &'a IndexMap<String, ItemOverride>,
    pub names: &'a Names,
    pub types: &'a mut IndexMap<String, ComplexTypeSpec>,
    /// Tokens already taken (lower-cased) -> the Terraform name that took them.
    pub seen_tokens: &'a mut IndexMap<String, String>,
    pub problems: &'a mut Vec<Problem>,
}

/// The Pulumi token of a Terraform function name.
pub fn token(pkg: &str, tf_name: &str) -> String {
    let camel = names::camel(tf_name);
    format!("{pkg}:index/{camel}:{camel}")
}

/// Parameter keys: the Terraform names (documentation only: arguments are positional), with
/// empty names as `arg<N>` and repeated ones numbered.
fn parameter_keys(params: &[&Parameter]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for (i, p) in params.iter().enumerate() {
        let base = if p.name.is_empty() { format!("arg{}", i + 1) } else { p.name.clone() };
        let mut key = base.clone();
        let mut n = 2;
        while keys.contains(&key) {
            key = format!("{base}{n}");
            n += 1;
        }
        keys.push(key);
    }
    keys
}

pub fn map_functions(functions: &IndexMap<String, Function>, cx: &mut Context) -> Result<MappedFunctions, BridgeError> {
    let mut out = MappedFunctions::default();
    for (tf_name, f) in functions {
        let ptr = format!("{}/functions/{}", cx.base_ptr, esc(tf_name));
        let over = cx.overrides.get(tf_name);
        let token = over.and_then(|o| o.token.clone()).unwrap_or_else(|| token(cx.pkg, tf_name));
        if let Some(prev) = cx.seen_tokens.insert(token.to_lowercase(), tf_name.clone()) {
            cx.problems.push(Problem {
                pointer: ptr,
                message: format!("`{prev}` and the function `{tf_name}` both map to the token `{token}`"),
            });
            continue;
        }
        let path = match (over.and_then(|o| o.docs.as_ref()), cx.docs_dir) {
            (Some(p), Some(dir)) => Some(dir.join(p)),
            _ => cx.docs.and_then(|d| d.functions.get(tf_name)).cloned(),
        };
        let page = match path {
            Some(p) => Some(DocPage::load(&p).map_err(|e| BridgeError::io(&p, e))?),
            None => None,
        };
        let prefix = names::pascal(tf_name);
        let mut m = Mapper {
            pkg: cx.pkg,
            module: "index".into(),
            doc: page.as_ref(),
            over,
            names: cx.names,
            types: cx.types,
            problems: cx.problems,
        };

        // Arguments: one optional-or-required input per parameter, the variadic one as a list.
        let mut params: Vec<&Parameter> = f.parameters.iter().collect();
        params.extend(f.variadic_parameter.iter());
        let keys = parameter_keys(&params);
        let variadic = f.variadic_parameter.as_ref().map(|_| keys[keys.len() - 1].clone());
        let attrs: IndexMap<String, Attribute> = params
            .iter()
            .zip(&keys)
            .map(|(p, k)| {
                let is_variadic = variadic.as_ref() == Some(k);
                let attr = Attribute {
                    type_: Some(if is_variadic { CtyType::List(Box::new(p.type_.clone())) } else { p.type_.clone() }),
                    description: p.description.clone(),
                    required: !p.is_nullable && !is_variadic,
                    optional: p.is_nullable || is_variadic,
                    ..Default::default()
                };
                (k.clone(), attr)
            })
            .collect();
        let args =
            m.fields(&attrs, &IndexMap::new(), "", &format!("{prefix}Args"), &format!("{ptr}/parameters"), false);

        // Result: an object's attributes, or one `result` field.
        let result_object = matches!(f.return_type, CtyType::Object(_));
        let result_attrs: IndexMap<String, Attribute> = match &f.return_type {
            CtyType::Object(a) => a.iter().map(|(k, t)| (k.clone(), computed(t.clone()))).collect(),
            t => IndexMap::from([("result".to_string(), computed(t.clone()))]),
        };
        let result = m.fields(
            &result_attrs,
            &IndexMap::new(),
            "",
            &format!("{prefix}Result"),
            &format!("{ptr}/return_type"),
            true,
        );

        let description = describe(f, page.as_ref(), cx.names);
        let spec = function_spec(&args, &result, result_object, description, f.deprecation_message.clone());
        out.specs.insert(token.clone(), spec);
        out.metas.insert(
            tf_name.clone(),
            FunctionMeta {
                token,
                parameters: keys[..f.parameters.len()].to_vec(),
                variadic,
                fields: args.into_iter().map(|f| (f.tf_name, f.meta)).collect(),
                result: result.into_iter().map(|f| (f.tf_name, f.meta)).collect(),
                result_object,
            },
        );
    }
    Ok(out)
}

fn computed(t: CtyType) -> Attribute {
    Attribute { type_: Some(t), computed: true, ..Default::default() }
}

fn function_spec(
    args: &[Field],
    result: &[Field],
    result_object: bool,
    description: Option<String>,
    deprecation: Option<String>,
) -> FunctionSpec {
    let mut inputs = ObjectTypeSpec { type_: Some("object".into()), ..Default::default() };
    for a in args {
        inputs.properties.insert(a.meta.name.clone(), a.spec.clone());
        if a.meta.required {
            inputs.required.push(a.meta.name.clone());
        }
    }
    let outputs = if result_object {
        let mut o = ObjectTypeSpec { type_: Some("object".into()), ..Default::default() };
        for r in result {
            o.properties.insert(r.meta.name.clone(), r.spec.clone());
            o.required.push(r.meta.name.clone());
        }
        ReturnTypeSpec::Object(o.into())
    } else {
        ReturnTypeSpec::Type(result[0].spec.type_spec.clone())
    };
    FunctionSpec {
        description,
        inputs: (!inputs.properties.is_empty()).then_some(inputs),
        outputs: Some(outputs),
        deprecation_message: deprecation.filter(|d| !d.is_empty()),
        ..Default::default()
    }
}

/// The docs page's intro (its examples call `provider::...` in HCL, which has no Pulumi
/// counterpart), else the schema's description, else its summary.
fn describe(f: &Function, page: Option<&DocPage>, names: &Names) -> Option<String> {
    let from_page = page.map(|p| p.intro.trim()).filter(|t| !t.is_empty());
    let text = from_page.or(f.description.as_deref().map(str::trim).filter(|t| !t.is_empty())).or(f
        .summary
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty()))?;
    Some(format!("{}\n", prose::clean(text, names).trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_keys_fill_empty_names_and_number_repeats() {
        let p = |n: &str| Parameter { name: n.into(), description: None, is_nullable: false, type_: CtyType::String };
        let (a, b, c, d) = (p("value"), p(""), p("value"), p("value"));
        assert_eq!(parameter_keys(&[&a, &b, &c, &d]), ["value", "arg2", "value2", "value3"]);
    }
}
