//! `bridgegen.toml`: the project file `bridgegen gen` regenerates from.
//!
//! ```toml
//! [[package]]
//! schema = "schema/alicloud.json"   # relative to the project file
//! out = "sdks/alicloud"             # each target goes to <out>/<target>
//! targets = ["nodejs", "python", "go", "dotnet", "docs", "site"]
//! ```
//!
//! `site` builds the static doc site from the same package's `docs` target into `<out>/site`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{anyhow, bail, Context};
use bridgegen_codegen::WriteOptions;
use serde::Deserialize;

use crate::gen::Planned;
use crate::{targets, ui, Failure};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    #[serde(rename = "package", default)]
    pub packages: Vec<ProjectPackage>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectPackage {
    pub schema: PathBuf,
    pub out: PathBuf,
    pub targets: Vec<String>,
}

impl Project {
    /// Reads and checks the project file; paths in it become relative to the current directory.
    pub fn load(path: &Path) -> anyhow::Result<Project> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_else(|_| ".".into());
            anyhow!(
                "cannot read project file {}: {e}\n  hint: `bridgegen gen` regenerates what the project file \
                 names; it looks for bridgegen.toml in the current directory ({cwd}) unless --project FILE \
                 names another. To generate from one schema without a project file use \
                 `bridgegen gen sdk --lang LANG --schema FILE --out DIR` or `bridgegen gen docs`.",
                path.display()
            )
        })?;
        let mut project: Project =
            toml::from_str(&text).with_context(|| format!("{} is not a valid project file", path.display()))?;
        if project.packages.is_empty() {
            bail!("{} lists no [[package]]", path.display());
        }
        for (i, p) in project.packages.iter().enumerate() {
            for target in &p.targets {
                if !targets::TARGETS.contains(&target.as_str()) {
                    bail!(
                        "{}: package {} ({}): unknown target `{target}`; expected one of {}",
                        path.display(),
                        i + 1,
                        p.schema.display(),
                        targets::TARGETS.join(", ")
                    );
                }
            }
            if p.targets.iter().any(|t| t == targets::SITE) && !p.targets.iter().any(|t| t == "docs") {
                bail!(
                    "{}: package {} ({}): target `site` is built from the `docs` target; add \"docs\" to targets",
                    path.display(),
                    i + 1,
                    p.schema.display()
                );
            }
        }
        let base = path.parent().unwrap_or(Path::new(""));
        for p in &mut project.packages {
            p.schema = base.join(&p.schema);
            p.out = base.join(&p.out);
        }
        Ok(project)
    }
}

/// `bridgegen gen [--check]`: every target of every package, written as one transaction.
pub(crate) fn run(path: &Path, check: bool, opts: WriteOptions) -> Result<(), Failure> {
    let project = Project::load(path)?;
    let started = Instant::now();
    let steps: usize = project.packages.iter().map(|p| p.targets.len()).sum();
    let mut planned: Vec<Planned> = Vec::new();
    let mut sites = Vec::new();
    let pb = ui::bar(steps as u64, "generating");
    for p in &project.packages {
        let pkg = pb.suspend(|| crate::load(&p.schema))?;
        for target in &p.targets {
            pb.set_message(format!("{} {target}", pkg.name));
            let t = Instant::now();
            if target == targets::SITE {
                sites.push(p);
            } else if target == "docs" {
                let files =
                    pb.suspend(|| crate::docs_cmd::generate(&pkg, &p.schema, crate::docs_cmd::DocsStyle::Pulumi))?;
                planned.push(Planned {
                    label: format!("{} docs", pkg.name),
                    out: p.out.join(target),
                    files,
                    seconds: t.elapsed().as_secs_f64(),
                });
            } else {
                let files = crate::gen::generate(&pkg, &p.schema, target, &|| {})?;
                planned.push(Planned {
                    label: format!("{} {target}", pkg.name),
                    out: p.out.join(target),
                    files,
                    seconds: t.elapsed().as_secs_f64(),
                });
            }
            pb.inc(1);
        }
    }
    pb.finish_and_clear();
    // Sites are built (staged) from the in-memory docs before anything is written.
    let mut staged_sites = Vec::new();
    for p in sites {
        let docs = planned.iter().find(|x| x.out == p.out.join("docs")).expect("validated: site needs docs");
        staged_sites.push(crate::site::stage_from_files(&docs.files, &p.out.join(targets::SITE), opts)?);
    }
    if check {
        let mut clean = crate::gen::check(&planned)?;
        for s in &staged_sites {
            clean &= s.check()?;
        }
        if clean {
            return Ok(());
        }
        eprintln!("generated output is out of date: run `bridgegen gen` and commit the result");
        return Err(Failure::Invalid);
    }
    // Sites swap first (keeping backups) so a failed file write can put them back.
    for s in &mut staged_sites {
        s.swap()?;
    }
    crate::gen::write(&planned, opts)?;
    for s in staged_sites {
        s.commit(opts)?;
    }
    ui::summary(format_args!(
        "done: {steps} target{} of {} package{} in {:.2}s; `bridgegen gen --check` verifies them",
        if steps == 1 { "" } else { "s" },
        project.packages.len(),
        if project.packages.len() == 1 { "" } else { "s" },
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}
