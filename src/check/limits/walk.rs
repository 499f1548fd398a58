//! A walk over every text, list and number of a level, done by serialising it into a
//! serializer that keeps nothing but the path it is at: it sees every field the `Level`
//! types have, yet allocates only to name a problem.

use std::fmt;

use serde::ser::{self, Serialize};

use super::{MAX_LIST, MAX_NUMBER, MAX_TEXT};
use crate::check::safety::forbidden;

/// What a walk found: places look like `items.game.description`.
pub struct Walked {
    /// Values beyond a cap, as (place, message); the first ones only, then a count.
    pub beyond: Vec<(String, String)>,
    pub more_beyond: usize,
    /// Texts holding, once decoded, a character [`forbidden`] in text.
    pub unsafe_texts: Vec<(String, String)>,
    pub more_unsafe: usize,
}

/// Walks `value`, keeping at most `cap_beyond` values beyond a cap and `cap_unsafe` unsafe
/// texts; the others are only counted, so a hostile value costs no more than a fair one.
pub fn walk<T: Serialize + ?Sized>(value: &T, cap_beyond: usize, cap_unsafe: usize) -> Walked {
    let mut walker = Walker {
        cap_beyond,
        cap_unsafe,
        ..Walker::default()
    };
    // The walker itself never fails, and the level types always serialise.
    let _ = value.serialize(&mut walker);
    Walked {
        beyond: walker.found,
        more_beyond: walker.more_found,
        unsafe_texts: walker.unsafe_texts,
        more_unsafe: walker.more_unsafe,
    }
}

/// Every value beyond a cap, as (place, message).
#[cfg(test)]
pub fn problems<T: Serialize>(value: &T) -> Vec<(String, String)> {
    walk(value, usize::MAX, 0).beyond
}

#[derive(Default)]
struct Walker {
    path: Vec<Step>,
    found: Vec<(String, String)>,
    more_found: usize,
    cap_beyond: usize,
    unsafe_texts: Vec<(String, String)>,
    more_unsafe: usize,
    cap_unsafe: usize,
    /// A map key is being serialised: its text names the next step.
    key: Option<String>,
}

enum Step {
    Field(&'static str),
    Key(String),
    /// An entry of a list, named by its `id` once that field has been seen.
    Entry {
        index: usize,
        id: Option<String>,
    },
}

impl Walker {
    fn place(&self) -> String {
        let names: Vec<String> = self
            .path
            .iter()
            .map(|s| match s {
                Step::Field(f) => f.to_string(),
                Step::Key(k) => k.clone(),
                Step::Entry { id: Some(id), .. } => id.clone(),
                Step::Entry { index, .. } => index.to_string(),
            })
            .collect();
        names.join(".")
    }

    fn problem(&mut self, message: String) {
        if self.found.len() >= self.cap_beyond {
            self.more_found += 1;
            return;
        }
        let place = self.place();
        self.found.push((place, message));
    }

    /// A text, decoded: the first character in it that text may not hold, if any.
    fn text(&mut self, v: &str) {
        let bad = |c: &char| forbidden(*c).is_some();
        let Some(c) = v.chars().find(bad) else {
            return;
        };
        if self.unsafe_texts.len() >= self.cap_unsafe {
            self.more_unsafe += 1;
            return;
        }
        let why = forbidden(c).unwrap_or_default();
        let place = self.place();
        let message = format!("a text holds {why}, U+{:04X}, once decoded", c as u32);
        self.unsafe_texts.push((place, message));
    }

    fn list(&mut self, len: Option<usize>, what: &str) {
        if let Some(n) = len.filter(|n| *n > MAX_LIST) {
            self.problem(format!("{what}{n} entries; at most {MAX_LIST}"));
        }
    }

    fn number(&mut self, n: i128) {
        if n.unsigned_abs() > MAX_NUMBER as u128 {
            self.problem(format!("the number {n} is beyond ±{MAX_NUMBER}"));
        }
    }

    fn entry<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let index = match self.path.last() {
            Some(Step::Entry { index, .. }) => index + 1,
            _ => 0,
        };
        if index > 0 {
            self.path.pop();
        }
        self.path.push(Step::Entry { index, id: None });
        value.serialize(&mut *self)
    }

    /// Leaves a list: drops the step of its last entry, if it had any.
    fn end_list(&mut self) {
        if matches!(self.path.last(), Some(Step::Entry { .. })) {
            self.path.pop();
        }
    }

    fn within<T: Serialize + ?Sized>(&mut self, step: Step, value: &T) -> Result<(), Stop> {
        self.path.push(step);
        let done = value.serialize(&mut *self);
        self.path.pop();
        done
    }
}

/// Never raised by the walker; serde needs an error type.
#[derive(Debug)]
pub struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stopped")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl ser::Serializer for &mut Walker {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, _: bool) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Stop> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Stop> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Stop> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Stop> {
        self.number(v.into());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Stop> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Stop> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Stop> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Stop> {
        self.number(v.into());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Stop> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Stop> {
        if v.is_nan() || v.abs() > MAX_NUMBER as f64 {
            self.problem(format!("the number {v} is beyond ±{MAX_NUMBER}"));
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Stop> {
        self.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        self.text(v);
        if let Some(key) = self.key.as_mut() {
            key.push_str(v);
            return Ok(());
        }
        // An entity's `id` names its entry in the list it stands in.
        if let [.., Step::Entry { id: id @ None, .. }, Step::Field("id")] = &mut self.path[..] {
            *id = Some(v.to_string());
        }
        if v.len() > MAX_TEXT && v.chars().count() > MAX_TEXT {
            let n = v.chars().count();
            self.problem(format!("a text of {n} characters; at most {MAX_TEXT}"));
        }
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Stop> {
        self.list(Some(v.len()), "a list of ");
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.within(Step::Field(variant), value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Stop> {
        self.list(len, "a list of ");
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Stop> {
        self.path.push(Step::Field(variant));
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, Stop> {
        self.list(len, "");
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Stop> {
        self.path.push(Step::Field(variant));
        Ok(self)
    }
}

/// Lists, tuples and tuple structs alike: each element is an entry of the list.
macro_rules! entries {
    ($($kind:ident :: $method:ident),*) => {$(
        impl ser::$kind for &mut Walker {
            type Ok = ();
            type Error = Stop;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
                self.entry(value)
            }
            fn end(self) -> Result<(), Stop> {
                self.end_list();
                Ok(())
            }
        }
    )*};
}

entries!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeTupleVariant for &mut Walker {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.entry(value)
    }
    fn end(self) -> Result<(), Stop> {
        self.end_list();
        self.path.pop();
        Ok(())
    }
}

impl ser::SerializeMap for &mut Walker {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        self.key = Some(String::new());
        let done = key.serialize(&mut **self);
        let key = self.key.take().unwrap_or_default();
        self.path.push(Step::Key(key));
        done
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let done = value.serialize(&mut **self);
        self.path.pop();
        done
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Walker {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.within(Step::Field(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Walker {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.within(Step::Field(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        self.path.pop();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_LIST, MAX_NUMBER, MAX_TEXT, problems};
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Thing {
        id: String,
        text: String,
        n: i64,
    }

    #[derive(Serialize)]
    enum Shape {
        Big { size: u64 },
        Many(Vec<i32>),
    }

    #[derive(Serialize)]
    struct Top {
        things: Vec<Thing>,
        names: Vec<String>,
        map: BTreeMap<String, i64>,
        shapes: Vec<Shape>,
    }

    #[test]
    fn names_each_problem_by_its_path_and_ids() {
        let top = Top {
            things: vec![
                Thing {
                    id: "a".into(),
                    text: "ok".into(),
                    n: 1,
                },
                Thing {
                    id: "b".into(),
                    text: "é".repeat(MAX_TEXT + 1),
                    n: -(MAX_NUMBER + 1),
                },
            ],
            names: vec!["x".into(); MAX_LIST + 1],
            map: BTreeMap::from([("k".to_string(), MAX_NUMBER + 5)]),
            shapes: vec![Shape::Many(vec![1]), Shape::Big { size: u64::MAX }],
        };
        let places: Vec<String> = problems(&top).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            places,
            [
                "things.b.text",
                "things.b.n",
                "names",
                "map.k",
                "shapes.1.Big.size"
            ]
        );
        let messages: Vec<String> = problems(&top).into_iter().map(|(_, m)| m).collect();
        assert_eq!(messages[0], "a text of 4001 characters; at most 4000");
        assert_eq!(messages[2], "a list of 501 entries; at most 500");
        assert_eq!(
            messages[4],
            "the number 18446744073709551615 is beyond ±1000000000"
        );
    }

    #[test]
    fn a_text_at_the_cap_passes() {
        let t = Thing {
            id: "a".into(),
            text: "é".repeat(MAX_TEXT),
            n: MAX_NUMBER,
        };
        assert!(problems(&t).is_empty());
    }
}
