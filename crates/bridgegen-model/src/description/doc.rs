//! [`Doc`]: a model element's description, kept with its parse.

use std::ops::Deref;
use std::sync::OnceLock;

use super::{Description, Language, Sections};

/// A member's schema description as written, parsed on first use and kept: every SDK's doc
/// comments and the docs pages read the same parse of each element instead of parsing again.
/// Derefs to the text as written.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    text: String,
    parsed: OnceLock<Description>,
}

impl Doc {
    pub fn new(text: impl Into<String>) -> Doc {
        Doc { text: text.into(), parsed: OnceLock::new() }
    }

    /// The description as written in the schema.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The parse, made the first time it is asked for.
    pub fn parsed(&self) -> &Description {
        self.parsed.get_or_init(|| Description::parse(&self.text))
    }

    /// [`Description::for_language`] of the kept parse.
    pub fn for_language(&self, lang: Language) -> String {
        self.parsed().for_language(lang)
    }

    /// [`Description::sections`] of the kept parse.
    pub fn sections(&self) -> Sections {
        self.parsed().sections()
    }
}

impl Deref for Doc {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq for Doc {
    fn eq(&self, other: &Doc) -> bool {
        self.text == other.text
    }
}

impl From<String> for Doc {
    fn from(text: String) -> Doc {
        Doc::new(text)
    }
}

impl From<&str> for Doc {
    fn from(text: &str) -> Doc {
        Doc::new(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_once_and_reads_like_the_text() {
        let d = Doc::new("Intro.\n```python\nx = 1\n```\n```go\ny := 1\n```");
        assert_eq!(&*d, d.text());
        assert!(d.parsed.get().is_none());
        assert_eq!(d.for_language(Language::Go), "Intro.\n```go\ny := 1\n```");
        let first: *const Description = d.parsed();
        assert_eq!(d.for_language(Language::Python), "Intro.\n```python\nx = 1\n```");
        assert!(std::ptr::eq(first, d.parsed()), "the parse is kept");
        assert_eq!(d.sections().body, Description::parse(d.text()).sections().body);
    }
}
