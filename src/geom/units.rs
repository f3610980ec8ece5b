//! units: the unit chart of the barrage — one mark per projectile, placed in blocks that
//! regroup from view to view. A mark keeps its index across views, so the component can key
//! it and let CSS animate the move.
//!
//! ```text
//! ByType        ByAirspace           Outcome
//! ▪▪▪ ▪▪ ▪▪▪    ▪▪▪▪▪▪▪▪  ▪▪▪▪       ▪▪▪▪▪▪▪▪▪▪▪▪
//! ▪▪▪ ▪▪ ▪▪▪    ▪▪▪▪▪▪▪▪  ▪▪▪▪       ▪▪▪▪▪▪▪▪▪▪▫▫   ▫ = entered Israeli airspace
//! drones cruise ballistic  stopped entered   nearly all intercepted
//! ```

use super::{WIDTH, fmt};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Drone,
    Cruise,
    Ballistic,
}

/// Which regrouping to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// One block per weapon type.
    ByType,
    /// Stopped before Israel vs entered Israeli airspace; type is not known per mark.
    ByAirspace,
    /// One block: nearly all intercepted, the ones that entered Israeli airspace marked.
    Outcome,
}

/// What the marks stand for: counts per type, and how many entered Israeli airspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub drones: u32,
    pub cruise: u32,
    pub ballistic: u32,
    pub entered: u32,
}

impl Counts {
    pub fn total(&self) -> u32 {
        self.drones + self.cruise + self.ballistic
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// Stable across views: the component keys the SVG element by it.
    pub index: u32,
    pub kind: Kind,
    /// Whether this mark stands for one of the projectiles that entered Israeli airspace.
    /// The source gives no types for those, so the choice is spread evenly over all marks.
    pub entered: bool,
    pub x: f64,
    pub y: f64,
}

/// A block's caption position and which group it captions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Block {
    pub group: Group,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Type(Kind),
    Stopped,
    Entered,
    All,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub cell: f64,
    pub size: f64,
    pub marks: Vec<Mark>,
    pub blocks: Vec<Block>,
    pub height: f64,
}

/// Space above each block for its caption: the count, then what it counts on one or two lines
/// (see [`caption_lines`]).
pub const CAPTION: f64 = 44.0;
/// The caption's line spacing.
pub const CAPTION_LINE: f64 = 13.5;
/// The room a caption character takes at the chart's caption size (12.5 units, system-ui),
/// with a margin.
pub const CAPTION_CHAR: f64 = 7.0;
const GAP: f64 = 24.0;

/// Whether mark `index` of `total` is one of the `entered` — spread evenly, so no weapon
/// type is favoured (the article does not say which types got through).
pub fn is_entered(index: u32, total: u32, entered: u32) -> bool {
    if total == 0 || entered == 0 {
        return false;
    }
    let entered = entered.min(total);
    // The mark whose share of the sequence crosses the next whole step is picked.
    (u64::from(index) + 1) * u64::from(entered) / u64::from(total)
        > u64::from(index) * u64::from(entered) / u64::from(total)
}

fn kind_of(index: u32, counts: &Counts) -> Kind {
    if index < counts.drones {
        Kind::Drone
    } else if index < counts.drones + counts.cruise {
        Kind::Cruise
    } else {
        Kind::Ballistic
    }
}

/// Places `members` (mark indexes) in a block of `cols` columns whose top-left is (x, y).
fn place(marks: &mut [Mark], members: &[u32], cols: u32, cell: f64, x: f64, y: f64) {
    for (slot, &index) in members.iter().enumerate() {
        let slot = slot as u32;
        let mark = &mut marks[index as usize];
        mark.x = x + f64::from(slot % cols) * cell;
        mark.y = y + CAPTION + f64::from(slot / cols) * cell;
    }
}

/// Lays out blocks side by side, centred in the chart width.
fn lay_blocks(
    marks: &mut [Mark],
    groups: &[(Group, Vec<u32>, u32)],
    cell: f64,
) -> (Vec<Block>, f64) {
    let widths: Vec<f64> = groups
        .iter()
        .map(|(_, _, cols)| f64::from(*cols) * cell)
        .collect();
    let total_width: f64 =
        widths.iter().sum::<f64>() + GAP * (groups.len().saturating_sub(1)) as f64;
    let mut x = ((WIDTH - total_width) / 2.0).max(0.0);
    let mut blocks = Vec::new();
    let mut height: f64 = 0.0;
    for ((group, members, cols), width) in groups.iter().zip(&widths) {
        place(marks, members, *cols, cell, x, 0.0);
        let rows = (members.len() as u32).div_ceil(*cols);
        height = height.max(CAPTION + f64::from(rows) * cell);
        blocks.push(Block {
            group: *group,
            x,
            y: 0.0,
            width: *width,
            count: members.len() as u32,
        });
        x += width + GAP;
    }
    (blocks, height)
}

/// The positions of every mark in `view`.
pub fn layout(counts: &Counts, view: View) -> Layout {
    let total = counts.total();
    let cell = 9.0;
    let mut marks: Vec<Mark> = (0..total)
        .map(|index| Mark {
            index,
            kind: kind_of(index, counts),
            entered: is_entered(index, total, counts.entered),
            x: 0.0,
            y: 0.0,
        })
        .collect();
    let all: Vec<u32> = (0..total).collect();
    let groups: Vec<(Group, Vec<u32>, u32)> = match view {
        View::ByType => [Kind::Drone, Kind::Cruise, Kind::Ballistic]
            .into_iter()
            .map(|kind| {
                let members: Vec<u32> = all
                    .iter()
                    .copied()
                    .filter(|&i| marks[i as usize].kind == kind)
                    .collect();
                (Group::Type(kind), members, 10)
            })
            .collect(),
        View::ByAirspace => {
            let (entered, stopped): (Vec<u32>, Vec<u32>) =
                all.iter().partition(|&&i| marks[i as usize].entered);
            vec![(Group::Stopped, stopped, 17), (Group::Entered, entered, 10)]
        }
        View::Outcome => {
            // Those that entered go last, so they sit together at the end of the one block.
            let (entered, stopped): (Vec<u32>, Vec<u32>) =
                all.iter().partition(|&&i| marks[i as usize].entered);
            vec![(Group::All, stopped.into_iter().chain(entered).collect(), 30)]
        }
    };
    let (blocks, height) = lay_blocks(&mut marks, &groups, cell);
    Layout {
        cell,
        size: cell - 1.5,
        marks,
        blocks,
        height,
    }
}

/// What a caption counts, on one line if it fits `width` units, else on two, split at the
/// space nearest the middle. A text with no space stays on one line.
pub fn caption_lines(text: &str, width: f64) -> Vec<&str> {
    if text.chars().count() as f64 * CAPTION_CHAR <= width {
        return vec![text];
    }
    let middle = text.len() / 2;
    let split = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => vec![&text[..i], &text[i + 1..]],
        None => vec![text],
    }
}

/// The tallest of the three views, so the chart keeps one height as marks regroup.
pub fn stable_height(counts: &Counts) -> f64 {
    [View::ByType, View::ByAirspace, View::Outcome]
        .into_iter()
        .map(|v| layout(counts, v).height)
        .fold(0.0, f64::max)
}

/// The marks as a still drawing: one path of `size`-wide squares per (kind, entered) group,
/// in the order the groups first appear. A tenth of the markup of one element per mark.
pub fn square_paths(marks: &[Mark], size: f64) -> Vec<(Kind, bool, String)> {
    let side = fmt(size);
    let mut groups: Vec<(Kind, bool, String)> = Vec::new();
    for mark in marks {
        let at = match groups
            .iter()
            .position(|(kind, entered, _)| (*kind, *entered) == (mark.kind, mark.entered))
        {
            Some(i) => i,
            None => {
                groups.push((mark.kind, mark.entered, String::new()));
                groups.len() - 1
            }
        };
        groups[at].2.push_str(&format!(
            "M{} {}h{side}v{side}h-{side}z",
            fmt(mark.x),
            fmt(mark.y)
        ));
    }
    groups
}

#[cfg(test)]
mod caption_tests {
    use super::*;

    #[test]
    fn a_caption_wider_than_its_block_goes_on_two_lines_at_the_middle_space() {
        assert_eq!(caption_lines("drones", 90.0), vec!["drones"]);
        assert_eq!(
            caption_lines("entered Israeli airspace", 90.0),
            vec!["entered Israeli", "airspace"]
        );
        assert_eq!(
            caption_lines("stopped before Israel", 90.0),
            vec!["stopped", "before Israel"]
        );
        assert_eq!(
            caption_lines("ballistic", 10.0),
            vec!["ballistic"],
            "no space: one line"
        );
        assert_eq!(caption_lines("", 90.0), vec![""]);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The barrage's counts as the source gives them: the fixture of the unit chart's tests
    /// (here and in `geom::motion`).
    pub(crate) const BARRAGE: Counts = Counts {
        drones: 185,
        cruise: 36,
        ballistic: 110,
        entered: 75,
    };

    #[test]
    fn one_mark_per_projectile_in_every_view() {
        for view in [View::ByType, View::ByAirspace, View::Outcome] {
            let l = layout(&BARRAGE, view);
            assert_eq!(l.marks.len(), 331);
            assert_eq!(
                l.blocks.iter().map(|b| b.count).sum::<u32>(),
                331,
                "{view:?}"
            );
            for m in &l.marks {
                assert!(
                    m.x >= 0.0 && m.x + l.size <= WIDTH,
                    "{view:?}: mark {} at x {}",
                    m.index,
                    m.x
                );
                assert!(
                    m.y >= CAPTION && m.y + l.size <= l.height + 0.01,
                    "{view:?}: mark {} at y {}",
                    m.index,
                    m.y
                );
            }
        }
    }

    #[test]
    fn still_paths_draw_every_mark_once_in_its_group() {
        for view in [View::ByType, View::ByAirspace, View::Outcome] {
            let l = layout(&BARRAGE, view);
            let paths = square_paths(&l.marks, l.size);
            let squares: usize = paths.iter().map(|(_, _, d)| d.matches('M').count()).sum();
            assert_eq!(squares, 331, "{view:?}");
            for (kind, entered, d) in &paths {
                let members = l
                    .marks
                    .iter()
                    .filter(|m| (m.kind, m.entered) == (*kind, *entered));
                assert_eq!(d.matches('M').count(), members.clone().count());
                let first = members.clone().next().unwrap();
                assert!(
                    d.starts_with(&format!("M{} {}h", fmt(first.x), fmt(first.y))),
                    "{d}"
                );
            }
        }
        assert_eq!(
            square_paths(&layout(&BARRAGE, View::ByType).marks[..1], 7.5)[0].2,
            format!(
                "M{} {}h7.5v7.5h-7.5z",
                fmt(layout(&BARRAGE, View::ByType).marks[0].x),
                fmt(layout(&BARRAGE, View::ByType).marks[0].y)
            )
        );
    }

    #[test]
    fn no_two_marks_overlap() {
        for view in [View::ByType, View::ByAirspace, View::Outcome] {
            let l = layout(&BARRAGE, view);
            let mut spots: Vec<(i64, i64)> = l
                .marks
                .iter()
                .map(|m| ((m.x * 10.0) as i64, (m.y * 10.0) as i64))
                .collect();
            spots.sort();
            spots.dedup();
            assert_eq!(spots.len(), 331, "{view:?}");
        }
    }

    #[test]
    fn blocks_count_what_the_source_counts() {
        let by_type = layout(&BARRAGE, View::ByType);
        let counts: Vec<(Group, u32)> = by_type.blocks.iter().map(|b| (b.group, b.count)).collect();
        assert_eq!(
            counts,
            [
                (Group::Type(Kind::Drone), 185),
                (Group::Type(Kind::Cruise), 36),
                (Group::Type(Kind::Ballistic), 110)
            ]
        );
        let airspace = layout(&BARRAGE, View::ByAirspace);
        let counts: Vec<(Group, u32)> =
            airspace.blocks.iter().map(|b| (b.group, b.count)).collect();
        assert_eq!(counts, [(Group::Stopped, 256), (Group::Entered, 75)]);
    }

    #[test]
    fn entered_marks_are_spread_over_all_types() {
        let l = layout(&BARRAGE, View::ByType);
        let entered = |kind| {
            l.marks
                .iter()
                .filter(|m| m.kind == kind && m.entered)
                .count()
        };
        assert_eq!(
            entered(Kind::Drone) + entered(Kind::Cruise) + entered(Kind::Ballistic),
            75
        );
        assert!((40..=44).contains(&entered(Kind::Drone)));
        assert!((7..=9).contains(&entered(Kind::Cruise)));
        assert!((24..=26).contains(&entered(Kind::Ballistic)));
    }

    #[test]
    fn degenerate_counts_do_not_panic() {
        let none = Counts {
            drones: 0,
            cruise: 0,
            ballistic: 0,
            entered: 5,
        };
        assert!(layout(&none, View::Outcome).marks.is_empty());
        let more_entered_than_total = Counts {
            drones: 2,
            cruise: 0,
            ballistic: 0,
            entered: 9,
        };
        assert_eq!(
            layout(&more_entered_than_total, View::ByAirspace)
                .marks
                .iter()
                .filter(|m| m.entered)
                .count(),
            2
        );
        assert!(!is_entered(0, 0, 0));
    }

    #[test]
    fn the_chart_height_is_stable_across_views() {
        let h = stable_height(&BARRAGE);
        for view in [View::ByType, View::ByAirspace, View::Outcome] {
            assert!(layout(&BARRAGE, view).height <= h);
        }
    }
}
