//! The message's two bodies, plain text and HTML, with the same content in the same order: the
//! report's title, the draft warning when there is one, the sentences of
//! สรุปผลการขับเคลื่อนแผนฯ (word for word as the summary's sheet), the per-dimension table with
//! the legend of dimension names, the per-division table, the as-of date and the reporter, and
//! last the attachment's SHA-256. Built from [`ReportTotals`] only, so a summary read back gives
//! the same body as the merge that wrote it. No I/O.

use crate::compute::{DimensionTotals, ReportTotals};
use crate::config::ReportConfig;
use crate::config::mail::default_subject;
use crate::schema::baht;
use crate::schema::two_dp;
use crate::write::summary_sentences;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// Everything the body shows.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// The report's configuration (title, organization, as-of date, reporter, dimension names).
    pub config: &'a ReportConfig,
    /// Every figure.
    pub totals: &'a ReportTotals,
    /// The summary's banner, shown first: a draft's (`ร่าง — มีข้อผิดพลาด N รายการ`), a
    /// report missing divisions' (`ข้อมูลยังไม่ครบ — …`).
    pub banner: Option<&'a str>,
    /// The line comparing with the previous round (`- เทียบกับรอบก่อน …`), as the summary's
    /// สรุปผลการขับเคลื่อนแผนฯ has it, when there was a previous round.
    pub since_previous: Option<&'a str>,
    /// The attachment's file name.
    pub file_name: &'a str,
    /// The attachment's SHA-256, lowercase hex.
    pub sha256: &'a str,
}

/// A table of the body: header, rows, and the รวม row (shown bold in HTML).
struct Table {
    headers: &'static [&'static str],
    rows: Vec<Vec<String>>,
    total: Vec<String>,
}

/// รายงานผลการนำแผนไปปฏิบัติ's columns.
const DIMENSION_HEADERS: &[&str] = &[
    "มิติ",
    "โครงการตามแผน",
    "ดำเนินการแล้ว",
    "งบประมาณตามแผน",
    "ตามข้อบัญญัติ/เทศบัญญัติ",
    "ใช้จริง",
    "ร้อยละโครงการ",
    "ร้อยละงบประมาณ",
];

/// รายกอง's columns.
const DIVISION_HEADERS: &[&str] = &[
    "กอง / สำนัก / หน่วย",
    "โครงการ",
    "แล้วเสร็จ",
    "อยู่ระหว่างดำเนินการ",
    "รอรายงาน",
    "ไม่สามารถดำเนินการได้",
    "งบประมาณตามข้อบัญญัติ",
    "เบิกจ่าย",
    "คะแนน (ร้อยละ)",
];

/// Caption of the per-dimension table.
const DIMENSION_CAPTION: &str = "รายงานผลการนำแผนไปปฏิบัติ";
/// Caption of the per-division table.
const DIVISION_CAPTION: &str = "ผลการดำเนินงานรายกอง (เรียงจากคะแนนต่ำสุด)";

impl Report<'_> {
    /// `รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน`
    fn title(&self) -> String {
        default_subject(self.config.fiscal_year, self.config.round)
    }

    /// `** ข้อมูล ณ วันที่ 21 เมษายน 2565`, as the summary prints it.
    fn as_of(&self) -> String {
        format!("** ข้อมูล ณ วันที่ {}", self.config.as_of.thai())
    }

    /// `ผู้รายงาน ชื่อ ตำแหน่ง …`
    fn reporter(&self) -> String {
        format!(
            "ผู้รายงาน {} ตำแหน่ง {}",
            self.config.reporter_name, self.config.reporter_position
        )
    }

    /// The body's last line.
    fn checksum(&self) -> String {
        format!(
            "SHA-256 ของไฟล์แนบ {} · attachment SHA-256: {}",
            self.file_name, self.sha256
        )
    }

    /// `มิติที่ 1 การสร้างสังคม…`, one per dimension.
    fn legend(&self) -> Vec<String> {
        (1..)
            .zip(&self.config.dimension_names)
            .map(|(n, name)| format!("มิติที่ {n} {name}"))
            .collect()
    }

    /// The sentences of สรุปผลการขับเคลื่อนแผนฯ, word for word, with the comparison with the
    /// previous round last when there is one.
    fn sentences(&self) -> Vec<String> {
        let mut sentences = summary_sentences(self.totals);
        sentences.extend(self.since_previous.map(str::to_string));
        sentences
    }

    /// The plain-text body.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        if let Some(banner) = self.banner {
            let _ = writeln!(out, "*** {banner} ***\n");
        }
        let _ = writeln!(out, "{}\n{}\n", self.title(), self.config.organization);
        let _ = writeln!(out, "สรุปผลการขับเคลื่อนแผนฯ");
        for sentence in self.sentences() {
            let _ = writeln!(out, "{sentence}");
        }
        let _ = writeln!(out, "\n{DIMENSION_CAPTION}");
        out.push_str(&dimension_table(self.totals).plain());
        for line in self.legend() {
            let _ = writeln!(out, "  {line}");
        }
        let _ = writeln!(out, "\n{DIVISION_CAPTION}");
        out.push_str(&division_table(self.totals).plain());
        let _ = writeln!(out, "\n{}\n{}\n", self.as_of(), self.reporter());
        let _ = writeln!(out, "{}", self.checksum());
        out
    }

    /// The HTML body (one self-contained document, inline styles only).
    pub fn html(&self) -> String {
        let mut out = String::from(
            "<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\"></head>\n\
             <body style=\"font-family:'TH Sarabun New',Sarabun,Tahoma,sans-serif;font-size:16px\">\n",
        );
        if let Some(banner) = self.banner {
            let _ = writeln!(
                out,
                "<p style=\"color:#c00000;font-weight:bold;font-size:20px\">{}</p>",
                escape(banner)
            );
        }
        let _ = writeln!(out, "<h2>{}</h2>", escape(&self.title()));
        let _ = writeln!(out, "<p>{}</p>", escape(&self.config.organization));
        let _ = writeln!(out, "<h3>สรุปผลการขับเคลื่อนแผนฯ</h3>\n<p>");
        let sentences: Vec<String> = self.sentences().iter().map(|s| escape(s)).collect();
        let _ = writeln!(out, "{}\n</p>", sentences.join("<br>\n"));
        let _ = writeln!(out, "<h3>{DIMENSION_CAPTION}</h3>");
        out.push_str(&dimension_table(self.totals).html());
        let legend: Vec<String> = self.legend().iter().map(|l| escape(l)).collect();
        let _ = writeln!(out, "<p>{}</p>", legend.join("<br>\n"));
        let _ = writeln!(out, "<h3>{}</h3>", escape(DIVISION_CAPTION));
        out.push_str(&division_table(self.totals).html());
        let _ = writeln!(out, "<p><b>{}</b></p>", escape(&self.as_of()));
        let _ = writeln!(out, "<p>{}</p>", escape(&self.reporter()));
        let _ = writeln!(out, "<p>{}</p>", escape(&self.checksum()));
        out.push_str("</body></html>\n");
        out
    }
}

/// รายงานผลการนำแผนไปปฏิบัติ: one row per dimension, then รวม.
fn dimension_table(totals: &ReportTotals) -> Table {
    let row = |label: String, d: &DimensionTotals| d.text_cells(label).to_vec();
    Table {
        headers: DIMENSION_HEADERS,
        rows: totals
            .dimensions
            .iter()
            .map(|d| {
                let n = d.dimension.map_or(0, |d| d.number());
                row(format!("มิติที่ {n}"), d)
            })
            .collect(),
        total: row("รวม".into(), &totals.total),
    }
}

/// รายกอง: one row per division, lowest score first, then รวม (no score: the report's score is
/// counted from the initial projects, in the sentences above).
fn division_table(totals: &ReportTotals) -> Table {
    let rows = totals
        .divisions
        .iter()
        .map(|d| {
            vec![
                d.division.clone(),
                d.projects.to_string(),
                d.completed.to_string(),
                d.in_progress.to_string(),
                d.waiting.to_string(),
                d.cannot.to_string(),
                baht(d.budget),
                baht(d.disbursed),
                pct(d.score),
            ]
        })
        .collect();
    let s = &totals.status;
    let counts = [s.total, s.completed, s.in_progress, s.waiting, s.cannot];
    let mut total = vec!["รวม".to_string()];
    total.extend(counts.iter().map(u32::to_string));
    total.extend([
        baht(totals.total.budget_ordinance),
        baht(totals.total.disbursed),
        String::new(),
    ]);
    Table {
        headers: DIVISION_HEADERS,
        rows,
        total,
    }
}

/// A percentage with two decimals.
fn pct(value: Decimal) -> String {
    two_dp(value).to_string()
}

impl Table {
    /// Columns padded to their widest cell (Thai marks take no width), the first left-aligned
    /// and the rest right-aligned, two spaces apart; for a monospaced reader.
    fn plain(&self) -> String {
        let header: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        let lines: Vec<&Vec<String>> = std::iter::once(&header)
            .chain(&self.rows)
            .chain([&self.total])
            .collect();
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|col| {
                let cells = lines.iter().filter_map(|line| line.get(col));
                cells.map(|c| width(c)).max().unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for line in lines {
            let cells: Vec<String> = line
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(col, (cell, w))| {
                    let pad = " ".repeat(w.saturating_sub(width(cell)));
                    if col == 0 {
                        format!("{cell}{pad}")
                    } else {
                        format!("{pad}{cell}")
                    }
                })
                .collect();
            let _ = writeln!(out, "  {}", cells.join("  ").trim_end());
        }
        out
    }

    /// A bordered HTML table, numbers right-aligned, the รวม row bold.
    fn html(&self) -> String {
        let mut out = String::from(
            "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" \
             style=\"border-collapse:collapse\">\n<tr>",
        );
        for header in self.headers {
            let _ = write!(out, "<th>{}</th>", escape(header));
        }
        out.push_str("</tr>\n");
        let rows = self.rows.iter().map(|r| (r, false));
        for (row, is_total) in rows.chain([(&self.total, true)]) {
            out.push_str(if is_total {
                "<tr style=\"font-weight:bold\">"
            } else {
                "<tr>"
            });
            for (col, cell) in row.iter().enumerate() {
                let align = if col == 0 { "left" } else { "right" };
                let _ = write!(out, "<td align=\"{align}\">{}</td>", escape(cell));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
        out
    }
}

/// Characters that take a column: Thai vowels and tone marks above or below take none.
fn width(text: &str) -> usize {
    text.chars()
        .filter(|c| !matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'))
        .count()
}

/// Text for HTML: `& < > "` escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_width() {
        assert_eq!(escape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
        assert_eq!(width("ที่"), 1);
        assert_eq!(width("มิติ"), 2);
    }
}
