//! The catalogue's own checks: both languages say the same things, and nothing in it is dead.

use super::ENTRIES;
use std::path::Path;

/// The placeholders of each text are checked when the catalogue compiles (see `Template`).
#[test]
fn no_text_is_empty() {
    for (key, en, vi) in ENTRIES {
        assert!(
            !en.trim().is_empty() && !vi.trim().is_empty(),
            "`{key}` is empty"
        );
    }
}

fn sources(dir: &Path, out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push_str(without_catalogue(&text));
        }
    }
}

/// The code after the `catalogue!` block (the block itself names every key).
fn without_catalogue(text: &str) -> &str {
    match text.find("\ncatalogue! {") {
        Some(start) => match text[start..].find("\n}\n") {
            Some(end) => &text[start + end..],
            None => text,
        },
        None => text,
    }
}

#[test]
fn every_key_is_used_outside_the_catalogue() {
    let mut code = String::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    let unused: Vec<&str> = ENTRIES
        .iter()
        .map(|(key, ..)| *key)
        .filter(|key| {
            !code.contains(&format!(".{key}")) && !code.contains(&format!("Strings::{key}"))
        })
        .collect();
    assert!(unused.is_empty(), "keys never used: {unused:?}");
}
