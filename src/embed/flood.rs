//! flood: how many console lines of each kind a page gets. A host or a script can hand the
//! widget floods of bad input — a URL with 100,000 unknown keys, thousands of bad messages,
//! mount options or `go_to` calls — and a console line for each would stall the page for
//! seconds. So the first [`SHOWN`] of each [`Kind`] are logged in full, naming what was
//! refused; the rest are only counted, and the count is told in one summary line once the
//! flood has stopped (a tick of the clock, every [`TICK_MS`], finds none new since the last)
//! or, while it goes on, every [`PATIENCE`] ticks. After [`SUMMARIES`] summaries a kind is
//! muted for good, so even a flood that never ends logs at most `SHOWN + SUMMARIES` lines of
//! its kind.
//!
//! Pure, and constant work per line: the page glue (`embed::page`) asks [`Flood::note`]
//! before it formats a line, and runs the clock when told to.

use std::fmt;

use super::config::PREFIX;

/// Lines of one kind logged in full, per page.
pub const SHOWN: u32 = 5;
/// Summary lines of one kind, per page; the last one says the kind is muted.
pub const SUMMARIES: u32 = 3;
/// The clock's period while a count waits for its summary, in milliseconds.
pub const TICK_MS: u32 = 500;
/// Ticks an ongoing flood may run before its count is told anyway.
pub const PATIENCE: u32 = 20;

/// What the console lines are about: each kind has its own share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The URL's options and its `#step-` hash.
    Url,
    /// `mount()`: its options, and elements it refused.
    Mount,
    /// Messages from the host page.
    Message,
    /// A handle's `go_to`.
    Call,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Url, Kind::Mount, Kind::Message, Kind::Call];

    fn about(self) -> &'static str {
        match self {
            Kind::Url => "URL options",
            Kind::Mount => "mount()",
            Kind::Message => "messages",
            Kind::Call => "go_to",
        }
    }
}

/// What to do with one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Log it.
    Show,
    /// Counted for a summary; `wake`: the clock is not running, start it.
    Held { wake: bool },
    /// Its kind has had its last summary: drop it.
    Muted,
}

/// A summary line: how many lines of a kind were left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub kind: Kind,
    pub more: u32,
    /// The kind's last summary: from now on its lines are dropped uncounted.
    pub last: bool,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{PREFIX} {} more console lines about {} not shown",
            self.more,
            self.kind.about()
        )?;
        if self.last {
            f.write_str("; no more will be reported")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    shown: u32,
    held: u32,
    /// `held` at the last tick: the same at this one means the flood has stopped.
    at_tick: u32,
    waited: u32,
    summaries: u32,
}

/// The page's count of console lines, kind by kind.
#[derive(Debug, Default)]
pub struct Flood {
    tallies: [Tally; 4],
    ticking: bool,
}

impl Flood {
    /// One more line of `kind`: log it, count it, or drop it.
    pub fn note(&mut self, kind: Kind) -> Verdict {
        let tally = &mut self.tallies[kind as usize];
        if tally.summaries >= SUMMARIES {
            return Verdict::Muted;
        }
        if tally.shown < SHOWN {
            tally.shown += 1;
            return Verdict::Show;
        }
        tally.held = tally.held.saturating_add(1);
        let wake = !self.ticking;
        self.ticking = true;
        Verdict::Held { wake }
    }

    /// A tick of the clock: hands `say` the summary of each kind whose flood has stopped (or
    /// has run [`PATIENCE`] ticks), and says whether the clock must tick again.
    pub fn tick(&mut self, mut say: impl FnMut(Summary)) -> bool {
        let mut again = false;
        for (tally, kind) in self.tallies.iter_mut().zip(Kind::ALL) {
            if tally.held == 0 {
                continue;
            }
            if tally.held == tally.at_tick || tally.waited >= PATIENCE {
                tally.summaries += 1;
                say(Summary {
                    kind,
                    more: tally.held,
                    last: tally.summaries == SUMMARIES,
                });
                (tally.held, tally.at_tick, tally.waited) = (0, 0, 0);
            } else {
                tally.at_tick = tally.held;
                tally.waited += 1;
                again = true;
            }
        }
        self.ticking = again;
        again
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Notes `n` lines of `kind`; returns how many were shown and whether the clock was
    /// asked to start.
    fn flood(f: &mut Flood, kind: Kind, n: u32) -> (u32, bool) {
        let (mut shown, mut woke) = (0, false);
        for _ in 0..n {
            match f.note(kind) {
                Verdict::Show => shown += 1,
                Verdict::Held { wake } => woke |= wake,
                Verdict::Muted => {}
            }
        }
        (shown, woke)
    }

    fn tick(f: &mut Flood) -> (Vec<Summary>, bool) {
        let mut said = Vec::new();
        let again = f.tick(|s| said.push(s));
        (said, again)
    }

    #[test]
    fn the_first_few_of_a_kind_show_and_the_rest_are_told_once_the_flood_stops() {
        let mut f = Flood::default();
        assert_eq!(
            flood(&mut f, Kind::Message, 3),
            (3, false),
            "a few: all shown"
        );
        assert_eq!(tick(&mut f), (vec![], false), "nothing held, no summary");
        assert_eq!(flood(&mut f, Kind::Message, 10_000), (2, true));
        // The first tick sees new lines since the last: the flood may go on.
        assert_eq!(tick(&mut f), (vec![], true));
        let (said, again) = tick(&mut f);
        assert_eq!(
            said,
            [Summary {
                kind: Kind::Message,
                more: 9_998,
                last: false
            }]
        );
        assert!(!again, "the clock stops with nothing left to tell");
        assert_eq!(
            said[0].to_string(),
            "escalation: 9998 more console lines about messages not shown"
        );
    }

    #[test]
    fn each_kind_has_its_own_share() {
        let mut f = Flood::default();
        for kind in Kind::ALL {
            assert_eq!(flood(&mut f, kind, 100_000).0, SHOWN, "{kind:?}");
        }
        tick(&mut f);
        let (said, _) = tick(&mut f);
        let kinds: Vec<(Kind, u32)> = said.iter().map(|s| (s.kind, s.more)).collect();
        assert_eq!(
            kinds,
            Kind::ALL.map(|k| (k, 100_000 - SHOWN)),
            "one summary per kind"
        );
    }

    #[test]
    fn the_clock_is_started_once_while_it_runs() {
        let mut f = Flood::default();
        flood(&mut f, Kind::Url, SHOWN);
        assert_eq!(f.note(Kind::Url), Verdict::Held { wake: true });
        assert_eq!(f.note(Kind::Url), Verdict::Held { wake: false });
        assert_eq!(
            f.note(Kind::Call),
            Verdict::Show,
            "another kind's own share"
        );
        tick(&mut f);
        tick(&mut f);
        flood(&mut f, Kind::Call, SHOWN - 1);
        assert_eq!(
            f.note(Kind::Call),
            Verdict::Held { wake: true },
            "stopped: started again"
        );
    }

    #[test]
    fn a_flood_that_never_ends_logs_a_bounded_number_of_lines() {
        let mut f = Flood::default();
        let mut lines = 0;
        for _ in 0..1_000 {
            let (shown, _) = flood(&mut f, Kind::Mount, 50);
            let (said, _) = tick(&mut f);
            lines += shown + said.len() as u32;
            if said.iter().any(|s| s.last) {
                assert!(
                    said[0].to_string().ends_with("; no more will be reported"),
                    "{}",
                    said[0]
                );
            }
        }
        assert_eq!(lines, SHOWN + SUMMARIES);
        assert_eq!(f.note(Kind::Mount), Verdict::Muted);
        // While it went on, a summary came every PATIENCE + 1 ticks.
        let mut g = Flood::default();
        let mut ticks_to_summary = 0;
        loop {
            flood(&mut g, Kind::Message, 50);
            ticks_to_summary += 1;
            if !tick(&mut g).0.is_empty() {
                break;
            }
        }
        assert_eq!(ticks_to_summary, PATIENCE + 1);
    }
}
