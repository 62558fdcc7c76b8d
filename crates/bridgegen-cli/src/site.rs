//! `bridgegen site build`: a static, searchable HTML site from generated docs.

use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;

use crate::Failure;

#[derive(Debug, Subcommand)]
pub enum SiteCommand {
    /// Build the HTML site (mdBook) from one or more `gen docs` output directories
    Build {
        /// A docs directory (repeat for several packages)
        #[arg(long, required = true)]
        docs: Vec<PathBuf>,
        /// Output directory for the site (its previous content is replaced)
        #[arg(long)]
        out: PathBuf,
        /// Site title (default: the package's title)
        #[arg(long)]
        title: Option<String>,
    },
}

pub(crate) fn run(cmd: SiteCommand) -> Result<(), Failure> {
    match cmd {
        SiteCommand::Build { docs, out, title } => {
            let started = std::time::Instant::now();
            let report = bridgegen_site::build(&docs, &out, &bridgegen_site::SiteOptions { title })
                .with_context(|| format!("building the site into {}", out.display()))?;
            eprintln!(
                "built site {}: {} pages, {} files, {:.1} MB ({:.2}s)",
                out.display(),
                report.pages,
                report.files,
                report.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
    }
}
