//! Provider-defined functions: a Pulumi invoke of a function token becomes Terraform's
//! `CallFunction` (not `ReadDataSource`). The named Pulumi arguments are passed positionally in
//! parameter order, a variadic parameter's list element by element; an object result is the
//! invoke's outputs, any other result comes back as `{"result": value}`.

use std::collections::BTreeMap;

use bridgegen_provider::rpc;
use bridgegen_provider::value::map_to_struct;
use bridgegen_provider::{PropertyMap, PropertyValue};
use bridgegen_tf::meta::FunctionMeta;
use bridgegen_tfplugin::cty::{CtyType, CtyValue};
use tonic::Status;

use crate::bridge::{bad, decode, encode, Bridge};
use crate::values;

/// One provider function: its Terraform name, the bridge metadata and the cty types the
/// provider declares.
#[derive(Debug, Clone)]
pub struct ProviderFunction {
    pub name: String,
    pub meta: FunctionMeta,
    /// The fixed parameters' types, in call order.
    pub params: Vec<CtyType>,
    /// The variadic parameter's (element) type.
    pub variadic: Option<CtyType>,
    /// All arguments as one object (the variadic one as a list), keyed as in `meta.fields`.
    pub args_ty: CtyType,
    pub return_ty: CtyType,
    /// The outputs as one object, keyed as in `meta.result`.
    pub result_ty: CtyType,
}

impl ProviderFunction {
    /// Pairs the metadata with the provider's own signature; errors name what does not match.
    pub fn new(
        name: &str,
        meta: &FunctionMeta,
        sig: &bridgegen_tfplugin::schema::Function,
    ) -> Result<ProviderFunction, String> {
        let ty = |j: &serde_json::Value| {
            CtyType::from_json(j).map_err(|e| format!("the Terraform function `{name}` has a bad type: {e}"))
        };
        if sig.parameters.len() != meta.parameters.len() || sig.variadic_parameter.is_some() != meta.variadic.is_some()
        {
            return Err(format!(
                "the Terraform function `{name}` takes other parameters than the bridged schema says; bridge it again"
            ));
        }
        let params = sig.parameters.iter().map(|p| ty(&p.parameter_type)).collect::<Result<Vec<_>, _>>()?;
        let variadic = sig.variadic_parameter.as_ref().map(|p| ty(&p.parameter_type)).transpose()?;
        let mut args = BTreeMap::new();
        for (k, t) in meta.parameters.iter().zip(&params) {
            args.insert(k.clone(), t.clone());
        }
        if let (Some(k), Some(t)) = (&meta.variadic, &variadic) {
            args.insert(k.clone(), CtyType::List(Box::new(t.clone())));
        }
        let return_ty = ty(&sig.return_type)?;
        let result_ty = match (&return_ty, meta.result_object) {
            (CtyType::Object(_), true) => return_ty.clone(),
            (t, false) => CtyType::Object(BTreeMap::from([("result".to_string(), t.clone())])),
            _ => {
                return Err(format!(
                    "the Terraform function `{name}` returns another type than the bridged schema says; bridge it again"
                ))
            }
        };
        Ok(ProviderFunction {
            name: name.to_string(),
            meta: meta.clone(),
            params,
            variadic,
            args_ty: CtyType::Object(args),
            return_ty,
            result_ty,
        })
    }

    /// The Pulumi name of the argument at `index` (variadic arguments share the last name).
    fn argument_name(&self, index: usize) -> Option<&str> {
        let key = self.meta.parameters.get(index).or(self.meta.variadic.as_ref())?;
        Some(values::pulumi_name(&self.meta.fields, key))
    }

    /// The arguments in call order, each encoded with its parameter's type; or the failures of
    /// null arguments to parameters that do not allow null (Terraform checks those itself).
    fn encode_args(&self, args: &PropertyMap) -> Result<Result<Vec<Vec<u8>>, Vec<rpc::CheckFailure>>, Status> {
        let CtyValue::Map(all) = values::to_cty(args, &self.meta.fields, &self.args_ty).map_err(bad)? else {
            return Err(bad("the function arguments are not an object"));
        };
        let null = CtyValue::Null;
        let mut out = Vec::new();
        let mut failures = Vec::new();
        for (key, ty) in self.meta.parameters.iter().zip(&self.params) {
            let v = all.get(key).unwrap_or(&null);
            if *v == CtyValue::Null && self.meta.fields.get(key).is_some_and(|f| f.required) {
                let name = values::pulumi_name(&self.meta.fields, key);
                failures.push(rpc::CheckFailure {
                    property: name.to_string(),
                    reason: format!("the Terraform function `{}` needs a value for `{name}`", self.name),
                });
            }
            out.push(encode(v, ty)?);
        }
        if !failures.is_empty() {
            return Ok(Err(failures));
        }
        if let (Some(key), Some(ty)) = (&self.meta.variadic, &self.variadic) {
            if let Some(CtyValue::List(items)) = all.get(key) {
                for item in items {
                    out.push(encode(item, ty)?);
                }
            }
        }
        Ok(Ok(out))
    }
}

/// Calls the function; its error becomes an invoke failure (on the argument it blames), as
/// does a missing argument the function requires. Secret arguments give secret outputs; an
/// unknown one, unknown outputs.
pub async fn invoke(b: &Bridge, f: &ProviderFunction, args: &PropertyMap) -> Result<rpc::InvokeResponse, Status> {
    // Functions are pure: an unknown argument (preview) makes the whole result unknown, uncalled.
    if args.values().any(PropertyValue::contains_unknowns) {
        let unknown = f.meta.result.values().map(|m| (m.name.clone(), PropertyValue::Computed)).collect();
        return Ok(rpc::InvokeResponse { r#return: Some(map_to_struct(&unknown)), failures: Vec::new() });
    }
    let encoded = match f.encode_args(args)? {
        Ok(encoded) => encoded,
        Err(failures) => return Ok(rpc::InvokeResponse { r#return: None, failures }),
    };
    let called = b.tf.call_function(&f.name, encoded).await?;
    if let Some((text, index)) = called.error {
        let property = index.and_then(|i| usize::try_from(i).ok()).and_then(|i| f.argument_name(i));
        let failure = rpc::CheckFailure {
            property: property.unwrap_or_default().to_string(),
            reason: format!("the Terraform function `{}` failed: {text}", f.name),
        };
        return Ok(rpc::InvokeResponse { r#return: None, failures: vec![failure] });
    }
    let mut out = f.outputs(&called.result)?;
    // A secret argument makes the whole result secret (Terraform functions know no secrets).
    if args.values().any(PropertyValue::contains_secrets) {
        for v in out.values_mut().filter(|v| !v.is_null()) {
            *v = PropertyValue::secret(std::mem::replace(v, PropertyValue::Null));
        }
    }
    Ok(rpc::InvokeResponse { r#return: Some(map_to_struct(&out)), failures: Vec::new() })
}

impl ProviderFunction {
    /// The invoke's outputs from the msgpack result: an object's attributes, else `result`.
    fn outputs(&self, result: &Option<Vec<u8>>) -> Result<PropertyMap, Status> {
        let value = decode(result, &self.return_ty)?;
        let value =
            if self.meta.result_object { value } else { CtyValue::Map(BTreeMap::from([("result".into(), value)])) };
        values::from_cty(&value, &self.meta.result, &self.result_ty).map_err(|e| Status::internal(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bridgegen_tfplugin::cty::{from_msgpack, to_msgpack};
    use PropertyValue as V;

    /// `echo(input string, ...more string) string`, as `tf bridge` records it.
    fn echo() -> ProviderFunction {
        let meta: FunctionMeta = serde_json::from_value(serde_json::json!({
            "token": "p:index/echo:echo",
            "parameters": ["input"],
            "variadic": "more",
            "fields": {
                "input": {"name": "input", "shape": "string", "input": true, "required": true},
                "more": {"name": "mores", "shape": {"list": "string"}, "input": true, "pluralized": true}
            },
            "result": {"result": {"name": "result", "shape": "string", "outputRequired": true}}
        }))
        .unwrap();
        let sig: bridgegen_tfplugin::schema::Function = serde_json::from_value(serde_json::json!({
            "return_type": "string",
            "parameters": [{"name": "input", "type": "string"}],
            "variadic_parameter": {"name": "more", "type": "string"}
        }))
        .unwrap();
        ProviderFunction::new("echo", &meta, &sig).unwrap()
    }

    #[test]
    fn arguments_go_in_parameter_order_and_variadic_ones_one_by_one() {
        let f = echo();
        let args: PropertyMap = [
            ("mores".to_string(), V::Array(vec![V::string("b"), V::string("c")])),
            ("input".to_string(), V::string("a")),
        ]
        .into_iter()
        .collect();
        let encoded = f.encode_args(&args).unwrap().unwrap();
        let texts: Vec<CtyValue> = encoded.iter().map(|b| from_msgpack(b, &CtyType::String).unwrap()).collect();
        let s = |t: &str| CtyValue::String(t.into());
        assert_eq!(texts, [s("a"), s("b"), s("c")]);
        // No variadic arguments: just the fixed ones.
        let only: PropertyMap = [("input".to_string(), V::string("a"))].into_iter().collect();
        assert_eq!(f.encode_args(&only).unwrap().unwrap().len(), 1);
        // A missing required argument is a failure naming it, before any call.
        let failures = f.encode_args(&PropertyMap::new()).unwrap().unwrap_err();
        assert_eq!(failures[0].property, "input");
    }

    #[test]
    fn a_non_object_result_comes_back_as_result() {
        let f = echo();
        let bytes = to_msgpack(&CtyValue::String("hi".into()), &CtyType::String).unwrap();
        let out = f.outputs(&Some(bytes)).unwrap();
        assert_eq!(out.get("result"), Some(&V::string("hi")));
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn a_signature_that_changed_since_bridging_is_refused() {
        let meta = echo().meta;
        let sig: bridgegen_tfplugin::schema::Function =
            serde_json::from_value(serde_json::json!({"return_type": "string", "parameters": []})).unwrap();
        let err = ProviderFunction::new("echo", &meta, &sig).unwrap_err();
        assert!(err.contains("bridge it again"), "{err}");
    }
}
