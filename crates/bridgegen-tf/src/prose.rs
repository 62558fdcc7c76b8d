//! Terraform doc prose -> Pulumi doc prose: callouts, Terraform-only links, Terraform type
//! names, `terraform import` commands, and the description's assembly.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

/// Terraform type -> how a Pulumi reader sees it (`alicloud.ecs.ImageSharePermission`), and
/// its token (for `pulumi import`).
#[derive(Debug, Default, Clone)]
pub struct Names {
    pub display: HashMap<String, String>,
    pub tokens: HashMap<String, String>,
}

fn link_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\[([^\]]+)\]\(([^)\s]+)\)").unwrap())
}

fn code_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"`([a-z][a-z0-9_]*)`").unwrap())
}

/// Links that only make sense on the Terraform registry (its pages, relative site links).
fn terraform_only(url: &str) -> bool {
    url.contains("registry.terraform.io")
        || url.contains("terraform.io/")
        || url.contains("developer.hashicorp.com/terraform")
        || url.starts_with("/docs/")
        || url.starts_with("/providers/")
        || (!url.contains("://") && !url.starts_with('#') && url.ends_with(".html"))
        || (!url.contains("://") && !url.starts_with('#') && url.ends_with(".md"))
}

/// Cleans prose outside code fences: `-> `/`~> `/`!> ` callouts become `> `, Terraform-only links
/// keep their text, backticked Terraform type names become Pulumi names.
pub fn clean(text: &str, names: &Names) -> String {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            out.push(line.to_string());
            continue;
        }
        if in_fence {
            out.push(line.to_string());
            continue;
        }
        let mut l = line.to_string();
        for p in ["-> ", "~> ", "!> "] {
            if let Some(rest) = l.strip_prefix(p) {
                l = format!("> {rest}");
            }
        }
        l = link_re()
            .replace_all(
                &l,
                |c: &regex::Captures| {
                    if terraform_only(&c[2]) {
                        c[1].to_string()
                    } else {
                        c[0].to_string()
                    }
                },
            )
            .into_owned();
        l = code_re()
            .replace_all(&l, |c: &regex::Captures| match names.display.get(&c[1]) {
                Some(d) => format!("`{d}`"),
                None => c[0].to_string(),
            })
            .into_owned();
        out.push(l);
    }
    out.join("\n")
}

/// The `## Import` body with `terraform import TYPE.NAME ID` rewritten to
/// `pulumi import TOKEN NAME ID`; HCL `import {}` blocks (Terraform-only) are dropped.
pub fn import_section(body: &str, names: &Names) -> String {
    let mut out = Vec::new();
    let mut fence: Option<(String, Vec<String>)> = None;
    for line in body.lines() {
        let t = line.trim();
        if let Some((lang, lines)) = fence.as_mut() {
            if t.starts_with("```") {
                if !matches!(lang.as_str(), "terraform" | "hcl" | "tf") {
                    out.push("```sh".to_string());
                    out.append(lines);
                    out.push("```".to_string());
                }
                fence = None;
            } else {
                lines.push(rewrite_import_cmd(t, names).unwrap_or_else(|| line.to_string()));
            }
            continue;
        }
        if let Some(lang) = t.strip_prefix("```") {
            fence = Some((lang.trim().to_string(), Vec::new()));
            continue;
        }
        out.push(line.trim().to_string());
    }
    clean(out.join("\n").trim(), names)
}

fn rewrite_import_cmd(line: &str, names: &Names) -> Option<String> {
    let rest = line.strip_prefix("$ ").unwrap_or(line).strip_prefix("terraform import ")?;
    let mut parts = rest.split_whitespace();
    let addr = parts.next()?;
    let id: Vec<&str> = parts.collect();
    let (tf_type, name) = addr.split_once('.')?;
    let token = names.tokens.get(tf_type)?;
    Some(format!("$ pulumi import {token} {name} {}", id.join(" ")))
}

/// Pulumi's examples shortcodes around converted examples: `(title, prose, [ts, py, go, cs])`.
pub fn examples_block(examples: &[(Option<String>, String, [String; 4])]) -> String {
    let mut s = String::from("{{% examples %}}\n## Example Usage\n");
    for (title, prose, code) in examples {
        s.push_str("{{% example %}}\n");
        if let Some(t) = title {
            s.push_str(&format!("### {t}\n"));
        }
        if !prose.is_empty() {
            s.push_str(&format!("\n{prose}\n"));
        }
        s.push('\n');
        for (lang, c) in ["typescript", "python", "go", "csharp"].iter().zip(code) {
            s.push_str(&format!("```{lang}\n{}\n```\n", c.trim_end()));
        }
        s.push_str("{{% /example %}}\n");
    }
    s.push_str("{{% /examples %}}");
    s
}

/// A field description: trimmed, with tfgen's trailing newline when it came from the docs.
pub fn field_text(text: &str, names: &Names) -> Option<String> {
    let t = clean(text.trim(), names);
    let t = t.trim();
    (!t.is_empty()).then(|| format!("{t}\n"))
}
