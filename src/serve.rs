//! `scored serve`: a class in one command. An SSH server whose every session is a student's
//! game (this binary, in its own process under a pseudo-terminal), saving into the class
//! folder, with the teacher's dashboard on the server's own terminal.
//!
//! The async runtime the SSH crate needs lives here and in `serve/ssh.rs` only; each game stays
//! the ordinary synchronous program.

pub mod dashboard;
pub mod game;
pub mod hostkey;
pub mod roster;
mod session;
pub mod ssh;
pub mod watch;

use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::launch;
use crate::levels::{self, Shelf};
use game::Launch;
use roster::Roster;
use ssh::{Limits, Shared, Student};

/// What the teacher asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub level: String,
    pub seed: u64,
    pub persona: Option<String>,
    pub port: u16,
    pub bind: IpAddr,
    pub class: PathBuf,
    pub password: Option<String>,
    pub limits: Limits,
    /// Log lines on standard error instead of the dashboard (also without a terminal).
    pub no_dashboard: bool,
}

struct Server(Arc<Shared>);

impl russh::server::Server for Server {
    type Handler = Student;
    fn new_client(&mut self, peer: Option<SocketAddr>) -> Student {
        Student::new(self.0.clone(), peer)
    }
}

/// The level argument each game is started with: an absolute path, or `built-in:ID`.
fn level_for_games(shelf: &Shelf, level: &str) -> Result<(String, Arc<crate::game::Level>)> {
    let loaded = launch::load_level(shelf, level)?;
    let path = launch::level_path(shelf, level)?;
    let arg = match levels::built_in_id(&path) {
        Some(_) => path.display().to_string(),
        None => std::fs::canonicalize(&path)
            .with_context(|| format!("finding {}", path.display()))?
            .display()
            .to_string(),
    };
    Ok((arg, loaded))
}

pub fn run(shelf: &Shelf, opts: Options) -> Result<()> {
    if opts.password.is_none() && !opts.bind.is_loopback() {
        bail!(
            "a class password is required when students connect over the network: \
             --password WORD (or --bind 127.0.0.1 to try it on this computer alone)"
        );
    }
    let (level, loaded) = level_for_games(shelf, &opts.level)?;
    let level_id = loaded.id.clone();
    launch::check_persona(&loaded, opts.persona.as_deref())?;
    std::fs::create_dir_all(&opts.class)
        .with_context(|| format!("making the class folder {}", opts.class.display()))?;
    let class = std::fs::canonicalize(&opts.class)?;
    let key = hostkey::load_or_make(&class)?;
    let fingerprint = hostkey::fingerprint(&key);
    let exe = std::env::current_exe().context("finding this program to start games")?;
    let dashboard = !opts.no_dashboard && std::io::stdout().is_terminal();
    let roster = Roster::new(!dashboard);
    let shared = Arc::new(Shared {
        launch: Launch {
            exe,
            level,
            level_id: level_id.clone(),
            seed: opts.seed,
            persona: opts.persona.clone(),
            class: class.clone(),
        },
        password: opts.password.clone(),
        limits: opts.limits.clone(),
        roster: roster.clone(),
        connections: AtomicUsize::new(0),
    });
    let config = Arc::new(russh::server::Config {
        methods: shared.methods(),
        keys: vec![key],
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 3,
        // A client that vanished without closing is noticed within a minute.
        keepalive_interval: Some(Duration::from_secs(15)),
        keepalive_max: 3,
        inactivity_timeout: Some(opts.limits.idle + Duration::from_secs(60)),
        nodelay: true,
        ..Default::default()
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind((opts.bind, opts.port)))
        .with_context(|| {
            format!(
                "listening on {}:{} (is another server using the port? try --port)",
                opts.bind, opts.port
            )
        })?;
    let local = listener.local_addr()?;
    let banner = Banner {
        level: level_id,
        seed: opts.seed,
        class: class.clone(),
        addr: local,
        fingerprint,
        password: opts.password.is_some(),
    };
    // Said before anything else: a test or a teacher's script reads the port from it.
    eprintln!("{}", banner.text());
    let shared2 = shared.clone();
    runtime.spawn(async move {
        use russh::server::Server as _;
        let mut server = Server(shared2);
        if let Err(e) = server.run_on_socket(config, &listener).await {
            eprintln!("scored serve: the server stopped: {e}");
        }
    });
    if dashboard {
        dashboard::run(&roster, &banner, loaded)?;
    } else {
        wait_for_a_signal();
    }
    stop(&roster, &runtime);
    runtime.shutdown_timeout(Duration::from_secs(2));
    if !dashboard {
        eprintln!(
            "scored serve: stopped; saves and reports are in {}",
            class.display()
        );
    }
    Ok(())
}

/// What the teacher and the dashboard show of the server.
#[derive(Debug, Clone)]
pub struct Banner {
    pub level: String,
    pub seed: u64,
    pub class: PathBuf,
    pub addr: SocketAddr,
    pub fingerprint: String,
    pub password: bool,
}

impl Banner {
    /// What students type (with this computer's address in place of HOST when listening on
    /// every address).
    pub fn how_to_join(&self) -> String {
        let host = if self.addr.ip().is_unspecified() {
            "THIS-COMPUTER".to_string()
        } else {
            self.addr.ip().to_string()
        };
        format!(
            "ssh -p {} NAME@{host}{}",
            self.addr.port(),
            if self.password {
                " (then the class password)"
            } else {
                ""
            }
        )
    }

    /// How students connect, said once at the start.
    pub fn text(&self) -> String {
        format!(
            "scored serve: level `{}`, seed {}, class folder {}\n\
             scored serve: listening on {}\n\
             scored serve: students type: {}\n\
             scored serve: host key {}",
            self.level,
            self.seed,
            self.class.display(),
            self.addr,
            self.how_to_join(),
            self.fingerprint
        )
    }
}

fn wait_for_a_signal() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) {
        let _ = signals.forever().next();
    }
}

/// Ends every game (each keeps its last save) and waits a little for them to go.
fn stop(roster: &Roster, runtime: &tokio::runtime::Runtime) {
    roster.stop_all();
    let until = Instant::now() + Duration::from_secs(8);
    runtime.block_on(async {
        while !roster.seats().is_empty() && Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
}
