//! How the class's choices drifted once the score counted: the class's mean before and after.

use super::{Class, ClassEntry};

impl Class {
    /// Which shifts the students had (each student's largest three; a code carries only its
    /// largest), counted group by group: `spent on leisure fell: 14 of 30`.
    pub(super) fn drift(&self) -> Vec<(String, Vec<String>)> {
        /// One shift the class had: how many had it, for how many it was the largest, and
        /// the sums of their rates before and after.
        struct Had {
            what: String,
            n: usize,
            largest: usize,
            before: f64,
            after: f64,
        }
        let mut out = Vec::new();
        for (g, list) in self.groups() {
            // In the order first met (a stable sort later): never ranked by name.
            let mut had: Vec<Had> = Vec::new();
            let (mut none, mut codes) = (0, 0);
            for h in &list {
                if matches!(h.entry, ClassEntry::Code(_)) {
                    codes += 1;
                }
                let shifts = h.entry.shifts();
                if shifts.is_empty() {
                    none += 1;
                }
                for (i, (k, b, a)) in shifts.iter().enumerate() {
                    let what = format!("{k} {}", direction(*b, *a));
                    let at = match had.iter().position(|x| x.what == what) {
                        Some(at) => at,
                        None => {
                            had.push(Had {
                                what,
                                n: 0,
                                largest: 0,
                                before: 0.0,
                                after: 0.0,
                            });
                            had.len() - 1
                        }
                    };
                    let x = &mut had[at];
                    x.n += 1;
                    x.largest += usize::from(i == 0);
                    x.before += b;
                    x.after += a;
                }
            }
            had.sort_by_key(|x| (std::cmp::Reverse(x.n), std::cmp::Reverse(x.largest)));
            let of = list.len();
            let mut lines = vec![format!(
                "Shifts once the score switched on (each student's largest three), and how many of the {of} had each:"
            )];
            for x in had.iter().take(10) {
                let avg = |sum: f64| crate::present::debrief::rate(sum / x.n as f64);
                lines.push(format!(
                    "  {}: {} of {of} (the largest for {}); {} a day before, {} after, on average",
                    x.what,
                    x.n,
                    x.largest,
                    avg(x.before),
                    avg(x.after)
                ));
            }
            if had.len() > 10 {
                let more = had.len() - 10;
                lines.push(format!(
                    "  … and {more} more {}, each had by {} of {of} or fewer.",
                    if more == 1 { "shift" } else { "shifts" },
                    had[10].n
                ));
            }
            if had.is_empty() {
                lines.push(
                    "  Nobody had a shift to name (or the level has no days without a score)."
                        .into(),
                );
            } else if none > 0 {
                lines.push(format!(
                    "  No shift to name: {none} of {of} (nothing they did before the score happened often enough and changed)."
                ));
            }
            if codes > 0 {
                lines.push(format!(
                    "  {codes} handed in as result codes: a code carries only its largest shift."
                ));
            }
            out.push((format!("Drift in {}", g.label()), lines));
        }
        out
    }
}

/// Which way a shift went: `rose` or `fell` (`changed` when the rates shown are equal, as in
/// an old code rounded to tenths).
fn direction(before: f64, after: f64) -> &'static str {
    if after > before {
        "rose"
    } else if after < before {
        "fell"
    } else {
        "changed"
    }
}
