//! One line of headless input, parsed.

use crate::game::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Status,
    Shop,
    Topics,
    Feed,
    People,
    Inbox,
    /// The inbox with what was answered and announced.
    InboxAll,
    Ledger,
    Perks,
    Rules,
    Proposals,
    /// The debrief once the level is over: all of it, or the part named.
    Debrief(Option<String>),
    Quit,
    Play(Action),
}

/// Every command with its arguments and what it does, for `help`.
pub const HELP: &[(&str, &str)] = &[
    ("help", "list the commands"),
    (
        "status",
        "day, actions left, score, self, money, friends, perks and sanctions",
    ),
    (
        "shop",
        "the items for sale, their prices and predicted effects",
    ),
    ("buy ITEM", "buy an item (one action)"),
    ("topics", "what you could post about"),
    ("draft TOPIC", "draft a post and see what it would do"),
    ("post", "post the open draft (one action)"),
    ("cancel", "delete the open draft unposted"),
    ("feed", "posts from friends and the news, numbered"),
    ("like N", "like post N (one action)"),
    ("share N", "share post N (one action)"),
    ("report N", "report post N to the authorities (one action)"),
    ("people", "everyone you know of, their scores and bios"),
    (
        "befriend PERSON",
        "ask someone to be your friend (one action)",
    ),
    ("unfriend PERSON", "end a friendship (one action)"),
    ("denounce PERSON", "report a person (one action)"),
    (
        "inbox",
        "what is waiting for you: events to answer, the ballot",
    ),
    ("inbox all", "the inbox with past events and bulletins"),
    ("answer EVENT CHOICE", "answer an event"),
    ("ledger", "every change to your score and why"),
    ("appeal ROW", "appeal a ledger row (one action)"),
    ("perks", "perks and sanctions, open, locked and in force"),
    ("rules", "the scoring rules, where citizens may see them"),
    ("proposals", "the rules citizens can vote on"),
    ("vote PROPOSAL", "vote for a proposal"),
    ("consent yes|no", "answer the consent screen"),
    ("next", "end the day"),
    (
        "debrief [PART]",
        "after the last day: the debrief, or one part of it",
    ),
    ("quit", "stop playing"),
];

/// Parses a line; `Err` carries a message for the player.
pub fn parse(line: &str) -> Result<Option<Command>, String> {
    let mut words = line.split_whitespace();
    let Some(verb) = words.next() else {
        return Ok(None);
    };
    let arg = words.next();
    let arg2 = words.next();
    if words.next().is_some() {
        return Err(format!(
            "too many words for `{}`; try `help`",
            printable(verb)
        ));
    }
    let need = |a: Option<&str>, what: &str| -> Result<String, String> {
        a.map(str::to_string)
            .ok_or_else(|| format!("`{}` needs {what}; try `help`", printable(verb)))
    };
    let number = |a: Option<&str>, what: &str| -> Result<usize, String> {
        need(a, what)?
            .parse::<usize>()
            .map_err(|_| format!("`{verb}` needs {what} as a number"))
    };
    let no_arg = || -> Result<(), String> {
        match arg {
            Some(_) => Err(format!("`{verb}` takes no argument")),
            None => Ok(()),
        }
    };
    let bare = |c: Command| no_arg().map(|()| Some(c));
    let play = |a: Action| Ok(Some(Command::Play(a)));
    match verb.to_ascii_lowercase().as_str() {
        "help" | "?" => bare(Command::Help),
        "status" => bare(Command::Status),
        "shop" => bare(Command::Shop),
        "topics" => bare(Command::Topics),
        "feed" => bare(Command::Feed),
        "people" | "friends" => bare(Command::People),
        "inbox" if arg.is_some_and(|a| a.eq_ignore_ascii_case("all")) => {
            Ok(Some(Command::InboxAll))
        }
        "inbox" => bare(Command::Inbox),
        "ledger" => bare(Command::Ledger),
        "perks" | "sanctions" => bare(Command::Perks),
        "rules" => bare(Command::Rules),
        "proposals" => bare(Command::Proposals),
        "debrief" => Ok(Some(Command::Debrief(arg.map(str::to_string)))),
        "quit" | "exit" => bare(Command::Quit),
        "next" | "sleep" => no_arg().and_then(|()| play(Action::EndDay)),
        "post" => no_arg().and_then(|()| play(Action::Post)),
        "cancel" => no_arg().and_then(|()| play(Action::CancelDraft)),
        "buy" => play(Action::Buy {
            item: need(arg, "an item id")?,
        }),
        "draft" => play(Action::Draft {
            topic: need(arg, "a topic id")?,
        }),
        "like" => play(Action::Like {
            post: number(arg, "a post number")?,
        }),
        "share" => play(Action::Share {
            post: number(arg, "a post number")?,
        }),
        "report" => play(Action::Report {
            post: number(arg, "a post number")?,
        }),
        "befriend" => play(Action::Befriend {
            npc: need(arg, "a person's id")?,
        }),
        "unfriend" => play(Action::Unfriend {
            npc: need(arg, "a person's id")?,
        }),
        "denounce" => play(Action::Denounce {
            npc: need(arg, "a person's id")?,
        }),
        "answer" => play(Action::Answer {
            event: need(arg, "an event id and a choice id")?,
            choice: need(arg2, "a choice id after the event id")?,
        }),
        "appeal" => play(Action::Appeal {
            row: number(arg, "a ledger row number")?,
        }),
        "vote" => play(Action::Vote {
            proposal: need(arg, "a proposal id")?,
        }),
        "consent" => match arg.map(str::to_ascii_lowercase).as_deref() {
            Some("yes" | "y" | "share") => play(Action::Consent { share: true }),
            Some("no" | "n" | "withhold") => play(Action::Consent { share: false }),
            _ => Err("`consent` needs `yes` or `no`".into()),
        },
        _ => Err(format!("unknown command `{}`; try `help`", printable(verb))),
    }
}

/// Input echoed back in a message, without anything a terminal would interpret.
pub fn printable(s: &str) -> String {
    clean(s).chars().take(40).collect()
}

/// `s` without the characters a level may not contain either (C018): what the player typed
/// comes back in refusals, and must not take over their terminal.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| crate::check::safety::forbidden(*c).is_none())
        .collect()
}
