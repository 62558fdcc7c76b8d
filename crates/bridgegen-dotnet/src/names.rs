//! C# naming: casing, keyword escaping, string/doc escaping and collision handling.
//!
//! Every identifier the generator prints comes from here, so the SDK and the docs
//! (`docs.rs`) spell names identically. A renamed identifier keeps its wire name
//! (printed in `[Input("wire")]`/`[Output("wire")]`), so renaming never changes behaviour.

use bridgegen_codegen::{UniqueNames, Variant};
use bridgegen_model::description::{Doc, Language};
use heck::ToUpperCamelCase;

pub use crate::spelling::{enum_member_name, namespace_part, property_name, type_name};

/// C# reserved keywords. Source: C# language reference, "C# keywords"
/// (<https://learn.microsoft.com/dotnet/csharp/language-reference/keywords/>).
pub const KEYWORDS: &[&str] = &[
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

/// Contextual keywords (same source). Escaping them with `@` is always legal and avoids
/// surprises such as a parameter named `value`, `var` or `await` inside async code.
pub const CONTEXTUAL_KEYWORDS: &[&str] = &[
    "add",
    "alias",
    "and",
    "ascending",
    "args",
    "async",
    "await",
    "by",
    "descending",
    "dynamic",
    "equals",
    "file",
    "from",
    "get",
    "global",
    "group",
    "init",
    "into",
    "join",
    "let",
    "managed",
    "nameof",
    "nint",
    "not",
    "notnull",
    "nuint",
    "on",
    "or",
    "orderby",
    "partial",
    "record",
    "remove",
    "required",
    "scoped",
    "select",
    "set",
    "unmanaged",
    "value",
    "var",
    "when",
    "where",
    "with",
    "yield",
];

/// Type names a generated class must not take, because generated code refers to these
/// Pulumi/.NET types unqualified (`Output<T>`, `[Input(...)]`, `ImmutableArray<T>`, ...)
/// or because the package root already defines them. A clashing name gets a `_` suffix.
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "Output",
    "Input",
    "InputList",
    "InputMap",
    "InputUnion",
    "Union",
    "OutputType",
    "OutputConstructor",
    "EnumType",
    "Archive",
    "Asset",
    "AssetOrArchive",
    "Alias",
    "CustomResourceOptions",
    "ComponentResourceOptions",
    "InvokeOptions",
    "Deployment",
    "ImmutableArray",
    "ImmutableDictionary",
    "Task",
    "Utilities",
    "Pulumi",
    "System",
    "Inputs",
    "Outputs",
    "CustomResource",
    "ComponentResource",
    "ProviderResource",
    "InvokeArgs",
    "List",
    "Dictionary",
    "IEquatable",
    "Func",
    "Environment",
    "Empty",
    "Serialization",
];

/// Names the package root holds besides [`RESERVED_TYPE_NAMES`]: the `Config` and `Provider`
/// classes. Other namespaces may use them (an object type `Config` is `Inputs.ConfigArgs`/
/// `Outputs.Config`, a resource `submod:Provider` is `Submod.Provider`, as in Pulumi's SDKs),
/// but no namespace segment may, or it would clash with the class.
pub const ROOT_TYPE_NAMES: &[&str] = &["Config", "Provider"];

/// Members a resource class inherits or defines itself; a property with one of these
/// names gets a `Value` suffix.
pub const RESOURCE_RESERVED_MEMBERS: &[&str] = &[
    "Id",
    "Urn",
    "Get",
    "MakeResourceOptions",
    "GetResourceType",
    "GetResourceName",
    "RegisterOutputs",
    "Equals",
    "GetHashCode",
    "ToString",
    "GetType",
    "MemberwiseClone",
    "Finalize",
    "ReferenceEquals",
    // Types the class body names in expressions (`Utilities.Version`,
    // `CustomResourceOptions.Merge`); a member of that name would shadow them. `Output<T>` and
    // `Input<T>` appear only where a type is expected, which members never shadow (a
    // property `Output` stays `Output`, as in Pulumi's SDKs).
    "Utilities",
    "CustomResourceOptions",
    "ComponentResourceOptions",
];

/// Members of args classes (`Empty`) and object members every class has.
pub const ARGS_RESERVED_MEMBERS: &[&str] = &[
    "Empty",
    "Equals",
    "GetHashCode",
    "ToString",
    "GetType",
    "MemberwiseClone",
    "Finalize",
    "ReferenceEquals",
    "ToDictionary",
    "ValidateMember",
    // Types the class body names in expressions (secret setters, defaults).
    "Output",
    "Utilities",
    "ImmutableArray",
    "ImmutableDictionary",
];

/// Members of output classes and enum structs.
pub const VALUE_RESERVED_MEMBERS: &[&str] =
    &["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "Utilities"];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s) || CONTEXTUAL_KEYWORDS.contains(&s)
}

/// Escapes a keyword with `@` (`class` -> `@class`); other names pass through.
pub fn escape_keyword(s: &str) -> String {
    if is_keyword(s) {
        format!("@{s}")
    } else {
        s.to_string()
    }
}

/// Keeps only characters legal in a C# identifier and makes sure the first one may
/// start an identifier (`2fa` -> `_2fa`, `` -> `_`).
pub fn sanitize(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// PascalCase via heck, then sanitized (`accountId` -> `AccountId`,
/// `x-kubernetes-foo` -> `XKubernetesFoo`, `$ref` -> `Ref`).
pub fn pascal(s: &str) -> String {
    // heck drops leading underscores; keep a distinguishing mark for names made only of them.
    let p = s.to_upper_camel_case();
    sanitize(&p)
}

/// camelCase for parameters and locals, keyword-escaped (`class` -> `@class`).
pub fn camel_param(pascal_name: &str) -> String {
    let mut chars = pascal_name.chars();
    let lowered = match chars.next() {
        Some(c) => c.to_lowercase().collect::<String>() + chars.as_str(),
        None => "_".to_string(),
    };
    if lowered == pascal_name {
        // No case to change (`_1`): make it differ from the field it is assigned to.
        return format!("_{lowered}");
    }
    escape_keyword(&lowered)
}

/// The `[OutputConstructor]` parameter for a wire name. Pulumi's deserializer matches
/// constructor parameters to wire names, so the name stays as close to the wire name as
/// a C# identifier allows (`accountId`, `x-kubernetes-foo` -> `x_kubernetes_foo`,
/// `class` -> `@class`).
pub fn wire_param(wire: &str) -> String {
    let mut s: String = wire.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    escape_keyword(&s)
}

/// The private backing field of a lazily created collection property (`Tags` -> `_tags`).
pub fn backing_field(pascal_name: &str) -> String {
    let mut chars = pascal_name.chars();
    match chars.next() {
        Some(c) => format!("_{}{}", c.to_lowercase(), chars.as_str()),
        None => "__".to_string(),
    }
}

/// Chooses member names for one class: [`property_name`] of each wire name, with a `Value`
/// suffix when it clashes with the class itself or a reserved member, and a numeric
/// suffix when two wire names collapse to the same name.
pub fn member_names<'a>(
    class_name: &str,
    reserved: &[&str],
    wire_names: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    unique_members(class_name, reserved, wire_names.into_iter().map(property_name))
}

/// Member names for one class from their preferred names, made unique as [`member_names`].
pub fn unique_members(class_name: &str, reserved: &[&str], preferred: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut used = UniqueNames::new(Variant::Number { sep: "" });
    reserved.iter().for_each(|r| used.reserve(r));
    used.reserve(class_name);
    preferred
        .into_iter()
        .map(|mut name| {
            if used.is_taken(&name) {
                name.push_str("Value");
            }
            used.take(&name)
        })
        .collect()
}

/// Allocates type names inside one namespace. A name is taken together with the
/// companion names it implies (`Foo` also takes `FooArgs` and `FooState`).
#[derive(Debug, Clone)]
pub struct TypeNamer {
    used: UniqueNames,
}

/// A fresh namer already holds the names Pulumi's .NET SDK and the generated helpers use
/// (`Deployment`, `ResourceArgs`, `Utilities`, ...): the same as [`TypeNamer::new`].
impl Default for TypeNamer {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeNamer {
    pub fn new() -> Self {
        // Class names are file names: `APIService` and `ApiService` must not both be taken.
        let mut used = UniqueNames::new(Variant::Underscore).ignoring_case();
        RESERVED_TYPE_NAMES.iter().for_each(|r| used.reserve(r));
        TypeNamer { used }
    }

    /// Marks a name as taken (a child namespace, a fixed class).
    pub fn reserve(&mut self, name: &str) {
        self.used.reserve(name);
    }

    /// True when `name` and every `name + suffix` are free.
    pub fn is_free(&self, name: &str, suffixes: &[&str]) -> bool {
        !self.used.is_taken(name) && suffixes.iter().all(|s| !self.used.is_taken(&format!("{name}{s}")))
    }

    /// Picks `base` (or `base_`, `base__`, ...) so that it and every `base + suffix`
    /// are free, and takes them all.
    pub fn allocate(&mut self, base: &str, suffixes: &[&str]) -> String {
        self.used.take_with(base, suffixes)
    }
}

/// A C# regular string literal, quotes included. Escapes quotes, backslashes, control
/// characters and the characters C# treats as line terminators (U+0085, U+2028, U+2029).
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{85}' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Escapes text for an XML doc comment (`<`, `>`, `&`).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Splits on every character C# treats as a line terminator, so no text of a
/// description can escape its `///` comment line.
pub fn doc_lines(s: &str) -> Vec<String> {
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_control() && c != '\t' && c != '\n' && c != '\r' && c != '\u{85}' { ' ' } else { c })
        .collect();
    let mut lines: Vec<String> =
        cleaned.split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']).map(|l| l.trim_end().to_string()).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    lines
}

/// A `/// <summary>` block (each line prefixed by `indent`), or `""` when there is no text.
/// Ends with a newline. A description keeps its prose and its C# examples only, without
/// shortcodes (as Pulumi's C# SDKs show it).
pub fn summary(indent: &str, text: Option<&Doc>) -> String {
    let Some(text) = text else { return String::new() };
    let lines = doc_lines(&text.for_language(Language::CSharp));
    if lines.is_empty() {
        return String::new();
    }
    let mut out = format!("{indent}/// <summary>\n");
    for l in lines {
        if l.is_empty() {
            out.push_str(&format!("{indent}///\n"));
        } else {
            out.push_str(&format!("{indent}/// {}\n", xml_escape(&l)));
        }
    }
    out.push_str(&format!("{indent}/// </summary>\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_cases() {
        assert_eq!(pascal("accountId"), "AccountId");
        assert_eq!(pascal("image_id"), "ImageId");
        assert_eq!(pascal("x-kubernetes-foo"), "XKubernetesFoo");
        assert_eq!(pascal("$ref"), "Ref");
        assert_eq!(pascal("2fa"), "_2fa");
        assert_eq!(pascal(""), "_");
        assert_eq!(pascal("class"), "Class");
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(escape_keyword("class"), "@class");
        assert_eq!(escape_keyword("value"), "@value");
        assert_eq!(escape_keyword("account"), "account");
        assert_eq!(camel_param("Namespace"), "@namespace");
        assert_eq!(camel_param("AccountId"), "accountId");
        assert_eq!(camel_param("_1"), "__1");
        assert_eq!(backing_field("Tags"), "_tags");
        assert_eq!(wire_param("accountId"), "accountId");
        assert_eq!(wire_param("x-kubernetes-foo"), "x_kubernetes_foo");
        assert_eq!(wire_param("$ref"), "_ref");
        assert_eq!(wire_param("class"), "@class");
        assert_eq!(wire_param("1st"), "_1st");
    }

    #[test]
    fn member_collisions() {
        // A property named like its class, a base member and two names collapsing together.
        let names = member_names("Foo", RESOURCE_RESERVED_MEMBERS, ["foo", "id", "urn", "a-b", "aB", "name"]);
        assert_eq!(names, ["FooValue", "IdValue", "UrnValue", "AB", "ABValue", "Name"]);
        let names = member_names("XArgs", ARGS_RESERVED_MEMBERS, ["empty", "xArgs"]);
        assert_eq!(names, ["EmptyValue", "XArgsValue"]);
    }

    #[test]
    fn type_namer_takes_companions() {
        let mut n = TypeNamer::new();
        n.reserve("Inputs");
        assert_eq!(n.allocate("Foo", &["Args", "State"]), "Foo");
        // `FooArgs` is already taken by `Foo`'s args class.
        assert_eq!(n.allocate("FooArgs", &[]), "FooArgs_");
        assert_eq!(n.allocate("Foo", &["Args"]), "Foo_");
        assert_eq!(n.allocate("Output", &[]), "Output_");
        assert_eq!(n.allocate("Inputs", &[]), "Inputs_");
        // Class names are file names: a case-only variant is another name.
        assert_eq!(n.allocate("APIService", &[]), "APIService");
        assert_eq!(n.allocate("ApiService", &[]), "ApiService_");
    }

    #[test]
    fn literals_and_docs() {
        assert_eq!(string_literal("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(string_literal("x\u{2028}y"), "\"x\\u2028y\"");
        assert_eq!(xml_escape("a < b && c > d"), "a &lt; b &amp;&amp; c &gt; d");
        let s = summary("    ", Some(&Doc::from("one */ <two>\n\nthree\u{2028}four")));
        assert_eq!(
            s,
            "    /// <summary>\n    /// one */ &lt;two&gt;\n    ///\n    /// three\n    /// four\n    /// </summary>\n"
        );
        assert_eq!(summary("", Some(&Doc::from("\n\n"))), "");
        let examples = "Intro.\n\n{{% examples %}}\n## Example Usage\n{{% example %}}\n\n```typescript\nconst a = 1;\n```\n```csharp\nvar a = new List<int>();\n```\n{{% /example %}}\n{{% /examples %}}\n";
        assert_eq!(
            summary("", Some(&Doc::from(examples))),
            "/// <summary>\n/// Intro.\n///\n/// ## Example Usage\n///\n/// ```csharp\n/// var a = new List&lt;int&gt;();\n/// ```\n/// </summary>\n"
        );
    }
}
