//! `pulumirpc.ResourceProvider` on top of a Terraform provider. The mapping of each call is
//! in this crate's README.md.

use std::collections::HashMap;
use std::sync::Arc;

use bridgegen_provider::diff::Changes;
use bridgegen_provider::rpc::{self, resource_provider_server::ResourceProvider};
use bridgegen_provider::value::{map_from_struct, map_to_struct};
use bridgegen_provider::{engine, property_path, PropertyMap, PropertyValue};
use bridgegen_tfplugin::cty::CtyValue;
use tonic::{Request, Response, Status};

use crate::bridge::{
    apply_custom_timeout, bad, decode, encode, outputs, proposed_new, props_to_cty, pulumi_path, state_id, Bridge,
    Item, Meta,
};
use crate::values::{self, keep_secrets};

/// The gRPC service (cheap to clone: the state is shared).
#[derive(Clone)]
pub struct BridgeServer(pub Arc<Bridge>);

fn props(s: &Option<prost_types::Struct>) -> Result<PropertyMap, Status> {
    map_from_struct(s.as_ref()).map_err(bad)
}

/// Engine config variables (`pkg:name` -> text) as properties: text for string attributes,
/// JSON for the others.
fn config_variables(b: &Bridge, vars: &HashMap<String, String>) -> PropertyMap {
    let mut out = PropertyMap::new();
    for (k, v) in vars {
        let name = k.strip_prefix(&format!("{}:", b.package)).unwrap_or(k).to_string();
        let tf = values::tf_name(&b.config.fields, &name);
        let is_string = matches!(
            &b.config.ty,
            bridgegen_tfplugin::cty::CtyType::Object(a) if matches!(a.get(tf), Some(bridgegen_tfplugin::cty::CtyType::String))
        );
        let value = match serde_json::from_str::<serde_json::Value>(v) {
            Ok(j) if !is_string => PropertyValue::from_json(&j),
            _ => PropertyValue::String(v.clone()),
        };
        out.insert(name, value);
    }
    out
}

impl BridgeServer {
    /// Provider config properties that the Terraform provider knows (drops `version` & co.).
    fn known_config(&self, mut m: PropertyMap) -> PropertyMap {
        let names: Vec<&str> = self.0.config.fields.values().map(|f| f.name.as_str()).collect();
        m.retain(|k, _| names.contains(&k.as_str()));
        m
    }

    /// The prior state from Pulumi outputs, upgraded when written by another schema version.
    async fn prior(&self, urn: &str, item: &Item, olds: &PropertyMap) -> Result<(CtyValue, Vec<u8>), Status> {
        let meta = Meta::from_state(olds);
        let mut v = props_to_cty(item, olds)?;
        if meta.schema_version.is_some_and(|s| s != item.version) {
            let json = serde_json::to_vec(&values::cty_to_json(&v)).map_err(|e| Status::internal(e.to_string()))?;
            let up = self.0.tf.upgrade(&item.tf_type, meta.schema_version.unwrap_or(0), json).await?;
            self.0.report(urn, item, &up.diags).await?;
            v = decode(&up.state, &item.ty)?;
        }
        Ok((v, meta.private))
    }

    /// Validates, proposes and plans `news` against the prior state; the config is returned too.
    async fn plan(
        &self,
        urn: &str,
        item: &Item,
        prior: &CtyValue,
        prior_private: Vec<u8>,
        news: &PropertyMap,
        (op, timeout): (&str, f64),
    ) -> Result<(CtyValue, crate::tf::Planned), Status> {
        let mut config = props_to_cty(item, news)?;
        apply_custom_timeout(&mut config, &item.ty, op, timeout);
        let proposed = proposed_new(prior, &config, &item.block);
        let planned = self
            .0
            .tf
            .plan(
                &item.tf_type,
                encode(prior, &item.ty)?,
                encode(&proposed, &item.ty)?,
                encode(&config, &item.ty)?,
                prior_private,
            )
            .await?;
        self.0.report(urn, item, &planned.diags).await?;
        Ok((config, planned))
    }

    async fn apply(
        &self,
        urn: &str,
        item: &Item,
        prior: &CtyValue,
        planned: &CtyValue,
        config: &CtyValue,
        private: Vec<u8>,
    ) -> Result<(CtyValue, Vec<u8>), Status> {
        let ty = &item.ty;
        let r = self
            .0
            .tf
            .apply(&item.tf_type, encode(prior, ty)?, encode(planned, ty)?, encode(config, ty)?, private)
            .await?;
        self.0.report(urn, item, &r.diags).await?;
        Ok((decode(&r.state, ty)?, r.private))
    }

    /// ReadResource; `None` when the resource is gone.
    async fn refresh(
        &self,
        urn: &str,
        item: &Item,
        state: &CtyValue,
        private: Vec<u8>,
    ) -> Result<Option<(CtyValue, Vec<u8>)>, Status> {
        let r = self.0.tf.read(&item.tf_type, encode(state, &item.ty)?, private).await?;
        self.0.report(urn, item, &r.diags).await?;
        let v = decode(&r.state, &item.ty)?;
        Ok((v != CtyValue::Null).then_some((v, r.private)))
    }
}

#[tonic::async_trait]
impl ResourceProvider for BridgeServer {
    async fn handshake(
        &self,
        request: Request<rpc::ProviderHandshakeRequest>,
    ) -> Result<Response<rpc::ProviderHandshakeResponse>, Status> {
        self.0.engine.handshake(request.get_ref())
    }

    async fn parameterize(
        &self,
        _: Request<rpc::ParameterizeRequest>,
    ) -> Result<Response<rpc::ParameterizeResponse>, Status> {
        engine::not_parameterizable("the Terraform bridge")
    }

    async fn get_schema(&self, _: Request<rpc::GetSchemaRequest>) -> Result<Response<rpc::GetSchemaResponse>, Status> {
        Ok(Response::new(rpc::GetSchemaResponse { schema: self.0.schema_text.clone() }))
    }

    async fn check_config(&self, request: Request<rpc::CheckRequest>) -> Result<Response<rpc::CheckResponse>, Status> {
        let req = request.into_inner();
        let news = props(&req.news)?;
        let config = self.known_config(news.clone());
        let failures = if config.values().any(PropertyValue::contains_unknowns) {
            Vec::new()
        } else {
            let v = props_to_cty(&self.0.config, &config)?;
            let diags = self.0.tf.validate_provider_config(encode(&v, &self.0.config.ty)?).await?;
            failures(&self.0, &req.urn, &self.0.config, &diags).await
        };
        Ok(Response::new(rpc::CheckResponse { inputs: Some(map_to_struct(&news)), failures }))
    }

    async fn diff_config(&self, request: Request<rpc::DiffRequest>) -> Result<Response<rpc::DiffResponse>, Status> {
        let req = request.into_inner();
        let olds = self.known_config(props(&req.old_inputs)?);
        let news = self.known_config(props(&req.news)?);
        let diffs: Vec<String> = news
            .keys()
            .chain(olds.keys())
            .filter(|k| olds.get(*k).map(PropertyValue::peel) != news.get(*k).map(PropertyValue::peel))
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        Ok(Response::new(Changes { diffs, ..Default::default() }.into_response(false)))
    }

    async fn configure(
        &self,
        request: Request<rpc::ConfigureRequest>,
    ) -> Result<Response<rpc::ConfigureResponse>, Status> {
        let req = request.into_inner();
        let config = match &req.args {
            Some(s) if !s.fields.is_empty() => props(&req.args)?,
            _ => config_variables(&self.0, &req.variables),
        };
        let config = self.known_config(config);
        // With unknown config (preview) the provider stays unconfigured; plans still work.
        if !config.values().any(PropertyValue::contains_unknowns) {
            let v = props_to_cty(&self.0.config, &config)?;
            let diags = self.0.tf.configure(encode(&v, &self.0.config.ty)?).await?;
            self.0.report("", &self.0.config, &diags).await?;
        }
        engine::configured()
    }

    async fn invoke(&self, request: Request<rpc::InvokeRequest>) -> Result<Response<rpc::InvokeResponse>, Status> {
        let req = request.into_inner();
        let args = props(&req.args)?;
        if let Some(f) = self.0.provider_functions.get(&req.tok) {
            return crate::functions::invoke(&self.0, f, &args).await.map(Response::new);
        }
        let item = self
            .0
            .functions
            .get(&req.tok)
            .ok_or_else(|| Status::invalid_argument(format!("unknown function `{}`", req.tok)))?;
        let config = props_to_cty(item, &args)?;
        let diags = self.0.tf.validate_data_source(&item.tf_type, encode(&config, &item.ty)?).await?;
        let failures = failures(&self.0, "", item, &diags).await;
        if !failures.is_empty() {
            return Ok(Response::new(rpc::InvokeResponse { r#return: None, failures }));
        }
        let r = self.0.tf.read_data_source(&item.tf_type, encode(&config, &item.ty)?).await?;
        self.0.report("", item, &r.diags).await?;
        let state = decode(&r.state, &item.ty)?;
        let mut out = values::from_cty(&state, &item.fields, &item.ty).map_err(|e| Status::internal(e.to_string()))?;
        keep_secrets(&mut out, &[&args]);
        Ok(Response::new(rpc::InvokeResponse { r#return: Some(map_to_struct(&out)), failures: Vec::new() }))
    }

    async fn call(&self, _: Request<rpc::CallRequest>) -> Result<Response<rpc::CallResponse>, Status> {
        Err(Status::unimplemented("Terraform providers have no methods"))
    }

    async fn check(&self, request: Request<rpc::CheckRequest>) -> Result<Response<rpc::CheckResponse>, Status> {
        let req = request.into_inner();
        let item = self.0.resource(&req.r#type, &req.urn)?;
        let news = props(&req.news)?;
        let failures = match values::to_cty(&news, &item.fields, &item.ty) {
            Err(e) => vec![rpc::CheckFailure { property: e.path, reason: e.message }],
            Ok(config) => {
                let diags = self.0.tf.validate_resource(&item.tf_type, encode(&config, &item.ty)?).await?;
                failures(&self.0, &req.urn, item, &diags).await
            }
        };
        Ok(Response::new(rpc::CheckResponse { inputs: Some(map_to_struct(&news)), failures }))
    }

    async fn diff(&self, request: Request<rpc::DiffRequest>) -> Result<Response<rpc::DiffResponse>, Status> {
        let req = request.into_inner();
        let item = self.0.resource(&req.r#type, &req.urn)?;
        let olds = props(&req.olds)?;
        let mut news = props(&req.news)?;
        // ignore_changes: the prior value (old input, else old output) stands in for the new
        // one at each path.
        let mut prior_inputs = olds.clone();
        prior_inputs.extend(props(&req.old_inputs)?);
        for path in &req.ignore_changes {
            let steps = property_path::parse(path).map_err(Status::invalid_argument)?;
            property_path::keep_old(&prior_inputs, &mut news, &steps);
        }
        // Timeouts the bridge filled from customTimeouts (not in the program) are operation
        // settings, not a change: left unset, the prior ones stand.
        let timeouts = values::pulumi_name(&item.fields, "timeouts").to_string();
        if news.get(&timeouts).is_none_or(PropertyValue::is_null) {
            if let Some(v) = olds.get(&timeouts) {
                news.insert(timeouts, v.clone());
            }
        }
        let (prior, private) = self.prior(&req.urn, item, &olds).await?;
        let (_, planned) = self.plan(&req.urn, item, &prior, private, &news, ("update", 0.0)).await?;
        let planned_state = decode(&planned.state, &item.ty)?;
        let (CtyValue::Map(p), CtyValue::Map(n)) = (&prior, &planned_state) else {
            return Err(Status::internal("the Terraform provider planned no object"));
        };
        let replaced: Vec<String> = planned
            .requires_replace
            .iter()
            .filter_map(|path| match path.first() {
                Some(crate::tf::Step::Attr(a)) => Some(a.clone()),
                _ => None,
            })
            .collect();
        let mut changes = Changes::default();
        for (tf, new) in n {
            let old = p.get(tf).unwrap_or(&CtyValue::Null);
            if old == new {
                continue;
            }
            let name = values::pulumi_name(&item.fields, tf);
            let present = (old != &CtyValue::Null, new != &CtyValue::Null);
            let input_diff = item.fields.get(tf).is_some_and(|f| f.input);
            changes.record(name, present, replaced.contains(tf), input_diff);
        }
        Ok(Response::new(changes.into_response(false)))
    }

    async fn create(&self, request: Request<rpc::CreateRequest>) -> Result<Response<rpc::CreateResponse>, Status> {
        let req = request.into_inner();
        let item = self.0.resource(&req.r#type, &req.urn)?;
        let news = props(&req.properties)?;
        let prior = CtyValue::Null;
        let (config, planned) = self.plan(&req.urn, item, &prior, Vec::new(), &news, ("create", req.timeout)).await?;
        let planned_state = decode(&planned.state, &item.ty)?;
        let (state, private) = if req.preview {
            (planned_state, Vec::new())
        } else {
            self.apply(&req.urn, item, &prior, &planned_state, &config, planned.private).await?
        };
        let mut out = outputs(item, &state, private)?;
        keep_secrets(&mut out, &[&news]);
        Ok(Response::new(rpc::CreateResponse {
            id: state_id(&state),
            properties: Some(map_to_struct(&out)),
            refresh_before_update: false,
        }))
    }

    async fn read(&self, request: Request<rpc::ReadRequest>) -> Result<Response<rpc::ReadResponse>, Status> {
        let req = request.into_inner();
        let item = self.0.resource(&req.r#type, &req.urn)?;
        let olds = props(&req.properties)?;
        let inputs = props(&req.inputs)?;
        let (state, private) = if olds.is_empty() {
            // Import: Terraform's ImportResourceState, then a read of what it found.
            let (found, diags) = self.0.tf.import(&item.tf_type, &req.id).await?;
            self.0.report(&req.urn, item, &diags).await?;
            let Some(first) = found.into_iter().find(|s| s.type_name == item.tf_type) else {
                return Ok(Response::new(rpc::ReadResponse::default()));
            };
            (decode(&first.state, &item.ty)?, first.private)
        } else {
            self.prior(&req.urn, item, &olds).await?
        };
        let Some((state, private)) = self.refresh(&req.urn, item, &state, private).await? else {
            // Gone: an empty id tells the engine to drop it from the state.
            return Ok(Response::new(rpc::ReadResponse::default()));
        };
        let mut out = outputs(item, &state, private)?;
        keep_secrets(&mut out, &[&olds, &inputs]);
        let mut new_inputs = inputs.clone();
        new_inputs.extend(values::inputs_from_outputs(&out, &item.fields));
        let id = match state_id(&state) {
            id if id.is_empty() => req.id,
            id => id,
        };
        Ok(Response::new(rpc::ReadResponse {
            id,
            properties: Some(map_to_struct(&out)),
            inputs: Some(map_to_struct(&new_inputs)),
            refresh_before_update: false,
        }))
    }

    async fn update(&self, request: Request<rpc::UpdateRequest>) -> Result<Response<rpc::UpdateResponse>, Status> {
        let req = request.into_inner();
        let item = self.0.resource(&req.r#type, &req.urn)?;
        let olds = props(&req.olds)?;
        let news = props(&req.news)?;
        let (prior, private) = self.prior(&req.urn, item, &olds).await?;
        let (config, planned) = self.plan(&req.urn, item, &prior, private, &news, ("update", req.timeout)).await?;
        let planned_state = decode(&planned.state, &item.ty)?;
        let (state, private) = if req.preview {
            (planned_state, planned.private)
        } else {
            self.apply(&req.urn, item, &prior, &planned_state, &config, planned.private).await?
        };
        let mut out = outputs(item, &state, private)?;
        keep_secrets(&mut out, &[&news]);
        Ok(Response::new(rpc::UpdateResponse { properties: Some(map_to_struct(&out)), refresh_before_update: false }))
    }

    async fn delete(&self, request: Request<rpc::DeleteRequest>) -> Result<Response<()>, Status> {
        let req = request.into_inner();
        let item = self.0.resource(&req.r#type, &req.urn)?;
        let olds = props(&req.properties)?;
        let (mut prior, private) = self.prior(&req.urn, item, &olds).await?;
        // The delete timeout goes where the provider reads it: the prior state's `timeouts`.
        apply_custom_timeout(&mut prior, &item.ty, "delete", req.timeout);
        self.apply(&req.urn, item, &prior, &CtyValue::Null, &CtyValue::Null, private).await?;
        Ok(Response::new(()))
    }

    async fn construct(&self, _: Request<rpc::ConstructRequest>) -> Result<Response<rpc::ConstructResponse>, Status> {
        Err(Status::unimplemented("Terraform providers have no component resources"))
    }

    async fn cancel(&self, _: Request<()>) -> Result<Response<()>, Status> {
        Ok(Response::new(()))
    }

    async fn get_plugin_info(&self, _: Request<()>) -> Result<Response<rpc::PluginInfo>, Status> {
        engine::plugin_info(&self.0.version)
    }

    async fn attach(&self, request: Request<rpc::PluginAttach>) -> Result<Response<()>, Status> {
        self.0.engine.attach(request.get_ref())
    }

    async fn get_mapping(
        &self,
        _: Request<rpc::GetMappingRequest>,
    ) -> Result<Response<rpc::GetMappingResponse>, Status> {
        engine::no_mapping()
    }

    async fn get_mappings(
        &self,
        _: Request<rpc::GetMappingsRequest>,
    ) -> Result<Response<rpc::GetMappingsResponse>, Status> {
        engine::no_mappings()
    }
}

/// Error diagnostics become check failures at their Pulumi property paths; warnings are logged.
async fn failures(b: &Bridge, urn: &str, item: &Item, diags: &[crate::tf::Diag]) -> Vec<rpc::CheckFailure> {
    let logger = b.logger();
    let mut out = Vec::new();
    for d in diags {
        if d.error {
            out.push(rpc::CheckFailure { property: pulumi_path(&item.fields, &d.path), reason: d.to_string() });
        } else {
            logger.warn(urn, &d.to_string()).await;
        }
    }
    out
}
