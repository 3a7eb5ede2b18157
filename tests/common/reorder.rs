//! A colleague's edit of the 2024 sample that reorders its directives, for the tests that
//! check a pending question still acts on the directive it asked about.

/// `text` (the 2024 sample) with Đầm Hà's first two directive blocks swapped, every byte of
/// each block kept.
pub(crate) fn swap_first_two_dam_ha_directives(text: &str) -> String {
    let at = |id: &str| {
        text.find(&format!("[[district.directive]]\nid = \"{id}\""))
            .unwrap_or_else(|| panic!("the sample has the directive {id}"))
    };
    let (start, middle, end) = (
        at("dh-thu-nhap-100-trieu"),
        at("dh-khong-ma-tuy"),
        at("dh-co-cau-kinh-te"),
    );
    format!(
        "{}{}{}{}",
        &text[..start],
        &text[middle..end],
        &text[start..middle],
        &text[end..]
    )
}
