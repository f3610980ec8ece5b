//! `data_table` and `figure_table`: a plain, captioned table of a chart's numbers as the
//! sources state them.

use yew::prelude::*;

/// The table, from its caption, column headers and rows (the first cell of each row heads it).
pub fn data_table(
    caption: &'static str,
    headers: &[&'static str],
    rows: &[Vec<AttrValue>],
) -> Html {
    html! {
        <table class="data-table">
            <caption>{ caption }</caption>
            <thead>
                <tr>{ for headers.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr>
            </thead>
            <tbody>
                { for rows.iter().map(|row| html! {
                    <tr>
                        { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                            html! { <th scope="row">{ cell.clone() }</th> }
                        } else {
                            html! { <td>{ cell.clone() }</td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// A data table of figures — what each counts, the number as the source states it, and who
/// says so — from (what the row is, figure id) pairs, in order.
pub fn figure_table(caption: &'static str, rows: &[(&'static str, &'static str)]) -> Html {
    let figure = |id: &str| crate::model::DATASET.figure(id);
    let rows: Vec<Vec<AttrValue>> = rows
        .iter()
        .map(|(what, id)| {
            vec![
                AttrValue::from(*what),
                figure(id).map(|f| f.label()).unwrap_or_default().into(),
                AttrValue::from(figure(id).map_or("", |f| f.claimed_by)),
            ]
        })
        .collect();
    data_table(
        caption,
        &["What", "As the source states it", "According to"],
        &rows,
    )
}
