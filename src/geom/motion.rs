//! motion: the unit chart's regrouping as a function of time — where each mark is, and in
//! what colours, `t` milliseconds after a view change — and the arithmetic the canvas needs
//! around it (the theme's colours as numbers, the drawing's fit in its box, the marks grouped
//! by colour). Values in, values out: the browser's painter (`embed::canvas`) only draws what
//! these return, so the motion is tested here, natively.
//!
//! The timing is the one the SVG marks had as CSS transitions: mark `i` waits
//! `(i mod 8) × 25 ms`, then moves for 700 ms on `cubic-bezier(0.3, 0.7, 0.3, 1)` and changes
//! colour over 500 ms on CSS's `ease`.
//!
//! ```text
//!  mark 0  |■■■■■■■■■■■■■■■■■■■■■■■■■■■■|          move 700 ms
//!  mark 1   ·|■■■■■■■■■■■■■■■■■■■■■■■■■■■■|        waits 25 ms
//!  …
//!  mark 7          ·······|■■■■■■■■■■■■■■■■■■■■■■■■■■■■|   waits 175 ms: all done at 875 ms
//! ```

use super::units::{Kind, Layout, Mark, View};

/// How long a mark takes to reach its new place.
pub const MOVE_MS: f64 = 700.0;
/// How long a mark takes to change colour.
pub const FADE_MS: f64 = 500.0;
/// The wait between one stagger group and the next.
pub const LAG_MS: f64 = 25.0;
/// How many stagger groups the marks fall into, by index.
pub const LAGS: u32 = 8;
/// The corner radius of a mark, in chart units.
pub const CORNER: f64 = 1.5;
/// The width of an outlined mark's outline, in chart units.
pub const OUTLINE: f64 = 1.5;

/// A CSS `cubic-bezier()` timing function: the curve from (0, 0) to (1, 1) through the two
/// control points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CubicBezier {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// The marks' move, as the SVG marks' `transform` transition had it.
pub const MOVE_EASE: CubicBezier = CubicBezier {
    x1: 0.3,
    y1: 0.7,
    x2: 0.3,
    y2: 1.0,
};

/// CSS's `ease`, the colour transitions' timing.
pub const FADE_EASE: CubicBezier = CubicBezier {
    x1: 0.25,
    y1: 0.1,
    x2: 0.25,
    y2: 1.0,
};

impl CubicBezier {
    /// The curve's progress at time fraction `x`: 0 at or before 0, 1 at or after 1 (and for
    /// not-a-number, so a broken clock ends the motion rather than freezing it).
    pub fn at(&self, x: f64) -> f64 {
        if x.is_nan() || x >= 1.0 {
            return 1.0;
        }
        if x <= 0.0 {
            return 0.0;
        }
        let curve = |a: f64, b: f64, s: f64| {
            let r = 1.0 - s;
            3.0 * r * r * s * a + 3.0 * r * s * s * b + s * s * s
        };
        // x(s) rises from 0 to 1 (x1, x2 in [0, 1]): halve the interval until s is found to
        // well under a thousandth of a pixel's worth.
        let (mut low, mut high) = (0.0, 1.0);
        let mut s = x;
        for _ in 0..30 {
            let at = curve(self.x1, self.x2, s);
            if (at - x).abs() < 1e-7 {
                break;
            }
            if at < x {
                low = s;
            } else {
                high = s;
            }
            s = (low + high) / 2.0;
        }
        curve(self.y1, self.y2, s)
    }
}

/// When mark `index` starts to move, in ms after the view change.
pub fn delay(index: u32) -> f64 {
    f64::from(index % LAGS) * LAG_MS
}

/// How long a view change takes from the first mark's start to the last mark's stop.
pub fn duration() -> f64 {
    f64::from(LAGS - 1) * LAG_MS + MOVE_MS.max(FADE_MS)
}

/// A colour as the canvas takes it: sRGB channels 0–255 and an alpha 0–1, kept as floats so
/// that a fade passes through every shade in between.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    pub r: f64,
    pub g: f64,
    pub b: f64,
    pub a: f64,
}

impl Rgba {
    /// Nothing drawn.
    pub const CLEAR: Rgba = Rgba {
        r: 0.0,
        g: 0.0,
        b: 0.0,
        a: 0.0,
    };

    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba {
            r: r as f64,
            g: g as f64,
            b: b as f64,
            a: 1.0,
        }
    }

    /// A colour as the stylesheet writes it: `#rgb`, `#rrggbb` or `#rrggbbaa`, with spaces
    /// around it allowed; anything else is `None`. Written without `from_str_radix` or the
    /// float parser, for the wasm's size.
    pub fn parse(text: &str) -> Option<Rgba> {
        let digits: Vec<u8> = text
            .trim()
            .strip_prefix('#')?
            .bytes()
            .map(|b| match b {
                b'0'..=b'9' => Some(b - b'0'),
                b'a'..=b'f' => Some(b - b'a' + 10),
                b'A'..=b'F' => Some(b - b'A' + 10),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let pair = |i: usize| digits[i] * 16 + digits[i + 1];
        let (r, g, b, a) = match digits.len() {
            3 => (digits[0] * 17, digits[1] * 17, digits[2] * 17, 255),
            6 => (pair(0), pair(2), pair(4), 255),
            8 => (pair(0), pair(2), pair(4), pair(6)),
            _ => return None,
        };
        Some(Rgba {
            a: f64::from(a) / 255.0,
            ..Rgba::rgb(r, g, b)
        })
    }

    /// The colour `p` of the way from `self` to `to` (0 ≤ p ≤ 1), mixed as CSS transitions mix
    /// colours: premultiplied by alpha, so a fade from clear keeps the target's hue.
    pub fn mix(self, to: Rgba, p: f64) -> Rgba {
        let p = super::within(p, 0.0, 1.0);
        let a = self.a + (to.a - self.a) * p;
        if a <= 0.0 {
            return Rgba::CLEAR;
        }
        let channel = |x: f64, y: f64| (x * self.a * (1.0 - p) + y * to.a * p) / a;
        Rgba {
            r: channel(self.r, to.r),
            g: channel(self.g, to.g),
            b: channel(self.b, to.b),
            a,
        }
    }

    /// Whether drawing it leaves any trace.
    pub fn visible(self) -> bool {
        self.a > 0.5 / 255.0
    }

    /// The colour rounded to 8 bits a channel, as `0xRRGGBBAA`: what the canvas draws, and so
    /// what tells two colours apart when marks are grouped by colour.
    pub fn key(self) -> u32 {
        let byte = |v: f64| super::within(v.round(), 0.0, 255.0) as u32;
        (byte(self.r) << 24) | (byte(self.g) << 16) | (byte(self.b) << 8) | byte(self.a * 255.0)
    }
}

/// The stylesheet's colours that mark the unit chart, one per [`Ink`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub drone: Rgba,
    pub cruise: Rgba,
    pub ballistic: Rgba,
    pub stopped: Rgba,
    pub entered: Rgba,
    pub background: Rgba,
}

/// What colours a mark, by role; the theme says which colour each is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    Drone,
    Cruise,
    Ballistic,
    Stopped,
    Entered,
    Background,
    /// No outline.
    None,
}

impl Ink {
    /// The stylesheet's custom property for each ink but `None`, in [`Palette`]'s order.
    pub const PROPERTIES: [(Ink, &'static str); 6] = [
        (Ink::Drone, "--esc-drone"),
        (Ink::Cruise, "--esc-cruise"),
        (Ink::Ballistic, "--esc-ballistic"),
        (Ink::Stopped, "--esc-stopped"),
        (Ink::Entered, "--esc-entered"),
        (Ink::Background, "--esc-bg"),
    ];
}

impl Palette {
    /// The palette from the custom properties' values, each given by `read` (the browser's
    /// computed style). A colour that cannot be read (none, or not in hex) falls back to the
    /// light theme's.
    pub fn read(mut read: impl FnMut(&str) -> Option<Rgba>) -> Palette {
        let mut palette = Palette::LIGHT;
        for (ink, property) in Ink::PROPERTIES {
            if let Some(colour) = read(property) {
                *palette.slot(ink) = colour;
            }
        }
        palette
    }

    /// The light theme's colours, as `www/escalation.css` defines them.
    pub const LIGHT: Palette = Palette {
        drone: Rgba::rgb(0x00, 0x72, 0xb2),
        cruise: Rgba::rgb(0x27, 0x99, 0x5e),
        ballistic: Rgba::rgb(0xa3, 0x31, 0x6f),
        stopped: Rgba::rgb(0x88, 0x88, 0x88),
        entered: Rgba::rgb(0xd5, 0x5e, 0x00),
        background: Rgba::rgb(0xff, 0xff, 0xff),
    };

    fn slot(&mut self, ink: Ink) -> &mut Rgba {
        match ink {
            Ink::Drone => &mut self.drone,
            Ink::Cruise => &mut self.cruise,
            Ink::Ballistic => &mut self.ballistic,
            Ink::Stopped => &mut self.stopped,
            Ink::Entered | Ink::None => &mut self.entered,
            Ink::Background => &mut self.background,
        }
    }

    /// The colour of `ink`; `None` is clear.
    pub fn colour(&self, ink: Ink) -> Rgba {
        match ink {
            Ink::Drone => self.drone,
            Ink::Cruise => self.cruise,
            Ink::Ballistic => self.ballistic,
            Ink::Stopped => self.stopped,
            Ink::Entered => self.entered,
            Ink::Background => self.background,
            Ink::None => Rgba::CLEAR,
        }
    }
}

/// How a mark is coloured in a view: its fill and its outline. The same rules as the
/// stylesheet's for the SVG marks (`.units.<view> .mark…`).
pub fn inks(view: View, mark: &Mark) -> (Ink, Ink) {
    match view {
        View::ByType => (
            match mark.kind {
                Kind::Drone => Ink::Drone,
                Kind::Cruise => Ink::Cruise,
                Kind::Ballistic => Ink::Ballistic,
            },
            Ink::None,
        ),
        View::ByAirspace if mark.entered => (Ink::Entered, Ink::None),
        View::ByAirspace => (Ink::Stopped, Ink::None),
        // The ones that entered Israeli airspace outlined, hollow.
        View::Outcome if mark.entered => (Ink::Background, Ink::Entered),
        View::Outcome => (Ink::Stopped, Ink::None),
    }
}

/// One mark as drawn: its top-left corner in chart units, its fill and its outline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    pub x: f64,
    pub y: f64,
    pub fill: Rgba,
    pub outline: Rgba,
}

/// Every mark at rest in `layout`, the layout of `view`, in `palette`'s colours.
pub fn settled(layout: &Layout, view: View, palette: &Palette) -> Vec<Pose> {
    layout
        .marks
        .iter()
        .map(|mark| {
            let (fill, outline) = inks(view, mark);
            Pose {
                x: mark.x,
                y: mark.y,
                fill: palette.colour(fill),
                outline: palette.colour(outline),
            }
        })
        .collect()
}

/// Mark `index` `t` ms into its move from `from` to `to`.
pub fn pose_at(from: &Pose, to: &Pose, index: u32, t: f64) -> Pose {
    let since = t - delay(index);
    let moved = MOVE_EASE.at(since / MOVE_MS);
    let faded = FADE_EASE.at(since / FADE_MS);
    Pose {
        x: from.x + (to.x - from.x) * moved,
        y: from.y + (to.y - from.y) * moved,
        fill: from.fill.mix(to.fill, faded),
        outline: from.outline.mix(to.outline, faded),
    }
}

/// Every mark `t` ms after a view change from `from` to `to`. A mark with nowhere to come
/// from (the two differ in length) starts where it ends.
pub fn frame(from: &[Pose], to: &[Pose], t: f64) -> Vec<Pose> {
    to.iter()
        .enumerate()
        .map(|(i, end)| pose_at(from.get(i).unwrap_or(end), end, i as u32, t))
        .collect()
}

/// The marks' indexes grouped by the colour `ink` picks from each pose (by [`Rgba::key`]),
/// in the order the colours first appear, leaving out what would not show: the canvas
/// changes its colour once per group, not once per mark.
pub fn by_colour(poses: &[Pose], ink: impl Fn(&Pose) -> Rgba) -> Vec<(Rgba, Vec<usize>)> {
    let mut groups: Vec<(u32, Rgba, Vec<usize>)> = Vec::new();
    for (i, pose) in poses.iter().enumerate() {
        let colour = ink(pose);
        if !colour.visible() {
            continue;
        }
        let key = colour.key();
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, members)) => members.push(i),
            None => groups.push((key, colour, vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(_, colour, members)| (colour, members))
        .collect()
}

/// Where a drawing `width` × `height` units sits in a box `box_width` × `box_height`,
/// scaled to fit and centred, as SVG's `preserveAspectRatio="xMidYMid meet"` places it: the
/// scale and the offsets, in the box's units. An empty box or drawing gives a scale of 0.
pub fn fit(box_width: f64, box_height: f64, width: f64, height: f64) -> (f64, f64, f64) {
    if !(box_width > 0.0 && box_height > 0.0 && width > 0.0 && height > 0.0) {
        return (0.0, 0.0, 0.0);
    }
    let scale = (box_width / width).min(box_height / height);
    (
        scale,
        (box_width - width * scale) / 2.0,
        (box_height - height * scale) / 2.0,
    )
}

/// The canvas's size in device pixels for a CSS size and a device pixel ratio: rounded, at
/// least 1 (a canvas of 0 pixels cannot be drawn on), at most 8192 a side.
pub fn backing_size(css: f64, pixel_ratio: f64) -> u32 {
    let ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 {
        pixel_ratio
    } else {
        1.0
    };
    let size = (css * ratio).round();
    if size.is_finite() {
        super::within(size, 1.0, 8192.0) as u32
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::units::layout;
    use crate::geom::units::tests::BARRAGE;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-4
    }

    #[test]
    fn the_timing_curves_run_from_0_to_1_and_bend_as_css_draws_them() {
        for ease in [MOVE_EASE, FADE_EASE] {
            assert_eq!(ease.at(0.0), 0.0);
            assert_eq!(ease.at(-3.0), 0.0, "before the start");
            assert_eq!(ease.at(1.0), 1.0);
            assert_eq!(ease.at(7.0), 1.0, "after the end");
            assert_eq!(ease.at(f64::NAN), 1.0, "a broken clock ends the motion");
            let mut last = 0.0;
            for step in 1..100 {
                let y = ease.at(f64::from(step) / 100.0);
                assert!(y >= last, "rises");
                last = y;
            }
        }
        // Values from the curves' definitions, solved by hand to 4 places: CSS's `ease` is
        // 0.8024 at half time; the move's curve, quick off the mark, is 0.8985 at half time.
        assert!(close(FADE_EASE.at(0.5), 0.8024), "{}", FADE_EASE.at(0.5));
        assert!(close(MOVE_EASE.at(0.5), 0.8985), "{}", MOVE_EASE.at(0.5));
        // A straight curve is the identity.
        let linear = CubicBezier {
            x1: 0.25,
            y1: 0.25,
            x2: 0.75,
            y2: 0.75,
        };
        for x in [0.1, 0.33, 0.5, 0.9] {
            assert!(close(linear.at(x), x));
        }
    }

    #[test]
    fn marks_start_in_eight_groups_25_ms_apart_and_all_stop_by_875_ms() {
        let starts: Vec<f64> = (0..10).map(delay).collect();
        assert_eq!(
            starts,
            [0.0, 25.0, 50.0, 75.0, 100.0, 125.0, 150.0, 175.0, 0.0, 25.0]
        );
        assert_eq!(duration(), 875.0);
    }

    #[test]
    fn colours_parse_as_the_stylesheet_writes_them() {
        let blue = Rgba::rgb(0x00, 0x72, 0xb2);
        assert_eq!(Rgba::parse("#0072b2"), Some(blue));
        assert_eq!(Rgba::parse("  #0072B2 "), Some(blue), "spaces, upper case");
        assert_eq!(Rgba::parse("#fff"), Some(Rgba::rgb(255, 255, 255)));
        assert_eq!(Rgba::parse("#0072b280").map(|c| c.key()), Some(0x0072_b280));
        assert_eq!(Rgba::parse("#00000000"), Some(Rgba::CLEAR));
        for bad in [
            "",
            "#",
            "#12",
            "#12345",
            "#gggggg",
            "0072b2",
            "blue",
            "rgb(0, 114, 178)",
            "#ÿÿÿ",
            "# 0072b2",
        ] {
            assert_eq!(Rgba::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn colours_mix_premultiplied_so_a_fade_from_clear_keeps_its_hue() {
        let orange = Rgba::rgb(0xd5, 0x5e, 0x00);
        let grey = Rgba::rgb(0x88, 0x88, 0x88);
        assert_eq!(grey.mix(orange, 0.0), grey);
        assert_eq!(grey.mix(orange, 1.0), orange);
        let half = grey.mix(orange, 0.5);
        assert_eq!(half.key(), 0xaf73_44ff);
        let fading_in = Rgba::CLEAR.mix(orange, 0.5);
        assert_eq!(fading_in.key() >> 8, 0x00d5_5e00, "the target's hue");
        assert!(close(fading_in.a, 0.5));
        assert_eq!(Rgba::CLEAR.mix(Rgba::CLEAR, 0.5), Rgba::CLEAR);
        assert!(!Rgba::CLEAR.visible());
        assert!(fading_in.visible());
    }

    #[test]
    fn the_palette_reads_each_custom_property_and_keeps_the_light_colour_for_one_it_cannot() {
        let dark = Palette::read(|property| match property {
            "--esc-drone" => Rgba::parse("#56b4e9"),
            "--esc-bg" => Rgba::parse("#121417"),
            _ => None,
        });
        assert_eq!(dark.drone, Rgba::rgb(0x56, 0xb4, 0xe9));
        assert_eq!(dark.background, Rgba::rgb(0x12, 0x14, 0x17));
        assert_eq!(dark.cruise, Palette::LIGHT.cruise);
        let mut asked = Vec::new();
        Palette::read(|p| {
            asked.push(p.to_owned());
            None
        });
        assert_eq!(
            asked,
            [
                "--esc-drone",
                "--esc-cruise",
                "--esc-ballistic",
                "--esc-stopped",
                "--esc-entered",
                "--esc-bg"
            ]
        );
    }

    #[test]
    fn the_light_palette_is_the_stylesheets() {
        let css = include_str!("../../www/escalation.css");
        let light = &css[css.find(".escalation {").unwrap()..css.find("@media").unwrap()];
        let palette = Palette::read(|property| {
            let at = light.find(&format!("{property}:"))? + property.len() + 1;
            Rgba::parse(&light[at..at + light[at..].find(';')?])
        });
        assert_eq!(palette, Palette::LIGHT);
    }

    #[test]
    fn each_view_colours_its_marks_as_the_stylesheet_colours_the_svg_marks() {
        let marks = layout(&BARRAGE, View::ByType).marks;
        let drone = marks.iter().find(|m| m.kind == Kind::Drone).unwrap();
        let entered = marks.iter().find(|m| m.entered).unwrap();
        let stopped = marks
            .iter()
            .find(|m| !m.entered && m.kind == Kind::Ballistic)
            .unwrap();
        assert_eq!(inks(View::ByType, drone), (Ink::Drone, Ink::None));
        assert_eq!(inks(View::ByType, stopped), (Ink::Ballistic, Ink::None));
        assert_eq!(inks(View::ByAirspace, entered), (Ink::Entered, Ink::None));
        assert_eq!(inks(View::ByAirspace, stopped), (Ink::Stopped, Ink::None));
        assert_eq!(
            inks(View::Outcome, entered),
            (Ink::Background, Ink::Entered)
        );
        assert_eq!(inks(View::Outcome, stopped), (Ink::Stopped, Ink::None));
    }

    #[test]
    fn a_frame_moves_each_mark_from_its_old_place_to_its_new_one_in_its_own_time() {
        let palette = Palette::LIGHT;
        let (a, b) = (View::ByType, View::ByAirspace);
        let from = settled(&layout(&BARRAGE, a), a, &palette);
        let to = settled(&layout(&BARRAGE, b), b, &palette);
        assert_eq!(
            frame(&from, &to, 0.0),
            from,
            "at the change: where they were"
        );
        assert_eq!(
            frame(&from, &to, duration()),
            to,
            "at the end: where they go"
        );
        assert_eq!(frame(&from, &to, 5_000.0), to);
        // Mark 0 sets off at once, mark 7 waits 175 ms: at 100 ms one is on its way, the other
        // has not moved.
        let at = frame(&from, &to, 100.0);
        let between = |v: f64, p: f64, q: f64| v > p.min(q) && v < p.max(q);
        assert!(from[0].x != to[0].x || from[0].y != to[0].y);
        assert!(between(at[0].x, from[0].x, to[0].x) || between(at[0].y, from[0].y, to[0].y));
        assert_eq!((at[7].x, at[7].y), (from[7].x, from[7].y));
        // Half way through its move (at 350 ms), a mark has covered the curve's 0.8985.
        let half = pose_at(&from[0], &to[0], 0, 350.0);
        let expected = from[0].y + (to[0].y - from[0].y) * MOVE_EASE.at(0.5);
        assert!(close(half.y, expected));
        // Colour: mark 0 is done fading at 500 ms, mark 7 at 675 ms.
        assert_eq!(pose_at(&from[0], &to[0], 0, 500.0).fill, to[0].fill);
        assert_ne!(pose_at(&from[7], &to[7], 7, 500.0).fill, to[7].fill);
        // Marks that have nowhere to come from start where they end.
        assert_eq!(frame(&[], &to, 10.0), to);
    }

    #[test]
    fn an_interrupted_move_carries_on_from_where_the_marks_are() {
        let palette = Palette::LIGHT;
        let views = [View::ByType, View::ByAirspace, View::Outcome];
        let [a, b, c] = views.map(|v| settled(&layout(&BARRAGE, v), v, &palette));
        let midway = frame(&a, &b, 300.0);
        let resumed = frame(&midway, &c, 0.0);
        assert_eq!(resumed, midway, "no jump");
        assert_eq!(frame(&midway, &c, duration()), c);
    }

    #[test]
    fn the_outcome_outlines_the_marks_that_entered_and_fades_their_outline_in() {
        let palette = Palette::LIGHT;
        let (b, c) = (View::ByAirspace, View::Outcome);
        let lay = layout(&BARRAGE, c);
        let from = settled(&layout(&BARRAGE, b), b, &palette);
        let to = settled(&lay, c, &palette);
        let outlined: Vec<usize> = (0..to.len()).filter(|&i| to[i].outline.visible()).collect();
        assert_eq!(outlined.len(), 75);
        assert!(outlined.iter().all(|&i| lay.marks[i].entered));
        assert!(outlined.iter().all(|&i| to[i].fill == palette.background));
        let i = outlined[0];
        let fading = pose_at(&from[i], &to[i], i as u32, delay(i as u32) + 100.0);
        assert!(fading.outline.a > 0.0 && fading.outline.a < 1.0);
    }

    #[test]
    fn marks_group_by_the_colour_drawn_in_order_of_first_appearance() {
        let palette = Palette::LIGHT;
        let v = View::ByType;
        let poses = settled(&layout(&BARRAGE, v), v, &palette);
        let fills = by_colour(&poses, |p| p.fill);
        let sizes: Vec<(u32, usize)> = fills.iter().map(|(c, m)| (c.key(), m.len())).collect();
        assert_eq!(
            sizes,
            [(0x0072_b2ff, 185), (0x2799_5eff, 36), (0xa331_6fff, 110)]
        );
        assert!(by_colour(&poses, |p| p.outline).is_empty(), "no outlines");
        // Mid-move, the stagger splits each colour into at most eight shades, one per group.
        let to = settled(
            &layout(&BARRAGE, View::ByAirspace),
            View::ByAirspace,
            &palette,
        );
        let moving = frame(&poses, &to, 120.0);
        let groups = by_colour(&moving, |p| p.fill);
        assert!(
            groups.len() > 3 && groups.len() <= 6 * 8,
            "{}",
            groups.len()
        );
        assert_eq!(groups.iter().map(|(_, m)| m.len()).sum::<usize>(), 331);
    }

    #[test]
    fn the_drawing_fits_its_box_as_svg_meets_it() {
        assert_eq!(fit(720.0, 440.0, 360.0, 220.0), (2.0, 0.0, 0.0));
        assert_eq!(
            fit(720.0, 540.0, 360.0, 220.0),
            (2.0, 0.0, 50.0),
            "taller box"
        );
        assert_eq!(
            fit(400.0, 220.0, 360.0, 220.0),
            (1.0, 20.0, 0.0),
            "wider box"
        );
        assert_eq!(fit(0.0, 220.0, 360.0, 220.0), (0.0, 0.0, 0.0));
        assert_eq!(fit(f64::NAN, 220.0, 360.0, 220.0), (0.0, 0.0, 0.0));
    }

    #[test]
    fn the_backing_store_is_the_css_size_times_the_pixel_ratio() {
        assert_eq!(backing_size(351.0, 2.0), 702);
        assert_eq!(backing_size(351.4, 1.0), 351);
        assert_eq!(backing_size(214.5, 3.0), 644);
        assert_eq!(backing_size(351.0, 0.0), 351, "no ratio: 1");
        assert_eq!(backing_size(351.0, f64::NAN), 351);
        assert_eq!(backing_size(0.0, 2.0), 1, "never empty");
        assert_eq!(backing_size(1e9, 2.0), 8192);
    }
}
