//! The progress form (`p`): a directive's state (the current one chosen first), a note typed
//! in any language, an optional percent; Enter records them as one progress entry, Esc
//! leaves everything as it was.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::{dialog_rect, dialog_width, draw_dialog};
use crate::i18n;
use crate::input::Command;
use crate::model::{DirectiveKey, State, Text, Update};
use crate::present::{truncate, words};
use crate::screens::{Ctx, Intent, Notice, Offer, View};
use crate::ui::field::{Accept, Edit, TextField};
use crate::ui::text::{pad, wrap};
use crate::ui::theme::Theme;
use crate::ui::tone::{Tone, Toned};

/// The field that takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Focus {
    State,
    Note,
    Percent,
}

impl Focus {
    fn next(self) -> Self {
        match self {
            Focus::State => Focus::Note,
            Focus::Note => Focus::Percent,
            Focus::Percent => Focus::State,
        }
    }

    fn previous(self) -> Self {
        self.next().next()
    }
}

/// The form over one directive (by its ids).
#[derive(Debug)]
pub struct ProgressForm {
    key: DirectiveKey,
    /// The directive's state when the form opened.
    current: State,
    state: State,
    focus: Focus,
    note: TextField,
    percent: TextField,
}

/// The most a percent can be.
const MOST: u32 = 100;
/// Columns of the percent field (three digits and the cursor).
const PERCENT_WIDTH: usize = 4;
/// Lines of the directive's text the form shows above its fields.
const TEXT_LINES: usize = 2;

impl ProgressForm {
    /// The form for directive `key`, whose state is `current` now.
    pub fn new(key: DirectiveKey, current: State) -> Self {
        ProgressForm {
            key,
            current,
            state: current,
            focus: Focus::State,
            note: TextField::new(Accept::Text),
            percent: TextField::new(Accept::Number { max: MOST }),
        }
    }

    /// The form again with what was asked for (a save that failed), so nothing typed is lost.
    pub fn again(key: DirectiveKey, current: State, asked: &Update) -> Self {
        let mut form = ProgressForm::new(key, current);
        form.state = asked.state.unwrap_or(current);
        form.note.paste(asked.note.as_deref().unwrap_or_default());
        form.percent
            .paste(&asked.percent.map(|p| p.to_string()).unwrap_or_default());
        form.focus = Focus::Note;
        form
    }

    pub fn state(&self) -> State {
        self.state
    }

    pub fn note(&self) -> &str {
        self.note.text()
    }

    pub fn percent(&self) -> &str {
        self.percent.text()
    }

    /// What Enter records (a state when it differs from the current one, the note, the
    /// percent: at least one), or why nothing.
    fn entry(&self) -> Result<Update, Notice> {
        let percent = match self.percent.text() {
            "" => None,
            digits => Some(digits.parse::<u8>().map_err(|_| Notice::PercentRange)?),
        };
        let entry = Update {
            state: (self.state != self.current).then_some(self.state),
            note: self.note.value().map(Text::from),
            percent,
        };
        if entry.state.is_none() && entry.note.is_none() && entry.percent.is_none() {
            return Err(Notice::NothingToRecord);
        }
        Ok(entry)
    }

    /// The state after (or before) the chosen one, in the order of `State::ALL`.
    fn choose(&mut self, forward: bool) {
        let all = State::ALL;
        let at = all.iter().position(|s| *s == self.state).unwrap_or(0);
        let n = all.len();
        self.state = all[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    /// A key on the state field: `←`/`→` (or `↑`/`↓`) choose, `1`–`5` pick.
    fn state_key(&mut self, ev: &KeyEvent) -> bool {
        match ev.code {
            KeyCode::Left | KeyCode::Up => self.choose(false),
            KeyCode::Right | KeyCode::Down => self.choose(true),
            KeyCode::Char(c @ '1'..='5') => {
                let i = usize::from(c as u8 - b'1');
                self.state = State::ALL[i];
            }
            _ => return false,
        }
        true
    }

    fn field_mut(&mut self) -> Option<&mut TextField> {
        match self.focus {
            Focus::State => None,
            Focus::Note => Some(&mut self.note),
            Focus::Percent => Some(&mut self.percent),
        }
    }

    /// What an edit of the focused field says: a refused percent says why.
    fn edited(&self, edit: Edit) -> Option<Intent> {
        match edit {
            Edit::Changed | Edit::Moved => Some(Intent::None),
            Edit::Refused => Some(Intent::Notice(Notice::PercentRange)),
            Edit::Ignored => None,
        }
    }

    /// The form's lines at width `room` (inside the border), and where the focused text
    /// field's cursor is: its line and column.
    fn lines(&self, ctx: &Ctx, room: usize) -> (Vec<Toned>, Option<(usize, usize)>) {
        let t = i18n::strings(ctx.lang);
        let mut out = Vec::new();
        if let Some(text) = self.directive_text(ctx) {
            let quoted = format!("“{text}”");
            let wrapped = wrap(&quoted, room.saturating_sub(1));
            let shown = wrapped.len().min(TEXT_LINES);
            for (i, part) in wrapped.iter().take(shown).enumerate() {
                let part = if i + 1 == shown && wrapped.len() > shown {
                    truncate(&format!("{part} …"), room.saturating_sub(1))
                } else {
                    part.to_string()
                };
                out.push(Toned::one(format!(" {part}"), Tone::Muted));
            }
            out.push(Toned::new());
        }
        let labels = [t.progress_state, t.progress_note, t.progress_percent];
        let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 3;
        let label = |text: &str, focus: Focus| {
            let tone = if self.focus == focus {
                Tone::Accent
            } else {
                Tone::Plain
            };
            Toned::one(format!(" {text}:{}", pad(text, label_width - 2)), tone)
        };
        let field_room = room.saturating_sub(label_width + 1);
        let tone = |focus: Focus| {
            if self.focus == focus {
                Tone::Match
            } else {
                Tone::Title
            }
        };
        let chosen = format!("◀ {} ▶", words::state_word(self.state, ctx.lang));
        out.push(label(labels[0], Focus::State).and(chosen, tone(Focus::State)));
        let mut cursor = None;
        for (field, focus, name, width, after) in [
            (&self.note, Focus::Note, labels[1], field_room, ""),
            (
                &self.percent,
                Focus::Percent,
                labels[2],
                PERCENT_WIDTH,
                " %",
            ),
        ] {
            let (shown, column) = field.window(width.saturating_sub(1));
            if self.focus == focus {
                cursor = Some((out.len(), label_width + column));
            }
            let filled = format!("{shown}{}", pad(&shown, width));
            let line = label(name, focus)
                .and(filled, tone(focus))
                .and(after, Tone::Muted);
            out.push(line);
        }
        out.push(Toned::new());
        out.push(Toned::one(format!(" {}", t.progress_keys), Tone::Accent));
        (out, cursor)
    }

    fn directive_text<'c>(&self, ctx: &'c Ctx) -> Option<&'c str> {
        let session = ctx.catalog.session(&self.key.session)?;
        let r = session.find_directive(&self.key.directive);
        if let Some(d) = r.and_then(|r| session.directive(r)) {
            return Some(&d.text);
        }
        let mut proposals = session.proposals().map(|(_, p)| p);
        let p = proposals.find(|p| p.id.as_deref() == Some(self.key.directive.as_str()))?;
        Some(&p.text)
    }
}

impl View for ProgressForm {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        vec![Offer::hint(Command::Back)]
    }

    /// Enter records, Esc cancels, Tab and Shift-Tab move between the fields; the focused
    /// field takes the rest of what it can (a letter, a digit, a move).
    fn text_key(&mut self, _ctx: &Ctx, ev: &KeyEvent) -> Option<Intent> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Esc => return Some(Intent::Back),
            KeyCode::Enter => {
                return Some(match self.entry() {
                    Ok(entry) => Intent::Record(self.key.clone(), entry),
                    Err(why) => Intent::Notice(why),
                });
            }
            KeyCode::Tab => {
                self.focus = self.focus.next();
                return Some(Intent::None);
            }
            KeyCode::BackTab => {
                self.focus = self.focus.previous();
                return Some(Intent::None);
            }
            _ => {}
        }
        if let Some(field) = self.field_mut() {
            let edit = field.key(ev);
            return self.edited(edit);
        }
        if !ctrl && self.state_key(ev) {
            return Some(Intent::None);
        }
        match ev.code {
            // Backspace goes back in a list, never out of a form with what it holds.
            KeyCode::Backspace | KeyCode::Delete => Some(Intent::None),
            // Other letters on the state field start the note.
            KeyCode::Char(_) if !ctrl => {
                self.focus = Focus::Note;
                let edit = self.note.key(ev);
                self.edited(edit)
            }
            _ => None,
        }
    }

    /// A paste goes into the note, or the percent when it has the focus.
    fn paste(&mut self, _ctx: &Ctx, text: &str) -> Option<Intent> {
        if self.focus == Focus::State {
            self.focus = Focus::Note;
        }
        let edit = self.field_mut().map_or(Edit::Ignored, |f| f.paste(text));
        self.edited(edit)
    }

    fn command(&mut self, _ctx: &Ctx, c: Command) -> Intent {
        match c {
            Command::Back => Intent::Back,
            _ => Intent::None,
        }
    }

    fn refresh(&mut self, _ctx: &Ctx) {}

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let t = i18n::strings(ctx.lang);
        let room = usize::from(dialog_width(area)).saturating_sub(2);
        let (lines, cursor) = self.lines(ctx, room);
        let count = lines.len();
        let painted: Vec<Line<'static>> = lines.iter().map(|l| theme.paint(l)).collect();
        draw_dialog(frame, (area, t.progress_title), painted, theme);
        let rect = dialog_rect(area, count);
        if let Some((line, column)) = cursor {
            let x = rect.x + 1 + u16::try_from(column).unwrap_or(u16::MAX);
            let y = rect.y + 1 + u16::try_from(line).unwrap_or(u16::MAX);
            if x < rect.right().saturating_sub(1) && y < rect.bottom().saturating_sub(1) {
                frame.set_cursor_position(Position::new(x, y));
            }
        }
    }
}
