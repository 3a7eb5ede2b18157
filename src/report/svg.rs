//! A trend as an inline SVG bar chart for the HTML handout: one bar per period (the plan
//! lighter under it), its value after it; no script, no outside reference, vector on paper.

use std::fmt::Write;

use super::html::esc;
use crate::present::trend::{ChartRow, bar_length};

const WIDTH: usize = 640;
const LABEL: usize = 150;
const VALUE: usize = 90;
const ROW: usize = 22;
const BAR: usize = 14;
const VALUE_FILL: &str = "#2f6690";
const PLAN_FILL: &str = "#b8c2cc";

/// `<svg …>` of `rows`, named `title` for readers of the page and of its print.
pub(super) fn bar_chart(title: &str, rows: &[ChartRow]) -> String {
    let cells = WIDTH - LABEL - VALUE - 10;
    let height = rows.len() * ROW + 6;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg class=\"trend\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"100%\" role=\"img\" aria-label=\"{}\" font-size=\"12\">",
        esc(title)
    );
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    for (i, row) in rows.iter().enumerate() {
        let top = i * ROW + 3;
        let baseline = top + BAR - 2;
        let length = bar_length(row.value, rows, cells);
        let (class, fill) = if row.plan {
            ("plan", PLAN_FILL)
        } else {
            ("value", VALUE_FILL)
        };
        let _ = writeln!(
            out,
            "<g class=\"{class}\"><text x=\"{}\" y=\"{baseline}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{top}\" width=\"{length}\" height=\"{BAR}\" fill=\"{fill}\"/>\
             <text x=\"{}\" y=\"{baseline}\">{}</text></g>",
            LABEL - 6,
            esc(&row.label),
            LABEL + length + 6,
            esc(&row.text)
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_a_bar_with_its_escaped_label_and_value() {
        let row = |label: &str, value: f64, text: &str, plan: bool| ChartRow {
            label: label.to_string(),
            value,
            text: text.to_string(),
            plan,
        };
        let svg = bar_chart(
            "Thu <ngân> & \"sách\"",
            &[
                row("2022", 380.5, "380,5", false),
                row("KH", 400.0, "400", true),
                row("<2024>", 420.0, "420", false),
            ],
        );
        assert_eq!(svg.matches("<rect ").count(), 3);
        assert_eq!(svg.matches("class=\"plan\"").count(), 1);
        assert!(svg.contains(">380,5</text>") && svg.contains(">420</text>"));
        assert!(svg.contains("&lt;2024&gt;") && !svg.contains("<2024>"));
        assert!(svg.contains("<title>Thu &lt;ngân&gt; &amp; &quot;sách&quot;</title>"));
        assert!(!svg.contains("<script") && !svg.contains("href"));
        let widths: Vec<usize> = (svg.split("width=\"").skip(2))
            .filter_map(|w| w.split('"').next()?.parse().ok())
            .collect();
        assert!(widths[0] < widths[1] && widths[1] < widths[2], "{widths:?}");
    }
}
