//! `bridgegen tf ...`: Terraform providers. `schema` reads a provider binary's schema (crate
//! `bridgegen-tfplugin`); `bridge` turns it into a Pulumi package schema (crate `bridgegen-tf`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, Context};
use bridgegen_tfplugin::schema::{name_from_binary, registry_address, ProviderSchema, ProvidersSchema};
use bridgegen_tfplugin::{PluginOptions, ProviderPlugin};
use clap::{Args, Subcommand};

use crate::Failure;

#[derive(Debug, Subcommand)]
pub enum TfCommand {
    /// Start a Terraform provider plugin binary (as Terraform does: go-plugin handshake, AutoMTLS),
    /// ask it for its schema over tfplugin6 or tfplugin5, and write it in the
    /// `terraform providers schema -json` format. No Terraform CLI needed.
    Schema(SchemaArgs),
    /// Turn a Terraform provider schema (+ its Markdown docs) into a Pulumi package schema
    Bridge(BridgeArgs),
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The provider plugin binary (e.g. terraform-provider-kakaocloud_v1.0.0)
    #[arg(long, value_name = "PATH")]
    pub provider: PathBuf,
    /// Where to write the schema JSON (written atomically; nothing is written on failure)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// The provider's name or registry address: NAME (-> registry.terraform.io/hashicorp/NAME),
    /// NAMESPACE/NAME or HOST/NAMESPACE/NAME [default: NAME from the binary's file name
    /// terraform-provider-NAME[_vX.Y.Z]]
    #[arg(long, value_name = "NAME")]
    pub provider_name: Option<String>,
    /// Seconds the binary may take to start (print its handshake line)
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub start_timeout: u64,
}

#[derive(Debug, Args)]
pub struct BridgeArgs {
    /// The provider schema in `terraform providers schema -json` format (or `bridgegen tf schema` output)
    #[arg(long, value_name = "FILE")]
    pub tf_schema: PathBuf,
    /// The provider's docs: the registry layout (website/docs/r, d) or tfplugindocs (docs/resources, data-sources)
    #[arg(long, value_name = "DIR")]
    pub docs: Option<PathBuf>,
    /// bridge.toml: package name (required key), metadata, module rules, overrides
    #[arg(long, value_name = "FILE")]
    pub config: PathBuf,
    /// Where to write the Pulumi package schema; the bridge metadata goes beside it as <stem>.bridge-metadata.json
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Also write the coverage report as JSON
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Another provider's Terraform schema that examples use (e.g. random); repeatable
    #[arg(long, value_name = "FILE")]
    pub example_schema: Vec<PathBuf>,
}

impl BridgeArgs {
    pub fn files(&self) -> bridgegen_tf::BridgeFiles {
        bridgegen_tf::BridgeFiles {
            tf_schema: self.tf_schema.clone(),
            docs: self.docs.clone(),
            config: Some(self.config.clone()),
            example_schemas: self.example_schema.clone(),
        }
    }
}

/// Bridges; prints the coverage report on stderr. Invalid input is exit 1, I/O exit 3.
pub(crate) fn bridge(files: &bridgegen_tf::BridgeFiles) -> Result<bridgegen_tf::Bridged, Failure> {
    eprintln!("bridging {}", files.tf_schema.display());
    match bridgegen_tf::bridge_files(files) {
        Ok(b) => {
            eprint!("{}", b.report.summary());
            Ok(b)
        }
        Err(e) if e.is_invalid() => {
            eprintln!("error: {e}");
            Err(Failure::Invalid)
        }
        Err(e) => Err(Failure::Error(e.into())),
    }
}

pub(crate) fn run(cmd: TfCommand) -> Result<(), Failure> {
    match cmd {
        TfCommand::Schema(args) => schema(&args).map_err(Failure::Error),
        TfCommand::Bridge(args) => {
            let b = bridge(&args.files())?;
            let meta_path = write_bridged(&b, &args.out, args.report.as_deref())?;
            eprintln!("wrote {} and {}", args.out.display(), meta_path.display());
            Ok(())
        }
    }
}

/// Writes a bridged schema to `out`, its metadata beside it (returns that path) and, if asked,
/// the coverage report. Everything is serialized before anything is written; each file is
/// written atomically.
pub fn write_bridged(b: &bridgegen_tf::Bridged, out: &Path, report: Option<&Path>) -> anyhow::Result<PathBuf> {
    let schema = bridgegen_tf::to_json_text(&b.schema);
    let meta = bridgegen_tf::to_json_text(&b.metadata);
    let report = report.map(|p| (p, bridgegen_tf::to_json_text(&b.report)));
    let meta_path = bridgegen_tf::metadata_path(out);
    for (path, text) in
        [(out, &schema), (meta_path.as_path(), &meta)].into_iter().chain(report.as_ref().map(|(p, t)| (*p, t)))
    {
        bridgegen_tf::write_atomic(path, text.as_bytes()).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(meta_path)
}

fn schema(args: &SchemaArgs) -> anyhow::Result<()> {
    let file_name = args.provider.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match &args.provider_name {
        Some(n) => n.clone(),
        None => name_from_binary(&file_name).ok_or_else(|| {
            anyhow!(
                "cannot tell the provider's name from the file name `{file_name}` (expected \
                 terraform-provider-NAME[_vX.Y.Z]); pass --provider-name NAME"
            )
        })?,
    };
    let address = registry_address(&name).map_err(|e| anyhow!(e))?;
    if !args.provider.is_file() {
        return Err(anyhow!("{}: no such provider binary", args.provider.display()));
    }
    eprintln!("starting {} ...", args.provider.display());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().context("tokio runtime")?;
    let mut opts = PluginOptions::new(&args.provider);
    opts.start_timeout = Duration::from_secs(args.start_timeout);
    let (version, response) = runtime.block_on(async {
        let plugin = ProviderPlugin::start(opts).await?;
        let version = plugin.protocol_version();
        let result = plugin.client().get_provider_schema().await;
        let _ = plugin.shutdown(Duration::from_secs(3)).await;
        result.map(|r| (version, r))
    })?;
    for w in &response.warnings {
        eprintln!("{w}");
    }
    let count = |s: &ProviderSchema| (s.resource_schemas.len(), s.data_source_schemas.len(), s.functions.len());
    let (resources, data_sources, functions) = count(&response.schema);
    let doc = ProvidersSchema::single(&address, response.schema);
    bridgegen_tf::write_atomic(&args.out, doc.to_json_pretty().as_bytes())
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {}: {address} (protocol {version}), {resources} resources, {data_sources} data sources, {functions} functions",
        args.out.display()
    );
    Ok(())
}
