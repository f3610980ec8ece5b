//! `data_table` and `figure_table`: a plain, captioned table of a chart's numbers as the
//! sources state them. A column that says the same on every row (who claims it, which
//! article) moves into the caption, so a phone's narrow table keeps only what varies; on a
//! phone each row stacks, every cell under its column's name (see escalation.css).

use yew::prelude::*;

use crate::components::source_line::attribution_text;
use crate::story::ChartView;

/// Which columns (after the first, which heads each row) hold the same text on every row of
/// a table with more than one row.
pub fn constant_columns(width: usize, rows: &[Vec<AttrValue>]) -> Vec<bool> {
    (0..width)
        .map(|c| {
            c > 0
                && rows.len() > 1
                && rows
                    .windows(2)
                    .all(|pair| pair[0].get(c).is_some() && pair[0].get(c) == pair[1].get(c))
        })
        .collect()
}

/// The table, from its caption, column headers and rows (the first cell of each row heads it).
pub fn data_table(
    caption: &'static str,
    headers: &[&'static str],
    rows: &[Vec<AttrValue>],
) -> Html {
    let constant = constant_columns(headers.len(), rows);
    let notes: Vec<String> = headers
        .iter()
        .zip(&constant)
        .enumerate()
        .filter(|(_, (_, constant))| **constant)
        .filter_map(|(c, (header, _))| Some(format!("{header}: {}", rows.first()?.get(c)?)))
        .collect();
    let shown = |c: &usize| !constant.get(*c).copied().unwrap_or(false);
    html! {
        <table class="data-table">
            <caption>
                { caption }
                { for notes.iter().map(|note| html! { <span class="caption-note">{ note.clone() }</span> }) }
            </caption>
            <thead>
                <tr>{ for headers.iter().enumerate().filter(|(c, _)| shown(c)).map(|(_, h)| html! { <th scope="col">{ *h }</th> }) }</tr>
            </thead>
            <tbody>
                { for rows.iter().map(|row| html! {
                    <tr>
                        { for row.iter().enumerate().filter(|(c, _)| shown(c)).map(|(c, cell)| if c == 0 {
                            html! { <th scope="row">{ cell.clone() }</th> }
                        } else {
                            html! { <td data-label={headers.get(c).copied()}>{ cell.clone() }</td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// A chart view's data table of figures — what each counts, the number as the source states
/// it, and who says so in which article — with the caption and rows story.toml gives.
pub fn figure_table(view: &ChartView) -> Html {
    let rows: Vec<Vec<AttrValue>> = view
        .rows
        .iter()
        .map(|row| {
            vec![
                AttrValue::from(row.what),
                row.figure.label().into(),
                attribution_text(Some(row.figure.claimed_by), row.figure.source).into(),
            ]
        })
        .collect();
    data_table(
        view.caption,
        &["What", "As the source states it", "According to"],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&'static str]) -> Vec<AttrValue> {
        cells.iter().map(|c| AttrValue::from(*c)).collect()
    }

    #[test]
    fn a_column_that_never_changes_is_found_and_the_row_heading_never_is() {
        let rows = [row(&["a", "1", "x"]), row(&["b", "2", "x"])];
        assert_eq!(constant_columns(3, &rows), vec![false, false, true]);
        let same = [row(&["a", "1"]), row(&["a", "1"])];
        assert_eq!(
            constant_columns(2, &same),
            vec![false, true],
            "row headings stay"
        );
        assert_eq!(
            constant_columns(2, &[row(&["a", "1"])]),
            vec![false, false],
            "one row: nothing to fold"
        );
    }
}
