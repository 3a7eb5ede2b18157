//! The key help: what was offered on the screen below, with the keys bound to each (commands
//! that go together on one row), in two columns when wide; then what the symbols mean.

use unicode_width::UnicodeWidthStr;

use super::Scrolled;
use crate::i18n::{self, Strings};
use crate::input::Command;
use crate::model::Lang;
use crate::screens::Ctx;
use crate::ui::text::{pad, wrap};
use crate::ui::tone::{Tone, Toned};

/// At least this wide, the help has two columns.
const TWO_COLUMNS: usize = 100;

/// Commands shown on one row, in this order, when both are offered.
const PAIRS: [(Command, Command); 7] = [
    (Command::Up, Command::Down),
    (Command::Toggle, Command::Progress),
    (Command::PageUp, Command::PageDown),
    (Command::First, Command::Last),
    (Command::PrevTab, Command::NextTab),
    (Command::PrevHit, Command::NextHit),
    (Command::Quit, Command::ForceQuit),
];

#[derive(Debug)]
pub struct Help {
    /// The commands of the screen it was opened on, in the order offered.
    commands: Vec<Command>,
}

/// One row of the help: the keys, and what they do.
struct Row {
    keys: String,
    what: &'static str,
}

impl Help {
    pub fn new(commands: Vec<Command>) -> Self {
        Help { commands }
    }

    /// The rows, a pair of commands on one row where both are offered.
    fn rows(&self, ctx: &Ctx) -> Vec<Row> {
        let keys = |c: Command| match c {
            Command::JumpTab(_) => "1 … 9".to_string(),
            _ => {
                let labels: Vec<String> = ctx.keymap.keys(c).iter().map(|k| k.label()).collect();
                labels.join(", ")
            }
        };
        let mut rows = Vec::new();
        let mut done: Vec<Command> = Vec::new();
        for &c in &self.commands {
            if done.contains(&c) || c == Command::Help {
                continue;
            }
            let pair = (PAIRS.iter()).find(|(a, b)| {
                (*a == c || *b == c) && self.commands.contains(a) && self.commands.contains(b)
            });
            match pair {
                Some(&(a, b)) => {
                    done.extend([a, b]);
                    let labels = |c: Command| -> Vec<String> {
                        ctx.keymap.keys(c).iter().map(|k| k.label()).collect()
                    };
                    rows.push(Row {
                        keys: paired_keys(&labels(a), &labels(b)),
                        what: pair_text(i18n::strings(ctx.lang), a),
                    });
                }
                None => {
                    done.push(c);
                    rows.push(Row {
                        keys: keys(c),
                        what: c.text(ctx.lang).help,
                    });
                }
            }
        }
        rows
    }
}

/// `↑ ↓, k j`: the keys of two commands side by side; `Space, x / p` when they have not as
/// many keys.
fn paired_keys(a: &[String], b: &[String]) -> String {
    if a.len() != b.len() {
        return format!("{} / {}", a.join(", "), b.join(", "));
    }
    let n = a.len();
    (0..n)
        .map(|i| {
            let pick = |keys: &[String]| keys.get(i).cloned().unwrap_or_default();
            format!("{} {}", pick(a), pick(b)).trim().to_string()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a pair of commands does, on one row.
fn pair_text(t: &Strings, first: Command) -> &'static str {
    match first {
        Command::Up => t.cmd_move,
        Command::PageUp => t.cmd_pages,
        Command::First => t.cmd_ends,
        Command::PrevTab => t.cmd_tabs,
        Command::PrevHit => t.cmd_hits,
        Command::Toggle => t.cmd_marks,
        _ => t.cmd_quits,
    }
}

/// The rows as lines `width` columns wide: the keys in a column, what they do wrapped after.
fn row_lines(rows: &[Row], width: usize) -> Vec<Toned> {
    let longest_key = (rows.iter())
        .flat_map(|r| r.keys.split(", "))
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    let key_width = (rows.iter().map(|r| r.keys.width()).max())
        .unwrap_or(0)
        .min((width / 5).max(12))
        .max(longest_key);
    let text_width = width.saturating_sub(key_width + 3).max(1);
    let mut out = Vec::new();
    for row in rows {
        let keys = key_lines(&row.keys, key_width);
        let what = wrap(row.what, text_width);
        for i in 0..keys.len().max(what.len()) {
            let k = keys.get(i).map_or("", |k| k.as_ref());
            let w = what.get(i).map_or("", |w| w.as_ref());
            out.push(
                Toned::one(format!(" {k}{}  ", pad(k, key_width)), Tone::Accent)
                    .and(w.to_string(), Tone::Plain),
            );
        }
    }
    out
}

/// `keys` (`a, b, c`) on as many lines of `width` as they need, broken after a comma only.
fn key_lines(keys: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for key in keys.split(", ") {
        match lines.last_mut() {
            Some(line) if line.width() + 2 + key.width() <= width => {
                line.push_str(", ");
                line.push_str(key);
            }
            _ => lines.push(key.to_string()),
        }
    }
    lines
}

/// What the symbols mean: `● buổi sắp tới · ✓ đạt · …`, wrapped to `width`.
fn legend(lang: Lang, width: usize) -> Vec<Toned> {
    let text = i18n::strings(lang).legend;
    (wrap(text, width.saturating_sub(2).max(1)).into_iter())
        .map(|l| Toned::one(format!(" {l}"), Tone::Muted))
        .collect()
}

impl Scrolled for Help {
    fn title(&self, ctx: &Ctx) -> String {
        i18n::strings(ctx.lang).keys_title.to_string()
    }

    /// The rows (in two columns side by side when `width` allows, then a blank line), the legend.
    fn lines(&self, ctx: &Ctx, width: usize) -> Vec<Toned> {
        let rows = self.rows(ctx);
        let mut out = if width >= TWO_COLUMNS {
            let half = width / 2;
            let (left, right) = rows.split_at(rows.len().div_ceil(2));
            let (left, right) = (row_lines(left, half - 1), row_lines(right, half - 1));
            (0..left.len().max(right.len()))
                .map(|i| {
                    let l = left.get(i).cloned().unwrap_or_default();
                    let filler = " ".repeat(half.saturating_sub(l.width()));
                    l.and(filler, Tone::Plain)
                        .and_line(right.get(i).cloned().unwrap_or_default())
                })
                .collect()
        } else {
            row_lines(&rows, width)
        };
        // One column is the narrow case: the legend's muted tone sets it apart, so the keys
        // of a session still fit 80×24.
        if width >= TWO_COLUMNS {
            out.push(Toned::new());
        }
        out.extend(legend(ctx.lang, width));
        out
    }
}
