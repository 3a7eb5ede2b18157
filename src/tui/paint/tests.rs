use super::*;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;
use ratatui::{TerminalOptions, Viewport};

const WIDTH: u16 = 20;
const HEIGHT: u16 = 10;

/// A screen: a header, the rows `first..` of a list, a footer.
fn screen(first: usize) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    buf.set_string(0, 0, "header", ratatui::style::Style::default());
    for y in 1..HEIGHT - 1 {
        let text = format!("row {}", first + usize::from(y));
        buf.set_string(0, y, text, ratatui::style::Style::default());
    }
    buf.set_string(0, HEIGHT - 1, "footer", ratatui::style::Style::default());
    buf
}

#[test]
fn a_list_moved_by_a_row_is_found_either_way() {
    let moved = moved_rows(&screen(0), &screen(1)).expect("moved up");
    assert_eq!(
        moved,
        Moved {
            top: 1,
            bottom: HEIGHT - 2,
            by: 1,
            up: true
        }
    );
    let moved = moved_rows(&screen(3), &screen(1)).expect("moved down");
    assert_eq!(
        (moved.top, moved.bottom, moved.by, moved.up),
        (1, HEIGHT - 2, 2, false)
    );
    assert_eq!(moved_rows(&screen(0), &screen(0)), None, "nothing moved");
    assert_eq!(moved_rows(&screen(0), &screen(50)), None, "a new page");
}

#[test]
fn the_shifted_screen_keeps_what_the_scroll_keeps_and_blanks_the_rest() {
    for (from, to) in [(0, 1), (0, 3), (4, 2), (4, 3)] {
        let (mut shown, next) = (screen(from), screen(to));
        let moved = moved_rows(&shown, &next).expect("moved");
        shift(&mut shown, moved);
        let kept = (1..HEIGHT - 1)
            .filter(|&y| row(&shown, y) == row(&next, y))
            .count();
        assert_eq!(
            kept,
            usize::from(HEIGHT - 2) - from.abs_diff(to),
            "{from} → {to}"
        );
        let blank = (1..HEIGHT - 1).filter(|&y| row(&shown, y).iter().all(|c| *c == Cell::EMPTY));
        assert_eq!(blank.count(), from.abs_diff(to), "{from} → {to}");
        assert_eq!(row(&shown, 0), row(&next, 0), "the header stays");
        assert_eq!(
            row(&shown, HEIGHT - 1),
            row(&next, HEIGHT - 1),
            "the footer stays"
        );
    }
}

#[test]
fn the_scroll_is_plain_vt100_inside_the_rows_that_moved() {
    let up = Moved {
        top: 1,
        bottom: 8,
        by: 2,
        up: true,
    };
    let buf = screen(0);
    assert_eq!(scroll_bytes(&buf, up), b"\x1b[2;9r\x1b[9H\n\n\x1b[r");
    let down = Moved { up: false, ..up };
    assert_eq!(
        scroll_bytes(&buf, down),
        b"\x1b[2;9r\x1b[2H\x1bM\x1bM\x1b[r"
    );
}

/// The bytes the painter sends for each of `frames` drawn in turn.
fn sent(frames: &[usize]) -> Vec<Vec<u8>> {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
    };
    let mut term =
        Terminal::with_options(CrosstermBackend::new(Vec::new()), options).expect("terminal");
    let mut painter = Painter::new();
    frames
        .iter()
        .map(|&first| {
            term.backend_mut().writer_mut().clear();
            let buf = screen(first);
            painter
                .draw(&mut term, |f| {
                    for y in 0..HEIGHT {
                        let text: String = row(&buf, y).iter().map(Cell::symbol).collect();
                        f.render_widget(Paragraph::new(text), Rect::new(0, y, WIDTH, 1));
                    }
                })
                .expect("draw");
            term.backend_mut().writer_mut().clone()
        })
        .collect()
}

#[test]
fn a_short_run_of_unchanged_cells_is_sent_again_rather_than_moved_over() {
    let area = Rect::new(0, 0, WIDTH, 1);
    let (mut shown, mut next) = (Buffer::empty(area), Buffer::empty(area));
    shown.set_string(0, 0, "ab cd    ef", ratatui::style::Style::default());
    next.set_string(0, 0, "xb cy    ez", ratatui::style::Style::default());
    let sent = |updates: Vec<(u16, u16, &Cell)>| -> Vec<u16> {
        updates.iter().map(|(x, _, _)| *x).collect()
    };
    assert_eq!(sent(shown.diff(&next)), [0, 4, 10]);
    assert_eq!(sent(bridged(shown.diff(&next), &next)), [0, 1, 2, 3, 4, 10]);
}

#[test]
fn a_scrolled_list_sends_the_scroll_and_the_new_row_only() {
    let frames = sent(&[0, 1, 1]);
    let scrolled = String::from_utf8_lossy(&frames[1]);
    assert!(
        scrolled.starts_with("\x1b[2;9r\x1b[9H\n\x1b[r"),
        "{scrolled:?}"
    );
    assert!(
        scrolled.contains("9") && !scrolled.contains("8"),
        "{scrolled:?}"
    );
    assert!(
        frames[1].len() * 2 < frames[0].len(),
        "{} of {}",
        frames[1].len(),
        frames[0].len()
    );
    assert!(
        !String::from_utf8_lossy(&frames[2]).contains("row"),
        "nothing changed"
    );
}

#[test]
fn cells_go_out_with_short_moves_one_sgr_per_look_and_a_reset() {
    use ratatui::style::Style;
    let area = Rect::new(0, 3, WIDTH, 2);
    let mut next = Buffer::empty(Rect::new(0, 0, WIDTH, 2));
    next.set_string(0, 0, "ab", Style::new().fg(Color::LightRed).bold());
    next.set_string(5, 0, "漢c", Style::new().reversed());
    next.set_string(1, 1, "d", Style::new());
    let updates = Buffer::empty(next.area).diff(&next);
    let sent = String::from_utf8(cells_bytes(&updates, area)).expect("UTF-8");
    assert_eq!(
        sent,
        "\x1b[4H\x1b[1;91mab\x1b[3C\x1b[0;7m漢\x1b[4;8Hc\x1b[5;2H\x1b[md"
    );
}

#[test]
fn a_run_of_plain_blanks_is_erased_when_that_is_shorter() {
    use ratatui::style::Style;
    let area = Rect::new(0, 0, WIDTH, 1);
    let mut shown = Buffer::empty(area);
    shown.set_string(0, 0, "a".repeat(20), Style::new().bold());
    let mut next = Buffer::empty(area);
    next.set_string(0, 0, "b", Style::new().bold());
    next.set_string(19, 0, "c", Style::new());
    let updates = shown.diff(&next);
    let sent = String::from_utf8(cells_bytes(&updates, area)).expect("UTF-8");
    assert_eq!(sent, "\x1b[1H\x1b[1mb\x1b[m\x1b[18X\x1b[18Cc");
    next.set_string(5, 0, "d", Style::new());
    let updates = shown.diff(&next);
    let sent = String::from_utf8(cells_bytes(&updates, area)).expect("UTF-8");
    assert_eq!(
        sent, "\x1b[1H\x1b[1mb\x1b[m    d\x1b[13X\x1b[13Cc",
        "four are written"
    );
}

#[test]
fn a_change_of_look_says_only_what_changes_unless_a_reset_is_shorter() {
    use Color::{Cyan, DarkGray, Indexed, Reset, Rgb};
    let m = Modifier::empty();
    let (bold, dim, reversed) = (Modifier::BOLD, Modifier::DIM, Modifier::REVERSED);
    let cases = [
        (PLAIN, PLAIN, ""),
        (PLAIN, (DarkGray, Reset, m), "\x1b[90m"),
        (PLAIN, (Cyan, Reset, bold), "\x1b[1;36m"),
        (
            (Cyan, Reset, bold),
            (Cyan, Reset, bold | reversed),
            "\x1b[7m",
        ),
        (
            (DarkGray, Reset, reversed),
            (Reset, Reset, reversed),
            "\x1b[39m",
        ),
        ((Cyan, Reset, bold | dim), (Cyan, Reset, dim), "\x1b[22;2m"),
        (
            (Cyan, Reset, bold | reversed),
            (Reset, Reset, reversed),
            "\x1b[0;7m",
        ),
        ((DarkGray, Reset, reversed), PLAIN, "\x1b[m"),
        (
            PLAIN,
            (Indexed(208), Rgb(1, 2, 3), m),
            "\x1b[38;5;208;48;2;1;2;3m",
        ),
        (PLAIN, (Reset, Color::LightBlue, m), "\x1b[104m"),
    ];
    for (from, to, sent) in cases {
        assert_eq!(sgr(from, to), sent, "{from:?} → {to:?}");
    }
}

#[test]
fn the_cursor_takes_the_shortest_move() {
    let at = |x, y| {
        Some(Cursor {
            x,
            y,
            at_edge: false,
        })
    };
    let cases = [
        (None, (0, 4), "\x1b[5H"),
        (None, (9, 4), "\x1b[5;10H"),
        (at(3, 4), (3, 4), ""),
        (at(3, 4), (4, 4), "\x1b[C"),
        (at(3, 4), (12, 4), "\x1b[9C"),
        (at(30, 4), (1, 4), "\r\x1b[C"),
        (at(30, 4), (25, 4), "\x1b[5D"),
        (at(30, 4), (0, 5), "\r\n"),
        (at(30, 4), (30, 5), "\x1b[B"),
        (at(30, 4), (31, 5), "\x1b[B\x1b[C"),
        (at(30, 4), (32, 6), "\x1b[7;33H"),
        (at(30, 9), (31, 2), "\x1b[3;32H"),
    ];
    for (from, to, sent) in cases {
        assert_eq!(move_to(from, to), sent, "{from:?} → {to:?}");
    }
    let edge = Cursor {
        x: 20,
        y: 4,
        at_edge: true,
    };
    assert_eq!(
        move_to(Some(edge), (19, 5)),
        "\x1b[6;20H",
        "past the last column, the column is not known"
    );
    assert_eq!(move_to(Some(edge), (0, 5)), "\r\n");
}
