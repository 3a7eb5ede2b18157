//! The identity keys of format version 3: a locality's `key`, `formerly`, `merged_from` and
//! `merging_into`, and an indicator's `key`; each needs `version = 3`, says something, and is
//! unique where it must be.

use std::collections::HashSet;
use std::fmt::Display;
use std::hash::Hash;

use toml::de::DeValue;

use super::fields::{Checker, Fields, clean};
use crate::diag::{Expected, Problem};
use crate::model::{District, Id, Indicator, Shared, Text, dossier};

/// What a locality says about who it is across files.
#[derive(Default)]
pub(super) struct Identity {
    pub(super) key: Option<Id>,
    pub(super) formerly: Option<Text>,
    pub(super) merged_from: Vec<Text>,
    pub(super) merging_into: Option<Text>,
}

/// `key`, `formerly`, `merged_from` and `merging_into` of one `[[locality]]`.
pub(super) fn locality(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Identity {
    Identity {
        key: one(ck, f, "key").map(Id::from),
        formerly: one(ck, f, "formerly").map(Text::from),
        merged_from: many(ck, f, "merged_from"),
        merging_into: one(ck, f, "merging_into").map(Text::from),
    }
}

/// An indicator's `key`.
pub(super) fn indicator(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<Shared> {
    one(ck, f, "key").map(|key| ck.share(key))
}

/// A version 3 string: said in a file of that version, and not blank.
fn one(ck: &mut Checker<'_>, f: &Fields<'_, '_>, key: &str) -> Option<String> {
    let value = f.get(key)?;
    ck.identity_key(value.span(), key, &f.what);
    let text = f.string(ck, key)?;
    let text = text.trim().to_string();
    if text.is_empty() {
        let problem = Problem::BlankIdentity {
            key: key.to_string(),
            table: f.what.clone(),
        };
        ck.error(value.span(), problem);
        return None;
    }
    Some(text)
}

/// A version 3 array of strings, none blank.
fn many(ck: &mut Checker<'_>, f: &Fields<'_, '_>, key: &str) -> Vec<Text> {
    let Some(value) = f.get(key) else {
        return Vec::new();
    };
    ck.identity_key(value.span(), key, &f.what);
    let mut out = Vec::new();
    for item in f.items(ck, key, value, Expected::Strings) {
        match item.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => out.push(clean(s.trim()).into()),
            DeValue::String(_) => {
                let problem = Problem::BlankIdentity {
                    key: key.to_string(),
                    table: f.what.clone(),
                };
                ck.error(item.span(), problem);
            }
            _ => f.wrong(ck, Problem::WrongItemType, key, item, Expected::String),
        }
    }
    out
}

/// A locality's references must name another unit; its `key` must be its own in the file.
pub(super) fn check_locality(
    ck: &mut Checker<'_>,
    f: &Fields<'_, '_>,
    d: &District,
    keys: &mut HashSet<Id>,
) {
    for (name, references) in [
        ("formerly", d.more.formerly.iter().collect::<Vec<_>>()),
        ("merged_from", d.more.merged_from.iter().collect()),
        ("merging_into", d.more.merging_into.iter().collect()),
    ] {
        for reference in references {
            if dossier::names(reference, d) {
                let span = f.get(name).map(|v| v.span()).unwrap_or(f.span.clone());
                let problem = Problem::NamesItself {
                    key: name.to_string(),
                    table: f.what.clone(),
                    reference: reference.to_string(),
                };
                ck.error(span, problem);
            }
        }
    }
    unique_key(ck, f, d.more.key.as_ref(), keys, false);
}

/// Two figures of one locality never share a `key`.
pub(super) fn check_figure(
    ck: &mut Checker<'_>,
    f: &Fields<'_, '_>,
    ind: &Indicator,
    keys: &mut HashSet<Shared>,
) {
    unique_key(ck, f, ind.more.key.as_ref(), keys, true);
}

/// A `key` already in `keys` (a locality's, or a figure's of one locality) is an error at it.
fn unique_key<K: Clone + Eq + Hash + Display>(
    ck: &mut Checker<'_>,
    f: &Fields<'_, '_>,
    key: Option<&K>,
    keys: &mut HashSet<K>,
    figure: bool,
) {
    if let Some(key) = key
        && !keys.insert(key.clone())
    {
        let span = f.get("key").map(|v| v.span()).unwrap_or(f.span.clone());
        let problem = Problem::IdentityRepeated {
            key: key.to_string(),
            table: f.what.clone(),
            figure,
        };
        ck.error(span, problem);
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Diagnostic;
    use crate::model::{Lang, Session};
    use crate::store::parse_file;

    fn read(version: &str, locality: &str) -> (Option<Session>, Vec<Diagnostic>) {
        let src = format!(
            "{version}\n[session]\ntitle = \"T\"\ndate = 2025-09-20\n\n[[locality]]\nname = \"Ia Ly\"\nlevel = \"xa\"\n{locality}"
        );
        let report = parse_file(src.as_bytes(), "x.toml", "x");
        (report.session, report.diagnostics)
    }

    /// The one error of reading `locality`, in both languages, with its line.
    fn error(version: &str, locality: &str) -> (String, String, usize) {
        let (session, diagnostics) = read(version, locality);
        assert!(session.is_none(), "{locality}: an error");
        let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
        let [d] = &errors[..] else {
            panic!("{locality}: one problem, not {diagnostics:?}");
        };
        let line = d.location.as_ref().map_or(0, |l| l.line);
        (d.message(Lang::En), d.message(Lang::Vi), line)
    }

    #[test]
    fn identity_keys_are_read_in_version_3() {
        let (session, diagnostics) = read(
            "version = 3",
            "key = \" gia-lai/ia-ly \"\nformerly = \"xã Ia Ly cũ\"\nmerged_from = [\"huyện Chư Păh\", \"xã Ia Kreng\"]\n\n[[locality.indicator]]\nname = \"Thu ngân sách\"\nkey = \"thu-ngan-sach\"\nvalue = 95\n",
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let session = session.expect("loads");
        let d = &session.districts[0];
        assert_eq!(d.more.key.as_deref(), Some("gia-lai/ia-ly"));
        assert_eq!(d.more.formerly.as_deref(), Some("xã Ia Ly cũ"));
        assert_eq!(d.more.merged_from.len(), 2);
        assert_eq!(d.indicators[0].more.key.as_deref(), Some("thu-ngan-sach"));
        assert!(d.key().written);
    }

    #[test]
    fn an_identity_key_in_an_earlier_version_says_to_write_version_3() {
        for version in ["", "version = 1", "version = 2"] {
            let (en, vi, line) = error(version, "key = \"gia-lai/ia-ly\"\n");
            let says = if version.is_empty() {
                "1"
            } else {
                &version[10..]
            };
            assert!(
                en.contains("`key` in [[locality]] #1 (Ia Ly) needs `version = 3`")
                    && en.contains(&format!("the file is version {says}"))
                    && en.contains("write `version = 3` at the top"),
                "{en}"
            );
            assert!(vi.contains("cần `version = 3`") && vi.contains("hãy viết `version = 3`"));
            assert_eq!(line, 9);
        }
        let (en, _, _) = error("version = 2", "merged_from = [\"huyện Chư Păh\"]\n");
        assert!(en.starts_with("`merged_from` in"), "{en}");
    }

    #[test]
    fn blank_wrong_and_repeated_identities_are_errors_with_a_suggestion() {
        let (en, vi, _) = error("version = 3", "formerly = \"  \"\n");
        assert!(en.contains("`formerly = \"huyện Chư Păh\"`"), "{en}");
        assert!(vi.contains("đang để trống"), "{vi}");
        let (en, _, _) = error("version = 3", "merged_from = [\"\"]\n");
        assert!(
            en.contains("`merged_from` in") && en.contains("is empty"),
            "{en}"
        );
        let (en, vi, _) = error("version = 3", "formerly = \"xã Ia Ly\"\n");
        assert!(en.contains("names the locality itself"), "{en}");
        assert!(vi.contains("lại chỉ chính địa phương này"), "{vi}");
        let (en, _, _) = error("version = 3", "merged_from = \"huyện Chư Păh\"\n");
        assert!(en.contains("merged_from"), "{en}");
        let (en, vi, line) = error(
            "version = 3",
            "key = \"a\"\n\n[[locality]]\nname = \"Ia Kreng\"\nkey = \"a\"\n",
        );
        assert!(
            en.contains("[[locality]] #2 (Ia Kreng) has the `key` \"a\" of another locality"),
            "{en}"
        );
        assert!(vi.contains("mỗi địa phương cần một `key` riêng"), "{vi}");
        assert_eq!(line, 13);
        let figure = "[[locality.indicator]]\nname = \"A\"\nkey = \"k\"\nvalue = 1\n";
        let (en, vi, _) = error("version = 3", &format!("\n{figure}\n{figure}"));
        assert!(
            en.contains("of another indicator of the same locality"),
            "{en}"
        );
        assert!(vi.contains("mỗi chỉ tiêu cần một `key` riêng"), "{vi}");
    }
}
