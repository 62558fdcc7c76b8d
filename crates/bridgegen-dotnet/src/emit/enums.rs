//! Enum and config view models, and the enum member names and literals they share with
//! property defaults.

use super::*;

impl Emitter<'_> {
    pub fn enum_vm(&self, id: usize) -> Option<EnumVm> {
        let e = &self.pkg.enums[id];
        let (is_int, is_string, underlying) = match e.kind {
            EnumKind::Boolean => return None, // spelled `bool` wherever used
            EnumKind::Integer => (true, false, "int"),
            EnumKind::Number => (false, false, "double"),
            EnumKind::String => (false, true, "string"),
        };
        let member = enum_member_names(self.names, id, e);
        let values = e
            .values
            .iter()
            .zip(member)
            .map(|(v, name)| EnumValueVm {
                doc: doc(IND2, v.description.as_ref()),
                obsolete: obsolete(v.deprecation_message.as_deref()),
                literal: match e.kind {
                    EnumKind::String => {
                        string_literal(&v.value.as_str().map(str::to_string).unwrap_or_else(|| v.value.to_string()))
                    }
                    EnumKind::Integer => {
                        v.value.as_i64().unwrap_or_else(|| v.value.as_f64().unwrap_or(0.0) as i64).to_string()
                    }
                    _ => double_literal(v.value.as_f64().unwrap_or(0.0)),
                },
                name,
            })
            .collect();
        Some(EnumVm {
            doc: doc(IND1, e.description.as_ref()),
            class: self.names.enums[id].clone(),
            is_int,
            is_string,
            underlying: underlying.to_string(),
            values,
        })
    }

    pub fn config(&self) -> ConfigVm {
        let (pkg, n) = (self.pkg, self.names);
        let member = property_member_names("Config", VALUE_RESERVED_MEMBERS, &pkg.config);
        let vars = pkg
            .config
            .iter()
            .zip(member)
            .map(|(p, name)| {
                let (ty, reader, object_ty) = match &p.ty {
                    Type::String => ("string?".to_string(), "Get", None),
                    Type::Boolean => ("bool?".to_string(), "GetBoolean", None),
                    Type::Integer => ("int?".to_string(), "GetInt32", None),
                    Type::Number => ("double?".to_string(), "GetDouble", None),
                    other => {
                        let t = n.config_ty(pkg, other);
                        (format!("{t}?"), "GetObject", Some(t))
                    }
                };
                let d = p.default.as_ref();
                let env = d.and_then(|d| env_default(&p.ty, &d.environment));
                let literal = d.and_then(|d| d.value.as_ref()).and_then(|v| self.literal(&p.ty, v));
                ConfigVarVm {
                    doc: doc(IND2, p.description.as_ref()),
                    obsolete: obsolete(p.deprecation_message.as_deref()),
                    field: backing_field(&name),
                    ty,
                    name,
                    key_lit: string_literal(&p.name),
                    reader,
                    object_ty,
                    env,
                    literal,
                }
            })
            .collect();
        let types = (pkg.objects.iter().zip(&n.config_types))
            .filter_map(|(o, class)| class.as_ref().map(|class| self.config_type(class, o)))
            .collect();
        ConfigVm { pkg_lit: string_literal(&pkg.name), vars, types }
    }

    /// A `Config.Types` class: settable properties System.Text.Json fills from the config
    /// value's JSON (each bound to its wire name).
    fn config_type(&self, class: &str, o: &bridgegen_model::ObjectType) -> ConfigTypeVm {
        let (pkg, n) = (self.pkg, self.names);
        let member = property_member_names(class, VALUE_RESERVED_MEMBERS, &o.properties);
        let props = o
            .properties
            .iter()
            .zip(member)
            .map(|(p, name)| {
                let ty = n.config_ty(pkg, &p.ty);
                let array = matches!(p.ty, Type::Array(_));
                ConfigTypePropVm {
                    doc: doc("                ", p.description.as_ref()),
                    wire_lit: string_literal(&p.name),
                    ty: if p.required || array { ty } else { format!("{ty}?") },
                    name,
                    init: !array && !n.is_value_type(&p.ty),
                }
            })
            .collect();
        ConfigTypeVm { doc: doc("            ", o.description.as_ref()), class: class.to_string(), props }
    }
}

/// Member names of an enum: [`names::enum_member_name`] of the schema's `name`, else of the
/// value as Pulumi prints it (`1`, `1.5`), made unique.
pub fn enum_member_names(names: &Names, id: usize, e: &EnumType) -> Vec<String> {
    let class = &names.enums[id];
    let preferred = e.values.iter().map(|v| {
        let name = match (&v.name, &v.value) {
            (Some(n), _) => n.clone(),
            (None, Value::String(s)) => s.clone(),
            (None, Value::Number(n)) => match n.as_f64() {
                Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
                _ => n.to_string(),
            },
            (None, other) => other.to_string(),
        };
        names::enum_member_name(&name, class)
    });
    let mut reserved: Vec<&str> = VALUE_RESERVED_MEMBERS.to_vec();
    reserved.push("value__");
    names::unique_members(class, &reserved, preferred)
}

pub(super) fn values_equal(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// A C# `double` literal (`1.0`, `1e300`).
pub fn double_literal(f: f64) -> String {
    let s = format!("{f:?}");
    if s.contains(['.', 'e', 'E']) {
        s
    } else {
        format!("{s}.0")
    }
}

#[derive(Serialize)]
pub struct ConfigTypeVm {
    doc: String,
    class: String,
    props: Vec<ConfigTypePropVm>,
}

#[derive(Serialize)]
pub struct ConfigTypePropVm {
    doc: String,
    wire_lit: String,
    ty: String,
    name: String,
    /// `= null!;`: a reference type (System.Text.Json sets it when the key is present).
    init: bool,
}
