//! Comparing a resource's old and new inputs for `Diff` and `DiffConfig`: which properties
//! changed, which of them force a replacement, and the detailed diff the engine shows.

use std::collections::{BTreeSet, HashMap};

use bridgegen_model::Property;
use pulumi_gestalt_proto::pulumi::pulumirpc as rpc;

use crate::value::{PropertyMap, PropertyValue};

/// Equality for diffing: secrets and known outputs compare by their plaintext; a null and
/// an absent property are equal.
fn same(a: Option<&PropertyValue>, b: Option<&PropertyValue>) -> bool {
    let norm = |v: Option<&PropertyValue>| v.filter(|v| !v.is_null()).map(strip);
    norm(a) == norm(b)
}

fn strip(v: &PropertyValue) -> PropertyValue {
    match v.peel() {
        PropertyValue::Array(items) => PropertyValue::Array(items.iter().map(strip).collect()),
        PropertyValue::Object(m) => {
            PropertyValue::Object(m.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), strip(v))).collect())
        }
        other => other.clone(),
    }
}

fn ignored(name: &str, ignore: &[String]) -> bool {
    ignore.iter().any(|i| {
        i == name || i.strip_prefix(name).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('[')) || i == "*"
    })
}

/// The changed properties of a `Diff` or `DiffConfig` answer, recorded one by one (by the
/// native servers here and by the Terraform bridge from its plan).
#[derive(Debug, Default)]
pub struct Changes {
    pub diffs: Vec<String>,
    pub replaces: Vec<String>,
    pub detailed: HashMap<String, rpc::PropertyDiff>,
}

impl Changes {
    /// Records a change of `name`: `old` / `new` say whether it had and has a value; `replace`
    /// whether the change forces a replacement; `input_diff` whether it is an input's change.
    pub fn record(&mut self, name: &str, (old, new): (bool, bool), replace: bool, input_diff: bool) {
        use rpc::property_diff::Kind;
        let kind = match (old, new, replace) {
            (false, _, false) => Kind::Add,
            (false, _, true) => Kind::AddReplace,
            (true, false, false) => Kind::Delete,
            (true, false, true) => Kind::DeleteReplace,
            (true, true, false) => Kind::Update,
            (true, true, true) => Kind::UpdateReplace,
        };
        self.diffs.push(name.to_string());
        if replace {
            self.replaces.push(name.to_string());
        }
        self.detailed.insert(name.to_string(), rpc::PropertyDiff { kind: kind as i32, input_diff });
    }

    /// The answer to the engine; the detailed diff counts when it covers the changes (every
    /// change recorded, or none).
    pub fn into_response(self, delete_before_replace: bool) -> rpc::DiffResponse {
        use rpc::diff_response::DiffChanges;
        rpc::DiffResponse {
            changes: if self.diffs.is_empty() { DiffChanges::DiffNone } else { DiffChanges::DiffSome } as i32,
            replaces: self.replaces,
            stables: Vec::new(),
            delete_before_replace,
            has_detailed_diff: !self.detailed.is_empty() || self.diffs.is_empty(),
            diffs: self.diffs,
            detailed_diff: self.detailed,
        }
    }
}

/// Compares `olds` with `news` over the schema's `props` and any other non-`__` keys; names
/// in `replace_names` force a replacement; `ignore` lists ignoreChanges paths.
pub(crate) fn diff_inputs(
    props: &[Property],
    replace_names: &[String],
    olds: &PropertyMap,
    news: &PropertyMap,
    ignore: &[String],
) -> Changes {
    let mut names: BTreeSet<&str> = props.iter().map(|p| p.name.as_str()).collect();
    // Properties outside the schema still count (the engine may send them back).
    names.extend(olds.keys().map(String::as_str).filter(|k| !k.starts_with("__")));
    names.extend(news.keys().map(String::as_str).filter(|k| !k.starts_with("__")));
    let mut out = Changes::default();
    for name in names {
        if ignored(name, ignore) {
            continue;
        }
        let (old, new) = (olds.get(name).filter(|v| !v.is_null()), news.get(name).filter(|v| !v.is_null()));
        let unknown = new.is_some_and(PropertyValue::contains_unknowns);
        if !unknown && same(old, new) {
            continue;
        }
        let replace = replace_names.iter().any(|r| r == name);
        out.record(name, (old.is_some(), new.is_some()), replace, true);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::SchemaInfo;
    use rpc::property_diff::Kind;

    fn m(pairs: &[(&str, PropertyValue)]) -> PropertyMap {
        pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    #[test]
    fn diff_kinds_replacements_and_ignore_changes() {
        let s = SchemaInfo::new(include_str!("../../../schema/kakaocloud.json"));
        let token = "kakaocloud:index/imageMember:ImageMember";
        let props = &s.resource(token).unwrap().inputs;
        let replace = s.replace_inputs(token);
        assert_eq!(replace, vec!["imageId".to_string(), "memberId".to_string()]);
        let olds = m(&[("imageId", "i".into()), ("memberId", "a".into())]);
        let t = PropertyValue::Object(m(&[("create", "1m".into())]));
        let news = m(&[("imageId", "i".into()), ("memberId", "b".into()), ("timeouts", t)]);
        let d = diff_inputs(props, &replace, &olds, &news, &[]);
        assert_eq!(d.diffs, vec!["memberId".to_string(), "timeouts".to_string()]);
        assert_eq!(d.replaces, vec!["memberId".to_string()]);
        assert_eq!(d.detailed["memberId"].kind, Kind::UpdateReplace as i32);
        assert_eq!(d.detailed["timeouts"].kind, Kind::Add as i32);
        let d = diff_inputs(props, &replace, &olds, &news, &["memberId".into(), "timeouts.create".into()]);
        assert!(d.diffs.is_empty(), "{:?}", d.diffs);
        // Removing an input, and secret-only changes.
        let d = diff_inputs(
            props,
            &replace,
            &news,
            &m(&[("imageId", PropertyValue::secret("i".into())), ("memberId", "b".into())]),
            &[],
        );
        assert_eq!(d.diffs, vec!["timeouts".to_string()]);
        assert_eq!(d.detailed["timeouts"].kind, Kind::Delete as i32);
    }
}
