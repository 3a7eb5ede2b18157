//! Fields most briefings leave out, grouped behind one pointer (`Rare`): nothing is allocated
//! while all of them are absent, so ten thousand sessions' indicators and directives do not
//! carry room for plans, follow-up logs and version 3's extras they do not write.

use std::fmt;
use std::ops::{Deref, DerefMut};

/// A group of fields that most files leave out, each one absent by default.
pub trait Seldom: Default + PartialEq + 'static {
    /// The group with every field absent (its `Default`): what an unallocated `Rare` reads.
    const ABSENT: &'static Self;
}

/// A [`Seldom`] group in one pointer, allocated only while one of its fields is present.
/// Reads as the group (every field absent when not allocated); writing through it allocates.
#[allow(
    clippy::box_collection,
    reason = "the box is the point: one pointer, none allocated while absent"
)]
pub struct Rare<T>(Option<Box<T>>);

impl<T: Seldom> Rare<T> {
    /// The group, allocated only when one of its fields is present.
    pub fn new(group: T) -> Self {
        let rare = Rare(Some(Box::new(group)));
        rare.tidied()
    }

    /// Whether every field is absent.
    pub fn is_absent(&self) -> bool {
        **self == *T::ABSENT
    }

    /// Frees the group when writes left every field absent.
    pub fn tidy(&mut self) {
        if self.is_absent() {
            self.0 = None;
        }
    }

    /// Whether the group is allocated (for tests of what a load leaves allocated).
    #[cfg(test)]
    pub(crate) fn is_allocated(&self) -> bool {
        self.0.is_some()
    }

    fn tidied(mut self) -> Self {
        self.tidy();
        self
    }
}

impl<T> Default for Rare<T> {
    fn default() -> Self {
        Rare(None)
    }
}

impl<T: Seldom> From<T> for Rare<T> {
    fn from(group: T) -> Self {
        Rare::new(group)
    }
}

impl<T: Seldom> Deref for Rare<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0.as_deref().unwrap_or(T::ABSENT)
    }
}

impl<T: Seldom> DerefMut for Rare<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.0.get_or_insert_with(Box::default)
    }
}

impl<T: Seldom + Clone> Clone for Rare<T> {
    fn clone(&self) -> Self {
        Rare(self.0.clone()).tidied()
    }
}

impl<T: Seldom> PartialEq for Rare<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Seldom + Eq> Eq for Rare<T> {}

impl<T: Seldom + fmt::Debug> fmt::Debug for Rare<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: Seldom + serde::Serialize> serde::Serialize for Rare<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let present = (!self.is_absent()).then_some(&**self);
        present.serialize(serializer)
    }
}

impl<'de, T: Seldom + serde::Deserialize<'de>> serde::Deserialize<'de> for Rare<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let group = Option::<T>::deserialize(deserializer)?;
        Ok(group.map(Rare::new).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Plan {
        target: Option<f64>,
        label: Option<String>,
    }

    impl Seldom for Plan {
        const ABSENT: &'static Self = &Plan {
            target: None,
            label: None,
        };
    }

    #[test]
    fn absent_is_one_pointer_and_reads_as_every_field_absent() {
        assert_eq!(size_of::<Rare<Plan>>(), 8);
        assert_eq!(*Plan::ABSENT, Plan::default());
        let rare: Rare<Plan> = Rare::default();
        assert!(rare.0.is_none() && rare.target.is_none() && rare.label.is_none());
        assert!(Rare::new(Plan::default()).0.is_none(), "nothing allocated");
    }

    #[test]
    fn a_write_allocates_and_tidy_frees_once_all_are_absent_again() {
        let mut rare = Rare::new(Plan::default());
        rare.target = Some(12.5);
        assert_eq!(rare.target, Some(12.5));
        assert!(rare.0.is_some() && !rare.is_absent());
        assert_ne!(rare, Rare::default());
        rare.target = None;
        assert_eq!(
            rare,
            Rare::default(),
            "equal to absent while still allocated"
        );
        rare.tidy();
        assert!(rare.0.is_none());
    }

    #[test]
    fn serialised_as_an_option_of_the_group() {
        let plan = Plan {
            target: Some(3.0),
            label: Some("kế hoạch".into()),
        };
        let rare = Rare::new(plan.clone());
        let bytes = postcard::to_allocvec(&rare).expect("postcard");
        let back: Rare<Plan> = postcard::from_bytes(&bytes).expect("postcard");
        assert_eq!(*back, plan);
        let json = serde_json::to_string(&Rare::<Plan>::default()).expect("json");
        assert_eq!(json, "null");
        let back: Rare<Plan> =
            serde_json::from_str(r#"{"target":null,"label":null}"#).expect("json");
        assert!(
            back.0.is_none(),
            "an absent group read back allocates nothing"
        );
    }
}
