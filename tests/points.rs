//! The award points shared among award criteria always add up exactly.

use criteria_builder::domain::points::allocate;
use proptest::prelude::*;

proptest! {
    #[test]
    fn shares_add_up_to_the_total(total in 0u32..=1000, weights in prop::collection::vec(0u32..=10, 1..30)) {
        let shares = allocate(total, &weights);
        prop_assert_eq!(shares.len(), weights.len());
        prop_assert_eq!(shares.iter().sum::<u32>(), total);
    }

    #[test]
    fn shares_follow_the_weights_within_one_point(total in 1u32..=1000, weights in prop::collection::vec(1u32..=10, 1..30)) {
        let shares = allocate(total, &weights);
        let sum: u32 = weights.iter().sum();
        for (share, weight) in shares.iter().zip(&weights) {
            let exact = f64::from(total) * f64::from(*weight) / f64::from(sum);
            prop_assert!((f64::from(*share) - exact).abs() < 1.0, "{share} vs {exact}");
        }
    }

    #[test]
    fn equal_weights_differ_by_at_most_one(total in 0u32..=1000, n in 1usize..20) {
        let shares = allocate(total, &vec![2; n]);
        let (min, max) = (shares.iter().min().unwrap(), shares.iter().max().unwrap());
        prop_assert!(max - min <= 1);
    }
}
