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
    #[arg(long, value_name = "FILE")]
    pub schema: PathBuf,
    /// Output folder for the Markdown pages (created if missing; pages bridgegen generated
    /// there before and no longer generates are removed, other files are kept)
    #[arg(long, value_name = "DIR")]
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

pub(crate) fn run(args: &GenDocsArgs, opts: bridgegen_codegen::WriteOptions) -> Result<(), Failure> {
    let pkg = crate::load(&args.schema)?;
    let started = std::time::Instant::now();
    let files = generate(&pkg, &args.schema, args.style)?;
    let planned = crate::gen::Planned {
        label: "docs".into(),
        out: args.out.clone(),
        files,
        seconds: started.elapsed().as_secs_f64(),
    };
    crate::gen::write(&[planned], opts)
}

/// Generates the pages with a progress bar over resources and functions.
pub(crate) fn generate(
    pkg: &bridgegen_model::Package,
    schema: &Path,
    style: DocsStyle,
) -> Result<Vec<bridgegen_codegen::GeneratedFile>, Failure> {
    use anyhow::Context;
    use bridgegen_codegen::Generator;
    let pb = crate::ui::bar((pkg.resources.len() + pkg.functions.len()) as u64, "docs pages");
    pb.set_message(pkg.name.clone());
    let files = generator(style)
        .generate_with_progress(pkg, &|| pb.inc(1))
        .with_context(|| format!("generating docs for package `{}` ({})", pkg.name, schema.display()));
    pb.finish_and_clear();
    Ok(files?)
}
