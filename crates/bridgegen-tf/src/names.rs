//! Terraform -> Pulumi names, following tfgen: snake_case -> camelCase, PascalCase type names,
//! list names pluralised when that is unambiguous.

use heck::{ToLowerCamelCase, ToUpperCamelCase};

pub fn camel(snake: &str) -> String {
    snake.to_lower_camel_case()
}

pub fn pascal(snake: &str) -> String {
    snake.to_upper_camel_case()
}

/// Words whose plural is themselves (or that read wrong with an `s`).
const UNCOUNTABLE: &[&str] =
    &["data", "info", "metadata", "information", "equipment", "config", "media", "news", "series", "species", "status"];

/// The plural of a snake_case name (its last word), or `None` when it already reads plural
/// or has no safe plural.
pub fn plural(snake: &str) -> Option<String> {
    let (head, last) = match snake.rsplit_once('_') {
        Some((h, l)) => (format!("{h}_"), l),
        None => (String::new(), snake),
    };
    if last.is_empty() || UNCOUNTABLE.contains(&last) || last.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let p = if ["ss", "sh", "ch", "x", "z"].iter().any(|e| last.ends_with(e)) {
        format!("{last}es")
    } else if last.ends_with('s') {
        return None;
    } else if last.ends_with('y') && !last.ends_with("ay") && !last.ends_with("ey") && !last.ends_with("oy") {
        format!("{}ies", &last[..last.len() - 1])
    } else {
        format!("{last}s")
    };
    Some(format!("{head}{p}"))
}

/// The name a module's resource gets: the Terraform type minus the provider prefix (and minus a
/// module prefix that spells the module).
pub fn base_name(tf_type: &str, tf_provider: &str, strip: Option<&str>) -> String {
    if let Some(s) = strip {
        if let Some(rest) = tf_type.strip_prefix(s) {
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    let prefix = format!("{tf_provider}_");
    match tf_type.strip_prefix(&prefix) {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => tf_type.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural("security_group").as_deref(), Some("security_groups"));
        assert_eq!(plural("ingress").as_deref(), Some("ingresses"));
        assert_eq!(plural("policy").as_deref(), Some("policies"));
        assert_eq!(plural("ids"), None);
        assert_eq!(plural("metadata"), None);
        assert_eq!(plural("gateway").as_deref(), Some("gateways"));
        assert_eq!(camel("ipv6_cidr_ip"), "ipv6CidrIp");
        assert_eq!(pascal("image_share_permission"), "ImageSharePermission");
        assert_eq!(base_name("alicloud_ecs_disk", "alicloud", Some("alicloud_ecs_")), "disk");
        assert_eq!(base_name("time_static", "time", None), "static");
    }
}
