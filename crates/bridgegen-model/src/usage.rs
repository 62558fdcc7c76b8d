//! Which object types and enums are used as inputs, outputs or plain inputs. Generators
//! emit the input (`Args`) and output shapes only where they are used.

use crate::model::*;

struct Marker<'p> {
    pkg: &'p Package,
    objects: Vec<Usage>,
    enums: Vec<Usage>,
}

pub(crate) fn compute_usage(pkg: &mut Package) {
    let (objects, enums) = mark(pkg, true);
    let (sdk_objects, _) = mark(pkg, false);
    for ((o, mut u), s) in pkg.objects.iter_mut().zip(objects).zip(sdk_objects) {
        u.sdk_output = s.output;
        o.usage = u;
    }
    for (e, u) in pkg.enums.iter_mut().zip(enums) {
        e.usage = u;
    }
}

/// The usage of every object and enum; `provider_outputs` counts the provider's properties
/// as outputs.
fn mark(pkg: &Package, provider_outputs: bool) -> (Vec<Usage>, Vec<Usage>) {
    let mut m = Marker {
        pkg,
        objects: vec![Usage::default(); pkg.objects.len()],
        enums: vec![Usage::default(); pkg.enums.len()],
    };
    for r in std::iter::once(&pkg.provider).chain(&pkg.resources) {
        m.properties(&r.inputs, true);
        if provider_outputs || !r.is_provider {
            m.properties(&r.properties, false);
        }
        if let Some(s) = &r.state_inputs {
            m.properties(s, true);
        }
    }
    m.properties(&pkg.config, false);
    for f in &pkg.functions {
        if let Some(i) = &f.inputs {
            // Function inputs are plain in the promise form and inputs in the output form.
            m.properties(i, true);
            for p in i {
                m.visit(&p.ty, true, true);
            }
        }
        match &f.outputs {
            FunctionReturn::Object(o) => m.properties(o, false),
            FunctionReturn::Type(t) => m.visit(t, false, false),
            FunctionReturn::None => {}
        }
    }
    (m.objects, m.enums)
}

impl Marker<'_> {
    fn properties(&mut self, props: &[Property], input: bool) {
        for p in props {
            self.visit(&p.ty, input, input && p.plain);
        }
    }

    fn visit(&mut self, ty: &Type, input: bool, plain: bool) {
        match ty {
            Type::Array(t) | Type::Map(t) => self.visit(t, input, plain),
            Type::Union(u) => u.elements.iter().for_each(|t| self.visit(t, input, plain)),
            Type::Enum(id) => mark_usage(&mut self.enums[id.0], input, plain),
            Type::Object(id) => {
                let before = self.objects[id.0];
                mark_usage(&mut self.objects[id.0], input, plain);
                if self.objects[id.0] == before {
                    return; // already visited with this usage: stops recursion on cyclic types
                }
                let pkg = self.pkg;
                for p in &pkg.objects[id.0].properties {
                    self.visit(&p.ty, input, plain || (input && p.plain));
                }
            }
            _ => {}
        }
    }
}

fn mark_usage(u: &mut Usage, input: bool, plain: bool) {
    if input {
        u.input = true;
        if plain {
            u.plain_input = true;
        }
    } else {
        u.output = true;
    }
}
