//! Several processes of the real binary check directives of one file off at once: no change
//! is lost and a reader never sees an invalid file.

mod common;

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use briefing::api::store::parse_file;
use common::{folder_with, leftovers, run, stderr_of};

const WRITERS: usize = 6;
const TOGGLES: usize = 5;

fn briefing(districts: usize) -> String {
    let mut s = String::from(
        "# đồng thời\nversion = 1\n\n[session]\ntitle = \"Ghi đồng thời\"\ndate = 2024-03-13\n",
    );
    for i in 0..WRITERS {
        s.push_str(&format!(
            "\n[[directive]]\nid = \"d{i}\"  # chỉ đạo {i}\ntext = \"Chỉ đạo số {i}\"\ndone = false\n"
        ));
    }
    for i in 0..districts {
        s.push_str(&format!("\n[[district]]\nname = \"Huyện {i}\"\n"));
    }
    s
}

fn toggle(dir: &Path, verb: &str, id: &str) -> Result<(), String> {
    let o = run(dir, "en", &[verb, "2024/s", id]);
    if o.status.success() {
        Ok(())
    } else {
        Err(stderr_of(&o))
    }
}

#[test]
fn concurrent_writers_lose_nothing_and_readers_see_valid_files() {
    let (dir, file) = folder_with(briefing(3).as_bytes());
    let root = dir.path().to_path_buf();
    let stop = Arc::new(AtomicBool::new(false));

    let reader = {
        let (file, stop) = (file.clone(), Arc::clone(&stop));
        thread::spawn(move || {
            let mut reads = 0usize;
            while !stop.load(Ordering::Acquire) || reads == 0 {
                let bytes = fs::read(&file).expect("the file is always there");
                let report = parse_file(&bytes, "2024/s.toml", "2024/s");
                assert!(report.session.is_some(), "{:?}", report.diagnostics);
                reads += 1;
            }
            reads
        })
    };

    let writers: Vec<_> = (0..WRITERS)
        .map(|i| {
            let root = root.clone();
            thread::spawn(move || {
                let id = format!("d{i}");
                (0..TOGGLES)
                    .try_for_each(|n| toggle(&root, if n % 2 == 0 { "done" } else { "undo" }, &id))
            })
        })
        .collect();
    for w in writers {
        if let Err(e) = w.join().expect("writer thread") {
            panic!("a write failed: {e}");
        }
    }
    stop.store(true, Ordering::Release);
    assert!(reader.join().expect("reader thread") > 0);

    let bytes = fs::read(&file).expect("read");
    let session = parse_file(&bytes, "2024/s.toml", "2024/s")
        .session
        .expect("valid at the end");
    assert_eq!(session.directives.len(), WRITERS);
    for d in &session.directives {
        assert!(d.done, "{} lost its check-off", d.id);
        assert!(
            d.more.done_at.is_some() && d.more.done_by.is_some(),
            "{}",
            d.id
        );
    }
    assert_eq!(session.districts.len(), 3);
    assert!(leftovers(file.parent().expect("dir")).is_empty());
}
