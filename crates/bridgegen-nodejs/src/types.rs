//! TypeScript type expressions for model types, in the three shapes a property can take:
//! an input (`pulumi.Input<...>` all the way down), a plain input, and an output.

use bridgegen_model::{ExternalKind, ExternalRef, Package, Property, Type};

use crate::context::{self, Names};

/// Which shape of a type to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Resource args, state and input object fields: nested values may be `Input`s.
    Input,
    /// The plain shape (function arguments and everything inside): no `Input` wrappers,
    /// objects by their plain interfaces.
    Plain,
    /// A `plain: true` property of an input-shape type or resource: no `Input` wrapper
    /// around it, but objects keep their input shape (`XArgs`), as in Pulumi's binder.
    PlainInput,
    /// Outputs and results.
    Output,
}

/// Everything a type expression depends on: the package, its names, and where the file
/// that will contain the expression sits (`root` = relative path back to the package root).
pub struct TypeCtx<'a> {
    pub pkg: &'a Package,
    pub names: &'a Names,
    pub root: String,
}

impl<'a> TypeCtx<'a> {
    pub fn new(pkg: &'a Package, names: &'a Names, module: &str) -> Self {
        TypeCtx { pkg, names, root: names.root_prefix(module) }
    }

    /// The type of a value inside the given shape, without an outer `Input` wrapper.
    pub fn inner(&self, ty: &Type, shape: Shape) -> String {
        match ty {
            Type::Boolean => "boolean".into(),
            Type::Integer | Type::Number => "number".into(),
            Type::String => "string".into(),
            Type::Any | Type::Json | Type::Invalid => "any".into(),
            Type::Archive => "pulumi.asset.Archive".into(),
            Type::Asset => "pulumi.asset.Asset | pulumi.asset.Archive".into(),
            Type::Array(e) => {
                let el = self.element(e, shape);
                if el.contains(' ') && !el.starts_with("pulumi.Input<") && !el.starts_with('{') {
                    format!("({el})[]")
                } else {
                    format!("{el}[]")
                }
            }
            Type::Map(e) => format!("{{[key: string]: {}}}", self.element(e, shape)),
            Type::Object(id) => {
                let o = self.pkg.object(*id);
                let ns = self.names.namespace_prefix(&o.token.module);
                let name = self.names.object(*id);
                match shape {
                    Shape::Output => format!("outputs.{ns}{name}"),
                    Shape::Plain => format!("inputs.{ns}{name}"),
                    Shape::Input | Shape::PlainInput => {
                        if self.names.input_has_args_suffix(o) {
                            format!("inputs.{ns}{name}Args")
                        } else {
                            format!("inputs.{ns}{name}")
                        }
                    }
                }
            }
            Type::Enum(id) => {
                let e = self.pkg.enum_type(*id);
                format!("enums.{}{}", self.names.namespace_prefix(&e.token.module), self.names.enum_(*id))
            }
            Type::Resource(id) => {
                let r = self.pkg.resource(*id);
                format!(
                    "import(\"{}{}{}\").{}",
                    self.root,
                    self.names.module_dir(&r.token.module),
                    self.names.resource_file[id.0],
                    self.names.resource(*id)
                )
            }
            Type::Provider => format!("import(\"{}provider\").Provider", self.root),
            Type::Union(u) if shape == Shape::Output && self.names.union_outputs_disabled => match &u.default_type {
                Some(t) => self.inner(t, shape),
                None => "any".into(),
            },
            Type::Union(u) => {
                let mut parts: Vec<String> = Vec::new();
                for e in &u.elements {
                    let s = self.inner(e, shape);
                    if !parts.contains(&s) {
                        parts.push(s);
                    }
                }
                parts.join(" | ")
            }
            Type::External(x) => external(self.names, x, shape),
        }
    }

    /// An array element or map value: wrapped in `pulumi.Input` for the input shape.
    fn element(&self, ty: &Type, shape: Shape) -> String {
        let inner = self.inner(ty, shape);
        // `plain` drops only the outer wrapper: elements of a plain input list stay inputs.
        if matches!(shape, Shape::Input | Shape::PlainInput) {
            format!("pulumi.Input<{inner}>")
        } else {
            inner
        }
    }

    /// The declared type of a property field in an `Args`/`State`/input interface.
    /// Optional fields admit `undefined` explicitly (as `exactOptionalPropertyTypes` needs).
    pub fn input_field(&self, p: &Property, shape: Shape) -> String {
        let shape = match shape {
            Shape::Input if p.plain => Shape::PlainInput,
            s => s,
        };
        let inner = self.inner(&p.ty, shape);
        match (shape, p.required) {
            (Shape::Input, true) => format!("pulumi.Input<{inner}>"),
            (Shape::Input, false) => format!("pulumi.Input<{inner} | undefined>"),
            (_, true) => inner,
            (_, false) => inner,
        }
    }

    /// The declared type of an output field in an output interface or result.
    pub fn output_field(&self, p: &Property) -> String {
        self.inner(&p.ty, Shape::Output)
    }

    /// The type of an output property's value on its own (a lifted method result):
    /// `undefined` admitted when the property is optional.
    pub fn output_value(&self, p: &Property) -> String {
        let ty = self.output_field(p);
        if p.required {
            ty
        } else {
            format!("{ty} | undefined")
        }
    }

    /// The type of a resource class field: `pulumi.Output<T>` (`T | undefined` when optional).
    pub fn resource_output(&self, p: &Property) -> String {
        let inner = self.inner(&p.ty, Shape::Output);
        if p.required {
            format!("pulumi.Output<{inner}>")
        } else {
            format!("pulumi.Output<{inner} | undefined>")
        }
    }
}

fn external(names: &Names, x: &ExternalRef, shape: Shape) -> String {
    let pkg = names.external_package(&x.package);
    match (x.kind, &x.token) {
        (ExternalKind::Provider, _) | (_, None) => format!("import(\"{pkg}\").Provider"),
        (ExternalKind::Resource, Some(t)) => {
            let mut path: Vec<String> = context::external_module_segments(&t.module);
            path.push(crate::names::pascal_ident(&t.name));
            format!("import(\"{pkg}\").{}", path.join("."))
        }
        (ExternalKind::Type, Some(t)) => {
            let side = if shape == Shape::Output { "output" } else { "input" };
            let mut path = vec!["types".to_string(), side.to_string()];
            path.extend(context::external_module_segments(&t.module));
            path.push(crate::names::pascal_ident(&t.name));
            format!("import(\"{pkg}\").{}", path.join("."))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The output and input types of `Res`'s properties, with the given `language.nodejs`.
    fn union_types(nodejs: &str) -> Vec<(String, String)> {
        let schema = format!(
            r#"{{"name": "uni", "version": "1.0.0", "language": {{"nodejs": {nodejs}}},
            "resources": {{"uni:index:Res": {{
                "inputProperties": {{"size": {{"type": "integer", "oneOf": [{{"type": "string"}}, {{"type": "integer"}}]}}}},
                "properties": {{
                    "size": {{"type": "integer", "oneOf": [{{"type": "string"}}, {{"type": "integer"}}]}},
                    "mixed": {{"oneOf": [{{"type": "boolean"}}, {{"type": "number"}}]}}}}}}}}}}"#
        );
        let (pkg, _) = bridgegen_model::bind_str(&schema).expect("schema binds");
        let names = Names::new(&pkg);
        let tcx = TypeCtx::new(&pkg, &names, "index");
        let res = &pkg.resources[0];
        let input = &res.inputs[0];
        res.properties.iter().map(|p| (tcx.output_field(p), tcx.input_field(input, Shape::Input))).collect()
    }

    #[test]
    fn disable_union_output_types_prints_the_default_type_or_any_in_outputs_only() {
        let on = union_types(r#"{"disableUnionOutputTypes": true}"#);
        let by_output: Vec<&str> = on.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(by_output, ["number", "any"]);
        // Inputs keep the union.
        assert_eq!(on[0].1, "pulumi.Input<string | number | undefined>");
        let off = union_types("{}");
        let by_output: Vec<&str> = off.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(by_output, ["string | number", "boolean | number"]);
    }
}

#[cfg(test)]
mod external_tests {
    use super::*;

    #[test]
    fn provider_name_to_module_name_picks_the_npm_module_of_other_packages() {
        let schema = |nodejs: &str| {
            format!(
                r#"{{"name": "x", "version": "1.0.0", "language": {{"nodejs": {nodejs}}},
                "resources": {{"x:index:Res": {{"inputProperties": {{
                    "vpc": {{"$ref": "/aws/v4.36.0/schema.json#/resources/aws:ec2%2Fvpc:Vpc"}}}}}}}}}}"#
            )
        };
        let field = |nodejs: &str| {
            let (pkg, _) = bridgegen_model::bind_str(&schema(nodejs)).expect("schema binds");
            let names = Names::new(&pkg);
            let tcx = TypeCtx::new(&pkg, &names, "index");
            tcx.input_field(&pkg.resources[0].inputs[0], Shape::Input)
        };
        assert!(field("{}").contains(r#"import("@pulumi/aws").ec2.Vpc"#), "{}", field("{}"));
        let mapped = field(r#"{"providerNameToModuleName": {"aws": "@acme/aws-fork"}}"#);
        assert!(mapped.contains(r#"import("@acme/aws-fork").ec2.Vpc"#), "{mapped}");
    }
}
