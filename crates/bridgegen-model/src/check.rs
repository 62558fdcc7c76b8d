//! Whole-package checks that need the bound model: names that collide once a target
//! language re-cases them, and type cycles no target language can construct.

use std::collections::HashMap;

use bridgegen_schema::{Diagnostic, PackageSpec, Pointer};
use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

use crate::model::*;

pub(crate) fn check(pkg: &Package, spec: &PackageSpec, diags: &mut Vec<Diagnostic>) {
    let root = Pointer::root();
    check_property_names(&pkg.config, &root.key("config"), "variables", diags);
    for (tok, r) in spec.resources.keys().zip(&pkg.resources) {
        let ptr = root.key("resources").key(tok);
        check_property_names(&r.properties, &ptr, "properties", diags);
        check_property_names(&r.inputs, &ptr, "inputProperties", diags);
        if let Some(s) = &r.state_inputs {
            check_property_names(s, &ptr.key("stateInputs"), "properties", diags);
        }
    }
    let object_tokens: Vec<&String> = spec.types.iter().filter(|(_, t)| t.enum_.is_none()).map(|(k, _)| k).collect();
    for (tok, o) in object_tokens.iter().zip(&pkg.objects) {
        check_property_names(&o.properties, &root.key("types").key(tok), "properties", diags);
    }
    for (tok, f) in spec.functions.keys().zip(&pkg.functions) {
        let ptr = root.key("functions").key(tok);
        if let Some(i) = &f.inputs {
            check_property_names(i, &ptr.key("inputs"), "properties", diags);
        }
        if let FunctionReturn::Object(o) = &f.outputs {
            check_property_names(o, &ptr.key("outputs"), "properties", diags);
        }
    }
    check_member_names(pkg, diags);
    check_cycles(pkg, &object_tokens, diags);
}

/// A language's casing rule, labelled for messages.
type Casing = (&'static str, fn(&str) -> String);

/// Two properties that differ on the wire but share a name in some language would
/// become one field: `fooBar` and `foo_bar` are both `foo_bar` in Python.
fn check_property_names(props: &[Property], owner: &Pointer, key: &str, diags: &mut Vec<Diagnostic>) {
    let casings: [Casing; 3] = [
        ("snake_case (Python)", |s| s.to_snake_case()),
        ("PascalCase (Go, C#)", |s| s.to_upper_camel_case()),
        ("camelCase (TypeScript)", |s| s.to_lower_camel_case()),
    ];
    let mut seen: Vec<HashMap<String, &str>> = vec![HashMap::new(); casings.len()];
    for p in props {
        // One error per property: the first casing in which it collides.
        for ((label, case), seen) in casings.iter().zip(seen.iter_mut()) {
            let cased = case(&p.name);
            if let Some(first) = seen.get(&cased) {
                diags.push(Diagnostic::error(
                    owner.key(key).key(&p.name),
                    format!("property `{}` collides with `{first}`: both are `{cased}` in {label}; expected names that stay distinct in every language", p.name),
                ));
                break;
            }
        }
        for ((_, case), seen) in casings.iter().zip(seen.iter_mut()) {
            seen.entry(case(&p.name)).or_insert(&p.name);
        }
    }
}

/// Members of one module must stay distinct once re-cased: they become files and
/// classes (`imageMember.ts`, `image_member.py`).
fn check_member_names(pkg: &Package, diags: &mut Vec<Diagnostic>) {
    for m in &pkg.modules {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let members = m
            .resources
            .iter()
            .map(|id| ("resources", &pkg.resources[id.0].token))
            .chain(m.functions.iter().map(|id| ("functions", &pkg.functions[id.0].token)));
        for (kind, tok) in members {
            let key = tok.name.to_snake_case();
            if let Some(first) = seen.insert(key.clone(), &tok.full) {
                diags.push(Diagnostic::error(
                    Pointer::root().key(kind).key(&tok.full),
                    format!("`{}` collides with `{first}` in module `{}`: both become `{key}`; expected member names that differ after case conversion", tok.full, display_module(&m.name)),
                ));
            }
        }
        let mut types: HashMap<String, &str> = HashMap::new();
        let tys =
            m.objects.iter().map(|id| &pkg.objects[id.0].token).chain(m.enums.iter().map(|id| &pkg.enums[id.0].token));
        for tok in tys {
            let key = tok.name.to_upper_camel_case().to_lowercase();
            if let Some(first) = types.insert(key, &tok.full) {
                diags.push(Diagnostic::error(
                    Pointer::root().key("types").key(&tok.full),
                    format!("type `{}` collides with `{first}` in module `{}`: the names differ only in case; expected distinct type names", tok.full, display_module(&m.name)),
                ));
            }
        }
    }
}

fn display_module(m: &str) -> &str {
    if m.is_empty() {
        "index"
    } else {
        m
    }
}

/// A cycle of required, by-value object properties (`A.b: B` required, `B.a: A` required)
/// describes a value that can never be built, and a Go struct that contains itself.
/// Cycles through optional properties, arrays or maps are fine (pointers, slices).
fn check_cycles(pkg: &Package, tokens: &[&String], diags: &mut Vec<Diagnostic>) {
    let edges: Vec<Vec<(ObjectId, &str)>> = pkg
        .objects
        .iter()
        .map(|o| {
            o.properties
                .iter()
                .filter(|p| p.required)
                .filter_map(|p| match p.ty {
                    Type::Object(id) => Some((id, p.name.as_str())),
                    _ => None,
                })
                .collect()
        })
        .collect();
    // 0 = unvisited, 1 = on stack, 2 = done
    let mut state = vec![0u8; pkg.objects.len()];
    let mut stack: Vec<(ObjectId, &str)> = Vec::new();
    for start in 0..pkg.objects.len() {
        if state[start] == 0 {
            dfs(ObjectId(start), &edges, &mut state, &mut stack, pkg, tokens, diags);
        }
    }
}

fn dfs<'a>(
    node: ObjectId,
    edges: &'a [Vec<(ObjectId, &'a str)>],
    state: &mut [u8],
    stack: &mut Vec<(ObjectId, &'a str)>,
    pkg: &Package,
    tokens: &[&String],
    diags: &mut Vec<Diagnostic>,
) {
    state[node.0] = 1;
    for &(next, prop) in &edges[node.0] {
        stack.push((node, prop));
        if state[next.0] == 1 {
            let from = stack.iter().position(|(n, _)| *n == next).unwrap_or(0);
            let path: Vec<String> =
                stack[from..].iter().map(|(n, p)| format!("{}.{p}", pkg.objects[n.0].token.name)).collect();
            diags.push(Diagnostic::error(
                Pointer::root().key("types").key(tokens[node.0]).key("properties").key(prop),
                format!("required properties form a cycle ({} -> {}): such a value can never be built; expected at least one optional property, array or map in the cycle", path.join(" -> "), pkg.objects[next.0].token.name),
            ));
        } else if state[next.0] == 0 {
            dfs(next, edges, state, stack, pkg, tokens, diags);
        }
        stack.pop();
    }
    state[node.0] = 2;
}
