//! Loading a schema document: JSON syntax errors with line:column, then shape errors
//! with JSON pointers. Each resource, type and function is decoded on its own, so one
//! malformed entry does not hide the errors of the others.

use std::path::Path;

use indexmap::IndexMap;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::diagnostic::{escape_pointer_token, Diagnostic, Diagnostics, Pointer};
use crate::spec::PackageSpec;

/// Reads and decodes a schema file. Errors carry the file name.
pub fn load_file(path: &Path) -> Result<PackageSpec, Diagnostics> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostics(vec![Diagnostic::error("#", format!("cannot read schema file: {e}")).with_file(path)])
    })?;
    load_str(&text).map_err(|ds| Diagnostics(ds.0.into_iter().map(|d| d.with_file(path)).collect()))
}

/// Decodes a schema document from text.
pub fn load_str(text: &str) -> Result<PackageSpec, Diagnostics> {
    let partial = load_str_partial(text)?;
    if partial.errors.is_empty() {
        Ok(partial.spec)
    } else {
        Err(Diagnostics(partial.errors))
    }
}

/// Decodes a parsed schema document.
pub fn load_value(value: Value) -> Result<PackageSpec, Diagnostics> {
    let partial = load_partial(value);
    if partial.errors.is_empty() {
        Ok(partial.spec)
    } else {
        Err(Diagnostics(partial.errors))
    }
}

/// A decode that went as far as it could: entries that failed to decode are left out of
/// `spec` and named in `broken` (by token), so a binder can go on and report more errors
/// without cascading "not defined" errors for the broken entries.
#[derive(Debug, Default)]
pub struct PartialLoad {
    pub spec: PackageSpec,
    pub errors: Vec<Diagnostic>,
    /// Tokens of `types`, `resources` and `functions` entries that failed to decode.
    pub broken: Vec<String>,
}

/// Decodes text as far as possible (see [`PartialLoad`]). Malformed JSON stops at once.
pub fn load_str_partial(text: &str) -> Result<PartialLoad, Diagnostics> {
    if text.trim().is_empty() {
        let mut d = Diagnostic::error("#", "the file is empty; expected a JSON object (a Pulumi Package Schema)");
        d.position = Some((1, 1));
        return Err(Diagnostics(vec![d]));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let mut d = Diagnostic::error("#", format!("malformed JSON: {}", strip_position(&e.to_string())));
        // serde_json says column 0 at the very start of a line; columns here are 1-based.
        d.position = Some((e.line(), e.column().max(1)));
        Diagnostics(vec![d])
    })?;
    if !value.is_object() {
        return Err(Diagnostics(vec![Diagnostic::error(
            "#",
            format!("expected the schema to be a JSON object, found {}", kind_of(&value)),
        )]));
    }
    Ok(load_partial(value))
}

fn load_partial(value: Value) -> PartialLoad {
    let Value::Object(mut root) = value else {
        return PartialLoad {
            errors: vec![Diagnostic::error(
                "#",
                format!("expected the schema to be a JSON object, found {}", kind_of(&value)),
            )],
            ..PartialLoad::default()
        };
    };
    let mut errors = Vec::new();
    let mut broken = Vec::new();
    // Decode the big maps entry by entry so every bad entry is reported.
    let types = take_map(&mut root, "types", &mut errors, &mut broken);
    let resources = take_map(&mut root, "resources", &mut errors, &mut broken);
    let functions = take_map(&mut root, "functions", &mut errors, &mut broken);
    let mut spec: PackageSpec = match decode(Value::Object(root), &Pointer::root()) {
        Ok(spec) => spec,
        Err(d) => {
            errors.push(d);
            PackageSpec::default()
        }
    };
    spec.types = types;
    spec.resources = resources;
    spec.functions = functions;
    PartialLoad { spec, errors, broken }
}

fn take_map<T: DeserializeOwned>(
    root: &mut Map<String, Value>,
    key: &str,
    errors: &mut Vec<Diagnostic>,
    broken: &mut Vec<String>,
) -> IndexMap<String, T> {
    let pointer = Pointer::root().key(key);
    let mut out = IndexMap::new();
    match root.remove(key) {
        None | Some(Value::Null) => {}
        Some(Value::Object(entries)) => {
            for (name, entry) in entries {
                match decode(entry, &pointer.key(&name)) {
                    Ok(v) => {
                        out.insert(name, v);
                    }
                    Err(d) => {
                        errors.push(d);
                        broken.push(name);
                    }
                }
            }
        }
        Some(other) => errors.push(Diagnostic::error(
            pointer,
            format!("expected `{key}` to be an object keyed by token, found {}", kind_of(&other)),
        )),
    }
    out
}

fn decode<T: DeserializeOwned>(value: Value, base: &Pointer) -> Result<T, Diagnostic> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let mut pointer = base.as_str().to_string();
        for segment in e.path().iter() {
            use serde_path_to_error::Segment;
            match segment {
                Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
                Segment::Map { key } => {
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_token(key));
                }
                Segment::Enum { .. } | Segment::Unknown => {}
            }
        }
        Diagnostic::error(pointer, describe_serde_error(&e.into_inner().to_string()))
    })
}

/// serde messages say "invalid type: integer `3`, expected a string"; keep them, but
/// drop serde_json's trailing " at line 1 column 2" (positions are meaningless on a Value).
fn describe_serde_error(message: &str) -> String {
    strip_position(message)
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
