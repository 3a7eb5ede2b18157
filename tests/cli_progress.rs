//! `briefing progress`, and `done` / `undo` in a version 3 file, on the real binary (issue 25):
//! what is appended, what is refused (with a suggestion, in both languages), and that only the
//! session's own file is read and written.

mod common;

use std::fs;
use std::path::Path;

use briefing::api::store::write::current_user;
use common::{run, sample_folder, stderr_of, stdout_of, succeeded};

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";
const NOW: &str = "2024-04-02T09:15:00+07:00";

fn file_of(dir: &Path) -> std::path::PathBuf {
    dir.join(format!("{SESSION}.toml"))
}

/// `done` or `undo` of directive `hh-ma-tuy`, in English, at `now`.
fn mark(dir: &Path, verb: &str, now: &str) -> std::process::Output {
    run(dir, "en", &["--now", now, verb, SESSION, "hh-ma-tuy"])
}

fn progress(dir: &Path, lang: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["--now", NOW, "progress", SESSION, "hh-ma-tuy"];
    args.extend_from_slice(extra);
    run(dir, lang, &args)
}

#[test]
fn progress_appends_one_entry_and_says_what_it_recorded() {
    let dir = sample_folder();
    let file = file_of(dir.path());
    let before = fs::read_to_string(&file).expect("read");
    let note = "Đã khởi công 2 công trình nước sạch";
    let o = progress(
        dir.path(),
        "vi",
        &["--state", "doing", "--note", note, "--percent", "40"],
    );
    let by = current_user();
    assert_eq!(
        succeeded(&o),
        format!(
            "Đã ghi tiến độ chỉ đạo `hh-ma-tuy` của buổi làm việc {SESSION} lúc {NOW}, người ghi {by}: trạng thái Đang thực hiện (doing); 40%; ghi chú “{note}”\n"
        )
    );
    let after = fs::read_to_string(&file).expect("read");
    let lines = format!(
        "\n\n[[district.directive.progress]]\nat = {NOW}\nby = \"{by}\"\nstate = \"doing\"\nnote = \"{note}\"\npercent = 40"
    );
    let at = before.find("id = \"hh-ma-tuy\"").expect("directive");
    let end = at + before[at..].find("\n\n").expect("end of its table");
    let expected = format!("{}{lines}{}", &before[..end], &before[end..]).replacen(
        "version = 2",
        "version = 3",
        1,
    );
    assert_eq!(after, expected);
    succeeded(&run(dir.path(), "en", &["--now", NOW, "check"]));
}

#[test]
fn bad_input_is_refused_before_anything_is_written() {
    let dir = sample_folder();
    let file = file_of(dir.path());
    let before = fs::read(&file).expect("read");
    let cases: [(&str, &[&str], &str); 6] = [
        (
            "en",
            &["--state", "xong"],
            "unknown state \"xong\": write one of open, doing, blocked, done, dropped (did you mean `done`?)",
        ),
        (
            "vi",
            &["--state", "đang thực hiện"],
            "(có phải ý bạn là `doing`?)",
        ),
        ("en", &["--state", "cancelled"], "(did you mean `dropped`?)"),
        ("vi", &["--percent", "150"], "từ 0 đến 100"),
        ("en", &["--note", "hai\ndòng"], "control character"),
        ("en", &[], "nothing to record"),
    ];
    for (lang, args, said) in cases {
        let o = progress(dir.path(), lang, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr_of(&o).contains(said), "{args:?}: {}", stderr_of(&o));
        assert_eq!(fs::read(&file).expect("read"), before, "{args:?}");
    }
}

#[test]
fn progress_reads_and_writes_only_its_session_s_file() {
    let dir = sample_folder();
    let other = dir.path().join("2024/hỏng.toml");
    fs::write(&other, "[session\nnot toml").expect("write");
    let o = progress(dir.path(), "en", &["--state", "blocked"]);
    succeeded(&o);
    assert_eq!(
        fs::read_to_string(&other).expect("read"),
        "[session\nnot toml"
    );
    let o = progress(dir.path(), "en", &["--note", "x"]);
    succeeded(&o);
    let o = run(
        dir.path(),
        "en",
        &["--now", NOW, "progress", SESSION, "no-such", "--note", "x"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr_of(&o).contains("no-such"), "{}", stderr_of(&o));
}

#[test]
fn done_and_undo_in_a_v3_file_append_done_and_open_entries() {
    let dir = sample_folder();
    let file = file_of(dir.path());
    let text = fs::read_to_string(&file)
        .expect("read")
        .replacen("version = 2", "version = 3", 1);
    fs::write(&file, &text).expect("write");
    let by = current_user();
    let o = mark(dir.path(), "done", NOW);
    succeeded(&o);
    let done = fs::read_to_string(&file).expect("read");
    let entry =
        format!("\n\n[[district.directive.progress]]\nat = {NOW}\nby = \"{by}\"\nstate = \"done\"");
    assert_eq!(done.len(), text.len() + entry.len());
    assert!(done.contains(&entry), "{done}");
    let o = mark(dir.path(), "done", NOW);
    let out = stdout_of(&o);
    assert!(out.contains("already checked off"), "{out}");
    let later = "2024-04-02T10:00:00+07:00";
    let o = mark(dir.path(), "undo", later);
    succeeded(&o);
    let open = fs::read_to_string(&file).expect("read");
    assert!(
        open.contains(&format!(
            "{entry}\n\n[[district.directive.progress]]\nat = {later}\nby = \"{by}\"\nstate = \"open\""
        )),
        "{open}"
    );
    let o = mark(dir.path(), "undo", later);
    let out = stdout_of(&o);
    assert!(out.contains("was not checked off"), "{out}");
}

#[test]
fn done_and_undo_in_a_v2_file_keep_the_done_fields() {
    let dir = sample_folder();
    let file = file_of(dir.path());
    let before = fs::read_to_string(&file).expect("read");
    let o = mark(dir.path(), "done", NOW);
    succeeded(&o);
    let done = fs::read_to_string(&file).expect("read");
    assert!(!done.contains("progress"), "{done}");
    assert!(done.contains(&format!("done_at = {NOW}")), "{done}");
    assert!(done.starts_with(&before[..before.find("version = 2").expect("v2") + 11]));
    let o = run(dir.path(), "en", &["undo", SESSION, "hh-ma-tuy"]);
    succeeded(&o);
    assert!(
        !fs::read_to_string(&file)
            .expect("read")
            .contains("progress")
    );
}

#[test]
fn a_progress_entry_in_the_future_is_an_error_with_its_place() {
    let dir = sample_folder();
    let o = progress(dir.path(), "en", &["--state", "doing"]);
    succeeded(&o);
    let o = run(
        dir.path(),
        "vi",
        &["--now", "2024-04-02T09:13:00+07:00", "check"],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout_of(&o) + &stderr_of(&o);
    assert!(out.contains(&format!("{SESSION}.toml:")), "{out}");
    assert!(out.contains("muộn hơn hiện tại"), "{out}");
    let o = run(
        dir.path(),
        "en",
        &["--now", "2024-04-02T09:14:00+07:00", "check"],
    );
    assert!(o.status.success(), "a minute is allowed: {}", stdout_of(&o));
}
