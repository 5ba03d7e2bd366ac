//! The message a draft replies to, as the corpus and the CLI give it: a string (one
//! message), or a thread `[{"from": "them"|"me", "text": …}]`, oldest first, newest last.

use serde::{Deserialize, Serialize};

/// Who wrote a message of the thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum From {
    /// The other person.
    Them,
    /// The writer of the draft, earlier.
    Me,
}

/// One message of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub from: From,
    pub text: String,
}

/// What a draft replies to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Thread {
    /// Nothing.
    #[default]
    #[serde(skip)]
    Empty,
    /// One message, from the other person.
    One(String),
    /// Several, oldest first.
    Many(Vec<Message>),
}

impl Thread {
    /// True when there is nothing to reply to.
    pub fn is_empty(&self) -> bool {
        match self {
            Thread::Empty => true,
            Thread::One(s) => s.trim().is_empty(),
            Thread::Many(m) => m.iter().all(|m| m.text.trim().is_empty()),
        }
    }

    /// The messages of the other person, oldest first, one a line: what the rules read
    /// as the message replied to.
    pub fn incoming(&self) -> String {
        match self {
            Thread::Empty => String::new(),
            Thread::One(s) => s.clone(),
            Thread::Many(m) => join(m.iter().filter(|m| m.from == From::Them)),
        }
    }

    /// The last message of the other person ("" when there is none).
    pub fn last_incoming(&self) -> &str {
        match self {
            Thread::Empty => "",
            Thread::One(s) => s,
            Thread::Many(m) => m
                .iter()
                .rev()
                .find(|m| m.from == From::Them && !m.text.trim().is_empty())
                .map_or("", |m| m.text.as_str()),
        }
    }

    /// How many messages it has.
    pub fn len(&self) -> usize {
        match self {
            Thread::Empty => 0,
            Thread::One(s) => usize::from(!s.trim().is_empty()),
            Thread::Many(m) => m.len(),
        }
    }

    /// Every message, oldest first, one a line.
    pub fn all(&self) -> String {
        match self {
            Thread::Empty => String::new(),
            Thread::One(s) => s.clone(),
            Thread::Many(m) => join(m.iter()),
        }
    }
}

fn join<'a>(messages: impl Iterator<Item = &'a Message>) -> String {
    let mut out = String::new();
    for m in messages.filter(|m| !m.text.trim().is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&m.text);
    }
    out
}

/// Reads a thread from a JSON value: a string, a list of messages, or null/absent.
pub fn from_value(v: Option<&serde_json::Value>) -> Result<Thread, String> {
    match v {
        None | Some(serde_json::Value::Null) => Ok(Thread::Empty),
        Some(serde_json::Value::String(s)) if s.is_empty() => Ok(Thread::Empty),
        Some(v) => serde_json::from_value(v.clone()).map_err(|_| {
            "\"context\" must be a string or a list of {\"from\": \"them\"|\"me\", \"text\": …}"
                .to_string()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_strings_lists_and_nothing() {
        assert_eq!(from_value(None).unwrap(), Thread::Empty);
        assert_eq!(from_value(Some(&json!(""))).unwrap(), Thread::Empty);
        assert_eq!(
            from_value(Some(&json!("hi"))).unwrap(),
            Thread::One("hi".into())
        );
        let t = from_value(Some(&json!([
            {"from": "them", "text": "you stitched my hand on tuesday"},
            {"from": "me", "text": "how is it?"},
            {"from": "them", "text": "drink friday?"}
        ])))
        .unwrap();
        assert_eq!(t.incoming(), "you stitched my hand on tuesday\ndrink friday?");
        assert_eq!(t.all().lines().count(), 3);
        assert!(from_value(Some(&json!([{"from": "her", "text": "x"}]))).is_err());
        assert!(from_value(Some(&json!(4))).is_err());
    }
}
