//! The taxonomy of guidance.md on drafts written for this test, not taken from the dev
//! set: each row is one phenomenon, positive or hard negative, in UK or US phrasing.

use bedside::{check, Kind, Verdict};

/// (expected verdict, draft, message replied to)
const CASES: &[(Verdict, &str, &str)] = &[
    // A + B + C: identifiable patients.
    (Verdict::Warn, "Had a 67 y/o male come into the ER tonight at Mercy General with a nail through his hand, turns out he's the high school football coach lol", ""),
    (Verdict::Warn, "Just discharged the Henderson baby from our PICU after 4 months!! So proud of this little fighter 💪 #picunurse", ""),
    (Verdict::Warn, "Can't stop thinking about the 16yo girl from Oakridge who OD'd on her mum's oxycodone last night. Pray for her family.", ""),
    (Verdict::Warn, "the guy in room 12 keeps pressing the call bell every 5 mins, it's the mayor btw 🙄", ""),
    (Verdict::Warn, "Hope the new inhaler is helping Tom! Remember to use the spacer and I'll see you at your review on the 14th", ""),
    (Verdict::Warn, "pt Mrs Okonkwo, MRN 00412345, can you chase her CT report", ""),
    // E: replies to a patient's personal approach.
    (Verdict::Warn, "Sorry but I can't meet up, but thanks for the flowers! x", "Thank you so much for delivering my baby girl, you were amazing. I got you some flowers, can we meet for a coffee?"),
    (Verdict::Warn, "haha you're too sweet 😘 maybe after your follow-up 😉", "Hey doc, you fixed my shoulder last month and I can't stop thinking about you. Drinks?"),
    (Verdict::Warn, "Sure, add me on snap: nursejess92", "you were my nurse on ward 7 last week! can I add you on snapchat?"),
    (Verdict::Warn, "Of course I remember you! How's the knee? x", "Hi! You probably don't remember me but you were my physio after my ACL op last year. Would love to catch up sometime!"),
    (Verdict::Warn, "aw that's so kind, I'd love that 🥰", "I know it's weird messaging you here but I think about you a lot since you looked after my dad in hospice. Can I take you out to dinner?"),
    (Verdict::Warn, "Thanks Kev! Yeah Saturday works, I'll bring the wine 🍷", "Dr Amir! Its Kevin, your patient from the diabetes clinic. Me and the wife are having a BBQ saturday, you should come!"),
    (Verdict::Warn, "Hey, I'm the nurse who looked after you on Ward 12 last week, just wanted to check how you're getting on? Fancy a drink sometime?", ""),
    (Verdict::Warn, "no worries, my personal number is 07700 900123, text me whenever", "Can I have your personal number in case I have questions about my meds? Easier than ringing the surgery"),
    // D: disparaging, nobody identified.
    (Verdict::Caution, "why do patients always wait until 3am to come in with a 2 week old cough 🙄", ""),
    // Hard negatives.
    (Verdict::None, "Be patient, the results take 2 weeks", ""),
    (Verdict::None, "Our ward raised £2,000 for the children's hospice this month! Thank you everyone 💙", ""),
    (Verdict::None, "Reminder: flu clinics run every Saturday in November at the surgery. Book online.", ""),
    (Verdict::None, "Congrats on the new job! Drinks Friday to celebrate? 🍻", "you got the consultant post!!"),
    (Verdict::None, "Thanks so much, we really appreciate the kind words!", "Great practice, always friendly and helpful ⭐⭐⭐⭐⭐"),
    (Verdict::None, "My nan is 94 today! Happy birthday to the best woman I know 🎂", ""),
    (Verdict::None, "Code review in 10 mins, then theatre tickets for Hamilton tonight", ""),
    (Verdict::None, "Patient safety week: remember to wash your hands and speak up!", ""),
    (Verdict::None, "Lovely to see you at the conference last week, let's grab lunch when you're next in London", "Great meeting you at the RCN congress! Loved your talk on sepsis"),
    (Verdict::None, "Ward 3 councillors voted against the new car park again", ""),
    (Verdict::None, "Thank you! We're so glad you had a good experience with our team 😊", "Huge thanks to everyone at Riverside Surgery for sorting my prescription so quickly! 5 stars"),
    (Verdict::None, "haha yes!! see you at the pub 🍻", "drinks after handover tonight? the whole team's going"),
    (Verdict::None, "Thanks Dr Patel, I'll pass it on to the team", "Great work on the audit presentation today, really well done"),
    (Verdict::None, "Happy to connect, let's chat about the role next week", "Hi, I'm recruiting for a charge nurse role at St Anne's, would love to connect"),
    (Verdict::None, "Love you too mum, see you Sunday x", "Proud of you darling, you looked so professional in your uniform! Love mum x"),
    (Verdict::None, "Please call the practice on 01632 960000 to book an appointment, we can't give advice over Facebook.", "Hi doc, my rash is getting worse, what cream should I use?"),
];

#[test]
fn each_phenomenon_gets_its_verdict() {
    let mut wrong = Vec::new();
    for &(want, text, context) in CASES {
        let got = check(text, context);
        if got.verdict != want {
            wrong.push(format!(
                "want {want:?} got {:?}: {text}\n    {}",
                got.verdict, got.message
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_reply_to_an_approach_is_its_own_kind_and_offers_the_boundary_reply() {
    let r = check(
        "Aw thank you! Would love to grab a coffee sometime 😊",
        "Hi, it's Lucy from your clinic on Tuesday 😊 found you on Facebook! fancy a coffee?",
    );
    assert_eq!(r.verdict, Verdict::Warn);
    assert!(r.kinds.contains(&Kind::Approach));
    assert!(r
        .suggestion
        .as_deref()
        .is_some_and(|s| s.contains("can't mix social and professional")));
    assert!(r
        .citations
        .iter()
        .any(|c| c.source.contains("GMC") || c.source.contains("MDU")));
}

#[test]
fn every_finding_offers_a_neutral_replacement_for_identifiers() {
    let r = check(
        "my patient in bed 4 today, 84yo retired headteacher from Hexham with dementia",
        "",
    );
    assert_eq!(r.verdict, Verdict::Warn);
    let reference = r
        .findings
        .iter()
        .find(|f| f.text == "my patient")
        .expect("reference found");
    assert_eq!(reference.replacement, "a patient");
    let age = r
        .findings
        .iter()
        .find(|f| f.text == "84yo")
        .expect("age found");
    assert_eq!(age.replacement, "[age]");
}
