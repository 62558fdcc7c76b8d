//! Object types (`types/input.ts`, `types/output.ts`) and enums (`types/enums/`).
//! Types of every module share one file per shape, in nested `export namespace` blocks.

use std::collections::BTreeMap;

use serde::Serialize;

use bridgegen_model::{EnumKind, ObjectId, ObjectType, Package, Property, Type};

use crate::context::Names;
use crate::doc;
use crate::names::{self, js_string, property_access, property_key};
use crate::resource::{default_expr, literal};
use crate::types::{Shape, TypeCtx};

/// Whether filling defaults into a value of this object type changes anything: it, or an
/// object it holds directly, has a property with a default.
pub fn has_defaults(pkg: &Package, id: ObjectId) -> bool {
    fn go(pkg: &Package, id: ObjectId, seen: &mut Vec<ObjectId>) -> bool {
        if seen.contains(&id) {
            return false;
        }
        seen.push(id);
        let o = pkg.object(id);
        let r = o.properties.iter().any(|p| {
            p.default.as_ref().is_some_and(|d| d.value.is_some() || !d.environment.is_empty())
                || matches!(&p.ty, Type::Object(inner) if go(pkg, *inner, seen))
        });
        seen.pop();
        r
    }
    go(pkg, id, &mut Vec::new())
}

fn defaults_fn_name(names: &Names, id: ObjectId, shape: Shape, args_suffix: bool) -> String {
    let base = names.object(id);
    let n = if shape == Shape::Input && args_suffix { format!("{base}Args") } else { base.to_string() };
    format!("{}ProvideDefaults", names::camel(&n))
}

/// `inputs.ecs.fooProvideDefaults` (`outputs.` for the output shape) for the shape used at a
/// reference.
pub fn provide_defaults_ref(pkg: &Package, names: &Names, id: ObjectId, shape: Shape) -> String {
    let o = pkg.object(id);
    format!(
        "{}.{}{}",
        if shape == Shape::Output { "outputs" } else { "inputs" },
        names.namespace_prefix(&o.token.module),
        defaults_fn_name(names, id, shape, names.input_has_args_suffix(o))
    )
}

#[derive(Serialize)]
pub struct Member {
    pub doc: String,
    pub key: String,
    pub optional: bool,
    pub ty: String,
}

#[derive(Serialize)]
pub struct Interface {
    pub doc: String,
    pub name: String,
    pub readonly: bool,
    pub members: Vec<Member>,
    /// `fooProvideDefaults` when the type has defaults (inputs only).
    pub defaults_fn: Option<String>,
    pub defaults: Vec<DefaultField>,
}

/// A property `fooProvideDefaults` fills in: with its schema default, or (an object whose
/// type has defaults) through that type's function; the template writes the expression.
#[derive(Serialize)]
pub struct DefaultField {
    pub key: String,
    /// Member access on `val` (`.name`, `["x-y"]`).
    pub access: String,
    pub default: Option<String>,
    pub object_defaults: Option<String>,
    /// The nested value is plain (the function is called directly, not through `applyDefaults`).
    pub plain: bool,
    pub required: bool,
}

/// One entry of a namespace of `types/input.ts` or `types/output.ts`: an interface (with its
/// defaults function) or a nested `export namespace`; `types_ns.ts.hbs` prints it.
#[derive(Serialize)]
pub struct NsEntry {
    pub interface: Option<Interface>,
    pub namespace: Option<NsView>,
}

/// `export namespace <name> { <entries> }`.
#[derive(Serialize)]
pub struct NsView {
    pub name: String,
    pub entries: Vec<NsEntry>,
}

/// A namespace tree while it is built: interfaces of one module and its child modules.
#[derive(Default)]
struct Ns {
    items: Vec<Interface>,
    children: BTreeMap<String, Ns>,
}

impl Ns {
    /// The entries: interfaces first, then child namespaces by name.
    fn entries(self) -> Vec<NsEntry> {
        let items = self.items.into_iter().map(|i| NsEntry { interface: Some(i), namespace: None });
        let children = self
            .children
            .into_iter()
            .map(|(name, ns)| NsEntry { interface: None, namespace: Some(NsView { name, entries: ns.entries() }) });
        items.chain(children).collect()
    }
}

fn ns_at<'n>(root: &'n mut Ns, names: &Names, module: &str) -> &'n mut Ns {
    let mut cur = root;
    for seg in names.module_segments(module) {
        cur = cur.children.entry(seg).or_default();
    }
    cur
}

/// An object type's properties as one shape declares them: the type's
/// `language.nodejs.requiredInputs` / `requiredOutputs` list, when present, decides which are
/// required in the input (and plain) / output shape (Pulumi's Kubernetes and Terraform-bridged
/// schemas use it); otherwise the schema's `required`.
fn properties_for_shape(o: &ObjectType, shape: Shape) -> std::borrow::Cow<'_, [Property]> {
    let key = if shape == Shape::Output { "requiredOutputs" } else { "requiredInputs" };
    let Some(list) = o.language.get("nodejs").and_then(|n| n.get(key)).and_then(|v| v.as_array()) else {
        return std::borrow::Cow::Borrowed(&o.properties);
    };
    let required: std::collections::HashSet<&str> = list.iter().filter_map(|v| v.as_str()).collect();
    std::borrow::Cow::Owned(
        o.properties.iter().map(|p| Property { required: required.contains(p.name.as_str()), ..p.clone() }).collect(),
    )
}

fn interface(pkg: &Package, names: &Names, tcx: &TypeCtx, id: ObjectId, shape: Shape) -> Interface {
    let o = pkg.object(id);
    let twin = names.input_has_args_suffix(o) && shape == Shape::Input;
    let name = if twin { format!("{}Args", names.object(id)) } else { names.object(id).to_string() };
    let props = properties_for_shape(o, shape);
    let members = props
        .iter()
        .map(|p| Member {
            doc: doc::comment(p.description.as_ref(), p.deprecation_message.as_deref(), "    "),
            key: property_key(&p.name),
            optional: !p.required,
            ty: match shape {
                Shape::Output => tcx.output_field(p),
                s => tcx.input_field(p, s),
            },
        })
        .collect();
    let mut defaults = Vec::new();
    // Every shape exports its `<type>ProvideDefaults` helper, as Pulumi's SDKs do (resources
    // and invokes apply the input ones; the output ones are for programs).
    let defaults_fn = if has_defaults(pkg, id) {
        for p in props.iter() {
            let default = p.default.as_ref().and_then(|d| default_expr(&p.ty, d));
            let plain = shape != Shape::Input || p.plain;
            let object_defaults = match &p.ty {
                Type::Object(inner) if default.is_none() && has_defaults(pkg, *inner) => {
                    let nested = if shape == Shape::PlainInput { Shape::Input } else { shape };
                    Some(provide_defaults_ref(pkg, names, *inner, nested))
                }
                _ => None,
            };
            if default.is_some() || object_defaults.is_some() {
                defaults.push(DefaultField {
                    key: property_key(&p.name),
                    access: property_access("", &p.name),
                    default,
                    object_defaults,
                    plain,
                    required: p.required,
                });
            }
        }
        Some(defaults_fn_name(names, id, shape, names.input_has_args_suffix(o)))
    } else {
        None
    };
    Interface {
        doc: doc::comment(o.description.as_ref(), None, ""),
        name,
        readonly: shape == Shape::Output,
        members,
        defaults_fn,
        defaults,
    }
}

/// The top-level entries of `types/input.ts` or `types/output.ts`.
pub fn types_file(pkg: &Package, names: &Names, output: bool) -> Vec<NsEntry> {
    // The file sits in `types/`, one level below the root.
    let tcx = TypeCtx { pkg, names, root: "../".into() };
    let mut root = Ns::default();
    for m in &pkg.modules {
        // Every module of types gets its namespace in both files, empty or not, as in Pulumi's.
        if m.objects.iter().any(|id| !pkg.object(*id).is_overlay) {
            ns_at(&mut root, names, &m.name);
        }
        for id in &m.objects {
            let o = pkg.object(*id);
            if o.is_overlay {
                continue;
            }
            let mut shapes = Vec::new();
            if output {
                if o.usage.sdk_output {
                    shapes.push(Shape::Output);
                }
            } else if o.usage.input {
                if o.usage.plain_shape {
                    shapes.push(Shape::Plain);
                }
                shapes.push(Shape::Input);
            }
            for shape in shapes {
                let i = interface(pkg, names, &tcx, *id, shape);
                ns_at(&mut root, names, &m.name).items.push(i);
            }
        }
    }
    root.entries()
}

#[derive(Serialize)]
pub struct EnumMember {
    pub doc: String,
    pub key: String,
    pub value: String,
}

#[derive(Serialize)]
pub struct EnumView {
    pub doc: String,
    pub name: String,
    pub members: Vec<EnumMember>,
}

/// The enums of one module.
pub fn enums_of(pkg: &Package, names: &Names, module: &str) -> Vec<EnumView> {
    let Some(m) = pkg.module(module) else { return Vec::new() };
    m.sdk_enums(pkg)
        .map(|id| {
            let e = pkg.enum_type(id);
            let mut taken = names::scope();
            let members = e
                .values
                .iter()
                .map(|v| {
                    let key = taken.take(&names::enum_value_name(names.enum_(id), v.name.as_deref(), &v.value));
                    let value = match (e.kind, &v.value) {
                        (EnumKind::String, serde_json::Value::String(s)) => js_string(s),
                        (_, other) => literal(other),
                    };
                    EnumMember {
                        doc: doc::comment(v.description.as_ref(), v.deprecation_message.as_deref(), "    "),
                        key: property_key(&key),
                        value,
                    }
                })
                .collect();
            EnumView { doc: doc::comment(e.description.as_ref(), None, ""), name: names.enum_(id).to_string(), members }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use bridgegen_codegen::Generator;

    /// Types in `net/v1`, `net` and `core`: `net` holds an interface and a nested namespace.
    const SCHEMA: &str = r##"{
        "name": "tree", "version": "1.0.0",
        "types": {
            "tree:net/v1:Rule": {"type": "object", "properties": {
                "port": {"type": "integer", "default": 80, "description": "The port."}}},
            "tree:net:Peer": {"type": "object", "properties": {"name": {"type": "string"}}},
            "tree:core:Pod": {"type": "object", "properties": {"rule": {"$ref": "#/types/tree:net/v1:Rule"}}}
        },
        "resources": {
            "tree:index:Res": {
                "inputProperties": {
                    "pod": {"$ref": "#/types/tree:core:Pod"},
                    "peer": {"$ref": "#/types/tree:net:Peer"}
                },
                "properties": {}
            }
        }
    }"##;

    #[test]
    fn nested_namespaces_indent_one_level_per_module_segment() {
        let (pkg, _) = bridgegen_model::bind_str(SCHEMA).expect("schema binds");
        let files = crate::NodejsGenerator.generate(&pkg).unwrap();
        let input = files.iter().find(|f| f.path == "types/input.ts").expect("types/input.ts");
        let text = String::from_utf8_lossy(&input.contents);
        let at = |line: &str| text.lines().position(|l| l == line).unwrap_or_else(|| panic!("no `{line}` in:\n{text}"));
        // Namespaces by name, a module's own interfaces before its child namespaces, each
        // level four spaces deeper (the doc comment of a member one more level).
        let order = [
            "export namespace core {",
            "    export interface PodArgs {",
            "export namespace net {",
            "    export interface PeerArgs {",
            "    export namespace v1 {",
            "        export interface RuleArgs {",
            "            /**",
            "             * The port.",
            "            port?: pulumi.Input<number | undefined>;",
            "        export function ruleArgsProvideDefaults(val: RuleArgs): RuleArgs {",
        ];
        assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");
        // Blank lines separate entries and stay empty at every depth.
        assert!(text.lines().all(|l| l.trim_end() == l), "trailing whitespace in:\n{text}");
        assert!(
            text.contains("        }\n\n        /**\n         * RuleArgs with the schema's default values"),
            "{text}"
        );
        assert!(text.ends_with("    }\n\n}\n"), "{text}");
    }
}
