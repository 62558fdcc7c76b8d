//! The `bridgegen` CLI. The binary is a thin wrapper around [`main`].

pub mod args;
pub mod cloud;
pub mod docs_cmd;
pub mod gen;
pub mod project;
pub mod schema_cmd;
pub mod site;
pub mod targets;
pub mod tf;
pub mod ui;

use std::path::Path;
use std::process::ExitCode;

use bridgegen_model::{Diagnostic, Package};
use clap::Parser;

use args::{Cli, Command};

/// Exit codes, documented in the README and `--help`.
pub mod exit {
    pub const INVALID: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const FAILURE: u8 = 3;
}

/// Something went wrong; says which exit code applies.
enum Failure {
    /// Invalid schema or drift: already printed.
    Invalid,
    /// Bad command-line usage that clap cannot see (e.g. a folder that is not docs output).
    Usage(anyhow::Error),
    /// I/O or generation failure.
    Error(anyhow::Error),
    /// Already reported; exit with this code.
    Printed(u8),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Error(e)
    }
}

impl Failure {
    fn code(&self) -> u8 {
        match self {
            Failure::Invalid => exit::INVALID,
            Failure::Usage(_) => exit::USAGE,
            Failure::Error(_) => exit::FAILURE,
            Failure::Printed(code) => *code,
        }
    }

    fn print(&self) {
        match self {
            Failure::Usage(e) => eprintln!("error: {e:#}\n\nFor more information, try '--help'."),
            Failure::Error(e) => eprintln!("error: {e:#}"),
            Failure::Invalid | Failure::Printed(_) => {}
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    ui::set_quiet(cli.quiet);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            f.print();
            ExitCode::from(f.code())
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Schema(cmd) => schema_cmd::run(cmd),
        Command::Gen(args) => gen::run(args),
        Command::Site(cmd) => site::run(cmd),
        Command::Cloud(args) => cloud::run(args),
        Command::Tf(cmd) => tf::run(cmd),
    }
}

fn print_diagnostics(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}\n");
    }
}

/// Reads, decodes and binds a schema file. A file that cannot be read is an I/O failure
/// (exit 3); one that is not a valid schema (including not UTF-8) is invalid (exit 1).
fn load(schema: &Path) -> Result<Package, Failure> {
    let bytes = std::fs::read(schema)
        .map_err(|e| Failure::Error(anyhow::anyhow!("cannot read schema file {}: {e}", schema.display())))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..at];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let col = at - before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1) + 1;
            let mut d = Diagnostic::error("#", "the file is not UTF-8 text (JSON must be UTF-8)").with_file(schema);
            d.position = Some((line, col));
            print_diagnostics(&[d]);
            return Err(Failure::Invalid);
        }
    };
    let with_file = |ds: Vec<Diagnostic>| ds.into_iter().map(|d| d.with_file(schema)).collect::<Vec<_>>();
    match bridgegen_model::bind_str(&text) {
        Ok((pkg, warnings)) => {
            print_diagnostics(&with_file(warnings));
            Ok(pkg)
        }
        Err(diags) => {
            let n = diags.errors().count();
            print_diagnostics(&with_file(diags.0));
            eprintln!("{}: {n} error{}", schema.display(), if n == 1 { "" } else { "s" });
            Err(Failure::Invalid)
        }
    }
}
