//! The CLI contract of DESIGN.md, exercised through the real binary.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn bedside() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bedside"))
}

fn run_jsonl(input: &str) -> (Vec<Value>, bool) {
    let mut child = bedside()
        .args(["check", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("bedside runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let rows = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (rows, out.status.success())
}

#[test]
fn jsonl_answers_each_line_in_order_with_the_contract_fields() {
    let input = concat!(
        r#"{"id":"a","text":"Be patient with yourself, growth takes time"}"#,
        "\n",
        r#"{"id":7,"text":"pt is Gary Flumpkin, DOB 3/12/61, NHS 943 476 5919","context":"","site":"x"}"#,
        "\n"
    );
    let (rows, ok) = run_jsonl(input);
    assert!(ok);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "a");
    assert_eq!(rows[0]["verdict"], "none");
    assert_eq!(rows[1]["id"], 7);
    assert_eq!(rows[1]["verdict"], "warn");
    assert_eq!(rows[1]["kinds"], serde_json::json!(["patient"]));
    for key in ["findings", "message"] {
        assert!(rows[1].get(key).is_some(), "missing {key}");
    }
    let f = &rows[1]["findings"][0];
    for key in ["start", "end", "category", "text"] {
        assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
    }
}

#[test]
fn a_bad_line_gets_an_error_in_its_place_and_the_rest_are_checked() {
    let input = "{\"id\":1,\"text\":\"hello\"}\nnot json\n{\"id\":3,\"text\":\"hi\"}\n";
    let (rows, ok) = run_jsonl(input);
    assert!(!ok, "exit status is non-zero when a line was bad");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1]["id"], Value::Null);
    assert_eq!(rows[1]["line"], 2);
    assert!(rows[1]["error"].as_str().unwrap().contains("JSON"));
    assert_eq!(rows[2]["id"], 3);
}

#[test]
fn human_report_names_the_verdict_and_the_suggested_reply() {
    let out = bedside()
        .args([
            "check",
            "Aw thanks! Would love to grab a coffee sometime",
            "--context",
            "Hi, it's Lucy from your clinic on Tuesday, found you on Facebook! You were so lovely, fancy a coffee?",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(text.starts_with("WARN"), "{text}");
    assert!(text.contains("Suggested reply"), "{text}");
}

#[test]
fn a_malformed_policy_is_named_and_checking_goes_on() {
    let dir = std::env::temp_dir().join(format!("bedside-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(
        &policy,
        r#"{"mode":"loud","customPatterns":[{"label":"x","pattern":"(oops"}]}"#,
    )
    .unwrap();
    let out = bedside()
        .args(["check", "hello", "--policy"])
        .arg(&policy)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success());
    assert!(err.contains("`mode`"), "{err}");
    assert!(err.contains("`customPatterns[0].pattern`"), "{err}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "none");
}

#[test]
fn usage_errors_exit_2() {
    let out = bedside().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
