//! The result code: one line of printable text a student can paste into a chat, carrying the
//! same summary as the report. Readable on purpose: `SCORED1~level~seed~persona~…~checksum`.
//! A named player's code is `SCORED2~…~name~checksum`: the same parts and the name; codes
//! without a name are still written (and read) as `SCORED1`.

mod pasted;

use super::Summary;
use super::handin::{MAX_FIELD, clean_name, untrusted};

pub use pasted::codes_in;

pub(super) const PREFIX: &str = "SCORED1";
pub(super) const PREFIX2: &str = "SCORED2";

/// Letters, digits, `_` and `-` pass; anything else becomes `%XX`.
fn escape(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn unescape(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// FNV-1a, four hex digits: enough to catch a mistyped code.
fn checksum(s: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{:04x}", h & 0xffff)
}

pub fn encode(s: &Summary) -> String {
    let (drift, before, after) = match &s.drift {
        Some((k, b, a)) => (escape(k), *b, *a),
        None => (String::new(), 0, 0),
    };
    let mut parts = vec![
        if s.name.is_some() { PREFIX2 } else { PREFIX }.to_string(),
        escape(&s.level),
        s.seed.to_string(),
        escape(&s.persona),
        escape(&s.ending),
        s.score.to_string(),
        s.integrity.to_string(),
        s.money.to_string(),
        s.conflicted.to_string(),
        s.obeyed.to_string(),
        s.censored.to_string(),
        s.reports.to_string(),
        s.dropped.to_string(),
        drift,
        before.to_string(),
        after.to_string(),
    ];
    if let Some(name) = &s.name {
        parts.push(escape(name));
    }
    let body = parts.join("~");
    let check = checksum(&body);
    format!("{body}~{check}")
}

/// Numbers a code may carry, either way; anything larger is a forgery or a typo.
const MAX_NUMBER: i64 = 1_000_000_000_000;

/// Reads a code back; `Err` says what is wrong with it. Text is cleaned and numbers are
/// bounded: anyone can forge a code.
pub fn decode(code: &str) -> Result<Summary, String> {
    let code = code.trim();
    let (body, check) = code.rsplit_once('~').ok_or("not a Scored result code")?;
    let named = body.starts_with(&format!("{PREFIX2}~"));
    if !named && !body.starts_with(&format!("{PREFIX}~")) {
        return Err("not a Scored result code (it should start with SCORED1~ or SCORED2~)".into());
    }
    if checksum(body) != check {
        return Err("the code is damaged or mistyped (its checksum does not match)".into());
    }
    let f: Vec<&str> = body.split('~').collect();
    let parts = if named { 17 } else { 16 };
    if f.len() != parts {
        return Err(format!("the code has {} parts, not {parts}", f.len()));
    }
    let num = |i: usize, lo: i64, hi: i64| -> Result<i64, String> {
        let n = f[i]
            .parse::<i64>()
            .map_err(|_| format!("part {i} is not a number"))?;
        if n < lo || n > hi {
            return Err(format!("part {i} ({n}) is out of range"));
        }
        Ok(n)
    };
    let text = |i: usize| -> Result<String, String> {
        let t = unescape(f[i]).ok_or(format!("part {i} is garbled"))?;
        Ok(untrusted(&t, MAX_FIELD))
    };
    let small = |i: usize| -> Result<i32, String> {
        num(i, -i64::from(i32::MAX), i64::from(i32::MAX)).map(|n| n as i32)
    };
    let count = |i: usize| -> Result<u32, String> { num(i, 0, 1_000_000).map(|n| n as u32) };
    let drift = if f[13].is_empty() {
        None
    } else {
        Some((text(13)?, small(14)?, small(15)?))
    };
    let (conflicted, obeyed) = (count(8)?, count(9)?);
    if obeyed > conflicted {
        return Err(format!(
            "the code says {obeyed} of {conflicted} decisions: more than there were"
        ));
    }
    let name = if named {
        let raw = unescape(f[16]).ok_or("part 16 is garbled")?;
        Some(clean_name(&raw).ok_or("the name in the code is empty")?)
    } else {
        None
    };
    Ok(Summary {
        level: text(1)?,
        seed: f[2]
            .parse()
            .map_err(|_| "the seed is not a number".to_string())?,
        persona: text(3)?,
        ending: text(4)?,
        score: small(5)?,
        integrity: num(6, 0, 100)? as i32,
        money: num(7, -MAX_NUMBER, MAX_NUMBER)?,
        conflicted,
        obeyed,
        censored: count(10)?,
        reports: count(11)?,
        dropped: count(12)?,
        drift,
        name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(name: Option<&str>) -> Summary {
        Summary {
            level: "mandatory".into(),
            seed: 2026,
            persona: "lin_wei".into(),
            ending: "ordinary".into(),
            score: 577,
            integrity: 63,
            money: 643,
            conflicted: 4,
            obeyed: 1,
            censored: 0,
            reports: 1,
            dropped: 1,
            drift: Some(("spent on family".into(), 83, 0)),
            name: name.map(String::from),
        }
    }

    #[test]
    fn an_old_code_still_decodes_and_a_named_one_carries_the_name() {
        let old = "SCORED1~mandatory~42~lin_wei~ordinary~577~63~643~1~0~0~1~1~spent%20on%20family~83~0~0740";
        let s = decode(old).unwrap();
        assert_eq!((s.seed, s.name), (42, None));
        assert!(encode(&summary(None)).starts_with("SCORED1~"));
        let named = encode(&summary(Some("Li Wei")));
        assert!(named.starts_with("SCORED2~"), "{named}");
        assert_eq!(decode(&named).unwrap(), summary(Some("Li Wei")));
    }

    #[test]
    fn codes_are_found_in_backticks_quotes_after_punctuation_and_wrapped() {
        let code = encode(&summary(Some("Ana")));
        let (a, b) = code.split_at(30);
        let text =
            format!("Ana: `{code}`\n\"{code}\".\nhere it is: {code}.\n{a}\n  {b}\nhello teacher\n");
        let (found, without) = codes_in(&text);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found.iter().all(|(_, r)| r.is_ok()), "{found:?}");
        assert_eq!(found[3].0, 4);
        assert_eq!(without, 1);
    }

    #[test]
    fn forged_numbers_and_text_are_refused_or_cleaned() {
        let mut s = summary(None);
        s.obeyed = 9;
        assert!(
            decode(&encode(&s))
                .unwrap_err()
                .contains("more than there were")
        );
        let mut s = summary(None);
        s.integrity = 1000;
        assert!(decode(&encode(&s)).unwrap_err().contains("out of range"));
        let mut s = summary(None);
        s.ending = "\u{1b}[2Jevil`".into();
        assert_eq!(decode(&encode(&s)).unwrap().ending, "[2Jevil'");
    }
}
