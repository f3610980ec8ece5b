//! The "Get the data" downloads: the checked dataset as one JSON file and one CSV file per
//! table (UTF-8, RFC 4180 quoting, lists joined with "; "). Column names are documented in
//! data/README.md; file names are stable: `escalation-data.json`, `escalation-<table>.csv`.

use serde_json::{Value, json};

use escalation_domain::Amount;

use crate::check::{Dataset, Figure};

fn figure_numbers(f: &Figure) -> (Value, Value, Value) {
    match f.amount {
        Amount::Count(v) => (json!(v), Value::Null, Value::Null),
        Amount::Range(min, max) => (Value::Null, json!(min), json!(max)),
        Amount::Share => (Value::Null, Value::Null, Value::Null),
    }
}

/// The whole dataset as pretty-printed JSON.
pub fn to_json(data: &Dataset) -> String {
    let sources: Vec<Value> = data
        .sources
        .iter()
        .map(|s| {
            json!({
                "id": s.id, "title": s.title, "subtitle": s.subtitle, "outlet": s.outlet,
                "published": s.published.to_string(), "published_reasoning": s.published_reasoning,
            })
        })
        .collect();
    let events: Vec<Value> = data
        .events
        .iter()
        .map(|e| {
            json!({
                "id": e.id, "date": e.date.to_string(), "date_words": e.date_words,
                "date_reasoning": e.date_reasoning, "place": e.place, "actors": e.actors,
                "kind": e.kind.name(), "summary": e.summary, "source": e.source, "claimed_by": e.claimed_by,
            })
        })
        .collect();
    let figures: Vec<Value> = data
        .figures
        .iter()
        .map(|f| {
            let (value, min, max) = figure_numbers(f);
            json!({
                "id": f.id, "what": f.what, "unit": f.unit, "qualifier": f.qualifier.name(),
                "value": value, "min": min, "max": max, "display": f.display,
                "claimed_by": f.claimed_by, "date": f.date.to_string(), "source": f.source,
                "event": f.event, "parts": f.parts, "of": f.of, "note": f.note,
            })
        })
        .collect();
    let quotes: Vec<Value> = data
        .quotes
        .iter()
        .map(|q| {
            json!({
                "id": q.id, "speaker": q.speaker, "role": q.role, "text": q.text,
                "date": q.date.to_string(), "date_words": q.date_words,
                "date_reasoning": q.date_reasoning, "context": q.context, "source": q.source,
            })
        })
        .collect();
    let groups: Vec<Value> = data
        .groups
        .iter()
        .map(|g| {
            json!({
                "id": g.id, "label": g.label, "members": g.members,
                "claimed_by": g.claimed_by, "source": g.source, "note": g.note,
            })
        })
        .collect();
    let all = json!({
        "sources": sources, "events": events, "figures": figures,
        "quotes": quotes, "groups": groups,
    });
    serde_json::to_string_pretty(&all).expect("JSON values always serialise") + "\n"
}

/// One CSV field, quoted when it must be.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = header.join(",") + "\r\n";
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn or_empty(text: &Option<String>) -> String {
    text.clone().unwrap_or_default()
}

fn num(value: Option<u32>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// `(file name, contents)` for each table's CSV file.
pub fn to_csv_files(data: &Dataset) -> Vec<(&'static str, String)> {
    let sources = csv(
        &[
            "id",
            "title",
            "subtitle",
            "outlet",
            "published",
            "published_reasoning",
        ],
        data.sources
            .iter()
            .map(|s| {
                vec![
                    s.id.clone(),
                    s.title.clone(),
                    or_empty(&s.subtitle),
                    or_empty(&s.outlet),
                    s.published.to_string(),
                    s.published_reasoning.clone(),
                ]
            })
            .collect(),
    );
    let events = csv(
        &[
            "id",
            "date",
            "date_words",
            "date_reasoning",
            "place",
            "actors",
            "kind",
            "summary",
            "source",
            "claimed_by",
        ],
        data.events
            .iter()
            .map(|e| {
                vec![
                    e.id.clone(),
                    e.date.to_string(),
                    or_empty(&e.date_words),
                    or_empty(&e.date_reasoning),
                    e.place.clone(),
                    e.actors.join("; "),
                    e.kind.name().to_string(),
                    e.summary.clone(),
                    e.source.clone(),
                    or_empty(&e.claimed_by),
                ]
            })
            .collect(),
    );
    let figures = csv(
        &[
            "id",
            "what",
            "unit",
            "qualifier",
            "value",
            "min",
            "max",
            "display",
            "claimed_by",
            "date",
            "source",
            "event",
            "parts",
            "of",
            "note",
        ],
        data.figures
            .iter()
            .map(|f| {
                let (value, min, max) = match f.amount {
                    Amount::Count(v) => (Some(v), None, None),
                    Amount::Range(a, b) => (None, Some(a), Some(b)),
                    Amount::Share => (None, None, None),
                };
                vec![
                    f.id.clone(),
                    f.what.clone(),
                    f.unit.clone(),
                    f.qualifier.name().to_string(),
                    num(value),
                    num(min),
                    num(max),
                    or_empty(&f.display),
                    f.claimed_by.clone(),
                    f.date.to_string(),
                    f.source.clone(),
                    or_empty(&f.event),
                    f.parts.join("; "),
                    or_empty(&f.of),
                    or_empty(&f.note),
                ]
            })
            .collect(),
    );
    let quotes = csv(
        &[
            "id",
            "speaker",
            "role",
            "text",
            "date",
            "date_words",
            "date_reasoning",
            "context",
            "source",
        ],
        data.quotes
            .iter()
            .map(|q| {
                vec![
                    q.id.clone(),
                    q.speaker.clone(),
                    or_empty(&q.role),
                    q.text.clone(),
                    q.date.to_string(),
                    or_empty(&q.date_words),
                    or_empty(&q.date_reasoning),
                    or_empty(&q.context),
                    q.source.clone(),
                ]
            })
            .collect(),
    );
    let groups = csv(
        &["id", "label", "members", "claimed_by", "source", "note"],
        data.groups
            .iter()
            .map(|g| {
                vec![
                    g.id.clone(),
                    g.label.clone(),
                    g.members.join("; "),
                    g.claimed_by.clone(),
                    g.source.clone(),
                    or_empty(&g.note),
                ]
            })
            .collect(),
    );
    vec![
        ("escalation-sources.csv", sources),
        ("escalation-events.csv", events),
        ("escalation-figures.csv", figures),
        ("escalation-quotes.csv", quotes),
        ("escalation-groups.csv", groups),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
