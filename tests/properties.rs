//! Property tests: everything a host page or a reader controls — URL query and hash, mount
//! options, incoming messages, swipes, key presses — goes through small pure parsers that
//! never panic and always give a valid state, whatever the input.
#![cfg(not(target_arch = "wasm32"))]

use escalation::app::action_for_swipe;
use escalation::embed::config::{
    RawValue, is_valid_id, parse_pairs, parse_url, step_from_hash, step_from_value,
};
use escalation::embed::messages::{Incoming, json_string, parse_incoming, plausible_height};
use escalation::story::{Action, Cursor, STORY};
use proptest::prelude::*;

fn raw_value() -> impl Strategy<Value = RawValue> {
    prop_oneof![
        any::<String>().prop_map(RawValue::Text),
        "(step|theme|plain|tables|id|[a-z-]{0,12}|[0-9]{1,3}|light|dark|auto|barrage|true|0|1)"
            .prop_map(RawValue::Text),
        any::<f64>().prop_map(RawValue::Number),
        (-5i32..20).prop_map(|n| RawValue::Number(f64::from(n))),
        any::<bool>().prop_map(RawValue::Bool),
        Just(RawValue::Other("null")),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Next),
        Just(Action::Prev),
        Just(Action::First),
        Just(Action::Last),
        any::<usize>().prop_map(Action::GoTo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_url_gives_valid_options(query in any::<String>(), hash in any::<String>()) {
        let (options, warnings) = parse_url(&query, &hash, &STORY);
        prop_assert!(options.start < STORY.len());
        prop_assert!(options.id.as_deref().is_none_or(is_valid_id));
        prop_assert!(warnings.iter().all(|w| w.starts_with("escalation: ")));
    }

    #[test]
    fn url_shaped_input_gives_valid_options(
        pairs in proptest::collection::vec(("(step|theme|plain|tables|id|x)", "[a-z0-9%+-]{0,12}"), 0..6),
        hash in "#?(step-)?[a-z0-9-]{0,20}",
    ) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let (options, _) = parse_url(&query.join("&"), &hash, &STORY);
        prop_assert!(options.start < STORY.len());
    }

    #[test]
    fn any_mount_options_give_valid_options(pairs in proptest::collection::vec(("[a-z]{0,8}|step|theme|plain|tables|id", raw_value()), 0..8)) {
        let (options, warnings) = parse_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.clone())), "mount option", &STORY);
        prop_assert!(options.start < STORY.len());
        prop_assert!(options.id.as_deref().is_none_or(is_valid_id));
        prop_assert!(warnings.len() <= pairs.len());
    }

    #[test]
    fn any_message_is_handled(kind in proptest::option::of("escalation:[a-z-]{0,10}|[ -~]{0,20}"), step in proptest::option::of(raw_value())) {
        match parse_incoming(kind.as_deref(), step, &STORY) {
            Incoming::GoTo(i) => prop_assert!(i < STORY.len()),
            Incoming::Invalid(w) => prop_assert!(w.starts_with("escalation: ")),
            Incoming::Foreign => {}
        }
    }

    #[test]
    fn any_step_name_is_a_valid_index_or_none(text in any::<String>()) {
        prop_assert!(step_from_hash(&text, &STORY).is_none_or(|i| i < STORY.len()));
        prop_assert!(step_from_value(&text, &STORY).is_none_or(|i| i < STORY.len()));
    }

    #[test]
    fn json_strings_round_trip_and_stay_html_safe(text in any::<String>()) {
        let encoded = json_string(&text);
        prop_assert!(!encoded.contains('<') && !encoded.contains('>'));
        let decoded: String = serde_json::from_str(&encoded).expect("valid JSON");
        prop_assert_eq!(decoded, text);
    }

    #[test]
    fn heights_are_plausible_or_dropped(height in any::<f64>()) {
        if let Some(h) = plausible_height(height) {
            prop_assert!((1..=50_000).contains(&h));
        }
    }

    #[test]
    fn any_swipe_is_an_action_or_nothing(dx in any::<f64>(), dy in any::<f64>()) {
        let action = action_for_swipe(dx, dy);
        prop_assert!(matches!(action, None | Some(Action::Next | Action::Prev)));
    }

    #[test]
    fn the_cursor_stays_in_the_story(len in 0usize..20, start in any::<usize>(), actions in proptest::collection::vec(action(), 0..40)) {
        let mut cursor = Cursor::new(len, start);
        for a in actions {
            cursor = cursor.apply(a);
            prop_assert!(cursor.index() < len.max(1));
        }
    }

    #[test]
    fn any_date_text_parses_or_is_rejected(text in any::<String>()) {
        let _ = datakit::DateSpan::parse(&text);
    }
}
