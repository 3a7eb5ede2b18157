//! A frame goes to the terminal as what changed: a block of rows that moved (a list scrolled by
//! a line or two) as a scroll of those rows, the rest as the cells that differ, so a slow line
//! (SSH) carries little more than what a person sees change.

use std::io::{self, Write};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
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
            let origin = (next.area.x, next.area.y);
            backend
                .writer_mut()
                .write_all(&cells_bytes(&updates, origin))?;
        } else {
            backend.draw(updates.into_iter())?;
        }
        self.shown = Some(next);
        term.swap_buffers();
        Ok(())
    }
}

/// The widest run of unchanged cells sent again rather than moved over: a cursor move costs
/// six to eight bytes, a cell one to three.
const BRIDGE: u16 = 3;

/// `updates` with the short runs of unchanged cells between two changed ones on a row sent
/// again, when they look as the cell before them does (no change of colours): fewer bytes
/// than moving the cursor over them.
fn bridged<'a>(updates: Vec<(u16, u16, &'a Cell)>, next: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    let mut out: Vec<(u16, u16, &Cell)> = Vec::with_capacity(updates.len());
    for (x, y, cell) in updates {
        if let Some(&(last_x, last_y, last)) = out.last() {
            let width = u16::try_from(last.symbol().width()).unwrap_or(1).max(1);
            let from = last_x.saturating_add(width);
            let gap = from..x;
            let same_look = |c: &Cell| {
                (c.fg, c.bg, c.modifier) == (last.fg, last.bg, last.modifier)
                    && c.symbol().len() == 1
                    && c.diff_option == CellDiffOption::None
            };
            let plain = last.diff_option == CellDiffOption::None;
            if plain && last_y == y && x > from && x - from <= BRIDGE {
                let cells: Vec<&Cell> = gap.clone().map(|gx| &next[(gx, y)]).collect();
                if cells.iter().all(|c| same_look(c)) {
                    out.extend(gap.zip(cells).map(|(gx, c)| (gx, y, c)));
                }
            }
        }
        out.push((x, y, cell));
    }
    out
}

/// The cells of `updates` as bytes for the terminal, as few as plainly say them: a move to the
/// right on a row as a cursor step, each change of look as one SGR (reset, then the look), the
/// look reset at the end. `origin`: where the buffer's area starts on the screen.
fn cells_bytes(updates: &[(u16, u16, &Cell)], origin: (u16, u16)) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut cursor: Option<(u16, u16)> = None;
    let mut look = (Color::Reset, Color::Reset, Modifier::empty());
    for &(x, y, cell) in updates {
        let (sx, sy) = (origin.0 + x, origin.1 + y);
        match cursor {
            Some((cx, cy)) if (cx, cy) == (sx, sy) => {}
            Some((cx, cy)) if cy == sy && cx < sx => {
                let _ = write!(out, "\x1b[{}C", sx - cx);
            }
            _ => {
                let _ = write!(out, "\x1b[{};{}H", sy + 1, sx + 1);
            }
        }
        let wanted = (cell.fg, cell.bg, cell.modifier);
        if wanted != look {
            out.push_str(&sgr(wanted));
            look = wanted;
        }
        out.push_str(cell.symbol());
        // Only a narrow cell surely moves the cursor by one column on every terminal.
        cursor = (cell.symbol().width() == 1).then_some((sx + 1, sy));
    }
    if look != (Color::Reset, Color::Reset, Modifier::empty()) {
        out.push_str("\x1b[0m");
    }
    out.into_bytes()
}

/// One SGR escape that resets the look, then sets `fg`, `bg` and the modifiers.
fn sgr((fg, bg, modifier): (Color, Color, Modifier)) -> String {
    const MODIFIERS: [(Modifier, u8); 9] = [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ];
    let mut params = vec!["0".to_string()];
    for (m, code) in MODIFIERS {
        if modifier.contains(m) {
            params.push(code.to_string());
        }
    }
    params.extend(colour(fg, 38));
    params.extend(colour(bg, 48));
    format!("\x1b[{}m", params.join(";"))
}

/// The SGR parameters of `color` as a foreground (`base` 38) or background (48), as crossterm
/// writes them; `None` for the terminal's own colour.
fn colour(color: Color, base: u8) -> Option<String> {
    let indexed = |n: u8| Some(format!("{base};5;{n}"));
    match color {
        Color::Reset => None,
        Color::Black => indexed(0),
        Color::Red => indexed(1),
        Color::Green => indexed(2),
        Color::Yellow => indexed(3),
        Color::Blue => indexed(4),
        Color::Magenta => indexed(5),
        Color::Cyan => indexed(6),
        Color::Gray => indexed(7),
        Color::DarkGray => indexed(8),
        Color::LightRed => indexed(9),
        Color::LightGreen => indexed(10),
        Color::LightYellow => indexed(11),
        Color::LightBlue => indexed(12),
        Color::LightMagenta => indexed(13),
        Color::LightCyan => indexed(14),
        Color::White => indexed(15),
        Color::Indexed(n) => indexed(n),
        Color::Rgb(r, g, b) => Some(format!("{base};2;{r};{g};{b}")),
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
    bytes.extend(format!("\x1b[{at};1H").bytes());
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
