//! Unit tests of the generic field reader.

use super::{clean, has_control};

#[test]
fn text_is_made_safe_to_print() {
    let raw = ["a\tb", "dòng 1\r\ndòng 2", "x\u{7}y\u{1b}[2J", "Ha\u{300}"];
    let safe = ["a b", "dòng 1\ndòng 2", "x\u{fffd}y\u{fffd}[2J", "Hà"];
    assert_eq!(raw.map(clean), safe);
}

#[test]
fn control_characters_are_found_as_bytes_as_they_are_as_chars() {
    let samples = [
        "Đầm Hà\n",
        "a\tb",
        "x\u{7f}",
        "\u{85}next",
        "\u{9f}",
        "\u{a0}ok",
        "Â\u{80}",
        "ủy",
    ];
    for s in samples {
        let by_char = s.chars().any(|c| c.is_control() && c != '\n');
        assert_eq!(has_control(s), by_char, "{s:?}");
    }
}
