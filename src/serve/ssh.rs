//! The SSH side of the class server: a password (or, on loopback, none), one interactive
//! session per connection running the student's game, nothing else. No shell, no exec, no
//! subsystems, no forwarding of any kind.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::server::{Auth, Handle, Msg, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet};
use sha2::{Digest, Sha256};

use super::game::{self, Controls, Launch};
use super::roster::{Roster, Taken};

/// The limits a teacher can set.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Students playing at once.
    pub sessions: usize,
    /// A game with no key pressed for this long is stopped (its last save stands).
    pub idle: Duration,
    /// Bytes a second of game output per student.
    pub output_rate: u32,
}

/// What every connection shares.
pub struct Shared {
    pub launch: Launch,
    pub password: Option<String>,
    pub limits: Limits,
    pub roster: Roster,
    /// Connections open now, logged in or not.
    pub connections: AtomicUsize,
}

impl Shared {
    pub fn methods(&self) -> MethodSet {
        let kinds: &[MethodKind] = if self.password.is_some() {
            &[MethodKind::Password]
        } else {
            &[MethodKind::None, MethodKind::Password]
        };
        MethodSet::from(kinds)
    }

    fn password_ok(&self, given: &str) -> bool {
        let Some(want) = &self.password else {
            return true;
        };
        // Compared as digests, in time that does not depend on where they differ.
        let (a, b) = (
            Sha256::digest(want.as_bytes()),
            Sha256::digest(given.as_bytes()),
        );
        a.iter().zip(b.iter()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
    }
}

/// One connection.
pub struct Student {
    shared: Arc<Shared>,
    peer: Option<SocketAddr>,
    /// More connections are open than a class needs: refuse to log in.
    over: bool,
    name: Option<String>,
    channel: Option<ChannelId>,
    term: String,
    size: (u16, u16),
    started: bool,
    /// The running game's controls, once it has started.
    controls: Arc<Mutex<Option<Arc<Controls>>>>,
}

impl Student {
    pub fn new(shared: Arc<Shared>, peer: Option<SocketAddr>) -> Student {
        let open = shared.connections.fetch_add(1, Ordering::SeqCst) + 1;
        // Logged-in students plus room for a few logging in at once.
        let over = open > shared.limits.sessions + 16;
        Student {
            shared,
            peer,
            over,
            name: None,
            channel: None,
            term: "xterm-256color".into(),
            size: (80, 24),
            started: false,
            controls: Arc::default(),
        }
    }

    fn controls(&self) -> Option<Arc<Controls>> {
        self.controls
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn login(&mut self, user: &str, password: &str) -> Auth {
        if self.over || !self.shared.password_ok(password) {
            if !self.over {
                self.shared.roster.log(format!(
                    "wrong password for `{}` from {}",
                    game::student_name(user).unwrap_or_default(),
                    peer_text(self.peer)
                ));
            }
            return Auth::reject();
        }
        self.name = Some(user.to_string());
        Auth::Accept
    }
}

impl Drop for Student {
    fn drop(&mut self) {
        self.shared.connections.fetch_sub(1, Ordering::SeqCst);
        // The connection is gone: so is the student's terminal.
        if let Some(c) = self.controls() {
            c.hang_up();
        }
    }
}

fn peer_text(peer: Option<SocketAddr>) -> String {
    peer.map_or("?".into(), |p| p.ip().to_string())
}

impl russh::server::Handler for Student {
    type Error = anyhow::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        if self.shared.password.is_some() {
            return Ok(Auth::reject());
        }
        Ok(self.login(user, ""))
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        Ok(self.login(user, password))
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() {
            // One game per connection.
            reply
                .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        self.channel = Some(channel.id());
        reply.accept().await;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        cols: u32,
        rows: u32,
        _: u32,
        _: u32,
        _: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.term = game::term(term);
        self.size = (clamp(cols), clamp(rows));
        session.channel_success(channel)?;
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _: ChannelId,
        cols: u32,
        rows: u32,
        _: u32,
        _: u32,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = (clamp(cols), clamp(rows));
        if let Some(c) = self.controls() {
            c.resize(self.size.0, self.size.1);
        }
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.started || Some(channel) != self.channel {
            session.channel_failure(channel)?;
            return Ok(());
        }
        self.started = true;
        session.channel_success(channel)?;
        let handle = session.handle();
        let shared = self.shared.clone();
        let slot = self.controls.clone();
        let (user, peer) = (self.name.clone().unwrap_or_default(), self.peer);
        let (term, size) = (self.term.clone(), self.size);
        tokio::spawn(async move {
            play(shared, handle, channel, &user, peer, &term, size, slot).await;
        });
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        refuse(
            channel,
            session,
            "this server runs the game only: no commands",
        )
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        refuse(
            channel,
            session,
            "this server runs the game only: no file transfer",
        )
    }

    async fn data(
        &mut self,
        _: ChannelId,
        data: &[u8],
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(c) = self.controls() {
            c.keys(data);
        }
        Ok(())
    }

    async fn channel_eof(&mut self, _: ChannelId, _: &mut Session) -> Result<(), Self::Error> {
        if let Some(c) = self.controls() {
            c.hang_up();
        }
        Ok(())
    }

    async fn channel_close(&mut self, _: ChannelId, _: &mut Session) -> Result<(), Self::Error> {
        if let Some(c) = self.controls() {
            c.hang_up();
        }
        Ok(())
    }
}

fn clamp(n: u32) -> u16 {
    u16::try_from(n.clamp(1, 500)).unwrap_or(80)
}

fn refuse(channel: ChannelId, session: &mut Session, why: &str) -> Result<(), anyhow::Error> {
    let _ = session.extended_data(channel, 1, format!("scored: {why}\r\n").into_bytes());
    session.channel_failure(channel)?;
    session.close(channel)?;
    Ok(())
}

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
async fn play(
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
