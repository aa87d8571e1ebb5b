//! Which numbers of an .xls file are dates. Excel stores a date as a number, and its cell's
//! format (the XF record the cell names, and the number format that XF names) shows it as a
//! date. Built-in formats are known by number; the workbook's own (FORMAT records) by their
//! code. The rule is calamine's (`formats.rs`, private there), so both readers agree on a file.

use super::u16_at;
use super::{Cell, Text};
use calamine::{ExcelDateTime, ExcelDateTimeType};
use rustc_hash::FxHashMap;

/// What the workbook globals say about dates.
#[derive(Debug, Default)]
pub(super) struct Dates {
    /// The workbook's own number formats (FORMAT records): number → shows a date.
    custom: FxHashMap<u16, bool>,
    /// Each XF record's number format, in order (cells name XFs by their position).
    xf_formats: Vec<u16>,
    /// Per XF: whether its cells show dates (filled in by [`Self::finish`]).
    xf_dates: Vec<bool>,
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
        self.custom.insert(number, shows_date(&code));
    }

    /// An XF record: its number format is its second field.
    pub(super) fn xf(&mut self, data: &[u8]) {
        self.xf_formats.push(u16_at(data, 2).unwrap_or(0));
    }

    /// Settles which XFs show dates, once every FORMAT and XF record has been met.
    pub(super) fn finish(&mut self) {
        self.xf_dates = (self.xf_formats.iter())
            .map(|f| {
                self.custom
                    .get(f)
                    .copied()
                    .unwrap_or_else(|| builtin_date(*f))
            })
            .collect();
    }

    /// A number in a cell of format `xf`: a [`Cell::Date`] when the format shows a date.
    pub(super) fn number(&self, xf: Option<u16>, value: f64) -> Cell {
        let is_date = xf.and_then(|xf| self.xf_dates.get(usize::from(xf)));
        if is_date == Some(&true) {
            let kind = ExcelDateTimeType::DateTime;
            Cell::excel_date(&ExcelDateTime::new(value, kind, self.is_1904))
        } else {
            Cell::Number(value)
        }
    }
}

/// Excel's built-in date and time formats (14-22 `m/d/yy` … `m/d/yy h:mm`, 27-36 and 50-58
/// the East Asian dates, 45-47 `mm:ss` …).
fn builtin_date(number: u16) -> bool {
    matches!(number, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a format code shows a date or a time: a `d m y h s` outside quotes, brackets
/// (`[$-41E]`, `[Red]`) and escapes, in the first section (before any `;`), or `[h]`.
fn shows_date(code: &str) -> bool {
    let (mut escaped, mut quoted, mut brackets) = (false, false, 0u8);
    let mut prev = ' ';
    for c in code.chars() {
        if escaped {
            escaped = false;
        } else if quoted {
            quoted = c != '"';
        } else {
            match c {
                '_' | '\\' | '*' => escaped = true,
                '"' => quoted = true,
                ';' => return false,
                '[' => brackets += 1,
                ']' if brackets == 1 && "hms".contains(prev.to_ascii_lowercase()) => return true,
                ']' => brackets = brackets.saturating_sub(1),
                'd' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S' if brackets == 0 => {
                    return true;
                }
                _ => {}
            }
        }
        prev = c;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_codes_are_told_from_number_codes() {
        for code in [
            "d/m/yyyy",
            "dd-mmm-yy",
            "[$-41E]d mmmm yyyy",
            "[$-th-TH,107]d mmm bbbb",
            "h:mm",
            "[h]:mm",
        ] {
            assert!(shows_date(code), "{code}");
        }
        for code in [
            "#,##0.00",
            "#,##0.00 \"บาท\"",
            "[Red]#,##0",
            "0.00_);(0.00)",
            "General",
            "#,##0;\"d\"",
        ] {
            assert!(!shows_date(code), "{code}");
        }
    }

    #[test]
    fn numbers_in_date_formats_become_dates() {
        let mut dates = Dates::default();
        dates.format(
            &[
                0xA4, 0, 8, 0, 0, b'd', b'/', b'm', b'/', b'y', b'y', b'y', b'y',
            ],
            Text::Biff8,
        );
        for format in [0u16, 14, 0xA4] {
            dates.xf(&[[0, 0], format.to_le_bytes()].concat());
        }
        dates.finish();
        assert_eq!(dates.number(Some(0), 44651.0), Cell::Number(44651.0));
        assert_eq!(dates.number(Some(1), 44651.0).display(), "31 มีนาคม 2565");
        assert_eq!(dates.number(Some(2), 44651.0).display(), "31 มีนาคม 2565");
        assert_eq!(dates.number(Some(9), 44651.0), Cell::Number(44651.0));
        assert_eq!(dates.number(None, 44651.0), Cell::Number(44651.0));
    }
}
