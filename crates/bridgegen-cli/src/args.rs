//! The command tree. Every level has `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "bridgegen",
    version,
    about = "Generate Pulumi SDKs, docs and providers from one resource schema",
    long_about = "Generate Pulumi SDKs (TypeScript, Python, Go, C#), docs and providers from one \
Pulumi Package Schema.\n\nExit codes: 0 success; 1 the schema is invalid or the output drifted \
(--check); 2 bad command-line usage; 3 an I/O or generation failure."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate schemas and print the format's JSON Schema
    #[command(subcommand)]
    Schema(SchemaCommand),
    /// Generate SDKs and docs (without a subcommand: everything in bridgegen.toml)
    Gen(GenArgs),
    /// Build the static doc site from generated docs
    #[command(subcommand)]
    Site(crate::site::SiteCommand),
    /// Run and seed the embedded local cloud (Alibaba Cloud ECS / KakaoCloud image sharing)
    Cloud(crate::cloud::CloudArgs),
    /// Terraform providers: read a provider binary's schema
    #[command(subcommand)]
    Tf(crate::tf::TfCommand),
}

#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// Validate schema files; print every error with its JSON pointer
    Check {
        /// Schema files (Pulumi Package Schema JSON)
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the Pulumi Package Schema format
    JsonSchema,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct GenArgs {
    #[command(subcommand)]
    pub command: Option<GenCommand>,
    /// Project file listing each schema and its output folder
    #[arg(long, default_value = "bridgegen.toml")]
    pub project: PathBuf,
    /// Write nothing; exit 1 if the committed output differs from what would be generated
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Subcommand)]
pub enum GenCommand {
    /// Generate the docs pages (Markdown) of one schema
    Docs(crate::docs_cmd::GenDocsArgs),
    /// Generate one language SDK from one schema
    Sdk {
        #[arg(long, value_enum)]
        lang: Lang,
        #[arg(long)]
        schema: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Nodejs,
    Python,
    Go,
    Dotnet,
}
