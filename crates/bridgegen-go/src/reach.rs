//! Which Go forms of each named type the package reaches, computed once per package: the
//! `Input`/`Args`, `Output`, `Ptr` and container (`Array`, `Map`, `ArrayMap`, ...) variants of
//! object types, enums and resources. Only these are emitted, as Pulumi's Go generator does.
//!
//! The rules are Pulumi's (pkg/v3 `codegen/go`): a type reached from resource inputs, state
//! inputs or function inputs needs its input forms (and so its output forms); one reached from
//! resource or function outputs its output forms; an optional reach adds the `Ptr` forms, and an
//! optional reach of an object makes every property below it optional too (the `Ptr` output
//! accessors lift `nil` into the nested types); an array or map of a type adds that container
//! of it. Every object type's plain struct is emitted whether reached or not.

use std::collections::{BTreeMap, HashSet};

use bridgegen_model::{FunctionReturn, Package, Property, Type};

use crate::naming::{GoOptions, Naming};
use crate::types::{shape, Base, Container};

/// The forms of one named type at one container chain (`Foo`, `FooArray`, ...).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Forms {
    pub input: bool,
    pub output: bool,
    pub ptr_input: bool,
    pub ptr_output: bool,
    pub array_input: bool,
    pub array_output: bool,
    pub map_input: bool,
    pub map_output: bool,
}

impl Forms {
    /// An input form always comes with its output form (inputs convert to outputs).
    fn mark(&mut self, input: bool, output: bool) {
        self.input |= input;
        self.output |= input || output;
    }

    fn mark_ptr(&mut self, input: bool, output: bool) {
        self.mark(input, output);
        self.ptr_input |= input;
        self.ptr_output |= input || output;
    }

    fn mark_container(&mut self, c: Container, input: bool, output: bool) {
        self.mark(input, output);
        let (i, o) = match c {
            Container::Array => (&mut self.array_input, &mut self.array_output),
            Container::Map => (&mut self.map_input, &mut self.map_output),
        };
        *i |= input;
        *o |= input || output;
    }
}

/// One container type to emit: its chain (innermost first) and whether its `Input` side is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerForm {
    pub chain: Vec<Container>,
    pub input: bool,
}

/// The reached forms of every named type of a package.
pub struct Reach {
    forms: BTreeMap<Base, BTreeMap<Vec<Container>, Forms>>,
}

impl Reach {
    pub fn compute(pkg: &Package, naming: &Naming, opts: &GoOptions) -> Reach {
        let mut w = Walker {
            pkg,
            naming,
            extra: opts.generate_extra_input_types,
            forms: BTreeMap::new(),
            seen: HashSet::new(),
        };
        // Every type, unreached: marks only the plain-object properties (and, with
        // `generateExtraInputTypes`, everything).
        for i in 0..pkg.objects.len() {
            w.walk(&Type::Object(bridgegen_model::ObjectId(i)), Ctx::default());
        }
        for i in 0..pkg.enums.len() {
            w.walk(&Type::Enum(bridgegen_model::EnumId(i)), Ctx::default());
        }
        if w.extra {
            for props in pkg.all_property_lists() {
                for p in props {
                    p.ty.walk(&mut |t| {
                        if let Type::Array(e) | Type::Map(e) = t {
                            w.mark_container(t, e, true, false);
                        }
                    });
                }
            }
        }
        for r in std::iter::once(&pkg.provider).chain(&pkg.resources) {
            let base = Ctx { optional: r.is_provider, ..Ctx::default() };
            w.props(&r.inputs, Ctx { input_shape: true, ..base });
            w.props(&r.properties, Ctx { output: true, ..base });
            if let Some(state) = &r.state_inputs {
                w.props(state, Ctx { input_shape: true, ..base });
            }
        }
        let functions = if opts.function_outputs() { &pkg.functions[..] } else { &[] };
        for f in functions {
            if matches!(f.outputs, FunctionReturn::None) && !w.extra {
                continue;
            }
            if let Some(inputs) = &f.inputs {
                w.props(inputs, Ctx { input_shape: true, ..Ctx::default() });
            }
            let out = Ctx { output: true, ..Ctx::default() };
            match &f.outputs {
                FunctionReturn::None => {}
                FunctionReturn::Object(props) => w.props(props, out),
                FunctionReturn::Type(t) => {
                    w.walk(t, out);
                    // The output form reads the value out of a `map[string]T` response (a
                    // method has no output form).
                    if f.method_of.is_none() {
                        w.walk(&Type::Map(Box::new(t.clone())), out);
                    }
                }
            }
        }
        if opts.generate_resource_container_types {
            for (i, m) in naming.resources.iter().enumerate() {
                if !m.skipped {
                    let f = w.forms.entry(Base::Resource(i)).or_default().entry(Vec::new()).or_default();
                    f.mark_container(Container::Array, true, true);
                    f.mark_container(Container::Map, true, true);
                }
            }
        }
        Reach { forms: w.forms }
    }

    /// The forms of `base` itself (no container).
    pub fn of(&self, base: Base) -> Forms {
        self.forms.get(&base).and_then(|m| m.get(&Vec::new())).copied().unwrap_or_default()
    }

    /// The container types of `base` to emit, shortest chain first.
    pub fn containers(&self, base: Base) -> Vec<ContainerForm> {
        let mut out = Vec::new();
        for (chain, f) in self.forms.get(&base).into_iter().flatten() {
            for (c, input, output) in
                [(Container::Array, f.array_input, f.array_output), (Container::Map, f.map_input, f.map_output)]
            {
                if output {
                    let mut chain = chain.clone();
                    chain.push(c);
                    out.push(ContainerForm { chain, input });
                }
            }
        }
        out.sort_by(|a, b| a.chain.len().cmp(&b.chain.len()).then(a.chain.cmp(&b.chain)));
        out
    }
}

/// How a type is reached: optionally, from an input, from an output, inside an input shape
/// (resource, state or function inputs, where every non-plain property is an input).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
struct Ctx {
    optional: bool,
    input: bool,
    output: bool,
    input_shape: bool,
}

struct Walker<'a> {
    pkg: &'a Package,
    naming: &'a Naming,
    extra: bool,
    forms: BTreeMap<Base, BTreeMap<Vec<Container>, Forms>>,
    seen: HashSet<(usize, Ctx)>,
}

impl Walker<'_> {
    fn named(&self, t: &Type) -> Option<(Base, Vec<Container>)> {
        let s = shape(self.pkg, self.naming, t);
        matches!(s.base, Base::Object(_) | Base::Enum(_) | Base::Resource(_) | Base::Provider)
            .then_some((s.base, s.chain))
    }

    fn forms(&mut self, base: Base, chain: Vec<Container>) -> &mut Forms {
        self.forms.entry(base).or_default().entry(chain).or_default()
    }

    fn mark_container(&mut self, t: &Type, elem: &Type, input: bool, output: bool) {
        if let Some((base, chain)) = self.named(elem) {
            let c = if matches!(t, Type::Array(_)) { Container::Array } else { Container::Map };
            self.forms(base, chain).mark_container(c, input, output);
        }
    }

    /// A property list: plain object properties are inputs from here on (Pulumi's rule,
    /// properties in name order); inside an input shape every non-plain property is an input.
    fn props(&mut self, props: &[Property], cx: Ctx) {
        let mut sorted: Vec<&Property> = props.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let mut input = cx.input;
        for p in sorted {
            if p.plain {
                if let Some((base @ Base::Object(_), chain)) = self.named(&p.ty) {
                    if chain.is_empty() {
                        let f = self.forms(base, chain);
                        f.mark(true, false);
                        f.mark_ptr(!p.required, false);
                        input = true;
                    }
                }
            }
            let (input, output) = if cx.input_shape && !p.plain { (true, false) } else { (input, cx.output) };
            let optional = cx.optional || !p.required;
            self.walk(&p.ty, Ctx { optional, input, output, ..cx });
        }
    }

    fn walk(&mut self, t: &Type, cx: Ctx) {
        let input = cx.input || self.extra;
        match t {
            Type::Object(id) => {
                let Some((base, _)) = self.named(t) else { return };
                if !self.seen.insert((id.0, cx)) {
                    return;
                }
                let f = self.forms(base, Vec::new());
                f.mark(input, cx.output);
                if cx.optional {
                    f.mark_ptr(input, cx.output);
                }
                self.props(&self.pkg.objects[id.0].properties, cx);
            }
            Type::Enum(_) => {
                let Some((base, _)) = self.named(t) else { return };
                let f = self.forms(base, Vec::new());
                f.mark(input, cx.output);
                if cx.optional {
                    f.mark_ptr(input, cx.output);
                }
            }
            Type::Union(u) => u.elements.iter().for_each(|e| self.walk(e, cx)),
            Type::Array(e) | Type::Map(e) => {
                self.mark_container(t, e, input, cx.output);
                self.walk(e, Ctx { optional: false, ..cx });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach(schema: serde_json::Value) -> (Reach, Naming) {
        let (pkg, _) = bridgegen_model::bind_str(&schema.to_string()).expect("schema binds");
        let naming = Naming::new(&pkg);
        let r = Reach::compute(&pkg, &naming, &GoOptions::from_package(&pkg));
        (r, naming)
    }

    fn object(n: &Naming, name: &str) -> Base {
        Base::Object(n.objects.iter().position(|m| m.name == name).expect(name))
    }

    fn schema(go: serde_json::Value) -> serde_json::Value {
        let obj = |props: serde_json::Value| serde_json::json!({ "type": "object", "properties": props });
        serde_json::json!({
            "name": "x",
            "language": { "go": go },
            "types": {
                "x:index:In": obj(serde_json::json!({ "list": { "type": "array", "items": { "$ref": "#/types/x:index:Leaf" } } })),
                "x:index:Out": obj(serde_json::json!({ "nested": { "$ref": "#/types/x:index:Leaf" } })),
                "x:index:Leaf": obj(serde_json::json!({ "v": { "type": "string" } })),
                "x:index:Unused": obj(serde_json::json!({ "m": { "type": "object", "additionalProperties": { "$ref": "#/types/x:index:Leaf" } } })),
            },
            "resources": {
                "x:index:Res": {
                    "inputProperties": { "in": { "$ref": "#/types/x:index:In" } },
                    "properties": { "out": { "$ref": "#/types/x:index:Out" } },
                    "required": ["out"],
                }
            }
        })
    }

    #[test]
    fn forms_follow_how_the_schema_reaches_each_type() {
        let (r, n) = reach(schema(serde_json::json!({})));
        // An optional input: input and Ptr forms (and so the output forms).
        let input = r.of(object(&n, "In"));
        assert!(input.input && input.ptr_input && input.output && input.ptr_output);
        // A required output: only the output form; its optional property's type gets Ptr output.
        let out = r.of(object(&n, "Out"));
        assert!(out.output && !out.input && !out.ptr_output);
        let leaf = r.of(object(&n, "Leaf"));
        assert!(leaf.input && leaf.output && leaf.ptr_output && !leaf.ptr_input && leaf.array_input);
        assert!(!leaf.map_input && !leaf.map_output, "the map of Leaf is used only by an unreached type");
        let chains: Vec<Vec<Container>> = r.containers(object(&n, "Leaf")).into_iter().map(|c| c.chain).collect();
        assert_eq!(chains, vec![vec![Container::Array]]);
        assert_eq!(r.of(object(&n, "Unused")), Forms::default());
        assert!(r.containers(Base::Resource(0)).is_empty(), "no resource containers unless asked for");
    }

    #[test]
    fn language_options_widen_the_forms() {
        let go = serde_json::json!({ "generateExtraInputTypes": true, "generateResourceContainerTypes": true });
        let (r, n) = reach(schema(go));
        let unused = r.of(object(&n, "Unused"));
        assert!(unused.input && unused.output, "extra input types: every type gets its input form");
        assert!(r.of(object(&n, "Leaf")).map_input);
        let res: Vec<ContainerForm> = r.containers(Base::Resource(0));
        assert_eq!(res.len(), 2);
        assert!(res.iter().all(|c| c.input));
    }
}
