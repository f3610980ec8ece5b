//! `ChartImage` and `ShareCard`: the story's charts as standalone SVG pictures, rendered
//! natively at build time (`cargo run -p escalation -- images DIR`), never in the browser.
//! - `ChartImage`: one step's chart for download — its headline and title, the still drawing,
//!   its legend or note, the source line and a credit — laid out by `geom::image`.
//! - `ShareCard`: the 1200 × 630 picture a shared link shows: the story's title beside the
//!   chart of the step story.toml names (`share_card`).
//!
//! Both draw the widget's own geometry with the widget's classes; `cargo xtask dist` adds the
//! stylesheet (light theme) and renders each to PNG. Sizes are inline styles here, so the
//! geometry's estimates and the drawn text agree.

use yew::prelude::*;

use crate::components::chart_frame::{ChartWords, Drawing};
use crate::components::scope::IdScope;
use crate::components::step_chart::{chart_drawing, chart_words};
use crate::geom::fmt;
use crate::geom::image::{
    self, CARD_HEIGHT, CARD_WIDTH, CardWords, IMAGE_WIDTH, ImageWords, MARGIN, SWATCH, SWATCH_ROOM,
    TextBlock, TextStyle,
};
use crate::model::Source;
use crate::story::STORY;

/// How many pixels a unit of the picture becomes in the PNG: 400 units make 1,200 pixels.
pub const PIXELS_PER_UNIT: f64 = 3.0;

/// Where step `index`'s chart image is, beside the page, as `ext` ("svg" or "png"): `None` for
/// a step whose chart is not a drawing.
pub fn chart_image_path(index: usize, ext: &str) -> Option<String> {
    let step = STORY.steps.get(index)?;
    chart_drawing(index, true)?;
    Some(format!("images/step-{:02}-{}.{ext}", index + 1, step.slug))
}

/// The source line of a picture, which has no links to follow: each article in full, with
/// its outlet where the article names it and when it was published ("Source: “A”, The New
/// York Times, published April 15 to 19, 2024").
pub fn source_text(sources: &[&Source]) -> String {
    let label = if sources.len() > 1 {
        "Sources"
    } else {
        "Source"
    };
    let each: Vec<String> = sources
        .iter()
        .map(|s| {
            let outlet = s.outlet.map(|o| format!(", {o}")).unwrap_or_default();
            format!("“{}”{outlet}, published {}", s.title, s.published.label())
        })
        .collect();
    format!("{label}: {}", each.join("; "))
}

fn text_block(class: &'static str, x: f64, block: &TextBlock) -> Html {
    let style = font_size(block.style);
    html! {
        { for block.lines.iter().map(|(y, line)| html! {
            <text class={class} x={fmt(x)} y={fmt(*y)} style={style.clone()}>{ line.clone() }</text>
        }) }
    }
}

fn font_size(style: TextStyle) -> String {
    format!("font-size:{}px", fmt(style.size))
}

/// A legend swatch drawn as the mark it keys.
fn swatch(class: &'static str, (x, y): (f64, f64)) -> Html {
    let classes = classes!("image-swatch", class);
    match class {
        "event-bar-key" => html! {
            <rect class={classes} x={fmt(x)} y={fmt(y + SWATCH / 4.0)} width={fmt(SWATCH)} height={fmt(SWATCH / 2.0)} />
        },
        "event-arrow-key" => html! {
            <polygon class={classes} points={format!("{},{} {},{} {},{}", fmt(x), fmt(y), fmt(x + SWATCH), fmt(y + SWATCH / 2.0), fmt(x), fmt(y + SWATCH))} />
        },
        _ => html! {
            <rect class={classes} x={fmt(x + 1.0)} y={fmt(y + 1.0)} width={fmt(SWATCH - 2.0)} height={fmt(SWATCH - 2.0)} rx="1.5" />
        },
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ChartImageProps {
    /// Index into `STORY.steps`.
    pub index: usize,
}

/// Step `index`'s chart as a picture; nothing for a step whose chart is not a drawing.
#[component]
pub fn ChartImage(props: &ChartImageProps) -> Html {
    let (Some(step), Some(words), Some(drawing)) = (
        STORY.steps.get(props.index),
        chart_words(props.index),
        chart_drawing(props.index, true),
    ) else {
        return Html::default();
    };
    let legend: Vec<&str> = words.legend.iter().map(|e| e.text.as_str()).collect();
    let credit = format!(
        "Chart: “{}”, step {} of {}",
        STORY.title,
        props.index + 1,
        STORY.len()
    );
    let source = source_text(&words.sources);
    let layout = image::layout(&ImageWords {
        headline: step.headline,
        title: &words.title,
        drawing_height: drawing.height,
        legend: &legend,
        note: words.note.as_deref(),
        source: &source,
        credit: &credit,
    });
    let description = format!("{}. {}", words.title, step.alt);
    html! {
        <svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-image" role="img"
            width={fmt(IMAGE_WIDTH * PIXELS_PER_UNIT)} height={fmt(layout.height * PIXELS_PER_UNIT)}
            viewBox={format!("0 0 {} {}", fmt(IMAGE_WIDTH), fmt(layout.height))}>
            <title>{ format!("{}: {}", step.headline, words.title) }</title>
            <desc>{ description }</desc>
            <rect class="image-bg" x="0" y="0" width={fmt(IMAGE_WIDTH)} height={fmt(layout.height)} />
            { text_block("image-headline", MARGIN, &layout.headline) }
            { text_block("image-title", MARGIN, &layout.title) }
            { drawn(&drawing, MARGIN, layout.drawing_top, 1.0) }
            { for words.legend.iter().zip(&layout.legend).map(|(entry, placed)| html! {
                <>
                    { swatch(entry.swatch, placed.swatch) }
                    { text_block("image-note", MARGIN + SWATCH_ROOM, &placed.text) }
                </>
            }) }
            if let Some(note) = &layout.note {
                { text_block("image-note", MARGIN, note) }
            }
            { text_block("image-small", MARGIN, &layout.source) }
            { text_block("image-small", MARGIN, &layout.credit) }
        </svg>
    }
}

/// A drawing placed at (`x`, `y`) and scaled by `scale`, in its own id scope.
fn drawn(drawing: &Drawing, x: f64, y: f64, scale: f64) -> Html {
    let transform = if scale == 1.0 {
        format!("translate({} {})", fmt(x), fmt(y))
    } else {
        format!("translate({} {}) scale({})", fmt(x), fmt(y), scale)
    };
    html! {
        <ContextProvider<IdScope> context={IdScope::new("image")}>
            <g transform={transform}>{ drawing.content.clone() }</g>
        </ContextProvider<IdScope>>
    }
}

/// The alt text of the share card: the chart it draws, in words.
pub fn share_card_alt() -> String {
    let index = STORY.share_step;
    let step = &STORY.steps[index.min(STORY.len().saturating_sub(1))];
    format!("{}. {}", STORY.title, step.alt)
}

/// The picture a shared link shows: the story's title beside the chart of `STORY.share_step`.
#[component]
pub fn ShareCard() -> Html {
    let index = STORY.share_step;
    let (Some(words), Some(drawing)) = (chart_words(index), chart_drawing(index, true)) else {
        return Html::default();
    };
    let ChartWords { title, sources, .. } = words;
    // A teaser, read beside the link's title and description: the articles' short titles
    // (the picture's own source line is in full).
    let short: Vec<&str> = sources.iter().map(|s| s.short_title).collect();
    let source = format!(
        "{}: {}",
        if short.len() > 1 { "Sources" } else { "Source" },
        short.join("; ")
    );
    let card = image::card_layout(&CardWords {
        kicker: "EXPLAINER",
        title: STORY.title,
        dek: STORY.dek,
        source: &source,
        chart_title: &title,
        drawing_height: drawing.height,
    });
    html! {
        <svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-image share-card" role="img"
            width={fmt(CARD_WIDTH * 2.0)} height={fmt(CARD_HEIGHT * 2.0)}
            viewBox={format!("0 0 {} {}", fmt(CARD_WIDTH), fmt(CARD_HEIGHT))}>
            <title>{ STORY.title }</title>
            <desc>{ share_card_alt() }</desc>
            <rect class="image-bg" x="0" y="0" width={fmt(CARD_WIDTH)} height={fmt(CARD_HEIGHT)} />
            <rect class="card-rule" x="0" y="0" width={fmt(CARD_WIDTH)} height="5" />
            { text_block("card-kicker", MARGIN, &card.kicker) }
            { text_block("card-title", MARGIN, &card.title) }
            { text_block("card-dek", MARGIN, &card.dek) }
            { text_block("image-small", MARGIN, &card.source) }
            { text_block("image-title", card.chart_left, &card.chart_title) }
            { drawn(&drawing, card.chart_left, card.chart_top, card.chart_scale) }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Chart;

    #[test]
    fn every_drawn_chart_has_an_image_path_and_the_others_none() {
        for (i, step) in STORY.steps.iter().enumerate() {
            let path = chart_image_path(i, "png");
            match step.chart {
                Chart::None | Chart::Sources => assert_eq!(path, None, "{}", step.slug),
                _ => assert_eq!(
                    path,
                    Some(format!("images/step-{:02}-{}.png", i + 1, step.slug))
                ),
            }
        }
    }

    #[test]
    fn the_source_line_names_each_article_in_full() {
        let sources = &crate::model::DATASET.sources;
        let one = source_text(&[&sources[0]]);
        assert!(
            one.starts_with(&format!("Source: “{}”", sources[0].title)),
            "{one}"
        );
        assert!(one.contains("published "), "{one}");
        let two = source_text(&[&sources[0], &sources[1]]);
        assert!(two.starts_with("Sources: "), "{two}");
        assert!(two.contains(sources[1].title), "{two}");
        if let Some(outlet) = sources[1].outlet {
            assert!(two.contains(&format!("”, {outlet}, published")), "{two}");
        }
    }
}
