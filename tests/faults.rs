//! Faults around the game (issue 20, class 7), through the real binary: a file-size limit, a
//! temp file left by a kill, a read-only save, a line of headless input that is not UTF-8,
//! and a save resumed from another folder.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_scored");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn run(cmd: &mut Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn play(saves: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(ROOT).arg("--saves-dir").arg(saves).args([
        "play",
        "levels/tutorial.ron",
        "--headless",
        "--seed",
        "3",
    ]);
    cmd
}

fn saves_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn under_a_file_size_limit_the_write_error_is_reported_and_play_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = play(dir.path());
    // SAFETY: only setrlimit, which is async-signal-safe, between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 512,
                rlim_max: 512,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = run(&mut cmd, b"next\nnext\nstatus\nquit\n");
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{:?}\n{stderr}", out.status);
    assert!(stderr.contains("could not save"), "{stderr}");
    assert!(stdout.contains("You leave the game on day 3"), "{stdout}");
    let left: Vec<_> = saves_in(dir.path())
        .into_iter()
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temp files left: {left:?}");
}

#[test]
fn stale_temp_files_are_cleaned_at_start_and_fresh_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".tmpAbC123");
    let fresh = dir.path().join(".tmpXyZ789");
    std::fs::write(&stale, "half a save").unwrap();
    std::fs::write(&fresh, "another game saving now").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let out = run(&mut play(dir.path()), b"quit\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!stale.exists(), "a stale temp file is removed");
    assert!(
        fresh.exists(),
        "a temp file of a minute ago may be another game's"
    );
}

#[test]
fn a_read_only_save_is_not_replaced_and_the_player_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&mut play(dir.path()), b"next\nquit\n");
    assert!(out.status.success());
    let save = saves_in(dir.path()).pop().expect("a save");
    let before = std::fs::read(&save).unwrap();
    std::fs::set_permissions(&save, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = run(
        Command::new(BIN)
            .current_dir(ROOT)
            .args(["resume", "--headless"])
            .arg(&save),
        b"next\nquit\n",
    );
    let stderr = text(&out.stderr);
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(
        std::fs::read(&save).unwrap(),
        before,
        "the file is untouched"
    );
    let mode = std::fs::metadata(&save).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

#[test]
fn a_line_that_is_not_utf8_is_named_skipped_and_play_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&mut play(dir.path()), b"status\n\xff\xfe bad\nnext\nquit\n");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains("Line 2 is not UTF-8 text: skipped."),
        "{stdout}"
    );
    assert!(stdout.contains("You leave the game on day 2"), "{stdout}");
    assert!(!saves_in(dir.path()).is_empty(), "the game was saved");
}

#[test]
fn a_save_resumes_from_another_folder_by_path_id_or_hash() {
    let dir = tempfile::tempdir().unwrap();
    let saves = dir.path().join("saves");
    let out = run(&mut play(&saves), b"next\nquit\n");
    assert!(out.status.success());
    let save = saves_in(&saves).pop().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let resume = |save: &Path| {
        run(
            Command::new(BIN)
                .current_dir(&elsewhere)
                .args(["resume", "--headless"])
                .arg(save),
            b"quit\n",
        )
    };
    // The recorded path is absolute: found from anywhere.
    let out = resume(&save);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Resumed"));

    // The level moved and renamed: found in ./levels by its content hash.
    let moved = dir.path().join("moved.ron");
    let recorded = std::fs::canonicalize(Path::new(ROOT).join("levels/tutorial.ron")).unwrap();
    let body = std::fs::read_to_string(&save).unwrap();
    assert!(body.contains(&recorded.display().to_string()), "{body}");
    let body = body.replace(&recorded.display().to_string(), "/nowhere/tutorial.ron");
    std::fs::write(&moved, body).unwrap();
    std::fs::create_dir_all(elsewhere.join("levels")).unwrap();
    std::fs::copy(
        Path::new(ROOT).join("levels/tutorial.ron"),
        elsewhere.join("levels/my-copy.ron"),
    )
    .unwrap();
    let out = resume(&moved);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Resumed"));

    // An old save with a relative path still loads from the repository.
    let old = dir.path().join("old.ron");
    let body = std::fs::read_to_string(&save)
        .unwrap()
        .replace(&recorded.display().to_string(), "levels/tutorial.ron");
    std::fs::write(&old, body).unwrap();
    let out = run(
        Command::new(BIN)
            .current_dir(ROOT)
            .args(["resume", "--headless"])
            .arg(&old),
        b"quit\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}
