//! `bridgegen site build`: a static, searchable HTML site from generated docs, and the
//! `site` target of `bridgegen.toml`.
//!
//! The site is built into a staging folder beside `--out`, then swapped in with renames, so
//! a failed build leaves the previous site as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};
use bridgegen_codegen::{GeneratedFile, WriteOptions, MANIFEST_FILE};
use clap::Subcommand;

use crate::{ui, Failure};

/// Marks a folder as a site bridgegen built, so `--out` never replaces anything else.
const SITE_MARKER: &str = ".bridgegen-site";

#[derive(Debug, Subcommand)]
pub enum SiteCommand {
    /// Build the HTML site (mdBook) from one or more `bridgegen gen docs` output folders
    Build {
        /// A folder written by `bridgegen gen docs` (repeat for several packages)
        #[arg(long, value_name = "DIR", required = true)]
        docs: Vec<PathBuf>,
        /// Output folder for the site; a site built before is replaced as a whole
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Site title [default: the package's title, or "API Docs" for several packages]
        #[arg(long)]
        title: Option<String>,
        /// Skip the final flush to disk (faster; for CI and scratch output)
        #[arg(long, env = bridgegen_codegen::NO_FSYNC_ENV, value_parser = clap::builder::FalseyValueParser::new())]
        no_fsync: bool,
    },
}

pub(crate) fn run(cmd: SiteCommand) -> Result<(), Failure> {
    let SiteCommand::Build { docs, out, title, no_fsync } = cmd;
    check_docs_dirs(&docs)?;
    let opts = WriteOptions { fsync: !no_fsync };
    let mut staged = stage(&docs, &out, title, opts)?;
    staged.swap()?;
    staged.commit(opts)
}

/// Each `--docs` folder must exist, be `gen docs` output, and be given once.
fn check_docs_dirs(docs: &[PathBuf]) -> Result<(), Failure> {
    let mut seen: BTreeMap<PathBuf, &Path> = BTreeMap::new();
    for dir in docs {
        let meta = fs::metadata(dir).map_err(|e| anyhow!("cannot read docs folder {}: {e}", dir.display()))?;
        if !meta.is_dir() {
            return Err(Failure::Usage(anyhow!(
                "--docs {}: not a folder (give a `bridgegen gen docs` output folder)",
                dir.display()
            )));
        }
        let listed = fs::read_to_string(dir.join(MANIFEST_FILE)).unwrap_or_default();
        if !dir.join("index.md").is_file() || !listed.lines().any(|l| l.ends_with(".md")) {
            return Err(Failure::Usage(anyhow!(
                "--docs {}: not bridgegen docs output (no index.md and {MANIFEST_FILE} listing pages); \
                 write it with `bridgegen gen docs --schema FILE --out {}`",
                dir.display(),
                dir.display()
            )));
        }
        let key = dir.canonicalize().with_context(|| format!("resolving {}", dir.display()))?;
        if let Some(first) = seen.insert(key, dir) {
            return Err(Failure::Usage(anyhow!(
                "--docs {} given twice (also as {}); give each docs folder once",
                dir.display(),
                first.display()
            )));
        }
    }
    Ok(())
}

/// A site built beside its destination, not yet visible.
pub(crate) struct StagedSite {
    stage: PathBuf,
    out: PathBuf,
    /// The previous site, moved aside by `swap`.
    backup: Option<PathBuf>,
    swapped: bool,
    report: bridgegen_site::SiteReport,
    seconds: f64,
}

fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    out.with_file_name(format!(".{name}.bridgegen-{what}-{}", std::process::id()))
}

/// Builds the site from docs folders into a staging folder beside `out`.
pub(crate) fn stage(
    docs: &[PathBuf],
    out: &Path,
    title: Option<String>,
    opts: WriteOptions,
) -> Result<StagedSite, Failure> {
    if out.exists() && !out.join(SITE_MARKER).exists() && fs::read_dir(out).map_or(true, |mut d| d.next().is_some()) {
        return Err(Failure::Usage(anyhow!(
            "--out {}: exists and is not a site bridgegen built; it would be replaced as a whole, so give a new or empty folder",
            out.display()
        )));
    }
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent).with_context(|| format!("cannot create directory {}", parent.display()))?;
    let stage = sibling(out, "stage");
    let _ = fs::remove_dir_all(&stage);
    let pb = ui::spinner(&format!("building site {}", out.display()));
    let started = std::time::Instant::now();
    let built = bridgegen_site::build(docs, &stage, &bridgegen_site::SiteOptions { title })
        .with_context(|| format!("building the site for {}", out.display()));
    pb.finish_and_clear();
    if built.is_err() {
        let _ = fs::remove_dir_all(&stage);
    }
    let report = built?;
    let staged = StagedSite {
        stage,
        out: out.to_path_buf(),
        backup: None,
        swapped: false,
        report,
        seconds: started.elapsed().as_secs_f64(),
    };
    fs::write(staged.stage.join(SITE_MARKER), "built by bridgegen site build; replaced as a whole on rebuild\n")
        .with_context(|| format!("cannot write {}", staged.stage.join(SITE_MARKER).display()))?;
    if opts.fsync {
        bridgegen_codegen::make_durable([staged.stage.as_path()]).map_err(anyhow::Error::from)?;
    }
    Ok(staged)
}

/// The `site` target: builds from in-memory docs pages (written to a scratch folder first).
pub(crate) fn stage_from_files(files: &[GeneratedFile], out: &Path, opts: WriteOptions) -> Result<StagedSite, Failure> {
    let scratch = tempfile::Builder::new().prefix("bridgegen-docs-").tempdir().context("creating a scratch folder")?;
    for f in files {
        let path = scratch.path().join(&f.path);
        fs::create_dir_all(path.parent().expect("a file has a parent"))
            .and_then(|()| fs::write(&path, &f.contents))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    stage(&[scratch.path().to_path_buf()], out, None, opts)
}

impl StagedSite {
    /// Moves the previous site aside and the new one into place.
    pub(crate) fn swap(&mut self) -> Result<(), Failure> {
        if self.out.exists() {
            let backup = sibling(&self.out, "old");
            let _ = fs::remove_dir_all(&backup);
            fs::rename(&self.out, &backup).with_context(|| format!("cannot replace {}", self.out.display()))?;
            self.backup = Some(backup);
        }
        self.swapped = true;
        fs::rename(&self.stage, &self.out).with_context(|| format!("cannot replace {}", self.out.display()))?;
        Ok(())
    }

    /// Drops the previous site and reports.
    pub(crate) fn commit(mut self, opts: WriteOptions) -> Result<(), Failure> {
        if let Some(backup) = self.backup.take() {
            fs::remove_dir_all(&backup).with_context(|| format!("cannot remove {}", backup.display()))?;
        }
        self.swapped = false;
        if opts.fsync {
            let parent = self.out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            bridgegen_codegen::make_durable([parent]).map_err(anyhow::Error::from)?;
        }
        ui::summary(format_args!(
            "site: {} pages, {} files, {:.1} MB -> {} (built in {:.2}s)",
            self.report.pages,
            self.report.files,
            self.report.bytes as f64 / 1e6,
            self.out.display(),
            self.seconds
        ));
        Ok(())
    }

    /// `gen --check`: compares the staged site with the one on disk. Returns false on drift.
    pub(crate) fn check(&self) -> Result<bool, Failure> {
        let new = tree(&self.stage)?;
        let old = if self.out.is_dir() { tree(&self.out)? } else { BTreeMap::new() };
        let mut clean = true;
        for (rel, bytes) in &new {
            let what = match old.get(rel) {
                Some(b) if b == bytes => continue,
                Some(_) => "changed",
                None => "missing",
            };
            clean = false;
            eprintln!("drift: {what}: {}", self.out.join(rel).display());
        }
        for rel in old.keys().filter(|r| !new.contains_key(*r)) {
            clean = false;
            eprintln!("drift: stale: {}", self.out.join(rel).display());
        }
        if clean {
            ui::summary(format_args!("site: up to date -> {} ({} files)", self.out.display(), new.len()));
        }
        Ok(clean)
    }
}

impl Drop for StagedSite {
    /// Not committed: put the previous site back and drop the staged one.
    fn drop(&mut self) {
        if self.swapped {
            let _ = fs::rename(&self.out, &self.stage);
            if let Some(backup) = &self.backup {
                let _ = fs::rename(backup, &self.out);
            }
        }
        let _ = fs::remove_dir_all(&self.stage);
    }
}

/// Every file under `dir` (relative path -> bytes).
fn tree(dir: &Path) -> anyhow::Result<BTreeMap<PathBuf, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).with_context(|| format!("cannot read {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
                out.insert(p.strip_prefix(dir)?.to_path_buf(), bytes);
            }
        }
    }
    Ok(out)
}
