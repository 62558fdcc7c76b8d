//! `bridgegen schema ...`: validate schema files, print the format's JSON Schema.

use std::path::PathBuf;

use clap::Subcommand;

use crate::Failure;

#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// Validate Pulumi Package Schema files; print every error with its file and JSON pointer
    Check {
        /// Schema files (Pulumi Package Schema JSON)
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the Pulumi Package Schema format (for editors)
    JsonSchema,
}

pub(crate) fn run(cmd: SchemaCommand) -> Result<(), Failure> {
    match cmd {
        SchemaCommand::Check { files } => check(&files),
        SchemaCommand::JsonSchema => {
            print!("{}", bridgegen_schema::json_schema_text());
            Ok(())
        }
    }
}

/// Checks every file, reporting all; an unreadable file (exit 3) outranks an invalid one (1).
fn check(files: &[PathBuf]) -> Result<(), Failure> {
    let mut worst: Option<Failure> = None;
    for file in files {
        match crate::load(file) {
            Ok(pkg) => crate::ui::summary(format_args!(
                "ok: {} ({} resources, {} functions, {} types)",
                file.display(),
                pkg.resources.len(),
                pkg.functions.len(),
                pkg.objects.len() + pkg.enums.len()
            )),
            Err(Failure::Invalid) => {
                if worst.is_none() {
                    worst = Some(Failure::Invalid);
                }
            }
            Err(e) => {
                e.print();
                worst = Some(e);
            }
        }
    }
    match worst {
        None => Ok(()),
        Some(Failure::Invalid) => Err(Failure::Invalid),
        // Already printed above; exit with its code.
        Some(e) => Err(Failure::Printed(e.code())),
    }
}
