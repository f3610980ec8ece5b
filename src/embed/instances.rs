//! instances: the widgets alive on one page, each with its root element and the DOM id prefix
//! it renders with (`components::scope`). Hosts may give two widgets the same `id` — it stays
//! what their messages echo — but the element ids that ARIA attributes point at must differ,
//! so the first widget gets the id as its prefix, the next `<id>-2`, `<id>-3`, …; a prefix is
//! free again once its widget is destroyed. A widget never starts inside another one, nor
//! around one. Pure, and generic over the root element, so it is tested natively; the page's
//! registry, of DOM elements, lives in `embed::entry`.

/// The prefix of the widget on its own page, and of a mounted widget given no `id`.
pub use crate::components::scope::DEFAULT_PREFIX;

/// The live widgets of a page.
#[derive(Debug)]
pub struct Instances<R> {
    live: Vec<(u32, String, R)>,
    issued: u32,
}

impl<R> Default for Instances<R> {
    fn default() -> Self {
        Instances {
            live: Vec::new(),
            issued: 0,
        }
    }
}

/// Whether `long` makes ids in the space of `short`: `short`, `-` and a word. Every id a
/// prefix makes is `<prefix>-<word>…` with a word starting with a letter (`esc-stage`, and
/// `esc-print-3-chart`: the flat copy's scopes nest), so `story-2` never makes an id that
/// `story` does.
fn extends(long: &str, short: &str) -> bool {
    long.strip_prefix(short)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|word| !word.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether two prefixes could make the same element id.
fn clash(a: &str, b: &str) -> bool {
    a == b || extends(a, b) || extends(b, a)
}

impl<R> Instances<R> {
    /// Claims a prefix for a new widget at `root`, from `wanted` (the host's `id`, or
    /// [`DEFAULT_PREFIX`]): a ticket for [`release`](Self::release) and the prefix. `None` if
    /// `root` is inside a live widget's root, or holds one (`overlaps(live, root)` says).
    pub fn claim(
        &mut self,
        wanted: &str,
        root: R,
        overlaps: impl Fn(&R, &R) -> bool,
    ) -> Option<(u32, String)> {
        if self.live.iter().any(|(_, _, live)| overlaps(live, &root)) {
            return None;
        }
        let taken = |prefix: &str| self.live.iter().any(|(_, p, _)| clash(p, prefix));
        // A wanted id inside another's space (`esc-print-3`) stays there with any number
        // appended: numbered from the default instead.
        let base = if self.live.iter().any(|(_, p, _)| extends(wanted, p)) {
            DEFAULT_PREFIX
        } else {
            wanted
        };
        let mut prefix = wanted.to_owned();
        let mut n = 1;
        while taken(&prefix) {
            n += 1;
            prefix = format!("{base}-{n}");
        }
        self.issued += 1;
        self.live.push((self.issued, prefix.clone(), root));
        Some((self.issued, prefix))
    }

    /// The widget with this ticket is gone: its prefix and root are free.
    pub fn release(&mut self, ticket: u32) {
        self.live.retain(|(t, _, _)| *t != ticket);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Roots as paths: one overlaps another when either lies within the other.
    fn overlaps(a: &&str, b: &&str) -> bool {
        a.starts_with(b) || b.starts_with(a)
    }

    fn claim(i: &mut Instances<&'static str>, wanted: &str, root: &'static str) -> Option<String> {
        i.claim(wanted, root, overlaps).map(|(_, prefix)| prefix)
    }

    #[test]
    fn a_repeated_id_gets_a_number_and_a_released_one_is_free_again() {
        let mut i = Instances::default();
        assert_eq!(claim(&mut i, "esc", "/page/").as_deref(), Some("esc"));
        assert_eq!(claim(&mut i, "story", "/a/").as_deref(), Some("story"));
        assert_eq!(claim(&mut i, "story", "/b/").as_deref(), Some("story-2"));
        assert_eq!(
            claim(&mut i, "story-2", "/c/").as_deref(),
            Some("story-2-2")
        );
        assert_eq!(claim(&mut i, "esc", "/d/").as_deref(), Some("esc-2"));
        let (ticket, prefix) = i.claim("story", "/e/", overlaps).unwrap();
        assert_eq!(prefix, "story-3");
        i.release(ticket);
        assert_eq!(claim(&mut i, "story", "/f/").as_deref(), Some("story-3"));
        assert_eq!(
            claim(&mut i, "story-1", "/g/").as_deref(),
            Some("story-1"),
            "a number after an id makes ids of its own"
        );
    }

    #[test]
    fn an_id_inside_another_widgets_ids_is_numbered_from_the_default() {
        let mut i = Instances::default();
        claim(&mut i, "esc", "/page/");
        assert_eq!(
            claim(&mut i, "esc-print-3", "/a/").as_deref(),
            Some("esc-2")
        );
        assert_eq!(claim(&mut i, "x", "/b/").as_deref(), Some("x"));
        assert_eq!(claim(&mut i, "x-stage", "/c/").as_deref(), Some("esc-3"));
        assert_eq!(
            claim(&mut i, "esc-print", "/d/").as_deref(),
            Some("esc-4"),
            "a live widget's space, even where no live id is yet"
        );
    }

    #[test]
    fn a_widget_never_starts_inside_or_around_another() {
        let mut i = Instances::default();
        let (page, _) = i.claim("esc", "/page/", overlaps).unwrap();
        assert_eq!(claim(&mut i, "a", "/page/stage/"), None, "inside");
        assert_eq!(claim(&mut i, "a", "/"), None, "around");
        assert_eq!(claim(&mut i, "a", "/page/"), None, "the same root");
        assert_eq!(claim(&mut i, "a", "/aside/").as_deref(), Some("a"));
        i.release(page);
        assert_eq!(
            claim(&mut i, "b", "/page/stage/").as_deref(),
            Some("b"),
            "once it is gone"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_id_a_widget_makes_is_its_prefix_a_dash_and_a_word() {
        use crate::embed::config::{Options, Settings};
        use crate::embed::host::{Host, HostProps, Mode, PageRef, Remote};
        for start in [0, 6, crate::story::STORY.len() - 1] {
            let html = futures::executor::block_on(
                yew::ServerRenderer::<Host>::with_props(move || HostProps {
                    mode: Mode::Mounted,
                    instance: "m".into(),
                    remote: Remote::default(),
                    settings: Some(Settings {
                        options: Options {
                            start,
                            tables_open: true,
                            ..Default::default()
                        },
                        ..Default::default()
                    }),
                    flat_copy: true,
                    page: PageRef::default(),
                })
                .render(),
            );
            let ids: Vec<&str> = html
                .split(" id=\"")
                .skip(1)
                .map(|rest| &rest[..rest.find('"').unwrap_or(0)])
                .collect();
            assert!(ids.len() > 20, "{} ids", ids.len());
            for id in ids {
                assert!(extends(id, "m"), "{id} on step {start}");
            }
        }
    }
}
