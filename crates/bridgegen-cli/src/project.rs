//! `bridgegen.toml`: the project file `bridgegen gen` regenerates from.
//!
//! ```toml
//! [[package]]
//! schema = "schema/alicloud.json"   # relative to the project file
//! out = "sdks/alicloud"             # each target goes to <out>/<target>
//! targets = ["nodejs", "python", "go", "dotnet", "docs"]
//! ```

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Deserialize;

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
    /// Reads the project file; paths in it become relative to the current directory.
    pub fn load(path: &Path) -> anyhow::Result<Project> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("cannot read project file {}", path.display()))?;
        let mut project: Project =
            toml::from_str(&text).with_context(|| format!("{} is not a valid project file", path.display()))?;
        if project.packages.is_empty() {
            bail!("{} lists no [[package]]", path.display());
        }
        let base = path.parent().unwrap_or(Path::new(""));
        for p in &mut project.packages {
            p.schema = base.join(&p.schema);
            p.out = base.join(&p.out);
        }
        Ok(project)
    }
}
