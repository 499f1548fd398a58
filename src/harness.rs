//! Untrusted input driven as far into the game as it gets: the entry points of the fuzz
//! targets in `fuzz/`, and of `tests/hostile.rs`, which replays their corpus on every test
//! run. Each must return for any bytes at all; a panic is a bug.

use std::io::Cursor;
use std::sync::{Arc, OnceLock};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::bots::{self, Strategy};
use crate::check;
use crate::game::{Game, Level, Opening};
use crate::save::SaveFile;
use crate::tui::app::{App, Origin};
use crate::tui::keys::Msg;
use crate::tui::theme::Theme;
use crate::{classroom, headless};

/// The shipped levels a fuzzed save may name.
const LEVELS: [(&str, &str); 2] = [
    ("tutorial", include_str!("../levels/tutorial.ron")),
    ("mandatory", include_str!("../levels/mandatory.ron")),
];

fn shipped(id: &str) -> Option<Arc<Level>> {
    static LOADED: OnceLock<Vec<Arc<Level>>> = OnceLock::new();
    let all = LOADED.get_or_init(|| {
        LEVELS
            .iter()
            .map(|(id, src)| {
                let (level, _) = check::load_str(&format!("levels/{id}.ron"), src);
                Arc::new(level.expect("shipped levels are valid"))
            })
            .collect()
    });
    all.iter().find(|l| l.id == id).cloned()
}

/// A level file: diagnostics are rendered; a level that passes is played to its end by a
/// random bot, and its debrief written; the same bot in a silent game must end the same.
pub fn level(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (level, diagnostics) = check::load_str("fuzz.ron", text);
    for d in &diagnostics {
        let _ = d.to_string();
    }
    let Some(level) = level else {
        return;
    };
    if diagnostics.iter().any(|d| d.is_error()) {
        return;
    }
    let level = Arc::new(level);
    let game = bots::play(level.clone(), None, seed_of(data), Strategy::Random);
    let actions = bots::Actions::of(&level);
    let opening = Opening::new(level, None).expect("the bot's game began");
    let (silent, _) = bots::play_silently(&opening, &actions, seed_of(data), Strategy::Random);
    assert_eq!(
        silent.state(),
        &game.state().wordless(),
        "a silent game went its own way"
    );
    let _ = classroom::debrief_text(&game);
    render(App::new(Vec::new(), Theme { color: true }, 1), game);
}

/// A save file: parsed, and if it names a shipped level, resumed, shown in every headless
/// view, drawn, played on, and debriefed.
pub fn save(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(save) = SaveFile::parse(text) else {
        return;
    };
    let Some(level) = shipped(&save.level_id) else {
        return;
    };
    let Ok(mut game) = save.into_game(level) else {
        return;
    };
    let script = "status\nshop\ntopics\nfeed\npeople\ninbox\nledger\nperks\nrules\nproposals\n\
                  like 0\nshare 1\nreport 2\nappeal 0\nnext\nnext\n";
    let _ = headless::resume(
        &mut game,
        Cursor::new(script),
        &mut std::io::sink(),
        &mut |_| {},
    );
    let _ = classroom::debrief_text(&game);
    render(App::new(Vec::new(), Theme { color: false }, 1), game);
}

/// Headless commands, one per line, played on the tutorial.
pub fn commands(data: &[u8]) {
    let level = shipped("tutorial").expect("shipped");
    let (mut game, opening) = Game::new(level, None, seed_of(data)).expect("tutorial persona");
    let input = Cursor::new(data);
    let _ = headless::run(
        &mut game,
        &opening,
        input,
        &mut std::io::sink(),
        &mut |_| {},
    );
}

/// The game on the main screen and after a few keys, at two sizes.
fn render(mut app: App, game: Game) {
    app.resumed(game, Origin::default(), false);
    let keys = [
        Msg::Other,
        Msg::Down,
        Msg::Choose,
        Msg::NextPanel,
        Msg::Down,
        Msg::Choose,
        Msg::Inspector,
        Msg::Back,
        Msg::EndDay,
        Msg::Other,
    ];
    for (i, key) in keys.into_iter().enumerate() {
        let (w, h) = if i % 2 == 0 { (80, 24) } else { (200, 60) };
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        let _ = terminal.draw(|frame| crate::tui::view::render(frame, &app));
        app.update(key);
    }
}

fn seed_of(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h: u64, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// What `scored class` is handed: the bytes as pasted codes and as a report file, merged into
/// a class with a few good entries and written as text and Markdown. Nothing that came from
/// the input may reach either as a control, bidi, zero-width or tag character.
pub fn class(data: &[u8]) {
    use classroom::{Class, ClassEntry, Handed, Intake};
    let text = String::from_utf8_lossy(data);
    let mut handed = Vec::new();
    let (found, _) = classroom::codes_in(&text);
    for (line, result) in found {
        if let Ok(s) = result {
            handed.push(Handed {
                at: format!("pasted:{line}"),
                entry: ClassEntry::Code(s),
            });
        }
    }
    if let Ok(r) = serde_json::from_str::<classroom::Report>(&text) {
        handed.push(Handed {
            at: text.chars().take(40).collect(),
            entry: ClassEntry::Report(r),
        });
    }
    let _ = classroom::decode(&text);
    let mut class = Class::of(Intake {
        handed,
        unreadable: vec![(
            text.chars().take(60).collect(),
            text.chars().take(60).collect(),
        )],
        notes: vec![text.chars().take(60).collect()],
        ..Default::default()
    });
    class.all_decisions = true;
    for out in [class.text(), class.markdown()] {
        let bad = out.chars().find(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || crate::check::safety::forbidden(c).is_some()
                || matches!(c, '\u{e0000}'..='\u{e007f}' | '\u{2028}' | '\u{2029}')
        });
        assert!(bad.is_none(), "{bad:?} reached the class summary");
        assert!(
            !out.lines()
                .any(|l| l.starts_with("== ") && !class_section(l)),
            "a forged section"
        );
    }
}

/// Whether `== title` is one of the class summary's own sections.
fn class_section(line: &str) -> bool {
    let title = &line[3..];
    [
        "The class",
        "Obedience index in",
        "Endings",
        "Drift",
        "Shared decisions",
        "Who dropped which friend",
        "Handed in",
    ]
    .iter()
    .any(|t| title.starts_with(t))
}
