//! A frame goes to the terminal as what changed: a block of rows that moved (a list scrolled by
//! a line or two) as a scroll of those rows, the rest as the cells that differ, so a slow line
//! (SSH) carries little more than what a person sees change.

use std::fmt::Write as _;
use std::io::{self, Write};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::{Frame, Terminal};
use unicode_width::UnicodeWidthStr;

/// Rows a block may have moved by that is looked for (a line, a few lines at a time).
const MOST_MOVED: u16 = 3;

/// Rows worth a scroll: a scroll costs the bytes of a few cells.
const FEWEST_ROWS: u16 = 2;

/// What the terminal shows, as last sent; `None` until the first frame.
#[derive(Debug, Default)]
pub struct Painter {
    shown: Option<Buffer>,
    /// The last frame was ratatui's, which may have shown the terminal's cursor.
    cursor_shown: bool,
}

/// Rows `top..=bottom` whose text moved up (towards the top) or down `by` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Moved {
    top: u16,
    bottom: u16,
    by: u16,
    up: bool,
}

impl Painter {
    pub fn new() -> Self {
        Painter::default()
    }

    /// Makes a frame with `draw` in `term`'s buffer and sends the terminal what changed.
    pub fn draw<W: Write>(
        &mut self,
        term: &mut Terminal<CrosstermBackend<W>>,
        draw: impl FnOnce(&mut Frame<'_>),
    ) -> io::Result<()> {
        if self.cursor_shown {
            term.hide_cursor()?;
            self.cursor_shown = false;
        }
        term.autoresize()?;
        draw(&mut term.get_frame());
        let next = term.current_buffer_mut().clone();
        let mut shown = match self.shown.take() {
            // After a resize the terminal was cleared.
            Some(shown) if shown.area == next.area => shown,
            _ => Buffer::empty(next.area),
        };
        let backend = term.backend_mut();
        if let Some(moved) = moved_rows(&shown, &next) {
            backend
                .writer_mut()
                .write_all(&scroll_bytes(&shown, moved))?;
            shift(&mut shown, moved);
        }
        let updates = bridged(shown.diff(&next), &next);
        if updates
            .iter()
            .all(|(_, _, c)| c.underline_color == Color::Reset)
        {
            backend
                .writer_mut()
                .write_all(&cells_bytes(&updates, next.area))?;
        } else {
            backend.draw(updates.into_iter())?;
        }
        self.shown = Some(next);
        term.swap_buffers();
        Ok(())
    }
}

/// The widest run of unchanged cells that may be sent again rather than moved over.
const BRIDGE: u16 = 8;

/// `updates` with the short runs of unchanged cells between two changed ones on a row sent
/// again, when they look as the cell before them does (no change of colours) and their bytes
/// are no more than a step of the cursor over them.
fn bridged<'a>(updates: Vec<(u16, u16, &'a Cell)>, next: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    let mut out: Vec<(u16, u16, &Cell)> = Vec::with_capacity(updates.len());
    for (x, y, cell) in updates {
        if let Some(&(last_x, last_y, last)) = out.last() {
            let width = u16::try_from(last.symbol().width()).unwrap_or(1).max(1);
            let from = last_x.saturating_add(width);
            let gap = from..x;
            let same_look = |c: &Cell| {
                (c.fg, c.bg, c.modifier) == (last.fg, last.bg, last.modifier)
                    && c.symbol().width() == 1
                    && c.diff_option == CellDiffOption::None
            };
            let plain = last.diff_option == CellDiffOption::None;
            if plain && last_y == y && x > from && x - from <= BRIDGE {
                let cells: Vec<&Cell> = gap.clone().map(|gx| &next[(gx, y)]).collect();
                let bytes: usize = cells.iter().map(|c| c.symbol().len()).sum();
                let here = Cursor {
                    x: from,
                    y,
                    at_edge: false,
                };
                let step = move_to(Some(here), (x, y)).len();
                if cells.iter().all(|c| same_look(c)) && bytes <= step {
                    out.extend(gap.zip(cells).map(|(gx, c)| (gx, y, c)));
                }
            }
        }
        out.push((x, y, cell));
    }
    out
}

/// The look of a cell no escape sets: the terminal's colours, no bold, no reverse.
const PLAIN: Look = (Color::Reset, Color::Reset, Modifier::empty());

/// A cell's foreground, background and modifiers.
type Look = (Color, Color, Modifier);

/// Where the terminal's cursor is while a frame is written, when it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cursor {
    x: u16,
    y: u16,
    /// A cell was written in the area's last column: the terminal may hold the cursor there
    /// (its wrap pending) rather than past it, so only a carriage return tells the column.
    at_edge: bool,
}

/// The cells of `updates` as bytes for the terminal, as few as plainly say them: each move of
/// the cursor as the shortest of an absolute and a relative move, each change of look as one
/// SGR (the difference from the look before, or a reset and the look, whichever is shorter),
/// a run of plain blanks as an erase of that many characters (ECH) where that is shorter, the
/// look reset at the end. `area`: where the buffer is on the screen.
fn cells_bytes(updates: &[(u16, u16, &Cell)], area: Rect) -> Vec<u8> {
    let blank = |c: &Cell| c.symbol() == " " && (c.fg, c.bg, c.modifier) == PLAIN;
    let right = area.x + area.width;
    let mut out = String::new();
    let mut cursor: Option<Cursor> = None;
    let mut look = PLAIN;
    let mut i = 0;
    while let Some(&(x, y, cell)) = updates.get(i) {
        let at = (area.x + x, area.y + y);
        out.push_str(&move_to(cursor, at));
        let blanks = (updates[i..].iter().zip(x..))
            .take_while(|((ux, uy, c), at)| *ux == *at && *uy == y && blank(c))
            .count();
        if blanks > 0 && erase_is_shorter(blanks, at, updates.get(i + blanks), area) {
            out.push_str(&sgr(look, PLAIN));
            look = PLAIN;
            // The erase leaves the cursor where it is.
            let _ = write!(out, "\x1b[{blanks}X");
            cursor = Some(Cursor {
                x: at.0,
                y: at.1,
                at_edge: false,
            });
            i += blanks;
            continue;
        }
        let wanted = (cell.fg, cell.bg, cell.modifier);
        out.push_str(&sgr(look, wanted));
        look = wanted;
        out.push_str(cell.symbol());
        // Only a narrow cell surely moves the cursor by one column on every terminal.
        cursor = (cell.symbol().width() == 1).then_some(Cursor {
            x: at.0 + 1,
            y: at.1,
            at_edge: at.0 + 1 >= right,
        });
        i += 1;
    }
    out.push_str(&sgr(look, PLAIN));
    out.into_bytes()
}

/// A run of `blanks` plain blanks from `at` is sent shorter as an erase (which leaves the
/// cursor at `at`) than as spaces (which leave it after them), counting the move to `next`.
fn erase_is_shorter(
    blanks: usize,
    at: (u16, u16),
    next: Option<&(u16, u16, &Cell)>,
    area: Rect,
) -> bool {
    let Ok(n) = u16::try_from(blanks) else {
        return true;
    };
    let next_at = next.map(|&(x, y, _)| (area.x + x, area.y + y));
    let cost = |from: Cursor| next_at.map_or(0, |to| move_to(Some(from), to).len());
    let erased = format!("\x1b[{blanks}X").len()
        + cost(Cursor {
            x: at.0,
            y: at.1,
            at_edge: false,
        });
    let after = at.0 + n;
    let written = blanks
        + cost(Cursor {
            x: after,
            y: at.1,
            at_edge: after >= area.x + area.width,
        });
    erased < written
}

/// The shortest escape that takes the cursor from `from` (unknown: `None`) to `to`, both on
/// the screen, 0-based: an absolute move, or a move up or down with a step right or left, a
/// carriage return, or a carriage return and line feed. Empty when it is there.
fn move_to(from: Option<Cursor>, (x, y): (u16, u16)) -> String {
    let absolute = if x == 0 {
        format!("\x1b[{}H", y + 1)
    } else {
        format!("\x1b[{};{}H", y + 1, x + 1)
    };
    let Some(from) = from else {
        return absolute;
    };
    if (from.x, from.y) == (x, y) && !from.at_edge {
        return String::new();
    }
    let step = |n: u16, code: char| match n {
        0 => String::new(),
        1 => format!("\x1b[{code}"),
        n => format!("\x1b[{n}{code}"),
    };
    let vertical = match y.cmp(&from.y) {
        std::cmp::Ordering::Equal => String::new(),
        std::cmp::Ordering::Greater => step(y - from.y, 'B'),
        std::cmp::Ordering::Less => step(from.y - y, 'A'),
    };
    let mut candidates = vec![absolute, format!("{vertical}\r{}", step(x, 'C'))];
    if !from.at_edge {
        let across = match x.cmp(&from.x) {
            std::cmp::Ordering::Equal => String::new(),
            std::cmp::Ordering::Greater => step(x - from.x, 'C'),
            std::cmp::Ordering::Less => step(from.x - x, 'D'),
        };
        candidates.push(format!("{vertical}{across}"));
    }
    // A line feed below a row that is not the last moves down without scrolling.
    if x == 0 && y == from.y + 1 {
        candidates.push("\r\n".to_string());
    }
    (candidates.into_iter())
        .min_by_key(String::len)
        .unwrap_or_default()
}

/// The modifiers SGR sets, each with the parameter that sets it and the one that ends it
/// (bold and dim end together, as do both blinks).
const MODIFIERS: [(Modifier, u8, u8); 9] = [
    (Modifier::BOLD, 1, 22),
    (Modifier::DIM, 2, 22),
    (Modifier::ITALIC, 3, 23),
    (Modifier::UNDERLINED, 4, 24),
    (Modifier::SLOW_BLINK, 5, 25),
    (Modifier::RAPID_BLINK, 6, 25),
    (Modifier::REVERSED, 7, 27),
    (Modifier::HIDDEN, 8, 28),
    (Modifier::CROSSED_OUT, 9, 29),
];

/// The one SGR escape that takes the terminal from look `from` to `to`, the shorter of the
/// difference and a reset followed by the look; empty when they are the same.
fn sgr(from: Look, to: Look) -> String {
    if from == to {
        return String::new();
    }
    let whole = if to == PLAIN {
        Vec::new()
    } else {
        let mut params = vec!["0".to_string()];
        params.extend(sgr_params(PLAIN, to));
        params
    };
    let change = sgr_params(from, to);
    let shorter = |p: &Vec<String>| p.iter().map(|s| s.len() + 1).sum::<usize>();
    let params = if shorter(&change) < shorter(&whole).max(1) {
        change
    } else {
        whole
    };
    format!("\x1b[{}m", params.join(";"))
}

/// The SGR parameters that change look `from` into `to` without a reset: modifiers ended
/// (and those ended along with them set again), modifiers set, colours set.
fn sgr_params((fg0, bg0, m0): Look, (fg, bg, m): Look) -> Vec<String> {
    let mut params = Vec::new();
    let mut set = m - m0;
    for (modifier, _, end) in MODIFIERS {
        if m0.contains(modifier) && !m.contains(modifier) {
            if !params.contains(&end.to_string()) {
                params.push(end.to_string());
            }
            // The other modifiers the same parameter ended, if still wanted.
            for (other, _, other_end) in MODIFIERS {
                if other_end == end && m.contains(other) {
                    set |= other;
                }
            }
        }
    }
    for (modifier, on, _) in MODIFIERS {
        if set.contains(modifier) {
            params.push(on.to_string());
        }
    }
    if fg != fg0 {
        params.push(colour(fg, 30).unwrap_or_else(|| "39".into()));
    }
    if bg != bg0 {
        params.push(colour(bg, 40).unwrap_or_else(|| "49".into()));
    }
    params
}

/// The SGR parameter of `color` as a foreground (`base` 30) or background (40): the sixteen
/// named colours by their own short codes (30–37 and 90–97, 40–47 and 100–107), the others
/// as 256 or true colours; `None` for the terminal's own colour.
fn colour(color: Color, base: u8) -> Option<String> {
    let named = |n: u8| Some((if n < 8 { base + n } else { base + 60 + n - 8 }).to_string());
    let extended = base + 8;
    match color {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(n) => Some(format!("{extended};5;{n}")),
        Color::Rgb(r, g, b) => Some(format!("{extended};2;{r};{g};{b}")),
    }
}

impl Painter {
    /// Draws a frame that places the terminal's cursor (a text field being typed in) with
    /// ratatui's own `Terminal::draw`, which shows the cursor there; the painter then takes the
    /// screen as that frame left it, and hides the cursor again with its next frame.
    pub fn draw_with_cursor<W: Write>(
        &mut self,
        term: &mut Terminal<CrosstermBackend<W>>,
        draw: impl FnOnce(&mut Frame<'_>),
    ) -> io::Result<()> {
        let completed = term.draw(draw)?;
        self.shown = Some(completed.buffer.clone());
        self.cursor_shown = true;
        Ok(())
    }
}

fn row(buf: &Buffer, y: u16) -> &[Cell] {
    let width = usize::from(buf.area.width);
    let start = usize::from(y) * width;
    &buf.content[start..start + width]
}

/// The longest block of rows of `next` that `shown` has elsewhere, a few rows up or down, when
/// it is worth a scroll.
fn moved_rows(shown: &Buffer, next: &Buffer) -> Option<Moved> {
    let height = next.area.height;
    let mut best: Option<(u16, Moved)> = None;
    for by in 1..=MOST_MOVED.min(height.saturating_sub(1)) {
        for up in [true, false] {
            let from = |y: u16| if up { y + by } else { y - by };
            let ys = if up { 0..height - by } else { by..height };
            let mut run: Option<u16> = None;
            for y in ys.clone().chain(std::iter::once(ys.end)) {
                let same = y < ys.end
                    && row(next, y) != row(shown, y)
                    && row(next, y) == row(shown, from(y));
                match (same, run) {
                    (true, None) => run = Some(y),
                    (false, Some(start)) => {
                        let rows = y - start;
                        if rows >= FEWEST_ROWS && best.is_none_or(|(most, _)| rows > most) {
                            let (top, bottom) = if up {
                                (start, y - 1 + by)
                            } else {
                                (start - by, y - 1)
                            };
                            best = Some((
                                rows,
                                Moved {
                                    top,
                                    bottom,
                                    by,
                                    up,
                                },
                            ));
                        }
                        run = None;
                    }
                    _ => {}
                }
            }
        }
    }
    best.map(|(_, moved)| moved)
}

/// The scroll of `moved` in plain VT100: the rows as a scrolling region, line feeds at its
/// bottom (up) or reverse index at its top (down), then the whole screen again. Text comes in
/// blank with the colours reset, as the frame before left them.
fn scroll_bytes(shown: &Buffer, moved: Moved) -> Vec<u8> {
    let (top, bottom) = (
        shown.area.y + moved.top + 1,
        shown.area.y + moved.bottom + 1,
    );
    let mut bytes = format!("\x1b[{top};{bottom}r").into_bytes();
    let (at, step) = if moved.up {
        (bottom, "\n")
    } else {
        (top, "\x1bM")
    };
    bytes.extend(format!("\x1b[{at}H").bytes());
    for _ in 0..moved.by {
        bytes.extend(step.bytes());
    }
    bytes.extend(b"\x1b[r");
    bytes
}

/// `shown` as the terminal shows it after the scroll of `moved`.
fn shift(shown: &mut Buffer, moved: Moved) {
    let width = usize::from(shown.area.width);
    let (top, bottom, by) = (
        usize::from(moved.top),
        usize::from(moved.bottom),
        usize::from(moved.by),
    );
    let rows = &mut shown.content[top * width..(bottom + 1) * width];
    let (blank_from, blank_to) = if moved.up {
        rows.rotate_left(by * width);
        (rows.len() - by * width, rows.len())
    } else {
        rows.rotate_right(by * width);
        (0, by * width)
    };
    rows[blank_from..blank_to].fill(Cell::EMPTY);
}

#[cfg(test)]
mod tests;
