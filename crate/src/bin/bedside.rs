//! The `bedside` command line (a stable contract, see DESIGN.md):
//!
//! ```text
//! bedside check "some text" [--context "message replied to"] [--explain] [--policy FILE]
//! bedside check --jsonl [--policy FILE] < in.jsonl > out.jsonl
//! bedside eval FILE.jsonl [--folds K] [--group-by FIELD] [--misses]
//!                                # scores a labelled set (fields text, context, expect,
//!                                # kind, group), per group and pooled, with 95% intervals
//! ```
//!
//! `context` (in `--jsonl` input and in labelled files) is the message replied to: a
//! string, or a thread `[{"from": "them"|"me", "text": …}]`, oldest first.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use bedside::evaluate;
use bedside::thread;
use bedside::{Engine, Report, Verdict};
use serde_json::{json, Value};

const USAGE: &str = "usage: bedside check \"TEXT\" [--context \"MESSAGE REPLIED TO\"] [--explain] [--rules-only | --first-pass] [--policy FILE]\n       bedside check --jsonl [--rules-only | --first-pass] [--policy FILE] < in.jsonl > out.jsonl\n       bedside eval FILE.jsonl [--folds K] [--group-by FIELD] [--misses] [--probabilities OUT.tsv] [--policy FILE]\n       bedside features --jsonl < in.jsonl > features.bin   (the trainer's input)\n       bedside tokens --jsonl < in.jsonl > tokens.jsonl     (token ids of draft, thread, last message)";

struct Args {
    command: String,
    text: Option<String>,
    context: String,
    jsonl: bool,
    policy: Option<String>,
    folds: Option<usize>,
    group_by: Option<String>,
    misses: bool,
    rules_only: bool,
    /// Check with the rules pass the extension draws first (`Engine::check_rules`).
    first_pass: bool,
    /// `eval --folds`: write each line's out-of-fold probabilities here.
    probabilities: Option<String>,
    explain: bool,
}

fn parse(mut raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = raw.next().ok_or("missing command")?;
    let mut args = Args {
        command,
        text: None,
        context: String::new(),
        jsonl: false,
        policy: None,
        folds: None,
        group_by: None,
        misses: false,
        rules_only: false,
        first_pass: false,
        probabilities: None,
        explain: false,
    };
    while let Some(a) = raw.next() {
        match a.as_str() {
            "--context" => args.context = raw.next().ok_or("--context needs a value")?,
            "--policy" => args.policy = Some(raw.next().ok_or("--policy needs a file")?),
            "--jsonl" => args.jsonl = true,
            "--misses" => args.misses = true,
            "--rules-only" => args.rules_only = true,
            "--first-pass" => args.first_pass = true,
            "--probabilities" => args.probabilities = Some(raw.next().ok_or("--probabilities needs a file")?),
            "--explain" => args.explain = true,
            "--group-by" => args.group_by = Some(raw.next().ok_or("--group-by needs a field")?),
            "--folds" => {
                let k = raw.next().ok_or("--folds needs a number")?;
                match k.parse::<usize>() {
                    Ok(k) if k >= 2 => args.folds = Some(k),
                    _ => return Err(format!("--folds needs a number of at least 2, not {k:?}")),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ if args.text.is_none() => args.text = Some(a),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    Ok(args)
}

fn engine(policy: &Option<String>) -> Result<Engine, String> {
    let Some(path) = policy else {
        return Ok(Engine::default());
    };
    let json =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read policy {path}: {e}"))?;
    let (engine, errors) = Engine::from_json(&json);
    for e in errors {
        eprintln!("bedside: {e} (using the default for it)");
    }
    Ok(engine)
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("bedside: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let engine = match engine(&args.policy) {
        Ok(e) if args.rules_only => e.with_model(None),
        Ok(e) => e,
        Err(e) => {
            eprintln!("bedside: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match (args.command.as_str(), args.jsonl, &args.text) {
        ("check", true, None) => jsonl(&engine, args.first_pass),
        ("check", false, Some(text)) => {
            let r = if args.first_pass { engine.check_rules(text, &args.context) } else { engine.check(text, &args.context) };
            print_human(&r);
            if args.explain {
                print_explanation(&engine, text, &args.context);
            }
            Ok(true)
        }
        ("eval", false, Some(path)) => eval(&engine, path, &args),
        ("features", true, None) => features(&engine),
        ("tokens", true, None) => tokens(&engine),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("bedside: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `--explain`: each output's calibrated probability against its threshold, and the
/// words that moved the model most.
fn print_explanation(engine: &Engine, text: &str, context: &str) {
    let thread = thread::Thread::One(context.to_string());
    let mut out = io::stdout().lock();
    let Some(s) = engine.explain(text, &thread) else {
        let _ = writeln!(out, "(no model loaded: the rules judged alone)");
        return;
    };
    let t = engine.model().map(|m| m.head.thresholds).unwrap_or_default();
    let names = ["identifiable patient", "patient flagged at all", "personal approach"];
    for (i, name) in names.iter().enumerate() {
        let _ = writeln!(out, "p({name}) = {:.3} (threshold {:.3})", s.probabilities[i], t[i]);
    }
    for (a, b, d) in &s.contributions {
        let _ = writeln!(out, "  {:?} -{:.3}", &text[*a..*b], d);
    }
}

fn print_human(r: &Report) {
    // A closed pipe (`| head`) ends the output quietly, not with a panic.
    let _ = write_human(&mut io::stdout().lock(), r);
}

fn write_human(out: &mut impl Write, r: &Report) -> io::Result<()> {
    let verdict = match r.verdict {
        Verdict::None => "none",
        Verdict::Caution => "CAUTION",
        Verdict::Warn => "WARN",
    };
    let kinds: Vec<&str> = r
        .kinds
        .iter()
        .map(|&k| bedside::message::kind_name(k))
        .collect();
    if kinds.is_empty() {
        writeln!(out, "{verdict}")?;
    } else {
        writeln!(out, "{verdict}: {}", kinds.join("; "))?;
    }
    if !r.message.is_empty() {
        writeln!(out, "{}", r.message)?;
    }
    for f in &r.findings {
        let category = serde_json::to_value(f.category).unwrap_or_default();
        let category = category.as_str().unwrap_or("");
        writeln!(
            out,
            "  [{}..{}] {category:<18} {:?} -> {:?}",
            f.start, f.end, f.text, f.replacement
        )?;
    }
    if let Some(s) = &r.suggestion {
        writeln!(out, "Suggested reply: {s}")?;
    }
    Ok(())
}

/// Checks one JSON object per line; a bad line gets an error object in its place.
/// Returns Ok(false) when any line was bad.
fn jsonl(engine: &Engine, first_pass: bool) -> Result<bool, String> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all_ok = true;
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("reading input: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let row = match serde_json::from_str::<Value>(&line) {
            Ok(v) => match v.get("text").and_then(Value::as_str) {
                Some(text) => match thread::from_value(v.get("context")) {
                    Ok(context) => {
                        let r = if first_pass {
                            engine.check_rules(text, &context.incoming())
                        } else {
                            engine.check(text, &context.incoming())
                        };
                        json!({"id": v.get("id").cloned().unwrap_or(Value::Null), "verdict": r.verdict,
                               "kinds": r.kinds, "findings": r.findings, "message": r.message})
                    }
                    Err(e) => {
                        all_ok = false;
                        json!({"id": v.get("id").cloned().unwrap_or(Value::Null), "line": i + 1, "error": e})
                    }
                },
                None => {
                    all_ok = false;
                    json!({"id": v.get("id").cloned().unwrap_or(Value::Null), "line": i + 1, "error": "missing string field \"text\""})
                }
            },
            Err(e) => {
                all_ok = false;
                json!({"id": null, "line": i + 1, "error": format!("not valid JSON: {e}")})
            }
        };
        writeln!(out, "{row}").map_err(|e| format!("writing output: {e}"))?;
    }
    out.flush().map_err(|e| format!("writing output: {e}"))?;
    Ok(all_ok)
}

/// For the trainer: reads JSON lines (`text`, `context`) and writes, little-endian, u32
/// lines, u32 width, then for each line u32 rules' patient verdict, u32 rules' approach
/// verdict (0 none, 1 caution, 2 warn), u32 1 if a finding identifies alone (it warns
/// whatever the model says), u32 windows and that many f32 vectors.
fn features(engine: &Engine) -> Result<bool, String> {
    // Features need only the embeddings.
    let emb = embeddings(engine)?;
    let emb = &*emb;
    let width = bedside::model::features::width(emb.dim());
    let mut lines = Vec::new();
    each_line(|text, thread| {
        lines.push(engine.features(text, thread, emb));
        Ok(())
    })?;
    let mut out = BufWriter::new(io::stdout().lock());
    let w = (|| -> io::Result<()> {
        let put = |out: &mut BufWriter<_>, x: u32| out.write_all(&x.to_le_bytes());
        put(&mut out, lines.len() as u32)?;
        put(&mut out, width as u32)?;
        for (windows, rules, flags) in &lines {
            put(&mut out, rules.patient as u32)?;
            put(&mut out, rules.approach as u32)?;
            put(&mut out, *flags)?;
            put(&mut out, windows.len() as u32)?;
            for x in windows {
                for f in x {
                    out.write_all(&f.to_le_bytes())?;
                }
            }
        }
        out.flush()
    })();
    w.map_err(|e| format!("writing output: {e}"))?;
    Ok(true)
}

/// Prints the target figures for a labelled file, per group and pooled; with `--misses`,
/// each miss.
fn eval(engine: &Engine, path: &str, args: &Args) -> Result<bool, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let rows = evaluate::parse_jsonl(&text).map_err(|e| format!("{path}: {e}"))?;
    // Folds group by the corpus's `group` field; the table groups by what was asked
    // (by default the same groups when folding, or nothing).
    let group_by = args
        .group_by
        .clone()
        .unwrap_or_else(|| if args.folds.is_some() { "group".into() } else { String::new() });
    let folded = match (args.folds, engine.model()) {
        (Some(k), Some(model)) => Some((evaluate::Folded::committed(engine.policy(), model, k)?, k)),
        _ => None,
    };
    let judge: &dyn evaluate::Judge = match &folded {
        Some((f, _)) => f,
        None => engine,
    };
    if let Some(out) = &args.probabilities {
        if engine.model().is_none() {
            return Err("--probabilities needs the model".into());
        }
        write_probabilities(engine, folded.as_ref(), &rows, out)?;
    }
    let grouped = evaluate::evaluate_grouped(judge, &rows, &group_by, args.folds);
    // A closed pipe (`| head`) is not an error worth a panic.
    let mut out = io::stdout().lock();
    if let Some(k) = args.folds {
        let _ = writeln!(out, "{} lines, {k} folds by group\n", rows.len());
    }
    if group_by.is_empty() {
        let _ = writeln!(out, "{}", grouped.pooled);
    } else {
        let _ = write!(out, "{}", evaluate::table::render(&grouped, &group_by));
    }
    if args.misses || group_by.is_empty() {
        for m in &grouped.pooled.misses {
            let _ = writeln!(out, "  {m}");
        }
    }
    Ok(true)
}

/// `eval --probabilities OUT`: each line's probabilities beside the rules' own verdicts,
/// for choosing thresholds and vetoes without training again (`scripts/train/operating.py`).
/// With `--folds K` each line is scored by the head trained without its fold (out of
/// fold); without, by the shipped head (for a set it never saw, as the dev set).
/// Tab-separated: id, the three probabilities, the rules pass's flags (engine.rs `ALONE`,
/// `FIRM`), the rules'
/// patient and approach verdicts (0 none, 1 caution, 2 warn).
fn write_probabilities(
    engine: &Engine,
    folded: Option<&(evaluate::Folded, usize)>,
    rows: &[evaluate::Labelled],
    path: &str,
) -> Result<(), String> {
    let deal = folded.map(|(_, k)| evaluate::folds::assign(rows, *k));
    let mut out = BufWriter::new(std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?);
    for row in rows {
        let judge = match (folded, &deal) {
            (Some((f, _)), Some(d)) => &f.by_fold[d.fold_of(&row.group)],
            _ => engine,
        };
        let Some((p, rules, flags)) = judge.probabilities(&row.text, &row.context) else {
            return Err("the engine has no model".into());
        };
        writeln!(out, "{}\t{}\t{}\t{}\t{}\t{}\t{}", row.id, p[0], p[1], p[2], flags, rules.patient as u8, rules.approach as u8)
            .map_err(|e| format!("writing {path}: {e}"))?;
    }
    out.flush().map_err(|e| format!("writing {path}: {e}"))
}

/// `bedside tokens --jsonl`: for each input line, the token ids the model reads — the
/// draft (normalised as the detectors see it) whole and in the model's windows (as
/// `bedside features` gives a vector a window), the whole thread and the other person's
/// last message — one JSON object a line, for the trainer's contextual encoder.
fn tokens(engine: &Engine) -> Result<bool, String> {
    let emb = embeddings(engine)?;
    let tokens = |text: &str| {
        let mut t = Vec::new();
        emb.vocab.tokenize(text, &mut t);
        t
    };
    let ids = |t: &[bedside::model::tokenizer::Token]| -> Vec<u32> { t.iter().map(|t| t.id).collect() };
    let mut out = BufWriter::new(io::stdout().lock());
    each_line(|text, thread| {
        let doc = bedside::text::Doc::new(text);
        let draft = tokens(&doc.norm);
        let windows: Vec<Vec<u32>> = bedside::model::Model::windows(&draft).into_iter().map(ids).collect();
        let o = json!({"draft": ids(&draft), "windows": windows, "all": ids(&tokens(&thread.all())),
                       "last": ids(&tokens(thread.last_incoming()))});
        writeln!(out, "{o}").map_err(|e| format!("writing output: {e}"))
    })?;
    out.flush().map_err(|e| format!("writing output: {e}"))?;
    Ok(true)
}

/// The embeddings the trainer's commands read: the loaded model's, else the committed
/// table (a head that does not load, an old format before retraining, must not stop the
/// trainer from reading them).
fn embeddings(engine: &Engine) -> Result<std::sync::Arc<bedside::model::embeddings::Embeddings>, String> {
    Ok(match engine.model() {
        Some(model) => model.embeddings.clone(),
        None => std::sync::Arc::new(bedside::model::format::read_embeddings(include_bytes!(
            "../../model/static.bin"
        ))?),
    })
}

/// Calls `f` with the text and thread of each JSON line on stdin (blank lines skipped).
fn each_line(mut f: impl FnMut(&str, &thread::Thread) -> Result<(), String>) -> Result<(), String> {
    for (i, line) in io::stdin().lock().lines().enumerate() {
        let line = line.map_err(|e| format!("reading input: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let text = v.get("text").and_then(Value::as_str).ok_or(format!("line {}: no text", i + 1))?;
        let thread = thread::from_value(v.get("context")).map_err(|e| format!("line {}: {e}", i + 1))?;
        f(text, &thread)?;
    }
    Ok(())
}
