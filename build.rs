//! Gives the crate `BRIEFING_SOURCE_HASH`: a hash of everything that decides what loading a
//! briefing produces and how it is stored (the source, the locked dependencies), so the parse
//! cache (`store::cache`) never trusts an entry that another build wrote.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let mut files = Vec::new();
    gather(Path::new("src"), &mut files);
    files.sort();
    files.extend(["Cargo.toml", "Cargo.lock"].map(PathBuf::from));
    let mut hash = Fnv::default();
    for file in &files {
        hash.write(file.to_string_lossy().as_bytes());
        let bytes = fs::read(file).unwrap_or_default();
        hash.write(&(bytes.len() as u64).to_le_bytes());
        hash.write(&bytes);
    }
    println!("cargo:rustc-env=BRIEFING_SOURCE_HASH={:016x}", hash.0);
    for watched in ["src", "Cargo.toml", "Cargo.lock", "build.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
}

/// Every file below `dir`.
fn gather(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => gather(&path, files),
            Ok(t) if t.is_file() => files.push(path),
            _ => {}
        }
    }
}

/// FNV-1a, 64 bits: the same on every machine and Rust version.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
