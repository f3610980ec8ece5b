//! The layout of a chart image: a step's chart as one standalone picture (for download, and
//! for the share card), with its headline and title above the drawing and its legend, note,
//! source line and credit below, each block of text wrapped to the picture's width. Text widths
//! are estimated from a per-character width at each size, as the charts' own labels are: wide
//! enough for DejaVu Sans, which the PNGs are drawn in and which is wider than most system
//! fonts that show the SVGs.

use super::WIDTH;

/// The margin around everything, in the charts' units.
pub const MARGIN: f64 = 20.0;
/// The picture's width: the chart's coordinate space and a margin either side.
pub const IMAGE_WIDTH: f64 = WIDTH + 2.0 * MARGIN;

/// One kind of text in the picture: its size, the room a character takes, its line height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub size: f64,
    pub char_width: f64,
    pub line: f64,
}

/// The step's headline, over everything.
pub const HEADLINE: TextStyle = TextStyle {
    size: 17.0,
    char_width: 10.9,
    line: 21.0,
};
/// The chart's title, under the headline.
pub const TITLE: TextStyle = TextStyle {
    size: 13.0,
    char_width: 8.4,
    line: 17.0,
};
/// Legend entries and notes, under the drawing.
pub const NOTE: TextStyle = TextStyle {
    size: 12.0,
    char_width: 7.0,
    line: 15.0,
};
/// The source line and the credit, at the bottom.
pub const SMALL: TextStyle = TextStyle {
    size: 11.0,
    char_width: 6.4,
    line: 14.0,
};

/// The side of a legend swatch, and the room it takes before its text.
pub const SWATCH: f64 = 10.0;
pub const SWATCH_ROOM: f64 = SWATCH + 6.0;
/// The space between blocks.
const GAP: f64 = 10.0;

/// `text` broken into lines of at most `width` units at `style`, at spaces; a word longer than
/// a line stands alone on its own line.
pub fn wrap(text: &str, width: f64, style: TextStyle) -> Vec<String> {
    let most = ((width / style.char_width).floor() as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > most {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lines of text placed: each line's baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBlock {
    pub style: TextStyle,
    pub lines: Vec<(f64, String)>,
}

/// A legend entry placed: its swatch's top left, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyBlock {
    pub swatch: (f64, f64),
    pub text: TextBlock,
}

/// What the picture holds, in its words (the drawing's own height comes with it).
pub struct ImageWords<'a> {
    pub headline: &'a str,
    pub title: &'a str,
    pub drawing_height: f64,
    pub legend: &'a [&'a str],
    pub note: Option<&'a str>,
    pub source: &'a str,
    pub credit: &'a str,
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageLayout {
    pub height: f64,
    pub headline: TextBlock,
    pub title: TextBlock,
    /// The top of the drawing, which is [`WIDTH`] wide at x = [`MARGIN`].
    pub drawing_top: f64,
    pub legend: Vec<KeyBlock>,
    pub note: Option<TextBlock>,
    pub source: TextBlock,
    pub credit: TextBlock,
}

/// Lays `text` out from `top` (the top of its first line), returning the block and the bottom.
fn block(text: &str, width: f64, style: TextStyle, top: f64) -> (TextBlock, f64) {
    let lines: Vec<(f64, String)> = wrap(text, width, style)
        .into_iter()
        .enumerate()
        .map(|(i, line)| (top + style.size + i as f64 * style.line, line))
        .collect();
    let bottom = top + lines.len() as f64 * style.line;
    (TextBlock { style, lines }, bottom)
}

/// The picture's layout, top to bottom.
pub fn layout(words: &ImageWords) -> ImageLayout {
    let (headline, y) = block(words.headline, WIDTH, HEADLINE, MARGIN);
    let (title, y) = block(words.title, WIDTH, TITLE, y + 2.0);
    let drawing_top = y + GAP;
    let mut y = drawing_top + words.drawing_height + GAP;
    let mut legend = Vec::new();
    for entry in words.legend {
        let (text, bottom) = block(entry, WIDTH - SWATCH_ROOM, NOTE, y);
        let swatch = (MARGIN, y + (NOTE.size - SWATCH) / 2.0 + 1.0);
        legend.push(KeyBlock { swatch, text });
        y = bottom + 2.0;
    }
    let note = words.note.map(|note| {
        let (text, bottom) = block(note, WIDTH, NOTE, y);
        y = bottom + 2.0;
        text
    });
    let (source, y) = block(words.source, WIDTH, SMALL, y + GAP / 2.0);
    let (credit, y) = block(words.credit, WIDTH, SMALL, y);
    ImageLayout {
        height: (y + MARGIN).ceil(),
        headline,
        title,
        drawing_top,
        legend,
        note,
        source,
        credit,
    }
}

/// The share card's size in units (a PNG of twice as many pixels: 1200 × 630).
pub const CARD_WIDTH: f64 = 600.0;
pub const CARD_HEIGHT: f64 = 315.0;
/// The card's text column, left of the chart.
pub const CARD_TEXT: f64 = 270.0;
pub const CARD_KICKER: TextStyle = TextStyle {
    size: 11.0,
    char_width: 7.4,
    line: 14.0,
};
pub const CARD_TITLE: TextStyle = TextStyle {
    size: 23.0,
    char_width: 13.4,
    line: 28.0,
};
pub const CARD_DEK: TextStyle = TextStyle {
    size: 12.0,
    char_width: 6.8,
    line: 15.5,
};

/// What the share card holds.
pub struct CardWords<'a> {
    pub kicker: &'a str,
    pub title: &'a str,
    pub dek: &'a str,
    pub source: &'a str,
    pub chart_title: &'a str,
    pub drawing_height: f64,
}

/// Where the card puts it: the text column on the left, top down, the source line at its
/// foot, and the chart, scaled to the right column, with its title above it.
#[derive(Debug, Clone, PartialEq)]
pub struct CardLayout {
    pub kicker: TextBlock,
    pub title: TextBlock,
    /// Left out (empty) when the column has no room for it above the source line.
    pub dek: TextBlock,
    pub source: TextBlock,
    pub chart_left: f64,
    pub chart_top: f64,
    pub chart_scale: f64,
    pub chart_title: TextBlock,
}

pub fn card_layout(words: &CardWords) -> CardLayout {
    let (kicker, y) = block(words.kicker, CARD_TEXT, CARD_KICKER, MARGIN + 6.0);
    let (title, y) = block(words.title, CARD_TEXT, CARD_TITLE, y + 12.0);
    let source_lines = wrap(words.source, CARD_TEXT, SMALL);
    let source_top = CARD_HEIGHT - MARGIN - source_lines.len() as f64 * SMALL.line;
    let (source, _) = block(words.source, CARD_TEXT, SMALL, source_top);
    let (mut dek, dek_bottom) = block(words.dek, CARD_TEXT, CARD_DEK, y + 10.0);
    if dek_bottom > source_top - GAP {
        dek.lines.clear();
    }
    let chart_left = MARGIN + CARD_TEXT + 1.5 * MARGIN;
    let chart_width = CARD_WIDTH - chart_left - MARGIN;
    let chart_scale = chart_width / WIDTH;
    let title_lines = wrap(words.chart_title, chart_width, TITLE).len() as f64;
    let title_room = title_lines * TITLE.line + 4.0;
    let chart_top = (CARD_HEIGHT - words.drawing_height * chart_scale + title_room) / 2.0;
    let (chart_title, _) = block(
        words.chart_title,
        chart_width,
        TITLE,
        chart_top - title_room,
    );
    CardLayout {
        kicker,
        title,
        dek,
        source,
        chart_left,
        chart_top,
        chart_scale,
        chart_title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_at_spaces_within_the_width() {
        // 60 units at 6 units a character: 10 characters a line.
        let style = TextStyle {
            size: 10.0,
            char_width: 6.0,
            line: 12.0,
        };
        assert_eq!(
            wrap("one two three four", 60.0, style),
            vec!["one two", "three four"]
        );
        assert_eq!(wrap("", 60.0, style), Vec::<String>::new());
        assert_eq!(
            wrap("incomprehensibilities x", 60.0, style),
            vec!["incomprehensibilities", "x"],
            "a long word stands alone"
        );
        for line in wrap("a b c d e f g h i j k l m n o p q r s t u v w", 60.0, style) {
            assert!(line.chars().count() <= 10, "{line:?}");
        }
    }

    #[test]
    fn blocks_stack_without_overlapping_and_the_picture_holds_them() {
        let words = ImageWords {
            headline: "A headline long enough to need a second line in the picture, surely",
            title: "The chart's title",
            drawing_height: 200.0,
            legend: &["Outlined: entered Israeli airspace (75); most of those were shot down too"],
            note: Some("A note."),
            source: "Sources: One article; Another article",
            credit: "Escalation, step 9 of 12",
        };
        let l = layout(&words);
        assert!(l.headline.lines.len() >= 2, "the headline wraps");
        let bottom = |b: &TextBlock| b.lines.last().map_or(0.0, |(y, _)| *y);
        let top = |b: &TextBlock| b.lines[0].0 - b.style.size;
        assert!(top(&l.title) >= bottom(&l.headline));
        assert!(l.drawing_top >= bottom(&l.title));
        assert!(top(&l.legend[0].text) >= l.drawing_top + 200.0);
        let note = l.note.as_ref().unwrap();
        assert!(top(note) >= bottom(&l.legend[0].text));
        assert!(top(&l.source) >= bottom(note));
        assert!(top(&l.credit) >= bottom(&l.source));
        assert!(l.height >= bottom(&l.credit) + MARGIN - 1.0);
        assert!(l.legend[0].swatch.1 < l.legend[0].text.lines[0].0);
    }

    fn top(b: &TextBlock) -> f64 {
        b.lines
            .first()
            .map_or(f64::INFINITY, |(y, _)| y - b.style.size)
    }
    fn bottom(b: &TextBlock) -> f64 {
        b.lines.last().map_or(f64::NEG_INFINITY, |(y, _)| *y)
    }

    #[test]
    fn the_card_keeps_its_blocks_apart_and_inside_it() {
        let words = CardWords {
            kicker: "EXPLAINER",
            title: "From sabotage to open fire: how Israel and Iran escalated",
            dek: "A dek of a line or two.",
            source: "Source: “A long article title that takes two lines here”, An Outlet, published April 2024",
            chart_title: "A chart",
            drawing_height: 220.0,
        };
        let card = card_layout(&words);
        assert!(bottom(&card.kicker) < top(&card.title));
        assert!(bottom(&card.title) < top(&card.dek));
        assert!(bottom(&card.dek) < top(&card.source));
        assert!(bottom(&card.source) <= CARD_HEIGHT - MARGIN + 0.01);
        assert!(card.chart_left >= MARGIN + CARD_TEXT);
        assert!(card.chart_left + WIDTH * card.chart_scale <= CARD_WIDTH - MARGIN + 0.01);
        assert!(bottom(&card.chart_title) < card.chart_top);
        assert!(card.chart_top + 220.0 * card.chart_scale <= CARD_HEIGHT);
        // A dek too long for the column gives way to the source line.
        let long = "word ".repeat(200);
        let crowded = card_layout(&CardWords {
            dek: &long,
            ..words
        });
        assert!(crowded.dek.lines.is_empty());
        assert!(!crowded.source.lines.is_empty());
    }
}
