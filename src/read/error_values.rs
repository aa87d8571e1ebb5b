//! Formula error values calamine does not know. Excel 365 saves `#SPILL!`, `#CALC!`,
//! `#GETTING_DATA`, `#FIELD!`, `#BLOCKED!`… as any other cached error (`<c t="e"><v>#SPILL!</v>`),
//! and calamine knows only the seven of Excel 2003: on any other it fails the whole sheet
//! (`XlsxError::CellError`), and the division's projects were all lost as `file-unreadable`.
//!
//! Only after calamine has failed so ([`crate::issue::Unreadable::UnknownErrorValue`]), the
//! reader ([`super::book`]) asks [`rewrite`] for the workbook with each such value written as
//! `#VALUE!`, reads it again, and puts each cell's own text back ([`Originals::restore`]): the
//! cell is then `formula-error` with its own words where a row needs it, and nothing outside the
//! table, as a known error is. A workbook read without that failure never comes here.

use super::cell::Cell;
use super::ods::attribute;
use quick_xml::events::{BytesText, Event};
use rustc_hash::FxHashMap;
use std::io::{Cursor, Read, Write};

/// The error values calamine reads (its `CellErrorType` from text).
const KNOWN: [&str; 7] = [
    "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
];

/// What an unknown error value is written as for calamine.
const STAND_IN: &str = "#VALUE!";

/// The text of each unknown error value rewritten, per sheet (in the order of the list given to
/// [`Rewritten::originals_for`]), by zero-based row and column.
#[derive(Debug, Default)]
pub(crate) struct Originals(Vec<FxHashMap<(u32, u32), String>>);

impl Originals {
    /// The cell as the file holds it: an error read at a rewritten place is its own text again.
    pub(crate) fn restore(&self, sheet: usize, row: u32, col: u32, value: Cell) -> Cell {
        if !matches!(value, Cell::Error(_)) {
            return value;
        }
        match self.0.get(sheet).and_then(|cells| cells.get(&(row, col))) {
            Some(text) => Cell::Error(text.clone()),
            None => value,
        }
    }
}

/// A workbook with its unknown error values written as [`STAND_IN`].
#[derive(Debug)]
pub(crate) struct Rewritten {
    /// The whole workbook, rewritten.
    pub bytes: Vec<u8>,
    /// Per worksheet part (`xl/worksheets/sheet1.xml`), the texts rewritten.
    by_part: FxHashMap<String, FxHashMap<(u32, u32), String>>,
    /// Sheet name to its part, from `xl/workbook.xml` and its relationships.
    parts: FxHashMap<String, String>,
}

impl Rewritten {
    /// The texts rewritten, per sheet of `names` (the workbook's worksheets, in its order).
    pub(crate) fn originals_for<'n>(&self, names: impl Iterator<Item = &'n str>) -> Originals {
        Originals(
            names
                .map(|name| {
                    self.parts
                        .get(name)
                        .and_then(|part| self.by_part.get(part))
                        .cloned()
                        .unwrap_or_default()
                })
                .collect(),
        )
    }
}

/// The xlsx `bytes` with every unknown cached error value in its worksheets written as
/// `#VALUE!`, the other parts copied as they are; `None` when there is none, or the zip or a
/// worksheet cannot be read or written (the failure calamine gave stands).
pub(crate) fn rewrite(bytes: &[u8]) -> Option<Rewritten> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let parts = sheet_parts(&mut zip);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let mut by_part = FxHashMap::default();
    for i in 0..zip.len() {
        let name = zip.by_index_raw(i).ok()?.name().ok()?.to_string();
        let is_sheet = name.starts_with("xl/worksheets/") && name.ends_with(".xml");
        let rewritten = match is_sheet {
            true => {
                let mut xml = Vec::new();
                zip.by_index(i).ok()?.read_to_end(&mut xml).ok()?;
                rewrite_sheet(&xml)?
            }
            false => None,
        };
        match rewritten {
            Some((xml, texts)) => {
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated);
                out.start_file(name.as_str(), options).ok()?;
                out.write_all(&xml).ok()?;
                by_part.insert(name, texts);
            }
            None => out.raw_copy_file(zip.by_index_raw(i).ok()?).ok()?,
        }
    }
    if by_part.is_empty() {
        return None;
    }
    let bytes = out.finish().ok()?.into_inner();
    Some(Rewritten {
        bytes,
        by_part,
        parts,
    })
}

/// One worksheet's XML with its unknown error values rewritten, and their texts by place;
/// `Some(None)` when it holds none; `None` when it cannot be read.
#[allow(clippy::type_complexity)]
fn rewrite_sheet(xml: &[u8]) -> Option<Option<(Vec<u8>, FxHashMap<(u32, u32), String>)>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(xml.len()));
    let mut texts = FxHashMap::default();
    let mut place = Place::default();
    let mut in_value = false;
    loop {
        let event = reader.read_event().ok()?;
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "row" => place.row(attribute(e, "r")),
                "c" => place.cell(attribute(e, "r"), attribute(e, "t").as_deref() == Some("e")),
                "v" => in_value = place.error && matches!(event, Event::Start(_)),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "v" => in_value = false,
            Event::End(e) if e.local_name().as_ref() == "c" => place.error = false,
            Event::Text(t) if in_value => {
                let text = t.trim().to_string();
                if !KNOWN.contains(&text.as_str()) {
                    texts.insert((place.row, place.col), text);
                    writer
                        .write_event(Event::Text(BytesText::from_escaped(STAND_IN)))
                        .ok()?;
                    continue;
                }
            }
            _ => {}
        }
        writer.write_event(event).ok()?;
    }
    Some((!texts.is_empty()).then(|| (writer.into_inner(), texts)))
}

/// Where the cell being read is, as calamine places a cell without an `r` attribute (next to
/// the one before, in the row last opened).
#[derive(Debug)]
struct Place {
    row: u32,
    col: u32,
    /// The cell is an error (`t="e"`).
    error: bool,
    /// No cell read yet in this row.
    first: bool,
}

impl Default for Place {
    fn default() -> Self {
        Place {
            row: 0,
            col: 0,
            error: false,
            first: true,
        }
    }
}

impl Place {
    fn row(&mut self, r: Option<String>) {
        self.row = match r.and_then(|r| r.parse::<u32>().ok()) {
            Some(r) => r.saturating_sub(1),
            None => self.row.saturating_add(1),
        };
        self.first = true;
    }

    fn cell(&mut self, r: Option<String>, error: bool) {
        match r.as_deref().and_then(a1) {
            Some((row, col)) => (self.row, self.col) = (row, col),
            None if self.first => self.col = 0,
            None => self.col = self.col.saturating_add(1),
        }
        self.first = false;
        self.error = error;
    }
}

/// `D7` as zero-based (row, column): (6, 3).
fn a1(reference: &str) -> Option<(u32, u32)> {
    let digits = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = reference.split_at(digits);
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let col = letters.bytes().try_fold(0u32, |col, b| {
        col.checked_mul(26)?
            .checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)
    })?;
    let row = number.parse::<u32>().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

/// Each worksheet's name to its part in the zip, from `xl/workbook.xml` (name, relationship)
/// and `xl/_rels/workbook.xml.rels` (relationship, target).
fn sheet_parts<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> FxHashMap<String, String> {
    let targets: FxHashMap<String, String> =
        elements(zip, "xl/_rels/workbook.xml.rels", "Relationship")
            .into_iter()
            .filter_map(|e| Some((e.get("Id")?.clone(), e.get("Target")?.clone())))
            .collect();
    elements(zip, "xl/workbook.xml", "sheet")
        .into_iter()
        .filter_map(|e| {
            let target = targets.get(e.get("r:id")?)?;
            let part = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{target}"),
            };
            Some((e.get("name")?.clone(), part))
        })
        .collect()
}

/// The attributes of every element named `local` in the part `name` (empty when it cannot be
/// read).
fn elements<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    local: &str,
) -> Vec<FxHashMap<String, String>> {
    let mut found = Vec::new();
    let mut xml = Vec::new();
    let Ok(mut part) = zip.by_name(name) else {
        return found;
    };
    if part.read_to_end(&mut xml).is_err() {
        return found;
    }
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == local => {
                let attributes = e
                    .attributes()
                    .flatten()
                    .filter_map(|a| {
                        let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0);
                        Some((a.key.as_ref().to_string(), value.ok()?.into_owned()))
                    })
                    .collect();
                found.push(attributes);
            }
            Ok(Event::Eof) | Err(_) => return found,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_error_is_written_as_value_and_kept_by_its_place() {
        let xml = br##"<worksheet><sheetData><row r="7"><c r="C7" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D7" s="3" t="e"><f>SEQUENCE(2)</f><v>#SPILL!</v></c><c t="e"><v>#CALC!</v></c></row></sheetData></worksheet>"##;
        let (out, texts) = rewrite_sheet(xml).expect("read").expect("rewritten");
        let out = String::from_utf8(out).expect("utf-8");
        assert!(
            out.contains(r##"<c r="D7" s="3" t="e"><f>SEQUENCE(2)</f><v>#VALUE!</v></c>"##),
            "{out}"
        );
        assert!(out.contains("<v>#DIV/0!</v>"), "{out}");
        assert_eq!(texts.get(&(6, 3)).map(String::as_str), Some("#SPILL!"));
        assert_eq!(texts.get(&(6, 4)).map(String::as_str), Some("#CALC!"));
        assert_eq!(texts.len(), 2);
    }

    #[test]
    fn a_sheet_of_known_errors_only_is_left_as_it_is() {
        let xml = br##"<worksheet><sheetData><row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="str"><v>#SPILL!</v></c></row></sheetData></worksheet>"##;
        assert!(rewrite_sheet(xml).expect("read").is_none());
    }

    #[test]
    fn references_are_zero_based() {
        assert_eq!(a1("D7"), Some((6, 3)));
        assert_eq!(a1("AA1"), Some((0, 26)));
        assert_eq!(a1("7"), None);
        assert_eq!(a1("A0"), None);
    }
}
