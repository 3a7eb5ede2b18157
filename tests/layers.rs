//! The module layers of ARCHITECTURE.md, checked on the source: every `crate::` path points down.

use std::collections::BTreeSet;
use std::path::Path;

/// Each top-level module and its layer; a module may use modules of lower layers only.
const LAYERS: &[(&str, u8)] = &[
    // Leaves: know no screen, no store, no app.
    ("model", 0),
    ("safe", 0),
    ("memory", 0),
    ("cores", 0),
    ("i18n", 1),
    // Problems in files, as data said through the catalogue.
    ("diag", 2),
    // How values read as text; the domain: files, index.
    ("present", 3),
    ("store", 3),
    ("search", 3),
    ("git", 4),
    // Keys and commands; documents; the drawing toolkit (theme, tones, text fitting).
    ("input", 5),
    ("report", 5),
    ("ui", 5),
    // Each screen in one place: state, commands, drawing.
    ("screens", 6),
    // The router over the screens.
    ("app", 7),
    // The shell: process, terminal, threads, settings.
    ("watch", 8),
    ("config", 8),
    ("tui", 9),
    ("cli", 10),
];

/// Edges that point the wrong way, being removed (the list may only shrink).
const KNOWN_UPWARD: &[(&str, &str)] = &[];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The non-test code of a file: what comes before its first `#[cfg(test)]`.
fn production_code(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

fn used_modules(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for line in production_code(text).lines() {
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            assert!(
                !name.is_empty(),
                "write `crate::module::…`, not `crate::{{…}}`: {line}"
            );
            used.insert(name);
        }
    }
    used
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("src/ is readable");
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/app/doc.rs` → `app`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_string())
}

#[test]
fn every_crate_path_points_to_a_lower_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = BTreeSet::new();
    let mut seen_known = BTreeSet::new();
    for file in &all {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        if module == "main" || module == "lib" {
            continue;
        }
        let from = layer(&module)
            .unwrap_or_else(|| panic!("module `{module}` has no layer in tests/layers.rs"));
        let text = std::fs::read_to_string(file).expect("source is readable");
        for used in used_modules(&text) {
            if used == module {
                continue;
            }
            let to = layer(&used).unwrap_or_else(|| panic!("`crate::{used}` has no layer"));
            if to < from {
                continue;
            }
            if KNOWN_UPWARD.contains(&(module.as_str(), used.as_str())) {
                seen_known.insert((module.clone(), used.clone()));
                continue;
            }
            wrong.insert(format!("{} uses crate::{used}", file.display()));
        }
    }
    assert!(wrong.is_empty(), "edges against the layers: {wrong:#?}");
    let stale: Vec<_> = KNOWN_UPWARD
        .iter()
        .filter(|(a, b)| !seen_known.contains(&(a.to_string(), b.to_string())))
        .collect();
    assert!(
        stale.is_empty(),
        "fixed, remove from KNOWN_UPWARD: {stale:?}"
    );
}
