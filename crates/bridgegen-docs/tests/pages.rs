//! Page tests for the seed schemas: the sections and values of the seed pages
//! (`tests/docs/fixtures/seed-*.md`, copies of the project's seeds 000 and 002).
//! Language spellings here come from the test-only `Fake`; `languages.rs` checks the real
//! language crates.

mod support;

use bridgegen_codegen::{GeneratedFile, Generator};
use bridgegen_docs::{DocsGenerator, Style};
use support::{load, repo_root, Fake};

fn gen(schema: &str, style: Style) -> Vec<GeneratedFile> {
    DocsGenerator::new(Fake::all(), style).generate(&load(schema)).expect("docs generate")
}

fn page<'a>(files: &'a [GeneratedFile], path: &str) -> &'a str {
    let f = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no page {path}; have {:?}", files.iter().map(|f| &f.path).collect::<Vec<_>>()));
    std::str::from_utf8(&f.contents).unwrap()
}

/// The text from `heading` (a whole line) to the next heading of the same or a higher level.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let level = heading.chars().take_while(|c| *c == '#').count();
    let start =
        text.find(&format!("\n{heading}\n")).unwrap_or_else(|| panic!("no heading {heading:?} in:\n{text}")) + 1;
    let body = &text[start + heading.len()..];
    let mut offset = 0;
    let mut in_code = false;
    for line in body.split_inclusive('\n') {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if !in_code && hashes > 0 && hashes <= level && line[hashes..].starts_with(' ') {
            break;
        }
        offset += line.len();
    }
    &body[..offset]
}

/// The content of each `<div class="bg-choosable" data-lang=...>` block in `text`.
fn lang_blocks(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let marker = "<div class=\"bg-choosable\" data-lang=\"";
    let mut rest = text;
    while let Some(i) = rest.find(marker) {
        let after = &rest[i + marker.len()..];
        let lang = after[..after.find('"').unwrap()].to_string();
        let body_start = after.find(">\n").unwrap() + 2;
        let end = after.find("\n</div>").unwrap();
        out.push((lang, after[body_start..end].trim().to_string()));
        rest = &after[end..];
    }
    out
}

fn block<'a>(blocks: &'a [(String, String)], lang: &str) -> &'a str {
    &blocks.iter().find(|(l, _)| l == lang).unwrap_or_else(|| panic!("no {lang} block")).1
}

const ISP: &str = "ecs/imagesharepermission.md";

#[test]
fn alicloud_page_has_the_seed_sections_in_order() {
    let files = gen("schema/alicloud.json", Style::Pulumi);
    let p = page(&files, ISP);
    assert!(p.starts_with("---\ntitle: \"ImageSharePermission\"\n"), "{p}");
    let headings = [
        "# ImageSharePermission",
        "## Example Usage",
        "## Create a ImageSharePermission Resource",
        "## ImageSharePermission Resource Properties",
        "### Inputs",
        "### Outputs",
        "## Look up an Existing ImageSharePermission Resource",
        "## Import",
        "## Package Details",
    ];
    let mut at = 0;
    for h in headings {
        let pos = p[at..].find(&format!("\n{h}\n")).unwrap_or_else(|| panic!("{h:?} missing or out of order:\n{p}"));
        at += pos + 1;
    }
    // Every note of the description is kept as a blockquote, as on the seed page.
    let seed =
        std::fs::read_to_string(repo_root().join("tests/docs/fixtures/seed-002-alicloud-imagesharepermission.md"))
            .unwrap();
    let notes: Vec<&str> = seed.lines().filter(|l| l.starts_with("> **NOTE:**")).collect();
    assert_eq!(notes.len(), 4);
    for n in notes {
        assert!(p.contains(&format!("\n{n}\n")), "note {n:?} missing");
    }
    assert!(
        p.contains("Manage image sharing permissions. You can share your custom image to other Alibaba Cloud users.")
    );
    // The examples shortcodes are gone; each language's example is in its own tab.
    assert!(!p.contains("{{% example"), "{p}");
    let ex = lang_blocks(section(p, "## Example Usage"));
    assert_eq!(ex.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(), ["typescript", "python", "go", "csharp"]);
    assert!(block(&ex, "typescript").contains("new alicloud.ecs.ImageSharePermission(\"default\", {"));
    assert!(
        block(&ex, "python").contains("alicloud.ecs.ImageSharePermission(\"default\",\n    account_id=\"1234567890\",")
    );
    assert!(block(&ex, "go").contains("ecs.NewImageSharePermission(ctx, \"default\", &ecs.ImageSharePermissionArgs{"));
    assert!(block(&ex, "csharp").contains("new AliCloud.Ecs.ImageSharePermission(\"default\", new()"));
}

#[test]
fn alicloud_four_constructor_and_get_signatures() {
    let files = gen("schema/alicloud.json", Style::Pulumi);
    let p = page(&files, ISP);
    let create = lang_blocks(section(p, "## Create a ImageSharePermission Resource"));
    let lookup = lang_blocks(section(p, "## Look up an Existing ImageSharePermission Resource"));
    for (lang, fence) in [("typescript", "typescript"), ("python", "python"), ("go", "go"), ("csharp", "csharp")] {
        assert_eq!(block(&create, lang), format!("```{fence}\n{lang} new ImageSharePermission(name, args)\n```"));
        assert_eq!(block(&lookup[..4], lang), format!("```{fence}\n{lang} get ImageSharePermission(name, id)\n```"));
    }
    assert_eq!(create.len(), 4);
    assert!(section(p, "## Create a ImageSharePermission Resource")
        .contains("<div class=\"bg-chooser\" data-langs=\"typescript,python,go,csharp\"></div>"));
}

#[test]
fn alicloud_inputs_with_descriptions_per_language() {
    let files = gen("schema/alicloud.json", Style::Pulumi);
    let p = page(&files, ISP);
    let inputs = lang_blocks(section(p, "### Inputs"));
    assert_eq!(inputs.len(), 4);
    for (lang, account, image) in [
        ("typescript", "accountId", "imageId"),
        ("python", "account_id", "image_id"),
        ("go", "AccountId", "ImageId"),
        ("csharp", "AccountId", "ImageId"),
    ] {
        let b = block(&inputs, lang);
        let acc = format!("`{account}` `{lang}:string` — *Required, Replaces on change*\n\n  Alibaba Cloud Account ID. It is used to share images.");
        let img = format!("`{image}` `{lang}:string` — *Required, Replaces on change*\n\n  The source image ID.");
        assert!(b.contains(&acc), "{lang}: {acc:?} not in\n{b}");
        assert!(b.contains(&img), "{lang}: {img:?} not in\n{b}");
        assert!(b.find(&acc) < b.find(&img), "schema order");
    }
    // Outputs: the id; state arguments: both properties, optional.
    let outputs = lang_blocks(section(p, "### Outputs"));
    assert!(block(&outputs, "python").contains("`id` `python:string`"));
    let lookup = section(p, "## Look up an Existing ImageSharePermission Resource");
    let state =
        lang_blocks(&lookup[lookup.find("The following state arguments are supported:").expect("state arguments")..]);
    assert!(block(&state, "python").contains("`account_id` `python:string` — *Optional*"));
    assert!(block(&state, "go").contains("`ImageId` `go:string` — *Optional*"));
}

#[test]
fn alicloud_import_and_package_details() {
    let files = gen("schema/alicloud.json", Style::Pulumi);
    let p = page(&files, ISP);
    let import = section(p, "## Import");
    assert!(import.contains("image can be imported using the id, e.g."));
    assert!(import.contains(
        "```sh\npulumi import alicloud:ecs/imageSharePermission:ImageSharePermission default m-uf66yg1q:123456789\n```"
    ));
    // `pulumi import` protects by default: the page says how to import unprotected.
    assert!(import.contains("To import it unprotected, add `--protect=false`"), "{import}");
    assert!(import.contains(
        "```sh\npulumi import alicloud:ecs/imageSharePermission:ImageSharePermission default m-uf66yg1q:123456789 \
         --protect=false\n```"
    ));
    // The import section is not repeated in the description (the id: once per command).
    assert_eq!(p.matches("m-uf66yg1q:123456789").count(), 2);
    let details = section(p, "## Package Details");
    assert!(details.contains("- **Repository:** <https://github.com/bridgegen/bridgegen>"));
    assert!(details.contains("- **License:** Apache-2.0"));
}

#[test]
fn alicloud_index_pages_link_every_member() {
    let files = gen("schema/alicloud.json", Style::Pulumi);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["ecs/imagesharepermission.md", "ecs/index.md", "index.md", "provider.md"]);
    let index = page(&files, "index.md");
    assert!(index.contains("# Alibaba Cloud"));
    assert!(index.contains("- [ecs](ecs/index.md)"));
    assert!(index.contains("- [Provider](provider.md)"));
    assert!(index.contains("`alicloud:region` `string` — *Secret*") || index.contains("`alicloud:region` `string`"));
    assert!(index.contains("`alicloud:accessKey` `string` — *Secret*"));
    assert!(index.contains("Read from the environment: `ALICLOUD_REGION`."));
    let module = page(&files, "ecs/index.md");
    assert!(module.contains("- [ImageSharePermission](imagesharepermission.md) — Manage image sharing permissions."));
    assert!(module.contains("[Alibaba Cloud](../index.md)"));
    let provider = page(&files, "provider.md");
    assert!(provider.contains("## Create a Provider Resource"));
    assert!(!provider.contains("## Look up an Existing"));
}

#[test]
fn kakaocloud_pulumi_page_links_the_nested_timeouts_type() {
    let files = gen("schema/kakaocloud.json", Style::Pulumi);
    let p = page(&files, "imagemember.md");
    let inputs = lang_blocks(section(p, "### Inputs"));
    assert!(block(&inputs, "typescript")
        .contains("`timeouts` [`typescript:ImageMemberTimeoutsArgs`](#imagemembertimeouts) — *Optional*"));
    let sup = section(p, "## Supporting Types");
    assert!(sup.starts_with("\n\n<a id=\"imagemembertimeouts\"></a>\n### ImageMemberTimeouts\n"), "{sup}");
    let blocks = lang_blocks(sup);
    let py = block(&blocks, "python");
    assert!(py.starts_with("Python: `python:ImageMemberTimeoutsArgs`, `python:ImageMemberTimeouts`"), "{py}");
    for name in ["create", "delete", "read", "update"] {
        assert!(py.contains(&format!("`{name}` `python:string` — *Optional*")), "{name}");
    }
    // The import section of the schema, as a pulumi import command.
    assert!(section(p, "## Import").contains(
        "pulumi import kakaocloud:index/imageMember:ImageMember member 3d3b2f0e-9a55-4a4e-8c43-6a2f5d3b1c10:b1c2d3e4f5a60718293a4b5c6d7e8f90"
    ));
}

#[test]
fn kakaocloud_terraform_page_matches_seed_000() {
    let files = gen("schema/kakaocloud.json", Style::Terraform);
    let p = page(&files, "resources/image_member.md");
    let seed =
        std::fs::read_to_string(repo_root().join("tests/docs/fixtures/seed-000-kakaocloud_image_member.md")).unwrap();
    // Front matter and title as on the seed.
    for line in [
        "page_title: \"kakaocloud_image_member Resource - kakaocloud\"",
        "subcategory: \"\"",
        "description: |-",
        "# kakaocloud_image_member (Resource)",
    ] {
        assert!(seed.contains(line) && p.contains(line), "{line}");
    }
    // The description, retargeted to the Terraform name as on the seed.
    let first =
        "The `kakaocloud_image_member` resource allows you to manage image sharing between projects in KakaoCloud.";
    assert!(seed.contains(first) && p.contains(first));
    // Every line of the seed's Schema section is on our page, in the same order, except the
    // `id` description (Terraform-only text the Pulumi schema does not carry).
    let schema = &seed[seed.find("## Schema").unwrap()..];
    let mut at = p.find("## Schema").expect("schema section");
    for line in schema.lines().filter(|l| !l.trim().is_empty() && !l.starts_with("- `id`")) {
        let pos = p[at..].find(line).unwrap_or_else(|| panic!("seed line {line:?} missing (or out of order) in:\n{p}"));
        at += pos + line.len();
    }
    assert!(p.contains("<a id=\"nestedatt--timeouts\"></a>\n### Nested Schema for `timeouts`\n\nOptional:\n"));
    assert!(p.contains("- `id` (String) "));
    assert!(!p.contains("## Import") && !p.contains("{{%"));
}

#[test]
fn terraform_provider_page_lists_config() {
    let files = gen("schema/alicloud.json", Style::Terraform);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["index.md", "resources/image_share_permission.md"]);
    let p = page(&files, "index.md");
    assert!(p.contains("# alicloud Provider"));
    assert!(p.contains("- `access_key` (String, Sensitive) The access key for API operations."), "{p}");
    let r = page(&files, "resources/image_share_permission.md");
    assert!(r.contains("### Required\n\n- `account_id` (String) Alibaba Cloud Account ID. It is used to share images.\n- `image_id` (String) The source image ID.\n"), "{r}");
}

#[test]
fn generation_is_deterministic() {
    for s in ["schema/alicloud.json", "schema/kakaocloud.json"] {
        assert_eq!(gen(s, Style::Pulumi), gen(s, Style::Pulumi));
        assert_eq!(gen(s, Style::Terraform), gen(s, Style::Terraform));
    }
}

#[test]
fn replace_marks_are_the_resources_replace_set() {
    // `zone` is flagged on its output spelling only: the SDKs send it as replace-on-change
    // (the model's set), so its input is marked too; `plain` is not.
    let schema = r##"{"name":"x","version":"1.0.0","resources":{"x:index:Res":{
        "properties":{"zone":{"type":"string","replaceOnChanges":true},"plain":{"type":"string"}},
        "inputProperties":{"zone":{"type":"string"},"plain":{"type":"string"}}}}}"##;
    let (pkg, _) = bridgegen_model::bind_str(schema).expect("binds");
    let files = DocsGenerator::new(Fake::all(), Style::Pulumi).generate(&pkg).expect("docs generate");
    let path = files.iter().map(|f| f.path.as_str()).find(|p| p.ends_with("res.md")).expect("resource page");
    let inputs = lang_blocks(section(page(&files, path), "### Inputs"));
    let b = block(&inputs, "typescript");
    assert!(b.contains("`zone` `typescript:string` — *Optional, Replaces on change*"), "{b}");
    assert!(b.ends_with("`plain` `typescript:string` — *Optional*"), "{b}");
}
