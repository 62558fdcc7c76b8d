//! `pulumi-resource-tfbridge install`: a `pulumi-resource-<pkg>` launcher, so that the engine
//! finds the bridge under the package's name (it looks plugins up by name on PATH or in the
//! plugin cache). The launcher is a shell script setting the environment the bridge reads.

use std::path::{Path, PathBuf};

use crate::bridge::{ENV_PROVIDER, ENV_SCHEMA};

/// Single-quoted for sh (`'` -> `'\''`).
fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

/// Writes `<out>/pulumi-resource-<pkg>` (mode 755) running `bridge` for `provider` + `schema`;
/// returns its path. Paths are made absolute so the launcher works from any directory.
pub fn write_launcher(bridge: &Path, provider: &Path, schema: &Path, out: &Path) -> Result<PathBuf, String> {
    let abs = |p: &Path| std::fs::canonicalize(p).map_err(|e| format!("{}: {e}", p.display()));
    let (bridge, provider, schema) = (abs(bridge)?, abs(provider)?, abs(schema)?);
    let text = std::fs::read_to_string(&schema).map_err(|e| format!("{}: {e}", schema.display()))?;
    let pkg: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", schema.display()))?;
    let name = pkg["name"]
        .as_str()
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .ok_or_else(|| format!("{} #/name: missing or not a package name", schema.display()))?;
    let meta = bridgegen_tf::metadata_path(&schema);
    if !meta.is_file() {
        return Err(format!(
            "{}: no bridge metadata beside the schema (written by `bridgegen tf bridge`)",
            meta.display()
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let target = out.join(format!("pulumi-resource-{name}"));
    let script = format!(
        "#!/bin/sh\n# Written by `pulumi-resource-tfbridge install`: the Terraform provider below, bridged to Pulumi.\n\
         {ENV_PROVIDER}={} {ENV_SCHEMA}={} exec {} \"$@\"\n",
        quote(&provider),
        quote(&schema),
        quote(&bridge)
    );
    let tmp = out.join(format!(".pulumi-resource-{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&tmp, script).and_then(|_| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755))?;
        }
        std::fs::rename(&tmp, &target)
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: {e}", target.display()));
    }
    Ok(target)
}
