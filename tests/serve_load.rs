//! Many students at once on one `scored serve`: every session is a real OpenSSH client in a
//! pseudo-terminal that plays `mandatory` to its end in the full-screen game. Every report
//! must land. The server's own peak memory (VmHWM) and CPU time are read from its
//! /proc/PID/status and /proc/PID/stat just before it stops.
//!
//! In the suite: 4 sessions. The documented run (docs/performance.md), 30 sessions:
//!     SCORED_LOAD_SESSIONS=30 cargo test --release --test serve_load -- --ignored --nocapture

#[path = "support/ssh.rs"]
mod ssh;

use std::time::{Duration, Instant};

use ssh::{Client, Server, have_ssh, reports};

const PASSWORD: &str = "lantern";

/// What /proc says of a process: peak resident memory (kB), CPU seconds of its own and of
/// its waited-for children (the games).
#[derive(Debug)]
struct Usage {
    vm_hwm_kb: u64,
    cpu_s: f64,
    children_cpu_s: f64,
}

fn usage(pid: u32) -> Usage {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let vm_hwm_kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap();
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name in parentheses: utime is the 14th field, stime 15th,
    // cutime 16th, cstime 17th (1-based, counting the pid as the first).
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // SAFETY: sysconf is a plain query.
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    Usage {
        vm_hwm_kb,
        cpu_s: (f[11] + f[12]) / tick,
        children_cpu_s: (f[13] + f[14]) / tick,
    }
}

fn load(sessions: usize) {
    assert!(
        have_ssh(),
        "OpenSSH's client is needed: install openssh-client"
    );
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    let mut server = Server::start(&class, "mandatory", 2026, Some(PASSWORD));
    let started = Instant::now();
    let port = server.port;
    let players: Vec<_> = (0..sessions)
        .map(|i| {
            std::thread::spawn(move || {
                // Not all at the same instant, as a class does not type at once.
                std::thread::sleep(Duration::from_millis(50 * i as u64));
                let mut c = Client::connect(port, &format!("student{i:02}"), Some(PASSWORD), &[]);
                c.play_days(None, 600);
                let code = c.quit();
                assert_eq!(code, Some(0), "student{i:02}:\n{}", c.screen());
            })
        })
        .collect();
    for p in players {
        p.join().expect("a student's session");
    }
    let played = started.elapsed();
    let deadline = Instant::now() + Duration::from_secs(60);
    while server.count_log("finished") < sessions && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    for i in 0..sessions {
        let files = reports(&class, &format!("mandatory-2026-student{i:02}"));
        assert_eq!(files.len(), 3, "student{i:02}'s report: {files:?}");
    }
    let u = usage(server.pid());
    println!(
        "serve load: {sessions} sessions to the end in {:.1} s; server VmHWM {} kB ({:.1} MiB), \
         server CPU {:.2} s, games' CPU {:.2} s",
        played.as_secs_f64(),
        u.vm_hwm_kb,
        u.vm_hwm_kb as f64 / 1024.0,
        u.cpu_s,
        u.children_cpu_s
    );
    server.stop();
}

#[test]
fn four_students_at_once_each_report_lands() {
    load(4);
}

#[test]
#[ignore = "the documented load run: SCORED_LOAD_SESSIONS=30, see docs/performance.md"]
fn a_class_at_once_each_report_lands() {
    let n = std::env::var("SCORED_LOAD_SESSIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    load(n);
}
