//! The engine plumbing every provider plugin of this workspace answers alike (the native
//! [`crate::ProviderServer`] and the Terraform bridge): the engine connection the logger uses
//! (from the command line, `Handshake` or `Attach`) and the fixed answers of `Handshake`,
//! `Configure`, `Parameterize`, `GetPluginInfo` and `GetMapping(s)`.

use std::sync::RwLock;

use pulumi_gestalt_proto::pulumi::pulumirpc as rpc;
use tonic::{Response, Status};

use crate::logging::EngineLogger;

/// What the plugin declares it accepts: secrets and resource references, no output values,
/// no autonaming configuration (the same answer for `Handshake` and `Configure`).
const ACCEPT_SECRETS: bool = true;
const ACCEPT_RESOURCES: bool = true;
const ACCEPT_OUTPUTS: bool = false;
const AUTONAMING_CONFIGURATION: bool = false;

/// The engine a plugin reports to; replaced when the engine names itself again.
pub struct EngineLink {
    logger: RwLock<EngineLogger>,
}

impl EngineLink {
    /// `engine_address` is the plugin's command-line argument, if any.
    pub fn new(engine_address: Option<&str>) -> Result<Self, String> {
        let logger = match engine_address {
            Some(a) => EngineLogger::connect(a)?,
            None => EngineLogger::none(),
        };
        Ok(Self::with_logger(logger))
    }

    pub fn with_logger(logger: EngineLogger) -> Self {
        EngineLink { logger: RwLock::new(logger) }
    }

    /// The current logger (cheap to clone).
    pub fn logger(&self) -> EngineLogger {
        self.logger.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn set_logger(&self, logger: EngineLogger) {
        *self.logger.write().unwrap_or_else(|e| e.into_inner()) = logger;
    }

    /// `Handshake`: logs go to the engine address it names (best effort: a bad address keeps
    /// the previous logger); the plugin's fixed capabilities are the answer.
    pub fn handshake(
        &self,
        req: &rpc::ProviderHandshakeRequest,
    ) -> Result<Response<rpc::ProviderHandshakeResponse>, Status> {
        if !req.engine_address.is_empty() {
            if let Ok(l) = EngineLogger::connect(&req.engine_address) {
                self.set_logger(l);
            }
        }
        Ok(Response::new(rpc::ProviderHandshakeResponse {
            accept_secrets: ACCEPT_SECRETS,
            accept_resources: ACCEPT_RESOURCES,
            accept_outputs: ACCEPT_OUTPUTS,
            supports_autonaming_configuration: AUTONAMING_CONFIGURATION,
        }))
    }

    /// `Attach` (a plugin started by the user, attached by the engine): logs go to its address.
    pub fn attach(&self, req: &rpc::PluginAttach) -> Result<Response<()>, Status> {
        let logger = EngineLogger::connect(&req.address).map_err(Status::invalid_argument)?;
        self.set_logger(logger);
        Ok(Response::new(()))
    }
}

/// The `Configure` answer once the provider is configured: previews are supported.
pub fn configured() -> Result<Response<rpc::ConfigureResponse>, Status> {
    Ok(Response::new(rpc::ConfigureResponse {
        accept_secrets: ACCEPT_SECRETS,
        supports_preview: true,
        accept_resources: ACCEPT_RESOURCES,
        accept_outputs: ACCEPT_OUTPUTS,
        supports_autonaming_configuration: AUTONAMING_CONFIGURATION,
    }))
}

/// `Parameterize`: none of these plugins can be parameterized; `what` names the plugin.
pub fn not_parameterizable(what: &str) -> Result<Response<rpc::ParameterizeResponse>, Status> {
    Err(Status::unimplemented(format!("{what} is not parameterizable")))
}

/// `GetPluginInfo`: the package version.
pub fn plugin_info(version: &str) -> Result<Response<rpc::PluginInfo>, Status> {
    Ok(Response::new(rpc::PluginInfo { version: version.to_string() }))
}

/// `GetMapping`: no conversion mappings; an empty answer, as the engine expects then.
pub fn no_mapping() -> Result<Response<rpc::GetMappingResponse>, Status> {
    Ok(Response::new(rpc::GetMappingResponse::default()))
}

/// `GetMappings`: no conversion mappings.
pub fn no_mappings() -> Result<Response<rpc::GetMappingsResponse>, Status> {
    Ok(Response::new(rpc::GetMappingsResponse::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handshake_and_configure_declare_the_same_capabilities() {
        let link = EngineLink::new(None).unwrap();
        assert!(!link.logger().has_engine());
        let h = link.handshake(&rpc::ProviderHandshakeRequest::default()).unwrap().into_inner();
        assert!(!link.logger().has_engine(), "an empty engine address keeps the logger");
        let c = configured().unwrap().into_inner();
        assert!(h.accept_secrets && h.accept_resources && !h.accept_outputs);
        assert_eq!(
            (c.accept_secrets, c.accept_resources, c.accept_outputs, c.supports_autonaming_configuration),
            (h.accept_secrets, h.accept_resources, h.accept_outputs, h.supports_autonaming_configuration)
        );
        assert!(c.supports_preview);
    }

    #[tokio::test]
    async fn handshake_and_attach_connect_the_engine_logger() {
        let link = EngineLink::new(None).unwrap();
        let req = rpc::ProviderHandshakeRequest { engine_address: "127.0.0.1:1".into(), ..Default::default() };
        link.handshake(&req).unwrap();
        assert!(link.logger().has_engine());
        let link = EngineLink::new(None).unwrap();
        link.attach(&rpc::PluginAttach { address: "127.0.0.1:2".into() }).unwrap();
        assert!(link.logger().has_engine());
        let bad = link.attach(&rpc::PluginAttach { address: "not a uri\n".into() }).unwrap_err();
        assert_eq!(bad.code(), tonic::Code::InvalidArgument);
    }

    #[test]
    fn fixed_answers() {
        assert_eq!(plugin_info("1.2.3").unwrap().into_inner().version, "1.2.3");
        let e = not_parameterizable("the Terraform bridge").unwrap_err();
        assert_eq!(e.code(), tonic::Code::Unimplemented);
        assert_eq!(e.message(), "the Terraform bridge is not parameterizable");
    }
}
