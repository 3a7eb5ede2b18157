//! Keys and commands: which key does what (the keymap), and what each command is called in
//! the help and the hint bar. Each screen says which commands it offers.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n;
use crate::model::Lang;

/// A bindable command. Its `name` is what the config file's `[keys]` table uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
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
    JumpTab(u8),
    Help,
    Quit,
    ForceQuit,
    Toggle,
    Diagnostics,
    Search,
    FilterDirectives,
    FilterSessions,
    FilterDistrict,
    DueView,
    /// The implementation report view.
    ReportView,
    /// The report's rows: by locality, assignee or session.
    ReportBy,
    History,
    /// Record progress on the selected directive: its state, a note, a percent.
    Progress,
    /// Undo the last check-off, un-check or progress entry.
    Undo,
    /// Share the folder through git (`briefing sync`) on a worker thread.
    Sync,
    /// The next / previous search hit, from where the last one was opened.
    NextHit,
    PrevHit,
}

impl Command {
    /// The commands the config file's `[keys]` table can rebind.
    pub const CONFIGURABLE: [Command; 27] = [
        Command::Up,
        Command::Down,
        Command::PageUp,
        Command::PageDown,
        Command::First,
        Command::Last,
        Command::Open,
        Command::Back,
        Command::NextTab,
        Command::PrevTab,
        Command::Help,
        Command::Quit,
        Command::Toggle,
        Command::Search,
        Command::FilterDirectives,
        Command::FilterSessions,
        Command::FilterDistrict,
        Command::DueView,
        Command::ReportView,
        Command::ReportBy,
        Command::Diagnostics,
        Command::History,
        Command::Progress,
        Command::Undo,
        Command::Sync,
        Command::NextHit,
        Command::PrevHit,
    ];

    /// The configurable command called `name` in the config file.
    pub fn parse(name: &str) -> Option<Self> {
        Command::CONFIGURABLE.into_iter().find(|c| c.name() == name)
    }

    /// The name used in the config file and in tests.
    pub fn name(self) -> &'static str {
        match self {
            Command::Up => "up",
            Command::Down => "down",
            Command::PageUp => "page_up",
            Command::PageDown => "page_down",
            Command::First => "first",
            Command::Last => "last",
            Command::Open => "open",
            Command::Back => "back",
            Command::NextTab => "next_tab",
            Command::PrevTab => "prev_tab",
            Command::JumpTab(_) => "jump_tab",
            Command::Help => "help",
            Command::Quit => "quit",
            Command::ForceQuit => "force_quit",
            Command::Toggle => "toggle",
            Command::Diagnostics => "diagnostics",
            Command::Search => "search",
            Command::FilterDirectives => "filter_directives",
            Command::FilterSessions => "filter_sessions",
            Command::FilterDistrict => "filter_district",
            Command::DueView => "due_view",
            Command::ReportView => "report_view",
            Command::ReportBy => "report_by",
            Command::History => "history",
            Command::Progress => "progress",
            Command::Undo => "undo",
            Command::Sync => "sync",
            Command::NextHit => "next_hit",
            Command::PrevHit => "prev_hit",
        }
    }
}

/// What a command does, in words: `help` for the key help, `hint` for the hint bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandText {
    pub help: &'static str,
    pub hint: &'static str,
}

impl Command {
    /// What the command does, in `lang`.
    pub fn text(self, lang: Lang) -> CommandText {
        let t = i18n::strings(lang);
        let (help, hint) = match self {
            Command::Up => (t.cmd_up, t.hint_up),
            Command::Down => (t.cmd_down, t.hint_down),
            Command::PageUp => (t.cmd_page_up, t.hint_page_up),
            Command::PageDown => (t.cmd_page_down, t.hint_page_down),
            Command::First => (t.cmd_first, t.hint_first),
            Command::Last => (t.cmd_last, t.hint_last),
            Command::Open => (t.cmd_open, t.hint_open),
            Command::Back => (t.cmd_back, t.hint_back),
            Command::NextTab => (t.cmd_next_tab, t.hint_next_tab),
            Command::PrevTab => (t.cmd_prev_tab, t.hint_prev_tab),
            Command::JumpTab(_) => (t.cmd_jump_tab, t.hint_jump_tab),
            Command::Help => (t.cmd_help, t.hint_help),
            Command::Quit => (t.cmd_quit, t.hint_quit),
            Command::ForceQuit => (t.cmd_force_quit, t.hint_force_quit),
            Command::Toggle => (t.cmd_toggle, t.hint_toggle),
            Command::Diagnostics => (t.cmd_diagnostics, t.hint_diagnostics),
            Command::Search => (t.cmd_search, t.hint_search),
            Command::FilterDirectives => (t.cmd_filter_directives, t.hint_filter_directives),
            Command::FilterSessions => (t.cmd_filter_sessions, t.hint_filter_sessions),
            Command::FilterDistrict => (t.cmd_filter_district, t.hint_filter_district),
            Command::DueView => (t.cmd_due_view, t.hint_due_view),
            Command::ReportView => (t.cmd_report_view, t.hint_report_view),
            Command::ReportBy => (t.cmd_report_by, t.hint_report_by),
            Command::History => (t.cmd_history, t.hint_history),
            Command::Progress => (t.cmd_progress, t.hint_progress),
            Command::Undo => (t.cmd_undo, t.hint_undo),
            Command::Sync => (t.cmd_sync, t.hint_sync),
            Command::NextHit => (t.cmd_next_hit, t.hint_next_hit),
            Command::PrevHit => (t.cmd_prev_hit, t.hint_prev_hit),
        };
        CommandText { help, hint }
    }
}

/// One key with its modifiers. Shift is ignored for characters (`G` is `G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    pub const fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The key of a terminal event, normalised so bindings compare simply.
    pub fn from_event(ev: &KeyEvent) -> Self {
        Key::new(ev.code, ev.modifiers)
    }

    /// A key, normalised: Shift is dropped where the character already says it
    /// (`G`, `?`), Ctrl-letters are lower case, Shift-Tab is BackTab.
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let mut mods =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }

    /// Parses a key as the config file writes it: `j`, `J`, `?`, `ctrl-c`, `alt-x`,
    /// `shift-tab`, `enter`, `esc`, `space`, `tab`, `backspace`, `delete`,
    /// `insert`, `home`, `end`, `pgup`, `pgdn`, `up`, `down`, `left`, `right`, `f1`–`f12`.
    /// `None` for anything else (the config reader says why, in the person's language).
    pub fn parse(text: &str) -> Option<Self> {
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
        let code = key_code(rest)?;
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            other => other,
        };
        Some(Key::new(code, mods))
    }

    /// The key as the config file writes it: `ctrl-c`, `shift-tab`, `J`, `pgdn`.
    #[cfg(test)]
    pub(crate) fn config_name(&self) -> String {
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("alt-");
        }
        let name = match self.code {
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

    /// How the key is written in hints and help: `↑`, `PgDn`, `Ctrl-C`, `Space`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        out.push_str(&base);
        out
    }
}

fn key_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    Some(match name.to_ascii_lowercase().as_str() {
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

/// A command with the keys bound to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub command: Command,
    pub keys: Vec<Key>,
}

/// The key bindings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        use Command::*;
        use KeyCode as K;
        let b = |command, keys: &[Key]| Binding {
            command,
            keys: keys.to_vec(),
        };
        let mut bindings = vec![
            b(Up, &[Key::plain(K::Up), Key::char('k')]),
            b(Down, &[Key::plain(K::Down), Key::char('j')]),
            b(PageUp, &[Key::plain(K::PageUp)]),
            b(PageDown, &[Key::plain(K::PageDown)]),
            b(First, &[Key::plain(K::Home), Key::char('g')]),
            b(Last, &[Key::plain(K::End), Key::char('G')]),
            b(Open, &[Key::plain(K::Enter)]),
            b(Back, &[Key::plain(K::Esc), Key::plain(K::Backspace)]),
            b(
                NextTab,
                &[
                    Key::plain(K::Right),
                    Key::char('l'),
                    Key::char(']'),
                    Key::plain(K::Tab),
                ],
            ),
            b(
                PrevTab,
                &[
                    Key::plain(K::Left),
                    Key::char('h'),
                    Key::char('['),
                    Key::plain(K::BackTab),
                ],
            ),
            b(Toggle, &[Key::char(' '), Key::char('x')]),
            b(Search, &[Key::char('/')]),
            b(FilterDirectives, &[Key::char('f')]),
            b(FilterSessions, &[Key::char('s')]),
            b(FilterDistrict, &[Key::char('d')]),
            b(DueView, &[Key::char('w')]),
            b(ReportView, &[Key::char('r')]),
            b(ReportBy, &[Key::char('b')]),
            b(Diagnostics, &[Key::char('e')]),
            b(History, &[Key::char('L')]),
            b(Progress, &[Key::char('p')]),
            b(Undo, &[Key::char('u'), Key::ctrl('z')]),
            b(Sync, &[Key::char('S')]),
            b(NextHit, &[Key::char('n')]),
            b(PrevHit, &[Key::char('N')]),
            b(Help, &[Key::char('?')]),
            b(Quit, &[Key::char('q')]),
            b(ForceQuit, &[Key::ctrl('c')]),
        ];
        for n in 1..=9u8 {
            bindings.push(b(JumpTab(n), &[Key::char(char::from(b'0' + n))]));
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// The command bound to a key, if any.
    pub fn command(&self, key: Key) -> Option<Command> {
        self.bindings
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.command)
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The keys of a command, for hints and help.
    pub fn keys(&self, command: Command) -> &[Key] {
        self.bindings
            .iter()
            .find(|b| b.command == command)
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// Whether `key` belongs to a command no config can rebind (Ctrl-C quits, 1–9 jump to a
    /// tab).
    pub fn is_fixed(&self, key: &Key) -> bool {
        self.bindings
            .iter()
            .any(|b| !Command::CONFIGURABLE.contains(&b.command) && b.keys.contains(key))
    }

    /// Replaces the keys of a command (config overrides). The fixed keys (`is_fixed`) stay
    /// with their commands.
    pub fn rebind(&mut self, command: Command, keys: Vec<Key>) {
        for b in &mut self.bindings {
            let fixed = !Command::CONFIGURABLE.contains(&b.command);
            b.keys.retain(|k| !keys.contains(k) || fixed);
        }
        if let Some(b) = self.bindings.iter_mut().find(|b| b.command == command) {
            b.keys = keys;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn event(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn default_keymap_table() {
        use Command::*;
        let km = Keymap::default();
        let table: &[(KeyCode, KeyModifiers, Command)] = &[
            (KeyCode::Up, KeyModifiers::NONE, Up),
            (KeyCode::Char('k'), KeyModifiers::NONE, Up),
            (KeyCode::Down, KeyModifiers::NONE, Down),
            (KeyCode::Char('j'), KeyModifiers::NONE, Down),
            (KeyCode::PageUp, KeyModifiers::NONE, PageUp),
            (KeyCode::PageDown, KeyModifiers::NONE, PageDown),
            (KeyCode::Home, KeyModifiers::NONE, First),
            (KeyCode::Char('g'), KeyModifiers::NONE, First),
            (KeyCode::End, KeyModifiers::NONE, Last),
            (KeyCode::Char('G'), KeyModifiers::SHIFT, Last),
            (KeyCode::Enter, KeyModifiers::NONE, Open),
            (KeyCode::Esc, KeyModifiers::NONE, Back),
            (KeyCode::Backspace, KeyModifiers::NONE, Back),
            (KeyCode::Tab, KeyModifiers::NONE, NextTab),
            (KeyCode::Right, KeyModifiers::NONE, NextTab),
            (KeyCode::Char('l'), KeyModifiers::NONE, NextTab),
            (KeyCode::Char(']'), KeyModifiers::NONE, NextTab),
            (KeyCode::BackTab, KeyModifiers::SHIFT, PrevTab),
            (KeyCode::Left, KeyModifiers::NONE, PrevTab),
            (KeyCode::Char('h'), KeyModifiers::NONE, PrevTab),
            (KeyCode::Char('['), KeyModifiers::NONE, PrevTab),
            (KeyCode::Char('u'), KeyModifiers::NONE, Undo),
            (KeyCode::Char('z'), KeyModifiers::CONTROL, Undo),
            (KeyCode::Char('n'), KeyModifiers::NONE, NextHit),
            (KeyCode::Char('N'), KeyModifiers::SHIFT, PrevHit),
            (KeyCode::Char('1'), KeyModifiers::NONE, JumpTab(1)),
            (KeyCode::Char('9'), KeyModifiers::NONE, JumpTab(9)),
            (KeyCode::Char('?'), KeyModifiers::SHIFT, Help),
            (KeyCode::Char('q'), KeyModifiers::NONE, Quit),
            (KeyCode::Char('c'), KeyModifiers::CONTROL, ForceQuit),
            (KeyCode::Char(' '), KeyModifiers::NONE, Toggle),
            (KeyCode::Char('x'), KeyModifiers::NONE, Toggle),
            (KeyCode::Char('e'), KeyModifiers::NONE, Diagnostics),
            (KeyCode::Char('/'), KeyModifiers::NONE, Search),
            (KeyCode::Char('f'), KeyModifiers::NONE, FilterDirectives),
            (KeyCode::Char('s'), KeyModifiers::NONE, FilterSessions),
            (KeyCode::Char('d'), KeyModifiers::NONE, FilterDistrict),
            (KeyCode::Char('w'), KeyModifiers::NONE, DueView),
            (KeyCode::Char('r'), KeyModifiers::NONE, ReportView),
            (KeyCode::Char('b'), KeyModifiers::NONE, ReportBy),
            (KeyCode::Char('L'), KeyModifiers::SHIFT, History),
            (KeyCode::Char('p'), KeyModifiers::NONE, Progress),
        ];
        for (code, mods, want) in table {
            let key = Key::from_event(&event(*code, *mods));
            assert_eq!(km.command(key), Some(*want), "{code:?} {mods:?}");
        }
        assert_eq!(km.command(Key::char('z')), None);
    }

    #[test]
    fn every_command_has_words_in_both_languages() {
        let km = Keymap::default();
        for b in km.bindings() {
            for lang in [Lang::Vi, Lang::En] {
                let text = b.command.text(lang);
                assert!(!text.help.is_empty() && !text.hint.is_empty());
            }
        }
        assert_ne!(
            Command::Toggle.text(Lang::Vi),
            Command::Toggle.text(Lang::En)
        );
    }

    #[test]
    fn rebinding_moves_a_key() {
        let mut km = Keymap::default();
        km.rebind(Command::Down, vec![Key::char('n'), Key::char('k')]);
        assert_eq!(km.command(Key::char('n')), Some(Command::Down));
        assert_eq!(km.command(Key::char('k')), Some(Command::Down));
        assert_eq!(km.command(Key::char('j')), None);
        assert_eq!(km.keys(Command::Up), &[Key::plain(KeyCode::Up)]);
    }

    #[test]
    fn labels() {
        assert_eq!(Key::ctrl('c').label(), "Ctrl-C");
        assert_eq!(Key::char(' ').label(), "Space");
        assert_eq!(Key::plain(KeyCode::PageDown).label(), "PgDn");
        assert_eq!(Key::char('G').label(), "G");
    }
}
