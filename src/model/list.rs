//! A list that most briefings leave empty (a directive's `to`, its progress log), in one
//! pointer: nothing is allocated while it is empty, so an empty one costs 8 bytes where a
//! `Vec` costs 24 (ten thousand sessions hold two hundred thousand directives).

use std::fmt;
use std::ops::{Deref, DerefMut};

/// A `Vec` kept behind a pointer, absent while empty.
#[derive(Clone, PartialEq, Eq, Hash)]
#[allow(
    clippy::box_collection,
    reason = "the box is the point: one pointer, and none allocated while empty"
)]
pub struct List<T>(Option<Box<Vec<T>>>);

impl<T> List<T> {
    pub const fn new() -> Self {
        List(None)
    }

    /// The items, to change the list (made when it was empty).
    fn vec(&mut self) -> &mut Vec<T> {
        self.0.get_or_insert_with(Box::default)
    }

    pub fn push(&mut self, item: T) {
        self.vec().push(item);
    }

    pub fn clear(&mut self) {
        self.0 = None;
    }

    pub fn remove(&mut self, index: usize) -> T {
        let item = self.vec().remove(index);
        self.forget_if_empty();
        item
    }

    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        if let Some(vec) = &mut self.0 {
            vec.retain(keep);
        }
        self.forget_if_empty();
    }

    /// Frees the unused capacity (and the list itself when empty).
    pub fn shrink_to_fit(&mut self) {
        if let Some(vec) = &mut self.0 {
            vec.shrink_to_fit();
        }
        self.forget_if_empty();
    }

    pub fn capacity(&self) -> usize {
        self.0.as_ref().map_or(0, |vec| vec.capacity())
    }

    pub fn as_slice(&self) -> &[T] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    fn forget_if_empty(&mut self) {
        if self.0.as_ref().is_some_and(|vec| vec.is_empty()) {
            self.0 = None;
        }
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List::new()
    }
}

impl<T> Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T> DerefMut for List<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.0.as_deref_mut().map_or(&mut [], Vec::as_mut_slice)
    }
}

impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(vec: Vec<T>) -> Self {
        List((!vec.is_empty()).then(|| Box::new(vec)))
    }
}

impl<T> From<List<T>> for Vec<T> {
    fn from(list: List<T>) -> Self {
        list.0.map_or_else(Vec::new, |vec| *vec)
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        List::from(Vec::from_iter(items))
    }
}

impl<T> Extend<T> for List<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        self.vec().extend(items);
        self.forget_if_empty();
    }
}

impl<T> IntoIterator for List<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        Vec::from(self).into_iter()
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'a, T> IntoIterator for &'a mut List<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

impl<T: PartialEq<U>, U> PartialEq<Vec<U>> for List<T> {
    fn eq(&self, other: &Vec<U>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: PartialEq<U>, U> PartialEq<[U]> for List<T> {
    fn eq(&self, other: &[U]) -> bool {
        self.as_slice() == other
    }
}

impl<T: PartialEq<U>, U, const N: usize> PartialEq<[U; N]> for List<T> {
    fn eq(&self, other: &[U; N]) -> bool {
        self.as_slice() == other
    }
}

impl<T: serde::Serialize> serde::Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for List<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(List::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_is_one_pointer_and_allocates_nothing() {
        assert_eq!(size_of::<List<String>>(), 8);
        let mut list: List<u32> = List::new();
        assert_eq!(list.capacity(), 0);
        list.push(1);
        list.push(2);
        assert_eq!(list, vec![1, 2]);
        list.retain(|&n| n > 5);
        assert!(list.0.is_none(), "emptied: the vector is freed");
        list.extend([3, 4]);
        assert_eq!(list.remove(0), 3);
        list.iter_mut().for_each(|n| *n *= 10);
        assert_eq!(Vec::from(list.clone()), vec![40]);
        list.clear();
        assert!(list.is_empty() && list.0.is_none());
    }

    #[test]
    fn serialised_as_a_sequence() {
        let list: List<&str> = ["a", "b"].into_iter().collect();
        let json = serde_json::to_string(&list).expect("json");
        assert_eq!(json, r#"["a","b"]"#);
        let back: List<String> = serde_json::from_str(&json).expect("json");
        assert_eq!(back, vec!["a".to_string(), "b".to_string()]);
        let empty: List<String> = serde_json::from_str("[]").expect("json");
        assert!(empty.0.is_none());
    }
}
