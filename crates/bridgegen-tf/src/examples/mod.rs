//! HCL examples -> TypeScript, Python, Go and C#, for the common subset: `resource` and `data`
//! blocks, `variable`s with defaults, `locals`, literals, lists, maps, nested blocks,
//! references (`alicloud_vpc.default.id`, `data.x.y.ids[0]`, `.zones.0.id`) and `${}`
//! interpolation. The HCL is parsed with `hcl-rs`; anything outside the subset makes the whole
//! example fail with a reason (it is left out, never half converted).

mod go;
mod langs;
mod order;

use order::order;

use indexmap::IndexMap;

use bridgegen_schema::PackageSpec;
use hcl::expr::{Expression, TraversalOperator};
use hcl::structure::{Block, Body, Structure};
use hcl::template::{Element, Template};

use crate::meta::{BridgeMetadata, FieldMeta, ItemMeta, Shape};
use crate::names;

/// One bridged package the examples can use, with its per-language names.
pub struct Catalog<'a> {
    pub meta: &'a BridgeMetadata,
    pub spec: &'a PackageSpec,
}

impl<'a> Catalog<'a> {
    pub fn new(meta: &'a BridgeMetadata, spec: &'a PackageSpec) -> Catalog<'a> {
        Catalog { meta, spec }
    }

    fn language(&self, lang: &str, key: &str) -> Option<String> {
        self.spec.language.get(lang).and_then(|l| l.get(key)).and_then(|v| v.as_str()).map(str::to_string)
    }
}

/// A typed expression of the example.
#[derive(Debug, Clone)]
pub enum Ex {
    Str(String),
    Num(String),
    Bool(bool),
    Null,
    List(Vec<Ex>),
    Map(Vec<(String, Ex)>),
    /// An object of a named type: (catalog, type token, fields by Pulumi name).
    Obj(usize, String, Vec<(String, Ex)>),
    Ref(Ref),
    Tmpl(Vec<Part>),
}

#[derive(Debug, Clone)]
pub enum Part {
    Lit(String),
    Ex(Ex),
}

#[derive(Debug, Clone)]
pub struct Ref {
    /// Index into [`Program::nodes`].
    pub node: usize,
    pub steps: Vec<Step>,
    /// The shape of the value reached.
    pub shape: Shape,
    /// Some step went through a field that may be absent.
    pub optional: bool,
}

#[derive(Debug, Clone)]
pub enum Step {
    /// A Pulumi property name; `id` on a resource is its id.
    Attr(String),
    Index(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Resource,
    Data,
    Var,
    Local,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    /// The Terraform name (`default`, `another_uid`).
    pub tf_name: String,
    /// camelCase variable name.
    pub var: String,
    pub catalog: usize,
    pub token: String,
    /// Arguments (Pulumi name, Terraform field meta, value); for variables: the default.
    pub args: Vec<(FieldMeta, Ex)>,
    pub value: Option<Ex>,
    pub shape: Shape,
    pub used: bool,
    /// The item's fields by Terraform name (resources and data sources).
    pub fields: IndexMap<String, FieldMeta>,
}

pub struct Program {
    pub nodes: Vec<Node>,
    /// Emission order: every node after the nodes it references.
    pub order: Vec<usize>,
}

/// Converts one HCL example to `[typescript, python, go, csharp]`.
pub fn convert(code: &str, catalogs: &[Catalog]) -> Result<[String; 4], String> {
    let body: Body = hcl::parse(code)
        .map_err(|e| format!("the HCL does not parse: {}", e.to_string().lines().next().unwrap_or("")))?;
    let program = build(&body, catalogs)?;
    Ok([
        langs::typescript(&program, catalogs)?,
        langs::python(&program, catalogs)?,
        go::go(&program, catalogs)?,
        langs::csharp(&program, catalogs)?,
    ])
}

const KEYWORDS: &[&str] = &[
    "default",
    "var",
    "class",
    "new",
    "function",
    "import",
    "package",
    "type",
    "func",
    "return",
    "if",
    "else",
    "for",
    "in",
    "is",
    "not",
    "and",
    "or",
    "lambda",
    "true",
    "false",
    "null",
    "string",
    "int",
    "object",
    "this",
    "base",
    "let",
    "const",
    "range",
    "map",
    "chan",
    "go",
    "interface",
    "struct",
    "select",
    "switch",
    "case",
    "break",
    "continue",
    "delete",
    "async",
    "await",
    "yield",
    "from",
    "with",
    "as",
    "pass",
    "def",
    "del",
    "global",
    "try",
    "except",
    "raise",
    "finally",
    "while",
    "static",
    "public",
    "private",
    "event",
    "operator",
    "namespace",
    "using",
    "config",
    "pulumi",
    "ctx",
    "err",
    "cfg",
];

fn lookup<'c>(catalogs: &'c [Catalog], data: bool, tf_type: &str) -> Option<(usize, &'c ItemMeta)> {
    catalogs.iter().enumerate().find_map(|(i, c)| {
        let m = if data { &c.meta.data_sources } else { &c.meta.resources };
        m.get(tf_type).map(|it| (i, it))
    })
}

fn label(b: &Block, i: usize) -> Option<String> {
    b.labels.get(i).map(|l| l.as_str().to_string())
}

fn build(body: &Body, catalogs: &[Catalog]) -> Result<Program, String> {
    // Pass 1: declare every node so references can point forward.
    let mut nodes: Vec<Node> = Vec::new();
    let mut blocks: Vec<(usize, &Block)> = Vec::new();
    let mut locals: Vec<(String, &Expression)> = Vec::new();
    for s in body.iter() {
        let Structure::Block(b) = s else { return Err("a top-level attribute outside any block".into()) };
        match b.identifier.as_str() {
            "resource" | "data" => {
                let data = b.identifier.as_str() == "data";
                let (Some(ty), Some(name)) = (label(b, 0), label(b, 1)) else {
                    return Err("a block without type and name labels".into());
                };
                let (cat, item) = lookup(catalogs, data, &ty).ok_or_else(|| {
                    format!("`{ty}` is not a {} of any bridged provider", if data { "data source" } else { "resource" })
                })?;
                let kind = if data { Kind::Data } else { Kind::Resource };
                nodes.push(Node {
                    kind,
                    tf_name: format!("{ty}.{name}"),
                    var: name,
                    catalog: cat,
                    token: item.token.clone(),
                    args: vec![],
                    value: None,
                    shape: Shape::Any,
                    used: false,
                    fields: item.fields.clone(),
                });
                blocks.push((nodes.len() - 1, b));
            }
            "variable" => {
                let name = label(b, 0).ok_or("a variable without a name")?;
                nodes.push(Node {
                    kind: Kind::Var,
                    tf_name: name.clone(),
                    var: name,
                    catalog: 0,
                    token: String::new(),
                    args: vec![],
                    value: None,
                    shape: Shape::String,
                    used: false,
                    fields: IndexMap::new(),
                });
                blocks.push((nodes.len() - 1, b));
            }
            "locals" => {
                for s in b.body.iter() {
                    let Structure::Attribute(a) = s else { return Err("a block inside `locals`".into()) };
                    nodes.push(Node {
                        kind: Kind::Local,
                        tf_name: a.key.to_string(),
                        var: a.key.to_string(),
                        catalog: 0,
                        token: String::new(),
                        args: vec![],
                        value: None,
                        shape: Shape::Any,
                        used: false,
                        fields: IndexMap::new(),
                    });
                    locals.push((a.key.to_string(), &a.expr));
                }
            }
            "terraform" => {}
            other => return Err(format!("`{other}` blocks are not converted")),
        }
    }
    name_variables(&mut nodes);
    let mut prog = Program { nodes, order: Vec::new() };
    // Pass 2: values (locals first: resources may use them).
    for (name, expr) in locals {
        let i = prog.nodes.iter().position(|n| n.kind == Kind::Local && n.tf_name == name).unwrap();
        let v = expression(expr, None, &mut prog, catalogs)?;
        prog.nodes[i].shape = shape_of(&v);
        prog.nodes[i].value = Some(v);
    }
    for (i, b) in blocks {
        match prog.nodes[i].kind {
            Kind::Var => {
                for s in b.body.iter() {
                    match s {
                        Structure::Attribute(a) if a.key.as_str() == "default" => {
                            let v = expression(&a.expr, None, &mut prog, catalogs)?;
                            if !matches!(v, Ex::Str(_) | Ex::Num(_) | Ex::Bool(_)) {
                                return Err(format!(
                                    "variable `{}`: only string, number and bool defaults are converted",
                                    prog.nodes[i].tf_name
                                ));
                            }
                            prog.nodes[i].shape = shape_of(&v);
                            prog.nodes[i].value = Some(v);
                        }
                        Structure::Attribute(a)
                            if matches!(a.key.as_str(), "description" | "type" | "sensitive" | "nullable") => {}
                        _ => {
                            return Err(format!(
                                "variable `{}`: only `default`, `type` and `description` are converted",
                                prog.nodes[i].tf_name
                            ))
                        }
                    }
                }
            }
            _ => {
                let cat = prog.nodes[i].catalog;
                let data = prog.nodes[i].kind == Kind::Data;
                let ty = label(b, 0).unwrap();
                let item = lookup(catalogs, data, &ty).unwrap().1;
                let args = arguments(&b.body, &item.fields, cat, &mut prog, catalogs, &ty)?;
                prog.nodes[i].args = args;
            }
        }
    }
    order(&mut prog)?;
    Ok(prog)
}

/// Variable names: camelCase of the Terraform name, plus the type's name when that name is used twice
/// or is a keyword somewhere.
fn name_variables(nodes: &mut [Node]) {
    let counts: IndexMap<String, usize> = nodes.iter().fold(IndexMap::new(), |mut m, n| {
        *m.entry(n.var.clone()).or_insert(0) += 1;
        m
    });
    for n in nodes.iter_mut() {
        let base = names::camel(&n.var);
        let clash = counts[&n.var] > 1 || KEYWORDS.contains(&base.as_str());
        n.var = if clash && matches!(n.kind, Kind::Resource | Kind::Data) {
            let member = n.token.rsplit(':').next().unwrap_or_default();
            let member = member.strip_prefix("get").unwrap_or(member);
            format!("{base}{}", names::pascal(&heck::ToSnakeCase::to_snake_case(member)))
        } else if clash {
            format!("{base}Value")
        } else {
            base
        };
    }
}

fn arguments(
    body: &Body,
    fields: &IndexMap<String, FieldMeta>,
    cat: usize,
    prog: &mut Program,
    catalogs: &[Catalog],
    what: &str,
) -> Result<Vec<(FieldMeta, Ex)>, String> {
    let mut out: Vec<(FieldMeta, Ex)> = Vec::new();
    for s in body.iter() {
        match s {
            Structure::Attribute(a) => {
                let k = a.key.as_str();
                if matches!(k, "count" | "for_each" | "depends_on" | "provider" | "lifecycle") {
                    return Err(format!("`{k}` is not converted"));
                }
                let f = fields.get(k).ok_or_else(|| format!("`{what}` has no argument `{k}`"))?;
                let v = expression(&a.expr, Some(f), prog, catalogs)?;
                out.push((f.clone(), v));
            }
            Structure::Block(b) => {
                let k = b.identifier.as_str();
                if matches!(k, "lifecycle" | "provisioner" | "connection" | "dynamic") {
                    return Err(format!("`{k}` blocks are not converted"));
                }
                let f = fields.get(k).ok_or_else(|| format!("`{what}` has no block `{k}`"))?;
                let Some(token) = innermost(&f.shape) else { return Err(format!("`{k}` is not a block")) };
                let inner = arguments(&b.body, &f.fields, cat, prog, catalogs, k)?;
                let obj = Ex::Obj(cat, token.to_string(), inner.into_iter().map(|(m, e)| (m.name, e)).collect());
                match &f.shape {
                    Shape::Object(_) => out.push((f.clone(), obj)),
                    Shape::List(_) => match out.iter_mut().find(|(m, _)| m.name == f.name) {
                        Some((_, Ex::List(items))) => items.push(obj),
                        _ => out.push((f.clone(), Ex::List(vec![obj]))),
                    },
                    _ => return Err(format!("map-nested block `{k}` is not converted")),
                }
            }
        }
    }
    Ok(out)
}

fn catalog_of(catalogs: &[Catalog], token: &str) -> usize {
    catalogs.iter().position(|c| token.starts_with(&format!("{}:", c.meta.package))).unwrap_or(0)
}

fn innermost(s: &Shape) -> Option<&str> {
    match s {
        Shape::Object(t) => Some(t),
        Shape::List(e) | Shape::Map(e) => innermost(e),
        _ => None,
    }
}

fn shape_of(e: &Ex) -> Shape {
    match e {
        Ex::Str(_) | Ex::Tmpl(_) => Shape::String,
        Ex::Num(_) => Shape::Number,
        Ex::Bool(_) => Shape::Bool,
        Ex::Ref(r) => r.shape.clone(),
        Ex::List(items) => Shape::List(Box::new(items.first().map(shape_of).unwrap_or(Shape::Any))),
        Ex::Map(items) => Shape::Map(Box::new(items.first().map(|(_, v)| shape_of(v)).unwrap_or(Shape::Any))),
        Ex::Obj(_, t, _) => Shape::Object(t.clone()),
        Ex::Null => Shape::Any,
    }
}

/// An expression, typed by the field it is assigned to (when known).
fn expression(
    e: &Expression,
    field: Option<&FieldMeta>,
    prog: &mut Program,
    catalogs: &[Catalog],
) -> Result<Ex, String> {
    Ok(match e {
        Expression::Null => Ex::Null,
        Expression::Bool(b) => Ex::Bool(*b),
        Expression::Number(n) => Ex::Num(n.to_string()),
        Expression::String(s) => Ex::Str(s.clone()),
        Expression::Array(items) => {
            let elem = field.map(|f| FieldMeta {
                shape: match &f.shape {
                    Shape::List(e) => (**e).clone(),
                    s => s.clone(),
                },
                ..f.clone()
            });
            Ex::List(items.iter().map(|i| expression(i, elem.as_ref(), prog, catalogs)).collect::<Result<_, _>>()?)
        }
        Expression::Object(obj) => {
            let mut pairs = Vec::new();
            for (k, v) in obj.iter() {
                let key = match k {
                    hcl::expr::ObjectKey::Identifier(i) => i.to_string(),
                    hcl::expr::ObjectKey::Expression(Expression::String(s)) => s.clone(),
                    _ => return Err("computed object keys are not converted".into()),
                };
                pairs.push((key, v));
            }
            match field.map(|f| (&f.shape, &f.fields)) {
                Some((Shape::Object(token), fields)) => {
                    let mut out = Vec::new();
                    for (k, v) in pairs {
                        let f = fields.get(&k).ok_or_else(|| format!("object has no field `{k}`"))?;
                        out.push((f.name.clone(), expression(v, Some(f), prog, catalogs)?));
                    }
                    Ex::Obj(catalog_of(catalogs, token), token.clone(), out)
                }
                _ => Ex::Map(
                    pairs
                        .into_iter()
                        .map(|(k, v)| Ok((k, expression(v, None, prog, catalogs)?)))
                        .collect::<Result<_, String>>()?,
                ),
            }
        }
        Expression::TemplateExpr(t) => {
            let tmpl = Template::from_expr(t).map_err(|e| format!("template: {e}"))?;
            let mut parts = Vec::new();
            for el in tmpl.elements() {
                match el {
                    Element::Literal(s) => parts.push(Part::Lit(s.clone())),
                    Element::Interpolation(i) => parts.push(Part::Ex(expression(&i.expr, None, prog, catalogs)?)),
                    Element::Directive(_) => return Err("template directives (%{ }) are not converted".into()),
                }
            }
            match parts.as_slice() {
                [] => Ex::Str(String::new()),
                [Part::Lit(s)] => Ex::Str(s.clone()),
                _ => Ex::Tmpl(parts),
            }
        }
        Expression::Traversal(t) => reference(&t.expr, &t.operators, prog)?,
        Expression::Variable(v) => return Err(format!("a bare `{}` reference is not converted", v.as_str())),
        Expression::Parenthesis(inner) => expression(inner, field, prog, catalogs)?,
        Expression::FuncCall(f) => {
            return Err(format!("function calls (`{}`) are not converted", f.name.name.as_str()))
        }
        Expression::Conditional(_) => return Err("conditional expressions are not converted".into()),
        Expression::Operation(_) => return Err("operators are not converted".into()),
        Expression::ForExpr(_) => return Err("`for` expressions are not converted".into()),
        _ => return Err("an unsupported expression".into()),
    })
}

fn reference(root: &Expression, ops: &[TraversalOperator], prog: &mut Program) -> Result<Ex, String> {
    let Expression::Variable(v) = root else { return Err("a traversal of a non-name".into()) };
    let attr = |i: usize| -> Option<&str> {
        match ops.get(i) {
            Some(TraversalOperator::GetAttr(a)) => Some(a.as_str()),
            _ => None,
        }
    };
    let (node, rest) = match v.as_str() {
        "var" | "local" => {
            let name = attr(0).ok_or("`var`/`local` without a name")?;
            let kind = if v.as_str() == "var" { Kind::Var } else { Kind::Local };
            let i = prog
                .nodes
                .iter()
                .position(|n| n.kind == kind && n.tf_name == name)
                .ok_or_else(|| format!("`{}.{name}` is not declared", v.as_str()))?;
            (i, 1)
        }
        "data" => {
            let (ty, name) = (attr(0).ok_or("`data` without a type")?, attr(1).ok_or("`data` without a name")?);
            let key = format!("{ty}.{name}");
            let i = prog
                .nodes
                .iter()
                .position(|n| n.kind == Kind::Data && n.tf_name == key)
                .ok_or_else(|| format!("`data.{key}` is not declared in the example"))?;
            (i, 2)
        }
        "count" | "each" | "self" | "path" | "terraform" => {
            return Err(format!("`{}.` references are not converted", v.as_str()))
        }
        ty => {
            let name = attr(0).ok_or_else(|| format!("`{ty}` without a name"))?;
            let key = format!("{ty}.{name}");
            let i = prog
                .nodes
                .iter()
                .position(|n| n.kind == Kind::Resource && n.tf_name == key)
                .ok_or_else(|| format!("`{key}` is not declared in the example"))?;
            (i, 1)
        }
    };
    prog.nodes[node].used = true;
    let n = &prog.nodes[node];
    if matches!(n.kind, Kind::Var | Kind::Local) {
        if ops.len() > rest {
            return Err("traversing into a variable or local is not converted".into());
        }
        return Ok(Ex::Ref(Ref { node, steps: vec![], shape: n.shape.clone(), optional: false }));
    }
    let mut steps = Vec::new();
    let mut shape = Shape::Any;
    let mut optional = false;
    let mut fields: Option<IndexMap<String, FieldMeta>> = None;
    let mut max1 = false;
    for (k, op) in ops[rest..].iter().enumerate() {
        match op {
            TraversalOperator::GetAttr(a) => {
                let a = a.as_str();
                let f = if k == 0 {
                    if a == "id" && n.kind == Kind::Resource {
                        steps.push(Step::Attr("id".into()));
                        shape = Shape::String;
                        continue;
                    }
                    item_field(prog, node, a)?
                } else {
                    fields
                        .as_ref()
                        .and_then(|fs| fs.get(a))
                        .cloned()
                        .ok_or_else(|| format!("no attribute `{a}` here"))?
                };
                optional |= !f.output_required;
                steps.push(Step::Attr(f.name.clone()));
                shape = f.shape.clone();
                max1 = f.max_items_one;
                fields = Some(f.fields.clone());
            }
            TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_) => {
                let i = match op {
                    TraversalOperator::LegacyIndex(i) => *i,
                    TraversalOperator::Index(Expression::Number(num)) => num.as_u64().ok_or("a non-integer index")?,
                    _ => return Err("computed indexes are not converted".into()),
                };
                if max1 && i == 0 {
                    // `.block.0.x` of a flattened max_items=1 block is the object itself.
                    max1 = false;
                    continue;
                }
                shape = match shape {
                    Shape::List(e) => *e,
                    _ => return Err("indexing a value that is not a list".into()),
                };
                steps.push(Step::Index(i));
            }
            _ => return Err("splat expressions are not converted".into()),
        }
    }
    if steps.is_empty() {
        return Err(format!("a reference to the whole of `{}` is not converted", n.tf_name));
    }
    Ok(Ex::Ref(Ref { node, steps, shape, optional }))
}

fn item_field(prog: &Program, node: usize, tf_attr: &str) -> Result<FieldMeta, String> {
    let n = &prog.nodes[node];
    n.fields.get(tf_attr).cloned().ok_or_else(|| format!("`{}` has no attribute `{tf_attr}`", n.tf_name))
}
