//! The SSH side of the class server: a password (or, on loopback, none), one interactive
//! session per connection running the student's game, nothing else. No shell, no exec, no
//! subsystems, no forwarding of any kind.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::server::{Auth, Msg, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet};
use sha2::{Digest, Sha256};

use super::game::{self, Controls, Launch};
use super::roster::Roster;

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

pub(super) fn peer_text(peer: Option<SocketAddr>) -> String {
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
            super::session::play(shared, handle, channel, &user, peer, &term, size, slot).await;
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
