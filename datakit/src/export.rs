//! The "Get the data" downloads: the checked dataset as one JSON file and one CSV file per
//! table, both derived with serde from the checked tables themselves, so a new field reaches
//! both downloads without being listed here. Fields and columns are in the tables' field
//! order; what the widget alone needs (a short title, a chart label, `unit_one`) is skipped
//! where the table is defined (`check.rs`). Column names are documented in data/README.md;
//! file names are stable: `escalation-data.json`, `escalation-<table>.csv`.
//!
//! CSV conventions: UTF-8, commas, CRLF line ends, RFC 4180 quoting (the `csv` crate's, only
//! where needed); a list is one cell joined with "; "; an empty cell means "not given". JSON
//! gives lists as arrays and a missing value as `null`.

use serde::Serialize;
use serde_json::Value;

use crate::check::Dataset;

/// The whole dataset as pretty-printed JSON.
pub fn to_json(data: &Dataset) -> String {
    serde_json::to_string_pretty(data).expect("the checked tables always serialise") + "\n"
}

/// `(file name, contents)` for each table's CSV file.
pub fn to_csv_files(data: &Dataset) -> Vec<(&'static str, String)> {
    vec![
        ("escalation-sources.csv", csv_file(&data.sources)),
        ("escalation-events.csv", csv_file(&data.events)),
        ("escalation-figures.csv", csv_file(&data.figures)),
        ("escalation-quotes.csv", csv_file(&data.quotes)),
        ("escalation-groups.csv", csv_file(&data.groups)),
        ("escalation-places.csv", csv_file(&data.places)),
    ]
}

/// One table as CSV: its records serialised as for the JSON file, one column per key (the
/// header row is the first record's keys), one row per record. A table with no records has
/// no header either: serde names a struct's fields only as it writes a value (every shipped
/// table has records).
fn csv_file<T: Serialize>(records: &[T]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for (i, record) in records.iter().enumerate() {
        let fields = match serde_json::to_value(record) {
            Ok(Value::Object(fields)) => fields,
            other => panic!("a table's record serialises to an object, not {other:?}"),
        };
        if i == 0 {
            writer
                .write_record(fields.keys())
                .expect("writing to memory cannot fail");
        }
        writer
            .write_record(fields.values().map(cell))
            .expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("UTF-8 text in, UTF-8 text out")
}

/// One value as a CSV cell: nothing for a missing value, a list joined with "; ".
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        id: &'static str,
        text: &'static str,
        count: Option<u32>,
        list: Vec<&'static str>,
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        let rows = [
            Row {
                id: "plain",
                text: "a, b",
                count: Some(3),
                list: vec!["Oman", "Turkey"],
            },
            Row {
                id: "say \"hi\"",
                text: "two\nlines",
                count: None,
                list: vec![],
            },
        ];
        assert_eq!(
            csv_file(&rows),
            "id,text,count,list\r\nplain,\"a, b\",3,Oman; Turkey\r\n\"say \"\"hi\"\"\",\"two\nlines\",,\r\n"
        );
    }
}
