//! Records kept by name in order of name. To serde it is a map, exactly as a `BTreeMap` is,
//! so saves read and write as before; to the game it is a list, reached by position. A name
//! is a `String`, or any key that reads as one (the index's shared `Arc<str>` ids).

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::ops::Index;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster<T, K = String>(Vec<(K, T)>);

impl<T, K> Default for Roster<T, K> {
    fn default() -> Self {
        Roster(Vec::new())
    }
}

impl<T, K: Borrow<str>> Roster<T, K> {
    pub fn get(&self, id: &str) -> Option<&T> {
        Some(&self.0[self.rank(id)?].1)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        let at = self.rank(id)?;
        Some(&mut self.0[at].1)
    }

    /// Where the record of `id` comes in order of name.
    pub fn rank(&self, id: &str) -> Option<usize> {
        self.0
            .binary_search_by(|(k, _)| by_name(k.borrow(), id))
            .ok()
    }

    /// Adds or replaces the record of `id`; the records after it move one place on.
    pub fn insert(&mut self, id: K, value: T) {
        match self
            .0
            .binary_search_by(|(k, _)| by_name(k.borrow(), id.borrow()))
        {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (id, value)),
        }
    }

    /// The record of `id`, put in as `value` first if there is none: found with one search,
    /// and its key (`key()`) made only if it goes in.
    pub fn entry(&mut self, id: &str, key: impl FnOnce() -> K, value: T) -> &mut T {
        let at = match self.0.binary_search_by(|(k, _)| by_name(k.borrow(), id)) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (key(), value));
                at
            }
        };
        &mut self.0[at].1
    }

    /// The record at this place in order of name.
    pub fn at(&self, rank: usize) -> Option<&T> {
        self.0.get(rank).map(|(_, v)| v)
    }

    /// [`Roster::at`], to change.
    pub fn at_mut(&mut self, rank: usize) -> Option<&mut T> {
        self.0.get_mut(rank).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &T)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Forgets every record, keeping the room they took.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// The order of names, as `str`'s own: byte by byte, a name before any longer one it begins.
/// Compared here in line, since ids are short and mostly differ in their first letters.
pub fn by_name(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// As collecting into a `BTreeMap`: in order of name, a later record of a name replacing an
/// earlier one.
impl<T, K: Ord> FromIterator<(K, T)> for Roster<T, K> {
    fn from_iter<I: IntoIterator<Item = (K, T)>>(records: I) -> Self {
        Roster(
            records
                .into_iter()
                .collect::<BTreeMap<_, _>>()
                .into_iter()
                .collect(),
        )
    }
}

impl<T, K: Borrow<str>> Index<&str> for Roster<T, K> {
    type Output = T;

    fn index(&self, id: &str) -> &T {
        self.get(id).expect("no record of that name")
    }
}

impl<'a, T, K> IntoIterator for &'a Roster<T, K> {
    type Item = (&'a K, &'a T);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, T)>, fn(&(K, T)) -> (&K, &T)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<T: Serialize, K: Serialize> Serialize for Roster<T, K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, T: Deserialize<'de>, K: Deserialize<'de> + Ord> Deserialize<'de> for Roster<T, K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<K, T>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::{Roster, by_name};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        #[test]
        fn names_are_in_the_order_str_gives(a in ".{0,12}", b in "[a-c_]{0,6}", c in "[a-c_]{0,6}") {
            prop_assert_eq!(by_name(&a, &b), a.as_str().cmp(b.as_str()));
            prop_assert_eq!(by_name(&b, &c), b.as_str().cmp(c.as_str()));
            prop_assert_eq!(by_name(&c, &c), std::cmp::Ordering::Equal);
        }
    }

    #[test]
    fn a_roster_is_a_map_in_order_of_name() {
        let pairs = [("mei", 1), ("jo", 2), ("an", 3), ("jo", 4)].map(|(k, v)| (k.to_string(), v));
        let roster: Roster<i32> = pairs.iter().cloned().collect();
        let map: BTreeMap<String, i32> = pairs.iter().cloned().collect();
        assert_eq!(
            roster.keys().collect::<Vec<_>>(),
            map.keys().collect::<Vec<_>>()
        );
        assert_eq!(roster["jo"], 4, "the later record wins");
        assert_eq!(roster.rank("mei"), Some(2));
        assert_eq!(roster.get("zed"), None);
        let mut grown = roster.clone();
        grown.insert("bo".into(), 5);
        grown.insert("jo".into(), 6);
        let mut grown_map = map.clone();
        grown_map.insert("bo".into(), 5);
        grown_map.insert("jo".into(), 6);
        assert_eq!(
            grown.iter().collect::<Vec<_>>(),
            grown_map.iter().collect::<Vec<_>>(),
            "inserting keeps the order of names, and a name's record is replaced"
        );
        *grown.entry("cy", || "cy".into(), 0) += 1;
        *grown.entry("jo", || unreachable!("jo is there"), 0) += 1;
        assert_eq!((grown["cy"], grown["jo"]), (1, 7));
        assert_eq!(
            grown.rank("cy"),
            Some(2),
            "a new record comes in order of name"
        );
        let json = serde_json::to_string(&roster).unwrap();
        assert_eq!(json, serde_json::to_string(&map).unwrap());
        let back: Roster<i32> = serde_json::from_str(r#"{"b":1,"a":2}"#).unwrap();
        assert_eq!(back.keys().collect::<Vec<_>>(), ["a", "b"]);
    }
}
