//! Go type spelling for model types: the plain Go type, the `Input` interface and the
//! `Output` type of a property.

use std::collections::BTreeSet;

use bridgegen_model::{EnumKind, Package, Type};

use crate::naming::Naming;
use crate::reach::Reach;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Container {
    Array,
    Map,
}

impl Container {
    pub fn suffix(self) -> &'static str {
        match self {
            Container::Array => "Array",
            Container::Map => "Map",
        }
    }
}

/// The innermost element of a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Base {
    /// `String`, `Int`, `Float64`, `Bool`, `Archive`, `AssetOrArchive` (from the SDK).
    Prim(&'static str),
    /// `interface{}` / `pulumi.Input` / `pulumi.AnyOutput`.
    Any,
    Object(usize),
    Enum(usize),
    Resource(usize),
    Provider,
}

/// A type as Go sees it: a base wrapped in containers, innermost first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    pub base: Base,
    pub chain: Vec<Container>,
}

/// Container chains of builtin element types the SDK defines (up to three deep, except
/// `MapArrayArray`); deeper builtin nestings are typed as `Any`.
fn builtin_chain_ok(chain: &[Container]) -> bool {
    chain.len() <= 3 && chain != [Container::Map, Container::Array, Container::Array]
}

pub fn has_ptr(p: &str) -> bool {
    matches!(p, "String" | "Int" | "Float64" | "Bool")
}

pub fn shape(pkg: &Package, naming: &Naming, ty: &Type) -> Shape {
    let s = raw_shape(pkg, naming, ty);
    match s.base {
        Base::Prim(_) | Base::Any if !builtin_chain_ok(&s.chain) => Shape { base: Base::Any, chain: vec![] },
        _ => s,
    }
}

fn raw_shape(pkg: &Package, naming: &Naming, ty: &Type) -> Shape {
    let base = |b| Shape { base: b, chain: vec![] };
    match ty {
        Type::Boolean => base(Base::Prim("Bool")),
        Type::Integer => base(Base::Prim("Int")),
        Type::Number => base(Base::Prim("Float64")),
        Type::String => base(Base::Prim("String")),
        Type::Archive => base(Base::Prim("Archive")),
        Type::Asset => base(Base::Prim("AssetOrArchive")),
        Type::Any | Type::Json | Type::External(_) | Type::Invalid => base(Base::Any),
        Type::Array(e) | Type::Map(e) => {
            let mut s = raw_shape(pkg, naming, e);
            if matches!(s.base, Base::Prim(_) | Base::Any) && !builtin_chain_ok(&s.chain) {
                s = Shape { base: Base::Any, chain: vec![] };
            }
            s.chain.push(if matches!(ty, Type::Array(_)) { Container::Array } else { Container::Map });
            s
        }
        Type::Union(u) => {
            let stringy = u.elements.iter().all(|e| match e {
                Type::String => true,
                Type::Enum(id) => pkg.enum_type(*id).kind == EnumKind::String,
                _ => false,
            });
            base(if stringy { Base::Prim("String") } else { Base::Any })
        }
        Type::Object(id) if naming.object_skipped(id.0) => base(Base::Any),
        Type::Enum(id) if naming.enum_skipped(id.0) => base(Base::Any),
        Type::Resource(id) if naming.resource_skipped(id.0) => base(Base::Any),
        Type::Object(id) => base(Base::Object(id.0)),
        Type::Enum(id) => base(Base::Enum(id.0)),
        Type::Resource(id) => base(Base::Resource(id.0)),
        Type::Provider => base(Base::Provider),
    }
}

/// Spells types from inside one Go package, recording the other packages it needs.
pub struct Speller<'a> {
    pub naming: &'a Naming,
    pub pkg: &'a Package,
    /// The directory of the package being written (`""` = root).
    pub dir: String,
    /// Directories of other generated packages referenced.
    pub imports: BTreeSet<String>,
    /// Spelling for the generic (`pulumix`) copy of the SDK under `x/` (see [`crate::generic`]),
    /// with the forms each type has there.
    pub generic: Option<&'a Reach>,
}

impl<'a> Speller<'a> {
    pub fn new(pkg: &'a Package, naming: &'a Naming, dir: &str) -> Self {
        Speller { naming, pkg, dir: dir.to_string(), imports: BTreeSet::new(), generic: None }
    }

    pub fn shape(&self, ty: &Type) -> Shape {
        let s = shape(self.pkg, self.naming, ty);
        let to = match s.base {
            Base::Object(i) => &self.naming.objects[i].dir,
            Base::Enum(i) => &self.naming.enums[i].dir,
            Base::Resource(i) => &self.naming.resources[i].dir,
            Base::Provider => "",
            _ => return s,
        };
        if self.naming.is_blocked(&self.dir, to) {
            // A reference that would close an import cycle.
            return Shape { base: Base::Any, chain: vec![] };
        }
        s
    }

    pub(crate) fn qual(&mut self, base: Base) -> String {
        let dir = match base {
            Base::Prim(_) | Base::Any => return "pulumi.".to_string(),
            Base::Object(i) => self.naming.objects[i].dir.clone(),
            Base::Enum(i) => self.naming.enums[i].dir.clone(),
            Base::Resource(i) => self.naming.resources[i].dir.clone(),
            Base::Provider => String::new(),
        };
        if dir == self.dir {
            String::new()
        } else {
            let alias = self.naming.alias(&dir);
            self.imports.insert(dir);
            format!("{alias}.")
        }
    }

    pub fn base_name(&self, base: Base) -> String {
        match base {
            Base::Prim(p) => p.to_string(),
            Base::Any => String::new(),
            Base::Object(i) => self.naming.objects[i].name.clone(),
            Base::Enum(i) => self.naming.enums[i].name.clone(),
            Base::Resource(i) => self.naming.resources[i].name.clone(),
            Base::Provider => "Provider".to_string(),
        }
    }

    /// The family name (`FooArrayMap`), unqualified.
    pub fn family(&self, s: &Shape) -> String {
        let mut n = self.base_name(s.base);
        for c in &s.chain {
            n.push_str(c.suffix());
        }
        n
    }

    pub(crate) fn ptr_ok(s: &Shape) -> bool {
        s.chain.is_empty()
            && match s.base {
                Base::Prim(p) => has_ptr(p),
                Base::Object(_) | Base::Enum(_) => true,
                _ => false,
            }
    }

    /// `pulumi.StringPtrInput`, `FooArrayInput`, `pulumi.Input`...
    pub fn input(&mut self, s: &Shape, optional: bool) -> String {
        if self.generic.is_some() {
            return self.generic_input(s, optional);
        }
        if s.base == Base::Any && s.chain.is_empty() {
            return "pulumi.Input".to_string();
        }
        let q = self.qual(s.base);
        let ptr = if optional && Self::ptr_ok(s) { "Ptr" } else { "" };
        format!("{q}{}{ptr}Input", self.family(s))
    }

    pub fn output(&mut self, s: &Shape, optional: bool) -> String {
        if self.generic.is_some() {
            return self.generic_output(s, optional).ty;
        }
        if s.base == Base::Any && s.chain.is_empty() {
            return "pulumi.AnyOutput".to_string();
        }
        let q = self.qual(s.base);
        let ptr = if optional && Self::ptr_ok(s) { "Ptr" } else { "" };
        format!("{q}{}{ptr}Output", self.family(s))
    }

    /// The plain Go type (`*string`, `[]Foo`, `map[string]interface{}`, `*Bucket`).
    pub fn plain(&mut self, s: &Shape, optional: bool) -> String {
        let mut t = match s.base {
            Base::Prim("String") => "string".to_string(),
            Base::Prim("Int") => "int".to_string(),
            Base::Prim("Float64") => "float64".to_string(),
            Base::Prim("Bool") => "bool".to_string(),
            Base::Prim(p) => format!("pulumi.{p}"),
            Base::Any => "interface{}".to_string(),
            Base::Object(_) | Base::Enum(_) => format!("{}{}", self.qual(s.base), self.base_name(s.base)),
            Base::Resource(_) | Base::Provider => format!("*{}{}", self.qual(s.base), self.base_name(s.base)),
        };
        for c in &s.chain {
            t = match c {
                Container::Array => format!("[]{t}"),
                Container::Map => format!("map[string]{t}"),
            };
        }
        if optional && Self::ptr_ok(s) {
            t.insert(0, '*');
        }
        t
    }

    /// Whether a plain value of this shape can be nil.
    pub fn plain_nilable(s: &Shape, optional: bool) -> bool {
        !s.chain.is_empty()
            || (optional && Self::ptr_ok(s))
            || matches!(
                s.base,
                Base::Any | Base::Resource(_) | Base::Provider | Base::Prim("Archive") | Base::Prim("AssetOrArchive")
            )
    }
}
