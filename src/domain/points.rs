//! Sharing the buyer's award points among award criteria.

/// Splits `total` points among award criteria so that each gets at least one point and the shares
/// add up to exactly `total`; `None` when `total` is smaller than the number of criteria, because a
/// tender must never publish an award criterion worth nothing.
///
/// Each criterion first gets one point; the rest is shared in proportion to `weights` by the
/// largest-remainder method ([`proportional`]).
pub fn allocate(total: u32, weights: &[u32]) -> Option<Vec<u32>> {
    let count = u32::try_from(weights.len()).ok()?;
    let rest = total.checked_sub(count)?;
    Some(
        proportional(rest, weights)
            .into_iter()
            .map(|share| share + 1)
            .collect(),
    )
}

/// Splits `total` points in proportion to `weights` so that the shares add up to exactly `total`.
///
/// Largest-remainder method: every share is first rounded down, then the points left over go one by
/// one to the largest remainders, earlier criteria first on ties. Deterministic, so the same
/// selection always gives the same document. Zero weights get nothing unless every weight is zero,
/// in which case the points are shared equally.
pub fn proportional(total: u32, weights: &[u32]) -> Vec<u32> {
    if weights.is_empty() {
        return Vec::new();
    }
    let all_zero = weights.iter().all(|w| *w == 0);
    let weights: Vec<u64> = weights
        .iter()
        .map(|w| if all_zero { 1 } else { u64::from(*w) })
        .collect();
    let sum: u64 = weights.iter().sum();
    let total64 = u64::from(total);
    let mut shares: Vec<u64> = weights.iter().map(|w| total64 * w / sum).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Largest remainder first; the stable sort keeps earlier criteria first on ties.
    order.sort_by_key(|&i| std::cmp::Reverse(total64 * weights[i] % sum));
    let given: u64 = shares.iter().sum();
    for &i in order.iter().cycle().take((total64 - given) as usize) {
        shares[i] += 1;
    }
    // Each share is at most `total`, which fits in u32.
    shares.into_iter().map(|s| s as u32).collect()
}

#[cfg(test)]
mod tests {
    use super::{allocate, proportional};

    #[test]
    fn shares_add_up_exactly() {
        assert_eq!(proportional(20, &[3, 2, 1]), vec![10, 7, 3]);
        assert_eq!(proportional(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(proportional(0, &[1, 2]), vec![0, 0]);
        assert_eq!(proportional(7, &[0, 0]), vec![4, 3]);
        assert!(proportional(5, &[]).is_empty());
    }

    #[test]
    fn every_criterion_gets_at_least_one_point_or_none_are_given() {
        assert_eq!(allocate(20, &[3, 2, 1]), Some(vec![9, 7, 4]));
        assert_eq!(allocate(3, &[3, 2, 1]), Some(vec![1, 1, 1]));
        assert_eq!(allocate(2, &[3, 2, 1]), None);
        assert_eq!(allocate(0, &[]), Some(vec![]));
        assert_eq!(allocate(5, &[4, 3, 3, 2, 1]), Some(vec![1, 1, 1, 1, 1]));
    }
}
