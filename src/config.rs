//! The user's config file: default folder, language, theme colours and key bindings.
//!
//! A bad entry never stops the program: it is reported as a warning with its
//! place (`path:line:col`) and skipped, and the other entries still apply.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::Color;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::Lang;
use crate::store::validate::closest;
use crate::store::{Diagnostic, Severity};

/// A key with its modifiers, as crossterm reports it.
pub type Key = (KeyCode, KeyModifiers);

/// Everything the config file can set; `None` leaves the choice to the next source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The briefing folder.
    pub dir: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub theme: Theme,
    pub keys: KeyMap,
}

/// The colour of each slot of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub accent: Color,
    pub met: Color,
    pub near: Color,
    pub behind: Color,
    pub overdue: Color,
    pub selection: Color,
    pub muted: Color,
    pub border: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            accent: Color::Cyan,
            met: Color::Green,
            near: Color::Yellow,
            behind: Color::Red,
            overdue: Color::LightRed,
            selection: Color::Blue,
            muted: Color::DarkGray,
            border: Color::Gray,
        }
    }
}

impl Theme {
    pub const SLOTS: [&'static str; 8] = [
        "accent",
        "met",
        "near",
        "behind",
        "overdue",
        "selection",
        "muted",
        "border",
    ];

    fn slot_mut(&mut self, slot: &str) -> Option<&mut Color> {
        Some(match slot {
            "accent" => &mut self.accent,
            "met" => &mut self.met,
            "near" => &mut self.near,
            "behind" => &mut self.behind,
            "overdue" => &mut self.overdue,
            "selection" => &mut self.selection,
            "muted" => &mut self.muted,
            "border" => &mut self.border,
            _ => return None,
        })
    }
}

/// The colour names a theme accepts.
pub const COLOR_NAMES: [&str; 17] = [
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
pub fn parse_color(name: &str) -> Option<Color> {
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

/// What a key can be bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Open,
    Back,
    NextTab,
    PrevTab,
    Help,
    Quit,
    Toggle,
    Search,
    FilterDirectives,
    FilterSessions,
    FilterDistrict,
    DueView,
    Diagnostics,
}

impl Action {
    pub const ALL: [Action; 19] = [
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::First,
        Action::Last,
        Action::Open,
        Action::Back,
        Action::NextTab,
        Action::PrevTab,
        Action::Help,
        Action::Quit,
        Action::Toggle,
        Action::Search,
        Action::FilterDirectives,
        Action::FilterSessions,
        Action::FilterDistrict,
        Action::DueView,
        Action::Diagnostics,
    ];

    /// The name used in the `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::First => "first",
            Action::Last => "last",
            Action::Open => "open",
            Action::Back => "back",
            Action::NextTab => "next_tab",
            Action::PrevTab => "prev_tab",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Toggle => "toggle",
            Action::Search => "search",
            Action::FilterDirectives => "filter_directives",
            Action::FilterSessions => "filter_sessions",
            Action::FilterDistrict => "filter_district",
            Action::DueView => "due_view",
            Action::Diagnostics => "diagnostics",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The keys bound to this action when the config says nothing.
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Action::Up => &["up", "k"],
            Action::Down => &["down", "j"],
            Action::PageUp => &["pgup", "ctrl-u"],
            Action::PageDown => &["pgdn", "ctrl-d"],
            Action::First => &["home", "g"],
            Action::Last => &["end", "G"],
            Action::Open => &["enter", "right", "l"],
            Action::Back => &["esc", "left", "h"],
            Action::NextTab => &["tab"],
            Action::PrevTab => &["shift-tab"],
            Action::Help => &["?", "f1"],
            Action::Quit => &["q", "ctrl-c"],
            Action::Toggle => &["space", "x"],
            Action::Search => &["/"],
            Action::FilterDirectives => &["d"],
            Action::FilterSessions => &["s"],
            Action::FilterDistrict => &["f"],
            Action::DueView => &["u"],
            Action::Diagnostics => &["!"],
        }
    }
}

/// The keys of every action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    /// One entry per action, in [`Action::ALL`] order.
    bindings: Vec<(Action, Vec<Key>)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        let bindings = Action::ALL
            .into_iter()
            .map(|a| {
                let keys = a.default_keys().iter().filter_map(|k| parse_key(k).ok());
                (a, keys.collect())
            })
            .collect();
        KeyMap { bindings }
    }
}

impl KeyMap {
    /// The keys bound to `action`.
    pub fn keys(&self, action: Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// Replaces the keys of `action`.
    pub fn set(&mut self, action: Action, keys: Vec<Key>) {
        if let Some(entry) = self.bindings.iter_mut().find(|(a, _)| *a == action) {
            entry.1 = keys;
        }
    }

    /// The action a key press is bound to (the first in [`Action::ALL`] order
    /// when several share it). Shift on a character key is ignored, since the
    /// character already says it (`J` arrives as shift + `J`).
    pub fn action(&self, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        let key = normalize(code, modifiers);
        self.bindings
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(a, _)| *a)
    }
}

/// The form keys are stored and compared in.
fn normalize(code: KeyCode, modifiers: KeyModifiers) -> Key {
    let mut mods = modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    let code = match code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) && c.is_ascii_alphabetic() => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        other => other,
    };
    if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    (code, mods)
}

/// Parses a key as written in the config: `j`, `J`, `?`, `ctrl-c`, `alt-x`,
/// `shift-tab`, `enter`, `esc`, `space`, `tab`, `backspace`, `delete`,
/// `insert`, `home`, `end`, `pgup`, `pgdn`, `up`, `down`, `left`, `right`, `f1`–`f12`.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (flag, len) = if lower.starts_with("ctrl-") {
            (KeyModifiers::CONTROL, 5)
        } else if lower.starts_with("alt-") {
            (KeyModifiers::ALT, 4)
        } else if lower.starts_with("shift-") {
            (KeyModifiers::SHIFT, 6)
        } else {
            break;
        };
        if rest.len() == len {
            break;
        }
        mods |= flag;
        rest = &rest[len..];
    }
    let code = key_code(rest).ok_or_else(|| {
        format!(
            "unknown key `{text}`; write a character (`j`, `J`, `?`), a name (enter, esc, space, tab, \
             backspace, delete, insert, home, end, pgup, pgdn, up, down, left, right, f1–f12), \
             optionally after ctrl-, alt- or shift-"
        )
    })?;
    let code = match code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
            KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
        }
        other => other,
    };
    Ok(normalize(code, mods))
}

fn key_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "space" => KeyCode::Char(' '),
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        f if f.starts_with('f') => match f[1..].parse::<u8>() {
            Ok(n @ 1..=12) => KeyCode::F(n),
            _ => return None,
        },
        _ => return None,
    })
}

/// The key as the config writes it: `ctrl-c`, `shift-tab`, `J`, `pgdn`.
pub fn key_name((code, mods): Key) -> String {
    let mut out = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        out.push_str("ctrl-");
    }
    if mods.contains(KeyModifiers::ALT) {
        out.push_str("alt-");
    }
    if mods.contains(KeyModifiers::SHIFT) {
        out.push_str("shift-");
    }
    let name = match code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::BackTab => "shift-tab".to_string(),
        KeyCode::F(n) => format!("f{n}"),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Delete => "delete".into(),
        KeyCode::Insert => "insert".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::PageDown => "pgdn".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        other => format!("{other:?}").to_lowercase(),
    };
    out.push_str(&name);
    out
}

/// Where the config file is looked for: `$XDG_CONFIG_HOME/briefing/config.toml`,
/// else `$HOME/.config/briefing/config.toml`; `None` when neither is set.
pub fn default_path() -> Option<PathBuf> {
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let base = env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| env("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("briefing").join("config.toml"))
}

/// Reads the config at `path`. A missing file is silent unless `explicit`
/// (given with `--config`); every problem is a diagnostic, never fatal.
pub fn load(path: &Path, explicit: bool) -> (Config, Vec<Diagnostic>) {
    let shown = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &shown, path.parent()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
            (Config::default(), Vec::new())
        }
        Err(e) => {
            let message =
                format!("cannot read the config file ({e}); using the defaults for every setting");
            (
                Config::default(),
                vec![Diagnostic::new(&shown, Severity::Warning, message)],
            )
        }
    }
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
            format!(
                "invalid TOML: {}; the whole config is ignored until this is fixed",
                e.message().trim()
            ),
        ),
    }
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort_by_key(|d| d.location.as_ref().map(|l| (l.line, l.column)));
    (config, diagnostics)
}

const TOP_KEYS: [&str; 4] = ["dir", "lang", "theme", "keys"];

struct Reader<'a> {
    src: &'a str,
    path: &'a str,
    diagnostics: Vec<Diagnostic>,
}

type Value<'i> = Spanned<DeValue<'i>>;

impl Reader<'_> {
    fn warn(&mut self, span: Range<usize>, message: String) {
        self.diagnostics
            .push(Diagnostic::new(self.path, Severity::Warning, message).at(self.src, span));
    }

    fn unknown(&mut self, span: Range<usize>, what: &str, name: &str, known: &[&str]) {
        let hint = match closest(name, known.iter().copied()) {
            Some(k) => format!("did you mean `{k}`?"),
            None => format!("known: {}", known.join(", ")),
        };
        self.warn(span, format!("unknown {what} `{name}`, ignored; {hint}"));
    }

    fn root(&mut self, config: &mut Config, root: &DeTable<'_>, base: Option<&Path>) {
        for (key, value) in root.iter() {
            let name: &str = key.get_ref();
            match name {
                "dir" => config.dir = self.string(name, value).map(|d| resolve_dir(&d, base)),
                "lang" => config.lang = self.lang(value),
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
                _ => self.unknown(key.span(), "setting", name, &TOP_KEYS),
            }
        }
    }

    fn string(&mut self, key: &str, value: &Value<'_>) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                let found = type_name(other);
                self.warn(
                    value.span(),
                    format!("`{key}` must be a string, found {found}; ignored"),
                );
                None
            }
        }
    }

    fn table<'t, 'i>(&mut self, key: &str, value: &'t Value<'i>) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                let found = type_name(other);
                self.warn(
                    value.span(),
                    format!("`{key}` must be a table (`[{key}]`), found {found}; ignored"),
                );
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
                self.warn(
                    value.span(),
                    format!("unknown language `{name}`, ignored; write `lang = \"vi\"` or `lang = \"en\"`"),
                );
                None
            }
        }
    }

    fn theme(&mut self, theme: &mut Theme, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            let slot: &str = key.get_ref();
            let Some(target) = theme.slot_mut(slot) else {
                self.unknown(key.span(), "theme slot", slot, &Theme::SLOTS);
                continue;
            };
            let Some(name) = self.string(slot, value) else {
                continue;
            };
            match parse_color(&name) {
                Some(color) => *target = color,
                None => {
                    let hint = match closest(&name.to_ascii_lowercase(), COLOR_NAMES) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => format!("colours: {}", COLOR_NAMES.join(", ")),
                    };
                    self.warn(
                        value.span(),
                        format!("unknown colour `{name}` for `{slot}`, ignored; {hint}"),
                    );
                }
            }
        }
    }

    fn keys(&mut self, keys: &mut KeyMap, table: &DeTable<'_>) {
        let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            let Some(action) = Action::parse(name) else {
                self.unknown(key.span(), "action", name, &names);
                continue;
            };
            if let Some(parsed) = self.key_list(name, value) {
                keys.set(action, parsed);
            }
        }
    }

    /// The good keys of a list; `None` (keep the defaults) when none is good.
    fn key_list(&mut self, action: &str, value: &Value<'_>) -> Option<Vec<Key>> {
        let items: Vec<&Value<'_>> = match value.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            DeValue::String(_) => vec![value],
            other => {
                let found = type_name(other);
                self.warn(
                    value.span(),
                    format!("`{action}` must be a list of keys like [\"j\", \"down\"], found {found}; ignored"),
                );
                return None;
            }
        };
        let mut keys = Vec::new();
        for item in items {
            let Some(text) = self.string(action, item) else {
                continue;
            };
            match parse_key(&text) {
                Ok(k) => keys.push(k),
                Err(message) => self.warn(item.span(), format!("{message}; ignored")),
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

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests;
