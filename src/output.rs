//! What a person reads on the terminal: issues grouped by file with a verdict per file and in
//! total, and the report's figures as a small table. Also the `--json` document. Colours only
//! when asked for (a terminal, and NO_COLOR unset).

use crate::compare::{Change, Previous};
use crate::compute::ReportTotals;
use crate::config::ReportConfig;
use crate::issue::{Issue, Problem, Severity};
use crate::read::InputFile;
use crate::read::table::TableExplain;
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
/// was found), then, indented, error, warning or note and what to do. Issues of one code beyond
/// those kept are one line: `… และอีก 212 ช่อง (money-as-text)`. Notes (facts that need no
/// action) are shown only when `notes`.
pub fn issues_report(inputs: &[InputFile], issues: &[Issue], style: Style, notes: bool) -> String {
    let mut out = String::new();
    let mut files: Vec<&str> = inputs.iter().map(|i| i.file.as_str()).collect();
    for issue in issues {
        if !files.contains(&&*issue.location.file) {
            files.push(&issue.location.file);
        }
    }
    let shown = |severity: Severity| notes || severity != Severity::Note;
    let mut total = Counts::default();
    for file in &files {
        let mut counts = Counts::default();
        let mut passed_over = None;
        for issue in issues.iter().filter(|i| &*i.location.file == *file) {
            counts.add(issue.severity(), 1);
            if issue.problem.passes_over_file() {
                passed_over = Some(match issue.problem {
                    Problem::WorkbookMisnamed { .. } => {
                        "ไม่ได้รวม ชื่อไฟล์ไม่ได้ลงท้ายแบบไฟล์ตารางคำนวณ · not merged: not named as a spreadsheet"
                    }
                    _ => "ไม่ได้รวม ไม่ใช่ไฟล์ตารางคำนวณ · not merged: not a spreadsheet",
                });
            }
            if shown(issue.severity()) {
                let _ = writeln!(out, "{issue}");
                let label = label(issue.severity(), style);
                let _ = writeln!(out, "  {label} — {}", issue.fix());
            }
        }
        let omitted = inputs
            .iter()
            .filter(|i| i.file == *file)
            .flat_map(|i| &i.omitted);
        for more in omitted {
            counts.add(more.severity, more.count);
            if shown(more.severity) {
                let (n, code) = (more.count, more.code);
                let _ = writeln!(out, "{file}: … และอีก {n} ช่อง ({code}) · and {n} more");
                let _ = writeln!(
                    out,
                    "  {} — แก้แบบเดียวกับรายการข้างบน แล้วตรวจใหม่จะเห็นที่เหลือ · the same fix as above; check again to see the rest",
                    label(more.severity, style)
                );
            }
        }
        total.add_all(&counts);
        let verdict = match passed_over {
            Some(why) => style.paint("33", why),
            None => verdict(&counts, notes, style),
        };
        // A verdict for the files read only: report.toml and the previous round's files are
        // places its issues point at, not files of this round.
        if inputs.iter().any(|i| i.file == *file) {
            let _ = writeln!(out, "{} {file}: {verdict}", style.paint("1", "▸"));
        }
    }
    // Files read: the places issues name besides (report.toml, the previous round) are not.
    let read = inputs.len();
    let _ = writeln!(
        out,
        "{} {read} ไฟล์ · {read} files: {}",
        style.paint("1", "รวม"),
        verdict(&total, notes, style)
    );
    out
}

/// How each sheet of each file was read (`check --explain`): header rows, each field's column
/// and the header text found there, where the dimension comes from, rows read, counted, joined
/// and skipped (and why).
pub fn explain(inputs: &[InputFile]) -> String {
    let mut out = String::new();
    for input in inputs {
        let _ = writeln!(out, "▸ {} — อ่านอย่างไร · how it was read", input.file);
        if input.tables.is_empty() {
            let _ = writeln!(
                out,
                "  ไม่พบตารางโครงการที่ใช้ได้ (ดูข้อผิดพลาดด้านล่าง) · no usable project table (see the issues below)"
            );
        }
        for table in &input.tables {
            explain_table(&mut out, table);
        }
    }
    out
}

fn explain_table(out: &mut String, table: &TableExplain) {
    let _ = writeln!(
        out,
        "  แผ่นงาน \"{}\": หัวตาราง แถว {} · header rows",
        table.sheet,
        table.header_rows_text()
    );
    for column in &table.columns {
        let _ = writeln!(out, "    {column}");
    }
    let _ = writeln!(out, "    มิติจาก · dimension from: {}", table.dimension_from);
    let _ = writeln!(
        out,
        "    อ่าน {} แถว · นับ {} โครงการ · rows read {}, projects counted {}",
        table.rows_read, table.counted, table.rows_read, table.counted
    );
    for line in table.detail_lines() {
        let _ = writeln!(out, "    {line}");
    }
}

/// Errors, warnings and notes counted.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Counts {
    fn add(&mut self, severity: Severity, n: usize) {
        match severity {
            Severity::Error => self.errors += n,
            Severity::Warning => self.warnings += n,
            Severity::Note => self.notes += n,
        }
    }

    fn add_all(&mut self, other: &Counts) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.notes += other.notes;
    }
}

fn label(severity: Severity, style: Style) -> String {
    match severity {
        Severity::Error => style.paint("31;1", "✗ ผิด"),
        Severity::Warning => style.paint("33", "! เตือน"),
        Severity::Note => style.paint("36", "i หมายเหตุ"),
    }
}

fn verdict(counts: &Counts, notes: bool, style: Style) -> String {
    let (errors, warnings) = (counts.errors, counts.warnings);
    let noted = if notes && counts.notes > 0 {
        format!(" (หมายเหตุ {n} · {n} note(s))", n = counts.notes)
    } else {
        String::new()
    };
    if errors == 0 && warnings == 0 {
        style.paint("32", &format!("เรียบร้อย · OK{noted}"))
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
const TABLE_WIDTHS: [usize; 8] = [6, 9, 11, 16, 16, 16, 10, 8];

/// One line of the terminal table: the first cell left-aligned, the rest right-aligned, padded
/// by what a terminal shows (Thai vowel and tone marks take no cell of their own).
fn table_row(cells: &[String; 8]) -> String {
    let mut line = String::new();
    for (i, (cell, width)) in cells.iter().zip(TABLE_WIDTHS).enumerate() {
        // A figure wider than its column (billions) still keeps a space before it.
        let room = width.saturating_sub(shown_width(cell));
        let pad = " ".repeat(if i == 0 { room } else { room.max(1) });
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
        let cells = d.text_cells(label);
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
    /// The previous round compared with (`--previous`): the file read and its figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<JsonPrevious<'a>>,
    /// What changed since the previous round.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<&'a [Change]>,
    /// Why the summary could not be saved (the inputs were read: the figures are above).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<JsonFailure>,
}

/// The `failure` part of the JSON document: the exit code and the message said on stderr.
#[derive(Debug, Serialize)]
pub struct JsonFailure {
    /// The process exit code (3: the summary could not be saved).
    pub exit_code: u8,
    /// Thai, then English.
    pub message: String,
}

/// The `previous` part of the JSON document.
#[derive(Debug, Serialize)]
pub struct JsonPrevious<'a> {
    /// The summary workbook or folder read.
    pub file: &'a str,
    /// Its figures, in the shape of `summary`.
    pub summary: JsonSummary<'a>,
}

impl<'a> From<&'a Previous> for JsonPrevious<'a> {
    fn from(p: &'a Previous) -> Self {
        JsonPrevious {
            file: &p.file,
            summary: JsonSummary::from(&p.totals),
        }
    }
}

/// A stream whose reader may go away (`planmerge check … | head`): once a write finds the pipe
/// closed, that write and every later one are taken and dropped, so the command still runs to
/// its end — the summary is written, and the exit code says what the run found, not that
/// nobody read the rest. Any other failure to write is passed on.
pub(crate) struct UntilClosed<'a> {
    inner: &'a mut dyn std::io::Write,
    closed: bool,
}

impl<'a> UntilClosed<'a> {
    /// `inner`, until its reader goes away.
    pub(crate) fn new(inner: &'a mut dyn std::io::Write) -> Self {
        UntilClosed {
            inner,
            closed: false,
        }
    }

    /// `Ok` in place of a closed pipe's error (and remembered), any other result as it is.
    fn unless_closed<T>(&mut self, result: std::io::Result<T>, taken: T) -> std::io::Result<T> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(taken)
            }
            other => other,
        }
    }
}

impl std::io::Write for UntilClosed<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.unless_closed(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.unless_closed(result, ())
    }
}
