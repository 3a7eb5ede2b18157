//! The gaps version 3 had left (issue 27, H27B): a figure known only as a percent of plan, a
//! target of zero, and several localities merging into one in one session; read without a
//! problem, said in every format and both languages, never with a made-up number, and each
//! mistake said with what to write.

mod common;

use std::fs;
use std::path::Path;

use common::{flat, run, stdout_of, succeeded};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v3-gaps");
const MERGING: &str = "2025-06-20-sap-xep-ia-ly";
const NEW_UNIT: &str = "2025-10-15-ia-ly";

fn show(lang: &str, args: &[&str]) -> String {
    let mut all = vec!["--today", "2025-11-01", "show"];
    all.extend(args);
    succeeded(&run(Path::new(FIXTURE), lang, &all))
}

#[test]
fn the_sample_passes_check_without_a_warning() {
    let o = run(Path::new(FIXTURE), "en", &["check"]);
    let said = stdout_of(&o);
    assert!(o.status.success(), "{said}");
    assert!(
        said.contains("2 sessions loaded, 0 errors, 0 warnings"),
        "{said}"
    );
}

#[test]
fn every_format_says_the_percent_the_zero_target_and_the_merge() {
    let vi = [
        "Giải ngân vốn đầu tư công",
        "chỉ có % kế hoạch",
        "95",
        "gần đạt",
        "kế hoạch năm",
        "chưa đạt",
        "không còn hộ nghèo: 0 hộ",
        "Sắp hợp nhất vào: xã Ia Ly",
        "Sắp hợp nhất vào: gia-lai/ia-ly",
    ];
    let en = [
        "% of plan only",
        "95",
        "near",
        "behind",
        "met",
        "To merge into: xã Ia Ly",
    ];
    for format in ["text", "markdown", "html"] {
        let vi_out = flat(&show("vi", &[MERGING, "--format", format]));
        let en_out = flat(&show("en", &[MERGING, "--format", format]));
        for want in vi {
            assert!(vi_out.contains(want), "{format} vi: {want}\n{vi_out}");
        }
        for want in en {
            assert!(en_out.contains(want), "{format} en: {want}\n{en_out}");
        }
        for out in [&vi_out, &en_out] {
            for never in ["NaN", "inf", "∞", "— %"] {
                assert!(!out.contains(never), "{format}: {never} in\n{out}");
            }
        }
    }
}

#[test]
fn json_says_no_value_no_ratio_and_what_it_merges_into() {
    let json: serde_json::Value =
        serde_json::from_str(&show("en", &[MERGING, "--format", "json"])).expect("json");
    let localities = json["session"]["districts"].as_array().expect("localities");
    let figure = |l: usize, i: usize| &localities[l]["indicators"][i];
    let plan_only = figure(1, 0);
    assert!(plan_only["value"].is_null(), "{plan_only}");
    assert_eq!(plan_only["gauge"]["ratio"], 95.0);
    assert_eq!(plan_only["gauge"]["status"], "near");
    let (left, none) = (figure(0, 1), figure(1, 1));
    assert_eq!(left["value"], 12.0);
    assert!(left["gauge"]["ratio"].is_null(), "{left}");
    assert_eq!(
        (&left["gauge"]["basis"], &left["gauge"]["status"]),
        (&"zero-target".into(), &"behind".into())
    );
    assert_eq!(left["gauge"]["fill"], 0.0);
    assert_eq!(
        (&none["gauge"]["status"], &none["gauge"]["fill"]),
        (&"met".into(), &1.0.into())
    );
    assert_eq!(localities[0]["merging_into"], "gia-lai/ia-ly");
    assert_eq!(localities[2]["merging_into"], "xã Ia Ly");
}

/// The new unit's dossier (`show --district`) holds the session of the communes about to
/// merge into it, each marked as the unit it was, and the figure they share as a trend.
#[test]
fn the_new_units_dossier_holds_the_merging_localities_history() {
    let vi = flat(&show("vi", &[NEW_UNIT, "--district", "ia-ly"]));
    assert!(vi.contains("Các buổi làm việc (4), cũ trước"), "{vi}");
    for was in [
        "khi còn là thị trấn Ia Ly",
        "khi còn là xã Ia Mơ Nông",
        "khi còn là xã Ia Kreng",
    ] {
        assert!(vi.contains(was), "{was}\n{vi}");
    }
    assert!(
        vi.contains("Bàn giao hồ sơ, tài sản cho xã mới"),
        "the merging commune's directive: {vi}"
    );
    let (old, new) = (
        vi.find("6 tháng đầu năm 2025 "),
        vi.find("9 tháng năm 2025 "),
    );
    assert!(old.is_some() && old < new, "the trend in time order: {vi}");
    let en = flat(&show("en", &[NEW_UNIT, "--district", "ia-ly"]));
    assert!(en.contains("as Ia Kreng commune"), "{en}");
    let own = flat(&show("vi", &[MERGING, "--district", "ia-kreng"]));
    assert!(
        own.contains("Xã Ia Kreng") && !own.contains(NEW_UNIT),
        "a merging commune's own dossier stays its own: {own}"
    );
}

#[test]
fn snapshot_of_the_merging_session() {
    insta::assert_snapshot!("v3_gaps_text_vi", show("vi", &[MERGING]));
}

/// Writes `text` as the one file of a folder and gives `check`'s output in both languages.
fn check(text: &str) -> (String, String, bool) {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.toml"), text).expect("write");
    let en = run(dir.path(), "en", &["check"]);
    let vi = run(dir.path(), "vi", &["check"]);
    (stdout_of(&en), stdout_of(&vi), en.status.success())
}

fn file(version: &str, locality: &str) -> String {
    format!(
        "{version}\n[session]\ntitle = \"x\"\ndate = 2025-06-20\n\n[[locality]]\nname = \"Ia Mơ\"\nlevel = \"xa\"\n{locality}"
    )
}

const PLAN_ONLY: &str = "\n[[locality.indicator]]\nname = \"Giải ngân\"\ncompare = [{ label = \"kế hoạch\", percent = 95, basis = \"plan\" }]\n";
const ZERO: &str = "\n[[locality.indicator]]\nname = \"Hộ nghèo\"\nvalue = 12\ntarget = 0\n";

#[test]
fn an_older_file_is_told_to_say_version_3() {
    for version in ["", "version = 2"] {
        let (en, vi, ok) = check(&file(version, PLAN_ONLY));
        assert!(!ok, "{en}");
        assert!(
            en.contains("error: indicator #1 of [[locality]] #1 (Ia Mơ) has no `value`, only a percent of its plan: such a figure needs `version = 3` at the top"),
            "{en}"
        );
        assert!(
            vi.contains("chỉ có tỷ lệ % so với kế hoạch") && vi.contains("cần `version = 3`"),
            "{vi}"
        );
        let (en, vi, ok) = check(&file(version, ZERO));
        assert!(!ok, "{en}");
        assert!(
            en.contains("error: `target = 0` in indicator #1")
                && en.contains("needs `version = 3`"),
            "{en}"
        );
        assert!(
            vi.contains("`target = 0`") && vi.contains("cần `version = 3`"),
            "{vi}"
        );
        let (en, vi, ok) = check(&file(version, "merging_into = \"xã Ia Ly\"\n"));
        assert!(
            !ok && en.contains("`merging_into` in [[locality]] #1 (Ia Mơ) needs `version = 3`"),
            "{en}"
        );
        assert!(vi.contains("cần `version = 3`"), "{vi}");
    }
}

#[test]
fn mistakes_in_the_new_fields_are_said_with_what_to_write() {
    let v3 = "version = 3";
    let (en, vi, ok) = check(&file(
        v3,
        "\n[[locality.indicator]]\nname = \"Giải ngân\"\nunit = \"tỷ đồng\"\n",
    ));
    assert!(!ok, "{en}");
    assert!(
        en.contains("is missing the required key `value` (for example `value = 33497`); a figure known only as a percent of its plan gives that percent instead")
            && en.contains("`basis = \"plan\"`"),
        "{en}"
    );
    assert!(
        vi.contains("chỉ tiêu chỉ biết tỷ lệ % so với kế hoạch"),
        "{vi}"
    );
    let (en, vi, ok) = check(&file(v3, &format!("{ZERO}better = \"higher\"\n")));
    assert!(ok, "a warning: {en}");
    assert!(
        en.contains(
            "warning: `target = 0` in indicator #1 of [[locality]] #1 (Ia Mơ) is met only at 0"
        ) && en.contains("write `better = \"lower\"`"),
        "{en}"
    );
    assert!(vi.contains("chỉ đạt khi bằng 0"), "{vi}");
    let (en, _, ok) = check(&file(
        v3,
        "\n[[locality.indicator]]\nname = \"Hộ nghèo\"\nvalue = 1\ntarget = -1\n",
    ));
    assert!(
        !ok && en.contains("must be greater than 0 (or, in version 3, 0 for none left)"),
        "{en}"
    );
    let (en, vi, ok) = check(&file(v3, "merging_into = \"xã Ia Mơ\"\n"));
    assert!(!ok, "{en}");
    assert!(
        en.contains("`merging_into = \"xã Ia Mơ\"` in [[locality]] #1 (Ia Mơ) names the locality itself: name the new unit it merges into"),
        "{en}"
    );
    assert!(vi.contains("hãy ghi đơn vị mới sẽ hợp nhất vào"), "{vi}");
    let (en, vi, ok) = check(&file(v3, "merging_into = \" \"\n"));
    assert!(!ok && en.contains("`merging_into = \"xã Ia Ly\"`"), "{en}");
    assert!(vi.contains("đang để trống"), "{vi}");
}
