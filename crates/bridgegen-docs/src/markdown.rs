//! Markdown handling for schema descriptions (split into body, examples and import section by
//! `bridgegen_model::description`): turning the import section into `pulumi import` commands,
//! and making description text safe to print into a page (HTML escaped unless trusted,
//! script-capable links disarmed).
//!
//! Everything here works line by line and keeps fenced code blocks intact.

use std::sync::LazyLock;

use regex::Regex;

use bridgegen_model::description::{collapse_blank_lines, fence_close, fence_open};

/// Collapses runs of blank lines (outside code blocks) and trailing whitespace of a page.
pub fn tidy(s: &str) -> String {
    collapse_blank_lines(s.trim())
}

/// Turns an import section into `pulumi import` instructions: its prose is kept, every
/// `pulumi import` command is kept, and `terraform import TYPE.NAME ID` commands are
/// rewritten to `pulumi import <token> NAME ID`. Returns `(prose, commands)`.
pub fn import_commands(section: &str, token: &str) -> (String, Vec<String>) {
    let mut prose = String::new();
    let mut commands = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for line in section.lines() {
        if let Some((ch, n)) = fence {
            if fence_close(line, ch, n) {
                fence = None;
                continue;
            }
            let cmd = line.trim().trim_start_matches('$').trim();
            let words: Vec<&str> = cmd.split_whitespace().collect();
            match words.as_slice() {
                ["pulumi", "import", rest @ ..] if !rest.is_empty() => {
                    commands.push(format!("pulumi import {}", rest.join(" ")));
                }
                ["terraform", "import", addr, id @ ..] if !id.is_empty() => {
                    let name = addr.rsplit('.').next().unwrap_or(addr);
                    commands.push(format!("pulumi import {token} {name} {}", id.join(" ")));
                }
                _ => {}
            }
            continue;
        }
        if let Some((ch, n, _)) = fence_open(line) {
            fence = Some((ch, n));
            continue;
        }
        prose.push_str(line);
        prose.push('\n');
    }
    (collapse_blank_lines(prose.trim()), commands)
}

static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^<(?:https?://|mailto:)[^<>\s]*>").expect("regex"));
static BR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^<br\s*/?>").expect("regex"));
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s[^<>]*)?)(/?)>").expect("regex"));
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)"#).expect("regex")
});
/// A link destination or reference definition using a scheme that can run script.
static UNSAFE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\]\(\s*<?|^\s{0,3}\[[^\]]*\]:\s*<?)\s*((?:java|vb)script|data|file)\s*:").expect("regex")
});

/// Tags a trusted description may use, with the attributes each may keep.
const TRUSTED_TAGS: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("b", &[]),
    ("blockquote", &[]),
    ("br", &[]),
    ("code", &[]),
    ("dd", &[]),
    ("div", &[]),
    ("dl", &[]),
    ("dt", &[]),
    ("em", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("hr", &[]),
    ("i", &[]),
    ("img", &["src", "alt", "title"]),
    ("li", &[]),
    ("ol", &[]),
    ("p", &[]),
    ("pre", &[]),
    ("span", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("sup", &[]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &[]),
    ("th", &[]),
    ("thead", &[]),
    ("tr", &[]),
    ("ul", &[]),
    ("wbr", &[]),
];

fn safe_url(url: &str) -> bool {
    let u: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let lower = u.to_ascii_lowercase();
    match lower.find(':') {
        None => !lower.contains('&'),
        Some(colon) => {
            let scheme = &lower[..colon];
            if scheme.contains('/') || scheme.contains('?') || scheme.contains('#') {
                return !lower.contains('&');
            }
            matches!(scheme, "http" | "https" | "mailto")
        }
    }
}

/// Re-emits an allowed tag with only its allowed attributes (values HTML-escaped), or
/// `None` when the tag is not allowed.
fn trusted_tag(caps: &regex::Captures<'_>) -> Option<String> {
    let close = &caps[1];
    let name = caps[2].to_ascii_lowercase();
    let (_, allowed) = TRUSTED_TAGS.iter().find(|(t, _)| *t == name)?;
    if !close.is_empty() {
        return Some(format!("</{name}>"));
    }
    let mut out = format!("<{name}");
    for a in ATTR.captures_iter(&caps[3]) {
        let attr = a[1].to_ascii_lowercase();
        if !allowed.contains(&attr.as_str()) {
            continue;
        }
        let raw = a[2].trim_matches(|c| c == '"' || c == '\'');
        let value = decode_basic_entities(raw);
        if (attr == "href" || attr == "src") && !safe_url(&value) {
            continue;
        }
        out.push_str(&format!(" {attr}=\"{}\"", escape_html(&value)));
    }
    out.push_str(if caps[4].is_empty() { ">" } else { " />" });
    Some(out)
}

fn decode_basic_entities(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Escapes one line of prose outside code spans.
fn escape_prose(seg: &str, trusted: bool, out: &mut String) {
    let mut rest = seg;
    while let Some(pos) = rest.find(['<', '&']) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix('&') {
            // Character references could spell a `javascript:` scheme inside a link: only
            // named references made of letters pass; numeric ones are escaped.
            let ok = after
                .find(';')
                .is_some_and(|end| end > 0 && end <= 10 && after[..end].chars().all(|c| c.is_ascii_alphanumeric()));
            out.push_str(if ok { "&" } else { "&amp;" });
            rest = after;
            continue;
        }
        if let Some(m) = AUTOLINK.find(tail).or_else(|| BR.find(tail)) {
            out.push_str(m.as_str());
            rest = &tail[m.end()..];
            continue;
        }
        if trusted {
            if let Some(caps) = TAG.captures(tail) {
                if let Some(tag) = trusted_tag(&caps) {
                    out.push_str(&tag);
                    rest = &tail[caps[0].len()..];
                    continue;
                }
            }
        }
        out.push_str("&lt;");
        rest = &tail[1..];
    }
    out.push_str(rest);
}

/// Escapes a line outside fenced code, leaving inline code spans alone.
fn sanitize_line(line: &str, trusted: bool) -> String {
    let line = UNSAFE_LINK.replace_all(line, "${1}#unsafe-link-").into_owned();
    let mut out = String::with_capacity(line.len() + 8);
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut prose_start = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
            // Find the matching closing run of exactly `run` backticks.
            let mut j = i + run;
            let mut close = None;
            while j < bytes.len() {
                if bytes[j] == b'`' {
                    let r = bytes[j..].iter().take_while(|b| **b == b'`').count();
                    if r == run {
                        close = Some(j);
                        break;
                    }
                    j += r;
                } else {
                    j += 1;
                }
            }
            if let Some(c) = close {
                escape_prose(&line[prose_start..i], trusted, &mut out);
                out.push_str(&line[i..c + run]);
                i = c + run;
                prose_start = i;
                continue;
            }
            i += run;
            continue;
        }
        i += 1;
    }
    escape_prose(&line[prose_start..], trusted, &mut out);
    out
}

/// Makes description Markdown safe to print in a page: outside code, every `<` that does not
/// start an autolink or a `<br>` is escaped (with `trusted`, tags from a small allowlist are
/// kept with their safe attributes only), numeric character references are escaped, and
/// links with script-capable schemes (`javascript:`, `vbscript:`, `data:`, `file:`) are
/// turned into inert fragment links. The `{{% ... %}}` shortcodes that Hugo would interpret
/// are left as text.
pub fn sanitize(text: &str, trusted: bool) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut fence: Option<(char, usize)> = None;
    for line in text.lines() {
        if let Some((ch, n)) = fence {
            if fence_close(line, ch, n) {
                fence = None;
            }
            out.push_str(line);
        } else if let Some((ch, n, _)) = fence_open(line) {
            fence = Some((ch, n));
            out.push_str(line);
        } else if line.starts_with("    ") || line.starts_with('\t') {
            // Possibly indented code; still escape (harmless in code, needed in lists).
            out.push_str(&sanitize_line(line, trusted));
        } else {
            out.push_str(&sanitize_line(line, trusted));
        }
        out.push('\n');
    }
    if let Some((ch, n)) = fence {
        // Close an unclosed fence so it cannot swallow the rest of the page.
        out.push_str(&ch.to_string().repeat(n));
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// HTML-escapes text for element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Plain text as Markdown inline text: characters Markdown could read (emphasis, links,
/// HTML, code, a list or heading marker at the start) are escaped, so names like `*/`,
/// `$ref` or `<b>` print as written; `kakaocloud_image_member` stays readable.
pub fn md_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev_word = i > 0 && chars[i - 1].is_alphanumeric();
        let next_word = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        match c {
            '\n' | '\r' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '[' | ']' | '!' | '|' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '_' if !(prev_word && next_word) => out.push_str("\\_"),
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i > 0 && chars[..i].iter().all(|d| d.is_ascii_digit()) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text as a Markdown inline code span, whatever backticks it contains.
pub fn md_code(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let ticks = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') || s.is_empty() { " " } else { "" };
    format!("{ticks}{pad}{s}{pad}{ticks}")
}

/// A fenced code block whose fence is longer than any backtick run in `code`.
pub fn code_block(lang: &str, code: &str) -> String {
    let mut longest = 0;
    for line in code.lines() {
        let t = line.trim_start();
        let n = t.chars().take_while(|c| *c == '`').count();
        longest = longest.max(n);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    let lang: String = lang.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    format!("{fence}{lang}\n{}\n{fence}", code.trim_end_matches('\n'))
}

/// Indents every line but the first by `n` spaces (for list-item continuation).
pub fn indent_rest(s: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    let mut out = String::with_capacity(s.len() + 16);
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
            }
        }
        out.push_str(line);
    }
    out
}

/// A string as a YAML double-quoted scalar (JSON string syntax is valid YAML).
pub fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).expect("string serializes")
}

/// The first sentence (or line) of a description, as plain summary text.
pub fn summary(desc: &str) -> String {
    let first = desc.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with("{{%")).unwrap_or("");
    let end = first.find(". ").map(|i| i + 1).unwrap_or(first.len());
    first[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_section_becomes_commands() {
        let (prose, cmds) = import_commands(
            "image can be imported using the id, e.g.\n\n```sh\n$ pulumi import alicloud:ecs/x:X default m-1:2\n```",
            "alicloud:ecs/x:X",
        );
        assert_eq!(prose, "image can be imported using the id, e.g.");
        assert_eq!(cmds, vec!["pulumi import alicloud:ecs/x:X default m-1:2"]);
    }

    #[test]
    fn terraform_import_becomes_pulumi_import() {
        let (_, cmds) = import_commands("```\nterraform import alicloud_x.example a:b\n```", "alicloud:ecs/x:X");
        assert_eq!(cmds, vec!["pulumi import alicloud:ecs/x:X example a:b"]);
    }

    #[test]
    fn html_is_escaped_outside_code() {
        let s = sanitize("a <script>alert(1)</script> `<b>` <br/> <https://x.y/>\n```\n<i>\n```", false);
        assert_eq!(s, "a &lt;script>alert(1)&lt;/script> `<b>` <br/> <https://x.y/>\n```\n<i>\n```");
    }

    #[test]
    fn script_links_are_disarmed() {
        let s = sanitize("[x](javascript:alert(1)) [y]( JavaScript :alert(1)) [z](https://ok)\n[r]: vbscript:x", false);
        assert!(!s.to_ascii_lowercase().contains("](javascript"), "{s}");
        assert!(s.contains("[x](#unsafe-link-alert(1))"), "{s}");
        assert!(s.contains("[z](https://ok)"));
        assert!(s.contains("[r]: #unsafe-link-x"), "{s}");
        assert_eq!(sanitize("[a](jav&#x61;script:x)", false), "[a](jav&amp;#x61;script:x)");
    }

    #[test]
    fn trusted_html_keeps_safe_tags_only() {
        let s = sanitize(
            r#"<b onclick="x()">b</b> <a href="javascript:x">a</a> <a href='https://e.com'>e</a> <script>x</script>"#,
            true,
        );
        assert_eq!(s, r#"<b>b</b> <a>a</a> <a href="https://e.com">e</a> &lt;script>x&lt;/script>"#);
    }

    #[test]
    fn unclosed_fence_is_closed() {
        assert_eq!(sanitize("```\ncode", false), "```\ncode\n```");
    }

    #[test]
    fn code_spans_and_text_escape() {
        assert_eq!(md_code("a`b"), "``a`b``");
        assert_eq!(md_code("`x"), "`` `x ``");
        assert_eq!(md_text("*/ $ref <b>"), "\\*/ $ref &lt;b&gt;");
        assert_eq!(md_text("kakaocloud_image_member"), "kakaocloud_image_member");
        assert_eq!(md_text("_x 1. #"), "\\_x 1. #");
        assert_eq!(md_text("1. x"), "1\\. x");
        assert_eq!(code_block("ts", "a\n```\n"), "````ts\na\n```\n````");
    }
}
