//! Schema defaults in Go: the statements setting a property's default (or `const`) value on a
//! struct field, shared by resource constructors and the `Defaults()` methods Pulumi's SDKs
//! give every object type, function args and result with defaulted properties. Built here as
//! typed views; `templates/go/defaults.go.hbs` and `default_stmt.go.hbs` print them.

use bridgegen_model::{EnumKind, Package, Property};
use serde::Serialize;

use super::{env_parser, literal, Ctx};
use crate::names::go_string;
use crate::naming::GoOptions;
use crate::types::{has_ptr, Base, Shape, Speller};

/// Which object types get a `Defaults()` method: those with a defaulted property, or with a
/// (non-container) property of such a type; computed once per package. None under
/// `disableObjectDefaults`.
pub(super) fn objects_with_defaults(pkg: &Package, opts: &GoOptions) -> Vec<bool> {
    if opts.disable_object_defaults {
        return vec![false; pkg.objects.len()];
    }
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

/// `target = wrap(expr)`: a field set from a value of the property's plain Go type.
#[derive(Serialize)]
pub(super) struct AssignVm {
    /// The field (`args.Name`, `tmp.Name`).
    target: String,
    /// The conversion applied to the value (`pulumi.StringPtr`, an enum type); none when the
    /// value is stored as is.
    wrap: Option<String>,
    expr: String,
    /// A plain optional enum field: the converted value goes through this temporary, whose
    /// address is stored (`v` inside a default's own block; `<field>_` for a constructor's
    /// `const` inputs, which share one scope).
    via_temp: Option<String>,
    /// `wrap` is a function of the Pulumi SDK (the file imports it).
    #[serde(skip)]
    sdk: bool,
}

/// `internal.GetEnvOrDefault(lit, parser, envs...)` (`env_default.go.hbs`): the first set
/// environment variable parsed, else the schema default; shared with config getters.
#[derive(Serialize)]
pub(super) struct EnvDefaultVm {
    /// The schema default as a Go literal, or `nil` (environment variables only).
    pub(super) lit: String,
    /// The environment value parser (`internal.ParseEnvBool`), or `nil` for strings.
    pub(super) parser: &'static str,
    /// The environment variables, as Go string literals.
    pub(super) envs: Vec<String>,
}

/// `if <target unset> { if d := <env default>; d != nil { set } }`.
#[derive(Serialize)]
pub(super) struct DefaultBlockVm {
    target: String,
    /// Unset means nil (otherwise: the zero value, tested with `internal.IsZero`).
    nil_check: bool,
    env: EnvDefaultVm,
    set: AssignVm,
}

/// An input holding an object type with a `Defaults()` method: its defaults applied to the
/// value once known (a resource constructor's args).
#[derive(Serialize)]
pub(super) struct ApplyDefaultsVm {
    target: String,
    /// The object type's name (`To<name>Output`, `To<name>PtrOutput`).
    name: String,
    /// The object type's plain Go type and the output type of the field.
    plain: String,
    out: String,
    required: bool,
}

/// The generic copy's form of [`ApplyDefaultsVm`]:
/// `if target != nil { target = pulumix.Apply(target, func(o T) T { return o.Defaults() }) }`.
#[derive(Serialize)]
pub(super) struct GenericApplyDefaultsVm {
    target: String,
    /// The input's element type `T`.
    elem: String,
    /// `T` is the struct itself (a required input): `*o.Defaults()`.
    deref: bool,
}

/// A plain struct field holding an object type with a `Defaults()` method:
/// `tmp.X = *tmp.X.Defaults()` (`deref` when the field is not a pointer).
#[derive(Serialize)]
pub(super) struct NestedDefaultsVm {
    target: String,
    deref: bool,
}

/// The statements setting one property's default: each part, when present, in this order.
#[derive(Serialize, Default)]
pub(super) struct DefaultStmtVm {
    /// A `const` property set unconditionally.
    constant: Option<AssignVm>,
    default: Option<DefaultBlockVm>,
    apply: Option<ApplyDefaultsVm>,
    apply_x: Option<GenericApplyDefaultsVm>,
    nested: Option<NestedDefaultsVm>,
}

impl DefaultStmtVm {
    fn is_empty(&self) -> bool {
        self.constant.is_none()
            && self.default.is_none()
            && self.apply.is_none()
            && self.apply_x.is_none()
            && self.nested.is_none()
    }

    /// Whether the statements call into the Pulumi SDK (`pulumi.String(..)`).
    pub(super) fn uses_sdk(&self) -> bool {
        let set = self.constant.iter().chain(self.default.as_ref().map(|d| &d.set));
        set.into_iter().any(|a| a.sdk)
    }

    /// Whether the statements call the package's `internal` helpers.
    pub(super) fn uses_internal(&self) -> bool {
        self.default.is_some()
    }
}

/// `func (val *T) Defaults() *T`: a copy of the value with `stmts` applied.
#[derive(Serialize)]
pub(super) struct DefaultsMethodVm {
    ty: String,
    stmts: Vec<DefaultStmtVm>,
}

impl DefaultsMethodVm {
    pub(super) fn uses_sdk(&self) -> bool {
        self.stmts.iter().any(DefaultStmtVm::uses_sdk)
    }

    pub(super) fn uses_internal(&self) -> bool {
        self.stmts.iter().any(DefaultStmtVm::uses_internal)
    }
}

/// The assignment of `expr` (a value of the property's plain Go type) to `target`, a field of
/// shape `s` holding an input (`plain` false) or a plain value; `None` for shapes without a
/// literal form.
fn assign(sp: &mut Speller, s: &Shape, p: &Property, plain: bool, target: &str, expr: String) -> Option<AssignVm> {
    if !s.chain.is_empty() {
        return None;
    }
    let optional = !p.required;
    if sp.generic.is_some() && !plain {
        // The generic copy: a `pulumix.Input[T]` (`*T` when optional).
        let expr = match s.base {
            Base::Prim(prim) if has_ptr(prim) => expr,
            Base::Enum(_) => format!("{}({expr})", sp.plain(s, false)),
            _ => return None,
        };
        let wrap = if optional { "pulumix.Ptr" } else { "pulumix.Val" };
        return Some(AssignVm {
            target: target.to_string(),
            wrap: Some(wrap.into()),
            expr,
            via_temp: None,
            sdk: false,
        });
    }
    let (wrap, via_temp, sdk) = match s.base {
        Base::Prim(prim) if has_ptr(prim) => match (plain, optional) {
            (false, false) => (Some(format!("pulumi.{prim}")), false, true),
            (false, true) => (Some(format!("pulumi.{prim}Ptr")), false, true),
            (true, false) => (None, false, false),
            (true, true) => (Some(format!("pulumi.{prim}Ref")), false, true),
        },
        Base::Enum(_) => (Some(sp.plain(s, false)), plain && optional, false),
        _ => return None,
    };
    let via_temp = via_temp.then(|| "v".to_string());
    Some(AssignVm { target: target.to_string(), wrap, expr, via_temp, sdk })
}

/// The temporary of a constructor's `const` input held in `target` (`args.First` ->
/// `first_`): distinct per field, and never one of the constructor's own names.
fn const_temp(target: &str) -> String {
    let field = target.rsplit('.').next().unwrap_or(target);
    let mut chars = field.chars();
    let first = chars.next().map(|c| c.to_lowercase().collect::<String>()).unwrap_or_default();
    format!("{first}{}_", chars.as_str())
}

impl Ctx<'_> {
    /// `if <target is unset> { <set the default> }` for a defaulted property, or nothing.
    fn default_block(&self, sp: &mut Speller, p: &Property, plain: bool, target: &str) -> Option<DefaultBlockVm> {
        let d = p.default.as_ref()?;
        let s = sp.shape(&p.ty);
        let (parser, assert_ty) = env_parser(self.pkg, s.base)?;
        let lit = d.value.as_ref().and_then(|v| literal(v, s.base));
        if lit.is_none() && d.environment.is_empty() {
            return None;
        }
        let lit = match (lit, s.base) {
            (Some(l), Base::Enum(i)) if self.pkg.enums[i].kind == EnumKind::Number => format!("float64({l})"),
            (Some(l), _) => l,
            (None, _) => "nil".to_string(),
        };
        let set = assign(sp, &s, p, plain, target, format!("d.({assert_ty})"))?;
        Some(DefaultBlockVm {
            target: target.to_string(),
            nil_check: !plain || Speller::plain_nilable(&s, !p.required),
            env: EnvDefaultVm { lit, parser, envs: d.environment.iter().map(|e| go_string(e)).collect() },
            set,
        })
    }

    /// For an input holding an object type with a `Defaults()` method: applying it to the
    /// value once known (a resource constructor's args), set on `stmt` (`apply_x` in the
    /// generic copy).
    fn apply_object_defaults(&self, sp: &mut Speller, p: &Property, target: &str, stmt: &mut DefaultStmtVm) {
        let s = sp.shape(&p.ty);
        let Base::Object(i) = s.base else { return };
        if p.plain || !s.chain.is_empty() || !self.has_defaults[i] {
            return;
        }
        if sp.generic.is_some() {
            // A required object input holds the struct, an optional one a pointer to it.
            let elem = sp.generic_input_elem(&s, !p.required);
            stmt.apply_x = Some(GenericApplyDefaultsVm { target: target.to_string(), elem, deref: p.required });
            return;
        }
        stmt.apply = Some(ApplyDefaultsVm {
            target: target.to_string(),
            name: self.naming.objects[i].name.clone(),
            plain: sp.plain(&s, false),
            out: sp.output(&s, !p.required),
            required: p.required,
        });
    }

    /// What a resource constructor does for input `p` held in `target`: set its `const` value,
    /// or its default and its object type's defaults; `None` when nothing.
    pub(super) fn constructor_defaults(&self, sp: &mut Speller, p: &Property, target: &str) -> Option<DefaultStmtVm> {
        let s = sp.shape(&p.ty);
        let stmt = match &p.const_value {
            Some(c) => {
                let mut constant = literal(c, s.base).and_then(|lit| assign(sp, &s, p, p.plain, target, lit));
                if let Some(temp) = constant.as_mut().and_then(|a| a.via_temp.as_mut()) {
                    *temp = const_temp(target);
                }
                DefaultStmtVm { constant, ..Default::default() }
            }
            None => {
                let mut stmt =
                    DefaultStmtVm { default: self.default_block(sp, p, p.plain, target), ..Default::default() };
                self.apply_object_defaults(sp, p, target, &mut stmt);
                stmt
            }
        };
        (!stmt.is_empty()).then_some(stmt)
    }

    /// `func (val *T) Defaults() *T` for a struct `ty` with fields `names` of `props` (`plain`:
    /// a plain struct, whose nested objects get their own defaults too), or nothing when no
    /// property has a default, or under `disableObjectDefaults`.
    pub(super) fn defaults_method(
        &self,
        sp: &mut Speller,
        ty: &str,
        props: &[Property],
        names: &[String],
        plain: bool,
    ) -> Option<DefaultsMethodVm> {
        if self.opts.disable_object_defaults {
            return None;
        }
        let mut stmts = Vec::new();
        let mut any = false;
        for (p, gn) in props.iter().zip(names) {
            let target = format!("tmp.{gn}");
            if p.default.is_some() {
                any = true;
                let default = self.default_block(sp, p, plain || p.plain, &target);
                stmts.push(DefaultStmtVm { default, ..Default::default() });
            } else if let bridgegen_model::Type::Object(id) = &p.ty {
                if self.has_defaults[id.0] && !self.naming.object_skipped(id.0) {
                    any = true;
                    if plain && sp.shape(&p.ty).base == Base::Object(id.0) {
                        let nested = NestedDefaultsVm { target, deref: p.required };
                        stmts.push(DefaultStmtVm { nested: Some(nested), ..Default::default() });
                    }
                }
            }
        }
        any.then(|| DefaultsMethodVm { ty: ty.to_string(), stmts })
    }
}
