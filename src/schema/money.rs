//! How amounts and percentages are rounded and shown: half away from zero to two decimals, and
//! baht with thousands separators (`8,536,600.00`). The one rounding rule of the report.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half away from zero to exactly two decimals (scale 2, so it prints `0.00`).
pub fn two_dp(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// Baht as a person reads it, on the terminal, in messages and in the summary's sentences:
/// `8536600.00` → `8,536,600.00`.
pub fn baht(value: Decimal) -> String {
    let text = two_dp(value).to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baht_groups_thousands() {
        assert_eq!(baht(Decimal::new(853660000, 2)), "8,536,600.00");
        assert_eq!(baht(Decimal::ZERO), "0.00");
        assert_eq!(baht(Decimal::new(100000, 0)), "100,000.00");
        assert_eq!(baht(Decimal::new(999, 0)), "999.00");
        assert_eq!(baht(Decimal::new(55300, 0)), "55,300.00");
        assert_eq!(baht(Decimal::new(-1234567, 1)), "-123,456.70");
    }

    #[test]
    fn two_dp_rounds_half_away_from_zero() {
        assert_eq!(two_dp(Decimal::new(125, 3)).to_string(), "0.13");
        assert_eq!(two_dp(Decimal::new(-125, 3)).to_string(), "-0.13");
        assert_eq!(two_dp(Decimal::ZERO).to_string(), "0.00");
    }
}
