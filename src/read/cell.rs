//! One cell, in one type for the rest of the program, and the parsing of what staff type into it:
//! Thai digits, thousands separators, NBSP and zero-width spaces, the two-character ำ, ticks,
//! dimension codes and status words. Money goes straight from the cell into `Decimal`.

use crate::model::Status;
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
    /// A number (also a formula's cached number, or a date's serial number).
    Number(f64),
    /// TRUE / FALSE.
    Bool(bool),
    /// A formula error such as `#DIV/0!`.
    Error(String),
}

impl Cell {
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
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
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
            Data::DateTime(d) => Cell::Number(d.as_f64()),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
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
            DataRef::DateTime(d) => Cell::Number(d.as_f64()),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s),
            DataRef::Error(e) => Cell::Error(e.to_string()),
        }
    }
}

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
    const WHOLE_LIMIT: f64 = 1e15;
    const CENTS_LIMIT: f64 = 1e15;
    if n.abs() < WHOLE_LIMIT && n.fract() == 0.0 {
        // Exact: |n| < 2^53. `-0.0` becomes 0, as the slow path's zero does.
        return Some(Decimal::from(n as i64));
    }
    let cents = (n * 100.0).round();
    if cents.abs() < CENTS_LIMIT && cents / 100.0 == n {
        let d = Decimal::new(cents as i64, 2).normalize();
        return Some(if d.is_zero() { Decimal::ZERO } else { d });
    }
    None
}

/// Characters that carry no meaning in a header or a status word.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Text for comparison: all whitespace (newlines, NBSP) and zero-width characters removed,
/// ํา (U+0E4D U+0E32) joined to ำ (U+0E33), ASCII letters lower-cased (`TRUE` = `true`).
pub fn normalize(text: &str) -> String {
    normalized(text).into_owned()
}

/// [`normalize`], borrowing the text when it has nothing to change (no allocation).
pub fn normalized(text: &str) -> Cow<'_, str> {
    if has_nikhahit(text) {
        normalized_with::<true>(text)
    } else {
        normalized_with::<false>(text)
    }
}

/// [`normalized`]; `JOIN`: whether the text holds a ํ, without which ํา never needs joining.
fn normalized_with<const JOIN: bool>(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut edit = Edit::new(text);
    let mut i = 0;
    while i < bytes.len() {
        i = skip_plain::<JOIN>(bytes, i, |b| {
            b > b' ' && b < 0x80 && !b.is_ascii_uppercase()
        });
        let Some(&b) = bytes.get(i) else { break };
        if b.is_ascii() {
            if is_ascii_space(b) {
                edit.cut(i, i + 1);
            } else if b.is_ascii_uppercase() {
                edit.cut(i, i + 1);
                edit.out().push(char::from(b.to_ascii_lowercase()));
            }
            i += 1;
        } else if b == THAI_LEAD {
            if JOIN && is_sara_aa(bytes, i) {
                edit.join_sara_am(i);
            }
            i += 3;
        } else {
            let (c, width) = char_at(text, i);
            if is_invisible(c) {
                edit.cut(i, i + width);
            }
            i += width;
        }
    }
    edit.finish()
}

/// Thai digits ๐-๙ to 0-9; everything else unchanged.
pub fn arabic_digits(text: &str) -> String {
    thai_digits_to_arabic(text).into_owned()
}

/// [`arabic_digits`], borrowing the text when it holds no Thai digit (no allocation).
pub fn thai_digits_to_arabic(text: &str) -> Cow<'_, str> {
    // ๐-๙ are U+0E50..U+0E59: E0 B9 90..99 in UTF-8.
    let has_thai_digit = text
        .as_bytes()
        .windows(3)
        .any(|w| w[0] == THAI_LEAD && w[1] == 0xB9 && (0x90..=0x99).contains(&w[2]));
    if !has_thai_digit {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (c as u32 - 0x0E50) as u8),
            other => other,
        })
        .collect()
}

/// A name for display and for duplicate detection: runs of whitespace (incl. NBSP, newlines)
/// become one space, zero-width characters go, ํา becomes ำ.
pub fn clean_text(text: &str) -> String {
    cleaned(text).into_owned()
}

/// [`clean_text`], borrowing the text when it has nothing to change (no allocation).
pub fn cleaned(text: &str) -> Cow<'_, str> {
    if has_nikhahit(text) {
        cleaned_with::<true>(text)
    } else {
        cleaned_with::<false>(text)
    }
}

/// [`cleaned`]; `JOIN`: whether the text holds a ํ, without which ํา never needs joining.
fn cleaned_with<const JOIN: bool>(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut edit = Edit::new(text);
    // A space is owed before the next visible character.
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        if !space {
            i = skip_plain_spaced::<JOIN>(bytes, i, edit.kept_from);
        }
        let Some(&b) = bytes.get(i) else { break };
        let (kind, width) = if b.is_ascii() {
            let kind = if is_ascii_space(b) {
                Kind::Space
            } else {
                Kind::Visible
            };
            (kind, 1)
        } else if b == THAI_LEAD {
            // U+0800..U+0FFF: never whitespace nor invisible.
            (Kind::Visible, 3)
        } else {
            let (c, width) = char_at(text, i);
            let kind = if c.is_whitespace() {
                Kind::Space
            } else if is_invisible(c) {
                Kind::Invisible
            } else {
                Kind::Visible
            };
            (kind, width)
        };
        match kind {
            Kind::Space => {
                edit.cut(i, i + width);
                space = edit.emitted_any(i + width);
            }
            Kind::Invisible => edit.cut(i, i + width),
            Kind::Visible => {
                if space {
                    // Only whitespace or invisible characters since the last cut: nothing
                    // pending.
                    edit.out().push(' ');
                    space = false;
                }
                if JOIN && b == THAI_LEAD && is_sara_aa(bytes, i) {
                    edit.join_sara_am(i);
                }
            }
        }
        i += width;
    }
    edit.finish()
}

/// How [`cleaned`] treats a character.
enum Kind {
    /// Whitespace: runs become one space.
    Space,
    /// Zero-width: dropped.
    Invisible,
    /// Kept.
    Visible,
}

/// The index of the first byte from `i` on that may need a change: skips Thai-block characters
/// other than า and the ASCII bytes `plain` accepts.
#[inline(always)]
fn skip_plain<const JOIN: bool>(bytes: &[u8], mut i: usize, plain: impl Fn(u8) -> bool) -> usize {
    while let Some(&b) = bytes.get(i) {
        if b == THAI_LEAD && !(JOIN && is_sara_aa(bytes, i)) {
            i += 3;
        } else if plain(b) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// [`skip_plain`] for [`cleaned`] (no space owed): also skips a single ASCII space between two
/// kept characters (the one before it in the stretch from `kept_from`, the one after it plain).
#[inline(always)]
fn skip_plain_spaced<const JOIN: bool>(bytes: &[u8], mut i: usize, kept_from: usize) -> usize {
    let visible_ascii = |b: u8| b > b' ' && b < 0x80;
    loop {
        i = skip_plain::<JOIN>(bytes, i, visible_ascii);
        let kept_before = kept_from < i;
        match bytes.get(i + 1) {
            Some(&next)
                if kept_before
                    && bytes[i] == b' '
                    && (next == THAI_LEAD || visible_ascii(next)) =>
            {
                i += 1;
            }
            _ => return i,
        }
    }
}

/// Whether the text holds a ํ (U+0E4D) anywhere: without one, no ํา can need joining (nothing
/// either function does makes a ํ).
fn has_nikhahit(text: &str) -> bool {
    text.contains('\u{0E4D}')
}

/// The first byte of every character in U+0800..U+0FFF, Thai (U+0E00..U+0E7F) included.
const THAI_LEAD: u8 = 0xE0;

/// ํ (U+0E4D, nikhahit) in UTF-8.
const NIKHAHIT: [u8; 3] = [0xE0, 0xB9, 0x8D];

/// Whether the character at byte `i` (whose first byte is [`THAI_LEAD`]) is า (U+0E32).
fn is_sara_aa(bytes: &[u8], i: usize) -> bool {
    bytes.get(i + 1) == Some(&0xB8) && bytes.get(i + 2) == Some(&0xB2)
}

/// ASCII whitespace as `char::is_whitespace` has it (tab, newline, VT, FF, CR, space).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The character starting at byte `i` of `text` and its width in bytes.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8().max(1))
}

/// A changed copy of a text, made lazily: unchanged stretches are copied in one go, and nothing
/// is allocated while the text needs no change.
struct Edit<'a> {
    text: &'a str,
    out: Option<String>,
    /// Start of the unchanged stretch not yet copied into `out`.
    kept_from: usize,
}

impl<'a> Edit<'a> {
    fn new(text: &'a str) -> Self {
        Edit {
            text,
            out: None,
            kept_from: 0,
        }
    }

    fn out(&mut self) -> &mut String {
        let capacity = self.text.len();
        self.out
            .get_or_insert_with(|| String::with_capacity(capacity))
    }

    /// Copies the unchanged stretch up to byte `at`, drops `at..resume`.
    fn cut(&mut self, at: usize, resume: usize) {
        let (text, from) = (self.text, self.kept_from);
        self.out().push_str(&text[from..at]);
        self.kept_from = resume;
    }

    /// Whether anything has been written before byte `at` (which is where the stretch resumes).
    fn emitted_any(&self, at: usize) -> bool {
        self.kept_from < at || self.out.as_ref().is_some_and(|o| !o.is_empty())
    }

    /// า at byte `at`: when the character written just before it is ํ, the two become ำ.
    fn join_sara_am(&mut self, at: usize) {
        if self.kept_from < at {
            if self.text.as_bytes()[..at].ends_with(&NIKHAHIT) {
                self.cut(at - NIKHAHIT.len(), at + 3);
                self.out().push('\u{0E33}');
            }
        } else if let Some(out) = self.out.as_mut()
            && out.ends_with('\u{0E4D}')
        {
            out.pop();
            out.push('\u{0E33}');
            self.kept_from = at + 3;
        }
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.text),
            Some(mut out) => {
                out.push_str(&self.text[self.kept_from..]);
                Cow::Owned(out)
            }
        }
    }
}

/// What a money cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum MoneyCell {
    /// Nothing typed.
    Blank,
    /// A numeric cell (or a formula's cached number).
    Number(Decimal),
    /// Text that reads as a number (`55,300.00`, `๕๕,๓๐๐`, `-`).
    Text(Decimal),
    /// Anything else; the text found.
    Invalid(String),
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
            match money_text(t) {
                Some(d) => MoneyCell::Text(d),
                None => MoneyCell::Invalid(t.trim().to_string()),
            }
        }
        Cell::Bool(_) | Cell::Error(_) => MoneyCell::Invalid(cell.display()),
    }
}

/// `55,300.00`, `๕๕,๓๐๐.๐๐`, `1,234 บาท`, `-` (nil) → Decimal. Thousands separators must
/// group by three (`1,00,000` is refused rather than guessed).
fn money_text(text: &str) -> Option<Decimal> {
    let normal = normalized(text);
    let digits = thai_digits_to_arabic(&normal);
    let body = digits.strip_suffix("บาท").unwrap_or(&digits);
    if matches!(body, "-" | "–" | "—") {
        return Some(Decimal::ZERO);
    }
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
    let plain = match frac_part {
        Some(f) => format!("{sign}{int_digits}.{f}"),
        None => format!("{sign}{int_digits}"),
    };
    let d = Decimal::from_str(&plain).ok()?;
    Some(if d.is_zero() { Decimal::ZERO } else { d })
}

/// What a tick cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tick {
    /// Blank, ☐, FALSE, 0 or `-`.
    Unticked,
    /// ☑ ✓ ✔ ✅ / x X × TRUE 1.
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

/// The tick a normalised text names, if any.
fn tick_word(text: &str) -> Option<Tick> {
    match text {
        "" | "☐" | "□" | "false" | "0" | "-" => Some(Tick::Unticked),
        "☑" | "✓" | "✔" | "✅" | "☒" | "✗" | "✘" | "/" | "x" | "×" | "true" | "1" => {
            Some(Tick::Ticked)
        }
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
    /// Anything else; the text found.
    Invalid(String),
}

/// Reads `2`, `๒`, `มิติที่ 2`, `มิติ ๒`, `2.0`.
pub fn dimension(cell: &Cell) -> DimensionCell {
    match cell {
        Cell::Empty => DimensionCell::Blank,
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e9 => DimensionCell::Number(*n as i64),
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
            match code.parse::<i64>() {
                Ok(n) => DimensionCell::Number(n),
                Err(_) => DimensionCell::Invalid(t.trim().to_string()),
            }
        }
        other => DimensionCell::Invalid(other.display()),
    }
}

/// The status a (normalised) text names, if any: the four words and their common short forms.
pub fn status_word(text: &str) -> Option<Status> {
    let t = normalized(text);
    if t.contains("ไม่สามารถ") {
        Some(Status::Cannot)
    } else if t.contains("ระหว่าง") {
        Some(Status::InProgress)
    } else if t.contains("แล้วเสร็จ") || t == "เสร็จ" || t == "เสร็จแล้ว"
    {
        Some(Status::Completed)
    } else if t.starts_with("รอ") && t.contains("รายงาน") {
        Some(Status::Waiting)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn normalize_removes_spaces_nbsp_zero_width_and_joins_sara_am() {
        assert_eq!(
            normalize("อยู่\nระหว่าง\u{00A0}ดำเนิน\u{200B}การ"),
            "อยู่ระหว่างดำเนินการ"
        );
        assert_eq!(normalize("ดําเนินการ"), normalize("ดำเนินการ"));
        assert_eq!(normalize("ด\u{0E4D}\u{0E32}เนินการ"), "ดำเนินการ");
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
        assert_eq!(money(&text("-")), MoneyCell::Text(Decimal::ZERO));
        assert_eq!(money(&text("")), MoneyCell::Blank);
    }

    #[test]
    fn money_refuses_what_it_would_have_to_guess() {
        assert!(matches!(money(&text("1,00,000")), MoneyCell::Invalid(_)));
        assert!(matches!(money(&text("ห้าหมื่น")), MoneyCell::Invalid(_)));
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
            "", "☐", "□", "false", "0", "-", "☑", "✓", "✔", "✅", "☒", "✗", "✘", "/", "x", "×",
            "true", "1",
        ] {
            assert!(tick_word(word).is_some(), "{word}");
            assert_eq!(arabic_digits(&normalize(word)), word);
        }
    }

    #[test]
    fn ticks_in_every_spelling() {
        for t in ["☑", "✓", "✔", "/", "x", "X", "TRUE", "1", " ☑ "] {
            assert_eq!(tick(&text(t)), Tick::Ticked, "{t}");
        }
        assert_eq!(tick(&Cell::Bool(true)), Tick::Ticked);
        assert_eq!(tick(&Cell::Number(1.0)), Tick::Ticked);
        assert_eq!(tick(&Cell::Empty), Tick::Unticked);
        assert_eq!(tick(&text("ใช่มั้ง")), Tick::Unknown("ใช่มั้ง".into()));
    }

    #[test]
    fn dimension_in_every_spelling() {
        for t in ["2", "๒", "มิติที่ 2", "มิติ ๒", "มิติที่๒"]
        {
            assert_eq!(dimension(&text(t)), DimensionCell::Number(2), "{t}");
        }
        assert_eq!(dimension(&Cell::Number(3.0)), DimensionCell::Number(3));
        assert_eq!(
            dimension(&Cell::Number(2.5)),
            DimensionCell::Invalid("2.5".into())
        );
        assert_eq!(
            dimension(&text("สอง")),
            DimensionCell::Invalid("สอง".into())
        );
    }

    #[test]
    fn status_words_after_normalising() {
        assert_eq!(status_word("ดำเนินการแล้วเสร็จ"), Some(Status::Completed));
        assert_eq!(status_word("ดําเนินการ\nแล้วเสร็จ"), Some(Status::Completed));
        assert_eq!(status_word("อยู่ระหว่าง ดำเนินการ"), Some(Status::InProgress));
        assert_eq!(status_word("รอ\u{00A0}รายงาน"), Some(Status::Waiting));
        assert_eq!(status_word("ไม่สามารถดำเนินการได้"), Some(Status::Cannot));
        assert_eq!(status_word("ยกเลิก"), None);
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

    /// `normalize`, `clean_text` and `arabic_digits` as they were before their fast paths: the
    /// references the new ones must equal.
    mod reference {
        use super::super::is_invisible;

        pub fn normalize(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            for c in text.chars().filter(|c| !is_invisible(*c)) {
                if c == '\u{0E32}' && out.ends_with('\u{0E4D}') {
                    out.pop();
                    out.push('\u{0E33}');
                } else {
                    out.push(c.to_ascii_lowercase());
                }
            }
            out
        }

        pub fn arabic_digits(text: &str) -> String {
            text.chars()
                .map(|c| match c {
                    '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (c as u32 - 0x0E50) as u8),
                    other => other,
                })
                .collect()
        }

        pub fn clean_text(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            let mut space = false;
            for c in text.chars() {
                if c.is_whitespace() {
                    space = !out.is_empty();
                } else if !is_invisible(c) {
                    if space {
                        out.push(' ');
                        space = false;
                    }
                    if c == '\u{0E32}' && out.ends_with('\u{0E4D}') {
                        out.pop();
                        out.push('\u{0E33}');
                    } else {
                        out.push(c);
                    }
                }
            }
            out
        }
    }

    /// Text made of the characters these functions treat specially, and a few others.
    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let alphabet = vec![
            ' ',
            ' ',
            '\t',
            '\n',
            '\r',
            '\u{0B}',
            '\u{0C}',
            '\u{85}',
            '\u{A0}',
            '\u{1680}',
            '\u{2000}',
            '\u{200A}',
            '\u{2028}',
            '\u{2029}',
            '\u{202F}',
            '\u{205F}',
            '\u{3000}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{0E4D}',
            '\u{0E4D}',
            '\u{0E32}',
            '\u{0E32}',
            '\u{0E33}',
            'ก',
            'ด',
            'เ',
            'ิ',
            '๐',
            '๕',
            '๙',
            '0',
            '9',
            'a',
            'A',
            'Z',
            'z',
            '-',
            ',',
            '.',
            'é',
            'É',
            '\u{0800}',
            '\u{0FFF}',
            '\u{1C}',
            '\u{1F}',
            '–',
            '☑',
            '✅',
            '\u{10000}',
            '\u{FFFD}',
        ];
        proptest::collection::vec(proptest::sample::select(alphabet), 0..24)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 20_000, ..Default::default() })]

        #[test]
        fn text_fast_paths_equal_the_references(text in tricky_text()) {
            proptest::prop_assert_eq!(normalize(&text), reference::normalize(&text));
            proptest::prop_assert_eq!(clean_text(&text), reference::clean_text(&text));
            proptest::prop_assert_eq!(arabic_digits(&text), reference::arabic_digits(&text));
        }

        #[test]
        fn text_fast_paths_equal_the_references_for_any_text(text in ".*") {
            proptest::prop_assert_eq!(normalize(&text), reference::normalize(&text));
            proptest::prop_assert_eq!(clean_text(&text), reference::clean_text(&text));
            proptest::prop_assert_eq!(arabic_digits(&text), reference::arabic_digits(&text));
        }

        #[test]
        fn cleaning_ignores_what_trimming_removes(text in tricky_text()) {
            proptest::prop_assert_eq!(clean_text(&text), clean_text(text.trim()));
            proptest::prop_assert_eq!(normalize(&text), normalize(text.trim()));
        }

        #[test]
        fn text_is_borrowed_only_when_unchanged(text in tricky_text()) {
            if let Cow::Borrowed(b) = normalized(&text) {
                proptest::prop_assert_eq!(b, text.as_str());
            }
            if let Cow::Borrowed(b) = cleaned(&text) {
                proptest::prop_assert_eq!(b, text.as_str());
            }
        }
    }

    #[test]
    fn clean_text_collapses_spaces() {
        assert_eq!(
            clean_text("  โครงการ\u{00A0}\n ก  ข\u{200B} "),
            "โครงการ ก ข"
        );
    }
}
