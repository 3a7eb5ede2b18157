//! How the process asks the C allocator to keep its memory: large arrays in mappings of
//! their own, returned whole when freed.

/// Arrays at least this large get their own mapping.
const OWN_MAPPING_FROM: i32 = 256 * 1024;

/// Fixes glibc's threshold for giving an allocation its own mapping. Left to itself, glibc
/// raises the threshold each time such a mapping is freed (up to 32 MiB), so the arrays that
/// grow while ten thousand sessions load end up inside the heap, and the holes they leave
/// when they move stay resident: 12 MiB at 10,000 sessions (docs/performance.md).
#[allow(unsafe_code, reason = "mallopt has no safe wrapper")]
pub fn keep_large_arrays_apart() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a tuning parameter; called before other threads start.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_MAPPING_FROM);
    }
}
