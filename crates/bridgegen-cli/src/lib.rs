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
    ExitCode::from(main_with_args(std::env::args_os()))
}

/// The whole command line as a library call: parses `args` (the first is the program name),
/// runs the command and returns the exit code instead of exiting, so a host process (the
/// Python package's `bridgegen` entry point) can run the CLI in-process.
pub fn main_with_args<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // What `Cli::parse` does, minus `exit`: help and version are exit 0, usage errors 2.
            let _ = e.print();
            return u8::try_from(e.exit_code()).unwrap_or(exit::USAGE);
        }
    };
    ui::set_quiet(cli.quiet);
    match run(cli) {
        Ok(()) => 0,
        Err(f) => {
            f.print();
            f.code()
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

/// Why a schema could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read (exit 3).
    Io(anyhow::Error),
    /// The text is not UTF-8 (exit 1): one diagnostic with the line and column.
    NotUtf8(Diagnostic),
    /// The schema is invalid (exit 1): every diagnostic, warnings included.
    Invalid(Vec<Diagnostic>),
}

/// Reads, decodes and binds a schema file; warnings come back beside the package. Every
/// diagnostic names the file.
pub fn read_schema(schema: &Path) -> Result<(Package, Vec<Diagnostic>), LoadError> {
    let bytes = std::fs::read(schema)
        .map_err(|e| LoadError::Io(anyhow::anyhow!("cannot read schema file {}: {e}", schema.display())))?;
    bind_schema_bytes(&bytes, Some(schema))
}

/// Decodes and binds schema JSON; `file`, when given, is named in every diagnostic.
pub fn bind_schema_bytes(bytes: &[u8], file: Option<&Path>) -> Result<(Package, Vec<Diagnostic>), LoadError> {
    let with_file = |d: Diagnostic| match file {
        Some(f) => d.with_file(f),
        None => d,
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let before = &bytes[..at];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let col = at - before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1) + 1;
            let mut d = Diagnostic::error("#", "the file is not UTF-8 text (JSON must be UTF-8)");
            d.position = Some((line, col));
            return Err(LoadError::NotUtf8(with_file(d)));
        }
    };
    match bridgegen_model::bind_str(text) {
        Ok((pkg, warnings)) => Ok((pkg, warnings.into_iter().map(with_file).collect())),
        Err(diags) => Err(LoadError::Invalid(diags.0.into_iter().map(with_file).collect())),
    }
}

/// [`read_schema`], printing the diagnostics. A file that cannot be read is an I/O failure
/// (exit 3); one that is not a valid schema (including not UTF-8) is invalid (exit 1).
fn load(schema: &Path) -> Result<Package, Failure> {
    match read_schema(schema) {
        Ok((pkg, warnings)) => {
            print_diagnostics(&warnings);
            Ok(pkg)
        }
        Err(LoadError::Io(e)) => Err(Failure::Error(e)),
        Err(LoadError::NotUtf8(d)) => {
            print_diagnostics(&[d]);
            Err(Failure::Invalid)
        }
        Err(LoadError::Invalid(diags)) => {
            let n = diags.iter().filter(|d| d.is_error()).count();
            print_diagnostics(&diags);
            eprintln!("{}: {n} error{}", schema.display(), if n == 1 { "" } else { "s" });
            Err(Failure::Invalid)
        }
    }
}
