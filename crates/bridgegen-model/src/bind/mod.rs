//! Binding: spec -> checked model. Every problem becomes a diagnostic with a JSON
//! pointer; binding goes on past errors (with `Type::Invalid` placeholders) so one run
//! reports them all (README.md, Layout).

use std::collections::{HashMap, HashSet};

use bridgegen_schema::{
    ComplexTypeSpec, Diagnostic, FunctionSpec, ObjectReturnSpec, ObjectTypeSpec, PackageSpec, Pointer, PropertySpec,
    ResourceSpec, ReturnTypeSpec,
};
use indexmap::IndexMap;
use regex::Regex;
use serde_json::Value;

use crate::model::*;

mod types;

/// Binds a decoded schema. `Err` carries every error found (warnings ride along in `Ok`).
///
/// `broken` names entries that failed to decode (left out of `spec`): references to them
/// bind to `Type::Invalid` without a second error.
pub fn bind(spec: &PackageSpec, broken: &[String]) -> Result<(Package, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut b = Binder::new(spec);
    b.broken = broken.iter().cloned().collect();
    let pkg = b.bind();
    crate::check::check(&pkg, spec, &mut b.diags);
    if b.diags.iter().any(Diagnostic::is_error) {
        Err(b.diags)
    } else {
        Ok((pkg, b.diags))
    }
}

struct Binder<'a> {
    spec: &'a PackageSpec,
    diags: Vec<Diagnostic>,
    module_format: Regex,
    object_ids: HashMap<&'a str, ObjectId>,
    enum_ids: HashMap<&'a str, EnumId>,
    resource_ids: HashMap<&'a str, ResourceId>,
    function_ids: HashMap<&'a str, FunctionId>,
    broken: HashSet<String>,
}

const PRIMITIVE_TYPES: &[&str] = &["boolean", "integer", "number", "string", "array", "object"];

impl<'a> Binder<'a> {
    fn new(spec: &'a PackageSpec) -> Self {
        let mut diags = Vec::new();
        let format = spec.meta.as_ref().and_then(|m| m.module_format.as_deref()).unwrap_or("(.*)");
        let module_format = match Regex::new(format) {
            Ok(r) if r.captures_len() >= 2 => r,
            Ok(_) => {
                diags.push(Diagnostic::error(
                    Pointer::root().key("meta").key("moduleFormat"),
                    format!("moduleFormat `{format}` has no capture group; expected a regex whose first group is the module, e.g. `(.*)(?:/[^/]*)`"),
                ));
                Regex::new("(.*)").expect("valid")
            }
            Err(e) => {
                diags.push(Diagnostic::error(
                    Pointer::root().key("meta").key("moduleFormat"),
                    format!("moduleFormat is not a valid regex: {e}"),
                ));
                Regex::new("(.*)").expect("valid")
            }
        };
        let mut object_ids = HashMap::new();
        let mut enum_ids = HashMap::new();
        for (tok, t) in &spec.types {
            if t.enum_.is_some() {
                enum_ids.insert(tok.as_str(), EnumId(enum_ids.len()));
            } else {
                object_ids.insert(tok.as_str(), ObjectId(object_ids.len()));
            }
        }
        let resource_ids = spec.resources.keys().enumerate().map(|(i, k)| (k.as_str(), ResourceId(i))).collect();
        let function_ids = spec.functions.keys().enumerate().map(|(i, k)| (k.as_str(), FunctionId(i))).collect();
        Binder { spec, diags, module_format, object_ids, enum_ids, resource_ids, function_ids, broken: HashSet::new() }
    }

    fn error(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(pointer, message));
    }

    fn bind(&mut self) -> Package {
        let spec = self.spec;
        if spec.name.is_empty() {
            self.error("#/name", "package name is empty; expected a name such as `alicloud`");
        } else if !spec.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            || !spec.name.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            self.error(
                "#/name",
                format!(
                    "package name `{}` is not valid; expected letters, digits, `-` or `_`, starting with a letter",
                    spec.name
                ),
            );
        }
        let root = Pointer::root();

        let mut objects = Vec::new();
        let mut enums = Vec::new();
        for (tok, t) in &spec.types {
            let ptr = root.key("types").key(tok);
            let token = self.token(tok, &ptr);
            if t.enum_.is_some() {
                enums.push(self.enum_type(token, t, &ptr));
            } else {
                objects.push(self.object_type(token, &t.object, &ptr));
            }
        }

        let config =
            self.properties(&spec.config.variables, &spec.config.required, &[], &root.key("config"), "variables");

        let provider = match &spec.provider {
            Some(p) => {
                let token = self.provider_token();
                self.resource(token, p, &root.key("provider"), true)
            }
            None => Resource {
                token: self.provider_token(),
                description: None,
                deprecation_message: None,
                is_component: false,
                is_provider: true,
                is_overlay: false,
                properties: Vec::new(),
                inputs: Vec::new(),
                state_inputs: None,
                aliases: Vec::new(),
                methods: Vec::new(),
                language: IndexMap::new(),
            },
        };

        let mut resources = Vec::new();
        for (tok, r) in &spec.resources {
            let ptr = root.key("resources").key(tok);
            let token = self.token(tok, &ptr);
            resources.push(self.resource(token, r, &ptr, false));
        }

        let mut functions = Vec::new();
        for (tok, f) in &spec.functions {
            let ptr = root.key("functions").key(tok);
            let token = self.token(tok, &ptr);
            functions.push(self.function(token, f, &ptr));
        }
        for (ri, r) in resources.iter().enumerate() {
            for m in &r.methods {
                functions[m.function.0].method_of = Some(ResourceId(ri));
            }
        }

        let modules = build_modules(&resources, &functions, &objects, &enums);
        let source_json = serde_json::to_string_pretty(spec).unwrap_or_default();
        let mut pkg = Package {
            name: spec.name.clone(),
            display_name: spec.display_name.clone(),
            version: spec.version.clone(),
            description: spec.description.clone(),
            keywords: spec.keywords.clone(),
            homepage: spec.homepage.clone(),
            license: spec.license.clone(),
            attribution: spec.attribution.clone(),
            repository: spec.repository.clone(),
            logo_url: spec.logo_url.clone(),
            plugin_download_url: spec.plugin_download_url.clone(),
            publisher: spec.publisher.clone(),
            namespace: spec.namespace.clone(),
            language: crate::language::check_language_options(&spec.language, &mut self.diags),
            config,
            provider,
            resources,
            functions,
            objects,
            enums,
            modules,
            source_json,
        };
        crate::usage::compute_usage(&mut pkg);
        pkg
    }

    fn provider_token(&self) -> Token {
        Token {
            full: format!("pulumi:providers:{}", self.spec.name),
            package: "pulumi".into(),
            raw_module: "providers".into(),
            module: String::new(),
            name: self.spec.name.clone(),
        }
    }

    /// Parses `pkg:module:Name`, checking the package and the name.
    fn token(&mut self, tok: &str, ptr: &Pointer) -> Token {
        let parts: Vec<&str> = tok.split(':').collect();
        if parts.len() != 3 {
            self.error(
                ptr,
                format!(
                    "token `{tok}` is malformed; expected `package:module:Name`, e.g. `{}:index:Widget`",
                    self.spec.name
                ),
            );
            let name = parts.last().copied().unwrap_or_default().to_string();
            return Token {
                full: tok.into(),
                package: self.spec.name.clone(),
                raw_module: String::new(),
                module: String::new(),
                name,
            };
        }
        let (package, raw_module, name) = (parts[0], parts[1], parts[2]);
        if package != self.spec.name && !self.spec.allowed_package_names.iter().any(|a| a == package) {
            self.error(
                ptr,
                format!("token `{tok}` belongs to package `{package}`; expected the package name `{}`", self.spec.name),
            );
        }
        // Method implementations are named `Resource/method`.
        if !name.split('/').all(is_identifier) {
            self.error(
                ptr,
                format!("token `{tok}` has the name `{name}`; expected an identifier (a letter or `_`, then letters, digits or `_`)"),
            );
        }
        Token {
            full: tok.into(),
            package: package.into(),
            raw_module: raw_module.into(),
            module: self.module_of(raw_module),
            name: name.into(),
        }
    }

    fn module_of(&self, raw: &str) -> String {
        let module = self.module_format.captures(raw).and_then(|c| c.get(1)).map(|m| m.as_str()).unwrap_or("");
        if module.starts_with("index") {
            String::new()
        } else {
            module.to_string()
        }
    }

    fn enum_type(&mut self, token: Token, t: &ComplexTypeSpec, ptr: &Pointer) -> EnumType {
        let kind = match t.object.type_.as_deref() {
            Some("string") => EnumKind::String,
            Some("integer") => EnumKind::Integer,
            Some("number") => EnumKind::Number,
            Some("boolean") => EnumKind::Boolean,
            other => {
                self.error(
                    ptr.key("type"),
                    format!(
                        "enum type is {}; expected one of `string`, `integer`, `number`, `boolean`",
                        other.map(|o| format!("`{o}`")).unwrap_or_else(|| "missing".into())
                    ),
                );
                EnumKind::String
            }
        };
        let mut values = Vec::new();
        let mut seen = HashSet::new();
        for (i, v) in t.enum_.iter().flatten().enumerate() {
            let vptr = ptr.key("enum").index(i);
            if !value_matches_enum(&v.value, kind) {
                self.error(
                    vptr.key("value"),
                    format!("enum value {} does not match the enum's type {kind:?}", v.value),
                );
            }
            if !seen.insert(v.value.to_string()) {
                self.error(vptr.key("value"), format!("enum value {} appears twice", v.value));
            }
            if let Some(name) = &v.name {
                if !name.chars().any(|c| c.is_alphanumeric()) {
                    self.error(
                        vptr.key("name"),
                        format!("enum value name `{name}` has no letter or digit; expected a name such as `Standard`"),
                    );
                }
            }
            values.push(EnumValue {
                name: v.name.clone(),
                value: v.value.clone(),
                description: v.description.as_deref().map(Doc::from),
                deprecation_message: v.deprecation_message.clone(),
            });
        }
        if values.is_empty() {
            self.error(ptr.key("enum"), "enum has no values; expected at least one");
        }
        EnumType {
            token,
            description: t.object.description.as_deref().map(Doc::from),
            kind,
            values,
            language: t.object.language.clone(),
            is_overlay: t.object.is_overlay,
            usage: Usage::default(),
        }
    }

    fn object_type(&mut self, token: Token, o: &ObjectTypeSpec, ptr: &Pointer) -> ObjectType {
        if let Some(t) = o.type_.as_deref() {
            if t != "object" {
                self.error(
                    ptr.key("type"),
                    format!("type `{t}` declares no `enum`; expected `object` for an object type, or an `enum` list"),
                );
            }
        }
        let properties = self.properties(&o.properties, &o.required, &o.plain, ptr, "properties");
        ObjectType {
            token,
            description: o.description.as_deref().map(Doc::from),
            properties,
            language: o.language.clone(),
            is_overlay: o.is_overlay,
            usage: Usage::default(),
        }
    }

    fn resource(&mut self, token: Token, r: &ResourceSpec, ptr: &Pointer, is_provider: bool) -> Resource {
        let properties = self.properties(&r.object.properties, &r.object.required, &r.object.plain, ptr, "properties");
        let inputs = self.properties(&r.input_properties, &r.required_inputs, &r.plain_inputs, ptr, "inputProperties");
        let state_inputs = r.state_inputs.as_ref().map(|s| {
            let sptr = ptr.key("stateInputs");
            self.properties(&s.properties, &s.required, &s.plain, &sptr, "properties")
        });
        let mut methods = Vec::new();
        for (name, ftok) in &r.methods {
            match self.function_ids.get(ftok.as_str()) {
                Some(id) => methods.push(Method { name: name.clone(), function: *id }),
                None => self.error(
                    ptr.key("methods").key(name),
                    format!("method `{name}` refers to function `{ftok}`, which is not defined under #/functions"),
                ),
            }
        }
        Resource {
            token,
            description: r.object.description.as_deref().map(Doc::from),
            deprecation_message: r.deprecation_message.clone(),
            is_component: r.is_component,
            is_provider,
            is_overlay: r.object.is_overlay,
            properties,
            inputs,
            state_inputs,
            aliases: r
                .aliases
                .iter()
                .map(|a| Alias { name: a.name.clone(), project: a.project.clone(), type_: a.type_.clone() })
                .collect(),
            methods,
            language: r.object.language.clone(),
        }
    }

    fn function(&mut self, token: Token, f: &FunctionSpec, ptr: &Pointer) -> Function {
        let inputs = f
            .inputs
            .as_ref()
            .map(|i| self.properties(&i.properties, &i.required, &i.plain, &ptr.key("inputs"), "properties"));
        for (i, name) in f.multi_argument_inputs.iter().enumerate() {
            let known = f.inputs.as_ref().is_some_and(|inp| inp.properties.contains_key(name));
            if !known {
                self.error(
                    ptr.key("multiArgumentInputs").index(i),
                    format!("multiArgumentInputs names `{name}`, which is not among inputs.properties"),
                );
            }
        }
        let outputs = match &f.outputs {
            None => FunctionReturn::None,
            // An outputs object without properties returns nothing (as Pulumi's binder: no
            // return type, so no result class and no Output form in any SDK).
            Some(ReturnTypeSpec::Object(o)) if o.object.properties.is_empty() => FunctionReturn::None,
            Some(ReturnTypeSpec::Object(ObjectReturnSpec { object: o, .. })) => FunctionReturn::Object(
                self.properties(&o.properties, &o.required, &o.plain, &ptr.key("outputs"), "properties"),
            ),
            Some(ReturnTypeSpec::Type(t)) => FunctionReturn::Type(self.type_of(t, &ptr.key("outputs"))),
        };
        // Pulumi's `ReturnTypePlain`: `"plain": true` on an outputs object or a return type.
        let plain_result = match &f.outputs {
            Some(ReturnTypeSpec::Object(o)) => o.plain_result,
            Some(ReturnTypeSpec::Type(t)) => t.plain,
            None => false,
        };
        Function {
            token,
            description: f.description.as_deref().map(Doc::from),
            deprecation_message: f.deprecation_message.clone(),
            inputs,
            multi_argument_inputs: f.multi_argument_inputs.clone(),
            outputs,
            plain_result,
            language: f.language.clone(),
            is_overlay: f.is_overlay,
            method_of: None,
        }
    }

    /// Binds a property map; `required` and the legacy `plain` list are checked against it.
    fn properties(
        &mut self,
        props: &IndexMap<String, PropertySpec>,
        required: &[String],
        plain: &[String],
        owner: &Pointer,
        key: &str,
    ) -> Vec<Property> {
        let required_key = match key {
            "inputProperties" => "requiredInputs",
            _ => "required",
        };
        for (i, name) in required.iter().enumerate() {
            if !props.contains_key(name) {
                let known: Vec<&str> = props.keys().map(String::as_str).collect();
                self.error(
                    owner.key(required_key).index(i),
                    format!(
                        "{required_key} names `{name}`, which is not among {key}; expected one of: {}",
                        if known.is_empty() { "(none defined)".to_string() } else { known.join(", ") }
                    ),
                );
            }
        }
        props
            .iter()
            .map(|(name, p)| {
                let ptr = owner.key(key).key(name);
                if name.is_empty() || !name.chars().any(|c| c.is_alphanumeric()) {
                    self.error(
                        &ptr,
                        format!("property name `{name}` has no letter or digit; expected a name such as `imageId`"),
                    );
                }
                let ty = self.type_of(&p.type_spec, &ptr);
                self.check_literal(&ty, p.default.as_ref(), &ptr.key("default"), "default");
                self.check_literal(&ty, p.const_.as_ref(), &ptr.key("const"), "const");
                let default = if p.default.is_some() || p.default_info.is_some() {
                    Some(DefaultValue {
                        value: p.default.clone(),
                        environment: p.default_info.as_ref().map(|d| d.environment.clone()).unwrap_or_default(),
                        language: p.default_info.as_ref().map(|d| d.language.clone()).unwrap_or_default(),
                    })
                } else {
                    None
                };
                Property {
                    name: name.clone(),
                    ty,
                    plain: p.type_spec.plain || plain.contains(name),
                    required: required.contains(name),
                    description: p.description.as_deref().map(Doc::from),
                    default,
                    const_value: p.const_.clone(),
                    deprecation_message: p.deprecation_message.clone(),
                    secret: p.secret,
                    replace_on_changes: p.replace_on_changes || p.will_replace_on_changes,
                    will_replace_on_changes: p.will_replace_on_changes,
                    language: p.language.clone(),
                }
            })
            .collect()
    }

    /// A default or const must be a literal of the property's (primitive or enum) type.
    fn check_literal(&mut self, ty: &Type, value: Option<&Value>, ptr: &Pointer, what: &str) {
        let Some(value) = value else { return };
        let ok = match ty {
            Type::Boolean => value.is_boolean(),
            Type::Integer => value.as_i64().is_some() || value.as_u64().is_some(),
            Type::Number => value.is_number(),
            Type::String => value.is_string(),
            Type::Enum(id) => {
                let values =
                    self.spec.types.values().filter(|t| t.enum_.is_some()).nth(id.0).and_then(|t| t.enum_.as_ref());
                let allowed: Vec<String> = values.into_iter().flatten().map(|v| v.value.to_string()).collect();
                if !allowed.contains(&value.to_string()) {
                    self.error(ptr, format!("{what} {value} is not one of the enum's values: {}", allowed.join(", ")));
                }
                return;
            }
            Type::Any | Type::Json | Type::Invalid => true,
            // A union (`oneOf: [string, enum]`) accepts a literal any primitive member accepts.
            Type::Union(u) => {
                if !u.elements.iter().any(|e| literal_fits(e, value)) {
                    self.error(ptr, format!("{what} {value} matches no member of the property's `oneOf`"));
                }
                return;
            }
            _ => {
                self.error(ptr, format!("a {what} is only allowed on boolean, integer, number, string and enum properties; this property's type cannot have one"));
                return;
            }
        };
        if !ok {
            self.error(ptr, format!("{what} {value} does not match the property's type; expected {}", describe(ty)));
        }
    }
}

pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether a literal fits a primitive or enum type (enums: by JSON kind only).
fn literal_fits(ty: &Type, value: &Value) -> bool {
    match ty {
        Type::Boolean => value.is_boolean(),
        Type::Integer => value.as_i64().is_some() || value.as_u64().is_some(),
        Type::Number => value.is_number(),
        Type::String | Type::Enum(_) => value.is_string() || matches!(ty, Type::Enum(_)),
        Type::Any | Type::Json => true,
        _ => false,
    }
}

fn value_matches_enum(v: &Value, kind: EnumKind) -> bool {
    match kind {
        EnumKind::String => v.is_string(),
        EnumKind::Integer => v.as_i64().is_some(),
        EnumKind::Number => v.is_number(),
        EnumKind::Boolean => v.is_boolean(),
    }
}

fn describe(ty: &Type) -> &'static str {
    match ty {
        Type::Boolean => "a boolean",
        Type::Integer => "an integer",
        Type::Number => "a number",
        Type::String => "a string",
        _ => "a literal",
    }
}

fn build_modules(
    resources: &[Resource],
    functions: &[Function],
    objects: &[ObjectType],
    enums: &[EnumType],
) -> Vec<Module> {
    let mut map: IndexMap<String, Module> = IndexMap::new();
    fn entry<'m>(map: &'m mut IndexMap<String, Module>, name: &str) -> &'m mut Module {
        map.entry(name.to_string()).or_insert_with(|| Module { name: name.to_string(), ..Module::default() })
    }
    for (i, r) in resources.iter().enumerate() {
        entry(&mut map, &r.token.module).resources.push(ResourceId(i));
    }
    for (i, f) in functions.iter().enumerate() {
        entry(&mut map, &f.token.module).functions.push(FunctionId(i));
    }
    for (i, o) in objects.iter().enumerate() {
        entry(&mut map, &o.token.module).objects.push(ObjectId(i));
    }
    for (i, e) in enums.iter().enumerate() {
        entry(&mut map, &e.token.module).enums.push(EnumId(i));
    }
    let mut modules: Vec<Module> = map.into_values().collect();
    modules.sort_by(|a, b| a.name.cmp(&b.name));
    modules
}
