//! The walker as a serde serializer: every value of the level passes through here, texts
//! and numbers checked, lists, maps and structs entered under their place; nothing is kept.

use std::fmt;

use serde::ser::{self, Serialize};

use super::super::{MAX_NUMBER, MAX_TEXT};
use super::{Step, Walker};

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
