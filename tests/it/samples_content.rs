//! The committed `samples/` hold the seed's 81 projects, each once, in the three layouts.
//! Read with calamine only (independent of planmerge's own reader). Regenerate the samples with
//! `cargo run --example make_samples`.

use calamine::{Data, Reader, open_workbook_auto};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layouts the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layout {
    /// The seed's own: "รอ\nรายงาน" under a merged สถานะ, ☑ ticks.
    Seed,
    /// One สถานะ column of words.
    Words,
    /// ลำดับ in Thai digits.
    ThaiDigits,
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn is_thai_digit(c: char) -> bool {
    ('\u{0E50}'..='\u{0E59}').contains(&c)
}

/// A project row: its first column is a number, in Arabic or Thai digits.
fn is_data_row(first: &str) -> bool {
    let first = first.trim();
    !first.is_empty()
        && first
            .chars()
            .all(|c| c.is_ascii_digit() || is_thai_digit(c))
}

fn sample_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/6-month");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("samples/ exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    files
}

#[test]
fn samples_hold_the_81_seed_projects_in_three_layouts() {
    let files = sample_files();
    assert!(
        (6..=8).contains(&files.len()),
        "6-8 division files, found {}",
        files.len()
    );
    let mut per_file = BTreeMap::new();
    let mut names = BTreeSet::new();
    let mut layouts = BTreeSet::new();
    let mut in_ordinance = 0;
    for file in &files {
        let mut workbook = open_workbook_auto(file).expect("sample opens");
        let mut rows_in_file = 0;
        for sheet in workbook.sheet_names() {
            let range = workbook.worksheet_range(&sheet).expect("sheet reads");
            assert_eq!(range.start(), Some((0, 0)), "{file:?}: table starts at A1");
            let cells: Vec<Vec<String>> = range
                .rows()
                .map(|row| row.iter().map(text).collect())
                .collect();
            let any = |pred: &dyn Fn(&str) -> bool| cells.iter().flatten().any(|c| pred(c));
            let layout = if any(&|c| c == "รอ\nรายงาน") {
                Layout::Seed
            } else if cells
                .iter()
                .any(|r| is_data_row(&r[0]) && r[0].chars().any(is_thai_digit))
            {
                Layout::ThaiDigits
            } else if any(&|c| c == "สถานะ") && any(&|c| c == "ดำเนินการแล้วเสร็จ")
            {
                Layout::Words
            } else {
                panic!("{file:?} / {sheet}: no known layout");
            };
            layouts.insert(layout);
            let ordinance_col = cells
                .iter()
                .flat_map(|r| r.iter().position(|c| c.starts_with("บรรจุ")))
                .next()
                .expect("a บรรจุในข้อบัญญัติ column");
            for row in cells.iter().filter(|r| is_data_row(&r[0])) {
                rows_in_file += 1;
                assert!(
                    names.insert(row[1].clone()),
                    "{file:?}: project twice: {}",
                    row[1]
                );
                if !row[ordinance_col].trim().is_empty() {
                    in_ordinance += 1;
                }
            }
        }
        assert!(rows_in_file > 0, "{file:?} holds no project");
        per_file.insert(file.file_stem().unwrap().to_owned(), rows_in_file);
    }
    let total: usize = per_file.values().sum();
    assert_eq!(total, 81, "projects per file: {per_file:?}");
    assert_eq!(names.len(), 81);
    assert_eq!(in_ordinance, 20, "projects ticked as in the ordinance");
    assert_eq!(
        layouts,
        BTreeSet::from([Layout::Seed, Layout::Words, Layout::ThaiDigits])
    );
}

#[test]
fn samples_carry_the_report_configuration() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/6-month/report.toml");
    let config = planmerge::config::ReportConfig::load(&path).expect("samples/report.toml parses");
    assert_eq!(config.organization, "องค์การบริหารส่วนจังหวัดพะเยา");
    assert_eq!(config.fiscal_year, 2565);
    assert_eq!(config.round, 6);
    assert_eq!(config.initial_projects, 90);
    assert_eq!(config.as_of.iso(), "2022-04-21");
}
