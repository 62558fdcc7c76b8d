//! The whole bridge: pick the provider, name every resource and data source, map their
//! schemas, attach docs and converted examples, and assemble the package.

use std::path::Path;

use indexmap::IndexMap;

use bridgegen_schema::{
    ComplexTypeSpec, ConfigSpec, FunctionSpec, MetadataSpec, ObjectTypeSpec, PackageSpec, PropertySpec, ResourceSpec,
    ReturnTypeSpec, TypeSpec,
};

use crate::config::{BridgeConfig, ItemOverride};
use crate::docs::{DocIndex, DocPage};
use crate::examples::{self, Catalog};
use crate::functions;
use crate::mapping::{esc, Field, Mapper, Problem};
use crate::meta::{BridgeMetadata, FieldMeta, ItemMeta, Shape};
use crate::names;
use crate::prose::{self, Names};
use crate::report::{DroppedExample, ItemReport, Report};
use crate::tfschema::{ProviderSchema, ProvidersSchema, Schema};
use crate::BridgeError;

pub struct BridgeInput<'a> {
    pub tf_schema: &'a ProvidersSchema,
    pub tf_schema_path: &'a Path,
    /// A docs folder in either layout (`website/docs/{r,d}` or `docs/{resources,data-sources}`).
    pub docs: Option<&'a Path>,
    pub config: &'a BridgeConfig,
    /// Other packages the examples may use (e.g. `random`), already bridged.
    pub extra_packages: &'a [(BridgeMetadata, PackageSpec)],
}

pub struct Bridged {
    pub schema: PackageSpec,
    pub metadata: BridgeMetadata,
    pub report: Report,
}

struct Item<'a> {
    tf_type: &'a str,
    schema: &'a Schema,
    data_source: bool,
    token: String,
    module: String,
    over: Option<&'a ItemOverride>,
    pointer: String,
}

fn pick_provider<'a>(input: &'a BridgeInput) -> Result<(&'a str, &'a ProviderSchema), BridgeError> {
    let all = &input.tf_schema.provider_schemas;
    let short = |addr: &str| addr.rsplit('/').next().unwrap_or(addr).to_string();
    let want = input.config.tf_provider.clone().unwrap_or_else(|| input.config.name.clone());
    if all.len() == 1 {
        let (k, v) = all.first().unwrap();
        return Ok((k.as_str(), v));
    }
    all.iter().find(|(k, _)| short(k) == want).map(|(k, v)| (k.as_str(), v)).ok_or_else(|| {
        BridgeError::invalid(
            input.tf_schema_path,
            "/provider_schemas",
            format!(
                "several providers and none is `{want}`: set `tf-provider` in bridge.toml to one of {}",
                all.keys().map(|k| short(k)).collect::<Vec<_>>().join(", ")
            ),
        )
    })
}

pub fn bridge(input: &BridgeInput) -> Result<Bridged, BridgeError> {
    let cfg = input.config;
    let pkg = cfg.name.as_str();
    let (addr, provider) = pick_provider(input)?;
    let tf_provider = cfg.tf_provider.clone().unwrap_or_else(|| addr.rsplit('/').next().unwrap_or(addr).to_string());
    let base_ptr = format!("/provider_schemas/{}", esc(addr));
    let mut problems: Vec<Problem> = Vec::new();

    // 1. Tokens for every bridged type (examples, prose and imports refer to all of them).
    let mut items: Vec<Item> = Vec::new();
    let mut names = Names::default();
    let mut seen_tokens: IndexMap<String, String> = IndexMap::new();
    for (data_source, map, key) in [
        (false, &provider.resource_schemas, "resource_schemas"),
        (true, &provider.data_source_schemas, "data_source_schemas"),
    ] {
        for (tf_type, schema) in map {
            if !cfg.includes(tf_type) {
                continue;
            }
            let over = if data_source { cfg.data_sources.get(tf_type) } else { cfg.resources.get(tf_type) };
            let (module, strip) = cfg.module_for(tf_type, &tf_provider);
            let base = names::base_name(tf_type, &tf_provider, strip.as_deref());
            let token = over.and_then(|o| o.token.clone()).unwrap_or_else(|| {
                if data_source {
                    format!("{pkg}:{module}/get{0}:get{0}", names::pascal(&base))
                } else {
                    format!("{pkg}:{module}/{}:{}", names::camel(&base), names::pascal(&base))
                }
            });
            let pointer = format!("{base_ptr}/{key}/{}", esc(tf_type));
            if let Some(prev) = seen_tokens.insert(token.to_lowercase(), tf_type.clone()) {
                problems.push(Problem {
                    pointer: pointer.clone(),
                    message: format!(
                        "`{prev}` and `{tf_type}` both map to the token `{token}`; set a token in bridge.toml"
                    ),
                });
                continue;
            }
            let module = token.split(':').nth(1).and_then(|m| m.split('/').next()).unwrap_or("index").to_string();
            let member = token.rsplit(':').next().unwrap_or_default();
            let display =
                if module == "index" { format!("{pkg}.{member}") } else { format!("{pkg}.{module}.{member}") };
            names.display.insert(tf_type.clone(), display);
            names.tokens.insert(tf_type.clone(), token.clone());
            items.push(Item { tf_type, schema, data_source, token, module, over, pointer });
        }
    }

    // 2. Docs.
    let index = match input.docs {
        Some(dir) => Some(DocIndex::scan(dir).map_err(|e| BridgeError::io(dir, e))?),
        None => None,
    };
    let mut pages: Vec<Option<DocPage>> = Vec::new();
    for it in &items {
        let path = match (it.over.and_then(|o| o.docs.as_ref()), input.docs, &index) {
            (Some(p), Some(dir), _) => Some(dir.join(p)),
            (_, _, Some(ix)) => ix.find(it.data_source, it.tf_type, &tf_provider).cloned(),
            _ => None,
        };
        pages.push(match path {
            Some(p) => Some(DocPage::load(&p).map_err(|e| BridgeError::io(&p, e))?),
            None => None,
        });
    }

    // 3. Schemas.
    let mut spec = package_spec(cfg);
    let mut metadata =
        BridgeMetadata { package: pkg.to_string(), tf_provider: tf_provider.clone(), ..Default::default() };
    let mut mapped: Vec<Vec<Field>> = Vec::new();
    for (it, page) in items.iter().zip(&pages) {
        let member = it.token.rsplit(':').next().unwrap_or_default();
        let mut m = Mapper {
            pkg,
            module: it.module.clone(),
            doc: page.as_ref(),
            over: it.over,
            names: &names,
            types: &mut spec.types,
            problems: &mut problems,
        };
        let b = &it.schema.block;
        let prefix = names::pascal(member);
        let fields = m.fields(&b.attributes, &b.block_types, "", &prefix, &format!("{}/block", it.pointer), false);
        let mut fields: Vec<Field> = fields.into_iter().filter(|f| f.tf_name != "id").collect();
        if !it.data_source {
            if let Some(f) = fields.iter().find(|f| f.meta.name == "urn") {
                problems.push(Problem {
                    pointer: format!("{}/block/attributes/{}", it.pointer, esc(&f.tf_name)),
                    message: "`urn` is reserved by Pulumi on every resource; rename it in bridge.toml ([resources.<type>.fields])".into(),
                });
            }
        }
        if it.data_source {
            fields.push(id_field());
            fields.sort_by(|a, b| a.meta.name.cmp(&b.meta.name));
        }
        let meta = ItemMeta {
            token: it.token.clone(),
            fields: fields.iter().map(|f| (f.tf_name.clone(), f.meta.clone())).collect(),
        };
        if it.data_source {
            metadata.data_sources.insert(it.tf_type.to_string(), meta);
        } else {
            metadata.resources.insert(it.tf_type.to_string(), meta);
        }
        mapped.push(fields);
    }
    if let Some(p) = &provider.provider {
        let mut m = Mapper {
            pkg,
            module: "index".into(),
            doc: None,
            over: None,
            names: &names,
            types: &mut spec.types,
            problems: &mut problems,
        };
        let fields = m.fields(
            &p.block.attributes,
            &p.block.block_types,
            "",
            "Provider",
            &format!("{base_ptr}/provider/block"),
            false,
        );
        provider_config(&mut spec, &fields, cfg);
        metadata.config = fields.into_iter().map(|f| (f.tf_name, f.meta)).collect();
    }
    let mut cx = functions::Context {
        pkg,
        base_ptr: &base_ptr,
        docs: index.as_ref(),
        docs_dir: input.docs,
        overrides: &cfg.functions,
        names: &names,
        types: &mut spec.types,
        seen_tokens: &mut seen_tokens,
        problems: &mut problems,
    };
    let included = provider.functions.iter().filter(|(n, _)| cfg.includes(n)).map(|(n, f)| (n.clone(), f.clone()));
    let provider_functions = functions::map_functions(&included.collect(), &mut cx)?;
    metadata.functions = provider_functions.metas;
    if !problems.is_empty() {
        let file = input.tf_schema_path;
        return Err(BridgeError::Many(
            problems.into_iter().map(|p| BridgeError::invalid(file, p.pointer, p.message)).collect(),
        ));
    }

    // 4. Descriptions and examples, now that every name is known.
    let mut catalogs = vec![Catalog::new(&metadata, &spec)];
    catalogs.extend(input.extra_packages.iter().map(|(m, s)| Catalog::new(m, s)));
    let mut report = Report { package: pkg.to_string(), functions: metadata.functions.len(), ..Default::default() };
    let mut resources = IndexMap::new();
    let mut invokes = IndexMap::new();
    for ((it, page), fields) in items.iter().zip(&pages).zip(&mapped) {
        let mut rep = ItemReport {
            tf_type: it.tf_type.to_string(),
            token: it.token.clone(),
            kind: if it.data_source { "data-source" } else { "resource" },
            docs: page.as_ref().map(|p| p.path.display().to_string()),
            ..Default::default()
        };
        count_descriptions(fields, &spec.types, &mut rep);
        let description = describe(it, page.as_ref(), &names, &catalogs, &mut rep);
        if it.data_source {
            invokes.insert(it.token.clone(), function_spec(fields, description));
        } else {
            let member = it.token.rsplit(':').next().unwrap_or_default();
            resources.insert(it.token.clone(), resource_spec(fields, description, member, it.schema.block.deprecated));
        }
        report.add(rep);
    }
    invokes.extend(provider_functions.specs);
    spec.resources = resources;
    spec.functions = invokes;
    Ok(Bridged { schema: spec, metadata, report })
}

fn id_field() -> Field {
    let meta = FieldMeta {
        name: "id".into(),
        shape: Shape::String,
        max_items_one: false,
        pluralized: false,
        block: false,
        force_new: false,
        secret: false,
        write_only: false,
        input: false,
        required: false,
        output_required: true,
        fields: IndexMap::new(),
    };
    let spec = PropertySpec {
        type_spec: TypeSpec { type_: Some("string".into()), ..Default::default() },
        description: Some("The provider-assigned unique ID for this managed resource.\n".into()),
        ..Default::default()
    };
    Field { tf_name: "id".into(), meta, spec, deprecated: false }
}

fn package_spec(cfg: &BridgeConfig) -> PackageSpec {
    let language = cfg
        .language
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::to_value(v).unwrap_or(serde_json::Value::Null)))
        .collect();
    PackageSpec {
        name: cfg.name.clone(),
        display_name: cfg.display_name.clone(),
        version: cfg.version.clone(),
        description: cfg.description.clone(),
        keywords: cfg.keywords.clone(),
        homepage: cfg.homepage.clone(),
        license: cfg.license.clone(),
        repository: cfg.repository.clone(),
        publisher: cfg.publisher.clone(),
        logo_url: cfg.logo_url.clone(),
        meta: Some(MetadataSpec { module_format: Some("(.*)(?:/[^/]*)".into()), support_pack: false }),
        language,
        ..Default::default()
    }
}

fn provider_config(spec: &mut PackageSpec, fields: &[Field], cfg: &BridgeConfig) {
    let mut config = ConfigSpec::default();
    let mut provider = ResourceSpec::default();
    provider.object.description = Some(format!(
        "The provider type for the {} package. By default, resources use package-wide configuration settings, however an explicit `Provider` instance may be created and passed during resource construction to achieve fine-grained programmatic control over provider settings.\n",
        cfg.name
    ));
    for f in fields {
        let name = cfg.config_fields.get(&f.tf_name).cloned().unwrap_or_else(|| f.meta.name.clone());
        config.variables.insert(name.clone(), f.spec.clone());
        provider.input_properties.insert(name.clone(), f.spec.clone());
        // Provider outputs are strings on the wire; tfgen lists only string-typed ones.
        if f.spec.type_spec.type_.as_deref() == Some("string") {
            provider.object.properties.insert(name.clone(), f.spec.clone());
        }
        if f.meta.required {
            provider.required_inputs.push(name.clone());
            config.required.push(name);
        }
    }
    spec.config = config;
    spec.provider = Some(provider);
}

fn resource_spec(fields: &[Field], description: Option<String>, member: &str, deprecated: bool) -> ResourceSpec {
    let mut r = ResourceSpec::default();
    r.object.description = description;
    let mut state = ObjectTypeSpec {
        description: Some(format!("Input properties used for looking up and filtering {member} resources.\n")),
        type_: Some("object".into()),
        ..Default::default()
    };
    for f in fields {
        let mut input = f.spec.clone();
        input.will_replace_on_changes = f.meta.force_new;
        if !f.meta.write_only {
            r.object.properties.insert(f.meta.name.clone(), f.spec.clone());
            if f.meta.output_required {
                r.object.required.push(f.meta.name.clone());
            }
            state.properties.insert(f.meta.name.clone(), input.clone());
        }
        if f.meta.input {
            r.input_properties.insert(f.meta.name.clone(), input);
            if f.meta.required {
                r.required_inputs.push(f.meta.name.clone());
            }
        }
    }
    r.state_inputs = Some(state);
    if deprecated {
        r.deprecation_message = Some(format!("{member} is deprecated."));
    }
    r
}

fn function_spec(fields: &[Field], description: Option<String>) -> FunctionSpec {
    let mut inputs = ObjectTypeSpec { type_: Some("object".into()), ..Default::default() };
    let mut outputs = ObjectTypeSpec { type_: Some("object".into()), ..Default::default() };
    for f in fields {
        if f.meta.input {
            inputs.properties.insert(f.meta.name.clone(), f.spec.clone());
            if f.meta.required {
                inputs.required.push(f.meta.name.clone());
            }
        }
        if !f.meta.write_only {
            outputs.properties.insert(f.meta.name.clone(), f.spec.clone());
            if f.meta.output_required {
                outputs.required.push(f.meta.name.clone());
            }
        }
    }
    outputs.description = Some("A collection of values returned by the data source.\n".into());
    FunctionSpec {
        description,
        inputs: (!inputs.properties.is_empty()).then_some(inputs),
        outputs: Some(ReturnTypeSpec::Object(outputs.into())),
        ..Default::default()
    }
}

/// Counts described properties, nested object fields included (each nested type once).
fn count_descriptions(fields: &[Field], types: &IndexMap<String, ComplexTypeSpec>, rep: &mut ItemReport) {
    fn count(
        path: String,
        p: &PropertySpec,
        shape: Option<&str>,
        types: &IndexMap<String, ComplexTypeSpec>,
        seen: &mut Vec<String>,
        rep: &mut ItemReport,
    ) {
        rep.properties += 1;
        if p.description.is_some() {
            rep.described += 1;
        } else {
            rep.undescribed.push(path.clone());
        }
        let Some(token) = shape else { return };
        if seen.iter().any(|s| s == token) {
            return;
        }
        seen.push(token.to_string());
        if let Some(t) = types.get(token) {
            for (name, np) in &t.object.properties {
                let inner = type_token(&np.type_spec);
                count(format!("{path}.{name}"), np, inner, types, seen, rep);
            }
        }
    }
    let mut seen = Vec::new();
    for f in fields {
        count(f.meta.name.clone(), &f.spec, innermost(&f.meta.shape), types, &mut seen, rep);
    }
}

fn type_token(t: &TypeSpec) -> Option<&str> {
    if let Some(r) = &t.ref_ {
        return r.strip_prefix("#/types/");
    }
    t.items.as_deref().or(t.additional_properties.as_deref()).and_then(type_token)
}

fn innermost(s: &Shape) -> Option<&str> {
    match s {
        Shape::Object(t) => Some(t),
        Shape::List(e) | Shape::Map(e) => innermost(e),
        _ => None,
    }
}

/// The item's description: intro, converted examples, other sections, `pulumi import`.
fn describe(
    it: &Item,
    page: Option<&DocPage>,
    names: &Names,
    catalogs: &[Catalog],
    rep: &mut ItemReport,
) -> Option<String> {
    let Some(page) = page else {
        return it.schema.block.description.as_deref().map(|d| prose::clean(d.trim(), names)).filter(|d| !d.is_empty());
    };
    let mut parts = Vec::new();
    let intro = prose::clean(page.intro.trim(), names);
    if !intro.trim().is_empty() {
        parts.push(intro.trim().to_string());
    } else if let Some(d) = it.schema.block.description.as_deref() {
        parts.push(prose::clean(d.trim(), names));
    }
    let mut converted = Vec::new();
    for ex in &page.examples {
        if !matches!(ex.lang.as_str(), "terraform" | "hcl" | "tf" | "") {
            rep.examples_dropped.push(DroppedExample {
                title: ex.title.clone(),
                reason: format!("a `{}` code block, not HCL", ex.lang),
            });
            continue;
        }
        match examples::convert(&ex.code, catalogs) {
            Ok(code) => converted.push((ex.title.clone(), prose::clean(&ex.prose, names), code)),
            Err(reason) => rep.examples_dropped.push(DroppedExample { title: ex.title.clone(), reason }),
        }
    }
    rep.examples_converted = converted.len();
    if !converted.is_empty() {
        parts.push(prose::examples_block(&converted));
    }
    let other = prose::clean(page.other.trim(), names);
    if !other.trim().is_empty() {
        parts.push(other.trim().to_string());
    }
    if let Some(import) = &page.import {
        let body = prose::import_section(import, names);
        if !body.is_empty() {
            parts.push(format!("## Import\n\n{body}"));
        }
    }
    let text = parts.join("\n\n");
    (!text.trim().is_empty()).then(|| format!("{}\n", text.trim_end()))
}
