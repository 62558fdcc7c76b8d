//! A C# checker for generated code, without a .NET SDK: a real C# grammar
//! (tree-sitter-c-sharp) for syntax, plus the semantic rules a parser can't see:
//! - every `[Input("x")]`/`[Output("x")]` names a schema property of that class, and every
//!   schema property is present; `[OutputConstructor]` parameters match the wire names;
//! - every referenced type is declared by the generated code or is a known public type of
//!   the Pulumi .NET SDK / .NET (lists below), and no generated name shadows one of those;
//! - namespaces match folders and the root namespace, `using`s are the expected ones;
//! - no duplicate type declarations, no duplicate members, no member named like its class.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use tree_sitter::{Node, Parser, Tree};

mod package;
mod semantics;

pub use package::check_package;
pub use semantics::{check_semantics, Layout};

/// The text of the generated file at `path` among `(path, text)` pairs (panics naming it when
/// it is missing).
pub fn text_of<'f>(files: &'f [(String, String)], path: &str) -> &'f str {
    &files.iter().find(|(p, _)| p == path).unwrap_or_else(|| panic!("no {path}")).1
}

/// Pulumi .NET SDK and .NET types the generated code names without qualification
/// (through `using System; ... using Pulumi; using Pulumi.Serialization;`).
pub const KNOWN_SIMPLE: &[&str] = &[
    // Pulumi
    "Output",
    "Input",
    "InputList",
    "InputMap",
    "InputUnion",
    "Union",
    "Archive",
    "AssetOrArchive",
    "CustomResourceOptions",
    "ComponentResourceOptions",
    "InvokeOptions",
    "InvokeOutputOptions",
    "InvokeArgs",
    // (`ResourceArgs` is always written `global::Pulumi.ResourceArgs`: a resource named
    // `Resource` has its own `ResourceArgs`, as in Pulumi's SDKs.)
    "Deployment",
    // Pulumi.Serialization attributes (used as `[Input]`, `[Output]`, ...)
    "InputAttribute",
    "OutputAttribute",
    "OutputTypeAttribute",
    "OutputConstructorAttribute",
    "EnumTypeAttribute",
    "OutputConstructorParameterAttribute",
    // .NET
    "Task",
    "ImmutableArray",
    "ImmutableDictionary",
    "List",
    "Dictionary",
    "Func",
    "IEquatable",
    "ObsoleteAttribute",
    "EditorBrowsableAttribute",
    "EditorBrowsableState",
];

/// Fully qualified (`global::`) Pulumi/.NET types the generated code names.
pub const KNOWN_QUALIFIED: &[&str] = &[
    "Pulumi.CustomResource",
    "Pulumi.ComponentResource",
    "Pulumi.ProviderResource",
    "Pulumi.ResourceArgs",
    "Pulumi.InvokeArgs",
    "Pulumi.CallArgs",
    "Pulumi.DictionaryResourceArgs",
    "Pulumi.DictionaryInvokeArgs",
    "System.Collections.Immutable.ImmutableDictionary",
    "Pulumi.Alias",
    "Pulumi.Config",
    "Pulumi.Deployment",
    "Pulumi.ResourceTypeAttribute",
    "System.Text.Json.JsonElement",
    "System.Text.Json.Serialization.JsonPropertyNameAttribute",
    "System.ArgumentNullException",
    "System.StringComparison",
    "System.Globalization.CultureInfo",
    "System.Globalization.NumberStyles",
    "System.Environment",
    "System.Array",
    "System.Reflection.IntrospectionExtensions",
    "System.IO.StreamReader",
    "System.NotSupportedException",
    "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute",
];

/// The `using` directives every generated file starts with.
pub const EXPECTED_USINGS: &[&str] = &[
    "System",
    "System.Collections.Generic",
    "System.Collections.Immutable",
    "System.Threading.Tasks",
    "Pulumi",
    "Pulumi.Serialization",
];
/// Extra `using`s a file may have.
pub const OPTIONAL_USINGS: &[&str] = &["System.ComponentModel"];

pub fn parser() -> Parser {
    let mut p = Parser::new();
    p.set_language(&tree_sitter_c_sharp::LANGUAGE.into()).expect("C# grammar loads");
    p
}

/// C# reserved keywords (C# language reference), kept apart from the generator's list
/// so a mistake there is caught here. tree-sitter-c-sharp accepts some of them as
/// identifiers (`int class;`), which the C# compiler does not.
pub const RESERVED: &[&str] = &[
    "abstract",
    "as",
    "base",
    "bool",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "checked",
    "class",
    "const",
    "continue",
    "decimal",
    "default",
    "delegate",
    "do",
    "double",
    "else",
    "enum",
    "event",
    "explicit",
    "extern",
    "false",
    "finally",
    "fixed",
    "float",
    "for",
    "foreach",
    "goto",
    "if",
    "implicit",
    "in",
    "int",
    "interface",
    "internal",
    "is",
    "lock",
    "long",
    "namespace",
    "new",
    "null",
    "object",
    "operator",
    "out",
    "override",
    "params",
    "private",
    "protected",
    "public",
    "readonly",
    "ref",
    "return",
    "sbyte",
    "sealed",
    "short",
    "sizeof",
    "stackalloc",
    "static",
    "string",
    "struct",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "uint",
    "ulong",
    "unchecked",
    "unsafe",
    "ushort",
    "using",
    "virtual",
    "void",
    "volatile",
    "while",
];

/// Every ERROR or MISSING node, as `line:col: kind`, and every identifier spelled as a
/// reserved keyword without `@`.
pub fn syntax_errors(tree: &Tree) -> Vec<String> {
    syntax_errors_in(tree, None)
}

pub fn syntax_errors_in(tree: &Tree, source: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    walk(tree.root_node(), &mut |n| {
        if n.is_error() || n.is_missing() {
            let p = n.start_position();
            out.push(format!(
                "{}:{}: {}",
                p.row + 1,
                p.column + 1,
                if n.is_missing() { format!("MISSING {}", n.kind()) } else { "ERROR".into() }
            ));
        }
        if n.kind() == "identifier" {
            if let Some(src) = source {
                let t = &src[n.byte_range()];
                if RESERVED.contains(&t) {
                    let p = n.start_position();
                    out.push(format!("{}:{}: keyword `{t}` used as an identifier", p.row + 1, p.column + 1));
                }
            }
        }
    });
    out
}

fn walk<'t>(n: Node<'t>, f: &mut impl FnMut(Node<'t>)) {
    f(n);
    let mut c = n.walk();
    for ch in n.children(&mut c) {
        walk(ch, f);
    }
}

fn text<'s>(n: Node<'_>, src: &'s str) -> &'s str {
    &src[n.byte_range()]
}

/// What the schema says a class must contain.
#[derive(Debug, Clone)]
pub enum Expect {
    /// `[Input]`/`[Output]` attribute names, exactly these wire names.
    Attributes(BTreeSet<String>),
    /// `[OutputConstructor]` parameters, exactly these (sanitized) wire names.
    CtorParams(BTreeSet<String>),
}

/// One parsed file.
pub struct Parsed {
    pub path: String,
    pub src: String,
    pub tree: Tree,
}

/// Declarations gathered over all files (first pass).
#[derive(Default)]
pub struct Decls {
    /// Fully qualified type names (nested types as `Outer.Inner`).
    pub types: BTreeMap<String, String>,
    /// Every namespace and each of its prefixes.
    pub namespaces: HashSet<String>,
}

fn dotted(n: Node<'_>, src: &str) -> String {
    text(n, src).chars().filter(|c| !c.is_whitespace()).collect()
}

fn namespace_of(n: Node<'_>, src: &str) -> String {
    let mut parts = Vec::new();
    let mut cur = Some(n);
    while let Some(c) = cur {
        if c.kind() == "namespace_declaration" || c.kind() == "file_scoped_namespace_declaration" {
            if let Some(name) = c.child_by_field_name("name") {
                parts.push(dotted(name, src));
            }
        }
        cur = c.parent();
    }
    parts.reverse();
    parts.join(".")
}

fn is_type_decl(kind: &str) -> bool {
    matches!(
        kind,
        "class_declaration"
            | "struct_declaration"
            | "enum_declaration"
            | "interface_declaration"
            | "record_declaration"
    )
}

/// `Outer.Inner` for a type declaration (enclosing types included, namespace not).
fn type_path(n: Node<'_>, src: &str) -> String {
    let mut parts = Vec::new();
    let mut cur = Some(n);
    while let Some(c) = cur {
        if is_type_decl(c.kind()) {
            if let Some(name) = c.child_by_field_name("name") {
                parts.push(text(name, src).to_string());
            }
        }
        cur = c.parent();
    }
    parts.reverse();
    parts.join(".")
}

fn fqn(ns: &str, path: &str) -> String {
    if ns.is_empty() {
        path.to_string()
    } else {
        format!("{ns}.{path}")
    }
}

pub fn collect_decls(files: &[Parsed], errors: &mut Vec<String>) -> Decls {
    let mut d = Decls::default();
    for f in files {
        walk(f.tree.root_node(), &mut |n| {
            if n.kind() == "namespace_declaration" {
                let ns = namespace_of(n, &f.src);
                let parts: Vec<&str> = ns.split('.').collect();
                for i in 1..=parts.len() {
                    d.namespaces.insert(parts[..i].join("."));
                }
            }
            if is_type_decl(n.kind()) {
                let name = fqn(&namespace_of(n, &f.src), &type_path(n, &f.src));
                if let Some(prev) = d.types.insert(name.clone(), f.path.clone()) {
                    errors.push(format!("{}: type `{name}` also declared in {prev}", f.path));
                }
            }
        });
    }
    for t in d.types.keys() {
        if d.namespaces.contains(t) {
            errors.push(format!("`{t}` is both a namespace and a type"));
        }
    }
    d
}

/// Decodes the C# string literal escapes the generator emits.
fn unescape(lit: &str) -> String {
    let inner = lit.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(lit);
    let mut out = String::new();
    let mut it = inner.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let hex: String = it.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap_or(0xfffd)).unwrap_or('?'));
            }
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

/// Parses `files` (path, text); returns parsed files and syntax errors.
pub fn parse_all(files: &[(String, String)]) -> (Vec<Parsed>, Vec<String>) {
    let mut p = parser();
    let mut errs = Vec::new();
    let mut out = Vec::new();
    for (path, src) in files {
        let tree = p.parse(src, None).expect("parser returns a tree");
        for e in syntax_errors_in(&tree, Some(src)) {
            errs.push(format!("{path}:{e}"));
        }
        out.push(Parsed { path: path.clone(), src: src.clone(), tree });
    }
    (out, errs)
}
