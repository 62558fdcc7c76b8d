//! Property types: `type`, `items`, `additionalProperties`, `oneOf` unions and `$ref`s
//! (built-in, local and into other packages' schemas), each problem a diagnostic.

use bridgegen_schema::TypeSpec;

use super::{Binder, Pointer, PRIMITIVE_TYPES};
use crate::model::*;

/// The model type of a primitive `type` name; `None` for `array`, `object` and unknown names.
fn primitive(name: &str) -> Option<Type> {
    match name {
        "boolean" => Some(Type::Boolean),
        "integer" => Some(Type::Integer),
        "number" => Some(Type::Number),
        "string" => Some(Type::String),
        _ => None,
    }
}

impl Binder<'_> {
    pub(super) fn type_of(&mut self, t: &TypeSpec, ptr: &Pointer) -> Type {
        if !t.one_of.is_empty() {
            let elements =
                t.one_of.iter().enumerate().map(|(i, e)| self.type_of(e, &ptr.key("oneOf").index(i))).collect();
            if let Some(d) = &t.discriminator {
                for (value, r) in &d.mapping {
                    let mptr = ptr.key("discriminator").key("mapping").key(value);
                    self.reference(r, &mptr);
                }
            }
            return Type::Union(UnionType {
                elements,
                discriminator: t.discriminator.as_ref().map(|d| d.property_name.clone()),
                mapping: t.discriminator.as_ref().map(|d| d.mapping.clone()).unwrap_or_default(),
                default_type: t.type_.as_deref().and_then(primitive).map(Box::new),
            });
        }
        if let Some(r) = &t.ref_ {
            return self.reference(r, &ptr.key("$ref"));
        }
        if let Some(prim) = t.type_.as_deref().and_then(primitive) {
            return prim;
        }
        match t.type_.as_deref() {
            Some("array") => match &t.items {
                Some(items) => Type::Array(Box::new(self.type_of(items, &ptr.key("items")))),
                None => {
                    self.error(ptr, "array type has no `items`; expected `\"items\": { \"type\": ... }`");
                    Type::Invalid
                }
            },
            Some("object") => match &t.additional_properties {
                Some(v) => Type::Map(Box::new(self.type_of(v, &ptr.key("additionalProperties")))),
                // An untyped object is a map of strings, as in Pulumi's binder.
                None => Type::Map(Box::new(Type::String)),
            },
            Some(other) => {
                self.error(
                    ptr.key("type"),
                    format!("unknown type `{other}`; expected one of {}", PRIMITIVE_TYPES.join(", ")),
                );
                Type::Invalid
            }
            None => {
                self.error(ptr, "property has no type; expected `type`, `$ref` or `oneOf`");
                Type::Invalid
            }
        }
    }

    /// Resolves a `$ref`.
    pub(super) fn reference(&mut self, r: &str, ptr: &Pointer) -> Type {
        match r {
            "pulumi.json#/Any" => return Type::Any,
            "pulumi.json#/Json" => return Type::Json,
            "pulumi.json#/Archive" => return Type::Archive,
            "pulumi.json#/Asset" => return Type::Asset,
            _ => {}
        }
        if r.starts_with("pulumi.json#") {
            self.error(ptr, format!("unknown built-in type `{r}`; expected one of pulumi.json#/Any, pulumi.json#/Json, pulumi.json#/Archive, pulumi.json#/Asset"));
            return Type::Invalid;
        }
        let Some((doc, fragment)) = r.split_once('#') else {
            self.error(ptr, format!("`$ref` `{r}` has no `#` fragment; expected `#/types/<token>`, `#/resources/<token>` or `#/provider`"));
            return Type::Invalid;
        };
        let fragment = percent_decode(fragment);
        if !doc.is_empty() {
            return self.external(r, doc, &fragment, ptr);
        }
        if fragment == "/provider" {
            return Type::Provider;
        }
        let local_token = fragment.strip_prefix("/types/").or_else(|| fragment.strip_prefix("/resources/"));
        if local_token.is_some_and(|tok| self.broken.contains(tok)) {
            return Type::Invalid; // already reported where it is defined
        }
        if let Some(tok) = fragment.strip_prefix("/types/") {
            if let Some(id) = self.object_ids.get(tok) {
                return Type::Object(*id);
            }
            if let Some(id) = self.enum_ids.get(tok) {
                return Type::Enum(*id);
            }
            self.error(ptr, format!("`$ref` `{r}` points to type `{tok}`, which is not defined under #/types"));
            return Type::Invalid;
        }
        if let Some(tok) = fragment.strip_prefix("/resources/") {
            if let Some(id) = self.resource_ids.get(tok) {
                return Type::Resource(*id);
            }
            self.error(ptr, format!("`$ref` `{r}` points to resource `{tok}`, which is not defined under #/resources"));
            return Type::Invalid;
        }
        self.error(
            ptr,
            format!(
                "`$ref` `{r}` is not understood; expected `#/types/<token>`, `#/resources/<token>` or `#/provider`"
            ),
        );
        Type::Invalid
    }

    /// `/aws/v5.4.0/schema.json#/types/aws:ec2/x:X` (any URL whose last three path segments are `<pkg>/v<version>/schema.json`).
    fn external(&mut self, r: &str, doc: &str, fragment: &str, ptr: &Pointer) -> Type {
        let segments: Vec<&str> = doc.trim_end_matches('/').split('/').collect();
        let n = segments.len();
        let (package, version) = if n >= 3 && segments[n - 1] == "schema.json" {
            (segments[n - 3], segments[n - 2].strip_prefix('v').map(str::to_string))
        } else if n >= 2 && segments[n - 1] == "schema.json" {
            (segments[n - 2], None)
        } else {
            self.error(ptr, format!("external `$ref` `{r}` is not understood; expected `/<package>/v<version>/schema.json#/types/<token>`"));
            return Type::Invalid;
        };
        let (kind, tok) = if fragment == "/provider" {
            (ExternalKind::Provider, None)
        } else if let Some(t) = fragment.strip_prefix("/types/") {
            (ExternalKind::Type, Some(t))
        } else if let Some(t) = fragment.strip_prefix("/resources/") {
            (ExternalKind::Resource, Some(t))
        } else {
            self.error(ptr, format!("external `$ref` `{r}` has fragment `{fragment}`; expected `/types/<token>`, `/resources/<token>` or `/provider`"));
            return Type::Invalid;
        };
        let token = match tok {
            Some(t) => {
                let parts: Vec<&str> = t.split(':').collect();
                if parts.len() != 3 {
                    self.error(
                        ptr,
                        format!("external `$ref` `{r}` has a malformed token `{t}`; expected `package:module:Name`"),
                    );
                    return Type::Invalid;
                }
                Some(Token {
                    full: t.to_string(),
                    package: parts[0].to_string(),
                    raw_module: parts[1].to_string(),
                    module: external_module(parts[1], parts[2]),
                    name: parts[2].to_string(),
                })
            }
            None => None,
        };
        Type::External(ExternalRef { package: package.to_string(), version, kind, token, reference: r.to_string() })
    }
}

/// Without the other package's schema its moduleFormat is unknown; use the convention of
/// bridged providers (`ec2/securityGroup` -> `ec2`) and keep other module paths whole.
fn external_module(raw: &str, name: &str) -> String {
    let module = match raw.rsplit_once('/') {
        Some((m, last)) if last.eq_ignore_ascii_case(name) => m,
        _ => raw,
    };
    if module.starts_with("index") {
        String::new()
    } else {
        module.to_string()
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
