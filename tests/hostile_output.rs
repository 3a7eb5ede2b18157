//! What a hostile folder's names and values do to printed output: one line per item in
//! line-oriented outputs (names with newlines shown escaped), and Markdown that stays inert
//! when rendered.

mod common;

use std::path::Path;
use std::process::Output;

const SAMPLE: &str = "briefings/2024/2024-03-13-hai-ha-dam-ha.toml";

fn sample() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    std::fs::read_to_string(path).expect("sample")
}

/// `briefing --lang en --today 2024-03-20 ARGS…` on `dir`, run to the end.
fn run(dir: &Path, args: &[&str]) -> Output {
    let dated = [&["--today", "2024-03-20"][..], args].concat();
    common::run(dir, "en", &dated)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder with a good session and a broken file, both named with a newline that would
/// start a fake line, and a tab and a line separator.
fn folder_of_newlines() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let year = dir.path().join("2024");
    std::fs::create_dir(&year).expect("mkdir");
    let good = year.join("2024-03-13-a\nSigned-off-by: x\t\u{2028}y.toml");
    std::fs::write(good, sample()).expect("write");
    let broken = year.join("2024-03-14-b\n- fake.toml");
    std::fs::write(broken, "title = \"x\"\n[broken\n").expect("write");
    dir
}

#[test]
fn check_gives_each_problem_one_line() {
    let dir = folder_of_newlines();
    let out = run(dir.path(), &["check"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("2024-03-14-b\\n- fake.toml:2:"), "{text}");
    assert!(lines[1].starts_with("2 files checked"), "{text}");
}

#[test]
fn list_gives_each_session_one_line() {
    let dir = folder_of_newlines();
    let mut text = sample().replacen(
        "title = \"",
        "title = \"Fake\\n13/03/2024  2024/other  \\u2028",
        1,
    );
    assert_ne!(text, sample(), "the sample has a title to change");
    text.push('\n');
    let file = dir
        .path()
        .join("2024/2024-03-13-a\nSigned-off-by: x\t\u{2028}y.toml");
    std::fs::write(file, text).expect("write");
    let out = run(dir.path(), &["list"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("2024/2024-03-13-a\\nSigned-off-by: x\\t\\u{2028}y  Fake\\n13/03/2024"),
        "{text}"
    );
}

#[test]
fn done_names_the_session_on_one_line() {
    let dir = folder_of_newlines();
    let session = "2024/2024-03-13-a\nSigned-off-by: x\t\u{2028}y";
    let out = run(dir.path(), &["done", session, "hh-ma-tuy"]);
    let text = common::succeeded(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("a\\nSigned-off-by"), "{text}");
}

/// Markup a value may carry: HTML that runs script, links and images to `javascript:`, an
/// autolink, backticks, and lines that would start a heading, list items, a quote, an HTML
/// block, a fence and a link definition.
const MARKUP: &str = "x <img src=x onerror=alert(1)> [a](javascript:alert(1)) \
    <javascript:alert(1)> ![i](javascript:alert(2)) &lt;b&gt; `` ` \\n# HEADING\\n- ITEM\\n\
    1. ORDERED\\n2) ORDERED\\n> QUOTE\\n<div onclick=alert(3)>DIV</div>\\n```\\nFENCE\\n\
    [ref]: javascript:alert(4)\\n---\\nend";

/// A session whose every text field carries `MARKUP`, in a file whose name (the session id)
/// holds backticks and a tag.
fn markup_folder() -> (tempfile::TempDir, String) {
    let m = MARKUP;
    let toml = format!(
        r#"version = 2

[session]
title = "{m}"
date = 2024-03-13
host = "{m}"
chair = ["{m}"]
topic = "{m}"
location = "{m}"
source = "{m}"
tags = ["{m}", "a`b", "``"]
summary = "{m}\n\n{m}"
highlights = ["{m}"]
references = [{{ number = "{m}", title = "{m}" }}]

[[session.participant]]
name = "{m}"
role = "{m}"
part = "{m}"

[[session.image]]
caption = "{m}"
credit = "{m}"
file = "anh/a <b>%0A\n# HEADING.jpg"

[[directive]]
id = "d1"
text = "{m}"
owner = "{m}"
note = "{m}"
done = true
done_by = "{m}"

[[locality]]
id = "l1"
name = "{m}"
level = "xa"
body = "{m}"
parent = "{m}"
summary = "{m}"
strengths = ["{m}"]

[[locality.indicator]]
name = "{m}"
value = 1
unit = "{m}"
note = "{m}"

[[locality.directive]]
id = "d2"
text = "{m}"
"#
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let year = dir.path().join("2024");
    std::fs::create_dir(&year).expect("mkdir");
    let name = "2024-03-13-x``<img src=x onerror=alert(6)>`\n# HEADING";
    std::fs::write(year.join(format!("{name}.toml")), toml).expect("write");
    (dir, format!("2024/{name}"))
}

/// What rendering `markdown` made from data that it must not have: HTML, images, links other
/// than the images' relative links, and headings, list items or blocks from a value's lines.
fn live_markup(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM;
    let mut found = Vec::new();
    let mut heading: Option<String> = None;
    let mut item_starts = false;
    for event in Parser::new_ext(markdown, options) {
        match &event {
            Event::Html(h) | Event::InlineHtml(h) => found.push(format!("HTML {h:?}")),
            Event::Start(Tag::Image { dest_url, .. }) => found.push(format!("image {dest_url}")),
            Event::Start(Tag::Link { dest_url, .. }) if !dest_url.starts_with("2024/") => {
                found.push(format!("link {dest_url}"));
            }
            Event::Start(Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::HtmlBlock) => {
                found.push(format!("{event:?}"));
            }
            Event::Start(Tag::Strikethrough) => found.push("strikethrough".into()),
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Start(Tag::Item) => item_starts = true,
            Event::Rule => found.push("thematic break".into()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(h) = &mut heading {
                    h.push_str(text);
                }
                let first = text.trim_start();
                if item_starts && (first.starts_with("ITEM") || first.starts_with("ORDERED")) {
                    found.push(format!("list item {text}"));
                }
                item_starts = false;
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                if let Some(h) = heading.take().filter(|h| h.contains("HEADING")) {
                    found.push(format!("heading {h}"));
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn markdown_from_hostile_values_renders_no_html_link_or_block() {
    let (dir, session) = markup_folder();
    let check = run(dir.path(), &["check"]);
    assert!(check.status.success(), "{}", stdout(&check));
    let out = run(dir.path(), &["show", &session, "--format", "markdown"]);
    let markdown = common::succeeded(&out);
    assert!(markdown.matches("onerror").count() > 20, "{markdown}");
    let found = live_markup(&markdown);
    assert!(found.is_empty(), "{found:#?}\n{markdown}");
}

#[test]
fn markdown_shows_ids_and_tags_whole_in_code_spans() {
    use pulldown_cmark::{Event, Parser};
    let (dir, session) = markup_folder();
    let out = run(dir.path(), &["show", &session, "--format", "markdown"]);
    let markdown = stdout(&out);
    let spans: Vec<String> = Parser::new(&markdown)
        .filter_map(|e| match e {
            Event::Code(code) => Some(code.to_string()),
            _ => None,
        })
        .collect();
    let id = session.replace('\n', "\\n");
    for whole in [id.as_str(), "a`b", "``"] {
        assert!(spans.iter().any(|s| s == whole), "{whole} in {spans:?}");
    }
}

#[test]
fn the_rendering_check_sees_live_markup() {
    let found = live_markup("a <img src=x>\n# HEADING\n- ITEM\n[a](javascript:x)\n`` ` ``");
    assert_eq!(found.len(), 4, "{found:?}");
}
