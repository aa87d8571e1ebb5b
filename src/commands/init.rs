//! `planmerge init [FOLDER]`: a round folder's `report.toml`, written for the coordinator to fill
//! in. What can be told is filled in — the fiscal year, the round and the date from today (Thai
//! time), the plan's dimension names, the divisions and the number of projects from the
//! workbooks already in the folder — and what cannot (the organization, the reporter) is left
//! empty, which `merge` refuses until it is filled in. An existing file is never overwritten.

use super::{CommandError, Outcome};
use crate::cli::InitArgs;
use crate::config::{FILE_NAME, default_dimension_names};
use crate::read;
use crate::schema::division_of;
use crate::write::WriteError;
use std::io::Write;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

/// Thailand's offset from UTC (no summer time).
const THAI_OFFSET_SECONDS: u64 = 7 * 3_600;

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
    let mut divisions: Vec<String> = Vec::new();
    for division in files.iter().map(|f| division_of(f)) {
        if !divisions.contains(&division) {
            divisions.push(division);
        }
    }
    let projects = crate::read_and_validate(&files).projects.len();
    let today = thai_today();
    std::fs::write(&path, report_toml(today, &divisions, projects)).map_err(io)?;
    let shown = path.display();
    writeln!(
        stdout,
        "เขียน {shown} แล้ว — กรอกชื่อ อปท. ที่ตั้ง และผู้รายงาน แล้วตรวจปีงบประมาณ รอบ และจำนวนโครงการตั้งต้น · \
         wrote {shown}: fill in the organization, location and reporter; check fiscal_year, round and initial_projects"
    )?;
    Ok(Outcome::Clean)
}

/// Today's date in Thailand: (year C.E., month, day).
fn thai_today() -> (i32, u32, u32) {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let iso = crate::schema::time::utc_time(seconds + THAI_OFFSET_SECONDS);
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

/// A TOML string (quoted and escaped).
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The text of the file: every key with a comment in Thai and English.
fn report_toml(today: (i32, u32, u32), divisions: &[String], projects: usize) -> String {
    let (fiscal_year, round) = round_of(today);
    let (year, month, day) = today;
    let names: Vec<String> = default_dimension_names(fiscal_year)
        .iter()
        .map(|n| format!("  {},", quoted(n)))
        .collect();
    let divisions: Vec<String> = divisions
        .iter()
        .map(|d| format!("  {},", quoted(d)))
        .collect();
    let found = if projects > 0 {
        format!(
            "โครงการตั้งต้นตามแผนฯ: พบในโฟลเดอร์นี้ {projects} โครงการ แก้ให้ตรงกับแผนฯ ที่อนุมัติ · \
             {projects} found here; set the plan's count"
        )
    } else {
        "โครงการตั้งต้นตามแผนฯ (ยังไม่มีไฟล์ของกองในโฟลเดอร์) · projects in the plan".to_string()
    };
    let keys = [
        (
            "organization = \"\"".to_string(),
            "ชื่อ อปท. เช่น \"องค์การบริหารส่วนตำบล…\" (ต้องกรอก) · the organization (required)",
        ),
        (
            "location = \"\"".to_string(),
            "อำเภอ จังหวัด ใต้ชื่อรายงาน · district and province under the title",
        ),
        (
            format!("fiscal_year = {fiscal_year}"),
            "ปีงบประมาณ (พ.ศ.) · fiscal year, B.E.",
        ),
        (
            format!("round = {round}"),
            "รอบ 6 หรือ 12 เดือน · round, 6 or 12 months",
        ),
        (
            format!("as_of = \"{year:04}-{month:02}-{day:02}\""),
            "ข้อมูล ณ วันที่ · data as of",
        ),
        (format!("initial_projects = {projects}"), found.as_str()),
        (
            "reporter_name = \"\"".to_string(),
            "ชื่อ - สกุล ผู้รายงาน · the reporter",
        ),
        (
            "reporter_position = \"\"".to_string(),
            "ตำแหน่ง · the reporter's position",
        ),
    ];
    let keys: Vec<String> = keys
        .iter()
        .map(|(setting, comment)| format!("{setting:<28}# {comment}"))
        .collect();
    format!(
        r#"# report.toml — การตั้งค่ารายงาน · report configuration (planmerge)
# เขียนโดย planmerge init · written by planmerge init
# กรอกค่าที่ว่าง ("") และตรวจค่าที่ planmerge เดาไว้ · fill in the empty values, check the guessed ones

{keys}

# ชื่อมิติ 1–4 ตามแผนฯ ของปีงบประมาณนี้ · the names of dimensions 1–4 in this year's plan
dimension_names = [
{names}
]

# กองที่ส่งไฟล์ (หน้าเว็บ planmerge serve ให้เลือกจากรายชื่อนี้) · the divisions that send files
divisions = [
{divisions}
]

# รอบก่อน: โฟลเดอร์ของกอง หรือไฟล์สรุปที่ planmerge เขียน (เทียบจากที่ตั้งไฟล์นี้)
# · the earlier round: its folder or its summary, relative to this file
# previous = "../รอบ 6 เดือน"

# ปัญหา อุปสรรค และข้อเสนอแนะ · problems and suggestions
# suggestions = "ไม่มีข้อเสนอแนะ"
"#,
        keys = keys.join("\n"),
        names = names.join("\n"),
        divisions = divisions.join("\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ReportConfig;

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
        let divisions = ["กองคลัง".to_string(), "กอง \"ช่าง\"".to_string()];
        let text = report_toml((2026, 11, 29), &divisions, 81);
        let refused = ReportConfig::from_toml(&text, "report.toml").expect_err("empty name");
        assert!(
            refused.to_string().contains("organization is empty"),
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
    }
}
