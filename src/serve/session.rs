//! One student's session once logged in: a seat in the class, the game started (or resumed),
//! its output paced to the client, and its end: the report when the level is over.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::ChannelId;
use russh::server::Handle;

use super::game::{self, Controls};
use super::roster::Taken;
use super::ssh::{Shared, peer_text};

/// Says `text` to the student and ends the session.
async fn say_and_close(handle: &Handle, channel: ChannelId, text: &str, status: u32) {
    let _ = handle
        .data(channel, format!("{text}\r\n").into_bytes())
        .await;
    let _ = handle.exit_status_request(channel, status).await;
    let _ = handle.eof(channel).await;
    let _ = handle.close(channel).await;
}

/// The whole of one student's session: a seat, the game, its output paced, its end.
#[allow(clippy::too_many_arguments)]
pub async fn play(
    shared: Arc<Shared>,
    handle: Handle,
    channel: ChannelId,
    user: &str,
    peer: Option<SocketAddr>,
    term: &str,
    (cols, rows): (u16, u16),
    slot: Arc<Mutex<Option<Arc<Controls>>>>,
) {
    let roster = &shared.roster;
    let Some(name) = game::student_name(user) else {
        roster.count_refusal();
        let text = "scored: your SSH user name becomes your name in the class report; use \
                    letters and digits, e.g. ssh -p PORT anna@HOST";
        return say_and_close(&handle, channel, text, 1).await;
    };
    let (ticket, mut stop, took_over) = match roster.take(&name, peer, shared.limits.sessions) {
        Taken::Full => {
            roster.log(format!("`{name}` refused: the class is full"));
            let text = format!(
                "scored: the class is full ({} playing); ask your teacher",
                shared.limits.sessions
            );
            return say_and_close(&handle, channel, &text, 1).await;
        }
        Taken::Seat {
            ticket,
            stop,
            took_over,
        } => (ticket, stop, took_over),
    };
    if let Some(old) = took_over {
        // The same name again: the other window's game ends first, then this one resumes it.
        let _ = old.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(10), old.closed()).await;
        roster.log(format!("`{name}` reconnected from {}", peer_text(peer)));
    }
    let launch = &shared.launch;
    let save = launch.save_path(&name);
    let resuming = save.exists();
    let started = match game::start(launch.command(&name, term), cols, rows) {
        Ok(s) => s,
        Err(e) => {
            roster.leave(&name, ticket);
            roster.log(format!("`{name}`: the game did not start: {e:#}"));
            return say_and_close(&handle, channel, &format!("scored: {e:#}"), 1).await;
        }
    };
    roster.log(format!(
        "`{name}` {} from {}",
        if resuming { "resumed" } else { "started" },
        peer_text(peer)
    ));
    let controls = started.controls.clone();
    *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(controls.clone());
    let mut output = started.output;
    let mut pace = Pace::new(shared.limits.output_rate);
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    let mut why_stopped: Option<&str> = None;
    let mut stopping = false;
    loop {
        tokio::select! {
            chunk = output.recv() => {
                let Some(chunk) = chunk else { break };
                pace.wait(chunk.len()).await;
                if handle.data(channel, chunk).await.is_err() {
                    // The client is gone.
                    controls.hang_up();
                    why_stopped.get_or_insert("the connection was lost");
                }
            }
            // Once told to stop, keep draining until the game has let go of its terminal.
            changed = stop.changed(), if !stopping => {
                if changed.is_err() || *stop.borrow() {
                    stopping = true;
                    controls.hang_up();
                    why_stopped.get_or_insert("stopped: reconnected elsewhere or the server stopped");
                }
            }
            _ = tick.tick() => {
                if controls.idle() > shared.limits.idle && why_stopped.is_none() {
                    controls.hang_up();
                    why_stopped = Some("idle for too long");
                }
            }
        }
    }
    let code = match tokio::time::timeout(Duration::from_secs(5), started.exited).await {
        Ok(Ok(code)) => code,
        _ => {
            controls.kill_hard();
            255
        }
    };
    *slot.lock().unwrap_or_else(|e| e.into_inner()) = None;
    let class = launch.class.clone();
    let (save2, name2) = (save.clone(), name.clone());
    let done = tokio::task::spawn_blocking(move || {
        (game::report_if_over(&save2, &class), game::progress(&save2))
    })
    .await
    .unwrap_or((None, None));
    let line = match &done {
        (Some((ending, files)), _) => format!(
            "`{name2}` finished: {ending}; report {}",
            files
                .iter()
                .find(|p| p.extension().is_some_and(|x| x == "json"))
                .map_or(String::new(), |p| p.display().to_string())
        ),
        (None, Some((day, _))) => format!(
            "`{name2}` left on day {day} ({})",
            why_stopped.unwrap_or("quit")
        ),
        (None, None) => format!("`{name2}` left before the first save (exit {code})"),
    };
    roster.log(line);
    roster.leave(&name, ticket);
    let farewell = match &done.0 {
        Some(_) => "Your report is in the class folder. Thank you for playing.",
        None => {
            "Your game is saved at the end of each day: connect again with the same name to go on."
        }
    };
    say_and_close(&handle, channel, &format!("\r\n{farewell}"), code).await;
}

/// Holds game output to a rate: a one-second burst, then `rate` bytes a second.
struct Pace {
    rate: f64,
    budget: f64,
    at: tokio::time::Instant,
}

impl Pace {
    fn new(rate: u32) -> Pace {
        Pace {
            rate: f64::from(rate.max(1024)),
            budget: f64::from(rate.max(1024)),
            at: tokio::time::Instant::now(),
        }
    }

    async fn wait(&mut self, bytes: usize) {
        let now = tokio::time::Instant::now();
        self.budget =
            (self.budget + now.duration_since(self.at).as_secs_f64() * self.rate).min(self.rate);
        self.at = now;
        self.budget -= bytes as f64;
        if self.budget < 0.0 {
            tokio::time::sleep(Duration::from_secs_f64(-self.budget / self.rate)).await;
        }
    }
}
