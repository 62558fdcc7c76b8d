//! Pulumi's .NET spelling of schema names: class names from token names (`tokenToName`),
//! namespace segments from module names (`namespaceName`) and member names from wire names
//! (`computePropertyNames`), each falling back to PascalCase where Pulumi's spelling would
//! not be a C# identifier.

use crate::names::pascal;

/// `s` with its first letter uppercased, the rest as written.
fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// True when `s` is already a C# identifier of the characters `sanitize` keeps.
fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

/// A class name from a token's name, as Pulumi's .NET generator spells it: the first letter
/// uppercased and the rest kept (`APIService`, `EC2Service`, `getAMIIds` -> `GetAMIIds`,
/// `example_resource` -> `Example_resource`). A name that would not be a C# identifier
/// that way is PascalCased ([`pascal`]).
pub fn type_name(token_name: &str) -> String {
    let name = upper_first(token_name);
    if is_identifier(&name) {
        name
    } else {
        pascal(token_name)
    }
}

/// A namespace segment from a module (or package) name part, as Pulumi's .NET generator
/// spells it: each `-`-separated piece with its first letter uppercased, joined
/// (`azure-native` -> `AzureNative`, `v1beta1` -> `V1beta1`, `HTTP_module` kept); a name
/// that would not be a C# identifier that way is PascalCased ([`pascal`]).
pub fn namespace_part(name: &str) -> String {
    let joined: String = name.split('-').map(upper_first).collect();
    if is_identifier(&joined) {
        joined
    } else {
        pascal(name)
    }
}

/// A member name from a wire name, as Pulumi's .NET generator spells it: a leading `$`
/// dropped, each `-` removed with the letter after it uppercased, then the first letter
/// uppercased (`cidrBlock` -> `CidrBlock`, `sizeGB` -> `SizeGB`, `x-kubernetes-foo` ->
/// `XKubernetesFoo`, `image_id` -> `Image_id`). A name that would not be a C# identifier
/// that way is PascalCased ([`pascal`]).
pub fn property_name(wire: &str) -> String {
    let mut pieces = wire.trim_start_matches('$').split('-');
    let first = pieces.next().unwrap_or_default().to_string();
    let name = upper_first(&pieces.fold(first, |acc, p| acc + &upper_first(p)));
    if is_identifier(&name) {
        name
    } else {
        pascal(wire)
    }
}

/// An enum member name from a value's name (or its value), as Pulumi's `makeSafeEnumName`:
/// single characters `*`, `0`-`9` spelled out (`Asterisk`, `Zero`, ...), characters that
/// cannot be in an identifier replaced by `_` (and `_` put before a leading digit), the first
/// letter uppercased, runs of `_` collapsed, and the enum's name put before a leading `_`
/// (`Plants'R'Us` -> `Plants_R_Us`, `10` -> `Size_10`); `Equals` becomes `EqualsValue`.
pub fn enum_member_name(name: &str, enum_name: &str) -> String {
    const DIGITS: [&str; 10] = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];
    let expanded = match name {
        "*" => "Asterisk",
        d if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => DIGITS[usize::from(d.as_bytes()[0] - b'0')],
        other => other,
    };
    let mut valid = String::new();
    for (i, c) in expanded.chars().enumerate() {
        if !(c.is_alphanumeric() || c == '_') {
            valid.push('_');
            continue;
        }
        if i == 0 && !(c.is_alphabetic() || c == '_') {
            valid.push('_');
        }
        valid.push(c);
    }
    let mut out = String::new();
    for c in upper_first(&valid).chars() {
        if !(c == '_' && out.ends_with('_')) {
            out.push(c);
        }
    }
    if out.is_empty() || out.starts_with('_') {
        out = format!("{enum_name}{}", if out.is_empty() { "_" } else { &out });
    }
    if out == "Equals" {
        out.push_str("Value");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_and_namespace_names_follow_pulumi() {
        // The first letter uppercased, the rest as written (Pulumi's `tokenToName`).
        assert_eq!(type_name("APIService"), "APIService");
        assert_eq!(type_name("EC2Service"), "EC2Service");
        assert_eq!(type_name("getAMIIds"), "GetAMIIds");
        assert_eq!(type_name("example_resource"), "Example_resource");
        assert_eq!(type_name("instance"), "Instance");
        // Not an identifier that way: PascalCased.
        assert_eq!(type_name("my-type"), "MyType");
        assert_eq!(type_name("2fa"), "_2fa");
        // Pulumi's `namespaceName`: `-`-separated pieces, each first letter uppercased.
        assert_eq!(namespace_part("azure-native"), "AzureNative");
        assert_eq!(namespace_part("v1beta1"), "V1beta1");
        assert_eq!(namespace_part("HTTP_module"), "HTTP_module");
        assert_eq!(namespace_part("apiextensions.k8s.io"), "ApiextensionsK8sIo");
        // Pulumi's `computePropertyNames`: dashes removed, next letter and first uppercased.
        assert_eq!(property_name("sizeGB"), "SizeGB");
        assert_eq!(property_name("image_id"), "Image_id");
        assert_eq!(property_name("x-kubernetes-foo"), "XKubernetesFoo");
        assert_eq!(property_name("$ref"), "Ref");
        assert_eq!(property_name("a.b"), "AB");
        // Pulumi's `makeSafeEnumName`.
        assert_eq!(enum_member_name("Plants'R'Us", "Supplier"), "Plants_R_Us");
        assert_eq!(enum_member_name("Pulumi Planters Inc.", "Supplier"), "Pulumi_Planters_Inc_");
        assert_eq!(enum_member_name("_NO_NAME", "LogName"), "LogName_NO_NAME");
        assert_eq!(enum_member_name("*", "X"), "Asterisk");
        assert_eq!(enum_member_name("3", "X"), "Three");
        assert_eq!(enum_member_name("10", "Size"), "Size_10");
        assert_eq!(enum_member_name("1.5", "Size"), "Size_1_5");
        assert_eq!(enum_member_name("standard_LRS", "Sku"), "Standard_LRS");
        assert_eq!(enum_member_name("equals", "X"), "EqualsValue");
        assert_eq!(enum_member_name("", "X"), "X_");
    }
}
