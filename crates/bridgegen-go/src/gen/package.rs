//! Package-level files: `init.go` (resource module registration), `config/config.go`,
//! `doc.go`, `internal/pulumiUtilities.go`, `go.mod` and `pulumi-plugin.json`.

use std::collections::BTreeSet;

use bridgegen_codegen::{render, GenError};
use bridgegen_model::description::{Description, Language};
use bridgegen_model::Type;
use serde::Serialize;
use serde_json::Value;

use super::defaults::EnvDefaultVm;
use super::{env_parser, literal, prop_names, Ctx, HeaderView, Imports, PULUMI};
use crate::format::{self, doc_comment};
use crate::names::go_string;
use crate::types::Base;

#[derive(Serialize)]
struct InitCase {
    token: String,
    name: String,
}

#[derive(Serialize)]
struct InitView {
    pkg: String,
    provider_token: String,
    is_root: bool,
    cases: Vec<InitCase>,
    modules: Vec<String>,
}

#[derive(Serialize)]
struct ConfigVar {
    doc: String,
    name: String,
    ty: &'static str,
    kind: &'static str,
    key: String,
    default: Option<EnvDefaultVm>,
}

/// `doc.go`: the package doc comment and clause.
#[derive(Serialize)]
struct DocGoView<'a> {
    comment: String,
    package: &'a str,
}

#[derive(Serialize)]
struct ConfigView {
    vars: Vec<ConfigVar>,
}

#[derive(Serialize)]
struct UtilitiesView<'a> {
    package: &'a str,
    version: Option<String>,
    download_url: Option<String>,
}

#[derive(Serialize)]
struct GoModView<'a> {
    module: &'a str,
    go: &'static str,
    sdk: &'static str,
    semver: &'static str,
}

impl Ctx<'_> {
    pub(super) fn init_go(&self, dir: &str, resources: &[usize]) -> Result<String, GenError> {
        let pkg = self.pkg;
        let mut cases = Vec::new();
        let mut modules: BTreeSet<String> = BTreeSet::new();
        for &r in resources {
            cases.push(InitCase {
                token: go_string(&pkg.resources[r].token.full),
                name: self.naming.resources[r].name.clone(),
            });
            modules.insert(pkg.resources[r].token.raw_module.clone());
        }
        let body = render(
            &self.hb,
            "init",
            &InitView {
                pkg: go_string(&pkg.name),
                provider_token: go_string(pkg.provider_token()),
                is_root: dir.is_empty(),
                cases,
                modules: modules.iter().map(|m| go_string(m)).collect(),
            },
        )?;
        let mut imports = self.std_imports(&["fmt"], true);
        imports.other.insert("github.com/blang/semver".to_string(), None);
        // `internalDependencies`: blank imports, so `go mod tidy` keeps those modules (a path
        // the file imports anyway keeps its named import).
        for dep in &self.opts.internal_dependencies {
            imports.other.entry(dep.clone()).or_insert_with(|| Some("_".to_string()));
        }
        self.file(dir, &body, imports, &BTreeSet::new())
    }

    pub(super) fn config_go(&self) -> Result<String, GenError> {
        let pkg = self.pkg;
        let names = prop_names(&pkg.config, &[]);
        let mut vars = Vec::new();
        for (p, gn) in pkg.config.iter().zip(&names) {
            let (ty, kind, base) = match &p.ty {
                Type::Boolean => ("bool", "Bool", Base::Prim("Bool")),
                Type::Integer => ("int", "Int", Base::Prim("Int")),
                Type::Number => ("float64", "Float64", Base::Prim("Float64")),
                _ => ("string", "", Base::Prim("String")),
            };
            let mut default = None;
            if let Some(d) = &p.default {
                let lit = d.value.as_ref().and_then(|v| literal(v, base));
                if lit.is_some() || !d.environment.is_empty() {
                    let (parser, _) = env_parser(pkg, base).unwrap_or(("nil", "string"));
                    default = Some(EnvDefaultVm {
                        lit: lit.unwrap_or_else(|| "nil".to_string()),
                        parser,
                        envs: d.environment.iter().map(|e| go_string(e)).collect(),
                    });
                }
            }
            vars.push(ConfigVar {
                doc: doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), ""),
                name: gn.clone(),
                ty,
                kind,
                key: go_string(&format!("{}:{}", pkg.name, p.name)),
                default,
            });
        }
        let body = render(&self.hb, "config", &ConfigView { vars })?;
        let mut imports = Imports::default();
        imports.other.insert(PULUMI.to_string(), None);
        imports.other.insert(format!("{PULUMI}/config"), None);
        self.import_internal(&mut imports);
        let header = render(&self.hb, "header", &HeaderView { package: "config", imports: imports.view() })?;
        Ok(format!("{header}{body}"))
    }

    pub(super) fn doc_go(&self) -> Result<String, GenError> {
        let pkg = self.pkg;
        let text =
            pkg.description.as_deref().map(|d| Description::parse(d).for_language(Language::Go)).unwrap_or_else(|| {
                format!(
                    "Package {} exports types, functions and resources of the {} Pulumi package.",
                    self.naming.root_package, pkg.name
                )
            });
        render(&self.hb, "doc", &DocGoView { comment: format::comment(&text, ""), package: &self.naming.root_package })
    }

    pub(super) fn utilities_go(&self) -> Result<String, GenError> {
        let version = self.pkg.version.clone().unwrap_or_default();
        let version = version.trim_start_matches('v').to_string();
        render(
            &self.hb,
            "utilities",
            &UtilitiesView {
                package: self.opts.internal_dir(),
                version: if is_semver(&version) { Some(go_string(&version)) } else { None },
                download_url: self.pkg.plugin_download_url.as_deref().map(go_string),
            },
        )
    }

    /// `go.mod` of the module `module`.
    pub(super) fn go_mod(&self, module: &str) -> Result<String, GenError> {
        render(
            &self.hb,
            "gomod",
            &GoModView {
                module,
                go: crate::GO_DIRECTIVE,
                sdk: crate::PULUMI_SDK_VERSION,
                semver: crate::SEMVER_VERSION,
            },
        )
    }

    pub(super) fn plugin_json(&self) -> String {
        let mut m = serde_json::Map::new();
        m.insert("resource".into(), Value::Bool(true));
        m.insert("name".into(), Value::String(self.pkg.name.clone()));
        if let Some(v) = &self.pkg.version {
            m.insert("version".into(), Value::String(v.clone()));
        }
        if let Some(u) = &self.pkg.plugin_download_url {
            m.insert("server".into(), Value::String(u.clone()));
        }
        let mut s = serde_json::to_string_pretty(&Value::Object(m)).unwrap_or_default();
        s.push('\n');
        s
    }
}
/// Strict semver as `github.com/blang/semver.MustParse` accepts it (otherwise the SDK
/// would panic at init); anything else leaves the version unknown.
fn is_semver(v: &str) -> bool {
    let (v, build) = match v.split_once('+') {
        Some((a, b)) => (a, Some(b)),
        None => (v, None),
    };
    let (core, pre) = match v.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (v, None),
    };
    let numeric = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    let ident = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| numeric(p))
        && pre.is_none_or(|p| p.split('.').all(|x| ident(x) && (!x.chars().all(|c| c.is_ascii_digit()) || numeric(x))))
        && build.is_none_or(|b| b.split('.').all(ident))
}

#[cfg(test)]
mod tests {
    #[test]
    fn semver_validation() {
        for ok in ["1.0.0", "0.1.0", "3.108.0-alpha.1+dev", "1.2.3-rc.0"] {
            assert!(super::is_semver(ok), "{ok}");
        }
        for bad in ["", "1.0", "v1.0.0", "01.0.0", "1.0.0-01", "1.0.0-", "x"] {
            assert!(!super::is_semver(bad), "{bad}");
        }
    }
}
