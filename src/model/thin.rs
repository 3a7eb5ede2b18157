//! The model's text in one pointer per field: `Text` (owned) and `Shared` (counted, one copy
//! per file). The length, and `Shared`'s count, live in the allocation, so a field is 8 bytes
//! instead of `Box<str>`'s and `Arc<str>`'s 16, and an absent one (`Option`) costs no more:
//! at ten thousand sessions, some 23 MiB less (docs/performance.md, issue 28).

#![allow(
    unsafe_code,
    reason = "a thin pointer to a length-prefixed allocation needs raw allocation"
)]

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::borrow::{Borrow, Cow};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, Ordering, fence};

/// Owned text: one allocation holding its length (`u32`), then its UTF-8 bytes.
pub struct Text(NonNull<u8>);

/// Text shared by the fields that repeat it: one allocation holding its count of owners
/// (`u32`), its length (`u32`), then its UTF-8 bytes.
pub struct Shared(NonNull<u8>);

// SAFETY: `Text` owns its bytes, which nothing else reaches and which are never changed, as
// `Box<str>` does.
unsafe impl Send for Text {}
// SAFETY: as above: `&Text` only reads.
unsafe impl Sync for Text {}
// SAFETY: `Shared`'s bytes are never changed and its count is atomic, as `Arc<str>`'s.
unsafe impl Send for Shared {}
// SAFETY: as above.
unsafe impl Sync for Shared {}

/// Bytes before a `Text`'s text: its length.
const TEXT_HEADER: usize = size_of::<u32>();
/// Bytes before a `Shared`'s text: its count, then its length.
const SHARED_HEADER: usize = 2 * size_of::<u32>();

/// The allocation of a text of `len` bytes after `header` bytes. Texts come from files of at
/// most 1 GiB (the largest `max_file_mib`), so a length always fits the `u32` header.
fn layout(header: usize, len: usize) -> Layout {
    let size = (header.checked_add(len)).filter(|_| u32::try_from(len).is_ok());
    match size.map(|size| Layout::from_size_align(size, align_of::<u32>())) {
        Some(Ok(layout)) => layout,
        _ => panic!("a text of {len} bytes is longer than a text of the model may be"),
    }
}

/// A new allocation of `header` bytes (zeroed) then `text`, whose length is the last `u32`
/// of the header.
fn allocate(header: usize, text: &str) -> NonNull<u8> {
    let layout = layout(header, text.len());
    // SAFETY: the layout has a non-zero size (the header).
    let Some(ptr) = NonNull::new(unsafe { alloc(layout) }) else {
        handle_alloc_error(layout)
    };
    // SAFETY: the allocation holds `header + text.len()` bytes, aligned for `u32`; `layout`
    // checked that the length fits a `u32`; the source is a distinct `str`.
    unsafe {
        std::ptr::write_bytes(ptr.as_ptr(), 0, header);
        (ptr.as_ptr().add(header - TEXT_HEADER).cast::<u32>()).write(text.len() as u32);
        std::ptr::copy_nonoverlapping(text.as_ptr(), ptr.as_ptr().add(header), text.len());
    }
    ptr
}

/// The text of an allocation made by [`allocate`] with `header`.
///
/// # Safety
/// `ptr` is such an allocation, alive for `'a`.
unsafe fn text_of<'a>(ptr: NonNull<u8>, header: usize) -> &'a str {
    // SAFETY: the caller's promise: the length was written by `allocate`, followed by that
    // many bytes copied from a `str`, never changed since.
    unsafe {
        let len = ptr.as_ptr().add(header - TEXT_HEADER).cast::<u32>().read() as usize;
        let bytes = std::slice::from_raw_parts(ptr.as_ptr().add(header), len);
        std::str::from_utf8_unchecked(bytes)
    }
}

impl Text {
    pub fn new(text: &str) -> Self {
        Text(allocate(TEXT_HEADER, text))
    }

    pub fn as_str(&self) -> &str {
        // SAFETY: `self.0` was made by `allocate` with this header, and lives as long as self.
        unsafe { text_of(self.0, TEXT_HEADER) }
    }
}

impl Drop for Text {
    fn drop(&mut self) {
        let layout = layout(TEXT_HEADER, self.as_str().len());
        // SAFETY: allocated with this layout by `allocate`; `Text` is its only owner.
        unsafe { dealloc(self.0.as_ptr(), layout) }
    }
}

impl Clone for Text {
    fn clone(&self) -> Self {
        Text::new(self.as_str())
    }
}

impl Shared {
    pub fn new(text: &str) -> Self {
        let ptr = allocate(SHARED_HEADER, text);
        let shared = Shared(ptr);
        shared.count().store(1, Ordering::Relaxed);
        shared
    }

    pub fn as_str(&self) -> &str {
        // SAFETY: `self.0` was made by `allocate` with this header, and lives while a
        // `Shared` of it does.
        unsafe { text_of(self.0, SHARED_HEADER) }
    }

    /// Whether `a` and `b` are the same copy.
    pub fn ptr_eq(a: &Shared, b: &Shared) -> bool {
        a.0 == b.0
    }

    fn count(&self) -> &AtomicU32 {
        // SAFETY: the first four bytes of the allocation are the count, aligned for `u32`, only
        // ever reached atomically once made.
        unsafe { AtomicU32::from_ptr(self.0.as_ptr().cast::<u32>()) }
    }
}

impl Clone for Shared {
    fn clone(&self) -> Self {
        // As `Arc`: a count about to wrap (billions of copies of one text) stops the process
        // rather than free what is still used.
        if self.count().fetch_add(1, Ordering::Relaxed) >= u32::MAX / 2 {
            std::process::abort();
        }
        Shared(self.0)
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        if self.count().fetch_sub(1, Ordering::Release) != 1 {
            return;
        }
        fence(Ordering::Acquire);
        let layout = layout(SHARED_HEADER, self.as_str().len());
        // SAFETY: allocated with this layout by `allocate`; this was its last owner.
        unsafe { dealloc(self.0.as_ptr(), layout) }
    }
}

/// What both kinds of text do alike: read as `str`, compared, hashed, printed, made from and
/// (de)serialised as text.
macro_rules! like_str {
    ($ty:ident) => {
        impl Deref for $ty {
            type Target = str;
            fn deref(&self) -> &str {
                self.as_str()
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl Borrow<str> for $ty {
            fn borrow(&self) -> &str {
                self.as_str()
            }
        }

        impl Default for $ty {
            fn default() -> Self {
                $ty::new("")
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self.as_str(), f)
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self.as_str(), f)
            }
        }

        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl Eq for $ty {}

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<String> for $ty {
            fn eq(&self, other: &String) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl PartialEq<$ty> for str {
            fn eq(&self, other: &$ty) -> bool {
                self == other.as_str()
            }
        }

        impl PartialEq<$ty> for &str {
            fn eq(&self, other: &$ty) -> bool {
                *self == other.as_str()
            }
        }

        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.as_str().cmp(other.as_str())
            }
        }

        impl Hash for $ty {
            fn hash<H: Hasher>(&self, state: &mut H) {
                self.as_str().hash(state);
            }
        }

        impl From<&str> for $ty {
            fn from(text: &str) -> Self {
                $ty::new(text)
            }
        }

        impl From<&String> for $ty {
            fn from(text: &String) -> Self {
                $ty::new(text)
            }
        }

        impl From<String> for $ty {
            fn from(text: String) -> Self {
                $ty::new(&text)
            }
        }

        impl From<Box<str>> for $ty {
            fn from(text: Box<str>) -> Self {
                $ty::new(&text)
            }
        }

        impl From<Cow<'_, str>> for $ty {
            fn from(text: Cow<'_, str>) -> Self {
                $ty::new(&text)
            }
        }

        impl From<$ty> for String {
            fn from(text: $ty) -> Self {
                text.as_str().to_string()
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <Cow<'de, str>>::deserialize(deserializer)?;
                Ok($ty::new(&text))
            }
        }
    };
}

like_str!(Text);
like_str!(Shared);

impl From<&Shared> for Text {
    fn from(text: &Shared) -> Self {
        Text::new(text)
    }
}

impl From<&Text> for Shared {
    fn from(text: &Text) -> Self {
        Shared::new(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pointer_each_and_none_for_free() {
        assert_eq!(size_of::<Text>(), 8);
        assert_eq!(size_of::<Option<Text>>(), 8);
        assert_eq!(size_of::<Shared>(), 8);
        assert_eq!(size_of::<Option<Shared>>(), 8);
    }

    #[test]
    fn texts_read_back_as_written() {
        for s in ["", "a", "Đầm Hà", &"tỷ đồng ".repeat(1000)] {
            let text = Text::from(s);
            assert_eq!(&*text, s);
            assert_eq!(text.clone(), text);
            let shared = Shared::from(s);
            assert_eq!(shared.as_str(), s);
            assert_eq!(format!("{shared}|{text:?}"), format!("{s}|{s:?}"));
        }
    }

    #[test]
    fn a_shared_text_lives_while_a_copy_does() {
        let a = Shared::from("so với năm trước");
        let b = a.clone();
        assert!(Shared::ptr_eq(&a, &b));
        drop(a);
        let handle = std::thread::spawn(move || b.to_string());
        assert_eq!(handle.join().expect("thread"), "so với năm trước");
    }

    #[test]
    fn hashed_and_ordered_as_str() {
        let set: std::collections::HashSet<Shared> =
            ["b", "a"].into_iter().map(Shared::from).collect();
        assert!(set.contains("a"));
        let (a, b) = (Text::from("a"), Text::from("b"));
        assert!(a < b);
        assert_eq!(
            serde_json::to_string(&Text::from("x\"y")).expect("json"),
            r#""x\"y""#
        );
        let back: Shared = serde_json::from_str(r#""Hạ Long""#).expect("json");
        assert_eq!(back, "Hạ Long");
    }
}
