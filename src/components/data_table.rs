//! `DataTable`: a plain, captioned table of a chart's numbers as the sources state them.

use std::rc::Rc;

use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct DataTableProps {
    pub caption: AttrValue,
    pub headers: Rc<Vec<AttrValue>>,
    pub rows: Rc<Vec<Vec<AttrValue>>>,
}

#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    html! {
        <table class="data-table">
            <caption>{ props.caption.clone() }</caption>
            <thead>
                <tr>{ for props.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr>
            </thead>
            <tbody>
                { for props.rows.iter().map(|row| html! {
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

#[derive(Properties, PartialEq, Clone)]
pub struct FigureTableProps {
    pub caption: AttrValue,
    /// (what the row is, figure id), in order.
    pub rows: &'static [(&'static str, &'static str)],
}

/// `FigureTable`: a `DataTable` of figures — what each counts, the number as the source
/// states it, and who says so.
#[component]
pub fn FigureTable(props: &FigureTableProps) -> Html {
    let figure = |id: &str| crate::model::DATASET.figure(id);
    let rows: Vec<Vec<AttrValue>> = props
        .rows
        .iter()
        .map(|(what, id)| {
            vec![
                AttrValue::from(*what),
                figure(id).map(|f| f.label()).unwrap_or_default().into(),
                AttrValue::from(figure(id).map_or("", |f| f.claimed_by)),
            ]
        })
        .collect();
    html! {
        <DataTable caption={props.caption.clone()}
            headers={Rc::new(vec!["What".into(), "As the source states it".into(), "According to".into()])}
            rows={Rc::new(rows)} />
    }
}
