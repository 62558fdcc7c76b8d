//! API parity with Pulumi's own generators: the exported surface of an SDK folder as a set of
//! symbols, and the comparison of ours with the peer's ([`crate::peer`]) against the one
//! allow-list `tests/parity/allow.txt`.
//!
//! A symbol is a file or package (`apps/v1/deployment.ts`, `pulumi_x.apps.v1`, `apps/v1`) or a
//! name in it after `#` (`apps/v1/deployment.ts#Deployment`, `pulumi_x.apps#Deployment.get(...)`).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// The exported TypeScript surface of a nodejs SDK folder (files, exports, class and interface
/// members, parameters), by `tests/parity/tssurface.js` (TypeScript's own parser).
pub fn ts_surface(root: &Path) -> Result<BTreeSet<String>, String> {
    let node = crate::tool("node")?;
    let typescript = crate::work_path("nodejs/node_modules/typescript")?;
    let script = crate::repo_path("tests/parity/tssurface.js");
    lines_of(Command::new(node).arg(script).arg(typescript).arg(root), "tssurface.js")
}

/// The public Python surface of a python SDK folder (modules, classes, functions and methods
/// with their parameters), by `tests/parity/pysurface.py` (Python's `ast`).
pub fn py_surface(root: &Path) -> Result<BTreeSet<String>, String> {
    let python = crate::tool("python3")?;
    let script = crate::repo_path("tests/parity/pysurface.py");
    lines_of(Command::new(python).arg(script).arg(root), "pysurface.py")
}

/// The exported Go surface of a go SDK folder (packages, types, functions, methods, constants
/// and variables), by the Go program `tests/parity/gosurface` (go/parser), built once.
pub fn go_surface(root: &Path) -> Result<BTreeSet<String>, String> {
    let bin = crate::go::go_build("tests/parity/gosurface", "gosurface")?;
    lines_of(Command::new(bin).arg(root), "gosurface")
}

fn lines_of(cmd: &mut Command, what: &str) -> Result<BTreeSet<String>, String> {
    let out = crate::run_ok(cmd, what);
    Ok(out.lines().filter(|l| !l.is_empty()).map(str::to_string).collect())
}

fn files_under(root: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name();
            if p.is_dir() {
                if name != "node_modules" && name != "bin" {
                    stack.push(p);
                }
            } else if keep(&p) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Total bytes of the files under `root` (the size figure of a parity summary).
pub fn tree_bytes(root: &Path) -> u64 {
    files_under(root, &|_| true).iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
}

/// One schema's comparison: counts, and the differences the allow-list does not cover.
pub struct Summary {
    pub schema: String,
    pub matched: usize,
    pub theirs: usize,
    pub ours: usize,
    /// Files/packages (symbols without `#`): matched and the peer's count.
    pub paths_matched: usize,
    pub paths_theirs: usize,
    pub allowed: usize,
    pub missing: Vec<String>,
    pub extra: Vec<String>,
    pub bytes_ours: u64,
    pub bytes_theirs: u64,
}

/// Schemas of this repository compared with the peer beside the corpus: cases the corpus
/// lacks (named by their file stem under `tests/schemas`).
const REPO_SCHEMAS: &[&str] = &["methods-plain"];

/// With `BRIDGEGEN_PARITY_DUMP=DIR`, writes every difference the allow-list does not cover to
/// `DIR/<lang>-<schema>.txt` (`- missing` / `+ extra` lines), for writing fixes or entries.
fn dump_differences(lang: &str, s: &Summary) {
    let Some(dir) = std::env::var_os("BRIDGEGEN_PARITY_DUMP") else { return };
    let dir = std::path::PathBuf::from(dir);
    let _ = std::fs::create_dir_all(&dir);
    let mut text = String::new();
    for m in &s.missing {
        text.push_str(&format!("- {m}\n"));
    }
    for e in &s.extra {
        text.push_str(&format!("+ {e}\n"));
    }
    let _ = std::fs::write(dir.join(format!("{lang}-{}.txt", s.schema)), text);
}

/// Compares our `lang` SDK of every corpus schema (and of [`REPO_SCHEMAS`]) with the peer's,
/// prints one summary line per schema on stderr, and panics listing every difference the
/// allow-list does not cover and every allow-list entry that matched nothing. `generate(schema, out)` writes our SDK;
/// `surface(dir)` extracts a surface. `Err` (skip) without the corpus or the peer.
pub fn check_corpus(
    lang: &str,
    generate: &dyn Fn(&Path, &Path),
    surface: &dyn Fn(&Path) -> Result<BTreeSet<String>, String>,
) -> Result<Vec<Summary>, String> {
    let mut schemas = crate::conformance_schemas()?;
    schemas.extend(REPO_SCHEMAS.iter().map(|n| (n.to_string(), crate::repo_path(format!("tests/schemas/{n}.json")))));
    crate::peer::pulumigen()?;
    let allow = crate::allow::AllowList::load(lang).unwrap_or_else(|e| panic!("{e}"));
    let scratch = std::env::temp_dir().join(format!("bridgegen-parity-{lang}-{}", std::process::id()));
    let mut summaries = Vec::new();
    let mut failures = Vec::new();
    for (name, schema) in &schemas {
        let theirs_dir = match crate::peer::peer_generate(lang, schema)? {
            crate::peer::PeerOutput::Generated(dir) => dir,
            crate::peer::PeerOutput::Failed(why) => {
                if !allow.allows(name, "peer-fails", "*") {
                    failures.push(format!("{name}: the peer cannot generate it (allow-list it?): {why}"));
                }
                eprintln!("parity {lang} {name}: peer fails: {}", why.lines().next().unwrap_or(""));
                continue;
            }
        };
        let ours_dir = scratch.join(name);
        let _ = std::fs::remove_dir_all(&ours_dir);
        generate(schema, &ours_dir);
        let (ours, theirs) = (surface(&ours_dir)?, surface(&theirs_dir)?);
        let mut s = Summary {
            schema: name.clone(),
            matched: ours.intersection(&theirs).count(),
            theirs: theirs.len(),
            ours: ours.len(),
            paths_matched: ours.intersection(&theirs).filter(|x| !x.contains('#')).count(),
            paths_theirs: theirs.iter().filter(|x| !x.contains('#')).count(),
            allowed: 0,
            missing: Vec::new(),
            extra: Vec::new(),
            bytes_ours: tree_bytes(&ours_dir),
            bytes_theirs: tree_bytes(&theirs_dir),
        };
        for (kind, diff) in [("missing", theirs.difference(&ours)), ("extra", ours.difference(&theirs))] {
            for sym in diff {
                if allow.allows(name, kind, sym) {
                    s.allowed += 1;
                } else if kind == "missing" {
                    s.missing.push(sym.clone());
                } else {
                    s.extra.push(sym.clone());
                }
            }
        }
        eprintln!(
            "parity {lang} {name}: symbols matched {}/{} (ours {}), paths matched {}/{}, allowed {}, \
             missing {}, extra {}, bytes ours {} peer {}",
            s.matched,
            s.theirs,
            s.ours,
            s.paths_matched,
            s.paths_theirs,
            s.allowed,
            s.missing.len(),
            s.extra.len(),
            s.bytes_ours,
            s.bytes_theirs
        );
        let _ = std::fs::remove_dir_all(&ours_dir);
        dump_differences(lang, &s);
        summaries.push(s);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    for s in &summaries {
        for (kind, list) in [("missing", &s.missing), ("extra", &s.extra)] {
            if !list.is_empty() {
                let shown: Vec<&str> = list.iter().take(25).map(String::as_str).collect();
                let more =
                    if list.len() > 25 { format!("\n      ... and {} more", list.len() - 25) } else { String::new() };
                failures.push(format!("{}: {} {kind}:\n      {}{more}", s.schema, list.len(), shown.join("\n      ")));
            }
        }
    }
    for stale in allow.unused() {
        failures.push(format!("allow-list entry matches nothing (remove it): {stale}"));
    }
    assert!(
        failures.is_empty(),
        "{lang} API differs from Pulumi's generator (fix it or list it with a reason in tests/parity/allow.txt):\n  {}",
        failures.join("\n  ")
    );
    Ok(summaries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ts_surface_lists_exports_members_and_parameters() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "import * as x from \"y\";\nexport class A {\n    /** export class Not { */\n    public static get(name: string, id?: string): A { return null as any; }\n\
            \x20   private hidden = 1;\n    declare public readonly out: string;\n    constructor(a: string, b?: number);\n    constructor(a: any, b?: any) {}\n}\n\
            export namespace core {\n    export namespace v1 {\n        export interface Pod {\n            name?: string;\n            kind: string;\n        }\n    }\n\
            \x20   export const enumA = {\n        One: \"one\",\n    } as const;\n}\nexport * from \"./b\";\n\
            export { C, D as E } from \"./c\";\nexport declare function f(a: string, ...rest: number[]): void;\nexport type T = string;\n";
        std::fs::create_dir_all(dir.path().join("m")).unwrap();
        std::fs::write(dir.path().join("m/x.ts"), text).unwrap();
        let got = crate::require!(ts_surface(dir.path()));
        let mut want: BTreeSet<String> = [
            "A",
            "A::get(name,id?)",
            "A.out",
            "A.constructor(a,b?)",
            "core",
            "core.v1",
            "core.v1.Pod",
            "core.v1.Pod.name?",
            "core.v1.Pod.kind",
            "core.enumA",
            "core.enumA.One",
            "*./b",
            "C",
            "E",
            "f(a,...rest)",
            "T",
        ]
        .iter()
        .map(|s| format!("m/x.ts#{s}"))
        .collect();
        want.insert("m/x.ts".into());
        // `Not` sits in a comment; `hidden` is private; the constructor's implementation
        // signature is hidden by its overload.
        assert_eq!(got, want);
    }
}
