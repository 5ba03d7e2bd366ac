//! The `bedside` command line (a stable contract, see DESIGN.md):
//!
//! ```text
//! bedside check "some text" [--context "message replied to"] [--policy FILE]
//! bedside check --jsonl [--policy FILE] < in.jsonl > out.jsonl
//! bedside eval FILE.jsonl        # scores a labelled set (fields text, context, expect, kind)
//! ```

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use bedside::{Engine, Report, Verdict};
use serde_json::{json, Value};

const USAGE: &str = "usage: bedside check \"TEXT\" [--context \"MESSAGE REPLIED TO\"] [--policy FILE]\n       bedside check --jsonl [--policy FILE] < in.jsonl > out.jsonl\n       bedside eval FILE.jsonl [--policy FILE]";

struct Args {
    command: String,
    text: Option<String>,
    context: String,
    jsonl: bool,
    policy: Option<String>,
}

fn parse(mut raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = raw.next().ok_or("missing command")?;
    let mut args = Args {
        command,
        text: None,
        context: String::new(),
        jsonl: false,
        policy: None,
    };
    while let Some(a) = raw.next() {
        match a.as_str() {
            "--context" => args.context = raw.next().ok_or("--context needs a value")?,
            "--policy" => args.policy = Some(raw.next().ok_or("--policy needs a file")?),
            "--jsonl" => args.jsonl = true,
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
        Ok(e) => e,
        Err(e) => {
            eprintln!("bedside: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match (args.command.as_str(), args.jsonl, &args.text) {
        ("check", true, None) => jsonl(&engine),
        ("check", false, Some(text)) => {
            print_human(&engine.check(text, &args.context));
            Ok(true)
        }
        ("eval", false, Some(path)) => eval(&engine, path),
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
fn jsonl(engine: &Engine) -> Result<bool, String> {
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
                Some(text) => {
                    let context = v.get("context").and_then(Value::as_str).unwrap_or("");
                    let r = engine.check(text, context);
                    json!({"id": v.get("id").cloned().unwrap_or(Value::Null), "verdict": r.verdict,
                           "kinds": r.kinds, "findings": r.findings, "message": r.message})
                }
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

/// Prints the target figures for a labelled file, then each miss.
fn eval(engine: &Engine, path: &str) -> Result<bool, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let rows = bedside::evaluate::parse_jsonl(&text).map_err(|e| format!("{path}: {e}"))?;
    let scores = bedside::evaluate::evaluate(engine, &rows);
    // A closed pipe (`| head`) is not an error worth a panic.
    let mut out = io::stdout().lock();
    let _ = writeln!(out, "{scores}");
    for m in &scores.misses {
        let _ = writeln!(out, "  {m}");
    }
    Ok(true)
}
