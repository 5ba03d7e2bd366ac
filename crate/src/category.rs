//! The taxonomy of guidance.md as types: every finding has a [`Category`], and every
//! category belongs to one [`Class`] that scoring reasons about.

use serde::{Deserialize, Serialize};

/// The part of the taxonomy a category belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Anchors everything: the draft is about a patient ("my patient", "a 30yo in resus").
    Reference,
    /// A. Direct identifiers: enough alone.
    Direct,
    /// B. Indirect identifiers: add up.
    Indirect,
    /// C. Context that multiplies B.
    Context,
    /// D. Venting about patients.
    Venting,
    /// E. Boundary cues in the message replied to (incoming approach).
    Incoming,
    /// E. Boundary cues in the draft (outgoing acceptance, meeting, contact-sharing…).
    Outgoing,
}

/// Declares [`Category`] and [`Category::ALL`] from one list, so the two cannot drift.
macro_rules! categories {
    ($($variant:ident,)*) => {
        /// What a finding is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum Category {
            $($variant,)*
        }

        impl Category {
            /// Every category, in declaration order (`ALL[c as usize] == c`).
            pub const ALL: [Category; [$(Category::$variant),*].len()] = [$(Category::$variant),*];
        }
    };
}

categories! {
    // Reference
    PatientReference,

    // A. Direct identifiers
    Name,
    Date,
    Age,
    HealthNumber,
    RecordNumber,
    Phone,
    Email,
    Postcode,
    Address,
    BedNumber,
    IncidentNumber,
    LabValue,
    Image,
    CustomPattern,

    // B. Indirect identifiers
    SexOrRole,
    Occupation,
    Condition,
    Injury,
    Procedure,
    Drug,
    RareDisease,
    FamilyLink,
    Equipment,

    // C. Context
    Recency,
    Place,
    Rarity,
    ReviewReply,
    // Words the model found to read like a particular patient's case or a personal
    // reply, where no rule span explains its verdict.
    Wording,

    // D. Venting
    Label,
    Profanity,
    Mockery,
    WishHarm,
    Meme,

    // E. Boundary cues, incoming (found in the message replied to)
    CareLink,
    Compliment,
    Invitation,
    Gift,
    FoundYou,
    ContactRequest,
    Romance,

    // E. Boundary cues, outgoing (found in the draft)
    Acceptance,
    Meeting,
    ContactSharing,
    Flirting,
    FriendAccept,
    PersonalRefusal,
    ClinicalAdvice,
}

impl Category {
    /// How many categories there are.
    pub const COUNT: usize = Category::ALL.len();

    /// The part of the taxonomy this category belongs to.
    pub fn class(self) -> Class {
        use Category::*;
        match self {
            PatientReference => Class::Reference,
            Name | Date | Age | HealthNumber | RecordNumber | Phone | Email | Postcode
            | Address | BedNumber | IncidentNumber | LabValue | Image | CustomPattern => {
                Class::Direct
            }
            SexOrRole | Occupation | Condition | Injury | Procedure | Drug | RareDisease
            | FamilyLink | Equipment => Class::Indirect,
            Recency | Place | Rarity | ReviewReply | Wording => Class::Context,
            Label | Profanity | Mockery | WishHarm | Meme => Class::Venting,
            CareLink | Compliment | Invitation | Gift | FoundYou | ContactRequest | Romance => {
                Class::Incoming
            }
            Acceptance | Meeting | ContactSharing | Flirting | FriendAccept | PersonalRefusal
            | ClinicalAdvice => Class::Outgoing,
        }
    }

    /// A few words a clinician reads in the card ("a date of birth or dated event").
    pub fn describe(self) -> &'static str {
        use Category::*;
        match self {
            PatientReference => "a reference to a patient",
            Name => "a name",
            Date => "a date",
            Age => "an age",
            HealthNumber => "a health or social-security number",
            RecordNumber => "a record or hospital number",
            Phone => "a phone number",
            Email => "an email address",
            Postcode => "a postcode or ZIP code",
            Address => "a street address",
            BedNumber => "a bed, bay or room number",
            IncidentNumber => "an incident or job number",
            LabValue => "an exact lab value",
            Image => "a photo or scan of a patient",
            CustomPattern => "your organisation's identifier",
            SexOrRole => "their sex or life role",
            Occupation => "their occupation or public role",
            Condition => "their condition",
            Injury => "their injury",
            Procedure => "their procedure",
            Drug => "a drug or dose",
            RareDisease => "a rare condition",
            FamilyLink => "a family link",
            Equipment => "equipment they use",
            Recency => "when it happened",
            Place => "where it happened",
            Rarity => "how unusual the case is",
            ReviewReply => "a reply to a patient's review",
            Wording => "wording that reads like a particular patient's case or a personal reply",
            Label => "a label for patients",
            Profanity => "profanity aimed at patients",
            Mockery => "mockery",
            WishHarm => "wishing harm",
            Meme => "a meme format about patients",
            CareLink => "they say you cared for them",
            Compliment => "a personal compliment",
            Invitation => "an invitation",
            Gift => "a gift",
            FoundYou => "they found you on here",
            ContactRequest => "a request for personal contact",
            Romance => "romantic words",
            Acceptance => "accepting",
            Meeting => "arranging to meet",
            ContactSharing => "sharing personal contact details",
            Flirting => "flirting back",
            FriendAccept => "accepting a friend request",
            PersonalRefusal => "a personal reply, even a refusal",
            ClinicalAdvice => "clinical advice by private message",
        }
    }

    /// The neutral text the redact fix puts in the span's place.
    pub fn replacement(self) -> &'static str {
        use Category::*;
        match self {
            PatientReference => "a patient",
            Name => "[name]",
            Date => "recently",
            Age => "[age]",
            HealthNumber | RecordNumber | IncidentNumber | CustomPattern => "[number]",
            Phone => "[phone]",
            Email => "[email]",
            Postcode | Address => "[address]",
            BedNumber => "[bed]",
            LabValue => "[result]",
            Image => "[image]",
            SexOrRole => "someone",
            Occupation => "[occupation]",
            Condition | RareDisease => "a condition",
            Injury => "an injury",
            Procedure => "a procedure",
            Drug => "[medication]",
            FamilyLink => "[family]",
            Equipment => "[equipment]",
            Recency => "recently",
            Place => "[place]",
            Rarity | ReviewReply | Wording => "",
            Label | Profanity | Mockery | WishHarm | Meme => "",
            CareLink | Compliment | Invitation | Gift | FoundYou | ContactRequest | Romance => "",
            Acceptance | Meeting | ContactSharing | Flirting | FriendAccept | PersonalRefusal
            | ClinicalAdvice => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_category_at_its_own_index() {
        for (i, &c) in Category::ALL.iter().enumerate() {
            assert_eq!(c as usize, i, "{c:?}");
        }
        // The last variant closes the list: nothing declared after it is missing.
        assert_eq!(Category::ClinicalAdvice as usize + 1, Category::COUNT);
    }
}
