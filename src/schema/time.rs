//! Time as people read it: instants in UTC (logs) and in Thai time (pages, init's today), days
//! as Thai staff write them (`31 มีนาคม 2565`), and a report round's months
//! (`รอบ 12 เดือน (ตุลาคม 2564 – กันยายน 2565)`).

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (proleptic Gregorian, days to civil date).
pub fn utc_time(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    // Howard Hinnant's days_from_civil inverse.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

/// Thailand's offset from UTC (no summer time), seconds.
pub const THAI_OFFSET_SECONDS: u64 = 7 * 3_600;

/// Seconds since 1970 as the clock on an office wall in Thailand reads them (UTC+7):
/// `YYYY-MM-DDTHH:MM:SS`.
pub fn thai_time(seconds: u64) -> String {
    let mut text = utc_time(seconds + THAI_OFFSET_SECONDS);
    text.pop(); // the `Z` of UTC
    text
}

/// The months of the year, as Thai official writing names them.
const THAI_MONTHS: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// A day as Thai staff write it, the year in B.E.: `31 มีนาคม 2565` for 2022-03-31 (C.E.).
pub fn thai_date(year: i32, month: u32, day: u32) -> String {
    let name = THAI_MONTHS[(month as usize).saturating_sub(1) % 12];
    format!("{day} {name} {}", year + 543)
}

/// A moment written `2026-04-21T02:30:00Z` (UTC, as the sent log keeps it) as the clock on an
/// office wall in Thailand reads it: `21 เมษายน 2569 เวลา 09:30 น.`; the text as it is when it
/// is not such a moment.
pub fn thai_moment(utc: &str) -> String {
    let parsed = chrono::NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%SZ");
    let Ok(moment) = parsed else {
        return utc.to_string();
    };
    let local = moment + chrono::Duration::seconds(THAI_OFFSET_SECONDS as i64);
    use chrono::{Datelike, Timelike};
    format!(
        "{} เวลา {:02}:{:02} น.",
        thai_date(local.year(), local.month(), local.day()),
        local.hour(),
        local.minute()
    )
}

/// `รอบ 6 เดือน (ตุลาคม 2564 – มีนาคม 2565)` for a fiscal year and round.
pub fn round_period(fiscal_year: u16, round: u8) -> String {
    let last = if round == 12 {
        "กันยายน"
    } else {
        "มีนาคม"
    };
    format!(
        "รอบ {round} เดือน (ตุลาคม {} – {last} {fiscal_year})",
        fiscal_year.saturating_sub(1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logged_utc_moment_reads_as_thai_wall_clock_time() {
        assert_eq!(
            thai_moment("2026-11-29T20:12:03Z"),
            "30 พฤศจิกายน 2569 เวลา 03:12 น."
        );
        assert_eq!(thai_moment("yesterday"), "yesterday");
    }

    #[test]
    fn utc_time_formats_known_instants() {
        assert_eq!(utc_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_time(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_time(1_650_533_400), "2022-04-21T09:30:00Z");
        assert_eq!(thai_time(1_650_533_400), "2022-04-21T16:30:00");
        assert_eq!(thai_date(2022, 3, 31), "31 มีนาคม 2565");
    }
}
