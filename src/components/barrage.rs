//! The barrage as the unit chart draws it: its counts, from the figures story.toml names for
//! the chart's roles (`[charts.units]`, checked at build time, held by `story::CHARTS`), and
//! the short titles of the articles behind a set of figures.

use crate::geom::units::Counts;
use crate::model::{Figure, short_titles};
use crate::story::CHARTS;

/// How many marks of each kind the unit chart draws, and how many entered Israeli airspace.
pub fn counts() -> Counts {
    let units = &CHARTS.units;
    Counts {
        drones: units.drones.drawn(),
        cruise: units.cruise.drawn(),
        ballistic: units.ballistic.drawn(),
        entered: units.entered.drawn(),
    }
}

/// The short titles of the articles behind these figures, each once, in order.
pub fn source_titles(figures: &[&'static Figure]) -> Vec<&'static str> {
    short_titles(figures.iter().map(|f| f.source))
}
