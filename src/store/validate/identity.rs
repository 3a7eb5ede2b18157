//! The identity keys of format version 3: a locality's `key`, `formerly` and `merged_from`,
//! and an indicator's `key`; each needs `version = 3`, says something, and is unique where
//! it must be.

use std::collections::HashSet;

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
}

/// `key`, `formerly` and `merged_from` of one `[[locality]]`.
pub(super) fn locality(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Identity {
    Identity {
        key: one(ck, f, "key").map(Id::from),
        formerly: one(ck, f, "formerly").map(Text::from),
        merged_from: many(ck, f, "merged_from"),
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
    let DeValue::Array(items) = value.get_ref() else {
        f.wrong_type(ck, key, value, Expected::Strings);
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => out.push(clean(s.trim()).into()),
            DeValue::String(_) => {
                let problem = Problem::BlankIdentity {
                    key: key.to_string(),
                    table: f.what.clone(),
                };
                ck.error(item.span(), problem);
            }
            _ => f.wrong_item_type(ck, key, item, Expected::String),
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
        ("formerly", d.formerly.iter().collect::<Vec<_>>()),
        ("merged_from", d.merged_from.iter().collect()),
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
    if let Some(key) = &d.key
        && !keys.insert(key.clone())
    {
        let span = f.get("key").map(|v| v.span()).unwrap_or(f.span.clone());
        let problem = Problem::IdentityRepeated {
            key: key.to_string(),
            table: f.what.clone(),
            figure: false,
        };
        ck.error(span, problem);
    }
}

/// Two figures of one locality never share a `key`.
pub(super) fn check_figure(
    ck: &mut Checker<'_>,
    f: &Fields<'_, '_>,
    ind: &Indicator,
    keys: &mut HashSet<Shared>,
) {
    if let Some(key) = &ind.key
        && !keys.insert(key.clone())
    {
        let span = f.get("key").map(|v| v.span()).unwrap_or(f.span.clone());
        let problem = Problem::IdentityRepeated {
            key: key.to_string(),
            table: f.what.clone(),
            figure: true,
        };
        ck.error(span, problem);
    }
}
