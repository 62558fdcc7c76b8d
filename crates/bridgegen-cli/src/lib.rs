//! The `bridgegen` CLI. The binary is a thin wrapper around [`main`].

pub mod args;
pub mod cloud;
pub mod docs_cmd;
pub mod project;
pub mod site;
pub mod targets;
pub mod tf;

use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Context};
use bridgegen_codegen::{check_output, write_output, GeneratedFile};
use bridgegen_model::{Diagnostic, Package};
use clap::Parser;

use args::{Cli, Command, GenArgs, GenCommand, Lang, SchemaCommand};

/// Exit codes, documented in the README and `--help`.
pub mod exit {
    pub const INVALID: u8 = 1;
    pub const FAILURE: u8 = 3;
}

/// Something went wrong; says which exit code applies.
enum Failure {
    /// Invalid schema or drift: already printed.
    Invalid,
    /// I/O or generation failure.
    Error(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Error(e)
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(exit::INVALID),
        Err(Failure::Error(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::from(exit::FAILURE)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Schema(SchemaCommand::Check { files }) => schema_check(&files),
        Command::Schema(SchemaCommand::JsonSchema) => {
            print!("{}", bridgegen_schema::json_schema_text());
            Ok(())
        }
        Command::Gen(args) => gen(args),
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

fn schema_check(files: &[std::path::PathBuf]) -> Result<(), Failure> {
    let mut failed = 0;
    for file in files {
        match bridgegen_model::load_package(file) {
            Ok((pkg, warnings)) => {
                print_diagnostics(&warnings);
                eprintln!(
                    "ok: {} ({} resources, {} functions, {} types)",
                    file.display(),
                    pkg.resources.len(),
                    pkg.functions.len(),
                    pkg.objects.len() + pkg.enums.len()
                );
            }
            Err(diags) => {
                print_diagnostics(&diags.0);
                let n = diags.errors().count();
                eprintln!("{}: {n} error{}", file.display(), if n == 1 { "" } else { "s" });
                failed += 1;
            }
        }
    }
    if failed > 0 {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}

fn load(schema: &Path) -> Result<Package, Failure> {
    match bridgegen_model::load_package(schema) {
        Ok((pkg, warnings)) => {
            print_diagnostics(&warnings);
            Ok(pkg)
        }
        Err(diags) => {
            print_diagnostics(&diags.0);
            Err(Failure::Invalid)
        }
    }
}

fn lang_target(lang: Lang) -> &'static str {
    match lang {
        Lang::Nodejs => "nodejs",
        Lang::Python => "python",
        Lang::Go => "go",
        Lang::Dotnet => "dotnet",
    }
}

/// Runs a target's generator, in memory.
fn generate(pkg: &Package, target: &str) -> Result<Vec<GeneratedFile>, Failure> {
    let generator = targets::generator(target)
        .ok_or_else(|| anyhow!("unknown target `{target}`; expected one of {}", targets::TARGETS.join(", ")))?;
    let files = generator.generate(pkg).with_context(|| format!("generating {target} for package `{}`", pkg.name))?;
    Ok(files)
}

/// Writes generated output (or, with `check`, reports drift). Returns false on drift.
fn emit(out: &Path, files: &[GeneratedFile], check: bool) -> Result<bool, Failure> {
    if check {
        let drift = check_output(out, files).with_context(|| format!("checking {}", out.display()))?;
        if drift.is_clean() {
            eprintln!("up to date: {} ({} files)", out.display(), files.len());
            return Ok(true);
        }
        for (what, list) in [("missing", &drift.missing), ("changed", &drift.changed), ("stale", &drift.stale)] {
            for p in list {
                eprintln!("drift: {what}: {}", out.join(p).display());
            }
        }
        return Ok(false);
    }
    let report = write_output(out, files).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {}: {} written, {} unchanged, {} removed",
        out.display(),
        report.written,
        report.unchanged,
        report.removed.len(),
    );
    Ok(true)
}

fn gen(args: GenArgs) -> Result<(), Failure> {
    match args.command {
        Some(GenCommand::Docs(docs)) => docs_cmd::run(&docs),
        Some(GenCommand::Sdk { lang, schema, out }) => {
            let pkg = load(&schema)?;
            let files = generate(&pkg, lang_target(lang))?;
            emit(&out, &files, false)?;
            Ok(())
        }
        None => {
            let project = project::Project::load(&args.project)?;
            for p in &project.packages {
                for target in &p.targets {
                    if targets::generator(target).is_none() {
                        return Err(anyhow!(
                            "{}: unknown target `{target}`; expected one of {}",
                            args.project.display(),
                            targets::TARGETS.join(", ")
                        )
                        .into());
                    }
                }
            }
            // Generate everything in memory first: a failure leaves every output untouched.
            let mut outputs = Vec::new();
            for p in &project.packages {
                let pkg = load(&p.schema)?;
                for target in &p.targets {
                    let started = std::time::Instant::now();
                    let files = generate(&pkg, target)?;
                    eprintln!(
                        "generated {target} for {} ({} files, {:.2}s)",
                        pkg.name,
                        files.len(),
                        started.elapsed().as_secs_f64()
                    );
                    outputs.push((p.out.join(target), files));
                }
            }
            let mut clean = true;
            for (out, files) in &outputs {
                clean &= emit(out, files, args.check)?;
            }
            if clean {
                Ok(())
            } else {
                eprintln!("generated output is out of date: run `bridgegen gen` and commit the result");
                Err(Failure::Invalid)
            }
        }
    }
}
