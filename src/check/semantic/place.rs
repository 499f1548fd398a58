//! Where in the source a problem is: byte offsets of sections, entities, fields and values,
//! found only while problems are still kept.

use super::Checker;
use crate::check::locate;

impl Checker<'_> {
    /// Byte offset of a top-level section of the file.
    pub(super) fn section(&self, name: &str) -> usize {
        if self.full() {
            return 0;
        }
        top_field(self.src, name)
            .or_else(|| locate::field(self.src, name, 0))
            .unwrap_or(0)
    }

    /// Byte offset of an entity (by id) inside a section.
    pub(super) fn entity(&self, section: &str, id: &str) -> usize {
        let base = self.section(section);
        if self.full() {
            return base;
        }
        locate::id(self.src, id, base, 0).unwrap_or(base)
    }

    /// Byte offset of `value` in quotes inside an entity, else of the entity.
    pub(super) fn value(&self, section: &str, id: &str, value: &str) -> (usize, usize) {
        let base = self.entity(section, id);
        if self.full() {
            return (base, 1);
        }
        match locate::quoted(self.src, value, base) {
            Some(o) => (o, value.chars().count() + 2),
            None => (base, id.chars().count() + 2),
        }
    }

    /// Byte offset of a field inside an entity.
    pub(super) fn field(&self, section: &str, id: &str, field: &str) -> (usize, usize) {
        let base = if id.is_empty() {
            self.section(section)
        } else {
            self.entity(section, id)
        };
        if self.full() {
            return (base, 1);
        }
        match locate::field(self.src, field, base) {
            Some(o) => (o, field.len()),
            None => (base, 1),
        }
    }

    /// Byte offset of `act: NAME` inside an entity, else of its first `act:`.
    pub(super) fn act_field(&self, place: (&str, &str), name: &str) -> (usize, usize) {
        let first = self.field(place.0, place.1, "act");
        if self.full() {
            return first;
        }
        let mut from = first.0;
        while let Some(o) = locate::field(self.src, "act", from) {
            let value = self.src[o + 3..].trim_start_matches([' ', ':']);
            if value.starts_with(name) {
                return (o, 3);
            }
            from = o + 3;
        }
        first
    }
}

/// Byte offset of a field at the top level of the file (nesting depth 1).
fn top_field(src: &str, name: &str) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut depth = 0i32;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ if depth == 1 && src[i..].starts_with(name) => {
                let before_ok =
                    i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
                let after = src[i + name.len()..].trim_start();
                if before_ok && after.starts_with(':') {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}
