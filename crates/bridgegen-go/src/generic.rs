//! Type spelling of the generic copy of the SDK that `generics: "side-by-side"` writes under
//! `x/` (as Pulumi's generator): inputs are `pulumix.Input[T]` of plain `T`, outputs `pulumix.Output[T]`,
//! `pulumix.GPtrOutput[T, TOutput]` for objects and resources, and `pulumix.ArrayOutput[T]` /
//! `GArrayOutput[T, TOutput]` (and the `Map` forms) for containers. Plain types are the
//! legacy SDK's.

use crate::types::{Base, Container, Shape, Speller};

/// The generic output type of a value and the `T` it is an input of (what
/// `pulumix.Flatten` and `pulumix.Apply` see).
pub struct GenericOutput {
    pub ty: String,
    pub elem: String,
    /// `ty` is not `pulumix.Output[T]`: a value is built from the state of an `Output[T]`.
    pub cast: bool,
}

impl Speller<'_> {
    /// Whether object `i` has an `Output` type in the generic copy.
    fn generic_has_output(&self, base: Base) -> bool {
        match base {
            Base::Object(_) => self.generic.is_some_and(|r| r.of(base).output),
            Base::Resource(_) | Base::Provider => true,
            _ => false,
        }
    }

    /// `T` of the `pulumix.Input[T]` of a value: its plain type. (Pulumi's generic SDKs take
    /// objects as `*XArgs`, structs of inputs inside an input, which the Go SDK cannot
    /// marshal: a resource given one never registers. Plain values marshal as in the legacy
    /// SDK.)
    pub fn generic_input_elem(&mut self, s: &Shape, optional: bool) -> String {
        self.plain(s, optional)
    }

    /// `pulumix.Input[T]`.
    pub fn generic_input(&mut self, s: &Shape, optional: bool) -> String {
        format!("pulumix.Input[{}]", self.generic_input_elem(s, optional))
    }

    /// The generic output type of a value of shape `s`; an object value is held by pointer
    /// (`GPtrOutput`, as Pulumi's generic SDKs).
    pub fn generic_output(&mut self, s: &Shape, optional: bool) -> GenericOutput {
        let plain_of = |b: Base| matches!(b, Base::Object(_) | Base::Resource(_) | Base::Provider);
        let Some((last, inner)) = s.chain.split_last() else {
            if plain_of(s.base) {
                let (q, n) = (self.qual(s.base), self.base_name(s.base));
                let elem = format!("*{q}{n}");
                if self.generic_has_output(s.base) {
                    return GenericOutput { ty: format!("pulumix.GPtrOutput[{q}{n}, {q}{n}Output]"), elem, cast: true };
                }
                return GenericOutput { ty: format!("pulumix.Output[{elem}]"), elem, cast: false };
            }
            let elem = self.plain(s, optional);
            return GenericOutput { ty: format!("pulumix.Output[{elem}]"), elem, cast: false };
        };
        let kind = match last {
            Container::Array => "Array",
            Container::Map => "Map",
        };
        let elem = self.plain(s, false);
        let ty = if inner.is_empty() && matches!(s.base, Base::Object(_)) && self.generic_has_output(s.base) {
            let (q, n) = (self.qual(s.base), self.base_name(s.base));
            format!("pulumix.G{kind}Output[{q}{n}, {q}{n}Output]")
        } else {
            let e = self.plain(&Shape { base: s.base, chain: inner.to_vec() }, false);
            format!("pulumix.{kind}Output[{e}]")
        };
        GenericOutput { ty, elem, cast: true }
    }
}
