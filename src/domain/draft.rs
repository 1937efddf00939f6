//! The buyer's answers as a draft kept in the browser's storage, so that closing the tab loses
//! nothing. The draft is the share-link fragment behind a format marker: one serialisation of the
//! selection, owned by `fragment`, read with the same never-fail rules.
//!
//! Storage is outside input: it may be blocked, full, or hold anything (another version, another
//! script's data, a half-written value). Reading a draft never fails as a whole; what cannot be
//! used is reported, and the rest is restored.

use super::fragment;
use super::notice::Notice;
use super::selection::Selection;

/// Written in front of every draft; a stored value without it is not ours or is damaged.
pub const MARKER: &str = "ecb-draft/1;";

/// The storage entry of a widget whose host chose `storage_key`.
pub fn storage_name(storage_key: &str) -> String {
    format!("ecb-draft:{storage_key}")
}

/// Why the browser's storage could not be used. Nothing is lost: the answers stay in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageProblem {
    /// Storage is switched off or blocked (privacy settings, sandboxed frame, a policy).
    Blocked,
    /// The site's storage quota is used up.
    Full,
    /// Anything else the browser reported.
    Failed,
}

/// The stored form of a selection. Deterministic.
pub fn encode(selection: &Selection) -> String {
    from_fragment(&fragment::encode(selection))
}

/// The stored form of a selection already written as a fragment (saves encoding it twice).
pub fn from_fragment(fragment: &str) -> String {
    format!("{MARKER}{fragment}")
}

/// What a stored draft gave back.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    /// Everything in the draft was read.
    Whole(Selection),
    /// Some of it was damaged; what could be read is in the selection.
    Partly(Selection),
    /// Nothing could be read (not a draft of this widget, or written by a newer version).
    Unreadable,
}

/// Reads a stored draft. Never panics, whatever the stored text.
pub fn decode(stored: &str) -> Restored {
    let Some(body) = stored.strip_prefix(MARKER) else {
        return Restored::Unreadable;
    };
    let (selection, notices) = fragment::decode_draft(body);
    // A draft is written by this widget, so any notice about its form means it was damaged.
    let damaged = notices.iter().any(|n| {
        !matches!(
            n,
            Notice::UnknownCategory(_)
                | Notice::UnknownRisk(_)
                | Notice::UnknownCriterion(_)
                | Notice::UnknownStage(_)
                | Notice::UnknownScope(..)
        )
    });
    if damaged {
        if selection.is_empty() {
            Restored::Unreadable
        } else {
            Restored::Partly(selection)
        }
    } else {
        Restored::Whole(selection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::AmbitionLevel;
    use crate::domain::details::DetailField;

    fn sample() -> Selection {
        let mut s = Selection::default();
        s.categories.insert("monitors".into());
        s.risks.insert("child-labour".into());
        s.level = Some(AmbitionLevel::Advanced);
        *s.details.get_mut(DetailField::Authority) = "Ville <de> Paris & co".into();
        s
    }

    #[test]
    fn round_trips() {
        assert_eq!(decode(&encode(&sample())), Restored::Whole(sample()));
        assert_eq!(
            decode(&encode(&Selection::default())),
            Restored::Whole(Selection::default())
        );
    }

    #[test]
    fn keeps_long_values_that_a_link_would_cut() {
        let mut s = sample();
        *s.details.get_mut(DetailField::Authority) = "<img src=x>\u{202e}".repeat(10_000);
        assert_eq!(decode(&encode(&s)), Restored::Whole(s));
    }

    #[test]
    fn foreign_or_damaged_values_are_reported_not_fatal() {
        assert_eq!(decode(""), Restored::Unreadable);
        assert_eq!(decode("{\"json\":true}"), Restored::Unreadable);
        assert_eq!(decode("ecb-draft/2;v=2&c=monitors"), Restored::Unreadable);
        let damaged = format!("{}&a=%E2%28&zz=1", encode(&sample()));
        // A damaged second authority and an unknown part: the readable answers are kept.
        match decode(&damaged) {
            Restored::Partly(s) => assert_eq!(s, sample()),
            other => panic!("expected a partly restored draft, got {other:?}"),
        }
    }
}
