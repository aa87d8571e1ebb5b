//! What a person reads on the terminal: issues grouped by file with a verdict per file and in
//! total, and the report's figures as a small table. Also the `--json` document. Colours only
//! when asked for (a terminal, and NO_COLOR unset).

use crate::compute::ReportTotals;
use crate::config::ReportConfig;
use crate::issue::{Issue, Severity};
use crate::read::InputFile;
use crate::schema::baht;
use serde::Serialize;
use std::fmt::Write as _;

/// How to present to a person: ANSI colours or none, a progress bar or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Whether to colour.
    pub color: bool,
    /// Whether a progress bar may be drawn on stderr.
    pub progress: bool,
}

impl Style {
    /// Colour when the stream is a terminal and NO_COLOR is not set; no progress bar.
    pub fn detect(is_terminal: bool) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: is_terminal && !no_color,
            progress: false,
        }
    }

    /// The same style, with a progress bar allowed when `stderr_is_terminal`.
    pub fn with_progress(self, stderr_is_terminal: bool) -> Self {
        Style {
            progress: stderr_is_terminal,
            ..self
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Issues grouped by file, a verdict line per file, and a total line. Each issue is two lines:
/// `ไฟล์ › แผ่นงาน › C8: มิติต้องเป็น 1–4 (พบ "5") · dimension must be 1–4 (found "5")` (what
/// was found), then, indented, error or warning and what to do. Issues of one code beyond those
/// kept are one line: `… และอีก 212 ช่อง (money-as-text)`.
pub fn issues_report(inputs: &[InputFile], issues: &[Issue], style: Style) -> String {
    let mut out = String::new();
    let mut files: Vec<&str> = inputs.iter().map(|i| i.file.as_str()).collect();
    for issue in issues {
        if !files.contains(&&*issue.location.file) {
            files.push(&issue.location.file);
        }
    }
    let (mut all_errors, mut all_warnings) = (0, 0);
    for file in &files {
        let mine: Vec<&Issue> = issues
            .iter()
            .filter(|i| &*i.location.file == *file)
            .collect();
        for issue in &mine {
            let _ = writeln!(out, "{issue}");
            let _ = writeln!(
                out,
                "  {} — {}",
                label(issue.severity(), style),
                issue.fix()
            );
        }
        let (mut errors, mut warnings) = count(&mine);
        let omitted = inputs
            .iter()
            .filter(|i| i.file == *file)
            .flat_map(|i| &i.omitted);
        for more in omitted {
            let _ = writeln!(
                out,
                "{file}: … และอีก {n} ช่อง ({code}) · and {n} more",
                n = more.count,
                code = more.code
            );
            let _ = writeln!(out, "  {}", label(more.severity, style));
            match more.severity {
                Severity::Error => errors += more.count,
                Severity::Warning => warnings += more.count,
            }
        }
        all_errors += errors;
        all_warnings += warnings;
        let verdict = verdict(errors, warnings, style);
        let _ = writeln!(out, "{} {file}: {verdict}", style.paint("1", "▸"));
    }
    let (errors, warnings) = (all_errors, all_warnings);
    let _ = writeln!(
        out,
        "{} {} ไฟล์ · {} files: {}",
        style.paint("1", "รวม"),
        files.len(),
        files.len(),
        verdict(errors, warnings, style)
    );
    out
}

fn label(severity: Severity, style: Style) -> String {
    match severity {
        Severity::Error => style.paint("31;1", "✗ ผิด"),
        Severity::Warning => style.paint("33", "! เตือน"),
    }
}

fn count(issues: &[&Issue]) -> (usize, usize) {
    let errors = issues.iter().filter(|i| i.is_error()).count();
    (errors, issues.len() - errors)
}

fn verdict(errors: usize, warnings: usize, style: Style) -> String {
    if errors == 0 && warnings == 0 {
        style.paint("32", "เรียบร้อย · OK")
    } else if errors == 0 {
        style.paint(
            "33",
            &format!("ใช้ได้ มีคำเตือน {warnings} · OK, {warnings} warning(s)"),
        )
    } else {
        style.paint(
            "31;1",
            &format!(
                "ผิด {errors} คำเตือน {warnings} — แก้แล้วส่งใหม่ · {errors} error(s), {warnings} warning(s): fix and resend"
            ),
        )
    }
}

/// Column widths of the terminal table, in terminal cells.
const TABLE_WIDTHS: [usize; 8] = [6, 9, 11, 16, 16, 12, 10, 8];

/// One line of the terminal table: the first cell left-aligned, the rest right-aligned, padded
/// by what a terminal shows (Thai vowel and tone marks take no cell of their own).
fn table_row(cells: &[String; 8]) -> String {
    let mut line = String::new();
    for (i, (cell, width)) in cells.iter().zip(TABLE_WIDTHS).enumerate() {
        let pad = " ".repeat(width.saturating_sub(shown_width(cell)));
        if i == 0 {
            line.push_str(cell);
            line.push_str(&pad);
        } else {
            line.push_str(&pad);
            line.push_str(cell);
        }
    }
    line
}

/// Terminal cells a text takes: Thai combining marks (above and below vowels, tone marks)
/// sit on the character before them.
fn shown_width(text: &str) -> usize {
    text.chars()
        .filter(|c| !matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'))
        .count()
}

/// The report's figures as a person reads them on a terminal.
pub fn figures(totals: &ReportTotals, config: &ReportConfig) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. {} รอบ {} เดือน — {}",
        config.fiscal_year, config.round, config.organization
    );
    let header = [
        "มิติ",
        "โครงการ",
        "แล้วเสร็จ",
        "งบ ตามแผน",
        "งบ ข้อบัญญัติ",
        "ใช้จริง",
        "%โครงการ",
        "%งบ",
    ];
    let _ = writeln!(out, "{}", table_row(&header.map(String::from)));
    let rows = totals
        .dimensions
        .iter()
        .map(|d| (d.dimension.map(|n| n.to_string()).unwrap_or_default(), d))
        .chain(std::iter::once(("รวม".to_string(), &totals.total)));
    for (label, d) in rows {
        let cells = [
            label,
            d.projects.to_string(),
            d.completed.to_string(),
            baht(d.budget_plan),
            baht(d.budget_ordinance),
            baht(d.disbursed),
            d.pct_projects.to_string(),
            d.pct_disbursed.to_string(),
        ];
        let _ = writeln!(out, "{}", table_row(&cells));
    }
    let s = &totals.status;
    let _ = writeln!(
        out,
        "สถานะ: ตั้งต้น {} · ทั้งหมด {} · บรรจุในข้อบัญญัติ {} · รอรายงาน {} · ระหว่างดำเนินการ {} · แล้วเสร็จ {} · ไม่สามารถ {}",
        s.initial, s.total, s.in_ordinance, s.waiting, s.in_progress, s.completed, s.cannot
    );
    let _ = writeln!(
        out,
        "ผลการนำแผนฯ ไปปฏิบัติ ร้อยละ {} ระดับ {} · implementation {} % ({})",
        s.implementation_pct, s.level, s.implementation_pct, s.level
    );
    out
}

/// The `summary` part of the JSON document.
#[derive(Debug, Serialize)]
pub struct JsonSummary<'a> {
    /// One entry per dimension.
    pub dimensions: &'a [crate::compute::DimensionTotals; 4],
    /// The รวม row.
    pub total: &'a crate::compute::DimensionTotals,
    /// The status table.
    pub status: &'a crate::compute::StatusTotals,
}

impl<'a> From<&'a ReportTotals> for JsonSummary<'a> {
    fn from(t: &'a ReportTotals) -> Self {
        JsonSummary {
            dimensions: &t.dimensions,
            total: &t.total,
            status: &t.status,
        }
    }
}

/// The one JSON document `--json` prints.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// No errors.
    pub ok: bool,
    /// The summary written, or null.
    pub output: Option<String>,
    /// The figures, whenever the inputs could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<JsonSummary<'a>>,
    /// Every issue.
    pub issues: &'a [Issue],
    /// Every input file.
    pub inputs: &'a [InputFile],
}
