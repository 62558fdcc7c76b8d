//! `bridgegen gen`: one SDK, one docs folder, or everything `bridgegen.toml` lists.
//!
//! Every target is generated in memory first; then all outputs are written as one
//! transaction (`bridgegen_codegen::write_outputs`): a failure anywhere leaves every
//! previous output byte-identical.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{anyhow, Context};
use bridgegen_codegen::{check_output, write_outputs, GeneratedFile, Output, WriteOptions};
use bridgegen_model::Package;
use clap::{Args, Subcommand, ValueEnum};

use crate::{targets, ui, Failure};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct GenArgs {
    #[command(subcommand)]
    pub command: Option<GenCommand>,
    /// Project file listing each schema, its output folder and targets [looked for in the
    /// current directory]
    #[arg(long, value_name = "FILE", default_value = "bridgegen.toml")]
    pub project: PathBuf,
    /// Write nothing; exit 1 if the committed output differs from what would be generated
    #[arg(long)]
    pub check: bool,
    /// Skip the final flush to disk (faster; for CI and scratch output). Writes stay atomic
    #[arg(long, global = true, env = bridgegen_codegen::NO_FSYNC_ENV, value_parser = clap::builder::FalseyValueParser::new())]
    pub no_fsync: bool,
}

#[derive(Debug, Subcommand)]
pub enum GenCommand {
    /// Generate the docs pages (Markdown) of one schema
    Docs(crate::docs_cmd::GenDocsArgs),
    /// Generate one language SDK from one schema
    Sdk(GenSdkArgs),
}

#[derive(Debug, Args)]
pub struct GenSdkArgs {
    /// SDK language
    #[arg(long, value_enum)]
    pub lang: Lang,
    /// Schema file (Pulumi Package Schema JSON)
    #[arg(long, value_name = "FILE")]
    pub schema: PathBuf,
    /// Output folder (created if missing; files bridgegen generated there before and no
    /// longer generates are removed, other files are kept)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Schema of a package this one refers to by `$ref` (repeatable); C# then names that
    /// package's classes with its own `csharp` options, as Pulumi's generator does [dotnet only]
    #[arg(long, value_name = "FILE")]
    pub external_schema: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// TypeScript/JavaScript (@pulumi/pulumi)
    Nodejs,
    /// Python (pulumi)
    Python,
    /// Go (github.com/pulumi/pulumi/sdk/v3)
    Go,
    /// C# (Pulumi NuGet package)
    Dotnet,
}

impl Lang {
    fn target(self) -> &'static str {
        match self {
            Lang::Nodejs => "nodejs",
            Lang::Python => "python",
            Lang::Go => "go",
            Lang::Dotnet => "dotnet",
        }
    }
}

/// One target's output, generated in memory, waiting to be written.
pub(crate) struct Planned {
    pub label: String,
    pub out: PathBuf,
    pub files: Vec<GeneratedFile>,
    pub seconds: f64,
}

pub(crate) fn run(args: GenArgs) -> Result<(), Failure> {
    let opts = WriteOptions { fsync: !args.no_fsync };
    match args.command {
        Some(GenCommand::Docs(docs)) => crate::docs_cmd::run(&docs, opts),
        Some(GenCommand::Sdk(sdk)) => {
            let pkg = crate::load(&sdk.schema)?;
            let target = sdk.lang.target();
            if !sdk.external_schema.is_empty() && sdk.lang != Lang::Dotnet {
                return Err(Failure::Usage(anyhow!(
                    "--external-schema is read by `--lang dotnet` only, not `{target}`"
                )));
            }
            let externals = load_externals(&sdk.external_schema)?;
            let pb = ui::spinner(&format!("generating {target} SDK for {}", pkg.name));
            let started = Instant::now();
            let files = generate(&pkg, &sdk.schema, target, &externals, &|| {});
            pb.finish_and_clear();
            let planned =
                Planned { label: target.into(), out: sdk.out, files: files?, seconds: started.elapsed().as_secs_f64() };
            write(&[planned], opts)
        }
        None => crate::project::run(&args.project, args.check, opts),
    }
}

/// Runs a target's generator in memory; `tick` is called per page where the generator
/// reports progress. `externals` are the bound schemas of packages `pkg` refers to; only C#
/// reads them (it spells their classes with their own `csharp` options).
pub(crate) fn generate(
    pkg: &Package,
    schema: &Path,
    target: &str,
    externals: &[Package],
    tick: &dyn Fn(),
) -> Result<Vec<GeneratedFile>, Failure> {
    let generator = targets::generator(target)
        .ok_or_else(|| anyhow!("unknown target `{target}`; expected one of {}", targets::TARGETS.join(", ")))?;
    let files = if target == "dotnet" && !externals.is_empty() {
        let refs: Vec<&Package> = externals.iter().collect();
        bridgegen_dotnet::generate_with_externals(pkg, &refs)
    } else {
        generator.generate_with_progress(pkg, tick)
    };
    let files =
        files.with_context(|| format!("generating {target} for package `{}` ({})", pkg.name, schema.display()))?;
    Ok(files)
}

/// The bound schemas of the packages a package refers to (`--external-schema`, a project
/// package's `external-schemas`).
pub(crate) fn load_externals(paths: &[PathBuf]) -> Result<Vec<Package>, Failure> {
    paths.iter().map(|p| crate::load(p)).collect()
}

/// Writes every planned output in one transaction and prints one summary line per target.
pub(crate) fn write(planned: &[Planned], opts: WriteOptions) -> Result<(), Failure> {
    let total: usize = planned.iter().map(|p| p.files.len()).sum();
    let pb = ui::spinner(&format!("writing {total} files"));
    let started = Instant::now();
    let outputs: Vec<Output<'_>> = planned.iter().map(|p| Output { dir: &p.out, files: &p.files }).collect();
    let reports = write_outputs(&outputs, opts);
    pb.finish_and_clear();
    let reports = reports.map_err(anyhow::Error::from)?;
    let write_secs = started.elapsed().as_secs_f64();
    for (p, r) in planned.iter().zip(&reports) {
        ui::summary(format_args!(
            "{}: {} written, {} unchanged, {} removed -> {} (generated in {:.2}s)",
            p.label,
            r.written,
            r.unchanged,
            r.removed.len(),
            p.out.display(),
            p.seconds
        ));
    }
    if planned.len() > 1 || write_secs >= 0.5 {
        ui::summary(format_args!(
            "wrote {} target{} in {write_secs:.2}s{}",
            planned.len(),
            if planned.len() == 1 { "" } else { "s" },
            if opts.fsync { "" } else { " (not flushed to disk: --no-fsync)" }
        ));
    }
    Ok(())
}

/// Compares planned outputs with what is on disk; prints drift. Returns false on drift.
pub(crate) fn check(planned: &[Planned]) -> Result<bool, Failure> {
    let mut clean = true;
    for p in planned {
        let drift = check_output(&p.out, &p.files).map_err(anyhow::Error::from)?;
        if drift.is_clean() {
            ui::summary(format_args!("{}: up to date -> {} ({} files)", p.label, p.out.display(), p.files.len()));
            continue;
        }
        clean = false;
        for (what, list) in [("missing", &drift.missing), ("changed", &drift.changed), ("stale", &drift.stale)] {
            for f in list {
                eprintln!("drift: {what}: {}", p.out.join(f).display());
            }
        }
    }
    Ok(clean)
}
