//! A framework for Pulumi resource provider plugins in Rust.
//!
//! A provider author implements [`Plugin`] (schema, configure, resources) and
//! [`Resource`] per resource type; [`plugin_main`] runs the plugin process and
//! [`ProviderServer`] answers `pulumirpc.ResourceProvider` over gRPC (tonic).
//! The protocol types come from the `pulumi_gestalt_proto` crate (re-exported as [`rpc`]).

pub mod diff;
pub mod duration;
pub mod engine;
mod logging;
pub mod property_path;
mod resource;
pub mod retry;
mod schema;
mod serve;
mod server;
pub mod testing;
pub mod value;

pub use engine::EngineLink;
pub use logging::EngineLogger;
pub use pulumi_gestalt_proto::pulumi::pulumirpc as rpc;
pub use resource::{CheckFailure, CheckResult, Created, OpContext, ProviderError, ReadResult, Resource};
pub use schema::SchemaInfo;
pub use serve::{listen_and_announce, plugin_main, serve_on, serve_service, stop_signal, PluginArgs};
pub use server::{type_from_urn, Plugin, ProviderServer};
pub use value::{PropertyMap, PropertyValue};
