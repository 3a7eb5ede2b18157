//! The user's config file: default folder, language, theme colours, key bindings and the
//! abbreviations search knows.
//!
//! A bad entry never stops the program: it is reported as a warning with its
//! place (`path:line:col`) and skipped, and the other entries still apply.

use std::ops::Range;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, FileRead, Hint, Problem, Severity, ValueType};
use crate::input::{Command, Key, Keymap};
use crate::model::Lang;
use crate::model::abbrev::Abbreviations;
use crate::store::{self, ReadError};
use crate::ui::theme::Theme;

/// Everything the config file can set; `None` leaves the choice to the next source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The briefing folder.
    pub dir: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// The largest briefing file read, in bytes (`max_file_mib`).
    pub max_file_size: Option<u64>,
    pub theme: Theme,
    pub keys: Keymap,
    /// The built-in abbreviations and those of `[abbreviations]`, for search.
    pub abbreviations: Abbreviations,
    /// Whether the interface takes the mouse (`mouse`); off, the terminal selects text.
    pub mouse: Option<bool>,
    /// `pull_only` of `[sync]`: this office only receives (`briefing sync --pull-only`).
    pub sync_pull_only: Option<bool>,
}

/// The colour names a theme accepts.
const COLOR_NAMES: [&str; 17] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
    "reset",
];

/// The colour called `name` (one of [`COLOR_NAMES`], any case).
fn parse_color(name: &str) -> Option<Color> {
    Some(match name.to_ascii_lowercase().as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" => Color::Gray,
        "darkgray" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        "reset" => Color::Reset,
        _ => return None,
    })
}

/// Where the config file is looked for: `$XDG_CONFIG_HOME/briefing/config.toml`,
/// else `$HOME/.config/briefing/config.toml`; `None` when neither is set.
pub(crate) fn default_path() -> Option<PathBuf> {
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let base = env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| env("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("briefing").join("config.toml"))
}

/// The largest config file read, in bytes: room for tens of thousands of abbreviations.
pub(crate) const MAX_SIZE: u64 = 4 << 20;

/// Reads the config at `path`, at most [`MAX_SIZE`] bytes of a regular file (a pipe or a
/// device is refused without waiting on it; `/dev/null` is an empty config). A missing file
/// is silent unless `explicit` (given with `--config`); every problem is a diagnostic,
/// never fatal.
pub(crate) fn load(path: &Path, explicit: bool) -> (Config, Vec<Diagnostic>) {
    let shown = path.display().to_string();
    let problem = match store::read_bounded(path, MAX_SIZE) {
        Ok(bytes) => return parse_bytes(&bytes, &shown, path.parent()),
        Err(ReadError::NotRegular) if is_null_device(path) => {
            return (Config::default(), Vec::new());
        }
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
            return (Config::default(), Vec::new());
        }
        Err(e) => e.problem(FileRead::Config),
    };
    (
        Config::default(),
        vec![Diagnostic::new(&shown, Severity::Warning, problem)],
    )
}

/// Config bytes: UTF-8 (with or without a BOM) is parsed, anything else is unreadable.
fn parse_bytes(bytes: &[u8], shown: &str, base: Option<&Path>) -> (Config, Vec<Diagnostic>) {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text, shown, base),
        Err(_) => {
            let e = std::io::Error::from(std::io::ErrorKind::InvalidData);
            let problem = ReadError::Io(e).problem(FileRead::Config);
            (
                Config::default(),
                vec![Diagnostic::new(shown, Severity::Warning, problem)],
            )
        }
    }
}

/// Whether `path` is the null device (`--config /dev/null`: no settings, no warning).
fn is_null_device(path: &Path) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let device = |p: &Path| {
        std::fs::metadata(p)
            .ok()
            .filter(|m| m.file_type().is_char_device())
            .map(|m| m.rdev())
    };
    device(path).is_some_and(|d| Some(d) == device(Path::new("/dev/null")))
}

/// Parses config text; `path` names it in messages and `base` anchors a relative `dir`.
pub fn parse(text: &str, path: &str, base: Option<&Path>) -> (Config, Vec<Diagnostic>) {
    let mut reader = Reader {
        src: text,
        path,
        diagnostics: Vec::new(),
    };
    let mut config = Config::default();
    match DeTable::parse(text) {
        Ok(root) => reader.root(&mut config, root.get_ref(), base),
        Err(e) => reader.warn(
            e.span().unwrap_or(0..0),
            Problem::ConfigInvalidToml {
                detail: e.message().trim().to_string(),
            },
        ),
    }
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort_by_key(|d| d.location.as_ref().map(|l| (l.line, l.column)));
    (config, diagnostics)
}

const TOP_KEYS: [&str; 8] = [
    "dir",
    "lang",
    "max_file_mib",
    "mouse",
    "theme",
    "keys",
    "abbreviations",
    "sync",
];

/// The keys of `[sync]`.
const SYNC_KEYS: [&str; 1] = ["pull_only"];

/// The largest `max_file_mib` accepted.
const MAX_FILE_MIB: i64 = 1024;

struct Reader<'a> {
    src: &'a str,
    path: &'a str,
    diagnostics: Vec<Diagnostic>,
}

type Value<'i> = Spanned<DeValue<'i>>;

impl Reader<'_> {
    fn warn(&mut self, span: Range<usize>, problem: Problem) {
        self.diagnostics
            .push(Diagnostic::new(self.path, Severity::Warning, problem).at(self.src, span));
    }

    fn root(&mut self, config: &mut Config, root: &DeTable<'_>, base: Option<&Path>) {
        for (key, value) in root.iter() {
            let name: &str = key.get_ref();
            match name {
                "dir" => config.dir = self.string(name, value).map(|d| resolve_dir(&d, base)),
                "lang" => config.lang = self.lang(value),
                "max_file_mib" => config.max_file_size = self.file_size(value),
                "mouse" => config.mouse = self.boolean(name, value),
                "theme" => {
                    if let Some(table) = self.table(name, value) {
                        self.theme(&mut config.theme, table);
                    }
                }
                "keys" => {
                    if let Some(table) = self.table(name, value) {
                        self.keys(&mut config.keys, table);
                    }
                }
                "abbreviations" => {
                    if let Some(table) = self.table(name, value) {
                        self.abbreviations(&mut config.abbreviations, table);
                    }
                }
                "sync" => {
                    if let Some(table) = self.table(name, value) {
                        self.sync(config, table);
                    }
                }
                _ => {
                    let hint = Hint::of(name, &TOP_KEYS);
                    let name = name.to_string();
                    self.warn(key.span(), Problem::UnknownSetting { name, hint });
                }
            }
        }
    }

    fn sync(&mut self, config: &mut Config, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            match name {
                "pull_only" => config.sync_pull_only = self.boolean(name, value),
                _ => {
                    let hint = Hint::of(name, &SYNC_KEYS);
                    let name = format!("sync.{name}");
                    self.warn(key.span(), Problem::UnknownSetting { name, hint });
                }
            }
        }
    }

    fn string(&mut self, key: &str, value: &Value<'_>) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                let key = key.to_string();
                let found = ValueType::of(other);
                self.warn(value.span(), Problem::ConfigNotString { key, found });
                None
            }
        }
    }

    fn boolean(&mut self, key: &str, value: &Value<'_>) -> Option<bool> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                let key = key.to_string();
                let found = ValueType::of(other);
                self.warn(value.span(), Problem::ConfigNotBoolean { key, found });
                None
            }
        }
    }

    fn table<'t, 'i>(&mut self, key: &str, value: &'t Value<'i>) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                let key = key.to_string();
                let found = ValueType::of(other);
                self.warn(value.span(), Problem::ConfigNotTable { key, found });
                None
            }
        }
    }

    /// `max_file_mib = 8`: whole mebibytes, 1 to 1024.
    fn file_size(&mut self, value: &Value<'_>) -> Option<u64> {
        let mib = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match mib {
            Some(n @ 1..=MAX_FILE_MIB) => u64::try_from(n).ok().map(|n| n << 20),
            _ => {
                let max = MAX_FILE_MIB;
                self.warn(value.span(), Problem::MaxFileMib { max });
                None
            }
        }
    }

    fn lang(&mut self, value: &Value<'_>) -> Option<Lang> {
        let name = self.string("lang", value)?;
        match name.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => {
                self.warn(value.span(), Problem::UnknownLanguage { name });
                None
            }
        }
    }

    fn theme(&mut self, theme: &mut Theme, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            let slot: &str = key.get_ref();
            let Some(target) = theme.slot_mut(slot) else {
                let hint = Hint::of(slot, &Theme::SLOTS);
                let name = slot.to_string();
                self.warn(key.span(), Problem::UnknownThemeSlot { name, hint });
                continue;
            };
            let Some(name) = self.string(slot, value) else {
                continue;
            };
            match parse_color(&name) {
                Some(color) => *target = Some(color),
                None => {
                    let hint = Hint::of(&name.to_ascii_lowercase(), &COLOR_NAMES);
                    let slot = slot.to_string();
                    self.warn(value.span(), Problem::UnknownColour { name, slot, hint });
                }
            }
        }
    }

    fn keys(&mut self, keys: &mut Keymap, table: &DeTable<'_>) {
        let names: Vec<&str> = Command::CONFIGURABLE.iter().map(|c| c.name()).collect();
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            let Some(command) = Command::parse(name) else {
                let hint = Hint::of(name, &names);
                let name = name.to_string();
                self.warn(key.span(), Problem::UnknownAction { name, hint });
                continue;
            };
            if let Some(parsed) = self.key_list(name, value) {
                keys.rebind(command, parsed);
            }
        }
    }

    /// `NTM = "nông thôn mới"`: each entry adds to the built-in table.
    fn abbreviations(&mut self, abbreviations: &mut Abbreviations, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            let name = key.get_ref().to_string();
            match value.get_ref() {
                DeValue::String(long) => {
                    if !abbreviations.add(&name, long) {
                        self.warn(key.span(), Problem::AbbreviationEmpty { name });
                    }
                }
                other => {
                    let found = ValueType::of(other);
                    let problem = Problem::AbbreviationNotText { name, found };
                    self.warn(value.span(), problem);
                }
            }
        }
    }

    /// The good keys of a list; `None` (keep the defaults) when none is good.
    fn key_list(&mut self, action: &str, value: &Value<'_>) -> Option<Vec<Key>> {
        let items: Vec<&Value<'_>> = match value.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            DeValue::String(_) => vec![value],
            other => {
                let action = action.to_string();
                let found = ValueType::of(other);
                self.warn(value.span(), Problem::ConfigNotKeyList { action, found });
                return None;
            }
        };
        let mut keys = Vec::new();
        for item in items {
            let Some(text) = self.string(action, item) else {
                continue;
            };
            match Key::parse(&text) {
                Some(k) if Keymap::default().is_fixed(&k) => {
                    let action = action.to_string();
                    self.warn(item.span(), Problem::FixedKey { text, action });
                }
                Some(k) => keys.push(k),
                None => self.warn(item.span(), Problem::UnknownKeyName { text }),
            }
        }
        (!keys.is_empty()).then_some(keys)
    }
}

/// `~/x` is below `$HOME`; a relative folder is below the config file's folder.
fn resolve_dir(dir: &str, base: Option<&Path>) -> PathBuf {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty());
    let path = match (dir.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(dir),
    };
    match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path,
    }
}

#[cfg(test)]
mod tests;
