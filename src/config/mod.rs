//! `report.toml`: what the coordinator configures for one report (organization, fiscal year,
//! round, as-of date, initial project count, reporter), with the defaults of domain.md for
//! dimension names and level bands. Parsing only; nothing here reads a workbook.

/// `[mail]`: who receives the summary and through which SMTP server.
pub mod mail;

mod explain;

use crate::schema::HeaderWords;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The configuration file's name, looked for in the input folder when `--config` is not given.
pub const FILE_NAME: &str = "report.toml";

/// The fiscal years (B.E.) a report may be of: a year outside is a year mistyped (`2022` for
/// 2565, `65`), refused by `merge` and never written by `init`.
pub const FISCAL_YEARS: std::ops::RangeInclusive<u16> = 2500..=2700;

/// A problem with the configuration: the program cannot go on (a failure, not a data issue).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// No configuration given and none found.
    #[error(
        "ไม่พบไฟล์ตั้งค่า report.toml (หาใน {searched}) — สร้างด้วย planmerge init <โฟลเดอร์> หรือระบุด้วย --config · \
         no report.toml found in {searched}; create one with planmerge init (see README) or pass --config FILE"
    )]
    Missing {
        /// Where we looked.
        searched: String,
    },
    /// No `report.toml`, but a file a person takes for it: `report.toml.txt` (Notepad's "Save
    /// as" adds `.txt`, and Explorer hides it), `Report.toml`, `report .toml`.
    #[error(
        "ไม่พบไฟล์ตั้งค่า {wanted} แต่พบ {found} — เปลี่ยนชื่อไฟล์เป็น {name}{} · \
         no {wanted}, but {found} is there: rename it to {name}{}",
        if found.to_lowercase().ends_with(".txt") {
            " (Notepad เติม .txt ให้ และ Windows ซ่อนนามสกุลไว้: เปิด มุมมอง › นามสกุลชื่อไฟล์ ใน File Explorer เพื่อให้เห็น)"
        } else { "" },
        if found.to_lowercase().ends_with(".txt") { " (Notepad adds .txt, which Windows hides)" } else { "" }
    )]
    Misnamed {
        /// The file looked for, as named.
        wanted: String,
        /// The file found instead.
        found: String,
        /// The name it should have (`report.toml`).
        name: String,
    },
    /// The file cannot be read.
    #[error("อ่านไฟล์ตั้งค่า {path} ไม่ได้: {} · cannot read {path}: {source}", crate::schema::io::thai_reason(.source))]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML, lacks a key, or holds a value that cannot be right; the
    /// message says which line or setting, Thai first.
    #[error("ไฟล์ตั้งค่า {path} ไม่ถูกต้อง · invalid configuration {path}\n  {message}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// A calendar date; stored in the common era, shown in the Buddhist era (B.E. = C.E. + 543).
/// Dates order as the calendar does (year, month, day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReportDate {
    /// Year, C.E.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
    /// Day, 1-31.
    pub day: u32,
}

impl ReportDate {
    /// Parses `YYYY-MM-DD`; a year above 2400 is taken as B.E.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let year = if year > 2400 { year - 543 } else { year };
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(ReportDate { year, month, day })
    }

    /// `21 เมษายน 2565`.
    pub fn thai(&self) -> String {
        crate::schema::time::thai_date(self.year, self.month, self.day)
    }

    /// `2022-04-21`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The data-as-of date of a report of `fiscal_year` (B.E.) falls from the year's first day,
/// 1 October, to the end of the December after it (a 12-month report may be made late).
fn within_fiscal_year(as_of: ReportDate, fiscal_year: u16) -> Result<(), String> {
    let end_ce = i32::from(fiscal_year) - 543;
    let first = ReportDate {
        year: end_ce - 1,
        month: 10,
        day: 1,
    };
    let last = ReportDate {
        year: end_ce,
        month: 12,
        day: 31,
    };
    if (first..=last).contains(&as_of) {
        return Ok(());
    }
    Err(format!(
        "as_of {} ไม่อยู่ในปีงบประมาณ {fiscal_year} (1 ตุลาคม {} – 30 กันยายน {fiscal_year}) — \
         ตรวจปี พ.ศ. ของวันที่ · as_of {} is outside fiscal year {fiscal_year}",
        as_of.thai(),
        fiscal_year - 1,
        as_of.iso()
    ))
}

/// One band of the implementation level (ระดับการนำแผนไปปฏิบัติ): from `min` percent up.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LevelBand {
    /// Lowest percentage of the band (inclusive).
    pub min: Decimal,
    /// The word printed, e.g. มาก.
    pub name: String,
}

/// The default five bands of 20 points (domain.md).
pub fn default_levels() -> Vec<LevelBand> {
    [
        (80, "มากที่สุด"),
        (60, "มาก"),
        (40, "ปานกลาง"),
        (20, "น้อย"),
        (0, "น้อยที่สุด"),
    ]
    .into_iter()
    .map(|(min, name)| LevelBand {
        min: Decimal::from(min),
        name: name.to_string(),
    })
    .collect()
}

/// The first fiscal year of the newest plan (แผนฯ 2566-2570) planmerge knows the names of.
pub const NEWEST_PLAN: u16 = 2566;

/// The dimension names of the plan a fiscal year falls in: the 2561-2565 plan's (the seed's),
/// and from 2566 on the 2566-2570 plan's, whose dimension 2 reads การบริหารราชการด้วยความโปร่งใส.
pub fn default_dimension_names(fiscal_year: u16) -> [String; 4] {
    let second = if fiscal_year >= NEWEST_PLAN {
        "การบริหารราชการด้วยความโปร่งใส"
    } else {
        "การบริหารราชการเพื่อป้องกันการทุจริต"
    };
    [
        "การสร้างสังคมที่ไม่ทนต่อการทุจริต",
        second,
        "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
        "การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น",
    ]
    .map(String::from)
}

/// `[serve]`: the limits `planmerge serve` keeps, so that one client cannot hold or flood the
/// office's server.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServeLimits {
    /// The largest upload taken, MiB.
    pub upload_limit_mib: usize,
    /// A request (a slow upload included) taking longer is answered 408 and dropped, seconds.
    pub request_timeout_secs: u64,
    /// Requests one address may make per second, on average…
    pub requests_per_second: u32,
    /// …and at once (a burst); beyond, 429.
    pub burst: u32,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            upload_limit_mib: 20,
            request_timeout_secs: 60,
            requests_per_second: 20,
            burst: 200,
        }
    }
}

/// The file as written (all keys as in `report.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    organization: String,
    location: String,
    fiscal_year: u16,
    round: u8,
    as_of: toml::Value,
    initial_projects: u32,
    reporter_name: String,
    reporter_position: String,
    dimension_names: Option<Vec<String>>,
    levels: Option<Vec<LevelBand>>,
    suggestions: Option<String>,
    #[serde(default)]
    headers: HeaderWords,
    previous: Option<String>,
    #[serde(default)]
    divisions: Vec<String>,
    #[serde(default)]
    serve: ServeLimits,
    mail: Option<crate::config::mail::RawMail>,
}

/// What the coordinator configures for one report (รายงาน).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportConfig {
    /// ชื่อ อปท. — e.g. องค์การบริหารส่วนจังหวัดพะเยา.
    pub organization: String,
    /// อำเภอ/จังหวัด line under the title.
    pub location: String,
    /// ปีงบประมาณ, B.E. (2565).
    pub fiscal_year: u16,
    /// รอบ: 6 or 12 months.
    pub round: u8,
    /// ข้อมูล ณ วันที่.
    pub as_of: ReportDate,
    /// โครงการตั้งต้น — projects in the plan as first adopted.
    pub initial_projects: u32,
    /// ชื่อ - สกุล ผู้รายงาน.
    pub reporter_name: String,
    /// ตำแหน่ง ผู้รายงาน.
    pub reporter_position: String,
    /// Names of dimensions 1-4.
    pub dimension_names: [String; 4],
    /// Level bands, highest first.
    pub levels: Vec<LevelBand>,
    /// ปัญหา อุปสรรค และข้อเสนอแนะ.
    pub suggestions: String,
    /// Header words added for this organisation's workbooks (`[headers]`).
    pub headers: HeaderWords,
    /// รอบก่อน — the earlier round to compare with: its summary workbook or its folder of
    /// division workbooks (`previous = "…"`, relative to the configuration file).
    pub previous: Option<PathBuf>,
    /// กอง/สำนัก that send files to `planmerge serve` (a list to pick from; empty: typed).
    pub divisions: Vec<String>,
    /// `[serve]`: the limits of `planmerge serve`.
    pub serve: ServeLimits,
    /// `[mail]` — where `mail` and `merge --mail` send the summary (optional).
    pub mail: Option<crate::config::mail::MailConfig>,
}

impl ReportConfig {
    /// Parses the text of a `report.toml`; `path` is only used in messages.
    pub fn from_toml(text: &str, path: &str) -> Result<Self, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_string(),
            message,
        };
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| invalid(explain::toml_error(&e, text)))?;
        // The plain values are checked together: a fresh file from `init` hears of every
        // empty one at once, not one per run.
        let mut problems: Vec<String> = Vec::new();
        if raw.organization.trim().is_empty() {
            problems.push(
                "organization ว่าง — ใส่ชื่อ อปท. เช่น \"องค์การบริหารส่วนตำบลตัวอย่าง\" · \
                 organization is empty: fill in the organization's name (ชื่อ อปท.)"
                    .into(),
            );
        }
        if !FISCAL_YEARS.contains(&raw.fiscal_year) {
            let hint = if (1957..=2157).contains(&raw.fiscal_year) {
                format!(
                    " (ถ้าเป็น ค.ศ. {} คือ พ.ศ. {})",
                    raw.fiscal_year,
                    raw.fiscal_year + 543
                )
            } else {
                String::new()
            };
            problems.push(format!(
                "fiscal_year ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2565 (พบ {year}){hint} · \
                 fiscal_year is the Buddhist-era fiscal year, e.g. 2565 (found {year})",
                year = raw.fiscal_year
            ));
        }
        if raw.round != 6 && raw.round != 12 {
            problems.push(format!(
                "round ต้องเป็น 6 หรือ 12 (พบ {round}) · round must be 6 or 12, found {round}",
                round = raw.round
            ));
        }
        if raw.initial_projects == 0 {
            problems.push(
                "initial_projects เป็น 0 — ใส่จำนวนโครงการในแผนฉบับที่ประกาศใช้ (โครงการตั้งต้น) \
                 ผลการนำแผนไปปฏิบัติคิดจากจำนวนนี้ · initial_projects is 0: give the number of \
                 projects in the plan as adopted; the implementation score is counted from it"
                    .into(),
            );
        }
        if let Some((word, first, second)) = raw.headers.clash() {
            problems.push(format!(
                "[headers] ให้คำ \"{word}\" ไว้ทั้งที่ {first} และ {second} — คอลัมน์ที่หัวเป็นคำนี้จะอ่านเป็นช่องใดก็ได้ \
                 ให้เหลือไว้ที่เดียว · [headers] gives \"{word}\" for both {first} and {second}: \
                 a column headed so could be either; keep it under one"
            ));
        }
        if !problems.is_empty() {
            return Err(invalid(problems.join("\n  ")));
        }
        let as_of_text = match &raw.as_of {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            other => other.to_string(),
        };
        let as_of = ReportDate::parse(&as_of_text).ok_or_else(|| {
            invalid(format!(
                "as_of ต้องเป็นวันที่ ปี-เดือน-วัน เช่น 2565-03-31 (พบ {as_of_text}) · \
                 as_of must be a date YYYY-MM-DD, found {as_of_text}"
            ))
        })?;
        within_fiscal_year(as_of, raw.fiscal_year).map_err(invalid)?;
        let dimension_names = match raw.dimension_names {
            None => default_dimension_names(raw.fiscal_year),
            Some(names) => names.try_into().map_err(|_| {
                invalid(
                    "dimension_names ต้องมีชื่อมิติครบ 4 ชื่อ · dimension_names must list exactly 4 names"
                        .into(),
                )
            })?,
        };
        let mut levels = raw.levels.unwrap_or_else(default_levels);
        levels.sort_by_key(|band| std::cmp::Reverse(band.min));
        if levels
            .last()
            .is_none_or(|lowest| lowest.min > Decimal::ZERO)
        {
            return Err(invalid(
                "[[levels]] ต้องมีระดับที่เริ่มจาก min = 0 เพื่อให้ทุกร้อยละมีระดับ · \
                 [[levels]] must include a band from min = 0, so that every percentage has a level"
                    .into(),
            ));
        }
        if let Some(pair) = levels.windows(2).find(|pair| pair[0].min == pair[1].min) {
            let (min, a, b) = (pair[0].min, &pair[0].name, &pair[1].name);
            return Err(invalid(format!(
                "[[levels]] มีสองระดับที่เริ่มจาก min = {min} (\"{b}\" และ \"{a}\") ระดับหนึ่งจะไม่มีวันได้ใช้ · \
                 [[levels]] has two bands from min = {min} (\"{b}\" and \"{a}\"); one could never be given"
            )));
        }
        let mail = raw
            .mail
            .map(|mail| mail.validate(raw.fiscal_year, raw.round))
            .transpose()
            .map_err(invalid)?;
        Ok(ReportConfig {
            organization: raw.organization,
            location: raw.location,
            fiscal_year: raw.fiscal_year,
            round: raw.round,
            as_of,
            initial_projects: raw.initial_projects,
            reporter_name: raw.reporter_name,
            reporter_position: raw.reporter_position,
            dimension_names,
            levels,
            suggestions: raw
                .suggestions
                .unwrap_or_else(|| "ไม่มีข้อเสนอแนะ".to_string()),
            headers: raw.headers,
            divisions: raw.divisions,
            serve: raw.serve,
            previous: raw.previous.map(|p| {
                let folder = Path::new(path).parent().unwrap_or(Path::new(""));
                tidy(&folder.join(p))
            }),
            mail,
        })
    }

    /// Reads a configuration file. One not found beside a file named almost as it is
    /// (`report.toml.txt`) is said as that file to rename.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| {
            let not_found = source.kind() == std::io::ErrorKind::NotFound;
            match not_found.then(|| misnamed(path)).flatten() {
                Some(misnamed) => misnamed,
                None => ConfigError::Io {
                    path: shown.clone(),
                    source,
                },
            }
        })?;
        let text = explain::decode(&bytes).map_err(|message| ConfigError::Invalid {
            path: shown.clone(),
            message,
        })?;
        Self::from_toml(&text, &shown)
    }

    /// `--config` if given, else `report.toml` in the first input folder (or beside the first
    /// input file).
    pub fn locate(explicit: Option<&Path>, inputs: &[PathBuf]) -> Result<PathBuf, ConfigError> {
        if let Some(path) = explicit {
            return Ok(path.to_path_buf());
        }
        let mut searched: Vec<String> = Vec::new();
        let mut near = None;
        for input in inputs {
            let folder = if input.is_dir() {
                input.as_path()
            } else {
                input
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
            };
            // `report.toml`, not `./report.toml`, beside files named without a folder.
            let candidate = tidy(&folder.join(FILE_NAME));
            if candidate.is_file() {
                return Ok(candidate);
            }
            near = near.or_else(|| misnamed(&candidate));
            let shown = folder.display().to_string();
            if !searched.contains(&shown) {
                searched.push(shown);
            }
        }
        Err(near.unwrap_or(ConfigError::Missing {
            searched: searched.join(", "),
        }))
    }

    /// The word for an implementation percentage.
    pub fn level_for(&self, percent: Decimal) -> String {
        self.levels
            .iter()
            .find(|band| percent >= band.min)
            .or(self.levels.last())
            .map(|band| band.name.clone())
            .unwrap_or_default()
    }
}

/// The file beside a missing `path` that a person takes for it — its name with `.txt` after it
/// (Notepad's "Save as"; Explorer hides the extension), in other capitals (`Report.toml`,
/// `REPORT.TOML`) or with spaces in it (`report .toml`) — said as the file to rename.
pub(crate) fn misnamed(path: &Path) -> Option<ConfigError> {
    let name = path.file_name()?.to_str()?;
    let key = |name: &str| {
        let folded: String = name
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        match folded.strip_suffix(".txt") {
            Some(stem) => stem.to_string(),
            None => folded,
        }
    };
    let wanted = key(name);
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder.unwrap_or(Path::new(".")))
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_type()
                .is_ok_and(|t| t.is_file() || t.is_symlink())
        })
        // Named as the missing file is: `report.toml.txt` beside `report.toml`, not `./…`.
        .map(|entry| folder.map_or_else(|| entry.file_name().into(), |f| f.join(entry.file_name())))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n != name && key(n) == wanted)
        })
        .collect();
    found.sort();
    let found = found.into_iter().next()?;
    Some(ConfigError::Misnamed {
        wanted: path.display().to_string(),
        found: found.display().to_string(),
        name: name.to_string(),
    })
}

/// `samples/12-month/../6-month` → `samples/6-month`: `..` after a named folder cancels it
/// (as a person reads the path; the folders named in `report.toml` are plain folders).
fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        // `previous = "."` beside the configuration: its own folder, named, not "".
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The samples' configuration (the seed report's).
    const SAMPLE: &str = include_str!("../../samples/6-month/report.toml");

    #[test]
    fn sample_config_parses_with_defaults() {
        let c = ReportConfig::from_toml(SAMPLE, "report.toml").unwrap();
        assert_eq!(c.as_of.thai(), "21 เมษายน 2565");
        assert_eq!(c.levels.len(), 5);
        assert_eq!(c.level_for(Decimal::new(6778, 2)), "มาก");
        assert_eq!(c.level_for(Decimal::new(80, 0)), "มากที่สุด");
        assert_eq!(c.level_for(Decimal::new(1999, 2)), "น้อยที่สุด");
        assert_eq!(c.suggestions, "ไม่มีข้อเสนอแนะ");
    }

    #[test]
    fn every_empty_value_is_said_at_once() {
        let text = SAMPLE
            .replace(
                "organization = \"องค์การบริหารส่วนจังหวัดพะเยา\"",
                "organization = \"\"",
            )
            .replace("initial_projects = 90", "initial_projects = 0");
        let refused = ReportConfig::from_toml(&text, "report.toml").expect_err("two empty");
        let message = refused.to_string();
        assert!(message.contains("organization ว่าง"), "{message}");
        assert!(message.contains("initial_projects เป็น 0"), "{message}");
    }

    #[test]
    fn buddhist_era_as_of_is_accepted() {
        let text = SAMPLE.replace("2022-04-21", "2565-04-21");
        let c = ReportConfig::from_toml(&text, "report.toml").unwrap();
        assert_eq!(c.as_of.iso(), "2022-04-21");
    }

    #[test]
    fn toml_date_literal_is_accepted() {
        let text = SAMPLE.replace("\"2022-04-21\"", "2022-04-21");
        let c = ReportConfig::from_toml(&text, "report.toml").unwrap();
        assert_eq!(c.as_of.iso(), "2022-04-21");
    }

    #[test]
    fn header_words_are_added_per_field_and_unknown_fields_are_named() {
        let text =
            format!("{SAMPLE}\n[headers]\nname = [\"ชื่องาน\"]\nbudget_plan = [\"งบตามแผนฯ\"]\n");
        let c = ReportConfig::from_toml(&text, "report.toml").unwrap();
        assert_eq!(c.headers.name, ["ชื่องาน"]);
        assert_eq!(c.headers.budget_plan, ["งบตามแผนฯ"]);
        let twice = format!(
            "{SAMPLE}\n[headers]\nbudget_plan = [\"งบตามแผนฯ\"]\ndisbursed = [\"ยอดใช้ไป\", \"งบตามแผน ฯ\"]\n"
        );
        let message = ReportConfig::from_toml(&twice, "report.toml")
            .expect_err("one word for two fields")
            .to_string();
        assert!(
            message.contains("budget_plan") && message.contains("disbursed"),
            "{message}"
        );
        let text = format!("{SAMPLE}\n[headers]\nbudget = [\"งบ\"]\n");
        let error = ReportConfig::from_toml(&text, "report.toml")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("budget") && error.contains("budget_plan"),
            "{error}"
        );
    }

    #[test]
    fn previous_is_relative_to_the_configuration_file() {
        let text = format!("{SAMPLE}\nprevious = \"../6-month\"\n");
        let c = ReportConfig::from_toml(&text, "samples/12-month/report.toml").unwrap();
        assert_eq!(c.previous, Some(PathBuf::from("samples/6-month")));
        let c = ReportConfig::from_toml(&text, "report.toml").unwrap();
        assert_eq!(c.previous, Some(PathBuf::from("../6-month")));
    }

    #[test]
    fn round_other_than_six_or_twelve_is_refused() {
        let text = SAMPLE.replace("round = 6", "round = 7");
        assert!(ReportConfig::from_toml(&text, "report.toml").is_err());
    }

    fn refused(text: &str) -> String {
        ReportConfig::from_toml(text, "report.toml")
            .expect_err("refused")
            .to_string()
    }

    #[test]
    fn settings_that_cannot_be_right_are_refused_saying_why() {
        let year = refused(&SAMPLE.replace("fiscal_year = 2565", "fiscal_year = 2022"));
        assert!(
            year.contains("พ.ศ. 2565"),
            "the C.E. year converted: {year}"
        );
        let none = refused(&SAMPLE.replace("initial_projects = 90", "initial_projects = 0"));
        assert!(none.contains("initial_projects เป็น 0"), "{none}");
        let late = refused(&SAMPLE.replace("2022-04-21", "2023-04-21"));
        assert!(
            late.contains("21 เมษายน 2566") && late.contains("2565"),
            "{late}"
        );
        let high = format!("{SAMPLE}\n[[levels]]\nmin = 80\nname = \"ดีมาก\"\n");
        assert!(refused(&high).contains("min = 0"));
        let twice = format!(
            "{SAMPLE}\n[[levels]]\nmin = 0\nname = \"ต่ำ\"\n[[levels]]\nmin = 50\nname = \"ดี\"\n[[levels]]\nmin = 50\nname = \"ดีมาก\"\n"
        );
        let said = refused(&twice);
        assert!(
            said.contains("min = 50") && said.contains("\"ดีมาก\""),
            "{said}"
        );
        // The 12-month report may be made in October to December after the year.
        let text = SAMPLE.replace("2022-04-21", "2022-10-14");
        assert!(ReportConfig::from_toml(&text, "report.toml").is_ok());
    }

    #[test]
    fn impossible_date_is_refused() {
        assert!(ReportDate::parse("2022-02-30").is_none());
        assert!(ReportDate::parse("2024-02-29").is_some());
    }
}
