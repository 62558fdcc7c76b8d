//! The `docs` target: Markdown pages for every resource, function and the provider of a
//! package, plus an index page per package and per module.
//!
//! Two layouts:
//! - [`Style::Pulumi`] (default): the Pulumi registry layout, with per-language tabs for
//!   examples, constructor / `get` / invoke signatures and property names. Every
//!   language-specific name comes from a [`LanguageDocs`] implementation owned by that
//!   language's SDK crate, so the docs spell things exactly as the SDKs do.
//! - [`Style::Terraform`]: the tfplugindocs layout (Schema with Required / Optional /
//!   Read-Only lists and nested-schema anchors).
//!
//! Language tabs are marked with `<div class="bg-choosable" data-lang="...">` blocks (blank
//! lines inside so the Markdown in them renders); `bridgegen site build` adds the chooser
//! that shows one language at a time. Descriptions pass through [`markdown::sanitize`]:
//! HTML is escaped unless the package sets `language.docs.trustedHtml: true`.

pub mod markdown;
pub mod paths;
mod pulumi;
mod templates;
mod terraform;

use bridgegen_codegen::{GenError, GeneratedFile, Generator, LanguageDocs, Package};

/// Which registry's page layout to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    #[default]
    Pulumi,
    Terraform,
}

impl std::str::FromStr for Style {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "pulumi" => Ok(Style::Pulumi),
            "terraform" => Ok(Style::Terraform),
            other => Err(format!("unknown docs style `{other}` (expected pulumi or terraform)")),
        }
    }
}

/// The docs generator. The caller supplies the languages (normally every SDK language's
/// `LanguageDocs`, in tab order).
pub struct DocsGenerator {
    langs: Vec<Box<dyn LanguageDocs>>,
    style: Style,
}

impl DocsGenerator {
    pub fn new(langs: Vec<Box<dyn LanguageDocs>>, style: Style) -> DocsGenerator {
        DocsGenerator { langs, style }
    }

    pub fn languages(&self) -> &[Box<dyn LanguageDocs>] {
        &self.langs
    }
}

impl Generator for DocsGenerator {
    fn name(&self) -> &'static str {
        "docs"
    }

    fn generate(&self, pkg: &Package) -> Result<Vec<GeneratedFile>, GenError> {
        self.generate_with_progress(pkg, &|| {})
    }

    /// Ticks once per resource and function page (Pulumi style).
    fn generate_with_progress(&self, pkg: &Package, tick: &dyn Fn()) -> Result<Vec<GeneratedFile>, GenError> {
        let hb = templates::registry()?;
        let opts = Options::from_package(pkg);
        let mut files = match self.style {
            Style::Pulumi => pulumi::generate(&hb, pkg, &self.langs, &opts, tick)?,
            Style::Terraform => terraform::generate(&hb, pkg, &opts)?,
        };
        for f in &mut files {
            let text = std::str::from_utf8(&f.contents).expect("pages are UTF-8");
            let mut tidy = markdown::tidy(text);
            tidy.push('\n');
            f.contents = tidy.into_bytes();
        }
        Ok(files)
    }
}

/// Options read from the package's own `language.docs` block.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// HTML in descriptions is kept (allowlisted tags only) instead of escaped.
    pub trusted_html: bool,
}

impl Options {
    fn from_package(pkg: &Package) -> Options {
        let block = pkg.language_block("docs");
        Options { trusted_html: block.and_then(|b| b.get("trustedHtml")).and_then(|v| v.as_bool()).unwrap_or(false) }
    }
}

/// Display label of a docs language id.
pub fn language_label(id: &str) -> String {
    match id {
        "typescript" => "TypeScript".into(),
        "javascript" => "JavaScript".into(),
        "python" => "Python".into(),
        "go" => "Go".into(),
        "csharp" => "C#".into(),
        "java" => "Java".into(),
        "yaml" => "YAML".into(),
        other => other.to_string(),
    }
}
