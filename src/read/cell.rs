//! One cell, in one type for the rest of the program, and the parsing of what staff type into
//! it: money (thousands separators, Thai digits, `-`), ticks and dimension codes. Money goes
//! straight from the cell into `Decimal`. Text is compared after [`crate::schema::text`]
//! normalises it; the words of statuses and headers are in [`crate::schema::fields`].

use crate::schema::text::{is_invisible, normalized, thai_digits_to_arabic};
use crate::schema::time::{THAI_OFFSET_SECONDS, thai_date};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::str::FromStr;

/// One cell's value as read from any format (calamine's many cell types folded into one).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    /// Nothing in the cell.
    #[default]
    Empty,
    /// Text, as typed.
    Text(String),
    /// A number (also a formula's cached number).
    Number(f64),
    /// A date or a time (วันที่, เวลา): a number Excel shows as one (its cell is formatted as a
    /// date or a time), or an ods date or time. Never a number: `1/3` typed into a money cell
    /// becomes the date 1 March, and is refused as one rather than read as 45,717 baht.
    Date(DateShown),
    /// TRUE / FALSE.
    Bool(bool),
    /// A formula error such as `#DIV/0!`.
    Error(String),
    /// A formula saved without its calculated value (openpyxl and web systems write formulas so,
    /// and only Excel or LibreOffice calculates them): its text, without the `=`, when known.
    Uncalculated(String),
    /// A money cell inside a range merged down from the project above (`D5:D6`): one amount
    /// over two projects, whose share of it cannot be told. The range, in A1 notation.
    MergedFrom(String),
}

impl Cell {
    /// A cell element that holds no value (in xlsx, `<c r="F5"><f>…</f></c>`: a formula saved
    /// without its value, or now and then an empty element): the reader hands it on as this
    /// marker, and the table finder asks the sheet's formulas which it is
    /// ([`super::table::TableFinder::note_hollow`]).
    pub(crate) fn hollow() -> Cell {
        Cell::Uncalculated(String::new())
    }

    /// Whether this is the [`Cell::hollow`] marker.
    pub(crate) fn is_hollow(&self) -> bool {
        matches!(self, Cell::Uncalculated(t) if t.is_empty())
    }

    /// A number Excel shows as a date or a time, as Excel shows it: a day (with its time), a
    /// time of day (a number below 1) or a length of time (`[h]:mm`) as a clock, and a number
    /// no date is (below 0, past 31 December 9999, NaN) as Excel's `########` — never handed to
    /// the date arithmetic, which would overflow on a forged `-1e300`.
    pub(crate) fn excel_date(date: &calamine::ExcelDateTime) -> Cell {
        let serial = date.as_f64();
        let shown = if !(0.0..LAST_EXCEL_DAY).contains(&serial) {
            DateShown::Hashes
        } else if date.is_duration() || serial < 1.0 {
            // Below LAST_EXCEL_DAY days, the minutes fit a u64 exactly.
            DateShown::Clock((serial * MINUTES_A_DAY).floor() as u64)
        } else {
            // The 1904 system reaches four years further; Excel still stops at 9999.
            let day = date.as_datetime().filter(|d| d.year() <= 9999);
            day.map_or(DateShown::Hashes, DateShown::Day)
        };
        Cell::Date(shown)
    }

    /// A cell typed as a date holding an ISO date (ods `date-value`, xlsx `t="d"`):
    /// `2022-03-31`, `2022-03-31T14:30:00`, and with a zone as web tools write it
    /// (`2022-03-30T17:00:00.000Z`, `…+07:00`), read as Thailand's clock shows that moment (a
    /// moment at midnight in its own zone, `2022-03-31T00:00:00Z`, is that day); one that is
    /// no date shows `########`.
    pub(crate) fn iso_date(text: &str) -> Cell {
        let trimmed = text.trim();
        let when = NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M:%S%.f")
            .ok()
            .or_else(|| {
                NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
                    .ok()
                    .map(|d| d.and_time(NaiveTime::MIN))
            })
            .or_else(|| {
                let moment = chrono::DateTime::parse_from_rfc3339(trimmed).ok()?;
                // Midnight in its own zone is a day written so (a server's dates in UTC).
                if moment.time() == NaiveTime::MIN {
                    return Some(moment.naive_local());
                }
                let thailand = chrono::FixedOffset::east_opt(THAI_OFFSET_SECONDS as i32)?;
                Some(moment.with_timezone(&thailand).naive_local())
            });
        Cell::Date(when.map_or(DateShown::Hashes, DateShown::Day))
    }

    /// A cell typed as a time holding an ISO duration (ods `time-value`): `PT14H30M00S`, also
    /// past a day (`PT30H00M00S`); one that is no time shows `########`.
    pub(crate) fn iso_time(text: &str) -> Cell {
        let minutes = text.trim().strip_prefix("PT").and_then(|rest| {
            let (hours, rest) = rest.split_once('H')?;
            let (minutes, rest) = rest.split_once('M')?;
            let seconds: f64 = rest.strip_suffix('S')?.parse().ok()?;
            let (hours, minutes): (u64, u64) = (hours.parse().ok()?, minutes.parse().ok()?);
            let whole = (seconds >= 0.0).then(|| (seconds / 60.0).floor() as u64)?;
            hours
                .checked_mul(60)?
                .checked_add(minutes)?
                .checked_add(whole)
        });
        Cell::Date(minutes.map_or(DateShown::Hashes, DateShown::Clock))
    }

    /// `true` when the cell is empty or holds only whitespace.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.chars().all(is_invisible),
            _ => false,
        }
    }

    /// The cell's text for reading its meaning: text as typed (borrowed, not trimmed), anything
    /// else as [`Cell::display`] shows it. Whatever normalises or cleans it ignores the spaces
    /// `display` would have trimmed.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(t) => Cow::Borrowed(t),
            other => Cow::Owned(other.display()),
        }
    }

    /// The cell as a person would read it (numbers in their shortest form).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => number_text(*n),
            Cell::Date(shown) => shown.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
            Cell::Uncalculated(formula) => format!("={formula}"),
            Cell::MergedFrom(range) => range.clone(),
        }
    }
}

impl From<&calamine::Data> for Cell {
    fn from(data: &calamine::Data) -> Self {
        use calamine::Data;
        match data {
            Data::Empty => Cell::Empty,
            Data::String(s) => Cell::Text(s.clone()),
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(d) => Cell::excel_date(d),
            Data::DateTimeIso(s) => Cell::iso_date(s),
            Data::DurationIso(s) => Cell::Text(s.clone()),
            Data::Error(e) => Cell::Error(e.to_string()),
        }
    }
}

impl From<calamine::DataRef<'_>> for Cell {
    fn from(data: calamine::DataRef<'_>) -> Self {
        use calamine::DataRef;
        match data {
            DataRef::Empty => Cell::Empty,
            DataRef::String(s) => Cell::Text(s),
            DataRef::SharedString(s) => Cell::Text(s.to_string()),
            DataRef::Int(i) => Cell::Number(i as f64),
            DataRef::Float(f) => Cell::Number(f),
            DataRef::Bool(b) => Cell::Bool(b),
            DataRef::DateTime(d) => Cell::excel_date(&d),
            DataRef::DateTimeIso(s) => Cell::iso_date(&s),
            DataRef::DurationIso(s) => Cell::Text(s),
            DataRef::Error(e) => Cell::Error(e.to_string()),
        }
    }
}

/// What a date-formatted cell shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DateShown {
    /// A day, with its time of day when it has one: `31 มีนาคม 2565`, `31 มีนาคม 2565 14:30`.
    Day(NaiveDateTime),
    /// A time of day or a length of time, in minutes: `14:30`, `30:00`.
    Clock(u64),
    /// A number no date is (below 0, past 31 December 9999): Excel shows `########`.
    Hashes,
}

impl std::fmt::Display for DateShown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateShown::Day(when) => {
                // A year of 2400-2700 is B.E. typed on a computer set to the Gregorian
                // calendar (Excel then shows 15/3/2567 as typed): not 543 years more.
                let year = match when.year() {
                    be @ 2400..=2700 => be - 543,
                    ce => ce,
                };
                let date = thai_date(year, when.month(), when.day());
                let time = when.time();
                if time == NaiveTime::MIN {
                    write!(f, "{date}")
                } else {
                    write!(f, "{date} {:02}:{:02}", time.hour(), time.minute())
                }
            }
            DateShown::Clock(minutes) => write!(f, "{:02}:{:02}", minutes / 60, minutes % 60),
            DateShown::Hashes => write!(f, "########"),
        }
    }
}

/// The day after Excel's last date (31 December 9999), as a serial number.
const LAST_EXCEL_DAY: f64 = 2_958_466.0;

/// Minutes in a day (a serial number's unit).
const MINUTES_A_DAY: f64 = 1_440.0;

/// A number as Excel shows it at most: 15 significant digits, no trailing zeros.
fn number_text(n: f64) -> String {
    decimal_from_f64(n)
        .map(|d| d.to_string())
        .unwrap_or_else(|| format!("{n:e}"))
}

/// An f64 cell value to Decimal at Excel's own precision (15 significant digits), so that a
/// cached formula result such as 3871.0000000000005 reads as 3871. `None` for NaN, infinity or
/// values beyond Decimal's range (about 7.9e28).
///
/// Whole numbers and amounts in cents (what money cells hold) take a fast path that gives the
/// same Decimal as formatting the number to 15 digits and parsing it back, which the rest take.
pub fn decimal_from_f64(n: f64) -> Option<Decimal> {
    if let Some(d) = whole_or_cents(n) {
        return Some(d);
    }
    if !n.is_finite() || n.abs() >= 7.9e28 {
        return None;
    }
    let scientific = format!("{n:.14e}");
    let d = Decimal::from_scientific(&scientific).ok()?.normalize();
    Some(if d.is_zero() { Decimal::ZERO } else { d })
}

/// An amount planmerge wrote itself (baht or a percentage, two decimals), read back exactly,
/// beyond Excel's 15 significant digits: the cell holds the f64 nearest to the decimal
/// written, which is within half its spacing of it, less than half a satang below 2^46 (about
/// 7 × 10^13 baht), so rounding its exact binary value to two decimals gives the decimal back.
/// Larger amounts (no f64 tells their satang apart) are read as [`decimal_from_f64`] reads them.
/// Normalised (`55300`, not `55300.00`).
pub fn written_amount(n: f64) -> Option<Decimal> {
    const EXACT_BELOW: f64 = 70_368_744_177_664.0; // 2^46
    if n.is_finite() && n.abs() < EXACT_BELOW {
        let d = Decimal::from_f64_retain(n)?
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize();
        return Some(if d.is_zero() { Decimal::ZERO } else { d });
    }
    decimal_from_f64(n)
}

/// `n` exactly when it is a whole number below 10^15, or the nearest f64 to a whole number of
/// cents below 10^13 baht; `None` otherwise (NaN and infinity included).
///
/// Why this equals the 15-significant-digit reading: such a value `c / 100` has at most 15
/// significant digits, so it lies on the grid of 15-digit decimals around `n`, whose spacing is
/// more than `|n| * 1e-15`. Being the nearest f64 to `c / 100`, `n` is within half an ulp
/// (`|n| * 2^-53`, about `|n| * 1.1e-16`) of it — far less than half the grid's spacing — so
/// rounding `n` to 15 digits gives back exactly `c / 100`. `c as f64 / 100.0` is one correctly
/// rounded division of an exactly represented integer, so comparing it with `n` proves "nearest".
fn whole_or_cents(n: f64) -> Option<Decimal> {
    let satang = satang_from_f64(n)?;
    if satang % 100 == 0 {
        // A whole number (`-0.0` becomes 0, as the slow path's zero does).
        return Some(Decimal::from(satang / 100));
    }
    Some(Decimal::new(satang, 2).normalize())
}

/// `n` in satang when it is a whole number of baht below 10^15 or the nearest f64 to a whole
/// number of satang below 10^13 baht — the values [`decimal_from_f64`]'s fast path reads
/// ([`whole_or_cents`], which is built on it) — so that amounts can be added as integers,
/// exactly, without a Decimal per cell. `None` otherwise (NaN and infinity included).
pub fn satang_from_f64(n: f64) -> Option<i64> {
    const LIMIT: f64 = 1e15;
    if n.abs() < LIMIT && n.fract() == 0.0 {
        // |n| < 10^15: n × 100 < 10^17 fits an i64.
        return Some(n as i64 * 100);
    }
    let cents = (n * 100.0).round();
    (cents.abs() < LIMIT && cents / 100.0 == n).then_some(cents as i64)
}

/// What a money cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum MoneyCell {
    /// Nothing typed.
    Blank,
    /// A numeric cell (or a formula's cached number).
    Number(Decimal),
    /// Text that reads as a number (`55,300.00`, `๕๕,๓๐๐`, `55,300.-`, `1,234 บาท`).
    Text(Decimal),
    /// Nothing spent or budgeted, said in words: `-`, `ไม่ใช้งบประมาณ`, `ไม่ใช้งบ`, `ไม่มีงบประมาณ`,
    /// `ไม่มีงบ`.
    Nil(String),
    /// Anything else; the text found.
    Invalid(String),
    /// A date, as shown (`1 มีนาคม 2568`): Excel turned what was typed into a date.
    Date(String),
    /// A formula saved without its value; the formula as shown (`=50000+5300`).
    Uncalculated(String),
}

/// Reads a money cell without judging it (negative, decimals and limits are `validate`'s).
pub fn money(cell: &Cell) -> MoneyCell {
    match cell {
        Cell::Empty => MoneyCell::Blank,
        Cell::Number(n) => match decimal_from_f64(*n) {
            Some(d) => MoneyCell::Number(d),
            None => MoneyCell::Invalid(cell.display()),
        },
        Cell::Text(t) => {
            if cell.is_blank() {
                return MoneyCell::Blank;
            }
            if is_nil_money(t) {
                return MoneyCell::Nil(t.trim().to_string());
            }
            match money_text(t) {
                Some(d) => MoneyCell::Text(d),
                None => MoneyCell::Invalid(t.trim().to_string()),
            }
        }
        Cell::Date(_) => MoneyCell::Date(cell.display()),
        Cell::Bool(_) | Cell::Error(_) => MoneyCell::Invalid(cell.display()),
        Cell::Uncalculated(_) | Cell::MergedFrom(_) => MoneyCell::Uncalculated(cell.display()),
    }
}

/// Words (normalised) that say a project uses no money.
const NIL_MONEY: [&str; 8] = [
    "-",
    "–",
    "—",
    "ไม่ใช้งบประมาณ",
    "ไม่ใช้งบ",
    "ไม่มีงบประมาณ",
    "ไม่มีงบ",
    "ไม่มี",
];

/// `-`, `ไม่ใช้งบประมาณ` …: nothing, said in words.
fn is_nil_money(text: &str) -> bool {
    NIL_MONEY.contains(&normalized(text).as_ref())
}

/// `55,300.00`, `๕๕,๓๐๐.๐๐`, `1,234 บาท`, `55,300.-` → Decimal. Thousands separators must
/// group by three (`1,00,000` is refused rather than guessed).
fn money_text(text: &str) -> Option<Decimal> {
    let arabic = thai_digits_to_arabic(text);
    if !spaces_group_thousands(&arabic) {
        return None;
    }
    let digits = normalized(&arabic);
    let body = without_baht(&digits);
    // `55,300.-`: whole baht, the satang struck out as offices write it.
    let body = body.strip_suffix(".-").unwrap_or(body);
    let (sign, unsigned) = match body.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", body),
    };
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    if int_part.contains(',') {
        let groups: Vec<&str> = int_part.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let int_digits = int_part.replace(',', "");
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(&int_digits) || frac_part.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    // `120.000` may be 120 or 120,000 (a full stop grouping thousands): not guessed. More
    // decimals than that cannot group (`1234.567`): validation says "too precise".
    let grouping = (1..=3).contains(&int_part.len()) && !int_part.starts_with('0');
    if grouping && frac_part.is_some_and(|f| f.len() == 3) {
        return None;
    }
    let plain = match frac_part {
        Some(f) => format!("{sign}{int_digits}.{f}"),
        None => format!("{sign}{int_digits}"),
    };
    let d = Decimal::from_str(&plain).ok()?;
    Some(if d.is_zero() { Decimal::ZERO } else { d })
}

/// A money text without its unit: `บาท` after, or the baht sign before or after (`฿55,300.00`,
/// `55,300 ฿`).
fn without_baht(text: &str) -> &str {
    let text = (text.strip_suffix("บาท"))
        .or_else(|| text.strip_suffix('฿'))
        .unwrap_or(text)
        .trim_end();
    text.strip_prefix('฿').unwrap_or(text).trim_start()
}

/// Whether the spaces inside a money text (its digits Arabic) only group thousands
/// (`50 000`): `50000 40000` is two amounts in one cell and `1 20` a slip, neither read as one
/// number; nor is anything broken over two lines (`12⏎345`: two lines are two things).
fn spaces_group_thousands(text: &str) -> bool {
    let text = without_baht(text.trim()).trim();
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    let mut rest = words.peekable();
    if rest.peek().is_none() {
        return true;
    }
    if text
        .trim_end()
        .contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
    {
        return false;
    }
    let is_digit = |c: char| c.is_ascii_digit();
    let first = first.strip_prefix('-').unwrap_or(first);
    let lead = first.chars().count();
    if !(1..=3).contains(&lead) || !first.chars().all(is_digit) {
        return false;
    }
    // Groups of three digits; the last may end in satang (`.50`) or `.-`.
    rest.all(|word| {
        let (group, tail) = word.split_at(word.find('.').unwrap_or(word.len()));
        let satang = tail.is_empty() || tail == ".-" || tail[1..].chars().all(is_digit);
        group.chars().count() == 3 && group.chars().all(is_digit) && satang
    })
}

/// What a tick cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tick {
    /// Blank, ☐, FALSE, 0, `-`, a cross (✗ ✘ ☒), or a "no" word: ไม่, ไม่ใช่, ไม่มี, ไม่บรรจุ, N, no.
    Unticked,
    /// ☑ ✓ ✔ ✅ √ / x X × TRUE 1 (✔️ too: variation selectors are ignored), or a "yes" word: ใช่, มี, บรรจุ, Y, yes.
    Ticked,
    /// Anything else; the text found.
    Unknown(String),
}

/// Reads a tick cell.
pub fn tick(cell: &Cell) -> Tick {
    match cell {
        Cell::Empty => Tick::Unticked,
        Cell::Bool(b) => {
            if *b {
                Tick::Ticked
            } else {
                Tick::Unticked
            }
        }
        Cell::Number(n) if *n == 1.0 => Tick::Ticked,
        Cell::Number(n) if *n == 0.0 => Tick::Unticked,
        // Each word is its own normal form, so a cell holding one exactly needs no normalising.
        Cell::Text(t) => tick_word(t)
            .or_else(|| tick_word(&thai_digits_to_arabic(&normalized(t))))
            .unwrap_or_else(|| Tick::Unknown(t.trim().to_string())),
        other => Tick::Unknown(other.display()),
    }
}

/// The check marks read as a tick (normalised): `☑ ✓ ✔ ✅`, and √, the tick Insert › Symbol
/// offers in Word and Excel.
pub const CHECK_MARKS: [&str; 5] = ["☑", "✓", "✔", "✅", "√"];

/// The crosses read as a tick on their own (normalised): `x ×` — unlike ✗ ✘ ☒, which mean "no".
pub const TICK_CROSSES: [&str; 2] = ["x", "×"];

/// The tick a normalised text names, if any.
fn tick_word(text: &str) -> Option<Tick> {
    match text {
        // ✗ ✘ and a crossed box ☒ mean "no" to most people.
        "" | "☐" | "□" | "false" | "0" | "-" | "☒" | "✗" | "✘" => Some(Tick::Unticked),
        "ไม่" | "ไม่ใช่" | "ไม่มี" | "ไม่บรรจุ" | "n" | "no" => {
            Some(Tick::Unticked)
        }
        t if CHECK_MARKS.contains(&t) || TICK_CROSSES.contains(&t) => Some(Tick::Ticked),
        "/" | "true" | "1" => Some(Tick::Ticked),
        // Wingdings, as Insert › Symbol puts them in (the font shows ü as ✓ and þ as ☑; û ý ¨
        // as ✗ ☒ ☐): in a tick column these letters are nothing else.
        "ü" | "þ" => Some(Tick::Ticked),
        "û" | "ý" | "¨" => Some(Tick::Unticked),
        "ใช่" | "มี" | "บรรจุ" | "y" | "yes" => Some(Tick::Ticked),
        _ => None,
    }
}

/// What a dimension cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DimensionCell {
    /// Nothing typed.
    Blank,
    /// A whole number (not yet checked to be 1-4).
    Number(i64),
    /// A sub-dimension code (`2.3`, `2.3.1`): the dimension is its first number (not yet
    /// checked to be 1-4), the code is kept as written (Thai digits made Arabic).
    Code {
        /// The first number.
        dimension: i64,
        /// The whole code, e.g. `2.3`.
        code: String,
    },
    /// A number and a dimension's title after it that name two dimensions
    /// (`2. การสร้างสังคมที่ไม่ทนต่อการทุจริต`): the number, and the title's dimension.
    TitleConflict(u8, u8),
    /// Anything else; the text found.
    Invalid(String),
}

/// Reads `2`, `๒`, `มิติที่ 2`, `มิติ ๒`, `2.0`, and sub-dimension codes `1.1`, `2.3.1`, `๓.๑`,
/// `มิติที่ 2.1`.
pub fn dimension(cell: &Cell) -> DimensionCell {
    match cell {
        Cell::Empty => DimensionCell::Blank,
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e9 => DimensionCell::Number(*n as i64),
        Cell::Number(_) => dimension_code(&cell.display())
            .unwrap_or_else(|| DimensionCell::Invalid(cell.display())),
        Cell::Text(t) => {
            let normal = normalized(t);
            let norm = thai_digits_to_arabic(&normal);
            if norm.is_empty() {
                return DimensionCell::Blank;
            }
            let code = norm
                .strip_prefix("มิติที่")
                .or_else(|| norm.strip_prefix("มิติ"))
                .unwrap_or(&norm);
            if let Some((number, title)) =
                named_code(code).and_then(|_| super::structure::number_against_title(code))
            {
                return DimensionCell::TitleConflict(number, title.number());
            }
            dimension_code(code)
                .or_else(|| named_code(code))
                .unwrap_or_else(|| DimensionCell::Invalid(t.trim().to_string()))
        }
        other => DimensionCell::Invalid(other.display()),
    }
}

/// A code followed by the dimension's name, as the plan form's merged มิติ cell holds it:
/// `1. การสร้างสังคมที่ไม่ทนต่อการทุจริต`, `2 การบริหารราชการ…` (normalised: no spaces) → 1, 2; also
/// `1.1 การสร้างจิตสำนึก…` → the code 1.1. The name must start with a Thai letter.
fn named_code(text: &str) -> Option<DimensionCell> {
    let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let name_starts = text[end..].chars().next().is_some_and(|c| {
        ('\u{0E01}'..='\u{0E2E}').contains(&c) || ('\u{0E40}'..='\u{0E44}').contains(&c)
    });
    if end == 0 || !name_starts {
        return None;
    }
    dimension_code(text[..end].trim_end_matches('.'))
}

/// `2` → a number, `2.3` / `2.3.1` → a code; anything else → `None`. A number written as a
/// list item (`2.`) or with zeros after its point (`2.0`, `2.00`, as a cell formatted as text
/// keeps a number typed with decimals) is the number: no sub-dimension is named.
fn dimension_code(code: &str) -> Option<DimensionCell> {
    let code = code.strip_suffix('.').unwrap_or(code);
    let mut parts = code.split('.');
    let first: i64 = parts.next()?.parse().ok()?;
    let rest: Vec<&str> = parts.collect();
    let zeros = |p: &&str| !p.is_empty() && p.bytes().all(|b| b == b'0');
    if rest.iter().all(zeros) {
        return Some(DimensionCell::Number(first));
    }
    let digits = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    rest.iter().all(digits).then(|| DimensionCell::Code {
        dimension: first,
        code: code.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_thai_staff_write_them_and_never_as_money() {
        let date = |text: &str| Cell::iso_date(text).display();
        assert_eq!(date("2022-03-31"), "31 มีนาคม 2565");
        assert_eq!(date("2022-03-31T14:30:00"), "31 มีนาคม 2565 14:30");
        assert_eq!(date("10000-01-01"), "########");
        // With a zone, as web tools write dates (SheetJS: UTC): the day Thailand's clock shows.
        assert_eq!(date("2024-03-15T00:00:00.000Z"), "15 มีนาคม 2567");
        assert_eq!(date("2024-03-14T17:00:00.000Z"), "15 มีนาคม 2567");
        assert_eq!(date("2024-03-15T00:00:00Z"), "15 มีนาคม 2567");
        assert_eq!(date("2024-03-15T02:30:00Z"), "15 มีนาคม 2567 09:30");
        assert_eq!(date("2024-03-15T07:00:00+07:00"), "15 มีนาคม 2567 07:00");
        // A B.E. year typed on a computer set to the Gregorian calendar: as Excel shows it.
        assert_eq!(date("2567-03-15"), "15 มีนาคม 2567");
        assert_eq!(date("2800-03-15"), "15 มีนาคม 3343");
        let time = |text: &str| Cell::iso_time(text).display();
        assert_eq!(time("PT14H30M00S"), "14:30");
        assert_eq!(time("PT30H00M59.5S"), "30:00");
        assert_eq!(time("-PT1H00M00S"), "########");
        let excel = |serial, kind, is_1904| {
            Cell::excel_date(&calamine::ExcelDateTime::new(serial, kind, is_1904))
        };
        let day = |serial| excel(serial, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(day(45717.0).display(), "1 มีนาคม 2568");
        assert_eq!(day(45717.5).display(), "1 มีนาคม 2568 12:00");
        assert_eq!(day(0.75).display(), "18:00");
        let in_1904 = |serial| excel(serial, calamine::ExcelDateTimeType::DateTime, true);
        assert_eq!(in_1904(0.75).display(), "18:00");
        assert_eq!(in_1904(2_958_465.0).display(), "########");
        let hours = excel(1.25, calamine::ExcelDateTimeType::TimeDelta, false);
        assert_eq!(hours.display(), "30:00");
        // No date of Excel's (a forged or damaged file, a budget in a date column): Excel's
        // `########`, never an overflow, never a number.
        for n in [-1e300, -1.0, 1e300, 2_958_466.0, f64::NAN] {
            assert_eq!(day(n), Cell::Date(DateShown::Hashes), "{n}");
        }
        assert_eq!(money(&day(45717.0)), MoneyCell::Date("1 มีนาคม 2568".into()));
        assert_eq!(tick(&day(45717.0)), Tick::Unknown("1 มีนาคม 2568".into()));
    }
    use crate::schema::text::{arabic_digits, normalize};

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_reads_numbers_text_and_thai_digits() {
        assert_eq!(
            money(&Cell::Number(55300.0)),
            MoneyCell::Number(dec("55300"))
        );
        assert_eq!(money(&text("55,300.00")), MoneyCell::Text(dec("55300.00")));
        assert_eq!(money(&text("๕๕,๓๐๐.๐๐")), MoneyCell::Text(dec("55300.00")));
        assert_eq!(money(&text(" 1,234 บาท")), MoneyCell::Text(dec("1234")));
        assert_eq!(money(&text("-")), MoneyCell::Nil("-".into()));
        assert_eq!(money(&text("55,300.-")), MoneyCell::Text(dec("55300")));
        assert_eq!(money(&text("๕๕,๓๐๐.-")), MoneyCell::Text(dec("55300")));
        assert_eq!(money(&text("５５,３００")), MoneyCell::Text(dec("55300")));
        assert_eq!(money(&text("55,300 บาท")), MoneyCell::Text(dec("55300")));
        for baht_sign in ["฿55,300.00", "฿ 55,300", "55,300.00 ฿", "55 300฿"] {
            assert_eq!(
                money(&text(baht_sign)),
                MoneyCell::Text(dec("55300")),
                "{baht_sign}"
            );
        }
        // A space grouping thousands, as some keyboards and forms put it.
        assert_eq!(money(&text("55 300.50")), MoneyCell::Text(dec("55300.50")));
        assert_eq!(money(&text("๑ ๒๐๐ ๐๐๐.-")), MoneyCell::Text(dec("1200000")));
        // Three decimals that cannot be a grouping are read, for validation to judge.
        assert_eq!(money(&text("55300.000")), MoneyCell::Text(dec("55300.000")));
        assert_eq!(money(&text("1234.567")), MoneyCell::Text(dec("1234.567")));
        for nil in ["ไม่ใช้งบประมาณ", "ไม่ใช้งบ", " ไม่มี งบประมาณ ", "ไม่มีงบ", "ไม่มี"]
        {
            assert!(matches!(money(&text(nil)), MoneyCell::Nil(_)), "{nil}");
        }
        assert_eq!(money(&text("")), MoneyCell::Blank);
    }

    #[test]
    fn money_refuses_what_it_would_have_to_guess() {
        assert!(matches!(money(&text("1,00,000")), MoneyCell::Invalid(_)));
        assert!(matches!(money(&text("ห้าหมื่น")), MoneyCell::Invalid(_)));
        assert!(matches!(money(&text("55,300.--")), MoneyCell::Invalid(_)));
        assert!(matches!(money(&text("ไม่ใช้")), MoneyCell::Invalid(_)));
        // Two amounts in one cell, a space in the wrong place, a full stop grouping thousands.
        for typed in [
            "50000 40000",
            "70000\n50000",
            "12\n345",
            "1\r\n500",
            "1 20",
            "12 0000",
            "120.000",
            "55.300",
        ] {
            assert!(
                matches!(money(&text(typed)), MoneyCell::Invalid(_)),
                "{typed}"
            );
        }
        assert!(matches!(
            money(&Cell::Error("#DIV/0!".into())),
            MoneyCell::Invalid(_)
        ));
        assert!(matches!(money(&Cell::Number(1e308)), MoneyCell::Invalid(_)));
    }

    #[test]
    fn money_float_noise_reads_at_excel_precision() {
        assert_eq!(
            money(&Cell::Number(3871.0000000000005)),
            MoneyCell::Number(dec("3871"))
        );
        assert_eq!(
            money(&Cell::Number(0.1 + 0.2)),
            MoneyCell::Number(dec("0.3"))
        );
        assert_eq!(money(&Cell::Number(-0.0)), MoneyCell::Number(Decimal::ZERO));
        assert_eq!(money(&Cell::Number(1.005)), MoneyCell::Number(dec("1.005")));
    }

    #[test]
    fn every_tick_word_is_its_own_normal_form() {
        for word in [
            "",
            "☐",
            "□",
            "false",
            "0",
            "-",
            "☑",
            "✓",
            "✔",
            "✅",
            "√",
            "☒",
            "✗",
            "✘",
            "/",
            "x",
            "×",
            "true",
            "1",
            "ใช่",
            "ไม่ใช่",
            "มี",
            "ไม่มี",
            "บรรจุ",
            "ไม่บรรจุ",
            "y",
            "n",
            "yes",
            "no",
            "ü",
            "þ",
            "û",
            "ý",
            "¨",
        ] {
            assert!(tick_word(word).is_some(), "{word}");
            assert_eq!(arabic_digits(&normalize(word)), word);
        }
    }

    #[test]
    fn yes_and_no_words_in_tick_columns() {
        for yes in ["ใช่", "มี", "บรรจุ", "Y", "yes", "Yes"] {
            assert_eq!(tick(&text(yes)), Tick::Ticked, "{yes}");
        }
        for no in [
            "ไม่",
            "ไม่ใช่",
            "ไม่มี",
            "ไม่บรรจุ",
            "N",
            "no",
            "-",
            "✗",
            "✘",
            " ไม่ ใช่ ",
        ] {
            assert_eq!(tick(&text(no)), Tick::Unticked, "{no}");
        }
        assert!(matches!(tick(&text("ใช่มั้ง")), Tick::Unknown(_)));
    }

    #[test]
    fn sub_dimension_codes_keep_the_code_and_give_the_dimension() {
        for (t, d, code) in [
            ("1.1", 1, "1.1"),
            ("2.3.1", 2, "2.3.1"),
            ("๓.๑", 3, "3.1"),
            ("มิติที่ 2.1", 2, "2.1"),
        ] {
            let expected = DimensionCell::Code {
                dimension: d,
                code: code.into(),
            };
            assert_eq!(dimension(&text(t)), expected, "{t}");
        }
        assert_eq!(
            dimension(&Cell::Number(4.2)),
            DimensionCell::Code {
                dimension: 4,
                code: "4.2".into()
            }
        );
        // A number written with its point, or zeros after it, names no sub-dimension.
        for t in ["2.", "2.0", "๒.", "๒.๐", "2.00", "มิติที่ 2.", " 2.0 "] {
            assert_eq!(dimension(&text(t)), DimensionCell::Number(2), "{t}");
        }
        assert_eq!(
            dimension(&text("2.10")),
            DimensionCell::Code {
                dimension: 2,
                code: "2.10".into()
            }
        );
        assert!(matches!(dimension(&text("2..")), DimensionCell::Invalid(_)));
        assert!(matches!(dimension(&text(".2")), DimensionCell::Invalid(_)));
        assert!(matches!(dimension(&text("2.a")), DimensionCell::Invalid(_)));
    }

    #[test]
    fn crosses_mean_no() {
        for t in ["☒", "✗", "✘", " ✗ "] {
            assert_eq!(tick(&text(t)), Tick::Unticked, "{t}");
        }
    }

    #[test]
    fn ticks_in_every_spelling() {
        for t in ["☑", "✓", "✔", "/", "x", "X", "TRUE", "1", " ☑ ", "ü", "þ"] {
            assert_eq!(tick(&text(t)), Tick::Ticked, "{t}");
        }
        for t in ["û", "ý", "¨"] {
            assert_eq!(tick(&text(t)), Tick::Unticked, "{t}");
        }
        assert_eq!(tick(&Cell::Bool(true)), Tick::Ticked);
        assert_eq!(tick(&Cell::Number(1.0)), Tick::Ticked);
        assert_eq!(tick(&Cell::Empty), Tick::Unticked);
        assert_eq!(tick(&text("ใช่มั้ง")), Tick::Unknown("ใช่มั้ง".into()));
    }

    #[test]
    fn dimension_in_every_spelling() {
        for t in ["2", "๒", "２", "มิติที่ 2", "มิติ ๒", "มิติที่๒"]
        {
            assert_eq!(dimension(&text(t)), DimensionCell::Number(2), "{t}");
        }
        assert_eq!(dimension(&Cell::Number(3.0)), DimensionCell::Number(3));
        assert_eq!(
            dimension(&Cell::Number(2.5)),
            DimensionCell::Code {
                dimension: 2,
                code: "2.5".into()
            }
        );
        assert_eq!(
            dimension(&text("สอง")),
            DimensionCell::Invalid("สอง".into())
        );
        for t in [
            "1. การสร้างสังคมที่ไม่ทนต่อการทุจริต",
            "1 การสร้างสังคมที่ไม่ทนต่อการทุจริต",
            "๑. การสร้างสังคม",
        ] {
            assert_eq!(dimension(&text(t)), DimensionCell::Number(1), "{t}");
        }
        assert_eq!(
            dimension(&text("1.1 การสร้างจิตสำนึก")),
            DimensionCell::Code {
                dimension: 1,
                code: "1.1".into()
            }
        );
        assert!(matches!(dimension(&text("1 x")), DimensionCell::Invalid(_)));
    }

    #[test]
    fn amounts_planmerge_wrote_are_read_back_to_the_satang() {
        let back = |text: &str| {
            let n: f64 = text.parse().expect("a number");
            written_amount(n).map(|d| d.to_string())
        };
        // 16 and 17 significant digits, where the 15-digit reading loses the satang.
        assert_eq!(
            back("10999999999999.89").as_deref(),
            Some("10999999999999.89")
        );
        assert_eq!(
            back("50000000000006.57").as_deref(),
            Some("50000000000006.57")
        );
        assert_eq!(back("8536600").as_deref(), Some("8536600"));
        assert_eq!(back("67.78").as_deref(), Some("67.78"));
        assert_eq!(back("0.1").as_deref(), Some("0.1"));
        assert_eq!(back("-0").as_deref(), Some("0"));
        assert_eq!(written_amount(f64::NAN), None);
    }

    #[test]
    fn satang_are_the_fast_paths_amounts_as_integers() {
        for n in [
            0.0,
            1.0,
            0.1,
            0.2,
            12000.5,
            3000.25,
            137300.5,
            999_999_999_999.99,
            -5.0,
        ] {
            let satang = satang_from_f64(n).expect("an amount in satang");
            assert_eq!(Some(Decimal::new(satang, 2)), decimal_from_f64(n), "{n}");
        }
        for n in [0.001, 1e16, f64::NAN, f64::INFINITY] {
            assert_eq!(satang_from_f64(n), None, "{n}");
        }
    }

    /// `decimal_from_f64` as it was before its fast path: the reference the fast path must equal.
    fn decimal_from_f64_reference(n: f64) -> Option<Decimal> {
        if !n.is_finite() || n.abs() >= 7.9e28 {
            return None;
        }
        let scientific = format!("{n:.14e}");
        let d = Decimal::from_scientific(&scientific).ok()?.normalize();
        Some(if d.is_zero() { Decimal::ZERO } else { d })
    }

    /// Same value, same scale, same sign bit: the Decimals' bytes.
    fn same_decimal(n: f64) -> Result<(), proptest::test_runner::TestCaseError> {
        let fast = decimal_from_f64(n).map(|d| d.serialize());
        let reference = decimal_from_f64_reference(n).map(|d| d.serialize());
        proptest::prop_assert_eq!(fast, reference, "{:e} ({:#x})", n, n.to_bits());
        Ok(())
    }

    #[test]
    fn decimal_fast_path_edges_equal_the_reference() {
        let edges = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.01,
            -0.01,
            0.005,
            0.1 + 0.2,
            1.005,
            3871.0000000000005,
            55300.0,
            999_999_999_999.99,
            9_999_999_999_999.99,
            10_000_000_000_000.0,
            999_999_999_999_999.0,
            1e15,
            1e15 + 1.0,
            1_234_567_890_123_456.0,
            9_007_199_254_740_993.0,
            1e28,
            7.9e28,
            1e300,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for n in edges {
            for n in [
                n,
                -n,
                f64::from_bits(n.to_bits() + 1),
                f64::from_bits(n.to_bits().max(1) - 1),
            ] {
                same_decimal(n).unwrap();
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 20_000, ..Default::default() })]

        #[test]
        fn decimal_fast_path_equals_the_reference_for_any_f64(n in proptest::num::f64::ANY) {
            same_decimal(n)?;
        }

        #[test]
        fn decimal_fast_path_equals_the_reference_for_bit_patterns(bits in proptest::prelude::any::<u64>()) {
            same_decimal(f64::from_bits(bits))?;
        }

        #[test]
        fn decimal_fast_path_equals_the_reference_for_cents(cents in -2_000_000_000_000_000_i64..2_000_000_000_000_000) {
            same_decimal(cents as f64 / 100.0)?;
        }

        #[test]
        fn decimal_fast_path_equals_the_reference_for_small_cents(cents in -10_000_000_i64..10_000_000) {
            same_decimal(cents as f64 / 100.0)?;
            same_decimal(cents as f64 / 1000.0)?;
            same_decimal(cents as f64)?;
        }

        #[test]
        fn decimal_fast_path_equals_the_reference_for_noisy_sums(a in 0_i64..100_000_000, b in 0_i64..100_000_000) {
            // Formula results: sums of cents carry float noise (0.1 + 0.2).
            same_decimal(a as f64 / 100.0 + b as f64 / 100.0)?;
            same_decimal(a as f64 / 100.0 * 1.07)?;
        }
    }
}
