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
    }
}
