//! The gate: most built-in patterns match nothing in most drafts, so a check first
//! finds out, in one walk over the draft, which patterns can match it at all, and never
//! searches the others.
//!
//! Every built-in pattern is an [`Re`]. Creating one registers it in a group of up to
//! [`GROUP_SIZE`] patterns written in the same source file. For each group the gate
//! compiles a multi-pattern lazy DFA (a "pass") over byte supersets of its patterns (see
//! `superset`): cheap to compile, and a superset can only let through a pattern that then
//! finds nothing, never skip one that would have matched. Passes are walked over the
//! draft side by side, [`LANES`] at a time.
//!
//! [`scope`] runs a check's detectors against one haystack; inside it, an `Re` searched
//! over that same haystack asks the passes (run on first use) whether it can match.
//! Searches of other text (a slice of the draft, the message replied to outside its own
//! scope) are never gated. A pattern registered after the passes were built is searched
//! until the next scope rebuilds them; [`prepare`] registers nearly all up front.
//!
//! Patterns registered after a call to [`segment`] are gated in passes of their own, which
//! are walked only when one of their patterns is searched: a detector a check often skips
//! (the outgoing moves of a draft that replies to nothing) costs it nothing.
//!
//! A pattern's regex is compiled the first time a search of it gets through, so a first
//! check compiles the passes and the few patterns the draft can match, not all of them.
//!
//! On the 2,083 real comments, text the engine has not seen, a check takes about 40% of
//! the time it took when every pattern was searched (`cargo run --release --example
//! varied_text`); `crate/tests/gate.rs` proves the hits are the same.

use std::cell::RefCell;
use std::panic::Location;
use std::sync::{Arc, Mutex, OnceLock};

use regex::{CaptureMatches, Matches, Regex};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind};
use regex_syntax::hir::Hir;

use super::casefold;
use super::superset::superset;

/// A built-in pattern: its source, its regex (compiled the first time the gate lets a
/// search through: most patterns never match most drafts, and compiling them all is
/// most of the cost of a worker's first check), and its place in the gate.
pub struct Re {
    source: String,
    regex: OnceLock<Regex>,
    /// Its rewrite for lowercased text (see `casefold`), decided and compiled on its
    /// first search: `None` inside for a pattern that does not ignore ASCII case.
    lowered: OnceLock<Option<Regex>>,
    group: usize,
    index: usize,
}

impl Re {
    /// Parses and registers a built-in pattern (a bug, not an input, if it fails). The
    /// caller's source file names the group it is gated with. The regex crate parses
    /// with the same parser, so a pattern that parses here compiles there.
    #[track_caller]
    pub fn new(pattern: &str) -> Re {
        let hir = regex_syntax::parse(pattern)
            .unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"));
        let (group, index) = register(Location::caller().file(), superset(&hir));
        Re {
            source: pattern.to_string(),
            regex: OnceLock::new(),
            lowered: OnceLock::new(),
            group,
            index,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The compiled regex.
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&self.source)
                .unwrap_or_else(|e| panic!("built-in pattern {:?}: {e}", self.source))
        })
    }

    /// False only when the gate knows this pattern has no match in `hay`.
    fn may_match(&self, hay: &str) -> bool {
        may_match(self.group, self.index, hay)
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.may_match(hay) && self.regex().is_match(hay)
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> Gated<Matches<'r, 'h>> {
        Gated(self.may_match(hay).then(|| self.regex().find_iter(hay)))
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> Gated<CaptureMatches<'r, 'h>> {
        Gated(self.may_match(hay).then(|| self.regex().captures_iter(hay)))
    }

    /// Calls `f` with the span of every match in `hay` (or of its capture `group`, when
    /// that took part), the spans `find_iter` or `captures_iter` give.
    pub fn spans(&self, hay: &str, group: usize, mut f: impl FnMut(usize, usize)) {
        self.search_folded(hay, |regex, text| each_span(regex, text, group, &mut f));
    }

    /// Runs `search` with the regex and the text to search, when the gate lets it
    /// through. Inside a scope, a pattern that ignores ASCII case gets its rewrite and
    /// the scope's lowercased text (same offsets), where the regex crate can use a literal
    /// prefilter (see `casefold`); otherwise the pattern and `hay`.
    fn search_folded(&self, hay: &str, mut search: impl FnMut(&Regex, &str)) {
        if !self.may_match(hay) {
            return;
        }
        if let Some(regex) = self.lowered.get_or_init(|| self.compile_lowered()) {
            if with_lowercase(hay, |lower| search(regex, lower)).is_some() {
                return;
            }
        }
        search(self.regex(), hay);
    }

    /// The rewrite for lowercased text, if the pattern has one (parsed again here, on a
    /// first search, rather than for every pattern when the worker starts).
    fn compile_lowered(&self) -> Option<Regex> {
        let hir = regex_syntax::parse(&self.source).ok()?;
        let pattern = casefold::lowered(&hir)?.to_string();
        Some(Regex::new(&pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}")))
    }
}

/// The spans of `regex`'s matches in `hay`, or of its capture `group` (0: the match).
fn each_span(regex: &Regex, hay: &str, group: usize, f: &mut impl FnMut(usize, usize)) {
    if group == 0 {
        for m in regex.find_iter(hay) {
            f(m.start(), m.end());
        }
        return;
    }
    // `captures_iter` would allocate the captures of every match; one set is reused.
    let mut locs = regex.capture_locations();
    let mut at = 0;
    let mut last_end = None;
    while at <= hay.len() && regex.captures_read_at(&mut locs, hay, at).is_some() {
        let (start, end) = locs.get(0).expect("a match has a span");
        if start == end && last_end == Some(end) {
            // An empty match where the last one ended, which the iterator also skips.
            at = end + hay[end..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if let Some((s, e)) = locs.get(group) {
            f(s, e);
        }
        last_end = Some(end);
        at = end;
    }
}

/// The matches of a search the gate let through, or none.
pub struct Gated<I>(Option<I>);

impl<I: Iterator> Iterator for Gated<I> {
    type Item = I::Item;

    #[inline]
    fn next(&mut self) -> Option<I::Item> {
        self.0.as_mut()?.next()
    }
}

/// Up to [`GROUP_SIZE`] patterns written in one source file, as byte supersets.
struct Group {
    file: &'static str,
    /// The first group of its segment (see [`segment`]).
    segment: usize,
    supersets: Vec<Hir>,
}

/// Patterns per pass. One DFA over many patterns is in many states at once, and on
/// text it has not seen it spends its time building them: on the dev set, groups of
/// 16 cost a tenth of one group of 124, while a warm pass costs about the same.
const GROUP_SIZE: usize = 16;

/// Lazy DFA state memory per pass. When it fills, the DFA clears it and goes on (it is
/// never allowed to give up and fall back to a far slower engine, see [`compile`]).
const CACHE_CAPACITY: usize = 2 << 20;

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// One group's compiled pass, and how many of its patterns it covers.
#[derive(Clone)]
struct Pass {
    dfa: Arc<DFA>,
    caches: Arc<CachePool>,
    covers: usize,
}

impl Pass {
    fn new(supersets: &[Hir]) -> Option<Pass> {
        let dfa = Arc::new(compile(supersets)?);
        let for_pool = Arc::clone(&dfa);
        let create: Box<dyn Fn() -> Cache + Send + Sync> =
            Box::new(move || for_pool.create_cache());
        Some(Pass {
            dfa,
            caches: Arc::new(Pool::new(create)),
            covers: supersets.len(),
        })
    }
}

/// Passes walked side by side (see [`walk_together`]): enough for the 14 passes every
/// draft walks in one batch. More walks in flight overlap more of their memory waits;
/// 16 was about 4% faster than 8 on a 280-character post.
const LANES: usize = 16;

/// Runs the batch of up to [`LANES`] passes that holds `group` over `hay`. Groups are
/// numbered in the order their patterns registered, and batches never cross a segment,
/// so a check walks the passes of the detectors it runs and no others.
fn run_batch(built: &Built, group: usize, hay: &str, found: &mut [Found]) {
    let batch = built.batch(group);
    let passes = &built.passes[batch.clone()];
    let found = &mut found[batch];
    for (pass, slot) in passes.iter().zip(found.iter_mut()) {
        if pass.is_none() {
            *slot = Found::Ungated;
        }
    }
    let walked = passes.iter().zip(found.iter_mut());
    walk_together(
        walked.filter_map(|(p, slot)| Some((p.as_ref()?, slot))),
        hay.as_bytes(),
    );
}

/// Which patterns of a group a pass let through: bit `i` for its pattern `i`.
type Mask = u64;

const _: () = assert!(GROUP_SIZE <= Mask::BITS as usize);

/// What a scope knows of one group.
enum Found {
    NotRun,
    /// The group has no pass: search all its patterns.
    Ungated,
    Set(Mask),
}

/// One pass walking a haystack: its DFA, its cache, where it is, what it has seen.
struct Lane<'a> {
    dfa: &'a DFA,
    cache: &'a mut Cache,
    sid: LazyStateID,
    set: Mask,
    failed: bool,
}

impl Lane<'_> {
    #[inline(always)]
    fn step(&mut self, byte: u8) {
        if !self.sid.is_tagged() {
            let next = self.dfa.next_state_untagged(self.cache, self.sid, byte);
            if !next.is_tagged() {
                self.sid = next;
                return;
            }
        }
        if self.failed {
            return;
        }
        let Ok(next) = self.dfa.next_state(self.cache, self.sid, byte) else {
            self.failed = true;
            return;
        };
        self.sid = next;
        if next.is_match() {
            record(self.dfa, self.cache, next, &mut self.set);
        } else if next.is_quit() {
            self.failed = true;
        }
    }
}

/// Walks the passes over `hay` side by side, a byte at a time, and writes in each slot
/// which patterns of its pass may match. Each DFA step waits on a memory load; with
/// several independent walks in flight the processor overlaps those waits.
fn walk_together<'p>(passes: impl Iterator<Item = (&'p Pass, &'p mut Found)>, hay: &[u8]) {
    let mut guards: Vec<_> = passes
        .map(|(pass, slot)| (pass, pass.caches.get(), slot))
        .collect();
    let mut lanes: Vec<(Lane, &mut Found)> = guards
        .iter_mut()
        .map(|(pass, guard, slot)| {
            let cache: &mut Cache = guard;
            let start = pass.dfa.start_state_forward(cache, &Input::new(hay));
            let lane = Lane {
                dfa: &pass.dfa,
                failed: start.is_err(),
                sid: start.unwrap_or_else(|_| LazyStateID::default()),
                set: 0,
                cache,
            };
            (lane, &mut **slot)
        })
        .collect();
    for &byte in hay {
        for (lane, _) in lanes.iter_mut() {
            lane.step(byte);
        }
    }
    for (mut lane, slot) in lanes {
        if !lane.failed {
            match lane.dfa.next_eoi_state(lane.cache, lane.sid) {
                Ok(eoi) if eoi.is_match() => record(lane.dfa, lane.cache, eoi, &mut lane.set),
                Ok(_) => {}
                Err(_) => lane.failed = true,
            }
        }
        *slot = Found::Set(if lane.failed { Mask::MAX } else { lane.set });
    }
}

/// Adds the patterns a match state says have matched.
fn record(dfa: &DFA, cache: &Cache, sid: LazyStateID, set: &mut Mask) {
    for i in 0..dfa.match_len(cache, sid) {
        *set |= 1 << dfa.match_pattern(cache, sid, i).as_usize();
    }
}

/// The passes of every group (`None`: the group is not gated) and where each group's
/// segment starts, as built for one generation of the registry.
#[derive(Default)]
struct Built {
    passes: Vec<Option<Pass>>,
    segments: Vec<usize>,
    generation: u64,
}

impl Built {
    /// The groups walked together with `group`: [`LANES`] at a time from the start of
    /// its segment, never past its end.
    fn batch(&self, group: usize) -> std::ops::Range<usize> {
        let segment = self.segments[group];
        let end = self.segments[group..]
            .iter()
            .position(|&s| s != segment)
            .map_or(self.segments.len(), |n| group + n);
        let start = segment + (group - segment) / LANES * LANES;
        start..(start + LANES).min(end)
    }
}

struct Registry {
    groups: Vec<Group>,
    /// The first group of the current segment: new patterns join no group before it.
    segment: usize,
    /// Bumped by every registration, so a scope sees at a glance whether to rebuild.
    generation: u64,
    /// The passes as last built, shared with running scopes (none before the first).
    built: Option<Arc<Built>>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    groups: Vec::new(),
    segment: 0,
    generation: 0,
    built: None,
});

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    REGISTRY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn register(file: &'static str, hir: Hir) -> (usize, usize) {
    let mut reg = registry();
    reg.generation += 1;
    let segment = reg.segment;
    let open = |g: &Group| g.file == file && g.segment == segment && g.supersets.len() < GROUP_SIZE;
    let group = match reg.groups.iter().position(open) {
        Some(i) => i,
        None => {
            reg.groups.push(Group {
                file,
                segment,
                supersets: Vec::new(),
            });
            reg.groups.len() - 1
        }
    };
    let supersets = &mut reg.groups[group].supersets;
    supersets.push(hir);
    (group, supersets.len() - 1)
}

/// Starts a new segment: patterns registered from now on share no group, and no batch,
/// with those registered before.
pub fn segment() {
    let mut reg = registry();
    reg.segment = reg.groups.len();
}

/// The passes, rebuilt first for any group that has grown since they were built.
fn passes() -> Arc<Built> {
    let mut reg = registry();
    if let Some(built) = reg
        .built
        .as_ref()
        .filter(|b| b.generation == reg.generation)
    {
        return Arc::clone(built);
    }
    let old = reg.built.clone().unwrap_or_default();
    let current = |i: usize| old.passes.get(i).and_then(Option::as_ref);
    let passes = reg
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| match current(i) {
            Some(p) if p.covers == g.supersets.len() => Some(p.clone()),
            _ => Pass::new(&g.supersets),
        })
        .collect();
    let built = Arc::new(Built {
        passes,
        segments: reg.groups.iter().map(|g| g.segment).collect(),
        generation: reg.generation,
    });
    reg.built = Some(Arc::clone(&built));
    built
}

/// One group's lazy DFA, reporting every pattern that matches anywhere. It never gives
/// up on a full cache: a general-purpose regex would then switch to an NFA simulation,
/// which is slow in proportion to the number of patterns. `None` (never expected)
/// leaves the group ungated.
fn compile(supersets: &[Hir]) -> Option<DFA> {
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .utf8(false)
                .which_captures(WhichCaptures::None),
        )
        .build_many_from_hir(supersets)
        .ok()?;
    DFA::builder()
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .cache_capacity(CACHE_CAPACITY)
                .minimum_cache_clear_count(None)
                .minimum_bytes_per_state(None),
        )
        .build_from_nfa(nfa)
        .ok()
}

/// The scope a check is running in: its haystack, the passes, and what each pass found
/// (run in batches, when one of a batch's patterns first asks).
struct Active {
    /// Registering only (see [`dry_run`]): nothing is searched or compiled.
    dry: bool,
    hay: (usize, usize),
    built: Arc<Built>,
    found: Vec<Found>,
    /// The haystack with ASCII letters lowercased, made on first use.
    lower: Option<String>,
}

thread_local! {
    static ACTIVE: RefCell<Option<Active>> = const { RefCell::new(None) };
}

/// Runs `f` with searches over `hay` gated. Scopes nest (the previous one comes back).
pub fn scope<R>(hay: &str, f: impl FnOnce() -> R) -> R {
    let built = passes();
    let active = Active {
        dry: false,
        hay: key(hay),
        found: (0..built.passes.len()).map(|_| Found::NotRun).collect(),
        built,
        lower: None,
    };
    within(active, f)
}

/// Runs `f` with every search finding nothing, without compiling anything: running the
/// detectors this way registers their patterns (see [`prepare`]).
pub fn dry_run<R>(f: impl FnOnce() -> R) -> R {
    let active = Active {
        dry: true,
        hay: (0, 0),
        found: Vec::new(),
        built: Arc::default(),
        lower: None,
    };
    within(active, f)
}

/// What identifies a scope's haystack: where it is and how long.
fn key(hay: &str) -> (usize, usize) {
    (hay.as_ptr() as usize, hay.len())
}

fn within<R>(active: Active, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Active>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            ACTIVE.with(|a| *a.borrow_mut() = previous);
        }
    }
    let _restore = Restore(ACTIVE.with(|a| a.replace(Some(active))));
    f()
}

fn may_match(group: usize, index: usize, hay: &str) -> bool {
    ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        let Some(active) = a.as_mut() else {
            return true;
        };
        if active.dry {
            return false;
        }
        if active.hay != key(hay) {
            return true;
        }
        let Some(Some(pass)) = active.built.passes.get(group) else {
            return true;
        };
        if index >= pass.covers {
            return true;
        }
        if matches!(active.found[group], Found::NotRun) {
            // The passes are for the lowercased text (see `superset`).
            let lower = active.lower.get_or_insert_with(|| hay.to_ascii_lowercase());
            run_batch(&active.built, group, lower, &mut active.found);
        }
        match &active.found[group] {
            Found::Set(set) => set & (1 << index) != 0,
            Found::NotRun | Found::Ungated => true,
        }
    })
}

/// Runs `f` over the scope's haystack with ASCII letters lowercased, when `hay` is that
/// haystack (`None` otherwise: outside a scope, or over other text).
fn with_lowercase<R>(hay: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        let active = a.as_mut().filter(|a| !a.dry && a.hay == key(hay))?;
        Some(f(active
            .lower
            .get_or_insert_with(|| hay.to_ascii_lowercase())))
    })
}

/// Runs `f` over `hay` with ASCII letters lowercased (same offsets): the scope's copy
/// when `hay` is its haystack, a new one otherwise.
pub fn lowercased<R>(hay: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut f = Some(f);
    let mut call = |lower: &str| f.take().expect("called once")(lower);
    match with_lowercase(hay, &mut call) {
        Some(r) => r,
        None => call(&hay.to_ascii_lowercase()),
    }
}

/// Builds the passes for everything registered so far (call after a [`dry_run`] of the
/// detectors, so that their patterns are registered).
pub fn prepare() {
    passes();
}

/// The memory the passes' lazy DFAs hold now, in bytes (at most [`CACHE_CAPACITY`] each).
pub fn cache_bytes() -> usize {
    let reg = registry();
    reg.built
        .iter()
        .flat_map(|b| &b.passes)
        .flatten()
        .map(|p| p.caches.get().memory_usage())
        .sum()
}

/// How many patterns are registered, and how many the built passes cover.
pub fn coverage() -> (usize, usize) {
    let reg = registry();
    let registered = reg.groups.iter().map(|g| g.supersets.len()).sum();
    let covered = reg
        .built
        .iter()
        .flat_map(|b| &b.passes)
        .flatten()
        .map(|p| p.covers)
        .sum();
    (registered, covered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_with_no_match_in_the_scoped_text_is_skipped_and_others_are_not() {
        let bed = Re::new(r"\bbed (\d+)");
        let flyer = Re::new(r"(?i)\bfrequent flyer\b");
        prepare();
        let hay = "the lady in bed 4";
        scope(hay, || {
            assert!(!may_match(flyer.group, flyer.index, hay));
            assert!(may_match(bed.group, bed.index, hay));
            assert_eq!(bed.find_iter(hay).count(), 1);
            assert!(!flyer.is_match(hay));
            // Other text is searched as usual.
            assert!(flyer.is_match("a Frequent Flyer"));
        });
    }

    #[test]
    fn a_batch_stays_inside_its_segment() {
        // Segments of LANES + 3 groups, 2 groups and 1 group.
        let (a, b) = (LANES + 3, LANES + 5);
        let built = Built {
            passes: Vec::new(),
            segments: vec![0; a].into_iter().chain([a, a, b]).collect(),
            generation: 0,
        };
        assert_eq!(built.batch(0), 0..LANES);
        assert_eq!(built.batch(LANES), LANES..a);
        assert_eq!(built.batch(a - 1), LANES..a);
        assert_eq!(built.batch(a + 1), a..b);
        assert_eq!(built.batch(b), b..b + 1);
    }

    #[test]
    fn a_case_insensitive_pattern_finds_the_same_spans_in_and_out_of_a_scope() {
        let ward = Re::new(r"(?i)\b(?:on|to) the (ward|unit)\b");
        prepare();
        let hay = "Back ON THE Ward, then to the unit; not on the wardrobe";
        let spans = |group| {
            let mut out = Vec::new();
            ward.spans(hay, group, |s, e| out.push(&hay[s..e]));
            out
        };
        let plain = (spans(0), spans(1));
        assert_eq!(
            plain,
            (vec!["ON THE Ward", "to the unit"], vec!["Ward", "unit"])
        );
        assert_eq!(scope(hay, || (spans(0), spans(1))), plain);
        // The scoped search did go through the rewrite.
        assert!(ward.lowered.get().is_some_and(Option::is_some));
    }

    proptest::proptest! {
        /// Group spans read without allocating are those `captures_iter` gives, empty
        /// matches included.
        #[test]
        fn each_span_gives_the_spans_captures_iter_gives(hay in "[ab é\u{1F644}]{0,12}") {
            for pattern in [r"(a*)", r"(b?)a", r"(?:(é)|b)*", r"\b(a)?"] {
                let regex = Regex::new(pattern).unwrap();
                let mut got = Vec::new();
                each_span(&regex, &hay, 1, &mut |s, e| got.push((s, e)));
                let want: Vec<(usize, usize)> = regex
                    .captures_iter(&hay)
                    .filter_map(|c| c.get(1).map(|m| (m.start(), m.end())))
                    .collect();
                proptest::prop_assert_eq!(got, want, "{} on {:?}", pattern, hay);
            }
        }
    }

    #[test]
    fn outside_a_scope_nothing_is_gated() {
        let late = Re::new(r"\blate registration\b");
        assert!(late.is_match("a late registration"));
    }
}
