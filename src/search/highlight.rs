//! Where a query's words are in a text: the byte ranges to highlight, on the original
//! characters of the text (accents and case aside), merged.

use std::ops::Range;

use crate::model::abbrev::QueryWord;
use crate::model::fold::fold_with_offsets;

use super::query_words;

/// Byte ranges of `text` where the words of `query` occur (accents and case aside), merged:
/// to highlight a query's matches anywhere its hits are shown.
pub(crate) fn matches(text: &str, query: &str) -> Vec<Range<usize>> {
    let words: Vec<QueryWord> = query_words(query)
        .into_iter()
        .map(|text| QueryWord { text, whole: false })
        .collect();
    let words: Vec<&QueryWord> = words.iter().collect();
    highlight(text, &words)
}

/// Byte ranges of `text` covering every occurrence of every folded word (a word that must be
/// whole only where it is one).
pub(super) fn highlight(text: &str, words: &[&QueryWord]) -> Vec<Range<usize>> {
    let (folded, offsets) = fold_with_offsets(text);
    let mut ranges: Vec<Range<usize>> = words
        .iter()
        .flat_map(|w| {
            folded
                .match_indices(w.text.as_str())
                .map(|(p, m)| p..p + m.len())
                .filter(|r| !w.whole || is_whole_word(&folded, r))
        })
        .map(|r| original_range(text, &offsets, r))
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    merge(ranges)
}

/// `range` of `folded` is a whole word: no letter or digit on either side.
fn is_whole_word(folded: &str, range: &Range<usize>) -> bool {
    let before = folded[..range.start].chars().next_back();
    let after = folded[range.end..].chars().next();
    ![before, after]
        .into_iter()
        .flatten()
        .any(char::is_alphanumeric)
}

/// Maps a range of the folded text back to the characters it came from,
/// including combining marks that follow the last one.
fn original_range(text: &str, offsets: &[usize], folded: Range<usize>) -> Range<usize> {
    let start = offsets[folded.start];
    let last = offsets[folded.end - 1];
    let last_end = last + text[last..].chars().next().map_or(0, char::len_utf8);
    let end = match offsets.get(folded.end) {
        Some(&next) => next.max(last_end),
        None => text.len(),
    };
    start..end
}

fn merge(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}
