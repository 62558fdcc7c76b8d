//! TypeScript, Python and C# emitters (Go is in `go.rs`: it needs types).

use heck::{ToSnakeCase, ToUpperCamelCase};

use super::{Catalog, Ex, Kind, Node, Part, Program, Ref, Step};

/// `(module, member)` of a token `pkg:module/x:Member`.
pub fn split_token(token: &str) -> (&str, &str) {
    let mut parts = token.split(':');
    let _pkg = parts.next();
    let mid = parts.next().unwrap_or("index");
    let module = mid.split('/').next().unwrap_or("index");
    (module, parts.next().unwrap_or(""))
}

pub fn quote(s: &str) -> String {
    serde_json::to_string(s).expect("string")
}

fn indent(s: &str, by: &str) -> String {
    s.lines().map(|l| if l.is_empty() { String::new() } else { format!("{by}{l}") }).collect::<Vec<_>>().join("\n")
}

fn ident(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

// ---------- TypeScript ----------

fn ts_alias(c: &Catalog) -> String {
    heck::ToLowerCamelCase::to_lower_camel_case(c.meta.package.as_str())
}

fn ts_qual(c: &Catalog, token: &str, suffix: &str) -> String {
    let (module, member) = split_token(token);
    let module = if module == "index" { String::new() } else { format!(".{module}") };
    format!("{}{module}.{member}{suffix}", ts_alias(c))
}

fn ts_ex(e: &Ex, p: &Program) -> String {
    match e {
        Ex::Str(s) => quote(s),
        Ex::Num(n) => n.clone(),
        Ex::Bool(b) => b.to_string(),
        Ex::Null => "undefined".into(),
        Ex::List(items) => {
            let parts: Vec<String> = items.iter().map(|i| ts_ex(i, p)).collect();
            if parts.iter().any(|x| x.contains('\n')) {
                format!("[\n{}\n]", indent(&parts.join(",\n"), "    ") + ",")
            } else {
                format!("[{}]", parts.join(", "))
            }
        }
        Ex::Map(items) => ts_obj(items.iter().map(|(k, v)| (quote(k), ts_ex(v, p)))),
        Ex::Obj(_, _, items) => {
            ts_obj(items.iter().map(|(k, v)| (if ident(k) { k.clone() } else { quote(k) }, ts_ex(v, p))))
        }
        Ex::Ref(r) => ts_ref(r, p),
        Ex::Tmpl(parts) => {
            let mut s = String::from("pulumi.interpolate`");
            for part in parts {
                match part {
                    Part::Lit(l) => s.push_str(&l.replace('\\', "\\\\").replace('`', "\\`").replace("${", "\\${")),
                    Part::Ex(x) => s.push_str(&format!("${{{}}}", ts_ex(x, p))),
                }
            }
            s.push('`');
            s
        }
    }
}

fn ts_obj(items: impl Iterator<Item = (String, String)>) -> String {
    let body: Vec<String> = items.map(|(k, v)| format!("{k}: {v},")).collect();
    if body.is_empty() {
        return "{}".into();
    }
    format!("{{\n{}\n}}", indent(&body.join("\n"), "    "))
}

fn ts_ref(r: &Ref, p: &Program) -> String {
    let mut s = p.nodes[r.node].var.clone();
    for step in &r.steps {
        match step {
            Step::Attr(a) => s.push_str(&format!(".{a}")),
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

pub fn typescript(p: &Program, cats: &[Catalog]) -> Result<String, String> {
    let mut out = String::from("import * as pulumi from \"@pulumi/pulumi\";\n");
    for (i, c) in cats.iter().enumerate() {
        if p.nodes.iter().any(|n| n.catalog == i && matches!(n.kind, Kind::Resource | Kind::Data)) {
            let npm = c.language("nodejs", "packageName").unwrap_or_else(|| format!("@pulumi/{}", c.meta.package));
            out.push_str(&format!("import * as {} from {};\n", ts_alias(c), quote(&npm)));
        }
    }
    out.push('\n');
    if p.nodes.iter().any(|n| n.kind == Kind::Var) {
        out.push_str("const config = new pulumi.Config();\n");
    }
    for &i in &p.order {
        let n = &p.nodes[i];
        let c = &cats[n.catalog];
        let args = || ts_obj(n.args.iter().map(|(f, e)| (f.name.clone(), ts_ex(e, p))));
        out.push_str(&match n.kind {
            Kind::Var => {
                let get = match n.value {
                    Some(Ex::Num(_)) => "getNumber",
                    Some(Ex::Bool(_)) => "getBoolean",
                    _ => "get",
                };
                match &n.value {
                    Some(v) => format!("const {} = config.{get}({}) ?? {};\n", n.var, quote(&n.var), ts_ex(v, p)),
                    None => format!("const {} = config.require({});\n", n.var, quote(&n.var)),
                }
            }
            Kind::Local => format!("const {} = {};\n", n.var, ts_ex(n.value.as_ref().unwrap_or(&Ex::Null), p)),
            Kind::Resource => {
                let name = n.tf_name.split_once('.').map(|x| x.1).unwrap_or(&n.tf_name);
                format!("const {} = new {}({}, {});\n", n.var, ts_qual(c, &n.token, ""), quote(name), args())
            }
            Kind::Data => format!(
                "const {} = {}({});\n",
                n.var,
                ts_qual(c, &n.token, "Output"),
                if n.args.is_empty() { String::new() } else { args() }
            ),
        });
    }
    Ok(out)
}

// ---------- Python ----------

fn py_module(c: &Catalog) -> (String, String) {
    let import =
        c.language("python", "packageName").unwrap_or_else(|| format!("pulumi_{}", c.meta.package.replace('-', "_")));
    (import, c.meta.package.to_snake_case())
}

fn py_qual(c: &Catalog, token: &str, function: bool) -> String {
    let (module, member) = split_token(token);
    let module = if module == "index" { String::new() } else { format!(".{}", module.to_lowercase()) };
    let member = if function { format!("{}_output", member.to_snake_case()) } else { member.to_string() };
    format!("{}{module}.{member}", py_module(c).1)
}

fn py_ex(e: &Ex, p: &Program) -> String {
    match e {
        Ex::Str(s) => quote(s),
        Ex::Num(n) => n.clone(),
        Ex::Bool(b) => if *b { "True" } else { "False" }.into(),
        Ex::Null => "None".into(),
        Ex::List(items) => format!("[{}]", items.iter().map(|i| py_ex(i, p)).collect::<Vec<_>>().join(", ")),
        Ex::Map(items) => py_dict(items.iter().map(|(k, v)| (k.clone(), py_ex(v, p)))),
        Ex::Obj(_, _, items) => py_dict(items.iter().map(|(k, v)| (k.to_snake_case(), py_ex(v, p)))),
        Ex::Ref(r) => {
            let mut s = p.nodes[r.node].var.to_snake_case();
            for step in &r.steps {
                match step {
                    Step::Attr(a) => s.push_str(&format!(".{}", a.to_snake_case())),
                    Step::Index(i) => s.push_str(&format!("[{i}]")),
                }
            }
            s
        }
        Ex::Tmpl(parts) => {
            let mut fmt = String::new();
            let mut args = Vec::new();
            for part in parts {
                match part {
                    Part::Lit(l) => fmt.push_str(&l.replace('{', "{{").replace('}', "}}")),
                    Part::Ex(x) => {
                        fmt.push_str(&format!("{{{}}}", args.len()));
                        args.push(py_ex(x, p));
                    }
                }
            }
            format!("pulumi.Output.format({}, {})", quote(&fmt), args.join(", "))
        }
    }
}

fn py_dict(items: impl Iterator<Item = (String, String)>) -> String {
    let body: Vec<String> = items.map(|(k, v)| format!("{}: {v},", quote(&k))).collect();
    if body.is_empty() {
        return "{}".into();
    }
    format!("{{\n{}\n}}", indent(&body.join("\n"), "    "))
}

pub fn python(p: &Program, cats: &[Catalog]) -> Result<String, String> {
    let mut out = String::from("import pulumi\n");
    for (i, c) in cats.iter().enumerate() {
        if p.nodes.iter().any(|n| n.catalog == i && matches!(n.kind, Kind::Resource | Kind::Data)) {
            let (import, alias) = py_module(c);
            out.push_str(&format!("import {import} as {alias}\n"));
        }
    }
    out.push('\n');
    if p.nodes.iter().any(|n| n.kind == Kind::Var) {
        out.push_str("config = pulumi.Config()\n");
    }
    for &i in &p.order {
        let n = &p.nodes[i];
        let c = &cats[n.catalog];
        let var = n.var.to_snake_case();
        let kwargs = |lead: Option<String>| {
            let mut a: Vec<String> = lead.into_iter().collect();
            a.extend(n.args.iter().map(|(f, e)| format!("{}={}", f.name.to_snake_case(), py_ex(e, p))));
            if a.is_empty() {
                String::new()
            } else {
                a.join(",\n    ")
            }
        };
        out.push_str(&match n.kind {
            Kind::Var => {
                let get = match n.value {
                    Some(Ex::Num(_)) => "get_float",
                    Some(Ex::Bool(_)) => "get_bool",
                    _ => "get",
                };
                match &n.value {
                    Some(v) => format!(
                        "{var} = config.{get}({})\nif {var} is None:\n    {var} = {}\n",
                        quote(&n.var),
                        py_ex(v, p)
                    ),
                    None => format!("{var} = config.require({})\n", quote(&n.var)),
                }
            }
            Kind::Local => format!("{var} = {}\n", py_ex(n.value.as_ref().unwrap_or(&Ex::Null), p)),
            Kind::Resource => {
                let name = n.tf_name.split_once('.').map(|x| x.1).unwrap_or(&n.tf_name);
                format!("{var} = {}({})\n", py_qual(c, &n.token, false), kwargs(Some(quote(name))))
            }
            Kind::Data => format!("{var} = {}({})\n", py_qual(c, &n.token, true), kwargs(None)),
        });
    }
    Ok(out)
}

// ---------- C# ----------

pub fn cs_namespace(c: &Catalog) -> (String, String) {
    let root = c.language("csharp", "rootNamespace").unwrap_or_else(|| "Pulumi".into());
    let ns = |name: &str| {
        c.spec
            .language
            .get("csharp")
            .and_then(|l| l.get("namespaces"))
            .and_then(|m| m.get(name))
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| name.to_upper_camel_case())
    };
    let alias = ns(&c.meta.package);
    (format!("{root}.{alias}"), alias)
}

fn cs_module(c: &Catalog, module: &str) -> String {
    let alias = cs_namespace(c).1;
    if module == "index" {
        return alias;
    }
    let m = c
        .spec
        .language
        .get("csharp")
        .and_then(|l| l.get("namespaces"))
        .and_then(|m| m.get(module))
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .unwrap_or_else(|| module.to_upper_camel_case());
    format!("{alias}.{m}")
}

fn cs_ex(e: &Ex, p: &Program, cats: &[Catalog]) -> Result<String, String> {
    Ok(match e {
        Ex::Str(s) => quote(s),
        Ex::Num(n) => n.clone(),
        Ex::Bool(b) => b.to_string(),
        Ex::Null => "null".into(),
        Ex::List(items) => {
            let parts = items.iter().map(|i| cs_ex(i, p, cats)).collect::<Result<Vec<_>, _>>()?;
            let lit = items.iter().filter(|i| matches!(i, Ex::Str(_) | Ex::Num(_) | Ex::Bool(_))).count();
            if lit != 0 && lit != items.len() {
                return Err("C#: a list mixing literals and outputs is not converted".into());
            }
            format!(
                "new[]\n{{\n{}\n}}",
                indent(&parts.iter().map(|x| format!("{x},")).collect::<Vec<_>>().join("\n"), "    ")
            )
        }
        Ex::Map(items) => {
            let body = items
                .iter()
                .map(|(k, v)| Ok(format!("{{ {}, {} }},", quote(k), cs_ex(v, p, cats)?)))
                .collect::<Result<Vec<_>, String>>()?;
            format!("\n{{\n{}\n}}", indent(&body.join("\n"), "    "))
        }
        Ex::Obj(ci, token, items) => {
            let (module, member) = split_token(token);
            let c = &cats[*ci];
            format!("new {}.Inputs.{member}Args\n{}", cs_module(c, module), cs_init(items, p, cats)?)
        }
        Ex::Ref(r) => cs_ref(r, p),
        Ex::Tmpl(parts) => {
            let mut s = String::from("Output.Format($\"");
            for part in parts {
                match part {
                    Part::Lit(l) => {
                        s.push_str(&l.replace('\\', "\\\\").replace('"', "\\\"").replace('{', "{{").replace('}', "}}"))
                    }
                    Part::Ex(x) => s.push_str(&format!("{{{}}}", cs_ex(x, p, cats)?)),
                }
            }
            s.push_str("\")");
            s
        }
    })
}

fn cs_init(items: &[(String, Ex)], p: &Program, cats: &[Catalog]) -> Result<String, String> {
    let body = items
        .iter()
        .map(|(k, v)| Ok(format!("{} = {},", k.to_upper_camel_case(), cs_ex(v, p, cats)?)))
        .collect::<Result<Vec<_>, String>>()?;
    Ok(format!("{{\n{}\n}}", indent(&body.join("\n"), "    ")))
}

fn cs_steps(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| match s {
            Step::Attr(a) => format!(".{}", a.to_upper_camel_case()),
            Step::Index(i) => format!("[{i}]"),
        })
        .collect()
}

fn cs_ref(r: &Ref, p: &Program) -> String {
    let n: &Node = &p.nodes[r.node];
    match n.kind {
        Kind::Var | Kind::Local => n.var.clone(),
        Kind::Data => format!("{}.Apply(result => result{})", n.var, cs_steps(&r.steps)),
        Kind::Resource => match r.steps.split_first() {
            Some((first, [])) => format!("{}{}", n.var, cs_steps(std::slice::from_ref(first))),
            Some((first, rest)) => {
                format!("{}{}.Apply(value => value{})", n.var, cs_steps(std::slice::from_ref(first)), cs_steps(rest))
            }
            None => n.var.clone(),
        },
    }
}

pub fn csharp(p: &Program, cats: &[Catalog]) -> Result<String, String> {
    let mut out = String::from("using System.Collections.Generic;\nusing System.Linq;\nusing Pulumi;\n");
    for (i, c) in cats.iter().enumerate() {
        if p.nodes.iter().any(|n| n.catalog == i && matches!(n.kind, Kind::Resource | Kind::Data)) {
            let (ns, alias) = cs_namespace(c);
            out.push_str(&format!("using {alias} = {ns};\n"));
        }
    }
    out.push_str("\nreturn await Deployment.RunAsync(() =>\n{\n");
    let mut body = String::new();
    if p.nodes.iter().any(|n| n.kind == Kind::Var) {
        body.push_str("var config = new Config();\n");
    }
    for &i in &p.order {
        let n = &p.nodes[i];
        let c = &cats[n.catalog];
        let (module, member) = split_token(&n.token);
        body.push_str(&match n.kind {
            Kind::Var => {
                let get = match n.value {
                    Some(Ex::Num(_)) => "GetDouble",
                    Some(Ex::Bool(_)) => "GetBoolean",
                    _ => "Get",
                };
                match &n.value {
                    Some(v) => format!("var {} = config.{get}({}) ?? {};\n", n.var, quote(&n.var), cs_ex(v, p, cats)?),
                    None => format!("var {} = config.Require({});\n", n.var, quote(&n.var)),
                }
            }
            Kind::Local => format!("var {} = {};\n", n.var, cs_ex(n.value.as_ref().unwrap_or(&Ex::Null), p, cats)?),
            Kind::Resource => {
                let name = n.tf_name.split_once('.').map(|x| x.1).unwrap_or(&n.tf_name);
                let items: Vec<(String, Ex)> = n.args.iter().map(|(f, e)| (f.name.clone(), e.clone())).collect();
                format!(
                    "var {} = new {}.{member}({}, new()\n{});\n\n",
                    n.var,
                    cs_module(c, module),
                    quote(name),
                    cs_init(&items, p, cats)?
                )
            }
            Kind::Data => {
                let items: Vec<(String, Ex)> = n.args.iter().map(|(f, e)| (f.name.clone(), e.clone())).collect();
                let args =
                    if items.is_empty() { String::new() } else { format!("new()\n{}", cs_init(&items, p, cats)?) };
                format!("var {} = {}.{}.Invoke({args});\n\n", n.var, cs_module(c, module), member.to_upper_camel_case())
            }
        });
    }
    out.push_str(&indent(body.trim_end(), "    "));
    out.push_str("\n});\n");
    Ok(out)
}
