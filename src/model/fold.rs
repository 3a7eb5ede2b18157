//! Accent- and case-folding of Vietnamese text, for ids and search, and its one NFC helper.

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Folds one precomposed or decomposed character into lower-case base letters.
/// `đ`/`Đ` have no decomposition, so they are mapped to `d` by hand.
fn fold_char(c: char, out: &mut String) {
    match c {
        'đ' | 'Đ' => out.push('d'),
        c if is_combining_mark(c) => {}
        c => out.extend(c.to_lowercase()),
    }
}

/// `text` in NFC (`Ha` + combining grave → `Hà`), borrowed when it already is: the form ids
/// are compared in and text is kept in, whatever form the file was saved in.
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    if text.chars().all(stable_in_nfc) {
        return Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// A character that is NFC by itself and combines with nothing around it: ASCII, Latin-1 and
/// Latin Extended-A/B, the precomposed Vietnamese letters (U+1E00–U+1EFF) and general
/// punctuation after U+2001. Checking this is several times quicker than the full quick check,
/// and nearly every Vietnamese text consists of nothing else.
fn stable_in_nfc(c: char) -> bool {
    c < '\u{300}'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || ('\u{2002}'..='\u{206F}').contains(&c)
}

/// Lower-case, accent-free form: `ĐẦM HÀ` and `Đầm Hà` both give `dam ha`. Each character is
/// decomposed on its own (ASCII only lower-cased); the marks NFD would reorder are dropped
/// anyway, so this equals folding `text.nfd()`, without its buffering.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            decompose_canonical(c, |d| fold_char(d, &mut out));
        }
    }
    out
}

/// The folded words of `text`, in order: lower case, no accents, split at anything not a
/// letter or digit.
pub(crate) fn folded_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Folds `text` and records, for every byte of the folded string, the byte
/// offset in `text` of the character it came from, so a match in the folded
/// text can be highlighted in the original.
pub(crate) fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let before = out.len();
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            decompose_canonical(c, |d| fold_char(d, &mut out));
        }
        offsets.extend(std::iter::repeat_n(start, out.len() - before));
    }
    (out, offsets)
}

/// The default id of a district: its name folded to lower-case ASCII with `-`
/// between words (`Hải Hà` → `hai-ha`).
pub(crate) fn slug(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_d_stroke() {
        let cases = [
            ("Đầm Hà", "dam ha"),
            ("ĐẦM HÀ", "dam ha"),
            ("đầm hà", "dam ha"),
            ("dam ha", "dam ha"),
            ("Hải Hà", "hai ha"),
            // the five tones on a, and the circumflex/breve/horn bases
            ("a à á ả ã ạ", "a a a a a a"),
            ("ă â ê ô ơ ư", "a a e o o u"),
            ("Ứ Ự Ờ Ỡ", "u u o o"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
    }

    #[test]
    fn the_quick_ranges_hold_only_characters_the_full_check_accepts() {
        let ranges = [
            ('\0', '\u{2FF}'),
            ('\u{1E00}', '\u{1EFF}'),
            ('\u{2002}', '\u{206F}'),
        ];
        for (from, to) in ranges {
            for c in (from..=to).filter(|c| stable_in_nfc(*c)) {
                let alone = c.to_string();
                assert_eq!(is_nfc_quick(alone.chars()), IsNormalized::Yes, "{c:?}");
                let after_a = format!("a{c}");
                assert_eq!(after_a.nfc().collect::<String>(), after_a, "{c:?} after a");
                let before_mark = format!("{c}b");
                assert_eq!(before_mark.nfc().collect::<String>(), before_mark, "{c:?}");
            }
        }
        assert!(!stable_in_nfc('\u{300}') && !stable_in_nfc('\u{2000}'));
    }

    #[test]
    fn nfc_composes_and_borrows_what_is_composed() {
        assert_eq!(nfc("Ha\u{300}"), "Hà");
        assert!(matches!(nfc("Hà"), Cow::Borrowed(_)));
    }

    #[test]
    fn folding_char_by_char_equals_folding_the_nfd_form() {
        let by_nfd = |text: &str| {
            let mut out = String::new();
            for c in text.nfd() {
                fold_char(c, &mut out);
            }
            out
        };
        let texts = [
            "Đầm Hà, ĐẦM HÀ: Nông thôn mới (NTM) 2024 – 62,5 %",
            "Ha\u{300} Ha\u{323}\u{302} a\u{302}\u{323} Ǆ ß İ Σ ẞ ǅ ﬁ 한국어 Ω Å",
            "\u{1E9E}\u{130}\u{3A3}\u{1F88}\u{345}e\u{301}\u{327}",
        ];
        for text in texts {
            assert_eq!(fold(text), by_nfd(text), "{text:?}");
        }
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(fold(&text), by_nfd(&text), "{c:?}");
        }
    }

    #[test]
    fn decomposed_folds_like_precomposed() {
        let nfc = "Nông thôn mới Đầm Hà";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(fold(&nfd), fold(nfc));
    }

    #[test]
    fn offsets_point_back_into_the_original() {
        let text = "Đầm Hà";
        let (folded, offsets) = fold_with_offsets(text);
        assert_eq!(folded, "dam ha");
        assert_eq!(offsets.len(), folded.len());
        let h = folded.find('h').expect("h");
        assert_eq!(&text[offsets[h]..], "Hà");
    }

    #[test]
    fn offsets_of_decomposed_text_cover_marks() {
        let text: String = "Hà".nfd().collect();
        let (folded, offsets) = fold_with_offsets(&text);
        assert_eq!(folded, "ha");
        assert_eq!(offsets, vec![0, 1]);
    }

    #[test]
    fn slug_of_district_names() {
        let names = ["Hải Hà", "Đầm Hà", "  TP. Móng Cái ", "Quảng Hà (thị trấn)"];
        let slugs = ["hai-ha", "dam-ha", "tp-mong-cai", "quang-ha-thi-tran"];
        assert_eq!(names.map(slug), slugs);
    }
}
