//! The Go emitter. Go is typed: literals are wrapped by the target's shape (`pulumi.String`,
//! `pulumi.StringArray`, `&pkg.XArgs{}`), data sources are plain invokes whose results are
//! plain values, and anything the subset cannot type fails the example.

use std::cell::RefCell;
use std::collections::BTreeSet;

use bridgegen_schema::TypeSpec;

use super::langs::{quote, split_token};
use super::{Catalog, Ex, Kind, Part, Program, Ref, Step};
use crate::meta::Shape;

fn upper(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

struct Go<'a> {
    p: &'a Program,
    cats: &'a [Catalog<'a>],
    imports: RefCell<BTreeSet<String>>,
}

fn shape_of_type(t: &TypeSpec) -> Shape {
    if let Some(r) = &t.ref_ {
        return match r.strip_prefix("#/types/") {
            Some(tok) => Shape::Object(tok.to_string()),
            None => Shape::Any,
        };
    }
    match t.type_.as_deref() {
        Some("string") => Shape::String,
        Some("number" | "integer") => Shape::Number,
        Some("boolean") => Shape::Bool,
        Some("array") => Shape::List(Box::new(t.items.as_deref().map(shape_of_type).unwrap_or(Shape::Any))),
        Some("object") => {
            Shape::Map(Box::new(t.additional_properties.as_deref().map(shape_of_type).unwrap_or(Shape::Any)))
        }
        _ => Shape::Any,
    }
}

impl Go<'_> {
    /// The Go package identifier for a token's module (recording its import).
    fn pkg(&self, ci: usize, token: &str) -> String {
        let c = &self.cats[ci];
        let base = c
            .language("go", "importBasePath")
            .unwrap_or_else(|| format!("github.com/pulumi/pulumi-{0}/sdk/go/{0}", c.meta.package));
        let (module, _) = split_token(token);
        let (path, id) = if module == "index" {
            (base.clone(), base.rsplit('/').next().unwrap_or(&c.meta.package).replace('-', ""))
        } else {
            let dir = module.to_lowercase();
            (format!("{base}/{dir}"), dir.rsplit('/').next().unwrap_or(&dir).replace('-', ""))
        };
        self.imports.borrow_mut().insert(format!("\"{path}\""));
        id
    }

    fn catalog_of(&self, token: &str) -> usize {
        self.cats.iter().position(|c| token.starts_with(&format!("{}:", c.meta.package))).unwrap_or(0)
    }

    fn scalar(shape: &Shape, lit: String) -> Result<String, String> {
        Ok(match shape {
            Shape::String => format!("pulumi.String({lit})"),
            Shape::Number => format!("pulumi.Float64({lit})"),
            Shape::Bool => format!("pulumi.Bool({lit})"),
            Shape::Any => format!("pulumi.Any({lit})"),
            _ => return Err("Go: a scalar where a collection is expected".into()),
        })
    }

    /// A value for a resource input of `shape`.
    fn input(&self, e: &Ex, shape: &Shape) -> Result<String, String> {
        match e {
            Ex::Str(s) => Self::scalar(shape, quote(s)),
            Ex::Num(n) => Self::scalar(shape, n.clone()),
            Ex::Bool(b) => Self::scalar(shape, b.to_string()),
            Ex::Null => Err("Go: null values are not converted".into()),
            Ex::Tmpl(parts) => {
                let (fmt, args) = self.format(parts, false)?;
                Ok(format!(
                    "pulumi.Sprintf({}{})",
                    quote(&fmt),
                    args.iter().map(|a| format!(", {a}")).collect::<String>()
                ))
            }
            Ex::List(items) => {
                let elem = match shape {
                    Shape::List(e) => (**e).clone(),
                    _ => return Err("Go: a list where no list is expected".into()),
                };
                let ty = match &elem {
                    Shape::String => "pulumi.StringArray".to_string(),
                    Shape::Number => "pulumi.Float64Array".to_string(),
                    Shape::Bool => "pulumi.BoolArray".to_string(),
                    Shape::Any => "pulumi.Array".to_string(),
                    Shape::Object(t) => format!("{}.{}Array", self.pkg(self.catalog_of(t), t), split_token(t).1),
                    _ => return Err("Go: nested collections are not converted".into()),
                };
                let items = items.iter().map(|i| self.input(i, &elem)).collect::<Result<Vec<_>, _>>()?;
                Ok(format!(
                    "{ty}{{\n{}\n}}",
                    items.iter().map(|i| format!("\t{},", i.replace('\n', "\n\t"))).collect::<Vec<_>>().join("\n")
                ))
            }
            Ex::Map(items) => {
                let (ty, elem) = match shape {
                    Shape::Map(e) if **e == Shape::String => ("pulumi.StringMap", Shape::String),
                    _ => ("pulumi.Map", Shape::Any),
                };
                let items = items
                    .iter()
                    .map(|(k, v)| Ok(format!("\t{}: {},", quote(k), self.input(v, &elem)?)))
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(format!("{ty}{{\n{}\n}}", items.join("\n")))
            }
            Ex::Obj(ci, token, items) => {
                let spec = self.cats[*ci].spec.types.get(token).ok_or_else(|| format!("Go: unknown type {token}"))?;
                let mut fields = Vec::new();
                for (k, v) in items {
                    let t =
                        spec.object.properties.get(k).ok_or_else(|| format!("Go: `{k}` is not a field of {token}"))?;
                    fields.push(format!(
                        "\t{}: {},",
                        upper(k),
                        self.input(v, &shape_of_type(&t.type_spec))?.replace('\n', "\n\t")
                    ));
                }
                Ok(format!("&{}.{}Args{{\n{}\n}}", self.pkg(*ci, token), split_token(token).1, fields.join("\n")))
            }
            Ex::Ref(r) => self.ref_input(r, shape),
        }
    }

    fn ref_input(&self, r: &Ref, shape: &Shape) -> Result<String, String> {
        let n = &self.p.nodes[r.node];
        match n.kind {
            Kind::Resource => match r.steps.as_slice() {
                [Step::Attr(a)] if a == "id" => Ok(format!("{}.ID()", n.var)),
                [Step::Attr(a)] => Ok(format!("{}.{}", n.var, upper(a))),
                _ => Err("Go: traversing into a resource output is not converted".into()),
            },
            _ => {
                let plain = self.plain_ref(r)?;
                match (&r.shape, shape) {
                    (Shape::List(e), _) if **e == Shape::String => Ok(format!("pulumi.ToStringArray({plain})")),
                    (s, _) if matches!(s, Shape::String | Shape::Number | Shape::Bool) => Self::scalar(s, plain),
                    _ => Err("Go: a collection-valued plain reference is not converted".into()),
                }
            }
        }
    }

    /// A plain Go value: a config variable, a local or a data source result.
    fn plain_ref(&self, r: &Ref) -> Result<String, String> {
        let n = &self.p.nodes[r.node];
        if n.kind == Kind::Resource {
            return Err("Go: a plain value (data source argument or local) uses a resource output".into());
        }
        if r.optional {
            return Err("Go: a reference through an optional data source result is not converted".into());
        }
        let mut s = n.var.clone();
        for step in &r.steps {
            match step {
                Step::Attr(a) => s.push_str(&format!(".{}", upper(a))),
                Step::Index(i) => s.push_str(&format!("[{i}]")),
            }
        }
        Ok(s)
    }

    /// A `Sprintf` format and its arguments; `plain` requires plain arguments.
    fn format(&self, parts: &[Part], plain: bool) -> Result<(String, Vec<String>), String> {
        let mut fmt = String::new();
        let mut args = Vec::new();
        for part in parts {
            match part {
                Part::Lit(l) => fmt.push_str(&l.replace('%', "%%")),
                Part::Ex(Ex::Ref(r)) => {
                    fmt.push_str("%v");
                    let n = &self.p.nodes[r.node];
                    args.push(if n.kind == Kind::Resource && !plain {
                        self.ref_input(r, &Shape::Any)?
                    } else {
                        self.plain_ref(r)?
                    });
                }
                Part::Ex(Ex::Str(s)) => fmt.push_str(&s.replace('%', "%%")),
                Part::Ex(Ex::Num(n)) => fmt.push_str(n),
                _ => return Err("Go: only references are interpolated".into()),
            }
        }
        Ok((fmt, args))
    }

    /// A plain Go value for a data source argument (pointer when optional) or a local.
    fn plain(&self, e: &Ex, shape: &Shape, required: bool) -> Result<String, String> {
        let wrap = |lit: String, s: &Shape| -> Result<String, String> {
            if required {
                return Ok(lit);
            }
            Ok(match s {
                Shape::String => format!("pulumi.StringRef({lit})"),
                Shape::Number => format!("pulumi.Float64Ref({lit})"),
                Shape::Bool => format!("pulumi.BoolRef({lit})"),
                _ => return Err("Go: an optional non-scalar data source argument is not converted".into()),
            })
        };
        match e {
            Ex::Str(s) => wrap(quote(s), &Shape::String),
            Ex::Num(n) => wrap(format!("float64({n})"), &Shape::Number),
            Ex::Bool(b) => wrap(b.to_string(), &Shape::Bool),
            Ex::Ref(r) => wrap(self.plain_ref(r)?, &r.shape),
            Ex::Tmpl(parts) => {
                let (fmt, args) = self.format(parts, true)?;
                self.imports.borrow_mut().insert("\"fmt\"".into());
                wrap(
                    format!(
                        "fmt.Sprintf({}{})",
                        quote(&fmt),
                        args.iter().map(|a| format!(", {a}")).collect::<String>()
                    ),
                    &Shape::String,
                )
            }
            Ex::List(items) if matches!(shape, Shape::List(e) if **e == Shape::String) => {
                let items = items.iter().map(|i| self.plain(i, &Shape::String, true)).collect::<Result<Vec<_>, _>>()?;
                Ok(format!("[]string{{{}}}", items.join(", ")))
            }
            _ => Err("Go: this data source argument is not converted".into()),
        }
    }
}

pub fn go(p: &Program, cats: &[Catalog]) -> Result<String, String> {
    let g = Go { p, cats, imports: RefCell::new(BTreeSet::new()) };
    g.imports.borrow_mut().insert("\"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"".into());
    let mut body = String::new();
    let mut err_declared = false;
    let mut assign = |var: &str, used: bool| -> String {
        let lhs = if used { var.to_string() } else { "_".to_string() };
        let op = if used || !err_declared { ":=" } else { "=" };
        err_declared = true;
        format!("{lhs}, err {op}")
    };
    if p.nodes.iter().any(|n| n.kind == Kind::Var) {
        g.imports.borrow_mut().insert("\"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config\"".into());
        body.push_str("cfg := config.New(ctx, \"\")\n");
    }
    for &i in &p.order {
        let n = &p.nodes[i];
        let (_, member) = split_token(&n.token);
        match n.kind {
            Kind::Var => {
                let (getter, zero, lit) = match &n.value {
                    Some(Ex::Num(v)) => ("Float64", "0", format!("float64({v})")),
                    Some(Ex::Bool(b)) => ("Bool", "false", b.to_string()),
                    Some(Ex::Str(s)) => ("", "\"\"", quote(s)),
                    None => ("", "", String::new()),
                    _ => return Err("Go: this variable default is not converted".into()),
                };
                if n.value.is_none() {
                    body.push_str(&format!("{} := cfg.Require({})\n", n.var, quote(&n.var)));
                } else {
                    body.push_str(&format!(
                        "{v} := {lit}\nif param := cfg.Get{getter}({k}); param != {zero} {{\n\t{v} = param\n}}\n",
                        v = n.var,
                        k = quote(&n.var)
                    ));
                }
                if !n.used {
                    body.push_str(&format!("_ = {}\n", n.var));
                }
            }
            Kind::Local => {
                let v = n.value.as_ref().ok_or("Go: an empty local")?;
                body.push_str(&format!("{} := {}\n", n.var, g.plain(v, &n.shape, true)?));
                if !n.used {
                    body.push_str(&format!("_ = {}\n", n.var));
                }
            }
            Kind::Resource => {
                let pkg = g.pkg(n.catalog, &n.token);
                let name = n.tf_name.split_once('.').map(|x| x.1).unwrap_or(&n.tf_name);
                let mut fields = Vec::new();
                for (f, e) in &n.args {
                    if matches!(e, Ex::Null) {
                        continue;
                    }
                    fields.push(format!("\t{}: {},", upper(&f.name), g.input(e, &f.shape)?.replace('\n', "\n\t")));
                }
                body.push_str(&format!(
                    "{} {pkg}.New{member}(ctx, {}, &{pkg}.{member}Args{{\n{}\n}})\nif err != nil {{\n\treturn err\n}}\n",
                    assign(&n.var, n.used),
                    quote(name),
                    fields.join("\n")
                ));
            }
            Kind::Data => {
                let pkg = g.pkg(n.catalog, &n.token);
                let fname = upper(member);
                let has_inputs = n.fields.values().any(|f| f.input);
                let call = if has_inputs {
                    let mut fields = Vec::new();
                    for (f, e) in &n.args {
                        fields.push(format!("\t{}: {},", upper(&f.name), g.plain(e, &f.shape, f.required)?));
                    }
                    format!("{pkg}.{fname}(ctx, &{pkg}.{fname}Args{{\n{}\n}}, nil)", fields.join("\n"))
                } else {
                    format!("{pkg}.{fname}(ctx)")
                };
                body.push_str(&format!("{} {call}\nif err != nil {{\n\treturn err\n}}\n", assign(&n.var, n.used)));
            }
        }
    }
    body.push_str("return nil\n");
    let imports = g.imports.borrow().iter().map(|i| format!("\t{i}\n")).collect::<String>();
    let body = body
        .lines()
        .map(|l| if l.is_empty() { String::new() } else { format!("\t\t{l}") })
        .collect::<Vec<_>>()
        .join("\n");
    Ok(format!("package main\n\nimport (\n{imports})\n\nfunc main() {{\n\tpulumi.Run(func(ctx *pulumi.Context) error {{\n{body}\n\t}})\n}}\n"))
}
