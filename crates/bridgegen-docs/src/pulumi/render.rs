//! Rendering resource and function pages: every partial is rendered on its own, from just the
//! view it prints, and the page template prints the results.
//!
//! Handlebars copies the value of every hash argument of a partial (`{{> props null
//! lists=inputs}}`) and then copies again whatever a template reads inside it, so nested
//! partials made a page cost a multiple of its size (kubernetes-3.7.0: 10x the CPU of the
//! nodejs SDK). Rendered on their own, partials read their view in place.

use super::*;

/// A partial's output as the page prints it: the page template prints `{{{part}}}` on its own
/// line, which adds the newline that ends the partial's last line.
fn part<T: Serialize>(hb: &Handlebars<'_>, name: &str, data: &T) -> Result<String, GenError> {
    let mut s = render(hb, name, data)?;
    if s.ends_with('\n') {
        s.pop();
    }
    Ok(s)
}

#[derive(Serialize)]
struct Lists<'a> {
    lists: &'a [LangProps],
}

#[derive(Serialize)]
struct Items<'a> {
    items: &'a [LangCode],
    chooser: &'a str,
}

#[derive(Serialize)]
struct Examples<'a> {
    examples: &'a [ExampleView],
    chooser: &'a str,
}

#[derive(Serialize)]
struct SupportingText<'a> {
    #[serde(flatten)]
    view: &'a SupportingView,
    /// The enum's type name per language (empty for an object).
    langs: &'a [LangProps],
    /// The object's property lists, rendered.
    props: String,
}

/// One entry of the Supporting Types section.
pub(super) fn supporting_item(hb: &Handlebars<'_>, view: &SupportingView) -> Result<String, GenError> {
    let (langs, props) =
        if view.is_enum { (&view.langs[..], String::new()) } else { (&[][..], self::props(hb, &view.langs)?) };
    part(hb, "supporting_item", &SupportingText { view, langs, props })
}

#[derive(Serialize)]
struct SupportingList<'a> {
    supporting: &'a [String],
}

/// The parts every member page prints.
#[derive(Serialize)]
struct CommonParts {
    examples: String,
    supporting: String,
}

fn common_parts(hb: &Handlebars<'_>, c: &Common) -> Result<CommonParts, GenError> {
    Ok(CommonParts {
        examples: part(hb, "examples", &Examples { examples: &c.examples, chooser: &c.chooser })?,
        supporting: part(hb, "supporting", &SupportingList { supporting: &c.supporting })?,
    })
}

fn props(hb: &Handlebars<'_>, lists: &[LangProps]) -> Result<String, GenError> {
    part(hb, "props", &Lists { lists })
}

fn langcode(hb: &Handlebars<'_>, items: &[LangCode], chooser: &str) -> Result<String, GenError> {
    part(hb, "langcode", &Items { items, chooser })
}

#[derive(Serialize)]
struct ResourceText<'a> {
    #[serde(flatten)]
    page: &'a ResourcePage,
    parts: CommonParts,
    constructors: String,
    inputs: String,
    outputs: String,
    lookup_signatures: String,
    lookup_state: String,
}

pub(super) fn resource(hb: &Handlebars<'_>, page: &ResourcePage) -> Result<String, GenError> {
    let chooser = &page.common.chooser;
    let (lookup_signatures, lookup_state) = match &page.lookup {
        Some(l) => (langcode(hb, &l.signatures, chooser)?, props(hb, &l.state)?),
        None => Default::default(),
    };
    let text = ResourceText {
        page,
        parts: common_parts(hb, &page.common)?,
        constructors: langcode(hb, &page.constructors, chooser)?,
        inputs: props(hb, &page.inputs)?,
        outputs: props(hb, &page.outputs)?,
        lookup_signatures,
        lookup_state,
    };
    render(hb, "resource", &text)
}

#[derive(Serialize)]
struct FunctionText<'a> {
    #[serde(flatten)]
    page: &'a FunctionPage,
    parts: CommonParts,
    signatures: String,
    arguments: String,
    result: String,
}

pub(super) fn function(hb: &Handlebars<'_>, page: &FunctionPage) -> Result<String, GenError> {
    let text = FunctionText {
        page,
        parts: common_parts(hb, &page.common)?,
        signatures: langcode(hb, &page.signatures, &page.common.chooser)?,
        arguments: props(hb, &page.arguments)?,
        result: props(hb, &page.result)?,
    };
    render(hb, "function", &text)
}
