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
