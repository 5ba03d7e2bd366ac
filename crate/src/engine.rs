//! The engine: a policy compiled once, then `check(text, context)` many times. Runs the
//! detectors, drops what the policy says to ignore (anything over a colleague's name; over
//! a word the user ignores, only a soft finding of the built-in detectors), scores, and
//! builds the report.

use std::borrow::Cow;
use std::sync::Arc;

use crate::category::{Category, Class};
use crate::detect::claims::Claims;
use crate::detect::lexicon::Lexicon;
use crate::detect::organisation::Organisation;
use crate::detect::{self, boundary, gate, Detector, Hit};
use crate::message;
use crate::policy::{Policy, PolicyError};
use crate::report::{ByKind, Finding, Kind, Report, Verdict};
use crate::rules::{self, BOUNDARY_REPLY};
use crate::score::{self, Evidence};
use crate::model::embeddings::Embeddings;
use crate::model::features::RuleView;
use crate::model::head::{APPROACH_WARN, PATIENT_FLAG, PATIENT_WARN};
use crate::model::{self, Model, Scored};
use crate::text::{utf16_offsets, Doc};
use crate::thread::Thread;

/// What the rules pass found.
struct RulesPass {
    hits: Vec<Hit>,
    incoming: Vec<Hit>,
    verdicts: ByKind,
    /// Whether a finding comes from the policy's own lists (the organisation's names and
    /// patterns, the user's identifying words): a rules verdict resting on one stands
    /// whatever the model says, as the organisation or the user asked.
    policy: bool,
}

impl RulesPass {
    /// Whether the rules' patient verdict stands whatever the model says: it rests on a
    /// structured identifier, or on the policy's own lists.
    fn firm(&self) -> bool {
        self.policy || self.hits.iter().any(structured)
    }

    fn flags(&self) -> u32 {
        u32::from(self.hits.iter().any(identifies_alone)) * ALONE + u32::from(self.firm()) * FIRM
    }
}

/// A finding that identifies a patient alone, whatever the model says: a checksummed
/// health or record number, a date of birth, the organisation's own identifier pattern.
fn identifies_alone(h: &Hit) -> bool {
    h.weight >= 3
        && matches!(
            h.category,
            Category::HealthNumber | Category::RecordNumber | Category::Date | Category::CustomPattern
        )
}

/// The rules' verdicts that stand beside the model's probabilities `p`: a rules warning
/// stands where the probability of its kind reaches its veto; below it a patient warning
/// falls to a caution, which (like the rules' own caution) stands only where the flag's
/// probability reaches the flag's veto, and an approach warning goes. Vetoes of 0 leave
/// every rules verdict standing.
fn stand(rules: ByKind, p: [f32; 3], veto: &[f32; 3]) -> ByKind {
    let patient = match rules.patient {
        Verdict::Warn if p[PATIENT_WARN] >= veto[PATIENT_WARN] => Verdict::Warn,
        Verdict::None => Verdict::None,
        _ if p[PATIENT_FLAG] >= veto[PATIENT_FLAG] => Verdict::Caution,
        _ => Verdict::None,
    };
    let approach = match rules.approach {
        Verdict::Warn if p[APPROACH_WARN] < veto[APPROACH_WARN] => Verdict::None,
        v => v,
    };
    ByKind { patient, approach }
}

/// A structured identifier (issue 17's "rules keep" list, less the contact details a
/// writer most often shares of their own): a rules patient warning with one stands
/// whatever the model says.
fn structured(h: &Hit) -> bool {
    matches!(
        h.category,
        Category::HealthNumber
            | Category::RecordNumber
            | Category::Date
            | Category::Postcode
            | Category::Address
            | Category::BedNumber
            | Category::IncidentNumber
            | Category::LabValue
            | Category::CustomPattern
    )
}

/// Flags of a rules pass for the trainer and the operating point (`bedside features`,
/// `eval --probabilities`): a finding identifies alone (bit 0); the rules' patient
/// verdict stands whatever the model says (bit 1, `RulesPass::firm`).
pub const ALONE: u32 = 1;
pub const FIRM: u32 = 2;

/// A compiled policy, ready to check drafts.
pub struct Engine {
    policy: Policy,
    /// The learned scorer; without it the rules judge alone.
    model: Option<Arc<Model>>,
    organisation: Organisation,
    /// Staff names (weight `STAFF`) and the user's ignored words (weight `USER`), in one
    /// automaton: see `drop_ignored`.
    ignored: Lexicon,
}

/// The weight that tags a staff name in `Engine::ignored`.
const STAFF: u8 = 2;
/// The weight that tags one of the user's ignored words in `Engine::ignored`.
const USER: u8 = 1;

/// Whether a word the user ignores may quiet a finding of the built-in detectors: not one
/// that identifies alone (a checksummed health number, a record number, a date of birth).
fn user_may_ignore(h: &Hit) -> bool {
    !identifies_alone(h)
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new(Policy::default())
    }
}

impl Engine {
    /// Compiles a policy that is already valid.
    pub fn new(policy: Policy) -> Engine {
        detect::prepare();
        let ignored = policy
            .staff_names
            .iter()
            .map(|w| (w.clone(), STAFF))
            .chain(policy.ignore_words.iter().map(|w| (w.clone(), USER)));
        Engine {
            model: model::builtin(),
            organisation: Organisation::new(&policy),
            ignored: Lexicon::from_phrases(ignored, Category::Name),
            policy,
        }
    }

    /// Reads and compiles a policy from JSON; problems are returned, never fatal.
    pub fn from_json(json: &str) -> (Engine, Vec<PolicyError>) {
        let (policy, errors) = Policy::from_json(json);
        (Engine::new(policy), errors)
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The same engine judging with `model` (or with the rules alone, given None).
    pub fn with_model(mut self, model: Option<Arc<Model>>) -> Engine {
        self.model = model;
        self
    }

    /// Judges with `model` from now on (or with the rules alone, given None).
    pub fn set_model(&mut self, model: Option<Arc<Model>>) {
        self.model = model;
    }

    /// The model it judges with, if any.
    pub fn model(&self) -> Option<&Arc<Model>> {
        self.model.as_ref()
    }

    /// Checks a draft, given the message it replies to (or "").
    pub fn check(&self, text: &str, context: &str) -> Report {
        self.check_thread(text, &Thread::One(context.to_string()))
    }

    /// Checks a draft, given the thread it replies to (oldest message first).
    pub fn check_thread(&self, text: &str, thread: &Thread) -> Report {
        self.judge(text, thread, true)
    }

    /// The rules pass: what the extension draws at once, before the model's pass lands,
    /// with the same spans. The model may veto a rules warning, so this pass warns only
    /// on what warns whatever the model says (a finding that identifies alone, or a
    /// patient warning that is firm: `RulesPass::firm`); any other rules warning shows as a
    /// caution until the model's pass lands. So a warning drawn early never falls when
    /// the model's pass lands.
    pub fn check_rules(&self, text: &str, context: &str) -> Report {
        self.check_rules_thread(text, &Thread::One(context.to_string()))
    }

    /// The rules pass, given the thread replied to.
    pub fn check_rules_thread(&self, text: &str, thread: &Thread) -> Report {
        self.judge(text, thread, false)
    }

    fn judge(&self, text: &str, thread: &Thread, with_model: bool) -> Report {
        let doc = Doc::new(text);
        let incoming_text = thread.incoming();
        let pass = self.rules(&doc, &incoming_text);
        let (mut patient, mut approach) = (pass.verdicts.patient, pass.verdicts.approach);
        let (alone, firm) = (pass.hits.iter().any(identifies_alone), pass.firm());
        if !with_model {
            if patient == Verdict::Warn && !alone && !firm {
                patient = Verdict::Caution;
            }
            approach = approach.min(Verdict::Caution);
        }
        let mut hits = pass.hits;
        if let Some(model) = self.model.as_ref().filter(|_| with_model) {
            let view = RuleView {
                draft: &hits,
                incoming: &pass.incoming,
                verdicts: pass.verdicts,
            };
            let scored = model.score(&doc.norm, thread, &view, false);
            // The model warns on its own above its thresholds; a rules verdict stands
            // only where the model's probability reaches its veto (docs/MODEL.md), or,
            // for the patient kind, where it rests on a structured identifier or on the
            // policy's own lists. A finding that identifies alone warns whatever the
            // model says.
            let mut veto = model.head.vetoes;
            if firm {
                veto[PATIENT_WARN] = 0.0;
                veto[PATIENT_FLAG] = 0.0;
            }
            let rules = stand(pass.verdicts, scored.probabilities, &veto);
            patient = rules.patient.max(scored.verdicts.patient);
            if alone {
                patient = Verdict::Warn;
            }
            approach = rules.approach.max(scored.verdicts.approach);
            // Where the model flags what no rule span explains, underline the words that
            // moved it most (leave-one-word-out, so only worked out when shown).
            let explained = hits.iter().any(|h| {
                let c = h.category.class();
                (approach > Verdict::None && matches!(c, Class::Outgoing))
                    || (patient > Verdict::None && !matches!(c, Class::Outgoing | Class::Incoming | Class::Reference))
            });
            if !explained && patient.max(approach) > Verdict::None {
                let why = model.score(&doc.norm, thread, &view, true);
                hits.extend(
                    why.contributions
                        .iter()
                        .map(|&(s, e, _)| Hit::new(s, e, Category::Wording, 1)),
                );
            }
        }
        self.report(&doc, hits, &pass.incoming, patient, approach)
    }

    /// The feature vectors the model reads for a draft (one a window), with the rules'
    /// own verdicts: what `bedside features` gives the trainer.
    /// The third value is the rules pass's flags (`ALONE`, `FIRM`).
    pub fn features(
        &self,
        text: &str,
        thread: &Thread,
        embeddings: &Embeddings,
    ) -> (Vec<Vec<f32>>, ByKind, u32) {
        let doc = Doc::new(text);
        let pass = self.rules(&doc, &thread.incoming());
        let view = RuleView {
            draft: &pass.hits,
            incoming: &pass.incoming,
            verdicts: pass.verdicts,
        };
        (
            model::features_of(embeddings, &doc.norm, thread, &view),
            pass.verdicts,
            pass.flags(),
        )
    }

    /// The model's probabilities for a draft beside the rules' own verdicts and their
    /// flags (`ALONE`, `FIRM`): what choosing thresholds and vetoes reads (None without a
    /// model).
    pub fn probabilities(&self, text: &str, thread: &Thread) -> Option<([f32; 3], ByKind, u32)> {
        let (_, pass, s) = self.read_with_model(text, thread, false)?;
        Some((s.probabilities, pass.verdicts, pass.flags()))
    }

    /// The model's probabilities and contributions for a draft, if a model is loaded.
    pub fn explain(&self, text: &str, thread: &Thread) -> Option<Scored> {
        let (doc, _, mut s) = self.read_with_model(text, thread, true)?;
        for c in &mut s.contributions {
            let (a, b) = doc.to_original(c.0, c.1);
            *c = (a, b, c.2);
        }
        Some(s)
    }

    /// The rules pass over a draft and the model's reading of it (None without a model).
    fn read_with_model<'t>(&self, text: &'t str, thread: &Thread, explain: bool) -> Option<(Doc<'t>, RulesPass, Scored)> {
        let model = self.model.as_ref()?;
        let doc = Doc::new(text);
        let pass = self.rules(&doc, &thread.incoming());
        let view = RuleView {
            draft: &pass.hits,
            incoming: &pass.incoming,
            verdicts: pass.verdicts,
        };
        let s = model.score(&doc.norm, thread, &view, explain);
        Some((doc, pass, s))
    }

    /// The rules pass: the draft's hits, the incoming message's, and the rules' verdicts.
    fn rules(&self, doc: &Doc, context: &str) -> RulesPass {
        let ctx = Doc::new(context);

        let replying = !ctx.norm.trim().is_empty();

        // Room for a long post's hits without growing.
        let mut hits = Vec::with_capacity(64);
        let mut policy = false;
        gate::scope(&doc.norm, || {
            for f in detect::PATIENT {
                f(doc, &mut hits);
            }
            let before = hits.len();
            boundary::links(doc, &mut hits);
            // Without a message replied to, personal moves count only beside the draft's
            // own link to care (`score::approach`): a draft without one skips them.
            if replying || hits.len() > before {
                boundary::moves(doc, &mut hits);
            }
            // Inside the scope, the policy's word lists read the draft lowercased once
            // with the built-in ones, not each in a copy of its own.
            let built_in = hits.len();
            self.organisation.detect(doc, &mut hits);
            policy = self.drop_ignored(doc, &mut hits, built_in) > 0;
        });

        let mut incoming = Vec::new();
        if replying {
            gate::scope(&ctx.norm, || {
                for f in detect::INCOMING {
                    f(&ctx, &mut incoming);
                }
            });
        }

        // Patient evidence: the draft's own hits, and whether it replies to a review.
        let patient_hits: Vec<Hit> = hits
            .iter()
            .copied()
            .filter(|h| h.category.class() != Class::Outgoing)
            .collect();
        let review = incoming.iter().any(|h| h.category == Category::ReviewReply);
        let patient = score::patient(&patient_hits, review);

        let approach = score::approach(
            &Evidence::new(&hits),
            &Evidence::new(&incoming),
            replying && !doc.norm.trim().is_empty(),
        );
        RulesPass {
            hits,
            incoming,
            verdicts: ByKind { patient, approach },
            policy,
        }
    }

    /// Removes hits that overlap a staff name, and those of the built-in detectors
    /// (`hits[..built_in]`; the policy's own come after) that overlap a word the user
    /// ignores, unless they identify alone. The user's words never quiet the
    /// organisation's names and patterns, nor the user's own identifying words.
    /// Returns how many of the policy's own hits (`hits[built_in..]`) are kept.
    fn drop_ignored(&self, doc: &Doc, hits: &mut Vec<Hit>, built_in: usize) -> usize {
        let mut spans = Vec::new();
        self.ignored.find(&doc.norm, &mut spans);
        if spans.is_empty() {
            return hits.len() - built_in;
        }
        let (mut i, mut kept) = (0, 0);
        // `retain` visits the hits in order, so `i` is each one's index.
        hits.retain(|h| {
            let user_may = i < built_in && user_may_ignore(h);
            let keep = !spans.iter().any(|s| {
                s.start < h.end && h.start < s.end && (s.weight == STAFF || user_may)
            });
            kept += usize::from(keep && i >= built_in);
            i += 1;
            keep
        });
        kept
    }

    fn report(
        &self,
        doc: &Doc,
        hits: Vec<Hit>,
        incoming: &[Hit],
        patient: Verdict,
        approach: Verdict,
    ) -> Report {
        let verdict = patient.max(approach);
        if verdict == Verdict::None {
            return Report::clear();
        }
        let mut kinds = Vec::new();
        let mut citations = Vec::new();
        let mut message = String::new();
        let mut suggestion = None;
        let j = self.policy.jurisdiction;

        let mut shown = hits;
        shown.retain(|h| {
            let boundary = matches!(h.category.class(), Class::Outgoing | Class::Incoming);
            (boundary && approach > Verdict::None) || (!boundary && patient > Verdict::None)
        });
        let categories: Vec<Category> = shown.iter().map(|h| h.category).collect();

        if approach > Verdict::None {
            kinds.push(Kind::Approach);
            let cite = rules::citations(Kind::Approach, j);
            let incoming: Vec<Category> = incoming.iter().map(|h| h.category).collect();
            message = message::approach(&incoming, &categories, cite);
            citations.extend_from_slice(cite);
            suggestion = Some(BOUNDARY_REPLY.to_string());
        }
        if patient > Verdict::None {
            kinds.push(Kind::Patient);
            let cite = rules::citations(Kind::Patient, j);
            let about = message::patient(patient, &categories, cite);
            if message.is_empty() {
                message = about;
            } else {
                message.push(' ');
                message.push_str(&about);
            }
            citations.extend_from_slice(cite);
        }
        kinds.sort();
        Report {
            verdict,
            kinds,
            findings: findings(doc, shown),
            message,
            citations,
            suggestion,
            by_kind: ByKind { patient, approach },
        }
    }
}

/// How specific a finding is: where spans overlap, the most specific one is shown (an
/// age over the patient reference it is part of, "bed 4" over "my patient in bed 4").
fn specificity(c: Category) -> u8 {
    match c.class() {
        Class::Direct => 6,
        Class::Indirect => 5,
        Class::Context => 4,
        Class::Outgoing => 3,
        Class::Venting => 2,
        Class::Reference => 1,
        Class::Incoming => 0,
    }
}

/// Keeps findings that do not overlap: most specific first, then longest, then first.
/// Each redaction then replaces its own words and no other's.
fn disjoint(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| {
        (
            std::cmp::Reverse(specificity(h.category)),
            std::cmp::Reverse(h.end - h.start),
            h.start,
        )
    });
    let mut claims = Claims::default();
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits.into_iter().filter(|h| h.end > h.start) {
        claims.push(&mut kept, h);
    }
    kept.sort_by_key(|h| h.start);
    kept
}

/// Converts hits (spans of `doc.norm`) to findings (UTF-16 spans of the original), in
/// order and never overlapping.
fn findings(doc: &Doc, hits: Vec<Hit>) -> Vec<Finding> {
    let hits = disjoint(hits);
    let spans: Vec<(usize, usize)> = hits
        .iter()
        .map(|h| doc.to_original(h.start, h.end))
        .collect();
    // The spans are in order and do not overlap, so their ends are already sorted: one
    // walk over the draft converts them all.
    let bytes: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    debug_assert!(bytes.is_sorted(), "findings are in order and disjoint");
    let units = utf16_offsets(doc.original, &bytes);
    hits.iter()
        .zip(spans)
        .zip(units.chunks_exact(2))
        .map(|((h, (s, e)), u)| Finding {
            start: u[0],
            end: u[1],
            category: h.category,
            text: doc.original[s..e].to_string(),
            replacement: Cow::Borrowed(h.category.replacement()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES_WARN: ByKind = ByKind { patient: Verdict::Warn, approach: Verdict::Warn };

    #[test]
    fn vetoes_of_zero_leave_every_rules_verdict_standing() {
        for v in [Verdict::None, Verdict::Caution, Verdict::Warn] {
            let rules = ByKind { patient: v, approach: v };
            assert_eq!(stand(rules, [0.0; 3], &[0.0; 3]), rules);
        }
    }

    #[test]
    fn a_rules_warning_below_its_veto_falls() {
        let veto = [0.5, 0.3, 0.4];
        // Above every veto: both stand.
        assert_eq!(stand(RULES_WARN, [0.6, 0.6, 0.6], &veto), RULES_WARN);
        // Below the patient veto but above the flag's: a caution. Below the approach veto: gone.
        let low = stand(RULES_WARN, [0.4, 0.35, 0.39], &veto);
        assert_eq!(low, ByKind { patient: Verdict::Caution, approach: Verdict::None });
        // Below the flag's veto too: nothing.
        assert_eq!(stand(RULES_WARN, [0.1, 0.1, 0.1], &veto).patient, Verdict::None);
        // The rules' own caution stands only above the flag's veto.
        let caution = ByKind { patient: Verdict::Caution, approach: Verdict::None };
        assert_eq!(stand(caution, [0.0, 0.31, 0.0], &veto).patient, Verdict::Caution);
        assert_eq!(stand(caution, [0.0, 0.29, 0.0], &veto).patient, Verdict::None);
    }
}
