//! map_layout: where the locator map's words and furniture go, worked out at build time. The
//! land and every point come projected (`map`, in tenths of a map unit); this places the labels
//! so that none overlaps another, a mark, the globe or the scale bar, and none leaves the
//! frame, and shapes the schematic arrow. Values in, positions out; `map_svg` writes them.
//!
//! ```text
//!            ┌────────────────────────────────────── ◯ globe ┐
//!   Turkey   │        ● Tehran ─ a place label tries E, W, the four corners,
//!   Syria ●  │   Iran   ● Parchin   then callouts farther out with a leader line
//!  Israel ─┘ │                                      ├─500 km─┤ scale bar
//!            └───────────────────────────────────────────────┘
//! ```
//!
//! Text is measured with a generous width per character (system fonts differ), so the boxes
//! here hold the drawn text; the e2e tier checks the real boxes in Chromium.

use crate::map::{HEIGHT, WIDTH};

/// A place's name (bold) and its date, in map units.
pub const NAME_SIZE: f64 = 13.0;
pub const DATE_SIZE: f64 = 12.5;
/// From one baseline to the next in a two-line label.
pub const LINE: f64 = 13.5;
/// The radius of a place's mark.
pub const MARK: f64 = 3.0;
/// The globe's centre, in the top right corner.
pub const GLOBE_MARGIN: f64 = 4.0;
/// Labels keep this far inside the frame.
const INSET: f64 = 2.0;

/// A line from a mark (or a country) to its label.
pub type Leader = [(f64, f64); 2];

/// An axis-aligned box: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    fn inside_frame(&self) -> bool {
        self.x0 >= INSET
            && self.y0 >= INSET
            && self.x1 <= WIDTH - INSET
            && self.y1 <= HEIGHT - INSET
    }

    fn around((x, y): (f64, f64), r: f64) -> Rect {
        Rect {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        }
    }
}

/// How wide a text is drawn at `size`, generously: bold 0.6 em a character, regular 0.55.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let per = if bold { 0.6 } else { 0.55 };
    text.chars().count() as f64 * size * per
}

/// A place's label: its box, where the text starts (left, first baseline), and the leader
/// line from the mark to the box when the label sits away from it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceLabel {
    pub bbox: Rect,
    pub x: f64,
    pub baseline: f64,
    pub leader: Option<Leader>,
}

/// A country's label: centred on `x`, its baseline, its box, and a leader to the country when
/// the label sits beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryText {
    pub x: f64,
    pub baseline: f64,
    pub bbox: Rect,
    pub leader: Option<Leader>,
}

/// The schematic arrow: a gentle curve (start, control, end), its head, and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    pub start: (f64, f64),
    pub control: (f64, f64),
    pub end: (f64, f64),
    pub head: [(f64, f64); 3],
    pub label: CountryText,
}

/// Everything placed on one map step.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    pub places: Vec<PlaceLabel>,
    pub countries: Vec<CountryText>,
    pub arrow: Option<Arrow>,
    /// The globe's centre and the scale bar's left end (its baseline y).
    pub globe: (f64, f64),
    pub scale: (f64, f64),
    /// Every label's box and the furniture's (globe, scale bar): no two overlap.
    pub boxes: Vec<Rect>,
    /// The marks' boxes: no label overlaps one. (Two marks may touch: Tehran and Parchin
    /// are 37 km apart, four units on the map.)
    pub marks: Vec<Rect>,
}

/// One country label to place: its text, where it sits, and the country's own point when the
/// label sits beside it.
pub struct CountryIn<'a> {
    pub text: &'a str,
    pub at: (f64, f64),
    pub label_at: Option<(f64, f64)>,
}

/// A place to label: its mark and its two lines (name, date).
pub struct PlaceIn<'a> {
    pub at: (f64, f64),
    pub name: &'a str,
    pub date: &'a str,
}

/// The words of the arrow's label.
pub const ARROW_LABEL: &str = "schematic";
/// The map's credit and how it draws borders, in its bottom left corner: two lines.
pub const CREDIT: [&str; 2] = [
    "Base map: Natural Earth. Boundaries:",
    "de facto; dashed lines are disputed",
];
/// Where the credit's first line starts (left, baseline).
pub const CREDIT_AT: (f64, f64) = (FURNITURE_GAP, HEIGHT - FURNITURE_GAP - LINE);
/// The scale bar's label size and the gap from the frame's edge.
const FURNITURE_GAP: f64 = 6.0;

/// Places every label of a map step. `globe_radius` and `scale_length` size the furniture.
pub fn layout(
    places: &[PlaceIn],
    countries: &[CountryIn],
    arrow: Option<((f64, f64), (f64, f64))>,
    globe_radius: f64,
    scale_length: f64,
    scale_text: &str,
) -> MapLayout {
    let globe = (
        WIDTH - globe_radius - GLOBE_MARGIN,
        globe_radius + GLOBE_MARGIN,
    );
    let scale = (WIDTH - FURNITURE_GAP - scale_length, HEIGHT - FURNITURE_GAP);
    let scale_text_width = text_width(scale_text, DATE_SIZE, false);
    let mut taken = vec![
        Rect::around(globe, globe_radius + 1.0),
        Rect {
            x0: scale.0.min(WIDTH - FURNITURE_GAP - scale_text_width) - 1.0,
            y0: scale.1 - 4.0 - DATE_SIZE,
            x1: WIDTH - FURNITURE_GAP + 1.0,
            y1: scale.1 + 3.0,
        },
        Rect {
            x0: CREDIT_AT.0 - 1.0,
            y0: CREDIT_AT.1 - DATE_SIZE * 0.8,
            x1: CREDIT_AT.0
                + CREDIT
                    .iter()
                    .map(|l| text_width(l, DATE_SIZE, false))
                    .fold(0.0, f64::max),
            y1: CREDIT_AT.1 + LINE + DATE_SIZE * 0.3,
        },
    ];
    let marks: Vec<Rect> = places
        .iter()
        .map(|p| Rect::around(p.at, MARK + 0.5))
        .collect();
    let furniture = taken.len();
    taken.extend(marks.iter().copied());
    let countries: Vec<CountryText> = countries
        .iter()
        .map(|c| {
            let (x, y) = c.label_at.unwrap_or(c.at);
            let width = text_width(c.text, DATE_SIZE, false);
            let bbox = Rect {
                x0: x - width / 2.0,
                y0: y - DATE_SIZE * 0.8,
                x1: x + width / 2.0,
                y1: y + DATE_SIZE * 0.3,
            };
            let leader = c.label_at.map(|_| {
                let from = if c.at.0 > bbox.x1 {
                    (bbox.x1 + 1.0, y - DATE_SIZE * 0.25)
                } else {
                    (bbox.x0 - 1.0, y - DATE_SIZE * 0.25)
                };
                [from, c.at]
            });
            taken.push(bbox);
            CountryText {
                x,
                baseline: y,
                bbox,
                leader,
            }
        })
        .collect();
    let mut placed = Vec::new();
    for place in places {
        let width =
            text_width(place.name, NAME_SIZE, true).max(text_width(place.date, DATE_SIZE, false));
        let height = LINE + NAME_SIZE;
        let label = candidates(place.at, width, height)
            .into_iter()
            .find(|(bbox, _)| bbox.inside_frame() && !taken.iter().any(|t| t.overlaps(bbox)))
            .unwrap_or_else(|| candidates(place.at, width, height).swap_remove(0));
        let (bbox, leader) = label;
        taken.push(bbox);
        placed.push(PlaceLabel {
            bbox,
            x: bbox.x0,
            baseline: bbox.y0 + NAME_SIZE * 0.8,
            leader,
        });
    }
    let arrow = arrow.map(|(from, to)| {
        let a = schematic_arrow(from, to, &taken);
        taken.push(a.label.bbox);
        a
    });
    let boxes = taken[..furniture]
        .iter()
        .chain(&taken[furniture + marks.len()..])
        .copied()
        .collect();
    MapLayout {
        places: placed,
        countries,
        arrow,
        globe,
        scale,
        boxes,
        marks,
    }
}

/// Where a label of `width` × `height` may go around a mark, in order of preference: beside it
/// (east, west), at its corners, then farther out with a leader line, east before west.
fn candidates(at: (f64, f64), width: f64, height: f64) -> Vec<(Rect, Option<Leader>)> {
    let (x, y) = at;
    let gap = MARK + 2.5;
    let boxed = |x0: f64, y0: f64| Rect {
        x0,
        y0,
        x1: x0 + width,
        y1: y0 + height,
    };
    let mut out = vec![
        (boxed(x + gap, y - height / 2.0), None),
        (boxed(x - gap - width, y - height / 2.0), None),
        (boxed(x + gap - 2.0, y + 2.0), None),
        (boxed(x - gap - width + 2.0, y + 2.0), None),
        (boxed(x + gap - 2.0, y - height - 2.0), None),
        (boxed(x - gap - width + 2.0, y - height - 2.0), None),
    ];
    for reach in [16.0, 28.0, 40.0] {
        for dy in [0.0, -10.0, 10.0, -20.0, 20.0, -30.0, 30.0] {
            let east = boxed(x + reach, y - height / 2.0 + dy);
            out.push((east, Some([(x + MARK + 1.0, y), (east.x0 - 2.0, y + dy)])));
            let west = boxed(x - reach - width, y - height / 2.0 + dy);
            out.push((west, Some([(x - MARK - 1.0, y), (west.x1 + 2.0, y + dy)])));
        }
    }
    out
}

/// An arrow from `from` toward `to`, bowed a little to the north so it reads as a direction
/// rather than a route, stopping short of both ends; its label sits beside its middle where
/// nothing else is.
fn schematic_arrow(from: (f64, f64), to: (f64, f64), taken: &[Rect]) -> Arrow {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / length, dy / length);
    let start = (from.0 + ux * 22.0, from.1 + uy * 22.0);
    let end = (to.0 - ux * 9.0, to.1 - uy * 9.0);
    // The normal pointing up the page (negative y).
    let (nx, ny) = if ux >= 0.0 { (uy, -ux) } else { (-uy, ux) };
    let bow = length * 0.12;
    let middle = ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0);
    let control = (middle.0 + nx * bow * 2.0, middle.1 + ny * bow * 2.0);
    // The curve's direction at its end, for the head.
    let (tx, ty) = (end.0 - control.0, end.1 - control.1);
    let t = (tx * tx + ty * ty).sqrt().max(1.0);
    let (tx, ty) = (tx / t, ty / t);
    let head = [
        (end.0 + tx * 2.0, end.1 + ty * 2.0),
        (end.0 - tx * 7.0 + ty * 4.0, end.1 - ty * 7.0 - tx * 4.0),
        (end.0 - tx * 7.0 - ty * 4.0, end.1 - ty * 7.0 + tx * 4.0),
    ];
    // The curve's top: where the label goes, above it, or below if that is taken.
    let apex = (
        (start.0 + 2.0 * control.0 + end.0) / 4.0,
        (start.1 + 2.0 * control.1 + end.1) / 4.0,
    );
    let width = text_width(ARROW_LABEL, DATE_SIZE, false);
    let label_at = |baseline: f64, shift: f64| {
        let x = apex.0 + shift;
        CountryText {
            x,
            baseline,
            bbox: Rect {
                x0: x - width / 2.0,
                y0: baseline - DATE_SIZE * 0.8,
                x1: x + width / 2.0,
                y1: baseline + DATE_SIZE * 0.3,
            },
            leader: None,
        }
    };
    let options = [
        label_at(apex.1 - 5.0, 0.0),
        label_at(apex.1 + 14.0, 0.0),
        label_at(apex.1 - 5.0, 30.0),
        label_at(apex.1 - 5.0, -30.0),
        label_at(apex.1 + 14.0, 30.0),
        label_at(apex.1 + 14.0, -30.0),
    ];
    let label = options
        .iter()
        .find(|o| o.bbox.inside_frame() && !taken.iter().any(|t| t.overlaps(&o.bbox)))
        .unwrap_or(&options[0])
        .clone();
    Arrow {
        start,
        control,
        end,
        head,
        label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster() -> Vec<PlaceIn<'static>> {
        // Four marks as close as Tehran, Parchin, Natanz and Isfahan fall on the map.
        vec![
            PlaceIn {
                at: (232.0, 66.0),
                name: "Tehran",
                date: "Jul 9",
            },
            PlaceIn {
                at: (235.7, 68.2),
                name: "Parchin",
                date: "Jun 25",
            },
            PlaceIn {
                at: (234.0, 90.0),
                name: "Natanz",
                date: "Jul 2",
            },
            PlaceIn {
                at: (233.6, 103.0),
                name: "Isfahan",
                date: "Jul 19",
            },
        ]
    }

    #[test]
    fn labels_of_marks_a_few_units_apart_never_overlap() {
        let layout = layout(&cluster(), &[], None, 19.0, 55.0, "500 km");
        for (i, a) in layout.boxes.iter().enumerate() {
            for b in &layout.boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
            for m in &layout.marks {
                assert!(!a.overlaps(m), "{a:?} covers the mark {m:?}");
            }
        }
        for label in &layout.places {
            assert!(label.bbox.inside_frame(), "{label:?}");
        }
    }

    #[test]
    fn a_lone_mark_is_labelled_right_beside_it_to_the_east() {
        let layout = layout(
            &[PlaceIn {
                at: (100.0, 100.0),
                name: "Damascus",
                date: "Apr 1",
            }],
            &[],
            None,
            19.0,
            55.0,
            "500 km",
        );
        let label = &layout.places[0];
        assert_eq!(label.leader, None);
        assert_eq!(label.x, 100.0 + MARK + 2.5);
    }

    #[test]
    fn a_mark_by_the_east_edge_is_labelled_to_the_west() {
        let layout = layout(
            &[PlaceIn {
                at: (300.0, 120.0),
                name: "Somewhere",
                date: "Apr 1",
            }],
            &[],
            None,
            19.0,
            55.0,
            "500 km",
        );
        assert!(layout.places[0].bbox.x1 < 300.0);
    }

    #[test]
    fn the_arrow_stops_short_of_both_ends_and_points_at_its_target() {
        let layout = layout(
            &[],
            &[],
            Some(((300.0, 120.0), (60.0, 130.0))),
            19.0,
            55.0,
            "500 km",
        );
        let arrow = layout.arrow.expect("an arrow");
        assert!(arrow.start.0 < 300.0 && arrow.end.0 > 60.0);
        assert!(
            arrow.head[0].0 < arrow.end.0,
            "the head points west, toward the target"
        );
        assert!(arrow.control.1 < 125.0, "bowed north");
    }

    #[test]
    fn text_width_grows_with_the_text_and_with_bold() {
        assert_eq!(text_width("", 13.0, true), 0.0);
        assert!(text_width("Isfahan", 13.0, true) > text_width("Isfahan", 13.0, false));
        assert!((text_width("abcd", 10.0, false) - 22.0).abs() < 1e-9);
    }
}
