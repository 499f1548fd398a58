//! The walk names each problem by its path and ids, and lets a text at the cap pass.

use super::super::{MAX_LIST, MAX_NUMBER, MAX_TEXT};
use super::problems;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct Thing {
    id: String,
    text: String,
    n: i64,
}

#[derive(Serialize)]
enum Shape {
    Big { size: u64 },
    Many(Vec<i32>),
}

#[derive(Serialize)]
struct Top {
    things: Vec<Thing>,
    names: Vec<String>,
    map: BTreeMap<String, i64>,
    shapes: Vec<Shape>,
}

#[test]
fn names_each_problem_by_its_path_and_ids() {
    let top = Top {
        things: vec![
            Thing {
                id: "a".into(),
                text: "ok".into(),
                n: 1,
            },
            Thing {
                id: "b".into(),
                text: "é".repeat(MAX_TEXT + 1),
                n: -(MAX_NUMBER + 1),
            },
        ],
        names: vec!["x".into(); MAX_LIST + 1],
        map: BTreeMap::from([("k".to_string(), MAX_NUMBER + 5)]),
        shapes: vec![Shape::Many(vec![1]), Shape::Big { size: u64::MAX }],
    };
    let places: Vec<String> = problems(&top).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        places,
        [
            "things.b.text",
            "things.b.n",
            "names",
            "map.k",
            "shapes.1.Big.size"
        ]
    );
    let messages: Vec<String> = problems(&top).into_iter().map(|(_, m)| m).collect();
    assert_eq!(messages[0], "a text of 4001 characters; at most 4000");
    assert_eq!(messages[2], "a list of 501 entries; at most 500");
    assert_eq!(
        messages[4],
        "the number 18446744073709551615 is beyond ±1000000000"
    );
}

#[test]
fn a_text_at_the_cap_passes() {
    let t = Thing {
        id: "a".into(),
        text: "é".repeat(MAX_TEXT),
        n: MAX_NUMBER,
    };
    assert!(problems(&t).is_empty());
}
