//! `planmerge init [FOLDER]`: a round folder's `report.toml`, written for the coordinator to fill
//! in. What can be told is filled in — the fiscal year, the round and the date from today (Thai
//! time) or `--as-of`, the plan's dimension names, the divisions and the number of projects from the
//! workbooks already in the folder. A round folder beside it with a `report.toml` gives the
//! organization and the reporter; the 6-month round of the same year, beside a 12-month one,
//! is also its `previous`, with the plan's project count and dimension names. What cannot be
//! told is left empty, and `merge` refuses an empty organization. An existing file is never
//! overwritten.

use super::{CommandError, Outcome};
use crate::cli::InitArgs;
use crate::config::{FILE_NAME, ReportConfig, default_dimension_names};
use crate::read;
use crate::write::WriteError;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Runs `planmerge init`.
pub(super) fn run(args: &InitArgs, stdout: &mut dyn Write) -> Result<Outcome, CommandError> {
    let folder = args.folder.clone().unwrap_or_else(|| PathBuf::from("."));
    let path = folder.join(FILE_NAME);
    if path.exists() {
        return Err(CommandError::ConfigExists(path.display().to_string()));
    }
    let io = |source| WriteError::Io {
        path: path.display().to_string(),
        source,
    };
    std::fs::create_dir_all(&folder).map_err(io)?;
    let files = read::collect_files(std::slice::from_ref(&folder))?;
    let divisions = super::suggested_divisions(&super::division_files(&files));
    let projects = crate::read_and_validate(&files).projects.len();
    let today = match args.as_of {
        Some(date) => (date.year, date.month, date.day),
        None => thai_today(),
    };
    let mut draft = Draft::new(today, divisions, projects);
    if let Some((name, earlier)) = earlier_round_beside(&folder, draft.fiscal_year) {
        draft.follow(&name, &earlier);
        let beside = folder.join("..").join(&name).join(FILE_NAME);
        if let Ok(text) = std::fs::read_to_string(beside) {
            draft.keep_tables(&text);
        }
        if draft.divisions.is_empty() && draft.previous.is_some() {
            // The 6-month round lists no divisions: those that sent files to it are expected.
            let sent = std::fs::canonicalize(&folder)
                .ok()
                .and_then(|here| here.parent().map(|parent| parent.join(&name)))
                .and_then(|earlier| read::collect_files(&[earlier]).ok())
                .unwrap_or_default();
            draft.divisions = super::suggested_divisions(&super::division_files(&sent));
        }
    }
    std::fs::write(&path, draft.text()).map_err(io)?;
    let shown = path.display();
    let to_fill = if draft.organization.is_empty() {
        "กรอกชื่อ อปท. ที่ตั้ง และผู้รายงาน แล้วตรวจปีงบประมาณ รอบ และจำนวนโครงการตั้งต้น · \
         fill in the organization, location and reporter; check fiscal_year, round and initial_projects"
    } else {
        "ตรวจค่าทุกบรรทัด · check every value"
    };
    writeln!(stdout, "เขียน {shown} แล้ว — {to_fill}")?;
    if let Some(previous) = &draft.previous {
        writeln!(
            stdout,
            "เทียบกับรอบก่อน {previous} · compared with the earlier round {previous}"
        )?;
    }
    Ok(Outcome::Clean)
}

/// Today's date in Thailand: (year C.E., month, day).
fn thai_today() -> (i32, u32, u32) {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let iso = crate::schema::time::thai_time(seconds);
    let part = |range: std::ops::Range<usize>| iso.get(range).and_then(|s| s.parse().ok());
    match (part(0..4), part(5..7), part(8..10)) {
        (Some(year), Some(month), Some(day)) => (year, month as u32, day as u32),
        _ => (1970, 1, 1),
    }
}

/// The round a coordinator starting on `today` is about to report: from October, the 12-month
/// round of the fiscal year that has just ended; otherwise the 6-month round of the current one
/// (a fiscal year runs October to September and is named by the year it ends in, B.E.).
fn round_of(today: (i32, u32, u32)) -> (u16, u8) {
    let (year, month, _) = today;
    let fiscal_year = u16::try_from(year + 543).unwrap_or(u16::MAX);
    let round = if month >= 10 { 12 } else { 6 };
    (fiscal_year, round)
}

/// The newest round configured in a folder beside `folder` (its name and configuration),
/// preferring the 6-month round of `fiscal_year`. Folders whose `report.toml` does not load
/// are passed over.
fn earlier_round_beside(folder: &Path, fiscal_year: u16) -> Option<(String, ReportConfig)> {
    let here = std::fs::canonicalize(folder).ok()?;
    let parent = here.parent()?;
    let mut rounds: Vec<(String, ReportConfig)> = std::fs::read_dir(parent)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|dir| *dir != here && dir.join(FILE_NAME).is_file())
        .filter_map(|dir| {
            let config = ReportConfig::load(&dir.join(FILE_NAME)).ok()?;
            let name = dir.file_name()?.to_string_lossy().into_owned();
            Some((name, config))
        })
        .collect();
    rounds.sort_by_key(|(name, c)| {
        let same_year_first_half = c.fiscal_year == fiscal_year && c.round == 6;
        (same_year_first_half, c.fiscal_year, c.round, name.clone())
    });
    rounds.pop()
}

/// What `report.toml` will say.
struct Draft {
    organization: String,
    location: String,
    fiscal_year: u16,
    round: u8,
    as_of: (i32, u32, u32),
    initial_projects: usize,
    /// Where `initial_projects` comes from, said in its comment.
    initial_from: String,
    reporter_name: String,
    reporter_position: String,
    dimension_names: [String; 4],
    divisions: Vec<String>,
    /// `previous`, relative to the file: `../รอบ 6 เดือน`.
    previous: Option<String>,
    /// The folder the organization and the reporter were taken from.
    copied_from: Option<String>,
    /// The earlier round's sections (`[mail]`, `[headers]`, `[serve]`, `[[levels]]`), as written.
    tables: String,
}

impl Draft {
    /// From today and the folder's workbooks alone.
    fn new(today: (i32, u32, u32), divisions: Vec<String>, projects: usize) -> Draft {
        let (fiscal_year, round) = round_of(today);
        let initial_from = if projects > 0 {
            format!(
                "พบในโฟลเดอร์นี้ {projects} โครงการ แก้ให้ตรงกับแผนฯ ที่อนุมัติ · {projects} found here; set the plan's count"
            )
        } else {
            "ยังไม่มีไฟล์ของกองในโฟลเดอร์ · no division workbook here yet".to_string()
        };
        Draft {
            organization: String::new(),
            location: String::new(),
            fiscal_year,
            round,
            as_of: today,
            initial_projects: projects,
            initial_from,
            reporter_name: String::new(),
            reporter_position: String::new(),
            dimension_names: default_dimension_names(fiscal_year),
            divisions,
            previous: None,
            copied_from: None,
            tables: String::new(),
        }
    }

    /// Keeps the sections of the earlier round's `text` as written, comments and all: how the
    /// report is mailed, the office's own header words and the drop box's limits hold from round
    /// to round. In TOML every section follows the plain keys, so they run from the first line
    /// that opens one to the end.
    fn keep_tables(&mut self, text: &str) {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if line.trim_start().starts_with('[') {
                self.tables = text[offset..].trim_end().to_string();
                return;
            }
            offset += line.len();
        }
    }

    /// Takes over what an earlier round in folder `name` beside this one says: who reports, and
    /// — when it is this fiscal year's 6-month round and this is the 12-month one — the plan's
    /// project count and dimension names, the divisions, and itself as `previous`.
    fn follow(&mut self, name: &str, earlier: &ReportConfig) {
        self.organization = earlier.organization.clone();
        self.location = earlier.location.clone();
        self.reporter_name = earlier.reporter_name.clone();
        self.reporter_position = earlier.reporter_position.clone();
        self.copied_from = Some(format!("../{name}/{FILE_NAME}"));
        if earlier.fiscal_year == self.fiscal_year && earlier.round == 6 && self.round == 12 {
            self.previous = Some(format!("../{name}"));
            self.initial_projects = earlier.initial_projects as usize;
            self.initial_from = format!("จากรอบ 6 เดือน · from the 6-month round, ../{name}");
            self.dimension_names = earlier.dimension_names.clone();
            if self.divisions.is_empty() {
                self.divisions = earlier.divisions.clone();
            }
        }
    }

    /// The text of the file: every key with a comment in Thai and English.
    fn text(&self) -> String {
        let (year, month, day) = self.as_of;
        let required =
            "ชื่อ อปท. เช่น \"องค์การบริหารส่วนตำบล…\" (ต้องกรอก) · the organization (required)";
        let initial = format!("โครงการตั้งต้นตามแผนฯ: {}", self.initial_from);
        let keys = [
            (
                format!("organization = {}", quoted(&self.organization)),
                required,
            ),
            (
                format!("location = {}", quoted(&self.location)),
                "อำเภอ จังหวัด ใต้ชื่อรายงาน · district and province under the title",
            ),
            (
                format!("fiscal_year = {}", self.fiscal_year),
                "ปีงบประมาณ (พ.ศ.) · fiscal year, B.E.",
            ),
            (
                format!("round = {}", self.round),
                "รอบ 6 หรือ 12 เดือน · round, 6 or 12 months",
            ),
            (
                format!("as_of = \"{year:04}-{month:02}-{day:02}\""),
                "ข้อมูล ณ วันที่ · data as of",
            ),
            (
                format!("initial_projects = {}", self.initial_projects),
                initial.as_str(),
            ),
            (
                format!("reporter_name = {}", quoted(&self.reporter_name)),
                "ชื่อ - สกุล ผู้รายงาน · the reporter",
            ),
            (
                format!("reporter_position = {}", quoted(&self.reporter_position)),
                "ตำแหน่ง · the reporter's position",
            ),
        ];
        let keys: Vec<String> = keys
            .iter()
            .map(|(setting, comment)| format!("{setting:<27} # {comment}"))
            .collect();
        let list = |items: &[String]| -> String {
            items
                .iter()
                .map(|i| format!("  {},\n", quoted(i)))
                .collect()
        };
        let copied = match &self.copied_from {
            Some(file) => format!(
                "\n# ชื่อ อปท. และผู้รายงานจาก {file} · the organization and reporter from {file}"
            ),
            None => String::new(),
        };
        let previous = match &self.previous {
            Some(previous) => format!("previous = {}", quoted(previous)),
            None => "# previous = \"../รอบ 6 เดือน\"".to_string(),
        };
        format!(
            r#"# report.toml — การตั้งค่ารายงาน · report configuration (planmerge)
# เขียนโดย planmerge init · written by planmerge init
# กรอกค่าที่ว่าง ("") และตรวจค่าที่ planmerge เดาไว้ · fill in the empty values, check the guessed ones{copied}

{keys}

# ชื่อมิติ 1–4 ตามแผนฯ ของปีงบประมาณนี้ · the names of dimensions 1–4 in this year's plan
dimension_names = [
{names}]

# กองที่ส่งไฟล์ (หน้าเว็บ planmerge serve ให้เลือกจากรายชื่อนี้) · the divisions that send files
divisions = [
{divisions}]

# รอบก่อน: โฟลเดอร์ของกอง หรือไฟล์สรุปที่ planmerge เขียน (เทียบจากที่ตั้งไฟล์นี้)
# · the earlier round: its folder or its summary, relative to this file
{previous}

# ปัญหา อุปสรรค และข้อเสนอแนะ · problems and suggestions
# suggestions = "ไม่มีข้อเสนอแนะ"
{tables}"#,
            tables = match (&self.tables, &self.copied_from) {
                (t, Some(file)) if !t.is_empty() =>
                    format!("\n# ส่วนต่อไปนี้จาก {file} · the sections below from {file}\n{t}\n"),
                _ => String::new(),
            },
            keys = keys.join("\n"),
            names = list(&self.dimension_names),
            divisions = list(&self.divisions),
        )
    }
}

/// A TOML string (quoted and escaped).
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_round_about_to_be_reported_follows_the_thai_fiscal_year() {
        assert_eq!(
            round_of((2026, 11, 29)),
            (2569, 12),
            "the year ended in September"
        );
        assert_eq!(round_of((2026, 10, 1)), (2569, 12));
        assert_eq!(
            round_of((2026, 4, 21)),
            (2569, 6),
            "the first half to March"
        );
        assert_eq!(round_of((2027, 1, 5)), (2570, 6));
    }

    #[test]
    fn the_file_parses_once_the_organization_is_filled_in() {
        let divisions = vec!["กองคลัง".to_string(), "กอง \"ช่าง\"".to_string()];
        let text = Draft::new((2026, 11, 29), divisions.clone(), 81).text();
        let refused = ReportConfig::from_toml(&text, "report.toml").expect_err("empty name");
        assert!(
            refused.to_string().contains("organization ว่าง"),
            "{refused}"
        );
        let filled = text.replace(
            "organization = \"\"",
            "organization = \"องค์การบริหารส่วนตำบลทดสอบ\"",
        );
        let config = ReportConfig::from_toml(&filled, "report.toml").expect("parses");
        assert_eq!((config.fiscal_year, config.round), (2569, 12));
        assert_eq!(config.as_of.iso(), "2026-11-29");
        assert_eq!(config.initial_projects, 81);
        assert_eq!(config.divisions, divisions, "quotes escaped");
        assert_eq!(config.dimension_names, default_dimension_names(2569));
        assert_eq!(config.previous, None);
    }

    #[test]
    fn the_six_month_round_of_the_year_is_followed_by_the_twelve_month_one() {
        let six = include_str!("../../samples/6-month/report.toml");
        let six = ReportConfig::from_toml(six, "report.toml").expect("samples");
        let mut draft = Draft::new((2022, 10, 14), Vec::new(), 0);
        draft.follow("รอบ 6 เดือน", &six);
        let text = draft.text();
        let config = ReportConfig::from_toml(&text, "รอบ 12 เดือน/report.toml").expect("parses");
        assert_eq!((config.fiscal_year, config.round), (2565, 12));
        assert_eq!(config.organization, six.organization);
        assert_eq!(config.reporter_name, six.reporter_name);
        assert_eq!(config.initial_projects, 90, "the plan's count");
        assert_eq!(config.previous, Some(PathBuf::from("รอบ 6 เดือน")));
        // The earlier round's sections (how it is mailed) hold, as written.
        let mut mailed = Draft::new((2022, 10, 14), Vec::new(), 0);
        mailed.follow("รอบ 6 เดือน", &six);
        let with_mail = "organization = \"x\"\n\n[mail]  # ส่งรายงาน\nsmtp_host = \"smtp.example.go.th\"\nfrom = \"a@example.go.th\"\nto = [\"b@example.go.th\"]\n";
        mailed.keep_tables(with_mail);
        let text = mailed.text();
        assert!(text.contains("[mail]  # ส่งรายงาน\nsmtp_host"), "{text}");
        let config = ReportConfig::from_toml(&text, "report.toml").expect("parses");
        assert!(config.mail.is_some(), "{text}");
        // Another year's round gives who reports, not the plan's figures.
        let mut later = Draft::new((2023, 4, 20), Vec::new(), 0);
        later.follow("รอบ 6 เดือน", &six);
        let text = later.text();
        assert!(text.contains("initial_projects = 0"), "{text}");
        // The plan's count of a new year is not known: merge asks for it before anything else.
        let refused = ReportConfig::from_toml(&text, "report.toml").expect_err("no count yet");
        assert!(
            refused.to_string().contains("initial_projects เป็น 0"),
            "{refused}"
        );
        let counted = text.replace("initial_projects = 0", "initial_projects = 85");
        let config = ReportConfig::from_toml(&counted, "report.toml").expect("parses");
        assert_eq!(config.organization, six.organization);
        assert_eq!(
            (config.fiscal_year, config.round, config.previous),
            (2566, 6, None)
        );
    }
}
