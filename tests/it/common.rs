//! Shared test data: the seed report's 81 projects (tests/fixtures/seed_projects.json) as
//! validated rows, the seed's configuration, and helpers to read a written workbook back with
//! calamine. Every integration test that needs "the seed" builds it here.

use calamine::{Data, Reader, Xlsx, open_workbook};
use planmerge::compute::{ReportTotals, compute};
use planmerge::config::ReportConfig;
use planmerge::issue::{Issue, Problem};
use planmerge::model::{Dimension, Location, ProjectRow, Status};
use planmerge::read::InputFile;
use planmerge::write::Summary;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::path::Path;
use std::str::FromStr;

/// The fixture file name every seed project claims to come from.
pub const FIXTURE_FILE: &str = "fixture.xlsx";
/// Its sheet.
pub const FIXTURE_SHEET: &str = "แผ่น1";
/// Zero-based row of project 1 in the pretend fixture (title + two header rows above it).
pub const FIXTURE_FIRST_ROW: u32 = 3;

/// The seed's report.toml (the samples' own).
pub const SEED_TOML: &str = include_str!("../../samples/6-month/report.toml");

/// Plausible divisions, assigned round-robin by project number.
pub const DIVISIONS: [&str; 6] = [
    "สำนักปลัด",
    "กองคลัง",
    "กองยุทธศาสตร์และงบประมาณ",
    "กองการศึกษา ศาสนาและวัฒนธรรม",
    "กองพัสดุและทรัพย์สิน",
    "หน่วยตรวจสอบภายใน",
];

#[derive(Deserialize)]
struct SeedProject {
    no: u32,
    name: String,
    dimension: u8,
    budget: String,
    disbursed: String,
    status: String,
    remark: String,
}

fn status_from_thai(word: &str) -> Status {
    Status::ALL
        .into_iter()
        .find(|s| s.thai() == word)
        .unwrap_or_else(|| panic!("unknown status in fixture: {word}"))
}

/// The seed's 81 projects as validated rows: ordinance budget = budget; the first 20 projects
/// with a budget above 0 (in `no` order) are in the ordinance.
pub fn seed_projects() -> Vec<ProjectRow> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed_projects.json");
    let text = std::fs::read_to_string(path).expect("seed_projects.json");
    let mut seed: Vec<SeedProject> = serde_json::from_str(&text).expect("valid fixture JSON");
    seed.sort_by_key(|p| p.no);
    let mut in_ordinance_left = 20;
    seed.into_iter()
        .map(|p| {
            let budget = Decimal::from_str(&p.budget).expect("budget");
            let in_ordinance = budget > Decimal::ZERO && in_ordinance_left > 0;
            if in_ordinance {
                in_ordinance_left -= 1;
            }
            ProjectRow {
                name: p.name,
                dimension: Dimension::new(p.dimension).expect("dimension 1-4"),
                dimension_code: None,
                budget_plan: budget,
                budget_ordinance: budget,
                disbursed: Decimal::from_str(&p.disbursed).expect("disbursed"),
                in_ordinance,
                status: status_from_thai(&p.status),
                remark: p.remark,
                division: DIVISIONS[(p.no as usize - 1) % DIVISIONS.len()].into(),
                source: Location::cell(
                    FIXTURE_FILE,
                    FIXTURE_SHEET,
                    FIXTURE_FIRST_ROW + p.no - 1,
                    0,
                ),
                cells: Default::default(),
            }
        })
        .collect()
}

/// The seed's configuration.
pub fn seed_config() -> ReportConfig {
    ReportConfig::from_toml(SEED_TOML, "report.toml").expect("seed config")
}

/// Everything a summary borrows, owned.
pub struct SeedData {
    /// Configuration.
    pub config: ReportConfig,
    /// Projects.
    pub projects: Vec<ProjectRow>,
    /// Figures.
    pub totals: ReportTotals,
    /// The one pretend input file.
    pub inputs: Vec<InputFile>,
    /// Issues (none, or the draft's).
    pub issues: Vec<Issue>,
}

impl SeedData {
    /// The seed, clean: no issues.
    pub fn clean() -> Self {
        let config = seed_config();
        let projects = seed_projects();
        let totals = compute(&projects, &config);
        let inputs = vec![InputFile {
            sheets: vec![FIXTURE_SHEET.to_string()],
            rows: projects.len() + 2,
            counted: projects.len(),
            ..InputFile::new(FIXTURE_FILE, "0".repeat(64))
        }];
        SeedData {
            config,
            projects,
            totals,
            inputs,
            issues: Vec::new(),
        }
    }

    /// The seed plus two refused rows (errors) and one warning: a draft.
    pub fn with_errors() -> Self {
        let mut data = Self::clean();
        let row = FIXTURE_FIRST_ROW + 81;
        data.issues = vec![
            Issue::new(
                Problem::DimensionInvalid {
                    found: "5".to_string(),
                },
                Location::cell(FIXTURE_FILE, FIXTURE_SHEET, row, 2),
            ),
            Issue::new(
                Problem::StatusMissing {
                    unread: None,
                    ticks: true,
                },
                Location::cell(FIXTURE_FILE, FIXTURE_SHEET, row + 1, 7),
            ),
            Issue::new(
                Problem::OrdinanceBudgetAssumed,
                Location::sheet(FIXTURE_FILE, FIXTURE_SHEET),
            ),
        ];
        data
    }

    /// Writes the summary workbook to `path`.
    pub fn write(&self, path: &Path) -> Result<(), planmerge::write::WriteError> {
        let summary = self.summary();
        let projects = self.projects.iter().cloned();
        planmerge::write::SummaryBook::with_projects(&summary, projects)?.save(path, &summary)
    }

    /// The summary to write.
    pub fn summary(&self) -> Summary<'_> {
        Summary {
            config: &self.config,
            totals: &self.totals,
            inputs: &self.inputs,
            issues: &self.issues,
            errors: planmerge::issue::error_count(&self.issues),
            previous: None,
        }
    }
}

/// A written workbook, read back.
pub struct ReadBack {
    book: Xlsx<std::io::BufReader<std::fs::File>>,
}

impl ReadBack {
    /// Opens `path` with calamine.
    pub fn open(path: &Path) -> Self {
        ReadBack {
            book: open_workbook(path).expect("written workbook opens"),
        }
    }

    /// Sheet names in order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    /// The value at (row, col), zero-based, absolute; `Data::Empty` when nothing is there.
    pub fn cell(&mut self, sheet: &str, row: u32, col: u32) -> Data {
        let range = self.book.worksheet_range(sheet).expect("sheet exists");
        range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
    }

    /// A number cell's value (panics with the cell otherwise).
    pub fn number(&mut self, sheet: &str, row: u32, col: u32) -> f64 {
        match self.cell(sheet, row, col) {
            Data::Float(f) => f,
            Data::Int(i) => i as f64,
            other => panic!("{sheet} ({row},{col}) is not a number: {other:?}"),
        }
    }

    /// A cell as text (`Data`'s display; numbers as written).
    pub fn text(&mut self, sheet: &str, row: u32, col: u32) -> String {
        self.cell(sheet, row, col).to_string()
    }

    /// Merged ranges of a sheet as ((first_row, first_col), (last_row, last_col)).
    pub fn merges(&mut self, sheet: &str) -> Vec<((u32, u32), (u32, u32))> {
        self.book
            .merge_cells_by_sheet_name(sheet)
            .expect("merges readable")
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect()
    }

    /// Every row of a sheet from A1, cells tab-separated, trailing blanks trimmed; newlines in a
    /// cell shown as ⏎. Numbers as calamine reads them.
    pub fn sheet_text(&mut self, sheet: &str) -> String {
        let range = self.book.worksheet_range(sheet).expect("sheet exists");
        let Some((last_row, last_col)) = range.end() else {
            return String::new();
        };
        let mut out = String::new();
        for row in 0..=last_row {
            let cells: Vec<String> = (0..=last_col)
                .map(|col| match range.get_value((row, col)) {
                    Some(Data::Float(f)) => format!("{f}"),
                    Some(value) => value.to_string().replace('\n', "⏎"),
                    None => String::new(),
                })
                .collect();
            out.push_str(cells.join("\t").trim_end_matches('\t'));
            out.push('\n');
        }
        out
    }
}
