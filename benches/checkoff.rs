//! One check-off (resolve, lock, read, parse, edit, validate, write, exchange, two fsyncs) on a
//! generated ~30 KB briefing, and the same rewritten in place (a hard-linked file); one
//! progress entry appended and taken out again (format version 3), through the same writer.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::time::{Duration, Instant};

use briefing::api::model::{DirectiveKey, Entry, State};
use briefing::api::store::write::{Change, WriteOptions, Writer, edited, edited_text};
use chrono::DateTime;

const RUNS: usize = 200;

fn briefing() -> String {
    let mut s = String::from(
        "# Tệp sinh ra cho phép đo\nversion = 1\n\n[session]\ntitle = \"Ban Thường vụ Tỉnh ủy làm việc với các huyện\"\ndate = 2024-03-13\nhost = \"Ban Thường vụ Tỉnh ủy\"\n",
    );
    for i in 0..40 {
        let _ = write!(
            s,
            "\n[[directive]]\nid = \"chung-{i}\"  # chỉ đạo chung\ntext = \"Tiếp tục cải thiện môi trường đầu tư kinh doanh, thu hút đầu tư trên địa bàn, số {i}.\"\nowner = \"Huyện ủy\"\ndue = 2024-12-31\ndone = false\n"
        );
    }
    for d in 0..16 {
        let _ = write!(
            s,
            "\n[[district]]\nname = \"Huyện {d}\"\nsummary = \"\"\"\nNăm 2023, huyện đã tập trung triển khai hiệu quả Nghị quyết Đại hội Đảng các cấp.\n\"\"\"\nhighlights = [\"Hoàn thành đạt và vượt nhiều mục tiêu\", \"Không còn hộ nghèo\"]\n"
        );
        for k in 0..4 {
            let _ = write!(
                s,
                "\n[[district.indicator]]\nname = \"Chỉ tiêu {k}\"\nvalue = {}\nunit = \"tỷ đồng\"\ncompare = [{{ label = \"so với năm 2022\", percent = 107 }}]\n",
                100 + k
            );
        }
        for k in 0..3 {
            let _ = write!(
                s,
                "\n[[district.directive]]\nid = \"h{d}-{k}\"\ntext = \"Kiểm soát tốt ma túy trên địa bàn, tăng số xã không có ma túy.\"\nowner = \"Huyện ủy\"\n"
            );
        }
    }
    s
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let text = briefing();
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temporary folder");
    fs::write(dir.path().join("s.toml"), &text).expect("write the briefing");
    let done = Change::Done {
        at: DateTime::parse_from_rfc3339("2026-11-28T10:15:00+07:00").expect("date"),
        by: "thu.ky".to_string(),
    };
    // One writer for all runs, as in the viewer: it knows its own last write, so a check-off
    // right after it does not wait for the file to settle as it would after an editor's save.
    let writer = Writer::new(WriteOptions::default());
    let id = "h6-1";

    let check_offs = |runs: usize| -> Vec<Duration> {
        (0..runs)
            .map(|n| {
                let change = if n % 2 == 0 { &done } else { &Change::Undone };
                let start = Instant::now();
                writer
                    .set_directive(dir.path(), "s", id, change)
                    .expect("check-off");
                start.elapsed()
            })
            .collect()
    };
    // One name: a new file exchanged with the old one.
    let whole = check_offs(RUNS);
    // A second name (hard link): the file is rewritten in place, with its recovery copy, as
    // for a colleague's check-off of a file that stays its owner's.
    fs::hard_link(dir.path().join("s.toml"), dir.path().join("other-name")).expect("ln");
    let in_place = check_offs(RUNS);
    fs::remove_file(dir.path().join("other-name")).expect("rm");

    // Recording progress: an entry appended (the file made version 3) and, the next run, taken
    // out again (the file back to its bytes), as the viewer's `p` and `u` do.
    let entry = Entry {
        at: DateTime::parse_from_rfc3339("2026-11-28T10:15:00+07:00").expect("date"),
        by: "thu.ky".into(),
        state: Some(State::Doing),
        note: Some("Đã khởi công 2 công trình nước sạch".into()),
        percent: Some(40),
    };
    let key = DirectiveKey {
        session: "s".into(),
        directive: id.into(),
    };
    let before = fs::read_to_string(dir.path().join("s.toml")).expect("read");
    let (mut appends, mut withdraws) = (Vec::new(), Vec::new());
    for _ in 0..RUNS / 2 {
        let start = Instant::now();
        let written = writer
            .write(
                dir.path(),
                &key.session,
                &key.directive,
                &Change::Progress(entry.clone()),
            )
            .expect("append");
        appends.push(start.elapsed());
        let Some(Change::Withdraw(appended)) = written.undo else {
            panic!("no undo: {written:?}");
        };
        let start = Instant::now();
        writer
            .write(
                dir.path(),
                &key.session,
                &key.directive,
                &Change::Withdraw(appended),
            )
            .expect("withdraw");
        withdraws.push(start.elapsed());
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("s.toml")).expect("read"),
        before,
        "every entry was taken out again"
    );
    let progress_edit = time(|| {
        let change = Change::Progress(entry.clone());
        std::hint::black_box(edited(text.as_bytes(), "s.toml", "s", id, &change).expect("edit"));
    });

    let mut edit = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = edited_text(text.as_bytes(), "s.toml", "s", id, &done).expect("edit");
        edit.push(start.elapsed());
        std::hint::black_box(out);
    }

    let validate = time(|| {
        std::hint::black_box(briefing::api::store::parse_file(
            text.as_bytes(),
            "s.toml",
            "s",
        ));
    });
    let toml_edit_parse = time(|| {
        std::hint::black_box(text.parse::<toml_edit::Document<String>>().expect("parse"));
    });
    let toml_parse = time(|| {
        std::hint::black_box(toml::de::DeTable::parse(&text).expect("parse"));
    });
    let write_and_fsyncs = time(|| {
        let mut f = fs::File::create(dir.path().join(".scratch")).expect("create");
        f.write_all(text.as_bytes()).expect("write");
        f.sync_data().expect("fsync");
        fs::File::open(dir.path())
            .expect("open")
            .sync_all()
            .expect("fsync");
    });

    println!("briefing file: {} bytes", text.len());
    println!(
        "check-off (resolve, lock, read, parse, edit, validate, write, exchange, 2 fsyncs): median {:.2} ms over {RUNS} runs (min {:.2} ms, max {:.2} ms)",
        ms(median(whole.clone())),
        ms(*whole.iter().min().expect("runs")),
        ms(*whole.iter().max().expect("runs")),
    );
    println!(
        "check-off in place (the same, but rewrite in place under the content lock, recovery copy written, synced and removed, 3 fsyncs): median {:.2} ms over {RUNS} runs (min {:.2} ms, max {:.2} ms); in place ÷ exchange = {:.2}",
        ms(median(in_place.clone())),
        ms(*in_place.iter().min().expect("runs")),
        ms(*in_place.iter().max().expect("runs")),
        ms(median(in_place.clone())) / ms(median(whole.clone())),
    );
    println!(
        "progress entry appended (file made version 3): median {:.2} ms; taken out again: median {:.2} ms, over {} runs each; appended ÷ check-off = {:.2}",
        ms(median(appends.clone())),
        ms(median(withdraws)),
        RUNS / 2,
        ms(median(appends)) / ms(median(whole.clone())),
    );
    println!(
        "edit and its validation (edited_text): median {:.3} ms over {RUNS} runs; the same for a progress entry: median {:.3} ms",
        ms(median(edit)),
        ms(progress_edit)
    );
    println!(
        "parts, median: validate (parse_file) {:.3} ms, toml_edit parse {:.3} ms, toml DeTable parse {:.3} ms, write 30 KB + two fsyncs {:.3} ms",
        ms(validate),
        ms(toml_edit_parse),
        ms(toml_parse),
        ms(write_and_fsyncs)
    );
}

/// Median time of `f` over the runs.
fn time(mut f: impl FnMut()) -> Duration {
    let runs = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    median(runs)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
