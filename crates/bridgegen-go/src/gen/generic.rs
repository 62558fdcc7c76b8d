//! `generics: "side-by-side"`, part two: the generic copy of the SDK under `x/` (as Pulumi's
//! generator writes it). The same builders write it (`Ctx::x`), with the generic type
//! spelling of [`crate::generic`] and the `x_*` templates; this module holds what differs:
//! the naming of the copy and its views.

use serde::Serialize;

use crate::generic::GenericOutput;
use crate::naming::Naming;

/// The naming of the `x/` copy: its packages import each other under `<base>/x`, and enum
/// constants take the enum's name once more (Pulumi's generator names the constants of its
/// generic copy from the already-prefixed names: `ColorRed` -> `ColorColorRed`,
/// `Farm_Plants_R_Us` -> `Farm_Farm_Plants_R_Us`).
pub(super) fn x_naming(legacy: &Naming) -> Naming {
    let mut n = legacy.clone();
    n.import_base = format!("{}/x", legacy.import_base);
    for e in &mut n.enums {
        let name = e.name.clone();
        for m in &mut e.members {
            let sep = if m.contains('_') && !m.starts_with('_') { "_" } else { "" };
            *m = format!("{name}{sep}{m}");
        }
    }
    n
}

/// An accessor of an `Output` type in the generic copy: `recv.name()` reads field `field`
/// of the value (of type `value`; `addr`: by address, for an object held by pointer) as
/// `plain`, typed `out` (built from the state of `pulumix.Output[plain]` when `cast`).
#[derive(Serialize)]
pub(super) struct XAccessorView {
    pub(super) doc: String,
    pub(super) recv: String,
    pub(super) value: String,
    pub(super) name: String,
    pub(super) field: String,
    pub(super) out: String,
    pub(super) plain: String,
    /// What `out` is an input of (`pulumix.Flatten`'s `A` on a resource output).
    pub(super) elem: String,
    pub(super) addr: bool,
    pub(super) cast: bool,
}

impl XAccessorView {
    /// The accessor `name` on `recv` (an output of `value`) of field `field` holding `plain`,
    /// read as the generic output `g`.
    pub(super) fn new(recv: &str, value: &str, name: String, field: String, plain: String, g: GenericOutput) -> Self {
        // An object held by value is read by address: its generic output holds a pointer.
        let addr = g.elem.starts_with('*') && !plain.starts_with('*');
        let plain = if addr { g.elem.clone() } else { plain };
        XAccessorView {
            doc: String::new(),
            recv: recv.to_string(),
            value: value.to_string(),
            name,
            field,
            out: g.ty,
            plain,
            elem: g.elem,
            addr,
            cast: g.cast,
        }
    }

    pub(super) fn doc(mut self, doc: String) -> Self {
        self.doc = doc;
        self
    }
}
