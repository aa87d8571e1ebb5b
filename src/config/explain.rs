//! What is wrong in a `report.toml`, in words a clerk acts on: the line and the setting, Thai
//! first, then the TOML reader's own words. Also the file's text whatever Windows' Notepad saved
//! it as (UTF-8 with or without a BOM, "Unicode" UTF-16, or Thai ANSI, Windows-874).

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_874};

/// The text of a configuration file, or why it cannot be read as text.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    for (bom, encoding) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, had_errors) = encoding.decode_without_bom_handling(rest);
            return if had_errors {
                Err(NOT_TEXT.into())
            } else {
                Ok(text.into_owned())
            };
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    // Notepad's "ANSI" on a Thai Windows: Windows-874, where every Thai letter is one byte.
    let (text, had_errors) = WINDOWS_874.decode_without_bom_handling(bytes);
    let thai = text.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c));
    if had_errors || !thai {
        return Err(NOT_TEXT.into());
    }
    Ok(text.into_owned())
}

const NOT_TEXT: &str = "ไฟล์นี้ไม่ใช่ข้อความ — เปิดด้วย Notepad แล้วบันทึกเป็น (Save As) เลือก Encoding เป็น UTF-8 · \
     the file is not text: save it as UTF-8";

fn utf8(bytes: &[u8]) -> Result<String, String> {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|_| NOT_TEXT.to_string())
}

/// The TOML reader's complaint about `text`, as `บรรทัด 4 (round): … · line 4 (round): …`.
pub fn toml_error(error: &toml::de::Error, text: &str) -> String {
    let english = unescape(error.message().trim());
    // A key missing from the top of the file is missing from no line: the reader's span is the
    // whole document, whose first line (often `organization`) has nothing wrong with it.
    let whole =
        english.starts_with("missing field ") && error.span().is_none_or(|span| span.start == 0);
    let place = (error.span())
        .filter(|_| !whole)
        .map(|span| Place::of(text, span.start));
    let number = place
        .as_ref()
        .and_then(|p| number_mistake(&english, p.value()?));
    let (thai, english) = match number {
        Some(said) => said,
        None => (thai_for(&english, place.as_ref()), english),
    };
    match place {
        Some(place) => {
            let key = place.key.map(|k| format!(" ({k})")).unwrap_or_default();
            format!(
                "บรรทัด {line}{key}: {thai} · line {line}{key}: {english}",
                line = place.line
            )
        }
        None => format!("{thai} · {english}"),
    }
}

/// Where in the file a complaint points.
struct Place<'a> {
    /// 1-based.
    line: usize,
    /// The text of that line.
    text: &'a str,
    /// The key set on that line (`round` of `round = "12 เดือน"`), if any.
    key: Option<&'a str>,
}

impl<'a> Place<'a> {
    /// The value typed on the line (`๒๕๖๕` of `fiscal_year = ๒๕๖๕ # ปี`), when it sets a key.
    fn value(&self) -> Option<&'a str> {
        self.key?;
        let (_, value) = self.text.split_once('=')?;
        let value = value.split('#').next().unwrap_or(value).trim();
        (!value.is_empty()).then_some(value)
    }

    fn of(text: &'a str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_text = text
            .get(start..)
            .and_then(|rest| rest.lines().next())
            .unwrap_or("");
        let key = line_text
            .split_once('=')
            .map(|(k, _)| k.trim().trim_matches('"'))
            .filter(|k| !k.is_empty() && !k.starts_with('#') && !k.starts_with('['));
        Place {
            line,
            text: line_text,
            key,
        }
    }
}

/// A number typed as a person writes it and TOML does not take, said with the number to write
/// instead, Thai then English: Thai or full-width digits (`๒๕๖๕`, `２５６５`: use `2565`),
/// thousands separators (`2,565`), a count below 0 (`-5`) or beyond what it can be.
fn number_mistake(english: &str, value: &str) -> Option<(String, String)> {
    if let Some(found) = english.strip_prefix("invalid value: integer `") {
        let found = found.split('`').next()?;
        return Some(if found.starts_with('-') {
            (
                format!("ต้องเป็น 0 ขึ้นไป (พบ {found})"),
                format!("must be 0 or more (found {found})"),
            )
        } else {
            (
                format!("ตัวเลขมากเกินไป (พบ {found})"),
                format!("the number is too large (found {found})"),
            )
        });
    }
    let digits = crate::schema::text::thai_digits_to_arabic(value);
    let arabic = digits.replace(',', "");
    let number = arabic.strip_prefix('-').unwrap_or(&arabic);
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) || arabic == value {
        return None;
    }
    Some(if digits != value {
        (
            format!("ต้องเป็นเลขอารบิก: {arabic} (พบ {value})"),
            format!("use Arabic digits: {arabic} (found {value})"),
        )
    } else {
        (
            format!("เขียนตัวเลขโดยไม่มีจุลภาค: {arabic} (พบ {value})"),
            format!("write the number without commas: {arabic} (found {value})"),
        )
    })
}

/// The complaint in Thai, for the complaints a person makes most.
fn thai_for(english: &str, place: Option<&Place<'_>>) -> String {
    let curly = place.is_some_and(|p| p.text.contains(['“', '”', '‘', '’']));
    if curly {
        return "ใช้เครื่องหมายคำพูดตรง \"…\" ไม่ใช่ “…” (มักเกิดจากการคัดลอกจาก Word หรือ LINE)".into();
    }
    if let Some(found) = english.strip_prefix("invalid type: ") {
        let wanted = found.rsplit_once(", expected ").map_or("", |(_, w)| w);
        let shown = found
            .split_once(", expected")
            .map_or(found, |(f, _)| f)
            .trim_start_matches("string ")
            .trim_start_matches("integer ");
        return if wanted.starts_with('u') || wanted.starts_with('i') || wanted.contains("number") {
            format!("ต้องเป็นตัวเลข (อารบิก) ไม่มีเครื่องหมายคำพูด เช่น 2565 หรือ 6 (พบ {shown})")
        } else if wanted.contains("string") {
            format!("ต้องเป็นข้อความในเครื่องหมายคำพูด เช่น \"…\" (พบ {shown})")
        } else if wanted.contains("sequence") {
            format!("ต้องเป็นรายการในวงเล็บเหลี่ยม เช่น [\"…\", \"…\"] (พบ {shown})")
        } else {
            format!("ค่าผิดชนิด (พบ {shown})")
        };
    }
    if english.starts_with("duplicate key") {
        return "ตั้งค่านี้ซ้ำสองครั้ง — ลบบรรทัดที่เกินออก".into();
    }
    if let Some(rest) = english.strip_prefix("unknown field ") {
        let (field, known) = rest.split_once(", expected").unwrap_or((rest, ""));
        let known = known.trim().trim_start_matches("one of ");
        return match nearest_key(field, known) {
            Some(near) => format!("ไม่รู้จักชื่อ {field} — หมายถึง {near} หรือไม่? ชื่อที่ใช้ได้: {known}"),
            None => format!("ไม่รู้จักชื่อ {field} — สะกดผิดหรือไม่ ชื่อที่ใช้ได้: {known}"),
        };
    }
    if let Some(field) = english.strip_prefix("missing field ") {
        return format!("ขาดบรรทัด {field} = … — เพิ่มบรรทัดนี้ (ดูตัวอย่างใน README หรือ planmerge init)");
    }
    if english.contains("unknown variant") {
        return "ค่านี้ไม่อยู่ในตัวเลือกที่ใช้ได้".into();
    }
    "เขียนไม่ถูกรูปแบบ: แต่ละบรรทัดเป็น ชื่อ = ค่า ข้อความอยู่ในเครื่องหมายคำพูด \"…\" ตัวเลขไม่มี".into()
}

/// `"12 เด\u{e37}อน"` (how the reader quotes a value) as the text typed: `"12 เดือน"`.
fn unescape(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let decoded = after.split_once('}').and_then(|(hex, tail)| {
            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
            Some((c, tail))
        });
        match decoded {
            Some((c, tail)) => {
                out.push(c);
                rest = tail;
            }
            None => {
                out.push_str("\\u{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The known key (`` `budget_plan` ``) an unknown one (`` `budget` ``) most likely means: one
/// that begins with it, or one spelt within two letters of it.
fn nearest_key<'k>(field: &str, known: &'k str) -> Option<&'k str> {
    let typed = field.trim_matches('`');
    // serde writes two keys as "`a` or `b`", more as "`a`, `b`, `c`".
    let keys = known
        .split(", ")
        .flat_map(|k| k.split(" or "))
        .map(str::trim);
    let by_start = keys.clone().find(|k| {
        let k = k.trim_matches('`');
        typed.len() >= 3 && k.starts_with(typed)
    });
    by_start.or_else(|| {
        keys.map(|k| (strsim::levenshtein(typed, k.trim_matches('`')), k))
            .filter(|(d, _)| *d <= 2)
            .min_by_key(|(d, _)| *d)
            .map(|(_, k)| k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> String {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Raw {
            organization: String,
            round: u8,
        }
        let error = toml::from_str::<Raw>(text).expect_err("invalid");
        toml_error(&error, text)
    }

    #[test]
    fn a_number_in_quotes_names_its_line_and_key_with_the_thai_as_typed() {
        let text = "organization = \"อบต.ทดสอบ\"\nround = \"12 เดือน\"\n";
        let message = said(text);
        assert!(
            message.starts_with("บรรทัด 2 (round): ต้องเป็นตัวเลข"),
            "{message}"
        );
        assert!(message.contains("\"12 เดือน\""), "{message}");
        assert!(!message.contains("\\u{"), "{message}");
    }

    #[test]
    fn curly_quotes_duplicates_and_unknown_keys_are_said_in_thai() {
        let curly = said("organization = “อบต.ทดสอบ”\nround = 6\n");
        assert!(
            curly.contains("บรรทัด 1") && curly.contains("ไม่ใช่ “…”"),
            "{curly}"
        );
        let twice = said("organization = \"ก\"\nround = 6\nround = 12\n");
        assert!(twice.contains("บรรทัด 3") && twice.contains("ซ้ำ"), "{twice}");
        let unknown = said("organization = \"ก\"\nround = 6\nrond = 6\n");
        assert!(unknown.contains("ไม่รู้จักชื่อ `rond`"), "{unknown}");
        assert!(unknown.contains("หมายถึง `round` หรือไม่?"), "{unknown}");
        assert_eq!(
            nearest_key("`budget`", "`name`, `budget_plan`, `budget_ordinance`"),
            Some("`budget_plan`")
        );
        assert_eq!(nearest_key("`xyz`", "`name`, `round`"), None);
        assert!(unknown.contains("organization"), "{unknown}");
    }

    #[test]
    fn notepad_encodings_are_read() {
        let text = "organization = \"อบต.ทดสอบ\"\n";
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).as_deref(), Ok(text));
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&bom).as_deref(), Ok(text));
        let (ansi, _, _) = WINDOWS_874.encode(text);
        assert_eq!(decode(&ansi).as_deref(), Ok(text));
        assert!(decode(b"\x00\x01\xff\xfe\x80").is_err());
    }
}
