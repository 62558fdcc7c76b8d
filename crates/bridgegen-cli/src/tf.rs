//! `bridgegen tf ...`: Terraform providers (crate `bridgegen-tfplugin`).

use std::io::Write;
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

pub(crate) fn run(cmd: TfCommand) -> Result<(), Failure> {
    match cmd {
        TfCommand::Schema(args) => schema(&args).map_err(Failure::Error),
    }
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
    let count = |s: &ProviderSchema| (s.resource_schemas.len(), s.data_source_schemas.len());
    let (resources, data_sources) = count(&response.schema);
    let doc = ProvidersSchema::single(&address, response.schema);
    write_atomic(&args.out, doc.to_json_pretty().as_bytes())?;
    eprintln!(
        "wrote {}: {address} (protocol {version}), {resources} resources, {data_sources} data sources",
        args.out.display()
    );
    Ok(())
}

/// Temp file in the target's folder, then rename: readers never see half a file.
fn write_atomic(target: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create folder", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".bridgegen-")
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot write", dir.display()))?;
    tmp.write_all(contents).with_context(|| format!("{}: cannot write", target.display()))?;
    tmp.persist(target).map_err(|e| anyhow!("{}: cannot write: {}", target.display(), e.error))?;
    Ok(())
}
