//! The result code: one line of printable text a student can paste into a chat, carrying the
//! same summary as the report. Readable on purpose: `SCORED1~level~seed~persona~…~checksum`.

use super::Summary;

const PREFIX: &str = "SCORED1";

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
    let body = [
        PREFIX.to_string(),
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
    ]
    .join("~");
    let check = checksum(&body);
    format!("{body}~{check}")
}

/// Reads a code back; `Err` says what is wrong with it.
pub fn decode(code: &str) -> Result<Summary, String> {
    let code = code.trim();
    let (body, check) = code.rsplit_once('~').ok_or("not a Scored result code")?;
    if !body.starts_with(PREFIX) {
        return Err("not a Scored result code (it should start with SCORED1~)".into());
    }
    if checksum(body) != check {
        return Err("the code is damaged or mistyped (its checksum does not match)".into());
    }
    let f: Vec<&str> = body.split('~').collect();
    if f.len() != 16 {
        return Err(format!("the code has {} parts, not 16", f.len()));
    }
    let num = |i: usize| -> Result<i64, String> {
        f[i].parse::<i64>()
            .map_err(|_| format!("part {i} is not a number"))
    };
    let text = |i: usize| -> Result<String, String> {
        unescape(f[i]).ok_or(format!("part {i} is garbled"))
    };
    let drift = if f[13].is_empty() {
        None
    } else {
        Some((text(13)?, num(14)? as i32, num(15)? as i32))
    };
    Ok(Summary {
        level: text(1)?,
        seed: f[2]
            .parse()
            .map_err(|_| "the seed is not a number".to_string())?,
        persona: text(3)?,
        ending: text(4)?,
        score: num(5)? as i32,
        integrity: num(6)? as i32,
        money: num(7)?,
        conflicted: num(8)? as u32,
        obeyed: num(9)? as u32,
        censored: num(10)? as u32,
        reports: num(11)? as u32,
        dropped: num(12)? as u32,
        drift,
    })
}
