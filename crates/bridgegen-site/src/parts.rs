//! Big books built a part at a time, so memory stays bounded.
//!
//! mdBook keeps every chapter's HTML tree in memory during a build and serializes the whole
//! search index at once: kubernetes-3.7.0's 45 MB of pages peaked at 935 MB. A big book is
//! built in parts of consecutive chapters: each build has the whole SUMMARY (so navigation,
//! previous/next links and the sidebar are the same) but only its part's chapters have text;
//! empty chapters add nothing to the search index. The part's pages are kept and the search
//! indexes joined in book order ([`search::append`]), which gives the pages and the index a
//! build of the whole book writes.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{anyhow, Context, Result};
use serde_json::Value;

use crate::search;

/// Page text built at a time (bytes of Markdown). kubernetes-3.7.0 (45 MB): 3 MB parts peak
/// at 281 MB RSS and 10 s CPU, 6 MB at 246 MB and 6.9 s, 10 MB at 279 MB and 6.0 s (each
/// part's build rewrites every page and theme file, which costs file creation).
pub const PART_BYTES: usize = 6 << 20;

/// Consecutive runs of `order` (chapter source paths in book order) of at most `limit` bytes
/// each (a bigger chapter is a part of its own).
pub fn split(order: &[String], sizes: &HashMap<String, usize>, limit: usize) -> Vec<Vec<String>> {
    let mut parts: Vec<Vec<String>> = Vec::new();
    let mut current = 0;
    for path in order {
        let size = sizes.get(path).copied().unwrap_or(0);
        match parts.last_mut() {
            Some(part) if current + size <= limit => part.push(path.clone()),
            _ => {
                parts.push(vec![path.clone()]);
                current = 0;
            }
        }
        current += size;
    }
    parts
}

fn mdbook(book: &Path) -> Result<()> {
    let md = mdbook_driver::MDBook::load(book).map_err(|e| anyhow!("{e:#}")).context("loading the book")?;
    let built = md.build().map_err(|e| anyhow!("{e:#}")).context("building the site");
    drop(md);
    release_freed_memory();
    built
}

/// Hands memory freed by a part's build back to the system: glibc keeps freed heap pages
/// for reuse, so without this each part's peak stayed in the process's resident size.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn release_freed_memory() {
    // SAFETY: malloc_trim takes no pointers and only returns free heap pages to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed_memory() {}

/// Builds the book in `book` (pages under `src/`) into `out`, a part at a time; `book_toml`
/// writes the configuration for a build into the folder it names. With `trim`, the search
/// index keeps only teasers of the section texts ([`search::trim`]).
pub fn build(
    book: &Path,
    out: &Path,
    parts: &[Vec<String>],
    book_toml: &dyn Fn(&Path) -> Result<()>,
    trim: bool,
) -> Result<()> {
    let src = book.join("src");
    let index_path = out.join("searchindex.js");
    if parts.len() <= 1 {
        book_toml(out)?;
        mdbook(book)?;
        if trim {
            let js = fs::read_to_string(&index_path).with_context(|| format!("reading {}", index_path.display()))?;
            let small = search::trim(&js, search::TEASER_WORDS)?;
            drop(js);
            fs::write(&index_path, small).with_context(|| format!("writing {}", index_path.display()))?;
        }
        return Ok(());
    }
    // Every chapter's text waits in `hold/`; its part's build puts it back.
    let hold = book.join("hold");
    for path in parts.iter().flatten() {
        let (text, held) = (src.join(path), hold.join(path));
        fs::create_dir_all(held.parent().expect("under hold/"))?;
        fs::rename(&text, &held)?;
        fs::write(&text, "")?;
    }
    // Each part's index, trimmed, as compact JSON: joined only after the last build, so the
    // joined index and a part's build are never in memory together.
    let mut part_indexes: Vec<String> = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        for path in part {
            fs::rename(hold.join(path), src.join(path))?;
        }
        let dest = if k == 0 { out.to_path_buf() } else { book.join(format!("part-{k}")) };
        book_toml(&dest)?;
        mdbook(book)?;
        for path in part {
            fs::write(src.join(path), "")?;
        }
        let part_index = dest.join("searchindex.js");
        let js = fs::read_to_string(&part_index).with_context(|| format!("reading {}", part_index.display()))?;
        let mut value = search::parse(&js)?;
        drop(js);
        if trim {
            search::trim_value(&mut value, search::TEASER_WORDS)?;
        }
        part_indexes.push(value.to_string());
        drop(value);
        if k > 0 {
            for path in part {
                let html = Path::new(path).with_extension("html");
                fs::rename(dest.join(&html), out.join(&html))
                    .with_context(|| format!("moving {} into the site", html.display()))?;
            }
            fs::remove_dir_all(&dest)?;
        }
    }
    let mut parts_left = part_indexes.into_iter();
    let mut index: Value = serde_json::from_str(&parts_left.next().expect("at least two parts"))?;
    for json in parts_left {
        search::append(&mut index, serde_json::from_str(&json)?)?;
    }
    search::sort_like_mdbook(&mut index);
    let json = index.to_string();
    drop(index);
    release_freed_memory();
    fs::write(&index_path, search::wrap(&json)).with_context(|| format!("writing {}", index_path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_consecutive_and_bounded() {
        let order: Vec<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
        let sizes: HashMap<String, usize> =
            [("a", 3), ("b", 3), ("c", 10), ("d", 1)].iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let parts = split(&order, &sizes, 6);
        assert_eq!(parts, vec![vec!["a".to_string(), "b".into()], vec!["c".into()], vec!["d".into()]]);
        assert_eq!(parts.concat(), order);
    }
}
