//! Makes text from the briefing folder safe to show on a terminal: every byte the CLI prints goes through `SafeWriter`.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// How a character that must not reach the output as itself is shown: `\e`, `\u{202E}`.
fn visible(c: char) -> String {
    match c {
        '\u{1b}' => "\\e".to_string(),
        c => format!("\\u{{{:X}}}", u32::from(c)),
    }
}

/// `s` with each character `replaced` picks written by `write` instead; borrowed when it
/// picks none.
fn rewrite(
    s: &str,
    replaced: impl Fn(char) -> bool,
    write: impl Fn(&mut String, char),
) -> Cow<'_, str> {
    if !s.chars().any(&replaced) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if replaced(c) {
            write(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// True for characters that can drive a terminal or reorder what it shows.
pub fn is_risky(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        && c != '\n'
        && c != '\t'
}

/// Whether the character whose UTF-8 bytes start with `b`, then `next` and `after` (0 past
/// the end), is risky (`is_risky`): C0 but newline and tab, DEL, U+0080–U+009F, U+061C,
/// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069. Without a branch, so a text's bytes are
/// checked many at once.
fn risky_bytes(b: u8, next: u8, after: u8) -> bool {
    let c0 = (b < 0x20) & (b != b'\n') & (b != b'\t');
    let c1 = (b == 0xc2) & (next.wrapping_sub(0x80) < 0x20);
    let arabic_mark = (b == 0xd8) & (next == 0x9c);
    let marks =
        (next == 0x80) & ((after == 0x8e) | (after == 0x8f) | (after.wrapping_sub(0xaa) < 5));
    let isolates = (next == 0x81) & (after.wrapping_sub(0xa6) < 4);
    c0 | (b == 0x7f) | c1 | arabic_mark | ((b == 0xe2) & (marks | isolates))
}

/// Whether `s` holds a risky character (`is_risky`), from its UTF-8 bytes: what every print
/// checks first, so it reads bytes rather than decoding characters, every byte with the two
/// after it (a report of ten thousand sessions is tens of megabytes).
fn has_risky(s: &str) -> bool {
    let bytes = s.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let body = bytes.len().saturating_sub(2);
    let triples = (bytes[..body].iter())
        .zip(bytes.get(1..).unwrap_or_default())
        .zip(bytes.get(2..).unwrap_or_default());
    let risky = |any, ((&b, &next), &after)| any | risky_bytes(b, next, after);
    triples.fold(false, risky)
        || (body..bytes.len()).any(|i| risky_bytes(at(i), at(i + 1), at(i + 2)))
}

/// `s` with every risky character written visibly (`\e`, `\u{202E}`); borrowed when clean.
pub(crate) fn escape(s: &str) -> Cow<'_, str> {
    if !has_risky(s) {
        return Cow::Borrowed(s);
    }
    rewrite(s, is_risky, |out, c| out.push_str(&visible(c)))
}

/// Whether `c` would end a line or jump to a column: a name holding one would fake a line,
/// or a column, in line-oriented output.
fn breaks_line(c: char) -> bool {
    matches!(c, '\n' | '\t' | '\u{2028}' | '\u{2029}')
}

/// `s` on one line: as `escape`, and newlines, tabs and the Unicode line and paragraph
/// separators written visibly too (`\n`, `\t`, `\u{2028}`), for outputs that give each item
/// one line (`check`, `list`, `log`, …).
pub(crate) fn one_line(s: &str) -> Cow<'_, str> {
    let replaced = |c| is_risky(c) || breaks_line(c);
    rewrite(s, replaced, |out, c| match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        c => out.push_str(&visible(c)),
    })
}

/// JSON text with every risky character inside its strings as a `\uXXXX` escape,
/// so the document means exactly the same and prints safely. serde_json
/// already escapes C0; this adds DEL, C1 and the bidi controls.
pub(crate) fn json(text: &str) -> Cow<'_, str> {
    rewrite(text, is_risky, |out, c| {
        let _ = write!(out, "\\u{:04x}", u32::from(c));
    })
}

/// A writer that escapes risky characters and invalid UTF-8 (`\x{FF}`) before
/// they reach `inner`. A character split across two writes is kept until it is whole.
pub(crate) struct SafeWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub(crate) fn new(inner: W) -> Self {
        SafeWriter {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes `text`, escaped: as `write_all`, without checking again that it is UTF-8.
    pub(crate) fn write_text(&mut self, text: &str) -> io::Result<()> {
        if self.pending.is_empty() {
            self.inner.write_all(escape(text).as_bytes())
        } else {
            self.write_all(text.as_bytes())
        }
    }

    /// Writes out everything pending; `end`: an incomplete character is escaped too.
    fn drain(&mut self, end: bool) -> io::Result<()> {
        let done = write_escaped(&mut self.inner, &self.pending, end)?;
        self.pending.drain(..done);
        Ok(())
    }
}

/// Writes `bytes` to `inner` escaped (risky characters, invalid UTF-8 as `\x{FF}`) and
/// returns how many were written: all but an incomplete character at the end, unless `end`.
fn write_escaped(inner: &mut impl Write, bytes: &[u8], end: bool) -> io::Result<usize> {
    let mut start = 0;
    while start < bytes.len() {
        let rest = &bytes[start..];
        match std::str::from_utf8(rest) {
            Ok(text) => {
                inner.write_all(escape(text).as_bytes())?;
                start = bytes.len();
            }
            Err(e) => {
                let valid = e.valid_up_to();
                let text = std::str::from_utf8(&rest[..valid]).unwrap_or_default();
                inner.write_all(escape(text).as_bytes())?;
                let bad = match e.error_len() {
                    Some(n) => n,
                    None if end => rest.len() - valid,
                    None => return Ok(start + valid),
                };
                for b in &rest[valid..valid + bad] {
                    write!(inner, "\\x{{{b:02X}}}")?;
                }
                start += valid + bad;
            }
        }
    }
    Ok(start)
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            // Straight from `buf`: a whole report (tens of megabytes) is not copied first.
            let done = write_escaped(&mut self.inner, buf, false)?;
            self.pending.extend_from_slice(&buf[done..]);
        } else {
            self.pending.extend_from_slice(buf);
            self.drain(false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for SafeWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Standard output, made safe.
pub(crate) fn out() -> SafeWriter<io::StdoutLock<'static>> {
    SafeWriter::new(io::stdout().lock())
}

/// `items` on standard output, each escaped (`escape`) and ended by a NUL byte: records that
/// may hold newlines, for a program that splits on NUL (the completion scripts).
pub(crate) fn write_nul_separated<'a>(items: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
    let mut out = io::stdout().lock();
    for item in items {
        out.write_all(escape(item).as_bytes())?;
        out.write_all(b"\0")?;
    }
    out.flush()
}

/// Whether standard output is a terminal.
pub(crate) fn out_is_terminal() -> bool {
    io::IsTerminal::is_terminal(&io::stdout())
}

/// Standard error, made safe.
pub(crate) fn err() -> SafeWriter<io::StderrLock<'static>> {
    SafeWriter::new(io::stderr().lock())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through_writer(chunks: &[&[u8]]) -> String {
        let mut buf = Vec::new();
        {
            let mut w = SafeWriter::new(&mut buf);
            for c in chunks {
                w.write_all(c).expect("write");
            }
        }
        String::from_utf8(buf).expect("the output is UTF-8")
    }

    #[test]
    fn escapes_controls_and_bidi_visibly() {
        assert_eq!(escape("a\u{1b}]0;x\u{7}b"), "a\\e]0;x\\u{7}b");
        assert_eq!(escape("\u{9b}31m"), "\\u{9B}31m");
        assert_eq!(
            escape("x\u{202e}y\u{2066}\u{7f}"),
            "x\\u{202E}y\\u{2066}\\u{7F}"
        );
        assert_eq!(escape("Đầm Hà\n\tok"), "Đầm Hà\n\tok");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn has_risky_finds_exactly_the_risky_characters() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(has_risky(&alone), is_risky(c), "{:X}", u32::from(c));
            let within = format!("Đầm Hà•{c}·x");
            assert_eq!(has_risky(&within), is_risky(c), "{:X}", u32::from(c));
        }
    }

    #[test]
    fn one_line_escapes_line_breaks_and_tabs() {
        assert_eq!(
            one_line("a\nSigned-off-by: x\tb\r\u{2028}\u{1b}"),
            "a\\nSigned-off-by: x\\tb\\u{D}\\u{2028}\\e"
        );
        assert!(matches!(one_line("Tổng kết: Đầm Hà"), Cow::Borrowed(_)));
    }

    #[test]
    fn writer_keeps_characters_split_across_writes() {
        let d = "đ".as_bytes();
        assert_eq!(through_writer(&[&d[..1], &d[1..], b"\x1b[31m"]), "đ\\e[31m");
    }

    #[test]
    fn write_text_escapes_and_keeps_a_pending_character_first() {
        let mut buf = Vec::new();
        {
            let mut w = SafeWriter::new(&mut buf);
            w.write_text("Đầm\u{1b}[31m").expect("write");
            w.write_all(&"đ".as_bytes()[..1]).expect("write");
            w.write_text("\u{111}x\u{202e}").expect("write");
        }
        assert_eq!(
            String::from_utf8(buf).expect("UTF-8"),
            "Đầm\\e[31m\\x{C4}\u{111}x\\u{202E}"
        );
    }

    #[test]
    fn writer_escapes_invalid_utf8_and_a_cut_character_at_the_end() {
        assert_eq!(through_writer(&[b"a\xffb"]), "a\\x{FF}b");
        assert_eq!(through_writer(&[b"a\xc4"]), "a\\x{C4}");
    }

    #[test]
    fn json_escapes_inside_strings_and_means_the_same() {
        let value = serde_json::json!({ "t": "a\u{9b}b\u{202e}c\u{7f}" });
        let text = serde_json::to_string(&value).expect("json");
        let safe = json(&text);
        assert!(!safe.chars().any(is_risky), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("valid JSON");
        assert_eq!(back, value);
    }

    /// Every print of the program goes through `out()`/`err()`; only the
    /// terminal interface (whose frames are cleaned cell by cell, and which hands the
    /// terminal to an editor: `tui/editor.rs`) and the completion scripts (no folder data)
    /// write to the streams themselves.
    #[test]
    fn no_output_bypasses_the_safe_writer() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let allowed = ["terminal_text.rs", "tui.rs", "editor.rs", "completions.rs"];
        let mut offenders = Vec::new();
        visit(&src, &mut |path, text| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if allowed.contains(&name) {
                return;
            }
            for bad in [
                "println!",
                "print!(",
                "eprint",
                "io::stdout()",
                "io::stderr()",
            ] {
                if text.contains(bad) {
                    offenders.push(format!("{}: {bad}", path.display()));
                }
            }
        });
        assert!(offenders.is_empty(), "{offenders:#?}");
    }

    fn visit(dir: &std::path::Path, f: &mut dyn FnMut(&std::path::Path, &str)) {
        for entry in std::fs::read_dir(dir).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                visit(&path, f);
            } else if path.extension().is_some_and(|e| e == "rs") {
                f(&path, &std::fs::read_to_string(&path).expect("read"));
            }
        }
    }
}
