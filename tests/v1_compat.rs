//! Version 1 files load exactly as before: the JSON of the version 1 sample (as the main branch
//! had it, kept in tests/fixtures/v1) is the JSON the main branch printed for it
//! (tests/fixtures/v1-json/show-main.json), apart from the fields version 2 adds, each with its
//! default, and the two gauges the version 2 verdict rules take away (a growth and a share are
//! no verdict).

mod common;

use common::{clean, run_ok};
use serde_json::{Map, Value, json};

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";

fn show_json_now() -> Value {
    let out = run_ok(
        clean()
            .args(["--dir", "tests/fixtures/v1", "--today", "2024-03-20"])
            .args(["--lang", "en", "show", SESSION, "--format", "json"]),
    );
    serde_json::from_str(&out).expect("JSON")
}

fn show_json_on_main() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1-json/show-main.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
}

/// What differs between the two documents, apart from equal values.
#[derive(Default)]
struct Differences {
    /// Keys only in the new document: (path, the object holding it, key).
    added: Vec<(String, Map<String, Value>, String)>,
    /// Every `gauge`: (path, indicator on main, gauge on main, gauge now).
    gauges: Vec<(String, Value, Value)>,
}

fn walk(old: &Value, new: &Value, path: &str, diff: &mut Differences) {
    match (old, new) {
        (Value::Object(o), Value::Object(n)) => {
            for (key, value) in o {
                let here = format!("{path}.{key}");
                let now = n.get(key).unwrap_or_else(|| panic!("{here} is gone"));
                if key == "gauge" {
                    diff.gauges.push((here, old.clone(), now.clone()));
                } else {
                    walk(value, now, &here, diff);
                }
            }
            for key in n.keys().filter(|k| !o.contains_key(*k)) {
                diff.added.push((path.to_string(), n.clone(), key.clone()));
            }
        }
        (Value::Array(o), Value::Array(n)) => {
            assert_eq!(o.len(), n.len(), "{path} has another length");
            for (i, (a, b)) in o.iter().zip(n).enumerate() {
                walk(a, b, &format!("{path}[{i}]"), diff);
            }
        }
        (a, b) => assert_eq!(a, b, "{path} changed"),
    }
}

/// The value a field version 2 adds must have in a version 1 file.
fn default_of(holder: &Map<String, Value>, key: &str) -> Value {
    match key {
        "version" => json!(1),
        "chairs" => json!([holder["chair"]]),
        "level" => json!("huyen"),
        "kind" => json!("amount"),
        "due_last_day" => holder["due"].clone(),
        "basis" => {
            let label = holder["label"].as_str().unwrap_or_default();
            if label.contains("kế hoạch") {
                json!("plan")
            } else {
                json!("previous")
            }
        }
        "highlights" | "strengths" | "shortcomings" | "references" | "images" | "to" => json!([]),
        // The count every view gives a locality: its own directives and the session-wide ones
        // that concern it (on 2024-03-20 none of those is done or overdue).
        "locality_progress" => {
            let own = &holder["progress"];
            let shared = holder["shared_directives"].as_u64().unwrap_or_default();
            let total = own["total"].as_u64().unwrap_or_default() + shared;
            json!({ "done": own["done"], "total": total, "overdue": own["overdue"], "dropped": 0 })
        }
        // Format 3: directives stopped for good (none in a version 1 file), and each
        // directive's follow-up: a version 1 file has no log, so none is started.
        "dropped" => json!(0),
        "state" => json!(if holder["done"] == json!(true) {
            "done"
        } else {
            "open"
        }),
        "category" => json!(if holder["done"] == json!(true) {
            "done_on_time"
        } else if holder["overdue"] == json!(true) {
            "not_started_overdue"
        } else {
            "not_started_in_time"
        }),
        "progress" => json!([]),
        "percent" => Value::Null,
        "shared_directives" => json!(17),
        "part_of_day" | "published" | "host_kind" | "group" | "parent" | "body" | "of" | "note"
        | "share" => Value::Null,
        other => panic!("`{other}` is no field version 2 adds"),
    }
}

#[test]
fn the_json_of_a_version_1_file_is_unchanged_but_for_new_fields_with_defaults() {
    let mut diff = Differences::default();
    walk(&show_json_on_main(), &show_json_now(), "", &mut diff);
    assert!(!diff.added.is_empty());
    for (path, holder, key) in &diff.added {
        assert_eq!(
            holder[key],
            default_of(holder, key),
            "{path}.{key} is not its default"
        );
    }
    let mut taken_away = Vec::new();
    for (path, indicator, now) in &diff.gauges {
        let before = &indicator["gauge"];
        let judged_against_a_goal = before["basis"] == "target"
            || (before["basis"] == "compare"
                && before["label"]
                    .as_str()
                    .is_some_and(|l| l.contains("kế hoạch")));
        if judged_against_a_goal || before.is_null() {
            assert_eq!(now, before, "{path} changed");
        } else {
            assert_eq!(now, &Value::Null, "{path} is still a verdict");
            taken_away.push(indicator["name"].as_str().unwrap_or_default().to_string());
        }
    }
    assert_eq!(
        taken_away,
        [
            "Tổng giá trị sản xuất",            // 107% so với năm 2022: a growth
            "Số hộ dân được sử dụng nước sạch", // 67%: a share of households
        ]
    );
}
