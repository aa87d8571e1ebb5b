//! Thai text as staff type it, made comparable: whitespace of every kind (newlines, NBSP) and
//! zero-width characters, the vowel ำ typed as two characters (ํ + า), Thai digits ๐-๙, ASCII case.
//! Used by every stage that compares or shows text (headers, status words, project names,
//! division names). Fast paths borrow the text when nothing changes; each is checked by a
//! property test against the plain reference version kept in the tests.

use std::borrow::Cow;

/// Characters that carry no meaning in a header or a status word (the variation selectors
/// U+FE0E/U+FE0F too: a ✔️ pasted from a phone is ✔ and one of them).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'
                | '\u{200C}'
                | '\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{FE0E}'
                | '\u{FE0F}'
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

/// [`arabic_digits`], borrowing the text when it holds no Thai digit (no allocation). Full-width
/// digits (`１`, typed with a Thai or Asian input method's full-width mode) are read too.
pub fn thai_digits_to_arabic(text: &str) -> Cow<'_, str> {
    // ๐-๙ are U+0E50..U+0E59: E0 B9 90..99 in UTF-8; ０-９ are U+FF10..U+FF19: EF BC 90..99.
    let has_other_digit = text.as_bytes().windows(3).any(|w| {
        (w[0] == THAI_LEAD && w[1] == 0xB9 || w[0] == 0xEF && w[1] == 0xBC)
            && (0x90..=0x99).contains(&w[2])
    });
    if !has_other_digit {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (c as u32 - 0x0E50) as u8),
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            other => other,
        })
        .collect()
}

/// A project's name as duplicates are told: [`normalized`], then Thai and full-width digits as
/// 0-9 (`รุ่นที่ ๑` = `รุ่นที่ 1`), full-width brackets as `(` `)`, and the marks over and under a
/// letter in the order Thai is written (vowel, tone, then ํ: `น ํ ้ า` typed out of order =
/// `น้ำ`, `ท ่ ี` = `ที่`). Borrows the text when nothing changes.
pub fn name_folded(text: &str) -> Cow<'_, str> {
    let normal = normalized(text);
    if !needs_folding(normal.as_bytes()) {
        return normal;
    }
    let digits = thai_digits_to_arabic(&normal);
    let brackets = digits.replace('\u{FF08}', "(").replace('\u{FF09}', ")");
    Cow::Owned(marks_in_order(&brackets))
}

/// A name without the number typed before it as in a numbered list (`1. `, `๑) `, `12.`
/// followed by a space): what a project is matched by between rounds when its name as typed
/// matches none (one round numbered the names, the other not). None when it has no such number.
pub fn without_list_number(name: &str) -> Option<&str> {
    let text = name.trim_start();
    let digits = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ('\u{0E50}'..='\u{0E59}').contains(c)))?;
    let (at, mark) = digits;
    if at == 0 || !matches!(mark, '.' | ')') {
        return None;
    }
    let rest = &text[at + mark.len_utf8()..];
    let bare = rest.trim_start();
    (bare.len() < rest.len() && !bare.is_empty()).then_some(bare)
}

/// Whether [`name_folded`] has anything to change: a Thai or full-width digit, or a mark
/// followed by one written before it. One pass over the bytes (a name is read on every row):
/// Thai characters are `E0 B8 xx` (U+0E00..U+0E3F) and `E0 B9 xx` (U+0E40..U+0E7F).
fn needs_folding(bytes: &[u8]) -> bool {
    // Full-width digits and brackets: U+FF10..U+FF19, U+FF08 and U+FF09.
    let full_width_digit = || {
        bytes
            .windows(3)
            .any(|w| w[0] == 0xEF && w[1] == 0xBC && matches!(w[2], 0x88 | 0x89 | 0x90..=0x99))
    };
    if memchr::memchr(0xEF, bytes).is_some() && full_width_digit() {
        return true;
    }
    let rank = |second: u8, third: u8| {
        let code = 0x0E00 + (u32::from(second & 1) << 6) + u32::from(third & 0x3F);
        mark_rank(char::from_u32(code)?)
    };
    // The second byte of U+0E40..U+0E7F (เ … ๙): a Thai digit, or a tone mark, ์ or ํ that may
    // stand before a mark written before it.
    memchr::memchr_iter(0xB9, bytes).any(|i| {
        if i == 0 || bytes[i - 1] != THAI_LEAD {
            return false;
        }
        match bytes.get(i + 1) {
            Some(0x90..=0x99) => true,
            Some(&c @ 0x88..=0x8E) => {
                let next = match bytes.get(i + 2..i + 5) {
                    Some([THAI_LEAD, 0xB8, 0xB3]) => Some(3), // ำ holds ํ
                    Some([THAI_LEAD, b, t]) => rank(*b, *t),
                    _ => None,
                };
                next.is_some_and(|n| rank(0xB9, c).is_some_and(|r| n < r))
            }
            _ => false,
        }
    })
}

/// Where a Thai mark above or under a letter is written among others on the same letter:
/// a vowel (over or under: a letter has one), tone marks, ์, then ํ (of ำ); `None` for any
/// other character.
fn mark_rank(c: char) -> Option<u8> {
    match c {
        '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}' => Some(0),
        '\u{0E48}'..='\u{0E4B}' => Some(1),
        '\u{0E4C}' | '\u{0E4E}' => Some(2),
        '\u{0E4D}' => Some(3),
        _ => None,
    }
}

/// [`name_folded`]'s mark ordering: ำ is taken apart to ํ า, each run of marks on one letter
/// put in [`mark_rank`] order, and ํ า joined again.
fn marks_in_order(text: &str) -> String {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c == 'ำ' {
            chars.extend(['\u{0E4D}', 'า']);
        } else {
            chars.push(c);
        }
    }
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| mark_rank(**c).is_some())
            .count();
        chars[i..i + run].sort_by_key(|c| mark_rank(*c));
        i += run.max(1);
    }
    let mut out = String::with_capacity(text.len());
    for c in chars {
        if c == 'า' && out.ends_with('\u{0E4D}') {
            out.pop();
            out.push('ำ');
        } else {
            out.push(c);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_number_before_a_name_is_taken_off_and_nothing_else() {
        let numbered = [
            ("1. โครงการ ก", "โครงการ ก"),
            ("  12.  โครงการ ก", "โครงการ ก"),
            ("๑) โครงการ ก", "โครงการ ก"),
        ];
        for (name, bare) in numbered {
            assert_eq!(without_list_number(name), Some(bare), "{name}");
        }
        for name in [
            "โครงการ ก",
            "2.3 มาตรการ",
            "5 ส. ในสำนักงาน",
            "1.",
            "1.โครงการ",
            "2566 ปี",
        ] {
            assert_eq!(without_list_number(name), None, "{name}");
        }
    }

    #[test]
    fn names_fold_digits_and_thai_marks_typed_out_of_order() {
        let same = [
            ("โครงการอบรมคุณธรรม รุ่นที่ 1", "โครงการอบรมคุณธรรม รุ่นที่ ๑"),
            ("โครงการอบรมคุณธรรม รุ่นที่ 1", "โครงการอบรมคุณธรรม รุ่นที่ １"),
            ("โครงการรักษ์น้ำ", "โครงการรักษ์น\u{0E4D}\u{0E49}\u{0E32}"),
            ("โครงการรักษ์น้ำ", "โครงการรักษ์น\u{0E49}\u{0E4D}\u{0E32}"),
            ("โครงการที่ดี", "โครงการท\u{0E48}\u{0E35}ดี"),
            ("ปู่ย่า", "ป\u{0E48}\u{0E39}ย\u{0E48}\u{0E32}"),
            ("โครงการ (อบจ.พะเยา)", "โครงการ \u{FF08}อบจ.พะเยา\u{FF09}"),
        ];
        for (a, b) in same {
            assert_eq!(name_folded(a), name_folded(b), "{a} / {b}");
        }
        assert_ne!(name_folded("รุ่นที่ 1"), name_folded("รุ่นที่ 2"));
        assert_ne!(name_folded("ปู่"), name_folded("ปุ่"));
        assert!(matches!(name_folded("โครงการที่ดี"), Cow::Borrowed(_)));
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
                    '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
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
            '\u{FE0F}',
            '\u{0E4D}',
            '\u{0E4D}',
            '\u{0E32}',
            '\u{0E32}',
            '\u{0E33}',
            'ก',
            'ด',
            'เ',
            'ิ',
            '\u{0E48}',
            '\u{0E49}',
            '\u{0E35}',
            '\u{0E38}',
            '\u{0E4C}',
            '\u{0E31}',
            '\u{0E47}',
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
            '０',
            '９',
            '\u{FF1A}',
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
            // The fast check never misses a name the full folding would change.
            let full = marks_in_order(&reference::arabic_digits(&reference::normalize(&text)));
            proptest::prop_assert_eq!(name_folded(&text).into_owned(), full);
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
