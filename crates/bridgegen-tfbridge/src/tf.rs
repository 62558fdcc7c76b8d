//! The Terraform provider calls the bridge makes, the same for tfplugin5 and tfplugin6: values
//! go as cty msgpack bytes, diagnostics come back with their attribute paths as steps.

use bridgegen_tfplugin::proto::{tfplugin5 as v5, tfplugin6 as v6};
use bridgegen_tfplugin::ProviderClient;
use tonic::Status;

/// One step of a Terraform attribute path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Attr(String),
    Key(String),
    Index(i64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diag {
    pub error: bool,
    pub summary: String,
    pub detail: String,
    pub path: Vec<Step>,
}

impl std::fmt::Display for Diag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.summary)?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// Attribute paths of either protocol as steps.
pub trait Steps {
    fn steps(&self) -> Vec<Step>;
}

macro_rules! conversions {
    ($m:ident) => {
        impl Steps for $m::AttributePath {
            fn steps(&self) -> Vec<Step> {
                let p = self;
                use $m::attribute_path::step::Selector;
                p.steps
                    .iter()
                    .filter_map(|s| match &s.selector {
                        Some(Selector::AttributeName(n)) => Some(Step::Attr(n.clone())),
                        Some(Selector::ElementKeyString(k)) => Some(Step::Key(k.clone())),
                        Some(Selector::ElementKeyInt(i)) => Some(Step::Index(*i)),
                        None => None,
                    })
                    .collect()
            }
        }

        impl From<&$m::Diagnostic> for Diag {
            fn from(d: &$m::Diagnostic) -> Self {
                Diag {
                    error: d.severity != $m::diagnostic::Severity::Warning as i32,
                    summary: d.summary.clone(),
                    detail: d.detail.clone(),
                    path: d.attribute.as_ref().map(Steps::steps).unwrap_or_default(),
                }
            }
        }
    };
}

conversions!(v5);
conversions!(v6);

/// Runs `$body` with `$c` the raw client and `$m` the protocol module, for either protocol.
macro_rules! both {
    ($client:expr, $c:ident, $m:ident, $body:block) => {
        match $client.clone() {
            ProviderClient::V5(mut $c) => {
                use bridgegen_tfplugin::proto::tfplugin5 as $m;
                $body
            }
            ProviderClient::V6(mut $c) => {
                use bridgegen_tfplugin::proto::tfplugin6 as $m;
                $body
            }
        }
    };
}

fn rpc(method: &str) -> impl Fn(Status) -> Status + '_ {
    move |e| Status::new(e.code(), format!("the Terraform provider's {method} failed: {}", e.message()))
}

fn diags<'a, D: 'a>(ds: impl IntoIterator<Item = &'a D>) -> Vec<Diag>
where
    Diag: From<&'a D>,
{
    ds.into_iter().map(Diag::from).collect()
}

/// The planned change: new state, the paths whose change needs a replacement, private data.
#[derive(Debug, Default)]
pub struct Planned {
    pub state: Option<Vec<u8>>,
    pub requires_replace: Vec<Vec<Step>>,
    pub private: Vec<u8>,
    pub diags: Vec<Diag>,
}

/// A state with its private data (ReadResource, ApplyResourceChange, ImportResourceState).
#[derive(Debug, Default)]
pub struct State {
    /// `None` for a null state (gone / deleted).
    pub state: Option<Vec<u8>>,
    pub private: Vec<u8>,
    pub type_name: String,
    pub diags: Vec<Diag>,
}

fn bytes(d: Option<Vec<u8>>) -> Option<Vec<u8>> {
    d.filter(|b| !b.is_empty())
}

/// A protocol-agnostic Terraform provider.
#[derive(Clone, Debug)]
pub struct Tf {
    pub client: ProviderClient,
}

impl Tf {
    pub async fn validate_provider_config(&self, config: Vec<u8>) -> Result<Vec<Diag>, Status> {
        Ok(match self.client.clone() {
            ProviderClient::V5(mut c) => {
                let req = v5::prepare_provider_config::Request { config: Some(dv5(config)) };
                diags(
                    &c.prepare_provider_config(req)
                        .await
                        .map_err(rpc("PrepareProviderConfig"))?
                        .into_inner()
                        .diagnostics,
                )
            }
            ProviderClient::V6(mut c) => {
                let req = v6::validate_provider_config::Request { config: Some(dv6(config)) };
                diags(
                    &c.validate_provider_config(req)
                        .await
                        .map_err(rpc("ValidateProviderConfig"))?
                        .into_inner()
                        .diagnostics,
                )
            }
        })
    }

    pub async fn configure(&self, config: Vec<u8>) -> Result<Vec<Diag>, Status> {
        Ok(match self.client.clone() {
            ProviderClient::V5(mut c) => {
                let req = v5::configure::Request {
                    terraform_version: TERRAFORM_VERSION.into(),
                    config: Some(dv5(config)),
                    client_capabilities: None,
                };
                diags(&c.configure(req).await.map_err(rpc("Configure"))?.into_inner().diagnostics)
            }
            ProviderClient::V6(mut c) => {
                let req = v6::configure_provider::Request {
                    terraform_version: TERRAFORM_VERSION.into(),
                    config: Some(dv6(config)),
                    client_capabilities: None,
                };
                diags(&c.configure_provider(req).await.map_err(rpc("ConfigureProvider"))?.into_inner().diagnostics)
            }
        })
    }

    pub async fn validate_resource(&self, type_name: &str, config: Vec<u8>) -> Result<Vec<Diag>, Status> {
        let type_name = type_name.to_string();
        Ok(match self.client.clone() {
            ProviderClient::V5(mut c) => {
                let req = v5::validate_resource_type_config::Request {
                    type_name,
                    config: Some(dv5(config)),
                    client_capabilities: None,
                };
                let r = c.validate_resource_type_config(req).await.map_err(rpc("ValidateResourceTypeConfig"))?;
                diags(&r.into_inner().diagnostics)
            }
            ProviderClient::V6(mut c) => {
                let req = v6::validate_resource_config::Request {
                    type_name,
                    config: Some(dv6(config)),
                    client_capabilities: None,
                };
                diags(
                    &c.validate_resource_config(req)
                        .await
                        .map_err(rpc("ValidateResourceConfig"))?
                        .into_inner()
                        .diagnostics,
                )
            }
        })
    }

    pub async fn validate_data_source(&self, type_name: &str, config: Vec<u8>) -> Result<Vec<Diag>, Status> {
        let type_name = type_name.to_string();
        Ok(match self.client.clone() {
            ProviderClient::V5(mut c) => {
                let req = v5::validate_data_source_config::Request { type_name, config: Some(dv5(config)) };
                let r = c.validate_data_source_config(req).await.map_err(rpc("ValidateDataSourceConfig"))?;
                diags(&r.into_inner().diagnostics)
            }
            ProviderClient::V6(mut c) => {
                let req = v6::validate_data_resource_config::Request { type_name, config: Some(dv6(config)) };
                let r = c.validate_data_resource_config(req).await.map_err(rpc("ValidateDataResourceConfig"))?;
                diags(&r.into_inner().diagnostics)
            }
        })
    }

    /// `UpgradeResourceState` from the state JSON written at schema `version`.
    pub async fn upgrade(&self, type_name: &str, version: i64, json: Vec<u8>) -> Result<State, Status> {
        both!(self.client, c, m, {
            let req = m::upgrade_resource_state::Request {
                type_name: type_name.to_string(),
                version,
                raw_state: Some(m::RawState { json, flatmap: Default::default() }),
            };
            let r = c.upgrade_resource_state(req).await.map_err(rpc("UpgradeResourceState"))?.into_inner();
            Ok(State {
                state: bytes(r.upgraded_state.map(|d| d.msgpack)),
                diags: diags(&r.diagnostics),
                ..Default::default()
            })
        })
    }

    pub async fn read(&self, type_name: &str, state: Vec<u8>, private: Vec<u8>) -> Result<State, Status> {
        both!(self.client, c, m, {
            let req = m::read_resource::Request {
                type_name: type_name.to_string(),
                current_state: Some(m::DynamicValue { msgpack: state, json: vec![] }),
                private,
                ..Default::default()
            };
            let r = c.read_resource(req).await.map_err(rpc("ReadResource"))?.into_inner();
            Ok(State {
                state: bytes(r.new_state.map(|d| d.msgpack)),
                private: r.private,
                diags: diags(&r.diagnostics),
                type_name: type_name.to_string(),
            })
        })
    }

    pub async fn plan(
        &self,
        type_name: &str,
        prior: Vec<u8>,
        proposed: Vec<u8>,
        config: Vec<u8>,
        prior_private: Vec<u8>,
    ) -> Result<Planned, Status> {
        both!(self.client, c, m, {
            let dv = |b: Vec<u8>| Some(m::DynamicValue { msgpack: b, json: vec![] });
            let req = m::plan_resource_change::Request {
                type_name: type_name.to_string(),
                prior_state: dv(prior),
                proposed_new_state: dv(proposed),
                config: dv(config),
                prior_private,
                ..Default::default()
            };
            let r = c.plan_resource_change(req).await.map_err(rpc("PlanResourceChange"))?.into_inner();
            Ok(Planned {
                state: bytes(r.planned_state.map(|d| d.msgpack)),
                requires_replace: r.requires_replace.iter().map(Steps::steps).collect(),
                private: r.planned_private,
                diags: diags(&r.diagnostics),
            })
        })
    }

    pub async fn apply(
        &self,
        type_name: &str,
        prior: Vec<u8>,
        planned: Vec<u8>,
        config: Vec<u8>,
        planned_private: Vec<u8>,
    ) -> Result<State, Status> {
        both!(self.client, c, m, {
            let dv = |b: Vec<u8>| Some(m::DynamicValue { msgpack: b, json: vec![] });
            let req = m::apply_resource_change::Request {
                type_name: type_name.to_string(),
                prior_state: dv(prior),
                planned_state: dv(planned),
                config: dv(config),
                planned_private,
                ..Default::default()
            };
            let r = c.apply_resource_change(req).await.map_err(rpc("ApplyResourceChange"))?.into_inner();
            Ok(State {
                state: bytes(r.new_state.map(|d| d.msgpack)),
                private: r.private,
                diags: diags(&r.diagnostics),
                type_name: type_name.to_string(),
            })
        })
    }

    /// `ImportResourceState`: the imported resources (usually one) and the diagnostics.
    pub async fn import(&self, type_name: &str, id: &str) -> Result<(Vec<State>, Vec<Diag>), Status> {
        both!(self.client, c, m, {
            let req = m::import_resource_state::Request {
                type_name: type_name.to_string(),
                id: id.to_string(),
                ..Default::default()
            };
            let r = c.import_resource_state(req).await.map_err(rpc("ImportResourceState"))?.into_inner();
            let states = r
                .imported_resources
                .into_iter()
                .map(|i| State {
                    state: bytes(i.state.map(|d| d.msgpack)),
                    private: i.private,
                    type_name: i.type_name,
                    diags: Vec::new(),
                })
                .collect();
            Ok((states, diags(&r.diagnostics)))
        })
    }

    pub async fn read_data_source(&self, type_name: &str, config: Vec<u8>) -> Result<State, Status> {
        both!(self.client, c, m, {
            let req = m::read_data_source::Request {
                type_name: type_name.to_string(),
                config: Some(m::DynamicValue { msgpack: config, json: vec![] }),
                ..Default::default()
            };
            let r = c.read_data_source(req).await.map_err(rpc("ReadDataSource"))?.into_inner();
            Ok(State {
                state: bytes(r.state.map(|d| d.msgpack)),
                diags: diags(&r.diagnostics),
                type_name: type_name.to_string(),
                ..Default::default()
            })
        })
    }
}

/// `CallFunction`'s answer: the result, or the function's error.
#[derive(Debug, Default)]
pub struct Called {
    pub result: Option<Vec<u8>>,
    /// The error text and the index of the argument it blames (if any).
    pub error: Option<(String, Option<i64>)>,
}

impl Tf {
    /// A provider-defined function, its arguments in parameter order (variadic ones last).
    pub async fn call_function(&self, name: &str, arguments: Vec<Vec<u8>>) -> Result<Called, Status> {
        both!(self.client, c, m, {
            let req = m::call_function::Request {
                name: name.to_string(),
                arguments: arguments.into_iter().map(|a| m::DynamicValue { msgpack: a, json: vec![] }).collect(),
            };
            let r = c.call_function(req).await.map_err(rpc("CallFunction"))?.into_inner();
            Ok(Called {
                result: bytes(r.result.map(|d| d.msgpack)),
                error: r.error.map(|e| (e.text, e.function_argument)),
            })
        })
    }
}

/// Providers may log or branch on the Terraform version; we claim a current one.
const TERRAFORM_VERSION: &str = "1.9.0";

fn dv5(msgpack: Vec<u8>) -> v5::DynamicValue {
    v5::DynamicValue { msgpack, json: vec![] }
}

fn dv6(msgpack: Vec<u8>) -> v6::DynamicValue {
    v6::DynamicValue { msgpack, json: vec![] }
}
