//! Reading the estimated contract value as an amount, the way buyers type it: "2.5 million",
//! "EUR 2,500,000", "2 500 000 €", "€2.5m", "2,5 Mio. EUR excl. VAT". The typed text is never
//! changed; what cannot be read with confidence is simply not used.

/// The currency an amount is in, as far as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    Euro,
    /// No currency was written; the tool then assumes euros and says so.
    Unstated,
    /// Another currency (SEK, NOK, DKK, CHF, GBP, …): the EU thresholds cannot be compared.
    Other,
}

/// An amount read from the typed value, in whole currency units (cents are dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    pub units: u64,
    pub currency: Currency,
}

/// The largest amount read (a thousand billion): anything above is a typing slip, not a contract.
const MAX_UNITS: u64 = 1_000_000_000_000_000;

/// Words and symbols for the euro.
const EURO: [&str; 7] = ["eur", "€", "euro", "euros", "euro's", "d’euros", "d'euros"];

/// Other currencies: recognised so that they are not mistaken for euros.
const OTHER: [&str; 16] = [
    "sek", "nok", "dkk", "isk", "chf", "gbp", "£", "usd", "$", "pln", "czk", "huf", "ron", "bgn",
    "kr", "kr.",
];

/// Multipliers, as buyers in the working group's languages abbreviate them.
const MULTIPLIERS: [(&str, u64); 19] = [
    ("thousand", 1_000),
    ("k", 1_000),
    ("tsd", 1_000),
    ("tsd.", 1_000),
    ("tausend", 1_000),
    ("million", 1_000_000),
    ("millions", 1_000_000),
    ("mio", 1_000_000),
    ("mio.", 1_000_000),
    ("m", 1_000_000),
    ("mn", 1_000_000),
    ("mln", 1_000_000),
    ("miljoen", 1_000_000),
    ("miljoner", 1_000_000),
    ("billion", 1_000_000_000),
    ("bn", 1_000_000_000),
    ("mrd", 1_000_000_000),
    ("mrd.", 1_000_000_000),
    ("milliard", 1_000_000_000),
];

/// Words around an amount that change nothing about it (VAT notes, approximations).
const FILLER: [&str; 33] = [
    "excluding",
    "excl",
    "excl.",
    "ex",
    "ex.",
    "exclusive",
    "of",
    "without",
    "vat",
    "net",
    "ht",
    "hors",
    "taxes",
    "approximately",
    "approx",
    "approx.",
    "about",
    "around",
    "ca",
    "ca.",
    // German and French, as buyers write them beside the amount.
    "ohne",
    "mwst",
    "mwst.",
    "ust",
    "ust.",
    "zzgl",
    "zzgl.",
    "netto",
    "exkl",
    "exkl.",
    "etwa",
    "rund",
    "environ",
];

/// Reads `text` as an amount, or `None` when it cannot be read with confidence.
pub fn parse(text: &str) -> Option<Amount> {
    // ASCII lowercasing is enough for the words and codes below, and adds no Unicode tables to
    // the widget.
    let lowered = text.trim().to_ascii_lowercase();
    if lowered.is_empty() || lowered.chars().count() > 100 {
        return None;
    }
    // Split symbols from digits ("€2.5m" → "€", "2.5", "m") but keep separators inside numbers.
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_number = false;
    let push = |current: &mut String, tokens: &mut Vec<String>| {
        if !current.is_empty() {
            tokens.push(std::mem::take(current));
        }
    };
    let chars: Vec<char> = lowered.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next_is_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            if !in_number {
                push(&mut current, &mut tokens);
            }
            in_number = true;
            current.push(c);
        } else if in_number && matches!(c, '.' | ',' | '\'' | '’') && next_is_digit {
            current.push(c);
        } else if in_number
            && matches!(c, ' ' | '\u{a0}' | '\u{202f}')
            && next_is_digit
            && is_group_of_three(&chars[i + 1..])
        {
            current.push(' ');
        } else if c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | '/' | '-' | '–') {
            push(&mut current, &mut tokens);
            in_number = false;
        } else if matches!(c, '€' | '£' | '$') {
            push(&mut current, &mut tokens);
            tokens.push(c.to_string());
            in_number = false;
        } else {
            if in_number {
                push(&mut current, &mut tokens);
                in_number = false;
            }
            current.push(c);
        }
    }
    push(&mut current, &mut tokens);

    let mut number: Option<&str> = None;
    let mut multiplier: Option<u64> = None;
    let mut currency = Currency::Unstated;
    for token in &tokens {
        let t = token.as_str();
        if t.starts_with(|c: char| c.is_ascii_digit()) {
            if number.is_some() {
                return None; // Two numbers: a range or a split value, too ambiguous to use.
            }
            number = Some(t);
        } else if let Some((_, m)) = MULTIPLIERS.iter().find(|(w, _)| *w == t) {
            if multiplier.is_some() || number.is_none() {
                return None;
            }
            multiplier = Some(*m);
        } else if EURO.contains(&t) {
            currency = merge(currency, Currency::Euro)?;
        } else if OTHER.contains(&t) {
            currency = merge(currency, Currency::Other)?;
        } else if !FILLER.contains(&t) {
            return None;
        }
    }
    let units = read_number(number?, multiplier.is_some(), multiplier.unwrap_or(1))?;
    (units > 0 && units <= MAX_UNITS).then_some(Amount { units, currency })
}

fn merge(current: Currency, found: Currency) -> Option<Currency> {
    match current {
        Currency::Unstated => Some(found),
        same if same == found => Some(same),
        _ => None,
    }
}

/// Whether `rest` starts with exactly three digits (a thousands group after a space).
fn is_group_of_three(rest: &[char]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(char::is_ascii_digit)
        && !rest.get(3).is_some_and(char::is_ascii_digit)
}

/// Reads digits with thousands separators and at most one decimal separator, times `multiplier`.
///
/// Which of "." and "," is the decimal separator: the last one when both occur; a single one that
/// occurs once is decimal before a multiplier ("2.5 million") or unless exactly three digits follow
/// ("250.000" is a quarter of a million, as most European buyers write it); one that occurs more than
/// once is always a thousands separator.
fn read_number(text: &str, has_multiplier: bool, multiplier: u64) -> Option<u64> {
    let text: String = text.chars().filter(|c| *c != ' ').collect();
    let text = text.replace(['\'', '’'], "");
    let dots = text.matches('.').count();
    let commas = text.matches(',').count();
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let count = dots.max(commas);
            let after = text.rsplit(sep).next().unwrap_or("");
            if count == 1 && (has_multiplier || after.len() != 3) {
                Some(sep)
            } else {
                None
            }
        }
        _ => {
            let last = text.rfind(['.', ','])?;
            text[last..].chars().next()
        }
    };
    let (whole, fraction) = match decimal {
        Some(sep) => {
            if text.matches(sep).count() > 1 {
                return None;
            }
            let at = text.rfind(sep)?;
            (&text[..at], &text[at + 1..])
        }
        None => (text.as_str(), ""),
    };
    // Thousands groups: one to three digits first, then groups of exactly three.
    let groups: Vec<&str> = whole.split(['.', ',']).collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !well_grouped {
        return None;
    }
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    if whole.is_empty() || whole.len() > 16 || fraction.len() > 6 {
        return None;
    }
    if fraction.contains(['.', ',']) {
        return None;
    }
    // Whole units from the whole part and as many decimals as the multiplier keeps, in u64
    // (checked, so an absurd number gives `None` rather than a wrong amount).
    let whole: u64 = whole.parse().ok()?;
    let mut value = whole.checked_mul(multiplier)?;
    let mut unit = multiplier;
    for digit in fraction.bytes() {
        unit /= 10;
        value = value.checked_add(u64::from(digit.checked_sub(b'0')?).checked_mul(unit)?)?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::{parse, Amount, Currency};

    fn units(text: &str) -> Option<u64> {
        parse(text).map(|a| a.units)
    }

    #[test]
    fn reads_the_ways_buyers_write_amounts() {
        for (text, expected) in [
            ("2.5 million", 2_500_000),
            ("EUR 2,500,000", 2_500_000),
            ("2 500 000 €", 2_500_000),
            ("2\u{a0}500\u{a0}000 EUR", 2_500_000),
            ("€2.5m", 2_500_000),
            ("2,5 Mio. EUR", 2_500_000),
            ("EUR 2.4 million excluding VAT", 2_400_000),
            ("250.000 €", 250_000),
            ("250,000", 250_000),
            ("1.234.567,89 EUR", 1_234_567),
            ("1,234,567.89", 1_234_567),
            ("180000", 180_000),
            ("€ 140 000 excl. VAT", 140_000),
            ("2,4 Mio. EUR ohne MwSt.", 2_400_000),
            ("2,4 millions d’euros HT", 2_400_000),
            ("environ 140\u{202f}000 € HT", 140_000),
            ("3 Mrd. €", 3_000_000_000),
            ("450k", 450_000),
            ("12,5", 12),
        ] {
            assert_eq!(units(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn says_which_currency_it_read() {
        assert_eq!(
            parse("EUR 5 million"),
            Some(Amount {
                units: 5_000_000,
                currency: Currency::Euro
            })
        );
        assert_eq!(
            parse("5 million").map(|a| a.currency),
            Some(Currency::Unstated)
        );
        assert_eq!(
            parse("SEK 20 miljoner").map(|a| a.currency),
            Some(Currency::Other)
        );
        assert_eq!(
            parse("NOK 3 000 000").map(|a| a.currency),
            Some(Currency::Other)
        );
    }

    #[test]
    fn leaves_unreadable_or_ambiguous_text_alone() {
        for text in [
            "",
            "about two million",
            "to be decided",
            "1-2 million",
            "EUR 1 million or SEK 10 million",
            "lot 1: 300,000",
            "0",
            "million",
            "5 million million",
            "99999999999999999999",
            "1.2.3,4,5",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn never_panics_on_any_text() {
        for text in [
            "€€€",
            "1,,,",
            ".5",
            "5.",
            "1 2 3",
            "\u{202e}9",
            "٣٤٥",
            "1e9",
        ] {
            let _ = parse(text);
        }
    }
}
