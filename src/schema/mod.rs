//! The vocabulary every stage shares, so that each decision is made in one place: the fields of
//! a project table and their header words ([`fields`]), the status words ([`status`]), Thai text normalisation ([`text`]), how
//! money is shown ([`money`]), why a file was refused, in Thai ([`io`]), the names of the
//! summary's sheets, and how a file names its division. Nothing here reads or writes a file; every stage (read, validate, compute, write,
//! template) may use it, and it uses only [`crate::model`].

pub mod fields;
pub mod io;
pub mod money;
pub mod status;
pub mod text;
pub mod time;

pub use fields::{
    Field, HeaderWords, header_field, header_field_with, names_other_quantity, names_the_amount,
    other_quantity_field, year_in, year_label, years_in,
};
pub use money::{baht, two_dp};
pub use status::{status_note, status_word, statuses_named};

use std::path::Path;

/// สรุปผล — the chapter-3 tables.
pub const SHEET_SUMMARY: &str = "สรุปผล";
/// รายการโครงการ — the merged project list.
pub const SHEET_PROJECTS: &str = "รายการโครงการ";
/// สรุปผลการขับเคลื่อนแผนฯ — the summary sentences.
pub const SHEET_DRIVE: &str = "สรุปผลการขับเคลื่อนแผนฯ";
/// รายกอง — one row per division.
pub const SHEET_DIVISIONS: &str = "รายกอง";
/// แผนภูมิ — native charts.
pub const SHEET_CHARTS: &str = "แผนภูมิ";
/// ตรวจสอบข้อมูล — inputs and issues (audit trail).
pub const SHEET_AUDIT: &str = "ตรวจสอบข้อมูล";
/// เทียบรอบก่อน — this round beside the previous one (only with `--previous`), after the list.
pub const SHEET_COMPARE: &str = "เทียบรอบก่อน";

/// Every sheet of the summary workbook, in workbook order.
pub const SHEET_NAMES: [&str; 6] = [
    SHEET_SUMMARY,
    SHEET_PROJECTS,
    SHEET_DRIVE,
    SHEET_DIVISIONS,
    SHEET_CHARTS,
    SHEET_AUDIT,
];

/// Sheets that, all present, mark a workbook written by planmerge itself (never read back as a
/// division's input).
pub const SUMMARY_MARKER_SHEETS: [&str; 2] = [SHEET_SUMMARY, SHEET_AUDIT];

/// โครงการ — the data sheet of planmerge's own form (แบบฟอร์ม, written by `planmerge template`).
pub const FORM_DATA_SHEET: &str = "โครงการ";
/// คำชี้แจง — the instructions sheet of planmerge's own form.
pub const FORM_INSTRUCTIONS_SHEET: &str = "คำชี้แจง";
/// The title in A1 of the form's data sheet (a locked cell).
pub const FORM_TITLE: &str = "แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต";
/// The title in A1 of the form's instructions sheet (a locked cell).
pub const FORM_INSTRUCTIONS_TITLE: &str =
    "คำชี้แจงการกรอกแบบรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต";
/// The custom document property planmerge writes into its forms (their value: planmerge's
/// version): a form is recognised by it, or, written before it was, by its two titles.
pub const FORM_PROPERTY: &str = "planmerge-form";
/// The custom document property planmerge writes into its summaries (their value: planmerge's
/// version): a summary is recognised by it, even with sheets deleted (a copy for the executive
/// keeping only รายการโครงการ), or, written before it was, by [`SUMMARY_MARKER_SHEETS`].
pub const SUMMARY_PROPERTY: &str = "planmerge-summary";

/// The word that opens the division line of the form's title block (A3): `หน่วยงาน กองคลัง`.
pub const FORM_DIVISION_WORD: &str = "หน่วยงาน";
/// What the generic form's division line says before its dots: `หน่วยงาน (กอง/สำนัก) ……`.
pub const FORM_DIVISION_BLANK: &str = "(กอง/สำนัก)";

/// The division a form's division line names (`หน่วยงาน กองคลัง` → `กองคลัง`; the generic
/// form's line typed into, `หน่วยงาน (กอง/สำนัก) กองคลัง……` → `กองคลัง`): the line without its
/// word, the generic form's hint and its dots.
pub fn form_division_named(line: &str) -> &str {
    let rest = line.trim();
    let rest = rest
        .strip_prefix(FORM_DIVISION_WORD)
        .unwrap_or(rest)
        .trim_start();
    let rest = rest.strip_prefix(FORM_DIVISION_BLANK).unwrap_or(rest);
    rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '…' | '.' | ':'))
}

/// Prefix of the file name `planmerge template` gives a division's form (`แบบฟอร์ม-กองคลัง.xlsx`).
pub const TEMPLATE_FILE_PREFIX: &str = "แบบฟอร์ม-";

/// The word of [`TEMPLATE_FILE_PREFIX`], which staff join to the division's name as they like
/// (`แบบฟอร์ม กองคลัง`, `แบบฟอร์ม_กองคลัง`).
const TEMPLATE_WORD: &str = "แบบฟอร์ม";

/// What copying puts before a file's name (`Copy of …` in English Windows and Google Drive,
/// `สำเนาของ …` in Thai Google Drive), compared in small letters; `Copy (2) of …` too.
const COPY_PREFIXES: [&str; 3] = ["copy of", "สำเนาของ", "สำเนา ของ"];

/// กอง — the division a file belongs to: its name without extension, and without what comes
/// before the division's name in a form sent back: the template's prefix however it is joined
/// (`แบบฟอร์ม-กองคลัง`, `แบบฟอร์ม กองคลัง`, `แบบฟอร์ม_กองคลัง`) and what copying puts in front
/// (`Copy of แบบฟอร์ม-กองคลัง`, `สำเนาของ กองคลัง`). A name that is nothing else
/// (`แบบฟอร์ม.xlsx`) stays whole.
pub fn division_of(path: &Path) -> String {
    let stem = stem_cleaned(path);
    let (_, division) = without_prefixes(&stem);
    if division.is_empty() {
        stem
    } else {
        division.to_string()
    }
}

/// Whether copying put something before the file's name (`Copy of กองคลัง.xlsx`): the
/// name is a copy's, as one ending `(1)` or ` - Copy` is ([`division_suggested`]).
pub fn copy_prefixed(path: &Path) -> bool {
    let stem = stem_cleaned(path);
    without_prefixes(&stem).0
}

/// File extensions read as spreadsheets.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// A file's name without its extension, cleaned as names are ([`text::clean_text`]). A
/// spreadsheet's extension typed twice (`กองคลัง.xlsx.xlsx`, Windows hiding the first) goes
/// with the last.
fn stem_cleaned(path: &Path) -> String {
    let mut stem = Path::new(path.file_stem().unwrap_or_default());
    while let (Some(ext), Some(shorter)) = (stem.extension(), stem.file_stem()) {
        if !EXTENSIONS.contains(&ext.to_string_lossy().to_ascii_lowercase().as_str()) {
            break;
        }
        stem = Path::new(shorter);
    }
    text::clean_text(&name_text(stem.as_os_str()))
}

/// A file name as text. A name that is no UTF-8 is Thai in Windows' code page 874, as a zip made
/// on a Thai Windows computer and unpacked on Linux or macOS leaves it (`\xA1\xCD\xA7…` is
/// กอง…): decoded so, not shown as `�ͧ`.
fn name_text(name: &std::ffi::OsStr) -> String {
    if let Some(text) = name.to_str() {
        return text.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let (text, _, had_errors) = encoding_rs::WINDOWS_874.decode(name.as_bytes());
        if !had_errors {
            return text.into_owned();
        }
    }
    name.to_string_lossy().into_owned()
}

/// `name` without the prefixes [`division_of`] leaves off, and whether a copy's was among them.
fn without_prefixes(name: &str) -> (bool, &str) {
    let separator = |c: char| c.is_whitespace() || matches!(c, '_' | '-' | '–' | '—' | '.' | ':');
    let mut rest = name.trim();
    let mut copied = false;
    loop {
        let before = rest;
        if let Some(after) = after_copy_prefix(rest) {
            copied = true;
            rest = after.trim_start_matches(separator);
        }
        if let Some(after) = rest.strip_prefix(TEMPLATE_WORD) {
            let joined = after.trim_start_matches(separator);
            // Only the word standing apart: `แบบฟอร์มรายงาน` is a name of its own.
            if joined.len() < after.len() {
                rest = joined;
            }
        }
        if rest == before {
            return (copied, rest.trim());
        }
    }
}

/// What follows a copy's prefix at the start of `name` (`Copy of `, `Copy (2) of `,
/// `สำเนาของ `), if it has one.
fn after_copy_prefix(name: &str) -> Option<&str> {
    let lower = name.to_lowercase();
    // `Copy (2) of X`: the number is left out before comparing.
    let numbered = lower
        .strip_prefix("copy (")
        .and_then(|r| r.split_once(") of"))
        .filter(|(n, _)| is_number(n))
        .map(|(n, _)| "copy (".len() + n.len() + ") of".len());
    let length = numbered.or_else(|| {
        COPY_PREFIXES
            .iter()
            .find(|p| lower.starts_with(*p))
            .map(|p| p.len())
    })?;
    // Lower-casing keeps these prefixes' byte lengths (ASCII and Thai have no case to change).
    let after = name.get(length..)?;
    let standing_apart = after.starts_with(|c: char| c.is_whitespace() || c == '_');
    standing_apart.then_some(after)
}

/// The division a file belongs to, named as `report.toml` lists it (`divisions`) when the
/// file's name holds one of those names (`กองคลัง (1).xlsx`, `สำนักปลัด_แก้ไข.xlsx`, as
/// browsers and "edited" copies name files), compared as names are ([`text::name_folded`]:
/// `โรงเรียนเทศบาล ๑` is `โรงเรียนเทศบาล 1`); the longest such name wins when it holds the
/// others (`กองการศึกษา ศาสนาและวัฒนธรรม` over `กองการศึกษา`). A name holding two listed names
/// neither of which holds the other (`กองคลัง_ส่งกองช่าง`) is no listed division's: which it is
/// cannot be told, and both are then missing, said as `division-missing`. Otherwise
/// [`division_of`].
pub fn division_listed(path: &Path, listed: &[String]) -> String {
    let own = division_of(path);
    match listed_in(&own, listed) {
        Listed::One(name) => name,
        Listed::Several | Listed::None => own,
    }
}

/// [`division_listed`] of a file found in the folder `root` (an input folder): when the file's
/// name holds no listed name (`template.xlsx`, the generic form's name), the folders it sits
/// in below `root` are tried the same way, the nearest first (`กองคลัง/template.xlsx` is
/// กองคลัง's). A name holding two listed names stays no one's, whatever its folder. With the
/// division, the name of the folder that gave it, when a folder did.
pub fn division_placed(path: &Path, listed: &[String], root: &Path) -> (String, Option<String>) {
    let own = division_of(path);
    match listed_in(&own, listed) {
        Listed::One(name) => (name, None),
        Listed::Several => (own, None),
        Listed::None => folders_below(path, root)
            .into_iter()
            .find_map(|folder| match listed_in(&folder, listed) {
                Listed::One(name) => Some((name, Some(folder))),
                _ => None,
            })
            .unwrap_or((own, None)),
    }
}

/// The names of the folders `path` sits in below `root`, the nearest first; none when it is
/// not below `root`.
fn folders_below(path: &Path, root: &Path) -> Vec<String> {
    let bare = |p: &Path| p.strip_prefix(".").unwrap_or(p).to_path_buf();
    let Ok(relative) = bare(path).strip_prefix(bare(root)).map(Path::to_path_buf) else {
        return Vec::new();
    };
    let mut folders: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .filter_map(|c| match c {
            std::path::Component::Normal(name) => Some(text::clean_text(&name.to_string_lossy())),
            _ => None,
        })
        .collect();
    folders.reverse();
    folders
}

/// The listed division a name means (a file's or a folder's), as names compare.
pub fn listed_division(name: &str, listed: &[String]) -> Option<String> {
    match listed_in(name, listed) {
        Listed::One(division) => Some(division),
        Listed::Several | Listed::None => None,
    }
}

/// Which listed division a name holds ([`listed_in`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listed {
    /// This one (the longest, holding every other it holds; or the one a ฯ abbreviation begins).
    One(String),
    /// Two neither of which holds the other: no one's.
    Several,
    /// None.
    None,
}

/// Which listed name `name` holds ([`division_listed`]'s rule).
pub fn listed_in(name: &str, listed: &[String]) -> Listed {
    let key = text::name_folded(name);
    let found: Vec<(&String, String)> = listed
        .iter()
        .map(|name| (name, text::name_folded(name).into_owned()))
        .filter(|(_, wanted)| !wanted.is_empty() && key.contains(wanted.as_str()))
        .collect();
    let Some((longest, longest_key)) = found.iter().max_by_key(|(name, _)| name.chars().count())
    else {
        return abbreviated(&key, listed).map_or(Listed::None, Listed::One);
    };
    if found.iter().all(|(_, k)| longest_key.contains(k.as_str())) {
        Listed::One(longest.trim().to_string())
    } else {
        Listed::Several
    }
}

/// The one listed name a name shortened with ฯ begins (`กองการศึกษาฯ` for `กองการศึกษา
/// ศาสนาและวัฒนธรรม`, `กองสาธารณสุขฯ`); none when it begins none or several. `key` is the
/// file's name as names compare ([`text::name_folded`]).
fn abbreviated(key: &str, listed: &[String]) -> Option<String> {
    let stem = key
        .split('ฯ')
        .next()
        .filter(|s| key.contains('ฯ') && s.chars().count() >= 3)?;
    let mut begun = listed
        .iter()
        .filter(|name| text::name_folded(name).starts_with(stem));
    match (begun.next(), begun.next()) {
        (Some(one), None) => Some(one.trim().to_string()),
        _ => None,
    }
}

/// The division a file's name suggests where no list names it (`planmerge init`, `template
/// --from` a folder): [`division_of`] without what downloads and edited copies add to a name —
/// `(1)`, `(แก้ไข)`, `_แก้ไข`, ` - สำเนา`, ` - Copy`, `_final`, `_v2`. A number after a space
/// stays (`โรงเรียนเทศบาล 1` is a school of its own).
pub fn division_suggested(path: &Path) -> String {
    let own = division_of(path);
    let mut name = own.as_str();
    loop {
        let t = name.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '_' | '-' | '–'));
        let stripped = match t.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
            Some((before, inner)) if is_copy_mark(inner) || is_number(inner) => before,
            _ => match t.rsplit_once(['_', '-', '–', ' ']) {
                Some((before, word)) if is_copy_mark(word) => before,
                _ => t,
            },
        };
        if stripped == name || stripped.trim().is_empty() {
            break;
        }
        name = stripped;
    }
    let name = name.trim();
    if name.is_empty() {
        own.clone()
    } else {
        name.to_string()
    }
}

/// A word copies and downloads add to a file's name: `แก้ไข`, `ล่าสุด`, `สำเนา`, `copy`, `final`,
/// `v2`.
fn is_copy_mark(word: &str) -> bool {
    let w = word.trim().to_lowercase();
    let version = w.strip_prefix('v').is_some_and(is_number);
    version
        || [
            "แก้ไข",
            "ฉบับแก้ไข",
            "แก้ไขแล้ว",
            "ล่าสุด",
            "สำเนา",
            "copy",
            "final",
            "edit",
            "edited",
        ]
        .contains(&w.as_str())
}

fn is_number(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// Division names once each, in the order first met (two names that normalise alike are one).
pub fn distinct_divisions(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut distinct: Vec<String> = Vec::new();
    for name in names {
        if !distinct
            .iter()
            .any(|known| text::normalize(known) == text::normalize(&name))
        {
            distinct.push(name);
        }
    }
    distinct
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_file_name_in_windows_thai_code_page_is_its_division_not_mojibake() {
        use std::os::unix::ffi::OsStrExt;
        let (bytes, _, _) = encoding_rs::WINDOWS_874.encode("กองคลัง.xlsx");
        let path = std::path::Path::new(std::ffi::OsStr::from_bytes(&bytes));
        assert!(path.to_str().is_none(), "not UTF-8");
        assert_eq!(division_of(path), "กองคลัง");
        assert_eq!(division_of(std::path::Path::new("กองช่าง.xlsx")), "กองช่าง");
    }

    #[test]
    fn a_file_is_a_listed_divisions_by_its_name_as_names_compare() {
        let listed: Vec<String> = [
            "กองคลัง",
            "กองช่าง",
            "โรงเรียนเทศบาล 1",
            "กองการศึกษา",
            "กองการศึกษา ศาสนาและวัฒนธรรม",
        ]
        .map(String::from)
        .to_vec();
        let of = |file: &str| division_listed(Path::new(file), &listed);
        assert_eq!(of("กองคลัง (1).xlsx"), "กองคลัง");
        assert_eq!(of("โรงเรียนเทศบาล ๑.xlsx"), "โรงเรียนเทศบาล 1");
        assert_eq!(
            of("กองการศึกษา ศาสนาและวัฒนธรรม_แก้ไข.xlsx"),
            "กองการศึกษา ศาสนาและวัฒนธรรม"
        );
        assert_eq!(
            of("กองคลัง_ส่งกองช่าง.xlsx"),
            "กองคลัง_ส่งกองช่าง",
            "two names: neither"
        );
        assert_eq!(of("กองสาธารณสุข.xlsx"), "กองสาธารณสุข");
        assert_eq!(
            of("กองการศึกษาฯ.xlsx"),
            "กองการศึกษา",
            "the name it holds first"
        );
        let listed = [
            "กองการศึกษา ศาสนาและวัฒนธรรม",
            "กองสาธารณสุขและสิ่งแวดล้อม",
            "กองสาธารณสุขชุมชน",
        ]
        .map(String::from)
        .to_vec();
        let of = |file: &str| division_listed(Path::new(file), &listed);
        assert_eq!(of("กองการศึกษาฯ.xlsx"), "กองการศึกษา ศาสนาและวัฒนธรรม");
        assert_eq!(of("กองการศึกษาฯ (1).xlsx"), "กองการศึกษา ศาสนาและวัฒนธรรม");
        assert_eq!(
            of("กองสาธารณสุขฯ.xlsx"),
            "กองสาธารณสุขฯ",
            "two names begin so: neither"
        );
    }

    #[test]
    fn a_division_is_the_name_without_the_forms_prefix_however_joined() {
        let of = |name: &str| division_of(Path::new(name));
        for (file, division) in [
            ("แบบฟอร์ม-กองคลัง.xlsx", "กองคลัง"),
            ("แบบฟอร์ม กองคลัง.xlsx", "กองคลัง"),
            ("แบบฟอร์ม_กองคลัง.xlsx", "กองคลัง"),
            ("แบบฟอร์ม - กองคลัง.xlsx", "กองคลัง"),
            ("แบบฟอร์ม\u{a0}กองคลัง.xlsx", "กองคลัง"),
            ("Copy of แบบฟอร์ม-กองคลัง.xlsx", "กองคลัง"),
            ("copy of กองคลัง.xlsx", "กองคลัง"),
            ("Copy (2) of แบบฟอร์ม_กองคลัง.xlsx", "กองคลัง"),
            ("สำเนาของ แบบฟอร์ม-กองคลัง.xlsx", "กองคลัง"),
            ("แบบฟอร์ม.xlsx", "แบบฟอร์ม"),
            ("แบบฟอร์มรายงาน.xlsx", "แบบฟอร์มรายงาน"),
            ("Copyright.xlsx", "Copyright"),
            ("กองคลัง.xlsx", "กองคลัง"),
        ] {
            assert_eq!(of(file), division, "{file}");
        }
        assert!(copy_prefixed(Path::new("Copy of กองคลัง.xlsx")));
        assert!(!copy_prefixed(Path::new("แบบฟอร์ม-กองคลัง.xlsx")));
    }

    #[test]
    fn a_forms_division_line_names_the_division_after_its_word() {
        assert_eq!(form_division_named("หน่วยงาน กองคลัง"), "กองคลัง");
        assert_eq!(
            form_division_named("หน่วยงาน (กอง/สำนัก) กองช่าง……………"),
            "กองช่าง"
        );
        assert_eq!(form_division_named("หน่วยงาน (กอง/สำนัก) ……………………………………"), "");
    }

    #[test]
    fn a_suggested_division_drops_what_copies_add_to_a_name() {
        let suggested = |name: &str| division_suggested(Path::new(name));
        for (file, division) in [
            ("สำนักปลัด_แก้ไข.xlsx", "สำนักปลัด"),
            ("กองคลัง (1).xlsx", "กองคลัง"),
            ("กองคลัง (แก้ไข) (2).xlsx", "กองคลัง"),
            ("กองช่าง - Copy.xlsx", "กองช่าง"),
            ("กองช่าง - สำเนา.xlsx", "กองช่าง"),
            ("แบบฟอร์ม-กองคลัง_v2.xlsx", "กองคลัง"),
            (
                "กองการศึกษา ศาสนาและวัฒนธรรม.xlsx",
                "กองการศึกษา ศาสนาและวัฒนธรรม",
            ),
            ("โรงเรียนเทศบาล 1.xlsx", "โรงเรียนเทศบาล 1"),
            ("แก้ไข.xlsx", "แก้ไข"),
            ("Copy of แบบฟอร์ม-กองคลัง (1).xlsx", "กองคลัง"),
            ("กองสาธารณสุขและสิ่งแวดล้อม.xlsx.xlsx", "กองสาธารณสุขและสิ่งแวดล้อม"),
            ("กองคลัง.XLS.xlsx", "กองคลัง"),
        ] {
            assert_eq!(suggested(file), division, "{file}");
        }
    }
}
