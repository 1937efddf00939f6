//! The award points shared among award criteria always add up exactly, and no award criterion is ever
//! worth 0 points: either each gets at least one, or none are given out and the buyer is told.

use criteria_builder::domain::points::{allocate, proportional};
use proptest::prelude::*;

proptest! {
    #[test]
    fn shares_add_up_to_the_total(total in 0u32..=1000, weights in prop::collection::vec(0u32..=10, 1..30)) {
        let shares = proportional(total, &weights);
        prop_assert_eq!(shares.len(), weights.len());
        prop_assert_eq!(shares.iter().sum::<u32>(), total);
    }

    #[test]
    fn shares_follow_the_weights_within_one_point(total in 1u32..=1000, weights in prop::collection::vec(1u32..=10, 1..30)) {
        let shares = proportional(total, &weights);
        let sum: u32 = weights.iter().sum();
        for (share, weight) in shares.iter().zip(&weights) {
            let exact = f64::from(total) * f64::from(*weight) / f64::from(sum);
            prop_assert!((f64::from(*share) - exact).abs() < 1.0, "{share} vs {exact}");
        }
    }

    #[test]
    fn equal_weights_differ_by_at_most_one(total in 0u32..=1000, n in 1usize..20) {
        let shares = proportional(total, &vec![2; n]);
        let (min, max) = (shares.iter().min().unwrap(), shares.iter().max().unwrap());
        prop_assert!(max - min <= 1);
    }

    /// Every award criterion gets at least one point and the shares add up, or, with fewer points
    /// than criteria, nothing is shared out at all (never a 0-point criterion).
    #[test]
    fn no_award_criterion_is_ever_worth_nothing(total in 0u32..=200, weights in prop::collection::vec(0u32..=10, 0..30)) {
        match allocate(total, &weights) {
            Some(shares) => {
                prop_assert!(total as usize >= weights.len());
                prop_assert_eq!(shares.len(), weights.len());
                prop_assert!(shares.iter().all(|s| *s >= 1), "{:?}", shares);
                // With no award criterion there is nothing to share (the lot says so instead).
                if !weights.is_empty() {
                    prop_assert_eq!(shares.iter().sum::<u32>(), total);
                }
            }
            None => prop_assert!((total as usize) < weights.len()),
        }
    }

    /// Above the minimum, a heavier criterion never gets fewer points than a lighter one.
    #[test]
    fn heavier_criteria_never_get_fewer_points(total in 0u32..=200, weights in prop::collection::vec(1u32..=10, 1..15)) {
        if let Some(shares) = allocate(total, &weights) {
            for (i, a) in weights.iter().enumerate() {
                for (j, b) in weights.iter().enumerate() {
                    if a > b {
                        prop_assert!(shares[i] + 1 >= shares[j], "{:?} for {:?}", shares, weights);
                    }
                }
            }
        }
    }
}
