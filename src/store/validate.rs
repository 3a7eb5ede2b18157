//! The briefing schema: what a file holds (the session, its localities, their indicators and
//! directives, the keys of each table and which of them version 2 adds), read through the
//! field reader into a `Session`, with every problem at its place: missing keys, wrong types,
//! bad values, duplicate ids, unknown keys (with the closest known key as a suggestion),
//! version 2 keys in a file that says it is version 1.

mod conclusions;
mod fields;
mod identity;
mod progress;

use std::collections::HashSet;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::slips;
use crate::diag::{self, Expected, Problem, Table};
use crate::model::Followed;
use crate::model::{
    Basis, Better, Bound, Comparison, Comparisons, Directive, DirectiveMore, District,
    DistrictMore, FORMAT_VERSIONS, HostKind, Id, Image, Indicator, IndicatorMore, Kind, Level,
    PartOfDay, Participant, Rare, Reference, Session, SessionDate, Text, fold,
};
pub(super) use fields::{Checker, SharedTexts};
use fields::{Fields, clean, to_offset_datetime, to_session_date};
use progress::progress_log;

const TOP_KEYS: &[&str] = &["version", "session", "district", "locality", "directive"];
const SESSION_KEYS: &[&str] = &[
    "title",
    "date",
    "part_of_day",
    "published",
    "year_inferred",
    "host",
    "host_kind",
    "chair",
    "topic",
    "location",
    "source",
    "tags",
    "summary",
    "highlights",
    "strengths",
    "shortcomings",
    "references",
    "participant",
    "image",
];
/// The keys of the top level that hold tables.
const TOP_TABLES: &[&str] = &["session", "district", "locality", "directive"];
const PARTICIPANT_KEYS: &[&str] = &["name", "group", "role", "part"];
const REFERENCE_KEYS: &[&str] = &["number", "title"];
const IMAGE_KEYS: &[&str] = &["caption", "credit", "file"];
const DISTRICT_KEYS: &[&str] = &[
    "name",
    "id",
    "level",
    "parent",
    "body",
    "summary",
    "highlights",
    "strengths",
    "shortcomings",
    "indicator",
    "directive",
    "proposal",
    "key",
    "formerly",
    "merged_from",
    "merging_into",
];
const INDICATOR_KEYS: &[&str] = &[
    "name",
    "value",
    "unit",
    "kind",
    "of",
    "bound",
    "period",
    "target",
    "target_label",
    "compare",
    "better",
    "note",
    "estimate",
    "forecast",
    "value_other",
    "unit_other",
    "part_of",
    "key",
];
const COMPARE_KEYS: &[&str] = &["label", "percent", "basis"];
const DIRECTIVE_KEYS: &[&str] = &[
    "id", "text", "owner", "to", "to_other", "due", "due_text", "urgent", "note", "done",
    "done_at", "done_by", "progress",
];

/// The keys version 2 adds, by table (a file that says `version = 1` is warned of each).
const SESSION_KEYS_2: &[&str] = &[
    "part_of_day",
    "published",
    "host_kind",
    "highlights",
    "strengths",
    "shortcomings",
    "references",
    "image",
];
const LOCALITY_KEYS_2: &[&str] = &["level", "parent", "body"];
const INDICATOR_KEYS_2: &[&str] = &["kind", "of", "note"];

/// Checks a parsed document and builds its session (`None` when it has errors).
pub(super) fn session(
    ck: &mut Checker<'_>,
    root: &Spanned<DeTable<'_>>,
    id: &str,
) -> Option<Session> {
    let top = Fields::new(root.get_ref(), 0..0, Table::File);
    let misnamed = top.check_unknown_keys(ck, TOP_KEYS, TOP_TABLES);
    let version = check_version(ck, &top);

    let info = match top.get("session") {
        Some(v) => match v.get_ref() {
            DeValue::Table(t) => session_info(ck, Fields::new(t, v.span(), Table::Session)),
            _ => {
                top.wrong(ck, Problem::WrongType, "session", v, Expected::SessionTable);
                None
            }
        },
        None => {
            if !misnamed.contains(&"session") {
                ck.error(0..0, Problem::NoSession);
            }
            None
        }
    };

    let mut seen = Seen::default();
    let directives = directive_list(ck, &top, None, &mut seen);
    let districts = localities(ck, &top, &mut seen);
    check_to(ck, &seen, &districts);

    let info = info?;
    if ck.has_errors() {
        return None;
    }
    Some(Session {
        id: id.into(),
        version: version.unwrap_or(1),
        title: info.title,
        date: info.date,
        part_of_day: info.part_of_day,
        published: info.published,
        year_inferred: info.year_inferred,
        host: info.host,
        host_kind: info.host_kind,
        chairs: info.chairs.into(),
        topic: info.topic,
        location: info.location,
        source: info.source,
        tags: info.tags,
        summary: info.summary,
        highlights: info.highlights,
        strengths: info.strengths.into(),
        shortcomings: info.shortcomings,
        references: info.references.into(),
        images: info.images.into(),
        participants: info.participants,
        districts,
        directives,
    })
}

/// The version the file declares, when it declares one it may; remembers an explicit 1.
fn check_version(ck: &mut Checker<'_>, top: &Fields<'_, '_>) -> Option<i64> {
    let value = top.get("version")?;
    match value.get_ref() {
        DeValue::Integer(i) => {
            let declared = (i.radix() == 10)
                .then(|| i.as_str().parse::<i64>().ok())
                .flatten()
                .filter(|v| FORMAT_VERSIONS.contains(v));
            match declared {
                Some(v) => {
                    ck.declared = Some(v);
                    return Some(v);
                }
                None => ck.error(
                    value.span(),
                    Problem::UnsupportedVersion {
                        found: i.to_string(),
                    },
                ),
            }
        }
        _ => top.wrong(ck, Problem::WrongType, "version", value, Expected::Integer),
    }
    None
}

struct SessionInfo {
    title: Text,
    date: SessionDate,
    part_of_day: Option<PartOfDay>,
    published: Option<SessionDate>,
    year_inferred: bool,
    host: Option<Text>,
    host_kind: Option<HostKind>,
    chairs: Vec<Text>,
    topic: Option<Text>,
    location: Option<Text>,
    source: Option<Text>,
    tags: Vec<Text>,
    summary: Option<Text>,
    highlights: Vec<Text>,
    strengths: Vec<Text>,
    shortcomings: Vec<Text>,
    references: Vec<Reference>,
    images: Vec<Image>,
    participants: Vec<Participant>,
}

fn session_info(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<SessionInfo> {
    f.check_unknown_keys(ck, SESSION_KEYS, &["participant", "image", "references"]);
    f.version_2_keys(ck, SESSION_KEYS_2);
    let title = f.required_string(ck, "title", "\"Ban Thường vụ Tỉnh ủy làm việc với …\"");
    let date = session_date(ck, &f);
    let participants = f.numbered_tables(ck, "participant", Table::Participant, participant);
    let references = f.numbered_tables(ck, "references", Table::Reference, reference);
    let images = f.numbered_tables(ck, "image", Table::Image, image);
    Some(SessionInfo {
        part_of_day: f.keyword(ck, "part_of_day", PartOfDay::NAMES, PartOfDay::parse),
        published: published(ck, &f),
        year_inferred: conclusions::flag(ck, &f, "year_inferred"),
        host: f.text(ck, "host"),
        host_kind: conclusions::host_kind(ck, &f),
        chairs: f.string_or_strings(ck, "chair"),
        topic: f.text(ck, "topic"),
        location: f.text(ck, "location"),
        source: f.text(ck, "source"),
        tags: f.texts(ck, "tags"),
        summary: f.text(ck, "summary"),
        highlights: f.texts(ck, "highlights"),
        strengths: f.texts(ck, "strengths"),
        shortcomings: f.texts(ck, "shortcomings"),
        references,
        images,
        participants,
        title: title?.into(),
        date: date?,
    })
}

/// `date`: a day or a date-time without quotes, or (version 2) a month or a year in quotes.
fn session_date(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<SessionDate> {
    let Some(value) = f.get("date") else {
        f.missing(ck, "date", "2024-03-13");
        return None;
    };
    match value.get_ref() {
        DeValue::Datetime(dt) => {
            let parsed = to_session_date(*dt);
            if parsed.is_none() {
                f.bad_date_time(ck, "date", value.span(), Expected::SessionDate, *dt);
            }
            parsed
        }
        DeValue::String(s) => f
            .period_string(ck, "date", value, s, true)
            .map(SessionDate::Period),
        _ => {
            f.unquoted_year(ck, "date", value, Expected::SessionDate);
            None
        }
    }
}

/// `published`: a day or a date-time, or (version 3) a month or a year in quotes.
fn published(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<SessionDate> {
    if let Some(value) = f.get("published")
        && let DeValue::String(s) = value.get_ref()
    {
        ck.needs_version_3(value.span(), "published = \"…\"", &f.what);
        return f
            .period_string(ck, "published", value, s, true)
            .map(SessionDate::Period);
    }
    let (dt, span) = f.datetime(ck, "published", Expected::DateOrDateTime)?;
    let parsed = to_session_date(dt);
    if parsed.is_none() {
        f.bad_date_time(ck, "published", span, Expected::DateOrDateTime, dt);
    }
    parsed
}

fn participant(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Participant> {
    f.warn_unknown_keys(ck, PARTICIPANT_KEYS);
    f.version_2_keys(ck, &["group"]);
    let name = f.text(ck, "name");
    let group = f.text(ck, "group");
    let by_title = f.get("role").is_some() && ck.declared.is_some_and(|v| v >= 3); // version 3
    if f.get("name").is_none() && f.get("group").is_none() && !by_title {
        let table = f.what.clone();
        ck.error(f.span.clone(), Problem::ParticipantUnnamed { table });
    }
    if name.is_none() && group.is_none() && !by_title {
        return None;
    }
    Some(Participant {
        name,
        group,
        role: f.text(ck, "role"),
        part: f.text(ck, "part"),
    })
}

/// One of `references`: a `number`, a `title`, or both.
fn reference(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Reference> {
    f.warn_unknown_keys(ck, REFERENCE_KEYS);
    let number = f.text(ck, "number");
    let title = f.text(ck, "title");
    if f.get("number").is_none() && f.get("title").is_none() {
        let table = f.what.clone();
        ck.error(f.span.clone(), Problem::ReferenceEmpty { table });
        return None;
    }
    Some(Reference { number, title })
}

fn image(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Image> {
    f.warn_unknown_keys(ck, IMAGE_KEYS);
    // Only a file that says version 3 may know a photo by its credit alone.
    let credit_alone = f.get("caption").is_none()
        && f.get("credit").is_some()
        && ck.declared.is_some_and(|v| v >= 3);
    let caption = match credit_alone {
        true => None,
        false => Some(f.required_string(ck, "caption", "\"Đồng chí Bí thư Tỉnh ủy phát biểu\"")),
    };
    let file = f.string(ck, "file");
    if let (Some(file), Some(value)) = (&file, f.get("file"))
        && !stays_in_folder(file)
    {
        let problem = Problem::ImageOutside {
            table: f.what.clone(),
            file: file.clone(),
        };
        ck.error(value.span(), problem);
    }
    Some(Image {
        caption: match caption {
            Some(caption) => Some(caption?.into()),
            None => None,
        },
        credit: f.text(ck, "credit"),
        file: file.map(Text::from),
    })
}

/// A path relative to the briefing file's folder that cannot leave the briefing folder: not
/// empty, not absolute, no `..`, no drive or backslash.
fn stays_in_folder(file: &str) -> bool {
    !file.trim().is_empty()
        && !file.starts_with('/')
        && !file.contains(['\\', ':'])
        && file.split('/').all(|part| part != "..")
}

/// The localities of the file: its `[[district]]` or its `[[locality]]` tables (not both), in
/// file order, each id once.
fn localities(ck: &mut Checker<'_>, top: &Fields<'_, '_>, seen: &mut Seen) -> Vec<District> {
    let districts = top.tables(ck, "district");
    let localities = top.tables(ck, "locality");
    if let Some(v) = top.get("locality") {
        ck.version_2(v.span(), "[[locality]]");
        if !districts.is_empty() {
            ck.error(v.span(), Problem::DistrictAndLocality);
        }
    }
    let tables = (districts.into_iter().map(|t| (t, false)))
        .chain(localities.into_iter().map(|t| (t, true)));
    let mut ids: HashSet<String> = HashSet::new();
    let mut keys: HashSet<Id> = HashSet::new();
    let mut out = Vec::new();
    let (mut districts_seen, mut localities_seen) = (0, 0);
    for ((table, span), is_locality) in tables {
        let name = table
            .iter()
            .find(|(k, _)| k.get_ref() == "name")
            .and_then(|(_, v)| v.get_ref().as_str().map(clean));
        let what = if is_locality {
            localities_seen += 1;
            Table::Locality {
                n: localities_seen,
                name,
            }
        } else {
            districts_seen += 1;
            Table::District {
                n: districts_seen,
                name,
            }
        };
        let f = Fields::new(table, span.clone(), what);
        let Some(d) = locality(ck, &f, is_locality, seen) else {
            continue;
        };
        identity::check_locality(ck, &f, &d, &mut keys);
        if ids.insert(d.id.to_string()) {
            out.push(d);
        } else {
            let at = (f.get("id").or(f.get("name")))
                .map(|v| v.span())
                .unwrap_or(span);
            ck.error(at, Problem::DuplicateDistrict { id: d.id.into() });
        }
    }
    out
}

/// One `[[locality]]` or `[[district]]` (whose level is `huyen` unless it says otherwise).
fn locality(
    ck: &mut Checker<'_>,
    f: &Fields<'_, '_>,
    is_locality: bool,
    seen: &mut Seen,
) -> Option<District> {
    f.check_unknown_keys(ck, DISTRICT_KEYS, &["indicator", "directive", "proposal"]);
    f.version_2_keys(ck, LOCALITY_KEYS_2);
    let name = f.required_string(ck, "name", "\"Hải Hà\"");
    let id = f.string(ck, "id");
    if let (Some(id), Some(v)) = (&id, f.get("id"))
        && id.trim().is_empty()
    {
        let table = f.what.clone();
        ck.error(v.span(), Problem::EmptyId { table });
    }
    let level = f.keyword(ck, "level", Level::NAMES, Level::parse);
    let default_level = (!is_locality).then_some(Level::Huyen);
    let identity = identity::locality(ck, f);
    let mut figure_keys = HashSet::new();
    let table = |n| Table::Indicator {
        n,
        district: Box::new(f.what.clone()),
    };
    let indicators = f.numbered_tables(ck, "indicator", table, |ck, f| {
        let ind = indicator(ck, &f)?;
        identity::check_figure(ck, &f, &ind, &mut figure_keys);
        Some(ind)
    });
    let directives = directive_list(ck, f, Some(&f.what), seen);
    let proposals = conclusions::proposals(ck, f, &mut seen.ids);
    let name = name?;
    Some(District {
        id: id.unwrap_or_else(|| fold::slug(&name)).into(),
        level: level.or(default_level),
        parent: f.text(ck, "parent"),
        body: f.text(ck, "body"),
        summary: f.text(ck, "summary"),
        highlights: f.texts(ck, "highlights"),
        strengths: f.texts(ck, "strengths").into(),
        shortcomings: f.texts(ck, "shortcomings"),
        name: name.into(),
        indicators,
        directives,
        more: Rare::new(DistrictMore {
            key: identity.key,
            formerly: identity.formerly,
            merged_from: identity.merged_from.into(),
            merging_into: identity.merging_into,
            proposals: proposals.into(),
        }),
    })
}

fn indicator(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<Indicator> {
    f.check_unknown_keys(ck, INDICATOR_KEYS, &["compare"]);
    f.version_2_keys(ck, INDICATOR_KEYS_2);
    let name = f.required_string(ck, "name", "\"Tổng giá trị sản xuất\"");
    let value = f.number(ck, "value");
    let target = f.number(ck, "target");
    if let Some((t, span)) = &target {
        check_target(ck, f, *t, span.clone());
    }
    let of = f.number(ck, "of");
    if let Some((of, span)) = &of
        && *of <= 0.0
    {
        let problem = Problem::NotPositive {
            key: "of".to_string(),
            table: f.what.clone(),
            value: of.to_string(),
        };
        ck.error(span.clone(), problem);
    }
    let compare: Comparisons = f
        .tables(ck, "compare")
        .into_iter()
        .filter_map(|(t, span)| {
            let what = Table::Compare {
                indicator: Box::new(f.what.clone()),
            };
            comparison(ck, Fields::new(t, span, what))
        })
        .collect();
    let value = match (value, f.get("value")) {
        (Some((value, _)), _) => Some(value),
        (None, Some(_)) => return None,
        (None, None) => {
            value_missing(ck, f, &compare);
            None
        }
    };
    // In the order the file's keys are checked, so problems come in the same order.
    let unit = f.string(ck, "unit").map(|u| ck.share(u.trim().to_string()));
    let kind = f.keyword(ck, "kind", Kind::NAMES, Kind::parse);
    let bound = f.keyword(ck, "bound", &Bound::NAMES, Bound::parse);
    let period = f.shared(ck, "period");
    let target_label = f.shared(ck, "target_label");
    let better = f.keyword(ck, "better", &Better::NAMES, Better::parse);
    let note = f.text(ck, "note");
    let other = conclusions::other_unit(ck, f);
    let part_of = conclusions::part_of(ck, f);
    let estimate = conclusions::flag(ck, f, "estimate");
    let forecast = conclusions::flag(ck, f, "forecast");
    let key = identity::indicator(ck, f);
    Some(Indicator {
        name: ck.share(name?),
        value,
        unit,
        kind: kind.unwrap_or_default(),
        bound: bound.unwrap_or_default(),
        period,
        compare,
        better: better.unwrap_or_default(),
        note,
        estimate,
        forecast,
        more: Rare::new(IndicatorMore {
            of: of.map(|(of, _)| of),
            target: target.map(|(t, _)| t),
            target_label,
            other,
            part_of,
            key,
        }),
    })
}

/// A negative `target` is an error; zero (none left) needs version 3, and is met only at zero,
/// which `better = "higher"` contradicts (a warning).
fn check_target(ck: &mut Checker<'_>, f: &Fields<'_, '_>, target: f64, span: Range<usize>) {
    if target < 0.0 {
        let problem = Problem::TargetNotPositive {
            table: f.what.clone(),
            value: target.to_string(),
        };
        ck.error(span, problem);
    } else if target == 0.0 {
        ck.needs_version_3(span, "target = 0", &f.what);
        if let Some(better) = f.get("better")
            && better.get_ref().as_str() == Some("higher")
        {
            let problem = Problem::ZeroTargetHigher {
                table: f.what.clone(),
            };
            ck.warn(better.span(), problem);
        }
    }
}

/// An indicator without `value` is a figure known only as a percent of its plan (version 3)
/// when it has a comparison with a plan; else the key is missing.
fn value_missing(ck: &mut Checker<'_>, f: &Fields<'_, '_>, compare: &[Comparison]) {
    let plan = compare.iter().any(|c| c.basis() == Basis::Plan);
    let version = ck.declared.unwrap_or(1);
    if plan && version >= 3 {
        return;
    }
    let problem = Problem::ValueMissing {
        table: f.what.clone(),
        plan,
        version,
    };
    ck.error(f.span.clone(), problem);
}

fn comparison(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Comparison> {
    f.warn_unknown_keys(ck, COMPARE_KEYS);
    f.version_2_keys(ck, &["basis"]);
    let label = f.required_string(ck, "label", "\"so với năm 2022\"");
    if f.get("percent").is_none() {
        f.missing(ck, "percent", "107");
    }
    let written_basis = f.keyword(ck, "basis", Basis::NAMES, Basis::parse);
    let (percent, span) = f.number(ck, "percent")?;
    if percent < 0.0 {
        let problem = Problem::PercentNegative {
            table: f.what.clone(),
            value: percent.to_string(),
        };
        ck.error(span, problem);
    }
    Some(Comparison {
        label: ck.share(label?),
        percent,
        written_basis,
    })
}

/// A directive without `id`: suggest one made from its text, else show an example.
fn missing_directive_id(ck: &mut Checker<'_>, f: &Fields<'_, '_>, seen: &Seen) {
    let text = f.get("text").and_then(|v| v.get_ref().as_str());
    match text.and_then(|t| slips::id_from_text(t, |id| seen.ids.contains(id))) {
        Some(suggestion) => {
            let table = f.what.clone();
            ck.error(
                f.span.clone(),
                Problem::DirectiveIdMissing { table, suggestion },
            );
        }
        None => f.missing(ck, "id", "\"dh-ntm-kieu-mau\""),
    }
}

/// What the file's directives have said so far: their ids, which must be unique across it,
/// and the locality ids their `to` names, checked once the localities are read.
#[derive(Default)]
struct Seen {
    ids: HashSet<String>,
    to: Vec<(String, Range<usize>, Table)>,
}

/// Letters, digits, `.`, `_`, `-`.
fn is_valid_directive_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The `[[directive]]` entries of `parent`: the file, or the `locality` named in messages.
fn directive_list(
    ck: &mut Checker<'_>,
    parent: &Fields<'_, '_>,
    locality: Option<&Table>,
    seen: &mut Seen,
) -> Vec<Directive> {
    let table = |n| Table::Directive {
        n,
        district: locality.map(|d| Box::new(d.clone())),
    };
    parent.numbered_tables(ck, "directive", table, |ck, f| directive(ck, f, seen))
}

fn directive(ck: &mut Checker<'_>, f: Fields<'_, '_>, seen: &mut Seen) -> Option<Directive> {
    f.warn_unknown_keys(ck, DIRECTIVE_KEYS);
    let id = match f.get("id") {
        Some(_) => f.string(ck, "id"),
        None => {
            missing_directive_id(ck, &f, seen);
            None
        }
    };
    let id_span = f.get("id").map(|v| v.span()).unwrap_or(f.span.clone());
    let id = id.and_then(|id| {
        if !is_valid_directive_id(&id) {
            ck.error(id_span.clone(), Problem::DirectiveIdMalformed { id });
            None
        } else if !seen.ids.insert(id.clone()) {
            ck.error(id_span.clone(), Problem::DirectiveIdRepeated { id });
            None
        } else {
            Some(id)
        }
    });
    let text = f.required_string(ck, "text", "\"…\"");
    let to = addressees(ck, &f, seen);
    let progress = progress_log(ck, &f);
    let due = f.deadline(ck, "due");
    let done_at = f
        .datetime(ck, "done_at", Expected::OffsetDateTime)
        .and_then(|(dt, span)| {
            let d = to_offset_datetime(dt);
            if d.is_none() {
                f.bad_date_time(ck, "done_at", span, Expected::OffsetDateTime, dt);
            }
            d
        });
    // In the order the file's keys are checked, so problems come in the same order.
    let owner = f.shared(ck, "owner");
    let note = f.text(ck, "note");
    let done = f.boolean(ck, "done").unwrap_or(false);
    let done_by = f.shared(ck, "done_by");
    let to_other = conclusions::to_other(ck, &f);
    let due_text = conclusions::due_text(ck, &f);
    let urgent = conclusions::urgent(ck, &f);
    Some(Directive {
        id: id?.into(),
        text: text?.into(),
        owner,
        due,
        done,
        urgent,
        more: Rare::new(DirectiveMore {
            to: to.into_iter().map(Id::from).collect(),
            note,
            done_at,
            done_by,
            progress: progress.into(),
            due_text,
            to_other: to_other.into(),
        }),
    })
    .map(|mut d| {
        d.settle();
        d
    })
}

/// A directive's `to`: the locality ids of a session-wide directive, remembered with their
/// place to be checked against the localities; on a locality's own directive, an error.
fn addressees(ck: &mut Checker<'_>, f: &Fields<'_, '_>, seen: &mut Seen) -> Vec<String> {
    let Some(value) = f.get("to") else {
        return Vec::new();
    };
    ck.version_2(value.span(), "to");
    if matches!(
        f.what,
        Table::Directive {
            district: Some(_),
            ..
        }
    ) {
        let table = f.what.clone();
        ck.error(value.span(), Problem::ToOnLocality { table });
        return Vec::new();
    }
    let mut to = Vec::new();
    for item in f.items(ck, "to", value, Expected::Strings) {
        match item.get_ref() {
            DeValue::String(id) => {
                let id = clean(id);
                seen.to.push((id.clone(), item.span(), f.what.clone()));
                to.push(id);
            }
            _ => f.wrong(ck, Problem::WrongItemType, "to", item, Expected::String),
        }
    }
    to
}

/// Every id a `to` names must be a locality of the file.
fn check_to(ck: &mut Checker<'_>, seen: &Seen, localities: &[District]) {
    let ids: Vec<&str> = localities.iter().map(|d| d.id.as_str()).collect();
    for (id, span, table) in &seen.to {
        if ids.contains(&id.as_str()) {
            continue;
        }
        let problem = Problem::UnknownLocality {
            id: id.clone(),
            table: table.clone(),
            ids: ids.iter().map(|i| i.to_string()).collect(),
            closest: diag::closest(id, ids.iter().copied()).map(str::to_string),
        };
        ck.error(span.clone(), problem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directive_ids() {
        assert!(is_valid_directive_id("hh-ma-tuy.2024_1"));
        assert!(!is_valid_directive_id(""));
        assert!(!is_valid_directive_id("a b"));
        assert!(!is_valid_directive_id("a/b"));
    }
}
