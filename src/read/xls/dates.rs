//! Which numbers of an .xls file are dates. Excel stores a date as a number, and its cell's
//! format (the XF record the cell names, and the number format that XF names) shows it as a
//! date, a time or a length of time. Built-in formats are known by number; the workbook's own
//! (FORMAT records) by their code. The rule is calamine's (`formats.rs`, private there), so both
//! readers agree on a file, except that a bracket counts as a length of time only when it holds
//! nothing but `h m s` (calamine's xls reader also takes a currency, `[$฿-th-TH]`, for one).

use super::u16_at;
use super::{Cell, Text};
use calamine::{ExcelDateTime, ExcelDateTimeType};
use rustc_hash::FxHashMap;

/// What the workbook globals say about dates.
#[derive(Debug, Default)]
pub(super) struct Dates {
    /// The workbook's own number formats (FORMAT records): number → what they show.
    custom: FxHashMap<u16, Option<ExcelDateTimeType>>,
    /// Each XF record's number format, in order (cells name XFs by their position).
    xf_formats: Vec<u16>,
    /// Per XF: whether its cells show dates or lengths of time (filled in by [`Self::finish`]).
    xf_dates: Vec<Option<ExcelDateTimeType>>,
    /// The 1904 date system (DATEMODE), as Excel for the Mac once saved.
    is_1904: bool,
}

impl Dates {
    /// A DATEMODE record.
    pub(super) fn date_mode(&mut self, data: &[u8]) {
        self.is_1904 = u16_at(data, 0) == Some(1);
    }

    /// A FORMAT record: its number, then its code (`d/m/yyyy`).
    pub(super) fn format(&mut self, data: &[u8], text: Text) {
        let Some(number) = u16_at(data, 0) else {
            return;
        };
        let rest = data.get(2..).unwrap_or_default();
        let code = match text {
            Text::Biff8 => text.long(rest),
            Text::Biff5(_) => text.short(rest),
        };
        self.custom.insert(number, date_kind(&code));
    }

    /// An XF record: its number format is its second field.
    pub(super) fn xf(&mut self, data: &[u8]) {
        self.xf_formats.push(u16_at(data, 2).unwrap_or(0));
    }

    /// Settles which XFs show dates, once every FORMAT and XF record has been met.
    pub(super) fn finish(&mut self) {
        let kind = |format: &u16| match self.custom.get(format) {
            Some(custom) => *custom,
            None => builtin_date(*format),
        };
        self.xf_dates = self.xf_formats.iter().map(kind).collect();
    }

    /// A number in a cell of format `xf`: a [`Cell::Date`] when the format shows a date, a time
    /// or a length of time.
    pub(super) fn number(&self, xf: Option<u16>, value: f64) -> Cell {
        let kind = xf.and_then(|xf| self.xf_dates.get(usize::from(xf)).copied().flatten());
        match kind {
            Some(kind) => Cell::excel_date(&ExcelDateTime::new(value, kind, self.is_1904)),
            None => Cell::Number(value),
        }
    }
}

/// Excel's built-in date and time formats (14-22 `m/d/yy` … `m/d/yy h:mm`, 27-36 and 50-58
/// the East Asian dates, 45 and 47 `mm:ss`), and 46 `[h]:mm:ss`, a length of time.
fn builtin_date(number: u16) -> Option<ExcelDateTimeType> {
    match number {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => Some(ExcelDateTimeType::DateTime),
        46 => Some(ExcelDateTimeType::TimeDelta),
        _ => None,
    }
}

/// What a format code shows: a date or a time (a `d m y h s` outside quotes, brackets and
/// escapes, in the first section, before any `;`), a length of time (`[h]`, `[mm]`, `[ss]`), or
/// neither (`None`). A bracket holding anything else (`[$฿-th-TH]`, `[$-41E]`, `[Red]`) says
/// nothing of dates.
fn date_kind(code: &str) -> Option<ExcelDateTimeType> {
    let (mut escaped, mut quoted) = (false, false);
    let mut bracket: Option<String> = None;
    for c in code.chars() {
        if escaped {
            escaped = false;
        } else if quoted {
            quoted = c != '"';
        } else if let Some(inside) = bracket.as_mut() {
            if c != ']' {
                inside.push(c);
                continue;
            }
            if !inside.is_empty() && inside.chars().all(|c| "hmsHMS".contains(c)) {
                return Some(ExcelDateTimeType::TimeDelta);
            }
            bracket = None;
        } else {
            match c {
                '_' | '\\' | '*' => escaped = true,
                '"' => quoted = true,
                ';' => return None,
                '[' => bracket = Some(String::new()),
                'd' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S' => {
                    return Some(ExcelDateTimeType::DateTime);
                }
                _ => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use ExcelDateTimeType::{DateTime, TimeDelta};

    #[test]
    fn date_codes_are_told_from_number_and_currency_codes() {
        for code in [
            "d/m/yyyy",
            "dd-mmm-yy",
            "[$-41E]d mmmm yyyy",
            "[$-th-TH,107]d mmm bbbb",
            "[$-1070000]d/m/yyyy;@",
            "h:mm",
        ] {
            assert_eq!(date_kind(code), Some(DateTime), "{code}");
        }
        for code in ["[h]:mm", "[mm]:ss", "[ss]"] {
            assert_eq!(date_kind(code), Some(TimeDelta), "{code}");
        }
        for code in [
            "#,##0.00",
            "#,##0.00 \"บาท\"",
            "[Red]#,##0",
            "0.00_);(0.00)",
            "General",
            "#,##0;\"d\"",
            "_-[$฿-th-TH]* #,##0.00_-;-[$฿-th-TH]* #,##0.00_-",
            "[$฿-th-TH]#,##0.00",
            "#,##0.00 [$บาท-th-TH]",
            "[$$-en-US]#,##0.00",
        ] {
            assert_eq!(date_kind(code), None, "{code}");
        }
    }

    #[test]
    fn numbers_in_date_formats_become_dates() {
        let mut dates = Dates::default();
        let code = [
            0xA4, 0, 8, 0, 0, b'd', b'/', b'm', b'/', b'y', b'y', b'y', b'y',
        ];
        dates.format(&code, Text::Biff8);
        for format in [0u16, 14, 0xA4, 46] {
            dates.xf(&[[0, 0], format.to_le_bytes()].concat());
        }
        dates.finish();
        assert_eq!(dates.number(Some(0), 44651.0), Cell::Number(44651.0));
        assert_eq!(dates.number(Some(1), 44651.0).display(), "31 มีนาคม 2565");
        assert_eq!(dates.number(Some(2), 44651.0).display(), "31 มีนาคม 2565");
        assert_eq!(dates.number(Some(3), 1.25).display(), "30:00");
        assert_eq!(dates.number(Some(9), 44651.0), Cell::Number(44651.0));
        assert_eq!(dates.number(None, 44651.0), Cell::Number(44651.0));
    }
}
