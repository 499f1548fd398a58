//! A set of names in order of name. To serde it is a list, exactly as a `BTreeSet` is, so
//! saves read and write as before; to the game it is one sorted `Vec` of the index's shared
//! `Arc<str>` ids, so that adding a name the level has copies no text.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::roster::by_name;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct IdSet(Vec<Arc<str>>);

/// A copy keeps the room the original has, so that a game begun from an opening whose sets
/// have room for every id of the level grows none of them.
impl Clone for IdSet {
    fn clone(&self) -> IdSet {
        let mut copy = Vec::with_capacity(self.0.capacity());
        copy.extend(self.0.iter().cloned());
        IdSet(copy)
    }
}

impl IdSet {
    /// Makes room for this many names in all.
    pub fn make_room(&mut self, names: usize) {
        self.0.reserve(names.saturating_sub(self.0.len()));
    }

    fn search(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|k| by_name(k, id))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.search(id).is_ok()
    }

    /// Adds the name; whether it was not there yet.
    pub fn insert(&mut self, id: &Arc<str>) -> bool {
        match self.search(id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id.clone());
                true
            }
        }
    }

    /// Takes the name out; whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.search(id) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|k| &**k)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// As collecting into a `BTreeSet`: in order of name, each name once.
impl<K: AsRef<str>> FromIterator<K> for IdSet {
    fn from_iter<I: IntoIterator<Item = K>>(names: I) -> Self {
        let mut all: Vec<Arc<str>> = names.into_iter().map(|k| Arc::from(k.as_ref())).collect();
        all.sort();
        all.dedup();
        IdSet(all)
    }
}

impl<'a> IntoIterator for &'a IdSet {
    type Item = &'a str;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Arc<str>>, fn(&Arc<str>) -> &str>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|k| &**k)
    }
}

impl Serialize for IdSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for IdSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<String>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::IdSet;
    use std::collections::BTreeSet;
    use std::sync::Arc;

    #[test]
    fn an_id_set_is_a_btreeset_of_names() {
        let names = ["mei", "jo", "an", "jo"];
        let set: IdSet = names.iter().collect();
        let mut model: BTreeSet<String> = names.iter().map(|n| n.to_string()).collect();
        assert!(set.iter().eq(model.iter().map(String::as_str)));
        let mut grown = set.clone();
        for (name, add) in [("bo", true), ("jo", true), ("an", false), ("zed", false)] {
            let changed = if add {
                grown.insert(&Arc::from(name))
            } else {
                grown.remove(name)
            };
            let model_changed = if add {
                model.insert(name.to_string())
            } else {
                model.remove(name)
            };
            assert_eq!(changed, model_changed, "{name}");
            assert!(grown.iter().eq(model.iter().map(String::as_str)));
        }
        assert!(grown.contains("bo") && !grown.contains("an"));
        assert_eq!(grown.len(), model.len());
        let json = serde_json::to_string(&grown).unwrap();
        assert_eq!(json, serde_json::to_string(&model).unwrap());
        let back: IdSet = serde_json::from_str(r#"["b","a","b"]"#).unwrap();
        assert_eq!(back.iter().collect::<Vec<_>>(), ["a", "b"]);
    }
}
