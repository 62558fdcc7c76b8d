//! Other packages' classes, for `$ref`s into their schemas
//! (`/aws/v6.0.0/schema.json#/resources/aws:ec2/securityGroup:SecurityGroup`).
//!
//! Pulumi's generator loads each referenced schema and spells the class with that package's
//! `csharp` options (`rootNamespace`, `namespaces`, `compatibility`) and module format:
//! `Pulumi.Aws.Ec2.SecurityGroup`, `Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs`.
//! Given the referenced package's bound schema, these names follow it; without it, they
//! follow Pulumi's defaults (root `Pulumi`, the package and module names as namespace parts,
//! the module the binder read from the token). The class of an object type depends on the
//! position, as for this package's own types (`Outputs.<Name>`, `Inputs.<Name>Args`, ...).
//!
//! The referenced SDKs reach the project through `csharp.packageReferences` only: Pulumi's
//! generator adds no `<PackageReference>` for them on its own, nor does bridgegen.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use bridgegen_model::{ExternalKind, ExternalRef, Package, Token, Type};
use serde_json::Value;

use crate::context::{module_namespace, package_root_ns, types_namespaces, CsharpOptions};
use crate::names;
use crate::shapes::{Compat, InputClass, ObjectClasses, Reach};

/// How one referenced package spells its namespaces and classes.
#[derive(Debug, Clone)]
pub struct ExternalPackage {
    opts: CsharpOptions,
    root_ns: String,
    /// Token -> module, from the package's schema (its own module format), when at hand.
    modules: HashMap<String, String>,
    /// Resource token -> class, for resources its schema renames (`language.csharp.name`).
    resource_classes: HashMap<String, String>,
    /// The tokens of its enums (a `/types/` reference may name one; only its schema tells).
    enums: HashSet<String>,
}

impl ExternalPackage {
    /// Pulumi's default spelling of package `name` (no schema at hand).
    fn default_for(name: &str) -> Self {
        let opts = CsharpOptions::from_block(None);
        ExternalPackage {
            root_ns: package_root_ns(name, &opts),
            opts,
            modules: HashMap::new(),
            resource_classes: HashMap::new(),
            enums: HashSet::new(),
        }
    }

    /// The spelling the bound schema `pkg` gives its own classes.
    fn from_schema(pkg: &Package) -> Self {
        let opts = CsharpOptions::from_package(pkg);
        let mut modules = HashMap::new();
        let tokens = pkg
            .resources
            .iter()
            .map(|r| &r.token)
            .chain(pkg.objects.iter().map(|o| &o.token))
            .chain(pkg.enums.iter().map(|e| &e.token));
        for t in tokens {
            modules.insert(t.full.clone(), t.module.clone());
        }
        let resource_classes = pkg
            .resources
            .iter()
            .filter_map(|r| {
                let given = r.language.get("csharp").and_then(|c| c.get("name")).and_then(Value::as_str)?;
                (!given.is_empty()).then(|| (r.token.full.clone(), names::type_name(given)))
            })
            .collect();
        let enums = pkg.enums.iter().map(|e| e.token.full.clone()).collect();
        ExternalPackage { root_ns: package_root_ns(&pkg.name, &opts), opts, modules, resource_classes, enums }
    }

    fn module<'t>(&'t self, t: &'t Token) -> &'t str {
        self.modules.get(&t.full).map(String::as_str).unwrap_or(&t.module)
    }

    fn module_ns(&self, t: &Token) -> String {
        module_namespace(&self.opts, &self.root_ns, self.module(t))
    }
}

/// Where an object type of another package is used, which picks its class.
#[derive(Debug, Clone, Copy)]
pub enum ExternalPosition {
    Output,
    Input(InputClass),
}

/// The referenced packages, by name.
#[derive(Debug, Clone, Default)]
pub struct ExternalPackages {
    packages: BTreeMap<String, ExternalPackage>,
}

impl ExternalPackages {
    /// Every package `pkg` refers to, spelled from its schema in `schemas` when there.
    pub fn new(pkg: &Package, schemas: &[&Package]) -> Self {
        let mut packages = BTreeMap::new();
        for name in referenced(pkg) {
            let ext = match schemas.iter().find(|s| s.name == name) {
                Some(s) => ExternalPackage::from_schema(s),
                None => ExternalPackage::default_for(&name),
            };
            packages.insert(name, ext);
        }
        ExternalPackages { packages }
    }

    /// True when `x` names an enum (a struct), as far as the referenced schema is known.
    pub fn is_enum(&self, x: &ExternalRef) -> bool {
        let ext = self.packages.get(&x.package);
        matches!((ext, &x.token), (Some(e), Some(t)) if x.kind == ExternalKind::Type && e.enums.contains(&t.full))
    }

    /// The C# type of a reference into another package's schema; `compat` is this package's
    /// (Pulumi names another package's object classes with the referring package's rules).
    pub fn type_of(&self, x: &ExternalRef, compat: Compat, at: ExternalPosition) -> String {
        let fallback;
        let ext = match self.packages.get(&x.package) {
            Some(e) => e,
            None => {
                fallback = ExternalPackage::default_for(&x.package);
                &fallback
            }
        };
        match (x.kind, &x.token) {
            (ExternalKind::Provider, _) | (_, None) => format!("global::{}.Provider", ext.root_ns),
            (ExternalKind::Resource, Some(t)) => {
                let class = ext.resource_classes.get(&t.full).cloned().unwrap_or_else(|| names::type_name(&t.name));
                format!("global::{}.{class}", ext.module_ns(t))
            }
            // An enum is a struct in the module's namespace, whatever the position.
            (ExternalKind::Type, Some(t)) if ext.enums.contains(&t.full) => {
                format!("global::{}.{}", ext.module_ns(t), names::type_name(&t.name))
            }
            (ExternalKind::Type, Some(t)) => {
                let (ins, outs) = types_namespaces(&ext.opts, &ext.root_ns, ext.module(t), &ext.module_ns(t));
                let classes = ObjectClasses::new(&names::type_name(&t.name), compat, Reach::default(), false);
                match at {
                    ExternalPosition::Output => format!("global::{outs}.{}", classes.output),
                    ExternalPosition::Input(c) => format!("global::{ins}.{}", classes.input_class(c)),
                }
            }
        }
    }
}

/// The names of the packages `pkg` refers to, from its properties and function results.
fn referenced(pkg: &Package) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    pkg.walk_types(&mut |t| {
        if let Type::External(x) = t {
            out.insert(x.package.clone());
        }
    });
    out
}
