//! The barrage as the unit chart draws it: its counts, from the figures story.toml names for
//! the chart's roles (`[charts.units]`, checked at build time, held by `story::CHARTS`), and
//! the articles behind a set of figures.

use crate::geom::units::Counts;
use crate::model::{Figure, Source, distinct_sources};
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

/// The articles behind these figures, each once, in order.
pub fn sources_of(figures: &[&'static Figure]) -> Vec<&'static Source> {
    distinct_sources(figures.iter().map(|f| f.source))
}
