//! An office's sheet laid out as QA found them (title, header, merged ranges, hidden rows,
//! formulas saved without their value), written by code, and what tests ask of the JSON.

use super::V;
use crate::support::t;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};
use serde_json::Value;
use std::path::Path;

/// A sheet as offices lay it out: every row from the top (title and header included), merged
/// ranges (first row, first col, last row, last col; the value is the first cell's) and hidden
/// rows (zero-based).
#[derive(Default)]
pub struct Sheet {
    pub rows: Vec<Vec<V>>,
    pub merges: Vec<(u32, u16, u32, u16)>,
    hidden: Vec<u32>,
}

/// A cached value `save` removes, to make a formula saved without its value (as openpyxl and web
/// exports write them).
pub const NO_CACHE: &str = "__NOCACHE__";

impl Sheet {
    pub fn of(rows: Vec<Vec<V>>) -> Self {
        Sheet {
            rows,
            ..Sheet::default()
        }
    }

    /// `rows` under [`plan_top`]'s title and header.
    pub fn under_plan_header(rows: Vec<Vec<V>>) -> Self {
        Sheet::of([plan_top(), rows].concat())
    }

    pub fn merged(mut self, merges: &[(u32, u16, u32, u16)]) -> Self {
        self.merges.extend_from_slice(merges);
        self
    }

    /// Writes the sheet as `กองช่าง.xlsx`, sheet `แผน`, into `dir`.
    pub fn save(&self, dir: &Path) {
        self.save_as(dir, "แผน");
    }

    /// Writes the sheet as `กองช่าง.xlsx`, sheet `sheet`, into `dir`.
    pub fn save_as(&self, dir: &Path, sheet: &str) {
        let path = dir.join("กองช่าง.xlsx");
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        ws.set_name(sheet).expect("name");
        // Merge & Center, as Excel does it: the range's cells keep the centring, so the
        // covered ones are written as elements without a value.
        let plain = Format::new().set_align(FormatAlign::Center);
        for &(r1, c1, r2, c2) in &self.merges {
            ws.merge_range(r1, c1, r2, c2, "", &plain).expect("merge");
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                crate::support::write_cell(ws, r as u32, c as u16, v);
            }
        }
        for &r in &self.hidden {
            ws.set_row_hidden(r).expect("hidden");
        }
        book.save(&path).expect("save");
        strip_cached_values(&path);
    }
}

/// Rewrites the sheet's XML so formulas whose result is [`NO_CACHE`] have no cached value.
pub fn strip_cached_values(path: &Path) {
    let cached = format!("<v>{NO_CACHE}</v>");
    rewrite_parts(path, |name, xml| {
        if name.starts_with("xl/worksheets/") && xml.contains(&cached) {
            xml.replace(" t=\"str\"><f>", "><f>")
                .replace(&cached, "<v/>")
        } else {
            xml
        }
    });
}

/// Rewrites `xl/workbook.xml` as Excel saves a workbook: its formulas calculated, so without
/// rust_xlsxwriter's `fullCalcOnLoad` (which says their stored results are still to be
/// calculated, and planmerge then reads a result of 0 as none).
pub fn saved_by_excel(path: &Path) {
    rewrite_parts(path, |name, xml| match name {
        "xl/workbook.xml" => xml.replace(" fullCalcOnLoad=\"1\"", ""),
        _ => xml,
    });
}

/// Rewrites the xlsx at `path`, every part's text through `edit` (part name, text).
fn rewrite_parts(path: &Path, edit: impl Fn(&str, String) -> String) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).expect("read");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let name = entry.name().expect("entry name").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("inflate");
        if name.ends_with(".xml") {
            let xml = String::from_utf8(data).expect("utf-8");
            data = edit(&name, xml).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(&data).expect("write");
    }
    let bytes = out.finish().expect("finish").into_inner();
    std::fs::write(path, bytes).expect("write back");
}

/// A title row, then the plan form's header without a มิติ column: ที่ | โครงการ/กิจกรรม/มาตรการ |
/// งบประมาณ | เบิกจ่าย | สถานะ.
pub fn plan_top() -> Vec<Vec<V>> {
    vec![vec![t("หัว")], plan_header()]
}

/// The plan form's header without a มิติ column: ที่ | โครงการ/กิจกรรม/มาตรการ | งบประมาณ |
/// เบิกจ่าย | สถานะ.
pub fn plan_header() -> Vec<V> {
    ["ที่", "โครงการ/กิจกรรม/มาตรการ", "งบประมาณ", "เบิกจ่าย", "สถานะ"]
        .iter()
        .map(|h| t(h))
        .collect()
}

pub fn n(x: f64) -> V {
    V::N(x)
}

/// The issues of `code` in a `--json` document.
pub fn issues_coded<'a>(json: &'a Value, code: &str) -> Vec<&'a Value> {
    json["issues"]
        .as_array()
        .map(|all| all.iter().filter(|i| i["code"] == code).collect())
        .unwrap_or_default()
}

/// Every issue's code, for a failing assertion's message.
pub fn codes(json: &Value) -> Vec<String> {
    json["issues"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|i| format!("{} {}", i["code"], i["cell"]))
                .collect()
        })
        .unwrap_or_default()
}
