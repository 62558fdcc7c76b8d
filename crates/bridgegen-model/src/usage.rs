//! Which object types and enums are used as inputs, outputs or plain inputs. Generators
//! emit the input (`Args`) and output shapes only where they are used.

use crate::model::*;

struct Marker<'p> {
    pkg: &'p Package,
    objects: Vec<Usage>,
    enums: Vec<Usage>,
}

pub(crate) fn compute_usage(pkg: &mut Package) {
    let mut m = Marker {
        pkg,
        objects: vec![Usage::default(); pkg.objects.len()],
        enums: vec![Usage::default(); pkg.enums.len()],
    };
    for r in std::iter::once(&pkg.provider).chain(&pkg.resources) {
        m.properties(&r.inputs, true);
        m.properties(&r.properties, false);
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
    let (objects, enums) = (m.objects, m.enums);
    for (o, u) in pkg.objects.iter_mut().zip(objects) {
        o.usage = u;
    }
    for (e, u) in pkg.enums.iter_mut().zip(enums) {
        e.usage = u;
    }
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
            Type::Enum(id) => mark(&mut self.enums[id.0], input, plain),
            Type::Object(id) => {
                let before = self.objects[id.0];
                mark(&mut self.objects[id.0], input, plain);
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

fn mark(u: &mut Usage, input: bool, plain: bool) {
    if input {
        u.input = true;
        if plain {
            u.plain_input = true;
        }
    } else {
        u.output = true;
    }
}
