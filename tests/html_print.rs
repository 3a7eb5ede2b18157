//! The HTML handout in a real browser: headless Chromium prints it to an A4 PDF and a PNG,
//! the figures are in the PDF's text, and nothing is wider than the page.
//!
//! Without Chromium or poppler-utils the tests are skipped with a notice, except under
//! `CI=true` (`.ci/run` installs both).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{cli, have, run_ok, succeeded};

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";
/// The printable width of A4 with 15 mm margins (180 mm) at 96 px per inch.
const A4_TEXT_WIDTH_PX: u32 = 680;

fn skip(what: &str) {
    common::skip(&format!("no {what}"));
}

/// Chromium's path: `BRIEFING_CHROMIUM`, else `chromium` or `chromium-browser` on the PATH.
fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("BRIEFING_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["chromium", "chromium-browser"].map(PathBuf::from));
    for candidate in candidates {
        let answered = Command::new(&candidate)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if answered {
            return Some(candidate);
        }
    }
    skip("chromium");
    None
}

/// Headless Chromium with the flags a closed network and a root user need.
fn headless(chromium: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// The HTML page `briefing ARGS` prints in Vietnamese on the folder `dir`.
fn html_of(dir: &Path, args: &[&str]) -> String {
    run_ok(cli(dir, "vi", args).env("NO_COLOR", "1"))
}

fn show_html(dir: &Path, session: &str, extra: &[&str]) -> String {
    let args = ["show", session, "--format", "html", "--today", "2024-03-20"];
    html_of(dir, &[&args[..], extra].concat())
}

/// `html` written to `NAME.html` in `work`, for Chromium to open.
fn write_page(work: &Path, name: &str, html: &str) -> PathBuf {
    let page = work.join(format!("{name}.html"));
    std::fs::write(&page, html).expect("write page");
    page
}

/// The page printed to a PDF beside it by headless Chromium; the PDF's path.
fn print_to_pdf(chromium: &Path, page: &Path) -> PathBuf {
    let pdf = page.with_extension("pdf");
    succeeded(
        &headless(chromium, &page.with_extension("profile-pdf"))
            .arg("--no-pdf-header-footer")
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("run chromium"),
    );
    pdf
}

/// The text of `pdf` (`pdftotext ARGS PDF -`).
fn pdf_text(pdf: &Path, args: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output();
    succeeded(&out.expect("pdftotext"))
}

/// What `pdfinfo` says of `pdf`.
fn pdf_info(pdf: &Path) -> String {
    succeeded(&Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo"))
}

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
}

/// Elements whose right edge passes the page's text width, reported by the page itself.
fn overflowing(chromium: &Path, html: &str, work: &Path) -> Vec<String> {
    overflowing_at(chromium, html, work, A4_TEXT_WIDTH_PX)
}

/// Elements whose right edge passes `width` pixels.
fn overflowing_at(chromium: &Path, html: &str, work: &Path, width: u32) -> Vec<String> {
    const PROBE: &str = r#"<script>
      const limit = document.documentElement.clientWidth + 0.5;
      const wide = [...document.body.querySelectorAll('*')]
        .filter(e => e.getBoundingClientRect().right > limit || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow === 'visible' && e.tagName !== 'SPAN')
        .map(e => e.tagName + ':' + (e.textContent || '').slice(0, 40));
      const out = document.createElement('pre');
      out.id = 'overflow-report';
      out.textContent = JSON.stringify(wide);
      document.body.appendChild(out);
    </script>"#;
    let probed = html.replace("</body>", &format!("{PROBE}</body>"));
    let page = work.join("probe.html");
    std::fs::write(&page, probed).expect("write page");
    let out = headless(chromium, &work.join("profile-probe"))
        .arg(format!("--window-size={width},1000"))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    let dom = succeeded(&out);
    let start = dom
        .find("<pre id=\"overflow-report\">")
        .expect("the probe ran and wrote its report");
    let rest = &dom[start..];
    let body =
        &rest[rest.find('>').map_or(0, |i| i + 1)..rest.find("</pre>").unwrap_or(rest.len())];
    let json = body.replace("&quot;", "\"").replace("&amp;", "&");
    serde_json::from_str(&json).expect("the report is JSON")
}

#[test]
fn the_handout_prints_to_a4_with_its_figures() {
    let Some(chromium) = chromium() else { return };
    if !have("pdftotext") || !have("pdfinfo") {
        return;
    }
    let work = tempfile::tempdir().expect("tempdir");
    let html = show_html(&sample_dir(), SESSION, &[]);
    let page = write_page(work.path(), "handout", &html);
    let pdf = print_to_pdf(&chromium, &page);
    let text = pdf_text(&pdf, &[]);
    for figure in ["33.497", "100,8 %", "Đầm Hà", "Hải Hà", "chưa đạt"] {
        assert!(
            text.contains(figure),
            "`{figure}` is not in the PDF:\n{text}"
        );
    }
    let info = pdf_info(&pdf);
    assert!(info.contains("(A4)"), "not A4:\n{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!(pages >= 3, "each locality starts a page: {pages} pages");

    let png = work.path().join("handout.png");
    succeeded(
        &headless(&chromium, &work.path().join("profile-png"))
            .arg("--window-size=794,1123")
            .arg(format!("--screenshot={}", png.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("run chromium"),
    );
    let bytes = std::fs::read(&png).expect("the screenshot exists");
    assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
}

#[test]
fn nothing_is_wider_than_the_page() {
    let Some(chromium) = chromium() else { return };
    let work = tempfile::tempdir().expect("tempdir");
    let html = show_html(&sample_dir(), SESSION, &[]);
    let wide = overflowing(&chromium, &html, work.path());
    assert!(wide.is_empty(), "wider than A4's text width: {wide:?}");

    let long = "Đầm".repeat(80);
    let hostile = format!(
        "[session]\ntitle = \"{long}\"\ndate = 2024-03-13\nsource = \"{long}\"\n\
         [[district]]\nname = \"{long}\"\n\
         [[district.indicator]]\nname = \"{long}\"\nvalue = 123456789012.5\nunit = \"{long}\"\n\
         target = 1\ncompare = [{{ label = \"{long}\", percent = 99999 }}]\n\
         [[district.directive]]\nid = \"{}\"\ntext = \"{long}\"\nowner = \"{long}\"\n",
        "x".repeat(200)
    );
    let dir = work.path().join("folder");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(dir.join("long.toml"), hostile).expect("write");
    let html = show_html(&dir, "long", &[]);
    let wide = overflowing(&chromium, &html, work.path());
    assert!(wide.is_empty(), "long words overflow the page: {wide:?}");
}

#[test]
fn the_page_needs_no_network_and_the_handout_hides_ids_and_names() {
    let work = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        work.path().join("s.toml"),
        "[session]\ntitle = \"<Họp> & bàn\"\ndate = 2024-03-13\n\
         [[directive]]\nid = \"chung-mot\"\ntext = \"Làm ngay\"\ndone = true\n\
         done_at = 2024-03-14T09:00:00+07:00\ndone_by = \"thu-ky-lan\"\n\
         [[district]]\nname = \"Hải Hà\"\n[[district]]\nname = \"Đầm Hà\"\n",
    )
    .expect("write");
    let full = show_html(work.path(), "s", &[]);
    for external in [
        "<script", "<link", "src=", "url(", "@import", "http:", "https:",
    ] {
        assert!(!full.contains(external), "the page loads `{external}`");
    }
    assert!(
        full.contains("&lt;Họp&gt; &amp; bàn"),
        "the title is escaped"
    );
    assert!(full.contains("size: A4") && full.contains("break-before: page"));
    assert_eq!(full.matches("<section class=\"locality\">").count(), 2);
    assert!(full.contains("chung-mot") && full.contains("thu-ky-lan"));

    let handout = show_html(work.path(), "s", &["--handout"]);
    assert!(!handout.contains("chung-mot"), "the directive id is hidden");
    assert!(!handout.contains(">s<"), "the session id is hidden");
    assert!(!handout.contains("thu-ky-lan"), "who checked off is hidden");
    assert!(
        handout.contains("14/03/2024 09:00"),
        "when it was done stays"
    );
}

/// The printable width of A4 landscape with 12 mm margins (273 mm) at 96 px per inch.
const A4_LANDSCAPE_TEXT_WIDTH_PX: u32 = 1031;

fn report_html(extra: &[&str]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report");
    let args = ["--today", "2024-07-01", "report", "--format", "html"];
    html_of(&dir, &[&args[..], extra].concat())
}

/// The implementation report prints on A4 landscape with its numbers and Vietnamese intact,
/// and its table is no wider than the page, for every grouping.
#[test]
fn the_report_prints_to_a4_landscape() {
    let Some(chromium) = chromium() else { return };
    if !have("pdftotext") || !have("pdfinfo") {
        return;
    }
    let work = tempfile::tempdir().expect("tempdir");
    let page = write_page(work.path(), "report", &report_html(&[]));
    let pdf = print_to_pdf(&chromium, &page);
    let info = pdf_info(&pdf);
    let size = (info.lines())
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("a page size");
    let (width, height) = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok())
        .fold(
            (0.0, 0.0),
            |(w, h), n| if w == 0.0 { (n, h) } else { (w, n) },
        );
    assert!(
        (width - 841.9).abs() < 2.0 && (height - 595.3).abs() < 2.0,
        "not A4 landscape: {size}"
    );
    let text = pdf_text(&pdf, &["-layout"]);
    for words in [
        "Vướng mắc",
        "Tổng cộng",
        "Huyện Đầm Hà",
        "Vướng mặt bằng, đề nghị tỉnh hỗ trợ",
    ] {
        assert!(text.contains(words), "`{words}` is not in the PDF:\n{text}");
    }
    for by in ["locality", "assignee", "session"] {
        let html = report_html(&["--by", by]);
        let wide = overflowing_at(&chromium, &html, work.path(), A4_LANDSCAPE_TEXT_WIDTH_PX);
        assert!(wide.is_empty(), "{by}: wider than A4 landscape: {wide:?}");
    }
}

/// `show --district`: the locality over time after the session, each figure seen twice as an
/// inline SVG chart (no script, nothing fetched) that holds both values, escaped, and prints
/// on A4 within the page.
#[test]
fn the_locality_history_charts_both_values_and_prints_on_a4() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dossier");
    let html = show_html(&dir, "2024-12-10-chu-pah", &["--district", "chu-pah"]);
    for external in [
        "<script", "<link", "src=", "url(", "@import", "http:", "https:", "href",
    ] {
        assert!(!html.contains(external), "the page loads `{external}`");
    }
    let history = &html[html
        .find("<section class=\"history\">")
        .expect("the history")..];
    let svg = &history[history.find("<svg").expect("an SVG chart")..];
    let svg = &svg[..svg.find("</svg>").expect("closed")];
    let values: Vec<usize> = [">380,5</text>", ">420</text>"]
        .iter()
        .map(|v| svg.find(v).unwrap_or_else(|| panic!("{v} not in\n{svg}")))
        .collect();
    assert!(values[0] < values[1], "oldest first");
    assert_eq!(svg.matches("<g class=\"value\">").count(), 2);
    assert_eq!(svg.matches("<g class=\"plan\">").count(), 2);
    assert!(history.contains("Tỷ lệ hộ nghèo &amp; cận nghèo &lt;đa chiều&gt; (%)"));
    assert!(!history.contains("<đa chiều>"), "escaped everywhere");

    let Some(chromium) = chromium() else { return };
    let work = tempfile::tempdir().expect("tempdir");
    let wide = overflowing(&chromium, &html, work.path());
    assert!(wide.is_empty(), "wider than A4's text width: {wide:?}");
    if !have("pdftotext") {
        return;
    }
    let page = write_page(work.path(), "history", &html);
    let text = pdf_text(&print_to_pdf(&chromium, &page), &[]);
    for said in [
        "Hồ sơ huyện Chư Păh",
        "Chỉ tiêu qua các kỳ",
        "380,5",
        "420",
        "KH",
    ] {
        assert!(text.contains(said), "`{said}` is not in the PDF:\n{text}");
    }
}
