use chrono::NaiveDate;

use super::report_lines;
use crate::model::{Directive, District, Lang, test_directive, test_session};
use crate::report::follow_up::{Grouping, Scope, tally};

#[test]
fn every_line_fits_the_width() {
    let long = "Một địa phương có cái tên rất dài để xem dòng có bị cắt đúng cột không";
    let overdue = Directive {
        text: "Việc ".repeat(40).into(),
        ..test_directive(false, Some("2024-03-02"))
    };
    let locality = District {
        id: "x".into(),
        name: long.into(),
        directives: vec![overdue],
        ..District::default()
    };
    let scope = Scope {
        from: None,
        to: None,
        by: Grouping::Locality,
        today: NaiveDate::from_ymd_opt(2024, 7, 1).expect("day"),
    };
    let report = tally(&[test_session(vec![locality], vec![])], &scope);
    assert_eq!(report.overdue.len(), 1);
    for lang in [Lang::Vi, Lang::En] {
        for width in [40, 80, 120] {
            for line in report_lines(&report, lang, width) {
                assert!(line.width() <= width, "{width}: {:?}", line.text());
            }
        }
    }
}
