//! `bridgegen gen docs`: the docs pages of one schema.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::Failure;

/// Page layout of `gen docs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocsStyle {
    /// Pulumi registry layout: language tabs, signatures, Inputs/Outputs, Supporting Types
    Pulumi,
    /// Terraform registry (tfplugindocs) layout: Schema with Required/Optional/Read-Only
    Terraform,
}

#[derive(Debug, Args)]
pub struct GenDocsArgs {
    /// Schema file (Pulumi Package Schema JSON)
    #[arg(long)]
    pub schema: PathBuf,
    /// Output directory for the Markdown pages
    #[arg(long)]
    pub out: PathBuf,
    /// Page layout
    #[arg(long, value_enum, default_value = "pulumi")]
    pub style: DocsStyle,
}

/// The docs generator for a style, with every SDK language's naming (see `targets`).
pub fn generator(style: DocsStyle) -> bridgegen_docs::DocsGenerator {
    let style = match style {
        DocsStyle::Pulumi => bridgegen_docs::Style::Pulumi,
        DocsStyle::Terraform => bridgegen_docs::Style::Terraform,
    };
    bridgegen_docs::DocsGenerator::new(crate::targets::language_docs(), style)
}

pub(crate) fn run(args: &GenDocsArgs) -> Result<(), Failure> {
    run_one(&args.schema, &args.out, args.style)
}

fn run_one(schema: &Path, out: &Path, style: DocsStyle) -> Result<(), Failure> {
    use anyhow::Context;
    use bridgegen_codegen::Generator;
    let pkg = crate::load(schema)?;
    let started = std::time::Instant::now();
    let files =
        generator(style).generate(&pkg).with_context(|| format!("generating docs for package `{}`", pkg.name))?;
    eprintln!("generated docs for {} ({} pages, {:.2}s)", pkg.name, files.len(), started.elapsed().as_secs_f64());
    crate::emit(out, &files, false)?;
    Ok(())
}
