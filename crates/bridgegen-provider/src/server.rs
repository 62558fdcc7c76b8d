//! `pulumirpc.ResourceProvider` on top of a [`Plugin`] and its [`Resource`]s.

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use bridgegen_model::Property;
use pulumi_gestalt_proto::pulumi::pulumirpc as rpc;
use rpc::resource_provider_server::ResourceProvider;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status};

use crate::diff::diff_inputs;
use crate::engine::{self, EngineLink};
use crate::resource::{CheckFailure, OpContext, ProviderError, Resource};
use crate::schema::SchemaInfo;
use crate::value::{map_from_struct, map_to_struct, PropertyMap, PropertyValue};

/// A provider: its schema, how to build its client from config, and its resources.
pub trait Plugin: Send + Sync + 'static {
    /// What resources use to talk to the cloud, built by [`Plugin::configure`].
    type Client: Send + Sync + 'static;

    /// The package schema JSON, embedded with `include_str!` (also what `GetSchema` returns).
    fn schema(&self) -> &'static str;

    /// Builds the client from the provider config (schema defaults and environment
    /// variables already applied; secrets possibly wrapped).
    fn configure(&self, config: &PropertyMap) -> Result<Self::Client, ProviderError>;

    fn resources(&self) -> Vec<Arc<dyn Resource<Self::Client>>>;

    /// Environment lookup for config defaults (overridable in tests).
    fn env(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}

type DynResource<C> = Arc<dyn Resource<C>>;

enum Configured<C> {
    /// `Configure` not called yet.
    No,
    /// Configured with unknown values (preview): only previews can run.
    Unknown,
    Yes(Arc<C>),
}

/// The gRPC service. Create with [`ProviderServer::new`] and serve with [`crate::serve`].
pub struct ProviderServer<P: Plugin> {
    plugin: P,
    schema: SchemaInfo,
    resources: BTreeMap<String, Arc<dyn Resource<P::Client>>>,
    client: RwLock<Configured<P::Client>>,
    cancel: CancellationToken,
    engine: EngineLink,
}

fn bad_props(e: crate::value::DecodeError) -> Status {
    Status::invalid_argument(e.to_string())
}

fn failures_to_rpc(f: Vec<CheckFailure>) -> Vec<rpc::CheckFailure> {
    f.into_iter().map(|f| rpc::CheckFailure { property: f.property, reason: f.reason }).collect()
}

/// The type token from a URN (`urn:pulumi:stack::project::parent$type::name`).
pub fn type_from_urn(urn: &str) -> Option<&str> {
    let qualified = urn.strip_prefix("urn:pulumi:")?.split("::").nth(2)?;
    Some(qualified.rsplit('$').next().unwrap_or(qualified))
}

fn timeout_of(secs: f64) -> Option<Duration> {
    (secs > 0.0 && secs.is_finite()).then(|| Duration::from_secs_f64(secs))
}

/// Re-marks outputs as secret where an input of the same name was secret, or the schema
/// says the output is secret.
fn keep_secrets(outputs: &mut PropertyMap, sources: &[&PropertyMap], schema_secret: &[&str]) {
    for (k, v) in outputs.iter_mut() {
        let was_secret = schema_secret.contains(&k.as_str())
            || sources.iter().any(|s| s.get(k).is_some_and(PropertyValue::contains_secrets));
        if was_secret && !v.contains_secrets() && !v.is_null() {
            *v = PropertyValue::secret(std::mem::replace(v, PropertyValue::Null));
        }
    }
}

impl<P: Plugin> ProviderServer<P> {
    pub fn new(plugin: P, engine: EngineLink) -> Self {
        let schema = SchemaInfo::new(plugin.schema());
        let resources = plugin.resources().into_iter().map(|r| (r.token().to_string(), r)).collect();
        ProviderServer {
            plugin,
            schema,
            resources,
            client: RwLock::new(Configured::No),
            cancel: CancellationToken::new(),
            engine,
        }
    }

    fn lookup(&self, ty: &str, urn: &str) -> Result<(String, DynResource<P::Client>), Status> {
        let token = if ty.is_empty() { type_from_urn(urn).unwrap_or_default() } else { ty };
        match self.resources.get(token) {
            Some(r) => Ok((token.to_string(), r.clone())),
            None => Err(Status::invalid_argument(format!(
                "unknown resource type `{token}` (this provider has: {})",
                self.resources.keys().cloned().collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    fn client(&self) -> Result<Arc<P::Client>, Status> {
        match &*self.client.read().unwrap_or_else(|e| e.into_inner()) {
            Configured::Yes(c) => Ok(c.clone()),
            Configured::Unknown => {
                Err(Status::failed_precondition("the provider configuration has unknown values; only previews can run"))
            }
            Configured::No => Err(Status::failed_precondition("the provider has not been configured")),
        }
    }

    fn ctx(&self, urn: &str, timeout: f64) -> OpContext {
        OpContext {
            urn: urn.to_string(),
            timeout: timeout_of(timeout),
            cancel: self.cancel.clone(),
            log: self.engine.logger(),
        }
    }

    fn input_props(&self, token: &str) -> &[Property] {
        self.schema.resource(token).map(|r| r.inputs.as_slice()).unwrap_or(&[])
    }

    fn secret_outputs(&self, token: &str) -> Vec<&str> {
        let mut out: Vec<&str> = self.schema.resource(token).map(|r| r.secret_outputs()).unwrap_or_default();
        out.extend(self.input_props(token).iter().filter(|p| p.secret).map(|p| p.name.as_str()));
        out
    }

    /// Outputs during a preview: the inputs, plus unknowns for outputs the cloud computes.
    fn preview_outputs(&self, token: &str, inputs: &PropertyMap, base: Option<&PropertyMap>) -> PropertyMap {
        let mut out = base.cloned().unwrap_or_default();
        out.extend(inputs.iter().map(|(k, v)| (k.clone(), v.clone())));
        if let Some(r) = self.schema.resource(token) {
            for p in r.properties.iter().filter(|p| !r.inputs.iter().any(|i| i.name == p.name)) {
                out.entry(p.name.clone()).or_insert(PropertyValue::Computed);
            }
        }
        out
    }

    fn inputs_from_outputs(&self, token: &str, outputs: &PropertyMap) -> PropertyMap {
        self.input_props(token)
            .iter()
            .filter_map(|p| outputs.get(&p.name).map(|v| (p.name.clone(), v.clone())))
            .collect()
    }

    fn config_from_request(&self, req: &rpc::ConfigureRequest) -> Result<PropertyMap, Status> {
        if let Some(args) = &req.args {
            return map_from_struct(Some(args)).map_err(bad_props);
        }
        // Older engines: `<pkg>:config:<key>` → string (JSON text for non-strings).
        let prefix = format!("{}:config:", self.schema.package.name);
        let mut out = PropertyMap::new();
        for (k, v) in &req.variables {
            let key = k.strip_prefix(&prefix).unwrap_or(k).to_string();
            let is_string = is_string_config(self.schema.package.config.iter().find(|p| p.name == key));
            let value = if v == crate::value::UNKNOWN {
                PropertyValue::Computed
            } else if is_string {
                PropertyValue::String(v.clone())
            } else {
                serde_json::from_str(v)
                    .map(|j| PropertyValue::from_json(&j))
                    .unwrap_or(PropertyValue::String(v.clone()))
            };
            out.insert(key, value);
        }
        Ok(out)
    }
}

/// Config variables arrive as strings; only non-string ones are JSON text.
fn is_string_config(p: Option<&Property>) -> bool {
    match p {
        None => true,
        Some(p) => matches!(p.ty, bridgegen_model::Type::String),
    }
}

#[tonic::async_trait]
impl<P: Plugin> ResourceProvider for ProviderServer<P> {
    async fn handshake(
        &self,
        request: Request<rpc::ProviderHandshakeRequest>,
    ) -> Result<Response<rpc::ProviderHandshakeResponse>, Status> {
        self.engine.handshake(request.get_ref())
    }

    async fn parameterize(
        &self,
        _: Request<rpc::ParameterizeRequest>,
    ) -> Result<Response<rpc::ParameterizeResponse>, Status> {
        engine::not_parameterizable("this provider")
    }

    async fn get_schema(&self, _: Request<rpc::GetSchemaRequest>) -> Result<Response<rpc::GetSchemaResponse>, Status> {
        Ok(Response::new(rpc::GetSchemaResponse { schema: self.schema.text.to_string() }))
    }

    async fn check_config(&self, request: Request<rpc::CheckRequest>) -> Result<Response<rpc::CheckResponse>, Status> {
        let req = request.into_inner();
        let mut news = map_from_struct(req.news.as_ref()).map_err(bad_props)?;
        self.schema.coerce_strings(&self.schema.package.provider.inputs, &mut news);
        let failures = self.schema.validate(&self.schema.package.provider.inputs, &news);
        Ok(Response::new(rpc::CheckResponse {
            inputs: Some(map_to_struct(&news)),
            failures: failures_to_rpc(failures),
        }))
    }

    async fn diff_config(&self, request: Request<rpc::DiffRequest>) -> Result<Response<rpc::DiffResponse>, Status> {
        let req = request.into_inner();
        let olds = match req.old_inputs.as_ref() {
            Some(s) if !s.fields.is_empty() => map_from_struct(Some(s)),
            _ => map_from_struct(req.olds.as_ref()),
        }
        .map_err(bad_props)?;
        let news = map_from_struct(req.news.as_ref()).map_err(bad_props)?;
        let d = diff_inputs(&self.schema.package.provider.inputs, &[], &olds, &news, &req.ignore_changes);
        Ok(Response::new(d.into_response(false)))
    }

    async fn configure(
        &self,
        request: Request<rpc::ConfigureRequest>,
    ) -> Result<Response<rpc::ConfigureResponse>, Status> {
        let req = request.into_inner();
        let mut config = self.config_from_request(&req)?;
        self.schema.coerce_strings(&self.schema.package.config, &mut config);
        SchemaInfo::apply_defaults(&self.schema.package.config, &mut config, &|v| self.plugin.env(v));
        let state = if config.values().any(PropertyValue::contains_unknowns) {
            Configured::Unknown
        } else {
            Configured::Yes(Arc::new(self.plugin.configure(&config).map_err(|e| e.to_status())?))
        };
        *self.client.write().unwrap_or_else(|e| e.into_inner()) = state;
        engine::configured()
    }

    async fn invoke(&self, request: Request<rpc::InvokeRequest>) -> Result<Response<rpc::InvokeResponse>, Status> {
        let tok = request.into_inner().tok;
        Err(Status::unimplemented(format!("unknown function `{tok}`: this provider's schema has no functions")))
    }

    async fn call(&self, _: Request<rpc::CallRequest>) -> Result<Response<rpc::CallResponse>, Status> {
        Err(Status::unimplemented("this provider has no methods"))
    }

    async fn check(&self, request: Request<rpc::CheckRequest>) -> Result<Response<rpc::CheckResponse>, Status> {
        let req = request.into_inner();
        let (token, resource) = self.lookup(&req.r#type, &req.urn)?;
        let olds = map_from_struct(req.olds.as_ref()).map_err(bad_props)?;
        let mut news = map_from_struct(req.news.as_ref()).map_err(bad_props)?;
        SchemaInfo::apply_defaults(self.input_props(&token), &mut news, &|v| self.plugin.env(v));
        self.schema.coerce_strings(self.input_props(&token), &mut news);
        let failures = self.schema.validate(self.input_props(&token), &news);
        let (inputs, failures) = if failures.is_empty() {
            let r = resource.check(&olds, news).await.map_err(|e| e.to_status())?;
            (r.inputs, r.failures)
        } else {
            (news, failures)
        };
        Ok(Response::new(rpc::CheckResponse {
            inputs: Some(map_to_struct(&inputs)),
            failures: failures_to_rpc(failures),
        }))
    }

    async fn diff(&self, request: Request<rpc::DiffRequest>) -> Result<Response<rpc::DiffResponse>, Status> {
        let req = request.into_inner();
        let (token, resource) = self.lookup(&req.r#type, &req.urn)?;
        let state = map_from_struct(req.olds.as_ref()).map_err(bad_props)?;
        let old_inputs = match req.old_inputs.as_ref() {
            Some(s) if !s.fields.is_empty() => map_from_struct(Some(s)).map_err(bad_props)?,
            _ => self.inputs_from_outputs(&token, &state),
        };
        let news = map_from_struct(req.news.as_ref()).map_err(bad_props)?;
        let replace = self.schema.replace_inputs(&token);
        let d = diff_inputs(self.input_props(&token), &replace, &old_inputs, &news, &req.ignore_changes);
        let dbr = !d.replaces.is_empty() && resource.delete_before_replace(&old_inputs, &news, &d.replaces);
        Ok(Response::new(d.into_response(dbr)))
    }

    async fn create(&self, request: Request<rpc::CreateRequest>) -> Result<Response<rpc::CreateResponse>, Status> {
        let req = request.into_inner();
        let (token, resource) = self.lookup(&req.r#type, &req.urn)?;
        let inputs = map_from_struct(req.properties.as_ref()).map_err(bad_props)?;
        if req.preview {
            let outputs = self.preview_outputs(&token, &inputs, None);
            return Ok(Response::new(rpc::CreateResponse {
                id: String::new(),
                properties: Some(map_to_struct(&outputs)),
                refresh_before_update: false,
            }));
        }
        let client = self.client()?;
        let ctx = self.ctx(&req.urn, req.timeout);
        let created = ctx
            .bounded("create", ctx.timeout, resource.create(&client, &ctx, &inputs))
            .await
            .map_err(|e| e.to_status())?;
        let mut outputs = created.outputs;
        keep_secrets(&mut outputs, &[&inputs], &self.secret_outputs(&token));
        Ok(Response::new(rpc::CreateResponse {
            id: created.id,
            properties: Some(map_to_struct(&outputs)),
            refresh_before_update: false,
        }))
    }

    async fn read(&self, request: Request<rpc::ReadRequest>) -> Result<Response<rpc::ReadResponse>, Status> {
        let req = request.into_inner();
        let (token, resource) = self.lookup(&req.r#type, &req.urn)?;
        let state = map_from_struct(req.properties.as_ref()).map_err(bad_props)?;
        let inputs = map_from_struct(req.inputs.as_ref()).map_err(bad_props)?;
        let client = self.client()?;
        let ctx = self.ctx(&req.urn, 0.0);
        let found = ctx
            .bounded("read", None, resource.read(&client, &ctx, &req.id, &state, &inputs))
            .await
            .map_err(|e| e.to_status())?;
        let Some(found) = found else {
            // Gone: an empty id tells the engine to drop the resource from the state.
            return Ok(Response::new(rpc::ReadResponse::default()));
        };
        let mut outputs = found.outputs;
        keep_secrets(&mut outputs, &[&state, &inputs], &self.secret_outputs(&token));
        let mut new_inputs = match found.inputs {
            Some(i) => i,
            None if inputs.is_empty() => self.inputs_from_outputs(&token, &outputs),
            None => {
                let mut i = inputs.clone();
                for (k, v) in self.inputs_from_outputs(&token, &outputs) {
                    i.insert(k, v);
                }
                i
            }
        };
        keep_secrets(&mut new_inputs, &[&state, &inputs], &self.secret_outputs(&token));
        Ok(Response::new(rpc::ReadResponse {
            id: found.id,
            properties: Some(map_to_struct(&outputs)),
            inputs: Some(map_to_struct(&new_inputs)),
            refresh_before_update: false,
        }))
    }

    async fn update(&self, request: Request<rpc::UpdateRequest>) -> Result<Response<rpc::UpdateResponse>, Status> {
        let req = request.into_inner();
        let (token, resource) = self.lookup(&req.r#type, &req.urn)?;
        let olds = map_from_struct(req.olds.as_ref()).map_err(bad_props)?;
        let news = map_from_struct(req.news.as_ref()).map_err(bad_props)?;
        let outputs = if req.preview {
            self.preview_outputs(&token, &news, Some(&olds))
        } else {
            let client = self.client()?;
            let ctx = self.ctx(&req.urn, req.timeout);
            let mut outputs = ctx
                .bounded("update", ctx.timeout, resource.update(&client, &ctx, &req.id, &olds, &news))
                .await
                .map_err(|e| e.to_status())?;
            keep_secrets(&mut outputs, &[&news], &self.secret_outputs(&token));
            outputs
        };
        Ok(Response::new(rpc::UpdateResponse {
            properties: Some(map_to_struct(&outputs)),
            refresh_before_update: false,
        }))
    }

    async fn delete(&self, request: Request<rpc::DeleteRequest>) -> Result<Response<()>, Status> {
        let req = request.into_inner();
        let (_, resource) = self.lookup(&req.r#type, &req.urn)?;
        let state = map_from_struct(req.properties.as_ref()).map_err(bad_props)?;
        let client = self.client()?;
        let ctx = self.ctx(&req.urn, req.timeout);
        ctx.bounded("delete", ctx.timeout, resource.delete(&client, &ctx, &req.id, &state))
            .await
            .map_err(|e| e.to_status())?;
        Ok(Response::new(()))
    }

    async fn construct(&self, _: Request<rpc::ConstructRequest>) -> Result<Response<rpc::ConstructResponse>, Status> {
        Err(Status::unimplemented("this provider has no component resources"))
    }

    async fn cancel(&self, _: Request<()>) -> Result<Response<()>, Status> {
        self.cancel.cancel();
        Ok(Response::new(()))
    }

    async fn get_plugin_info(&self, _: Request<()>) -> Result<Response<rpc::PluginInfo>, Status> {
        engine::plugin_info(self.schema.package.version.as_deref().unwrap_or_default())
    }

    async fn attach(&self, request: Request<rpc::PluginAttach>) -> Result<Response<()>, Status> {
        self.engine.attach(request.get_ref())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> SchemaInfo {
        SchemaInfo::new(include_str!("../../../schema/kakaocloud.json"))
    }

    fn m(pairs: &[(&str, PropertyValue)]) -> PropertyMap {
        pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    #[test]
    fn urn_types() {
        assert_eq!(
            type_from_urn("urn:pulumi:dev::proj::kakaocloud:index/imageMember:ImageMember::m"),
            Some("kakaocloud:index/imageMember:ImageMember")
        );
        assert_eq!(
            type_from_urn("urn:pulumi:dev::proj::my:comp:C$kakaocloud:index/imageMember:ImageMember::a::b"),
            Some("kakaocloud:index/imageMember:ImageMember")
        );
        assert_eq!(type_from_urn("not-a-urn"), None);
    }

    #[test]
    fn secrets_are_rewrapped_in_outputs() {
        let inputs = m(&[("a", PropertyValue::secret("x".into())), ("b", "y".into())]);
        let mut out = m(&[("a", "x".into()), ("b", "y".into()), ("c", "z".into()), ("d", PropertyValue::Null)]);
        keep_secrets(&mut out, &[&inputs], &["c", "d"]);
        assert_eq!(out["a"], PropertyValue::secret("x".into()));
        assert_eq!(out["b"], PropertyValue::string("y"));
        assert_eq!(out["c"], PropertyValue::secret("z".into()));
        assert_eq!(out["d"], PropertyValue::Null);
    }

    #[test]
    fn validation_paths() {
        let s = schema();
        let props = &s.resource("kakaocloud:index/imageMember:ImageMember").unwrap().inputs;
        let bad = m(&[
            ("imageId", PropertyValue::Bool(true)),
            ("timeouts", PropertyValue::Object(m(&[("read", PropertyValue::Array(vec![]))]))),
        ]);
        let f = s.validate(props, &bad);
        let paths: Vec<&str> = f.iter().map(|f| f.property.as_str()).collect();
        assert_eq!(paths, vec!["imageId", "memberId", "timeouts.read"]);
        assert!(f[1].reason.contains("missing required"));
        let unknown = m(&[("imageId", PropertyValue::Computed), ("memberId", PropertyValue::secret("p".into()))]);
        assert!(s.validate(props, &unknown).is_empty());
    }
}
