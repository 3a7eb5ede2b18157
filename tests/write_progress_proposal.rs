//! A locality's proposal with an assignee followed up like a directive (issue 27): a progress
//! entry appended to `[[locality.proposal]]` changes nothing else and its undo gives the file
//! back byte for byte; the id names a directive or a proposal, never both.

mod common;

use briefing::api::model::{DirectiveKey, Entry, Followed, Lang, State};
use briefing::api::store::parse_file;
use briefing::api::store::write::{
    Change, Outcome, VersionBefore, WriteError, WriteOptions, Writer, edited,
};
use chrono::DateTime;

const HEAD: &str = "version = 3\n[session]\ntitle = \"Giao ban\"\ndate = 2024-03-13\n";

fn at(s: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn doing() -> Entry {
    Entry {
        at: at("2024-04-02T09:15:00+07:00"),
        by: "lan".into(),
        state: Some(State::Doing),
        note: Some("Sở đã trình UBND tỉnh".into()),
        percent: Some(30),
    }
}

const ENTRY_LINES: &str = "[[locality.proposal.progress]]\nat = 2024-04-02T09:15:00+07:00\nby = \"lan\"\nstate = \"doing\"\nnote = \"Sở đã trình UBND tỉnh\"\npercent = 30";

const LOCALITY: &str = "\n[[locality]]\nid = \"hh\"\nname = \"Hải Hà\"\n\n[[locality.directive]]\nid = \"a\"\ntext = \"x\"\n";

const PROPOSAL: &str = "\n[[locality.proposal]]\nid = \"kn-1\"\ntext = \"Đề nghị tỉnh hỗ trợ kinh phí\"\nassignee = \"Sở Tài chính\" # giao\ndue = 2024-06-30\n";

fn edit(
    text: &str,
    id: &str,
    change: &Change,
) -> Result<(String, Outcome, Option<Change>), WriteError> {
    let e = edited(text.as_bytes(), "s.toml", "s", id, change)?;
    Ok((e.text, e.outcome, e.undo))
}

#[test]
fn an_entry_goes_after_the_proposal_s_keys_and_its_undo_gives_the_bytes_back() {
    let text = format!(
        "{HEAD}{LOCALITY}{PROPOSAL}\n# kế tiếp\n[[locality]]\nid = \"dh\"\nname = \"Đầm Hà\"\n"
    );
    let expected = format!(
        "{HEAD}{LOCALITY}{PROPOSAL}\n{ENTRY_LINES}\n\n# kế tiếp\n[[locality]]\nid = \"dh\"\nname = \"Đầm Hà\"\n"
    );
    let (appended, outcome, undo) = edit(&text, "kn-1", &Change::Progress(doing())).expect("edit");
    assert_eq!(outcome, Outcome::Changed);
    assert_eq!(appended, expected);
    let session = parse_file(appended.as_bytes(), "s.toml", "s")
        .session
        .expect("loads");
    let p = &session.districts[0].more.proposals[0];
    assert_eq!(p.state(), State::Doing);
    assert_eq!(p.percent(), Some(30));
    let Some(Change::Withdraw(appended_entry)) = undo.clone() else {
        panic!("{undo:?}");
    };
    assert_eq!(appended_entry.version, VersionBefore::Kept);
    let (back, outcome, _) =
        edit(&appended, "kn-1", &Change::Withdraw(appended_entry)).expect("undo");
    assert_eq!(outcome, Outcome::Changed);
    assert_eq!(back, text, "undone byte for byte");
}

#[test]
fn a_second_entry_follows_the_first_in_a_crlf_district_file() {
    let head = HEAD.replace('\n', "\r\n");
    let first = "[[district.proposal.progress]]\r\nat = 2024-04-01T08:00:00+07:00\r\nby = \"minh\"\r\nstate = \"blocked\"";
    let text = format!(
        "{head}\r\n[[district]]\r\nid = \"hh\"\r\nname = \"Hải Hà\"\r\n\r\n[[district.proposal]]\r\nid = \"kn-1\"\r\ntext = \"t\"\r\nassignee = \"Sở Xây dựng\"\r\n\r\n{first}"
    );
    let expected = format!(
        "{text}\r\n\r\n[[district.proposal.progress]]\r\nat = 2024-04-02T09:15:00+07:00\r\nby = \"lan\"\r\nstate = \"done\""
    );
    let done = Entry {
        state: Some(State::Done),
        note: None,
        percent: None,
        ..doing()
    };
    let (appended, _, undo) = edit(&text, "kn-1", &Change::Progress(done)).expect("edit");
    assert_eq!(appended, expected);
    let (back, _, _) = edit(&appended, "kn-1", &undo.expect("undo")).expect("undo");
    assert_eq!(back, text);
}

#[test]
fn a_check_off_of_a_proposal_is_a_done_entry() {
    let text = format!("{HEAD}{LOCALITY}{PROPOSAL}");
    let check = Change::Done {
        at: at("2024-04-03T10:00:00+07:00"),
        by: "lan".into(),
    };
    let (appended, outcome, _) = edit(&text, "kn-1", &check).expect("edit");
    assert_eq!(outcome, Outcome::Changed);
    assert!(
        appended.ends_with("[[locality.proposal.progress]]\nat = 2024-04-03T10:00:00+07:00\nby = \"lan\"\nstate = \"done\"\n"),
        "{appended}"
    );
    let (_, again, _) = edit(&appended, "kn-1", &check).expect("again");
    assert_eq!(again, Outcome::AlreadySo, "already done: nothing written");
}

#[test]
fn the_undo_of_a_proposal_s_only_entry_keeps_version_3_while_a_directive_keeps_a_log() {
    let text = format!("{HEAD}{LOCALITY}{PROPOSAL}");
    let (one, _, _) = edit(&text, "a", &Change::Progress(doing())).expect("directive");
    let (two, _, undo) = edit(&one, "kn-1", &Change::Progress(doing())).expect("proposal");
    let (back, _, _) = edit(&two, "kn-1", &undo.expect("undo")).expect("undo");
    assert_eq!(
        back, one,
        "the proposal's entry went, the directive's stayed"
    );
}

#[test]
fn a_proposal_without_an_id_is_not_found_and_check_off_keys_never_reach_a_proposal() {
    let text = format!(
        "{HEAD}{LOCALITY}\n[[locality.proposal]]\ntext = \"Đề nghị\"\nassignee = \"Sở Tài chính\"\n"
    );
    let err = edit(&text, "Đề nghị", &Change::Progress(doing())).expect_err("no id");
    assert!(
        matches!(err, WriteError::DirectiveNotFound { .. }),
        "{err:?}"
    );
    let restore = Change::Restore(Default::default());
    let err = edit(&format!("{HEAD}{LOCALITY}{PROPOSAL}"), "kn-1", &restore).expect_err("keys");
    assert!(
        matches!(err, WriteError::DirectiveNotFound { .. }),
        "{err:?}"
    );
}

#[test]
fn ids_of_directives_and_proposals_are_one_list() {
    let text = format!(
        "{HEAD}{LOCALITY}\n[[locality.proposal]]\nid = \"a\"\ntext = \"t\"\nassignee = \"Sở Tài chính\"\n"
    );
    let report = parse_file(text.as_bytes(), "s.toml", "s");
    let taken: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.message(Lang::Vi).contains("dùng chung một danh sách mã"))
        .collect();
    assert_eq!(taken.len(), 1, "{:?}", report.diagnostics);
    assert!(taken[0].is_error());
    assert!(
        taken[0]
            .message(Lang::En)
            .contains("id \"a\" of this proposal")
    );
}

#[test]
fn a_log_on_a_proposal_without_an_assignee_is_warned_about() {
    let text = format!(
        "{HEAD}{LOCALITY}\n[[locality.proposal]]\nid = \"kn-1\"\ntext = \"t\"\n\n[[locality.proposal.progress]]\nat = 2024-04-01T08:00:00+07:00\nby = \"minh\"\nstate = \"doing\"\n"
    );
    let report = parse_file(text.as_bytes(), "s.toml", "s");
    let warned = report
        .diagnostics
        .iter()
        .find(|d| d.message(Lang::En).contains("no report counts it"))
        .expect("a warning");
    assert!(!warned.is_error());
    assert!(
        warned
            .message(Lang::Vi)
            .contains("assignee = \"Sở Tài chính\"")
    );
    assert!(report.session.is_some(), "a warning loses nothing");
}

#[test]
fn the_writer_appends_to_a_proposal_and_withdraws_on_a_real_file() {
    let text = format!("{HEAD}{LOCALITY}{PROPOSAL}");
    let (dir, file) = common::folder_with(text.as_bytes());
    let writer = Writer::new(WriteOptions::default());
    let key = DirectiveKey {
        session: "2024/s".into(),
        directive: "kn-1".into(),
    };
    let written = writer
        .write(
            dir.path(),
            &key.session,
            &key.directive,
            &Change::Progress(doing()),
        )
        .expect("append");
    assert_eq!(written.outcome, Outcome::Changed);
    let after = std::fs::read_to_string(&file).expect("read");
    assert_eq!(after, format!("{text}\n{ENTRY_LINES}\n"));
    let Some(Change::Withdraw(appended)) = written.undo else {
        panic!("{:?}", written.undo);
    };
    let undone = writer
        .write(
            dir.path(),
            &key.session,
            &key.directive,
            &Change::Withdraw(appended),
        )
        .expect("withdraw");
    assert_eq!(undone.outcome, Outcome::Changed);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
}

#[test]
fn a_version_2_file_with_a_proposal_is_made_version_3_and_keeps_it_after_an_undo() {
    let text = format!("{HEAD}{LOCALITY}{PROPOSAL}").replacen("version = 3", "version = 2", 1);
    let (appended, _, undo) = edit(&text, "kn-1", &Change::Progress(doing())).expect("edit");
    let expected = format!("{HEAD}{LOCALITY}{PROPOSAL}\n{ENTRY_LINES}\n");
    assert_eq!(appended, expected, "only the version line and the entry");
    let Some(Change::Withdraw(entry)) = undo else {
        panic!("{undo:?}");
    };
    assert_eq!(entry.version, VersionBefore::Was("2".into()));
    let (back, _, _) = edit(&appended, "kn-1", &Change::Withdraw(entry)).expect("undo");
    assert_eq!(
        back,
        format!("{HEAD}{LOCALITY}{PROPOSAL}"),
        "the entry goes; `version = 2` would not validate with a proposal, so 3 stays"
    );
}
