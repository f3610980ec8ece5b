//! The figures the barrage charts draw, looked up once by id. The ids are data (checked at
//! build time, and by `tests/dataset.rs`); a missing one draws as zero rather than failing.

use crate::model::{DATASET, Figure};

pub const TOTAL: &str = "barrage-total";
pub const DRONES: &str = "barrage-drones";
pub const CRUISE: &str = "barrage-cruise-missiles";
pub const BALLISTIC: &str = "barrage-ballistic-missiles";
pub const ENTERED: &str = "barrage-entered-airspace";
pub const DOWNED_BEFORE: &str = "barrage-downed-before-israel";
pub const DOWNED_INSIDE: &str = "barrage-downed-in-airspace";
pub const INTERCEPTED: &str = "barrage-intercepted";
pub const REACHED: &str = "barrage-reached-targets";
pub const FIRST_ESTIMATE: &str = "israel-initial-missile-estimate";
pub const REVISED_ESTIMATE: &str = "israel-revised-missile-estimate";
pub const INTERCEPTORS: &str = "interceptor-countries";

pub fn figure(id: &str) -> Option<&'static Figure> {
    DATASET.figure(id)
}

/// A figure's nominal number, or zero when the data lacks it.
pub fn nominal(id: &str) -> u32 {
    figure(id).and_then(Figure::nominal).unwrap_or(0)
}

/// A figure as the source states it, or "" when the data lacks it.
pub fn label(id: &str) -> String {
    figure(id).map(Figure::label).unwrap_or_default()
}

/// Who states a figure, or "" when the data lacks it.
pub fn claimed_by(id: &str) -> &'static str {
    figure(id).map_or("", |f| f.claimed_by)
}

pub fn counts() -> crate::geom::units::Counts {
    crate::geom::units::Counts {
        drones: nominal(DRONES),
        cruise: nominal(CRUISE),
        ballistic: nominal(BALLISTIC),
        entered: nominal(ENTERED),
    }
}

/// The titles of the articles behind these figures, each once, in order.
pub fn source_titles(ids: &[&str]) -> Vec<&'static str> {
    crate::model::short_titles(ids.iter().filter_map(|id| figure(id)).map(|f| f.source))
}
