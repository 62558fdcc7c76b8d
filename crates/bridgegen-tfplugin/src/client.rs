//! A protocol-agnostic view of a provider (tfplugin5 or tfplugin6), plus the raw clients.

use std::collections::BTreeMap;

use tonic::transport::Channel;

use crate::proto::{tfplugin5 as v5, tfplugin6 as v6};
use crate::schema::{functions, Function, ProviderSchema};
use crate::Error;

/// Providers with many resources send schemas of tens of MiB (tonic's default limit is 4 MiB).
const MAX_MESSAGE: usize = 256 << 20;

pub type RawV5 = v5::provider_client::ProviderClient<Channel>;
pub type RawV6 = v6::provider_client::ProviderClient<Channel>;

/// A provider's gRPC client. Clones share the connection.
#[derive(Debug, Clone)]
pub enum ProviderClient {
    V5(RawV5),
    V6(RawV6),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A provider diagnostic; `attribute` is the path it refers to, e.g. `timeouts.create` or `tags["a"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub summary: String,
    pub detail: String,
    pub attribute: Option<String>,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {}", self.summary)?;
        if let Some(a) = &self.attribute {
            write!(f, " (at `{a}`)")?;
        }
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// `GetProviderSchema`'s answer: the schema and any warnings the provider sent with it.
#[derive(Debug, Clone)]
pub struct SchemaResponse {
    pub schema: ProviderSchema,
    pub warnings: Vec<Diagnostic>,
}

// Both protocols define identical Diagnostic and AttributePath messages.
macro_rules! diagnostics {
    ($name:ident, $m:ident) => {
        pub(crate) fn $name(diags: &[$m::Diagnostic]) -> Vec<Diagnostic> {
            use $m::attribute_path::step::Selector;
            diags
                .iter()
                .map(|d| Diagnostic {
                    severity: if d.severity == $m::diagnostic::Severity::Warning as i32 {
                        Severity::Warning
                    } else {
                        Severity::Error
                    },
                    summary: d.summary.clone(),
                    detail: d.detail.clone(),
                    attribute: d.attribute.as_ref().map(|p| {
                        let mut s = String::new();
                        for step in &p.steps {
                            match &step.selector {
                                Some(Selector::AttributeName(n)) if s.is_empty() => s.push_str(n),
                                Some(Selector::AttributeName(n)) => {
                                    s.push('.');
                                    s.push_str(n)
                                }
                                Some(Selector::ElementKeyString(k)) => s.push_str(&format!("[{k:?}]")),
                                Some(Selector::ElementKeyInt(i)) => s.push_str(&format!("[{i}]")),
                                None => {}
                            }
                        }
                        s
                    }),
                })
                .collect()
        }
    };
}

diagnostics!(diagnostics_v5, v5);
diagnostics!(diagnostics_v6, v6);

/// Errors stop the call; warnings are handed back.
fn split(method: &'static str, diags: Vec<Diagnostic>) -> Result<Vec<Diagnostic>, Error> {
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(Error::Diagnostics { method, diagnostics: diags });
    }
    Ok(diags)
}

impl ProviderClient {
    /// A client for protocol `version` (5 or 6) on `channel`.
    pub fn new(version: u32, channel: Channel) -> ProviderClient {
        if version == 5 {
            ProviderClient::V5(
                RawV5::new(channel).max_decoding_message_size(MAX_MESSAGE).max_encoding_message_size(MAX_MESSAGE),
            )
        } else {
            ProviderClient::V6(
                RawV6::new(channel).max_decoding_message_size(MAX_MESSAGE).max_encoding_message_size(MAX_MESSAGE),
            )
        }
    }

    pub fn protocol_version(&self) -> u32 {
        match self {
            ProviderClient::V5(_) => 5,
            ProviderClient::V6(_) => 6,
        }
    }

    /// The raw tfplugin5 client, when the provider speaks protocol 5.
    pub fn v5(&self) -> Option<RawV5> {
        match self {
            ProviderClient::V5(c) => Some(c.clone()),
            ProviderClient::V6(_) => None,
        }
    }

    /// The raw tfplugin6 client, when the provider speaks protocol 6.
    pub fn v6(&self) -> Option<RawV6> {
        match self {
            ProviderClient::V6(c) => Some(c.clone()),
            ProviderClient::V5(_) => None,
        }
    }

    /// `GetProviderSchema`, in Terraform's JSON model. Error diagnostics become [`Error::Diagnostics`].
    pub async fn get_provider_schema(&self) -> Result<SchemaResponse, Error> {
        // Protocol 5 names the call GetSchema; same messages.
        const METHOD: &str = "GetProviderSchema";
        let rpc = |e: tonic::Status| Error::Rpc { method: METHOD, status: Box::new(e) };
        let (schema, diags) = match self.clone() {
            ProviderClient::V5(mut c) => {
                let r = c.get_schema(v5::get_provider_schema::Request {}).await.map_err(rpc)?.into_inner();
                (ProviderSchema::from(&r), diagnostics_v5(&r.diagnostics))
            }
            ProviderClient::V6(mut c) => {
                let r = c.get_provider_schema(v6::get_provider_schema::Request {}).await.map_err(rpc)?.into_inner();
                (ProviderSchema::from(&r), diagnostics_v6(&r.diagnostics))
            }
        };
        let mut warnings = split(METHOD, diags)?;
        let mut schema = schema;
        if schema.functions.is_empty() {
            let (functions, diags) = self.get_functions().await?;
            warnings.extend(split("GetFunctions", diags)?);
            schema.functions = functions;
        }
        Ok(SchemaResponse { schema, warnings })
    }

    /// `GetFunctions`, for providers that leave functions out of their schema answer; a
    /// provider that predates functions (the call is unimplemented) has none.
    async fn get_functions(&self) -> Result<(BTreeMap<String, Function>, Vec<Diagnostic>), Error> {
        let rpc = |e: tonic::Status| Error::Rpc { method: "GetFunctions", status: Box::new(e) };
        let answer = match self.clone() {
            ProviderClient::V5(mut c) => c
                .get_functions(v5::get_functions::Request {})
                .await
                .map(|r| r.into_inner())
                .map(|r| (functions(&r.functions), diagnostics_v5(&r.diagnostics))),
            ProviderClient::V6(mut c) => c
                .get_functions(v6::get_functions::Request {})
                .await
                .map(|r| r.into_inner())
                .map(|r| (functions(&r.functions), diagnostics_v6(&r.diagnostics))),
        };
        match answer {
            Err(e) if e.code() == tonic::Code::Unimplemented => Ok((BTreeMap::new(), Vec::new())),
            other => other.map_err(rpc),
        }
    }
}
