//! `bridgegen tf ...`: the Terraform bridge at design time.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand};

use crate::Failure;

#[derive(Debug, Subcommand)]
pub enum TfCommand {
    /// Turn a Terraform provider schema (+ its Markdown docs) into a Pulumi package schema
    Bridge(BridgeArgs),
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
        TfCommand::Bridge(args) => {
            let b = bridge(&args.files())?;
            // Everything is serialized before anything is written.
            let schema = bridgegen_tf::to_json_text(&b.schema);
            let meta = bridgegen_tf::to_json_text(&b.metadata);
            let report = args.report.as_ref().map(|p| (p, bridgegen_tf::to_json_text(&b.report)));
            let meta_path = bridgegen_tf::metadata_path(&args.out);
            for (path, text) in
                [(&args.out, &schema), (&meta_path, &meta)].into_iter().chain(report.as_ref().map(|(p, t)| (*p, t)))
            {
                bridgegen_tf::write_atomic(path, text.as_bytes())
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            eprintln!("wrote {} and {}", args.out.display(), meta_path.display());
            Ok(())
        }
    }
}
