//! Who is connected to the class server, shared by the SSH sessions and the dashboard; and
//! what the server has done, as lines for the teacher.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::watch;

/// One student playing now.
#[derive(Debug, Clone)]
pub struct Seat {
    pub peer: Option<SocketAddr>,
    pub since: Instant,
    /// Which connection holds the seat: a reconnection takes it over.
    pub ticket: u64,
    /// Set to `true` to end this session's game (a takeover, the server stopping).
    pub stop: watch::Sender<bool>,
}

#[derive(Debug, Default)]
struct Inner {
    seats: BTreeMap<String, Seat>,
    next_ticket: u64,
    log: Vec<(Instant, String)>,
    /// Sessions refused: shown on the dashboard.
    refused: u32,
    /// Also write each log line to standard error (no dashboard).
    echo: bool,
}

/// The shared roster. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    inner: Arc<Mutex<Inner>>,
    started: Option<Instant>,
}

/// The outcome of asking for a seat.
pub enum Taken {
    /// The seat, and the stop signal of a session it took over (to wait for its end).
    Seat {
        ticket: u64,
        stop: watch::Receiver<bool>,
        took_over: Option<watch::Sender<bool>>,
    },
    Full,
}

/// Log lines kept for the dashboard.
const LOG_LINES: usize = 200;

impl Roster {
    /// `echo`: also write each log line to standard error (when there is no dashboard).
    pub fn new(echo: bool) -> Roster {
        let inner = Inner {
            echo,
            ..Inner::default()
        };
        Roster {
            inner: Arc::new(Mutex::new(inner)),
            started: Some(Instant::now()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A seat for `name`, unless `max` others are playing. A seat of the same name is taken
    /// over: its game is told to stop (the student reconnected from another window or
    /// machine).
    pub fn take(&self, name: &str, peer: Option<SocketAddr>, max: usize) -> Taken {
        let mut inner = self.lock();
        let others = inner.seats.keys().filter(|n| *n != name).count();
        if others >= max {
            inner.refused += 1;
            return Taken::Full;
        }
        inner.next_ticket += 1;
        let ticket = inner.next_ticket;
        let (stop, stopped) = watch::channel(false);
        let old = inner.seats.insert(
            name.to_string(),
            Seat {
                peer,
                since: Instant::now(),
                ticket,
                stop,
            },
        );
        Taken::Seat {
            ticket,
            stop: stopped,
            took_over: old.map(|s| s.stop),
        }
    }

    /// Gives the seat back, if this connection still holds it.
    pub fn leave(&self, name: &str, ticket: u64) {
        let mut inner = self.lock();
        if inner.seats.get(name).is_some_and(|s| s.ticket == ticket) {
            inner.seats.remove(name);
        }
    }

    /// Tells every game to stop (the server is stopping).
    pub fn stop_all(&self) {
        for seat in self.lock().seats.values() {
            let _ = seat.stop.send(true);
        }
    }

    /// Who is playing now, by name.
    pub fn seats(&self) -> BTreeMap<String, Seat> {
        self.lock().seats.clone()
    }

    pub fn refused(&self) -> u32 {
        self.lock().refused
    }

    pub fn count_refusal(&self) {
        self.lock().refused += 1;
    }

    /// Notes what happened, for the dashboard (and on standard error without one).
    pub fn log(&self, line: String) {
        let mut inner = self.lock();
        if inner.echo {
            eprintln!("scored serve: {line}");
        }
        inner.log.push((Instant::now(), line));
        let excess = inner.log.len().saturating_sub(LOG_LINES);
        inner.log.drain(..excess);
    }

    /// The last `n` log lines, with how long ago each was.
    pub fn recent(&self, n: usize) -> Vec<(Duration, String)> {
        let inner = self.lock();
        inner
            .log
            .iter()
            .rev()
            .take(n)
            .map(|(t, l)| (t.elapsed(), l.clone()))
            .collect()
    }

    pub fn uptime(&self) -> Duration {
        self.started.map_or(Duration::ZERO, |s| s.elapsed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seats_are_limited_and_the_same_name_takes_its_seat_over() {
        let roster = Roster::new(false);
        let Taken::Seat { ticket: a, .. } = roster.take("anna", None, 2) else {
            panic!("a free seat")
        };
        assert!(matches!(roster.take("ben", None, 2), Taken::Seat { .. }));
        assert!(matches!(roster.take("chen", None, 2), Taken::Full));
        assert_eq!(roster.refused(), 1);
        // anna again: not a third student, a takeover, and the first game is told to stop.
        let Taken::Seat {
            ticket: b,
            took_over: Some(old),
            ..
        } = roster.take("anna", None, 2)
        else {
            panic!("anna takes her seat over")
        };
        assert!(old.send(true).is_ok() || old.is_closed());
        // The old connection leaving does not free the new one's seat.
        roster.leave("anna", a);
        assert!(roster.seats().contains_key("anna"));
        roster.leave("anna", b);
        assert!(!roster.seats().contains_key("anna"));
        assert!(matches!(roster.take("chen", None, 2), Taken::Seat { .. }));
    }

    #[test]
    fn stopping_tells_every_game() {
        let roster = Roster::new(false);
        let Taken::Seat { stop, .. } = roster.take("anna", None, 40) else {
            panic!()
        };
        roster.stop_all();
        assert!(*stop.borrow());
    }
}
