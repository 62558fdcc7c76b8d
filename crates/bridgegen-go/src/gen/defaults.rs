//! Schema defaults in Go: the statements setting a property's default (or `const`) value on a
//! struct field, shared by resource constructors and the `Defaults()` methods Pulumi's SDKs
//! give every object type, function args and result with defaulted properties.

use bridgegen_model::{EnumKind, Package, Property};

use super::{env_parser, literal, Ctx};
use crate::names::go_string;
use crate::types::{has_ptr, Base, Shape, Speller};

/// Which object types get a `Defaults()` method: those with a defaulted property, or with a
/// (non-container) property of such a type; computed once per package.
pub(super) fn objects_with_defaults(pkg: &Package) -> Vec<bool> {
    let mut has: Vec<bool> = pkg.objects.iter().map(|o| o.properties.iter().any(|p| p.default.is_some())).collect();
    loop {
        let mut changed = false;
        for (i, o) in pkg.objects.iter().enumerate() {
            if !has[i] && o.properties.iter().any(|p| matches!(p.ty, bridgegen_model::Type::Object(id) if has[id.0])) {
                has[i] = true;
                changed = true;
            }
        }
        if !changed {
            return has;
        }
    }
}

/// The statement(s) assigning `expr` (a value of the property's plain Go type) to `target`, a
/// field of shape `s` holding an input (`plain` false) or a plain value; `None` for shapes
/// without a literal form.
pub(super) fn assign(
    sp: &mut Speller,
    s: &Shape,
    p: &Property,
    plain: bool,
    target: &str,
    expr: &str,
) -> Option<String> {
    if !s.chain.is_empty() {
        return None;
    }
    let optional = !p.required;
    if sp.generic.is_some() && !plain {
        // The generic copy: a `pulumix.Input[T]` (`*T` when optional).
        let value = match s.base {
            Base::Prim(prim) if has_ptr(prim) => expr.to_string(),
            Base::Enum(_) => format!("{}({expr})", sp.plain(s, false)),
            _ => return None,
        };
        let ctor = if optional { "Ptr" } else { "Val" };
        return Some(format!("{target} = pulumix.{ctor}({value})"));
    }
    Some(match s.base {
        Base::Prim(prim) if has_ptr(prim) => match (plain, optional) {
            (false, false) => format!("{target} = pulumi.{prim}({expr})"),
            (false, true) => format!("{target} = pulumi.{prim}Ptr({expr})"),
            (true, false) => format!("{target} = {expr}"),
            (true, true) => format!("{target} = pulumi.{prim}Ref({expr})"),
        },
        Base::Enum(_) => {
            let en = sp.plain(s, false);
            if plain && optional {
                format!("v := {en}({expr})\n\t\t\t{target} = &v")
            } else {
                format!("{target} = {en}({expr})")
            }
        }
        _ => return None,
    })
}

impl Ctx<'_> {
    /// `if <target is unset> { <set the default> }` for a defaulted property, or nothing.
    pub(super) fn default_block(&self, sp: &mut Speller, p: &Property, plain: bool, target: &str) -> Option<String> {
        let d = p.default.as_ref()?;
        let s = sp.shape(&p.ty);
        let (parser, assert_ty) = env_parser(self.pkg, s.base)?;
        let lit = d.value.as_ref().and_then(|v| literal(v, s.base));
        if lit.is_none() && d.environment.is_empty() {
            return None;
        }
        let lit = match (&lit, s.base) {
            (Some(l), Base::Enum(i)) if self.pkg.enums[i].kind == EnumKind::Number => format!("float64({l})"),
            (Some(l), _) => l.clone(),
            (None, _) => "nil".to_string(),
        };
        let set = assign(sp, &s, p, plain, target, &format!("d.({assert_ty})"))?;
        let unset = if !plain || Speller::plain_nilable(&s, !p.required) {
            format!("{target} == nil")
        } else {
            format!("internal.IsZero({target})")
        };
        let envs: String = d.environment.iter().map(|e| format!(", {}", go_string(e))).collect();
        Some(format!(
            "\tif {unset} {{\n\t\tif d := internal.GetEnvOrDefault({lit}, {parser}{envs}); d != nil {{\n\t\t\t{set}\n\t\t}}\n\t}}\n"
        ))
    }

    /// For an input holding an object type with a `Defaults()` method: the statement applying
    /// it to the value once known (a resource constructor's args), or nothing.
    pub(super) fn apply_object_defaults(&self, sp: &mut Speller, p: &Property, target: &str) -> Option<String> {
        let s = sp.shape(&p.ty);
        let Base::Object(i) = s.base else { return None };
        if p.plain || !s.chain.is_empty() || !self.has_defaults[i] {
            return None;
        }
        if sp.generic.is_some() {
            let t = sp.generic_input_elem(&s, !p.required);
            let get = if p.required { "*o.Defaults()" } else { "o.Defaults()" };
            return Some(format!(
                "\tif {target} != nil {{\n\t\t{target} = pulumix.Apply({target}, func(o {t}) {t} {{ return {get} }})\n\t}}\n"
            ));
        }
        let (plain, name) = (sp.plain(&s, false), self.naming.objects[i].name.clone());
        let out = sp.output(&s, !p.required);
        Some(if p.required {
            format!("\t{target} = {target}.To{name}Output().ApplyT(func(v {plain}) {plain} {{ return *v.Defaults() }}).({out})\n")
        } else {
            format!(
                "\tif {target} != nil {{\n\t\t{target} = {target}.To{name}PtrOutput().ApplyT(func(v *{plain}) *{plain} {{ return v.Defaults() }}).({out})\n\t}}\n"
            )
        })
    }

    /// `func (val *T) Defaults() *T` for a struct `ty` with fields `names` of `props` (`plain`:
    /// a plain struct, whose nested objects get their own defaults too), or nothing when no
    /// property has a default.
    pub(super) fn defaults_method(
        &self,
        sp: &mut Speller,
        ty: &str,
        props: &[Property],
        names: &[String],
        plain: bool,
    ) -> String {
        let mut body = String::new();
        let mut any = false;
        for (p, gn) in props.iter().zip(names) {
            let target = format!("tmp.{gn}");
            if p.default.is_some() {
                any = true;
                body.push_str(&self.default_block(sp, p, plain || p.plain, &target).unwrap_or_default());
            } else if let bridgegen_model::Type::Object(id) = &p.ty {
                if self.has_defaults[id.0] && !self.naming.object_skipped(id.0) {
                    any = true;
                    if plain && sp.shape(&p.ty).base == Base::Object(id.0) {
                        let deref = if p.required { "*" } else { "" };
                        body.push_str(&format!("\t{target} = {deref}{target}.Defaults()\n"));
                    }
                }
            }
        }
        if !any {
            return String::new();
        }
        format!(
            "\n// Defaults sets the appropriate defaults for {ty}\nfunc (val *{ty}) Defaults() *{ty} {{\n\tif val == nil {{\n\t\treturn nil\n\t}}\n\ttmp := *val\n{body}\treturn &tmp\n}}\n"
        )
    }
}
