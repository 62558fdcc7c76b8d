//! The command tree. Each command group lives in its own module (`schema_cmd`, `gen`,
//! `site`, `cloud`) with its arguments and its `run`; adding a group is one variant here and
//! one arm in `crate::run`.

use clap::{Parser, Subcommand};

/// What a first-time user should run next; shown by `bridgegen` alone and under `--help`.
const NEXT_STEPS: &str = "\
Getting started:
  bridgegen schema check schema/alicloud.json        validate a schema (every error with file and JSON pointer)
  bridgegen gen                                      regenerate everything listed in ./bridgegen.toml
  bridgegen gen sdk --lang nodejs --schema FILE --out DIR
  bridgegen gen docs --schema FILE --out DIR && bridgegen site build --docs DIR --out SITE

Exit codes: 0 success; 1 the schema is invalid or the output drifted (--check); 2 bad \
command-line usage; 3 an I/O or generation failure.";

#[derive(Debug, Parser)]
#[command(
    name = "bridgegen",
    version,
    about = "Generate Pulumi SDKs, docs and providers from one Pulumi Package Schema (JSON)",
    long_about = "Generate Pulumi SDKs (TypeScript, Python, Go, C#), docs and a doc site from one Pulumi \
Package Schema (JSON), and run the embedded local cloud the Rust providers talk to.",
    after_help = NEXT_STEPS,
    arg_required_else_help = true
)]
pub struct Cli {
    /// No progress and no summary lines on stderr (errors and schema warnings are still printed)
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate schemas and print the format's JSON Schema
    #[command(subcommand)]
    Schema(crate::schema_cmd::SchemaCommand),
    /// Generate SDKs and docs (without a subcommand: everything in bridgegen.toml)
    Gen(crate::gen::GenArgs),
    /// Build the static doc site from generated docs
    #[command(subcommand)]
    Site(crate::site::SiteCommand),
    /// Run and seed the embedded local cloud (Alibaba Cloud ECS / KakaoCloud image sharing)
    Cloud(crate::cloud::CloudArgs),
    /// Terraform providers: read a provider binary's schema, bridge it into a Pulumi package schema
    #[command(subcommand)]
    Tf(crate::tf::TfCommand),
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// Every option and positional of every command has a description, and short help says
    /// what long help says about the input (one Pulumi Package Schema).
    #[test]
    fn every_argument_of_every_command_is_described() {
        let cmd = Cli::command();
        cmd.clone().debug_assert();
        let mut stack = vec![(String::from("bridgegen"), cmd)];
        let mut missing = Vec::new();
        while let Some((path, c)) = stack.pop() {
            if c.get_about().is_none() {
                missing.push(format!("{path}: no about"));
            }
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if id != "help" && id != "version" && a.get_help().is_none() && a.get_long_help().is_none() {
                    missing.push(format!("{path}: --{id}"));
                }
            }
            for s in c.get_subcommands() {
                stack.push((format!("{path} {}", s.get_name()), s.clone()));
            }
        }
        assert!(missing.is_empty(), "undescribed: {missing:#?}");
        let cmd = Cli::command();
        let short = cmd.get_about().unwrap().to_string();
        let long = cmd.get_long_about().unwrap().to_string();
        assert!(short.contains("Pulumi Package Schema") && long.contains("Pulumi Package Schema"), "{short} / {long}");
    }
}
