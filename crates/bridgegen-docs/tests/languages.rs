//! The docs cannot disagree with the SDKs: pages rendered with the real language crates'
//! `LanguageDocs` show exactly their signatures and property names, and those names are
//! the ones the SDK generators actually emit for the resource.

mod support;

use bridgegen_codegen::{GeneratedFile, Generator, LanguageDocs};
use bridgegen_docs::markdown::code_block;
use bridgegen_docs::{DocsGenerator, Style};
use bridgegen_model::Package;
use regex::Regex;
use support::load;

fn real() -> Vec<Box<dyn LanguageDocs>> {
    vec![
        Box::new(bridgegen_nodejs::NodejsDocs),
        Box::new(bridgegen_python::PythonDocs),
        Box::new(bridgegen_go::GoDocs),
        Box::new(bridgegen_dotnet::DotnetDocs),
    ]
}

/// `(docs language, its SDK generator, fence)`.
fn sdks() -> Vec<(&'static str, Box<dyn Generator>, &'static str)> {
    vec![
        ("typescript", Box::new(bridgegen_nodejs::NodejsGenerator), "typescript"),
        ("python", Box::new(bridgegen_python::PythonGenerator), "python"),
        ("go", Box::new(bridgegen_go::GoGenerator), "go"),
        ("csharp", Box::new(bridgegen_dotnet::DotnetGenerator), "csharp"),
    ]
}

fn text(f: &GeneratedFile) -> &str {
    std::str::from_utf8(&f.contents).unwrap()
}

fn page_for(pkg: &Package, token: &str) -> String {
    let files = DocsGenerator::new(real(), Style::Pulumi).generate(pkg).unwrap();
    let token_line = format!("token: \"{token}\"");
    files
        .iter()
        .map(text)
        .find(|t| t.contains(&token_line))
        .unwrap_or_else(|| panic!("no page for {token}"))
        .to_string()
}

/// The SDK files of `lang` that define the resource (they mention its constructor/class).
fn sdk_text(pkg: &Package, gen: &dyn Generator, lang: &str, name: &str) -> String {
    let files = gen.generate(pkg).unwrap();
    let ext = match lang {
        "typescript" => ".ts",
        "python" => ".py",
        "go" => ".go",
        _ => ".cs",
    };
    let found: Vec<&GeneratedFile> = files
        .iter()
        .filter(|f| {
            f.path.ends_with(ext) && text(f).contains(name) && !f.path.contains("Inputs") && !f.path.contains("Outputs")
        })
        .collect();
    assert!(!found.is_empty(), "{lang}: no SDK file mentions {name}");
    found.iter().map(|f| text(f)).collect::<Vec<_>>().join("\n")
}

fn check_resource(schema: &str, token: &str) {
    let pkg = load(schema);
    let res = pkg.resources.iter().find(|r| r.token.full == token).unwrap();
    let page = page_for(&pkg, token);
    for (lang, gen, fence) in sdks() {
        let docs = real().into_iter().find(|d| d.language() == lang).unwrap();
        let docs = docs.naming(&pkg);
        // 1. The page prints exactly what the language crate says.
        let ctor = code_block(fence, &docs.constructor_signature(res));
        let get = code_block(fence, &docs.get_signature(res));
        assert!(page.contains(&ctor), "{lang}: constructor {ctor} not on the page");
        assert!(page.contains(&get), "{lang}: get {get} not on the page");
        for p in &res.inputs {
            let name = docs.property_name(p);
            assert!(page.contains(&format!("`{name}`")), "{lang}: input {name} not on the page");
        }
        // 2. And that is what the SDK generator emits: the class name and every input's
        //    name, as a whole identifier, are in the SDK's code for this resource.
        let class = docs.resource_name(res);
        let short = class.rsplit(['.', ':']).next().unwrap().to_string();
        let sdk = sdk_text(&pkg, gen.as_ref(), lang, &short);
        assert!(ctor.contains(&short), "{lang}: constructor {ctor} does not name {short}");
        for p in &res.inputs {
            let name = docs.property_name(p);
            let re = Regex::new(&format!(r"(^|[^A-Za-z0-9_]){}($|[^A-Za-z0-9_])", regex::escape(&name))).unwrap();
            assert!(re.is_match(&sdk), "{lang}: docs name {name} for {} is not in the generated SDK", p.name);
        }
    }
}

#[test]
fn alicloud_docs_match_the_sdks() {
    check_resource("schema/alicloud.json", "alicloud:ecs/imageSharePermission:ImageSharePermission");
}

#[test]
fn kakaocloud_docs_match_the_sdks() {
    check_resource("schema/kakaocloud.json", "kakaocloud:index/imageMember:ImageMember");
}

#[test]
fn python_and_typescript_spell_the_seed_inputs_as_the_registry_does() {
    // Seed 002 spells the inputs `accountId`/`account_id`/`AccountId`.
    let pkg = load("schema/alicloud.json");
    let res = &pkg.resources[0];
    let names: Vec<Vec<String>> =
        real().iter().map(|d| res.inputs.iter().map(|p| d.naming(&pkg).property_name(p)).collect()).collect();
    assert_eq!(names[0], ["accountId", "imageId"]);
    assert_eq!(names[1], ["account_id", "image_id"]);
    assert_eq!(names[2], ["AccountId", "ImageId"]);
    assert_eq!(names[3], ["AccountId", "ImageId"]);
}
