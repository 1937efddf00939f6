//! Calendar dates as `YYYY-MM-DD`: checking what a buyer types, and the end of a contract from its
//! start and duration. Proleptic Gregorian calendar; no clock is read here.

/// The days in a month of a year.
fn month_days(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// (year, month, day) of a real calendar date written `YYYY-MM-DD` (years 1900 to 2999).
pub fn parse(text: &str) -> Option<(i64, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| {
        let part = text.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let year = i64::from(y);
    ((1900..=2999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= month_days(year, m))
        .then_some((year, m, d))
}

/// Days since 1970-01-01 (the days-from-civil algorithm of Howard Hinnant).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The last day of a contract that starts on `start` and runs `months` months: the day before
/// the same day `months` later (or the month's last day where that day does not exist).
pub fn contract_end(start: &str, months: u32) -> Option<String> {
    let (y, m, d) = parse(start)?;
    let total = y * 12 + i64::from(m - 1) + i64::from(months);
    let (ey, em) = (
        total.div_euclid(12),
        u32::try_from(total.rem_euclid(12)).ok()? + 1,
    );
    let ed = d.min(month_days(ey, em));
    let day = days_from_civil(ey, em, ed) - 1;
    Some(date_from_days(day))
}

/// The `YYYY-MM-DD` date of the day `days` after 1970-01-01 (the civil-from-days algorithm of
/// Howard Hinnant), for callers that read the clock: the command line and the tests.
pub fn date_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_are_read() {
        assert_eq!(parse("2027-03-01"), Some((2027, 3, 1)));
        assert_eq!(parse("2028-02-29"), Some((2028, 2, 29)));
        for bad in [
            "2027-02-29",
            "2027-13-01",
            "2027-04-31",
            "27-03-01",
            "2027-3-1",
            "2027-03-0a",
            "+027-03-01",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_become_civil_dates() {
        assert_eq!(date_from_days(0), "1970-01-01");
        assert_eq!(date_from_days(20_786), "2026-11-29");
        assert_eq!(date_from_days(19_782), "2024-02-29");
    }

    #[test]
    fn a_contract_ends_the_day_before_its_anniversary() {
        assert_eq!(
            contract_end("2027-03-01", 48).as_deref(),
            Some("2031-02-28")
        );
        assert_eq!(contract_end("2027-01-31", 1).as_deref(), Some("2027-02-27"));
        assert_eq!(
            contract_end("2028-02-29", 12).as_deref(),
            Some("2029-02-27")
        );
        assert_eq!(
            contract_end("2026-12-15", 24).as_deref(),
            Some("2028-12-14")
        );
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2026, 11, 29), 20_786);
    }
}
