//! Where each page goes, and relative links between pages.
//!
//! Pulumi style: `index.md` (package), `provider.md`, `<module>/index.md`, and
//! `<module>/<member>.md` for each resource and function (root-module members at the top).
//! Names are lower-cased and reduced to `[a-z0-9_-]`, and collisions (case, reserved names
//! like `index`) get a numeric suffix, so every page has its own file on any file system.

use std::collections::HashMap;

use bridgegen_codegen::{UniqueNames, Variant};
use bridgegen_model::Package;

/// A path segment safe on every file system.
pub fn segment(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c.to_ascii_lowercase() } else { '_' })
        .collect();
    if out.is_empty() || out.chars().all(|c| c == '_') {
        out = format!("_{out}");
    }
    out
}

/// An anchor id (`[a-z0-9-]`) for `s`.
pub fn anchor(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let t = out.trim_matches('-').to_string();
    if t.is_empty() {
        "x".into()
    } else {
        t
    }
}

/// Unique names within one scope (page files, anchors): `name`, then `name-2`, `name-3`, ...
pub fn unique() -> UniqueNames {
    UniqueNames::new(Variant::Number { sep: "-" })
}

/// Every page's path, relative to the output directory.
pub struct Paths {
    pub modules: HashMap<String, String>,
    pub resources: Vec<String>,
    /// `None` for resource methods (documented with their resource).
    pub functions: Vec<Option<String>>,
}

pub const PACKAGE_INDEX: &str = "index.md";
pub const PROVIDER_PAGE: &str = "provider.md";

impl Paths {
    pub fn new(pkg: &Package) -> Paths {
        let mut dirs = unique();
        let mut modules = HashMap::new();
        for m in &pkg.modules {
            if m.is_root() {
                modules.insert(String::new(), String::new());
                continue;
            }
            let base: Vec<String> = m.name.split('/').map(segment).collect();
            let dir = dirs.take(&base.join("/"));
            modules.insert(m.name.clone(), dir);
        }
        let mut scopes: HashMap<String, UniqueNames> = HashMap::new();
        let mut page = |module: &str, name: &str| -> String {
            let dir = modules.get(module).cloned().unwrap_or_default();
            let scope = scopes.entry(dir.clone()).or_insert_with(|| {
                let mut u = unique();
                u.reserve("index");
                if dir.is_empty() {
                    u.reserve("provider");
                }
                u
            });
            let file = scope.take(&segment(name));
            if dir.is_empty() {
                format!("{file}.md")
            } else {
                format!("{dir}/{file}.md")
            }
        };
        let resources = pkg.resources.iter().map(|r| page(&r.token.module, &r.token.name)).collect();
        let functions = pkg
            .functions
            .iter()
            .map(|f| if f.method_of.is_some() { None } else { Some(page(&f.token.module, &f.token.name)) })
            .collect();
        Paths { modules, resources, functions }
    }

    pub fn module_index(&self, module: &str) -> String {
        match self.modules.get(module).map(String::as_str) {
            None | Some("") => PACKAGE_INDEX.to_string(),
            Some(dir) => format!("{dir}/index.md"),
        }
    }
}

/// The link from page `from` to page `to` (both relative to the output root).
pub fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let mut common = 0;
    while common < from_dirs.len() && common + 1 < to_parts.len() && from_dirs[common] == to_parts[common] {
        common += 1;
    }
    let mut out = String::new();
    for _ in common..from_dirs.len() {
        out.push_str("../");
    }
    out.push_str(&to_parts[common..].join("/"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links() {
        assert_eq!(relative("index.md", "ecs/index.md"), "ecs/index.md");
        assert_eq!(relative("ecs/a.md", "index.md"), "../index.md");
        assert_eq!(relative("ecs/a.md", "ecs/b.md"), "b.md");
        assert_eq!(relative("core/v1/a.md", "apps/v1/b.md"), "../../apps/v1/b.md");
    }

    #[test]
    fn segments_and_unique() {
        assert_eq!(segment("Image.Member"), "image_member");
        assert_eq!(segment(".."), "_..".replace('.', "_"));
        let mut u = unique();
        u.reserve("index");
        assert_eq!(u.take("index"), "index-2");
        assert_eq!(u.take("a"), "a");
        assert_eq!(u.take("a"), "a-2");
        assert_eq!(anchor("Image Member/Timeouts"), "image-member-timeouts");
    }
}
