//! `generics: "side-by-side"`, part one: the `ToOutput(ctx) pulumix.Output[T]` methods that
//! make every input and output type of the SDK a `pulumix.Input[T]` (as Pulumi's SDKs with
//! that option). Printed by `to_output.go.hbs`; each view carries the forms its family has.

use serde::Serialize;

use super::Imports;

pub(super) const PULUMIX: &str = "github.com/pulumi/pulumi/sdk/v3/go/pulumix";

/// One `ToOutput` method: `func (<recv> <ty>) ToOutput(ctx) pulumix.Output[<elem>]`, reading
/// the state of `<recv>.<via>(ctx)` (an input's conversion) or of the receiver itself.
#[derive(Serialize)]
pub(super) struct ToOutputVm {
    recv: &'static str,
    ty: String,
    elem: String,
    via: Option<String>,
}

impl ToOutputVm {
    /// On an input form `ty` of the family `family` (converted by `To<family>OutputWithContext`).
    fn input(recv: &'static str, ty: String, family: &str, elem: String) -> Self {
        ToOutputVm { recv, ty, elem, via: Some(format!("To{family}OutputWithContext")) }
    }

    /// On the output form `<family>Output`.
    fn output(family: &str, elem: String) -> Self {
        ToOutputVm { recv: "o", ty: format!("{family}Output"), elem, via: None }
    }
}

/// The `ToOutput` methods of one type family, each `None` without the option (the
/// templates print only those of the forms they emit).
#[derive(Serialize, Default)]
pub(super) struct ToOutputs {
    /// On the input form (`XArgs`, `XArray`, `*Resource`).
    input: Option<ToOutputVm>,
    /// On the unexported pointer input (`*xPtrType`, `*xPtr` of an enum).
    ptr_type: Option<ToOutputVm>,
    output: Option<ToOutputVm>,
    ptr_output: Option<ToOutputVm>,
}

impl ToOutputs {
    /// An object type `name`: `XArgs`, `*xPtrType`, `XOutput`, `XPtrOutput`.
    pub(super) fn object(on: bool, name: &str, lname: &str) -> Self {
        if !on {
            return Self::default();
        }
        let ptr = format!("{name}Ptr");
        ToOutputs {
            input: Some(ToOutputVm::input("i", format!("{name}Args"), name, name.to_string())),
            ptr_type: Some(ToOutputVm::input("i", format!("*{lname}PtrType"), &ptr, format!("*{name}"))),
            output: Some(ToOutputVm::output(name, name.to_string())),
            ptr_output: Some(ToOutputVm::output(&ptr, format!("*{name}"))),
        }
    }

    /// An enum `name`: `XOutput`, `XPtrOutput` and the `*xPtr` input.
    pub(super) fn enumeration(on: bool, name: &str, lname: &str) -> Self {
        if !on {
            return Self::default();
        }
        let ptr = format!("{name}Ptr");
        ToOutputs {
            input: None,
            ptr_type: Some(ToOutputVm::input("in", format!("*{lname}Ptr"), &ptr, format!("*{name}"))),
            output: Some(ToOutputVm::output(name, name.to_string())),
            ptr_output: Some(ToOutputVm::output(&ptr, format!("*{name}"))),
        }
    }

    /// A family whose input form is `input_ty` (a container `XArray`, a resource `*R`) with
    /// values of the Go type `elem`.
    pub(super) fn family(on: bool, name: &str, input_ty: String, elem: &str) -> Self {
        if !on {
            return Self::default();
        }
        ToOutputs {
            input: Some(ToOutputVm::input("i", input_ty, name, elem.to_string())),
            ptr_type: None,
            output: Some(ToOutputVm::output(name, elem.to_string())),
            ptr_output: None,
        }
    }

    /// A function's `<name>ResultOutput` (`ptr`: holding a `*<name>Result`, as in the generic
    /// copy).
    pub(super) fn result(on: bool, name: &str, ptr: bool) -> Self {
        if !on {
            return Self::default();
        }
        let family = format!("{name}Result");
        let elem = if ptr { format!("*{family}") } else { family.clone() };
        ToOutputs { output: Some(ToOutputVm::output(&family, elem)), ..Self::default() }
    }
}

/// Adds the `pulumix` import to a file that prints `ToOutput` methods.
pub(super) fn import_pulumix(imports: &mut Imports, on: bool) {
    if on {
        imports.other.insert(PULUMIX.to_string(), None);
    }
}
