//! The module layers of ARCHITECTURE.md, checked on the source: every `crate::` path points down.

use std::collections::BTreeSet;
use std::path::Path;

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;

/// Each top-level module and its layer; a module may use modules of lower layers only.
const LAYERS: &[(&str, u8)] = &[
    // Leaves: know no screen, no store, no app.
    ("model", 0),
    ("terminal_text", 0),
    ("alloc_tuning", 0),
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

/// Whether an item's attributes compile it only for tests (`#[cfg(test)]`).
fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Ident>()
                .is_ok_and(|word| word == "test")
    })
}

/// The production items of a file as tokens: every item, nested module and impl member
/// that is not `#[cfg(test)]`, macro bodies included; comments are not tokens.
fn production_tokens(items: &[syn::Item], out: &mut TokenStream) {
    for item in items {
        match item {
            syn::Item::Mod(m) if is_test_only(&m.attrs) => {}
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    production_tokens(inner, out);
                }
            }
            syn::Item::Impl(block) if is_test_only(&block.attrs) => {}
            syn::Item::Impl(block) => {
                block.self_ty.to_tokens(out);
                if let Some((_, path, _)) = &block.trait_ {
                    path.to_tokens(out);
                }
                block
                    .items
                    .iter()
                    .filter(|member| !impl_member_is_test_only(member))
                    .for_each(|member| member.to_tokens(out));
            }
            other if item_attrs(other).is_some_and(is_test_only) => {}
            other => other.to_tokens(out),
        }
    }
}

fn impl_member_is_test_only(member: &syn::ImplItem) -> bool {
    match member {
        syn::ImplItem::Const(c) => is_test_only(&c.attrs),
        syn::ImplItem::Fn(f) => is_test_only(&f.attrs),
        syn::ImplItem::Type(t) => is_test_only(&t.attrs),
        syn::ImplItem::Macro(m) => is_test_only(&m.attrs),
        _ => false,
    }
}

fn item_attrs(item: &syn::Item) -> Option<&[syn::Attribute]> {
    Some(match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::ExternCrate(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::ForeignMod(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::TraitAlias(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => return None,
    })
}

/// The modules named by `crate::name` in a token stream, looking inside every group.
fn crate_paths(tokens: TokenStream, used: &mut BTreeSet<String>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (at, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Group(group) => crate_paths(group.stream(), used),
            TokenTree::Ident(word) if word == "crate" => {
                let colons = tokens.get(at + 1..at + 3).is_some_and(|pair| {
                    pair.iter()
                        .all(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ':'))
                });
                match (colons, tokens.get(at + 3)) {
                    (true, Some(TokenTree::Ident(name))) => {
                        used.insert(name.to_string());
                    }
                    (true, _) => panic!("write `crate::module::…`, not `crate::{{…}}`"),
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

fn used_modules(file: &Path, text: &str) -> BTreeSet<String> {
    let parsed = syn::parse_file(text)
        .unwrap_or_else(|e| panic!("{} does not parse as Rust: {e}", file.display()));
    let mut tokens = TokenStream::new();
    production_tokens(&parsed.items, &mut tokens);
    let mut used = BTreeSet::new();
    crate_paths(tokens, &mut used);
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
        for used in used_modules(file, &text) {
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

#[test]
fn only_test_items_are_skipped() {
    let text = r#"
        use crate::model::Session;
        #[cfg(test)]
        use crate::app::App;
        #[cfg(test)]
        mod tests {
            use crate::tui::run;
        }
        struct S;
        impl S {
            #[cfg(test)]
            fn helper() { crate::cli::main(); }
            fn real() { let _ = format!("{}", crate::present::date()); }
        }
        macro_rules! m { () => { crate::search::Index } }
        // crate::comment::is_not_code
        const LATE: &str = "crate::string::is_not_code";
        fn after() { crate::store::load(); }
    "#;
    let used = used_modules(Path::new("example.rs"), text);
    let expected: BTreeSet<String> = ["model", "present", "search", "store"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(used, expected);
}
