//! .ods workbooks (OpenDocument spreadsheets), read sparsely from `content.xml` with quick-xml.
//!
//! Why not calamine: it builds each table's whole bounding box, expanding every
//! `number-columns-repeated` / `number-rows-repeated` run — a stray value (or formatting) at
//! XFD6000 cost about 6 GiB — and it refuses a pretty-printed `content.xml` (whitespace between
//! cells: "Expecting 'table-cell', found Text"). Here empty runs only move the position, text is
//! taken only from inside `<text:p>`, and a run that repeats a value is expanded only once it is
//! known to fit: a table holding more than [`MAX_CELLS`] cells is refused, naming it.
//!
//! `content.xml` is streamed twice, never held whole: the first walk lists the tables and
//! checks the whole file (well-formed to its end, every table small enough) before any row is
//! handed on; the second hands the cells on. A table never closed is refused, not looped on.

use super::book::{Emit, SheetInfo, Stop};
use super::cell::Cell;
use super::guard::{Extent, MAX_CELLS};
use super::second_look::{KnownRegions, Region};
use crate::issue::{Problem, Unreadable};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashSet;
use std::io::{BufReader, Cursor, Read};

/// An open ods workbook: its bytes and its tables.
pub(crate) struct Workbook {
    bytes: Vec<u8>,
    sheets: Vec<SheetInfo>,
    /// Each table's merged cells (`number-rows-spanned`, `number-columns-spanned`).
    regions: Vec<Vec<Region>>,
    /// A table too large to read, found by the first walk (reported when the cells are asked
    /// for, so that the issue names the table).
    too_large: Option<Stop>,
}

fn unreadable(reason: String) -> Problem {
    Problem::FileUnreadable {
        cause: Unreadable::Damaged,
        reason,
    }
}

impl Workbook {
    /// Opens an ods zip: refuses an encrypted one, then walks `content.xml` once to list its
    /// tables and check it.
    pub(crate) fn open(bytes: &[u8]) -> Result<Workbook, Problem> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| unreadable(format!("not an ods (zip) file: {e}")))?;
        if is_encrypted(&mut zip) {
            return Err(Problem::FilePasswordProtected);
        }
        let mut book = Workbook {
            bytes: bytes.to_vec(),
            sheets: Vec::new(),
            regions: Vec::new(),
            too_large: None,
        };
        match book.walk(None) {
            Ok(walk) => (book.sheets, book.regions) = (walk.sheets, walk.regions),
            Err(stop @ Stop { sheet: Some(_), .. }) => book.too_large = Some(stop),
            Err(stop) => return Err(stop.problem),
        }
        Ok(book)
    }

    /// The tables, in workbook order.
    pub(crate) fn sheets(&self) -> &[SheetInfo] {
        &self.sheets
    }

    /// Every table's merged cells, by table name.
    pub(crate) fn merged_regions(&self) -> KnownRegions {
        let names = self.sheets.iter().map(|s| s.name.clone());
        KnownRegions(names.zip(self.regions.iter().cloned()).collect())
    }

    /// Hands every cell of every table to `emit`, table by table, in row order.
    pub(crate) fn cells(&self, emit: &mut Emit<'_>) -> Result<(), Stop> {
        if let Some(stop) = &self.too_large {
            return Err(stop.clone());
        }
        self.walk(Some(emit)).map(|_| ())
    }

    /// Walks `content.xml`: with `emit`, handing on the cells; without, checking the file. Both
    /// walks take the same path, so what the first accepts the second reads.
    fn walk(&self, mut emit: Option<&mut Emit<'_>>) -> Result<Walk, Stop> {
        let mut zip = zip::ZipArchive::new(Cursor::new(&self.bytes[..]))
            .map_err(|e| unreadable(format!("not an ods (zip) file: {e}")))?;
        let content = zip
            .by_name("content.xml")
            .map_err(|e| unreadable(format!("not an ods file (content.xml: {e})")))?;
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
        xml.config_mut().check_end_names = false;
        xml.config_mut().trim_text(false);
        let mut walk = Walk::default();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let event = xml
                .read_event_into(&mut buf)
                .map_err(|e| unreadable(format!("damaged ods: {e}")))?;
            match event {
                Event::Start(e) => walk.open(&e, false),
                Event::Empty(e) => {
                    walk.open(&e, true);
                    walk.close(e.name().as_ref(), &mut emit)?;
                }
                Event::End(e) => walk.close(e.name().as_ref(), &mut emit)?,
                Event::Text(t) => {
                    if let Some(cell) = walk.text_target() {
                        cell.text.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some(cell) = walk.text_target() {
                        push_reference(&mut cell.text, &r);
                    }
                }
                Event::Eof if walk.depth > 0 => {
                    return Err(unreadable("damaged ods: a table is never closed".into()).into());
                }
                Event::Eof => return Ok(walk),
                _ => {}
            }
        }
    }
}

/// Whether the manifest lists encryption data for an entry (a password-protected ods).
fn is_encrypted<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> bool {
    let Ok(manifest) = zip.by_name("META-INF/manifest.xml") else {
        return false;
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(manifest));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.name().as_ref() == "manifest:encryption-data" =>
            {
                return true;
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// `&amp;`, `&#3585;`… inside text.
fn push_reference(text: &mut String, r: &quick_xml::events::BytesRef<'_>) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        text.push(c);
        return;
    }
    if let Some(s) = quick_xml::escape::resolve_predefined_entity(r) {
        text.push_str(s);
    }
}

/// An attribute's unescaped value (of any XML part: the xlsx error values' rewrite reads its
/// sheets' attributes with it too).
pub(super) fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

/// A `number-…-repeated` or `number-…-spanned` attribute, at least 1.
fn repeats(e: &BytesStart<'_>, name: &str) -> u64 {
    attribute(e, name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// A cell being read: where it is, how often it repeats, its value so far.
#[derive(Debug)]
struct OpenCell {
    col: u64,
    repeat: u64,
    /// The value its attributes give; `None` when its text is the value.
    value: Option<Cell>,
    text: String,
    paragraphs: usize,
    /// Inside `<text:p>` (nesting depth).
    in_paragraph: usize,
    /// Inside `<office:annotation>` (a comment: not the cell's text).
    in_annotation: usize,
    /// A formula's error, its text the error (`#N/A`).
    error: bool,
}

/// Where the walk is.
#[derive(Debug, Default)]
struct Walk {
    sheets: Vec<SheetInfo>,
    /// Each table's merged cells.
    regions: Vec<Vec<Region>>,
    hidden_styles: HashSet<String>,
    /// Style whose `table-properties` are being read (family "table").
    table_style: Option<String>,
    /// Nesting of `<table:table>` (a table inside a cell is skipped with its cells).
    depth: usize,
    row: u64,
    row_repeat: u64,
    /// This row's cells with a value: column, repeat, value.
    row_cells: Vec<(u64, u64, Cell)>,
    col: u64,
    cell: Option<OpenCell>,
    /// Cells held by the current table (repeats counted), and their extent.
    count: u64,
    extent: Option<Extent>,
}

impl Walk {
    fn sheet_index(&self) -> usize {
        self.sheets.len().saturating_sub(1)
    }

    fn text_target(&mut self) -> Option<&mut OpenCell> {
        self.cell
            .as_mut()
            .filter(|c| c.in_paragraph > 0 && c.in_annotation == 0 && c.value.is_none())
    }

    fn open(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.name();
        match name.as_ref() {
            "style:style" if attribute(e, "style:family").as_deref() == Some("table") => {
                self.table_style = attribute(e, "style:name");
            }
            "style:table-properties" => {
                let hidden = attribute(e, "table:display").as_deref() == Some("false");
                if let (true, Some(style)) = (hidden, self.table_style.clone()) {
                    self.hidden_styles.insert(style);
                }
            }
            "table:table" => {
                self.depth += 1;
                if self.depth == 1 {
                    let style = attribute(e, "table:style-name").unwrap_or_default();
                    self.sheets.push(SheetInfo {
                        name: attribute(e, "table:name").unwrap_or_default(),
                        hidden: self.hidden_styles.contains(&style),
                    });
                    self.regions.push(Vec::new());
                    (self.row, self.count, self.extent) = (0, 0, None);
                }
            }
            _ if self.depth != 1 => {}
            "table:table-row" => {
                self.row_repeat = repeats(e, "table:number-rows-repeated");
                (self.col, self.row_cells) = (0, Vec::new());
            }
            "table:table-cell" | "table:covered-table-cell" => {
                self.merged(e);
                let error = is_error(e);
                self.cell = Some(OpenCell {
                    col: self.col,
                    repeat: repeats(e, "table:number-columns-repeated"),
                    value: attribute_value(e, empty, error),
                    text: String::new(),
                    paragraphs: 0,
                    in_paragraph: 0,
                    in_annotation: 0,
                    error,
                });
            }
            _ => self.open_in_cell(e),
        }
    }

    /// A cell merged over others (`number-rows-spanned`, `number-columns-spanned`): its range.
    fn merged(&mut self, e: &BytesStart<'_>) {
        let rows = repeats(e, "table:number-rows-spanned");
        let cols = repeats(e, "table:number-columns-spanned");
        let at = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        if let (true, Some(regions)) = (rows > 1 || cols > 1, self.regions.last_mut()) {
            regions.push(Region {
                first_row: at(self.row),
                last_row: at(self.row.saturating_add(rows - 1)),
                first_col: at(self.col),
                last_col: at(self.col.saturating_add(cols - 1)),
            });
        }
    }

    /// Elements inside a cell's text: paragraphs, spaces, tabs, line breaks, comments.
    fn open_in_cell(&mut self, e: &BytesStart<'_>) {
        let Some(cell) = self.cell.as_mut() else {
            return;
        };
        match e.name().as_ref() {
            "office:annotation" => cell.in_annotation += 1,
            _ if cell.in_annotation > 0 => {}
            "text:p" => {
                if cell.paragraphs > 0 && cell.in_paragraph == 0 {
                    cell.text.push('\n');
                }
                cell.paragraphs += 1;
                cell.in_paragraph += 1;
            }
            "text:s" if cell.in_paragraph > 0 => {
                let n = attribute(e, "text:c").and_then(|c| c.parse::<usize>().ok());
                let n = n.unwrap_or(1).min(1024);
                cell.text.extend(std::iter::repeat_n(' ', n));
            }
            "text:tab" if cell.in_paragraph > 0 => cell.text.push('\t'),
            "text:line-break" if cell.in_paragraph > 0 => cell.text.push('\n'),
            _ => {}
        }
    }

    fn close(&mut self, name: &str, emit: &mut Option<&mut Emit<'_>>) -> Result<(), Stop> {
        match name {
            "style:style" => self.table_style = None,
            "table:table" => self.depth = self.depth.saturating_sub(1),
            _ if self.depth != 1 => {}
            "table:table-cell" | "table:covered-table-cell" => self.close_cell(),
            "table:table-row" => self.close_row(emit)?,
            "office:annotation" => {
                if let Some(cell) = self.cell.as_mut() {
                    cell.in_annotation = cell.in_annotation.saturating_sub(1);
                }
            }
            "text:p" => {
                if let Some(cell) = self.cell.as_mut().filter(|c| c.in_annotation == 0) {
                    cell.in_paragraph = cell.in_paragraph.saturating_sub(1);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn close_cell(&mut self) {
        let Some(cell) = self.cell.take() else {
            return;
        };
        let value = match cell.value {
            Some(value) => value,
            None if cell.error => Cell::Error(cell.text.trim().to_string()),
            None if cell.paragraphs > 0 => Cell::Text(cell.text),
            None => Cell::Empty,
        };
        if value != Cell::Empty {
            self.row_cells.push((cell.col, cell.repeat, value));
        }
        self.col = self.col.saturating_add(cell.repeat);
    }

    /// Counts the row's cells (repeats included) and, when emitting, hands them on.
    fn close_row(&mut self, emit: &mut Option<&mut Emit<'_>>) -> Result<(), Stop> {
        let cells = std::mem::take(&mut self.row_cells);
        let rows = self.row_repeat;
        for &(col, repeat, _) in &cells {
            let bottom = self.row.saturating_add(rows - 1);
            Extent::grow(&mut self.extent, self.row, col);
            Extent::grow(&mut self.extent, bottom, col.saturating_add(repeat - 1));
            self.count = self.count.saturating_add(repeat.saturating_mul(rows));
        }
        if self.count > MAX_CELLS {
            let extent = self.extent.unwrap_or_else(|| Extent::of(0, 0));
            return Err(Stop {
                problem: Problem::SheetTooLarge {
                    extent: extent.a1(),
                    cells: self.count,
                },
                sheet: self.sheets.last().map(|s| s.name.clone()),
            });
        }
        if let (Some(emit), false) = (emit.as_mut(), cells.is_empty()) {
            let sheet = self.sheet_index();
            for row in self.row..self.row.saturating_add(rows) {
                for (col, repeat, value) in &cells {
                    for col in *col..col.saturating_add(*repeat) {
                        if let (Ok(r), Ok(c)) = (u32::try_from(row), u32::try_from(col)) {
                            emit(sheet, r, c, value.clone());
                        }
                    }
                }
            }
        }
        self.row = self.row.saturating_add(rows);
        Ok(())
    }
}

/// The value a cell's attributes give (numbers, booleans, dates, a string's
/// `office:string-value`, a formula's error), `Some(Cell::Empty)` for a cell without one, `None`
/// when the value is the cell's text (a string, or a formula's error: [`is_error`]). A formula
/// with no value at all (`table:formula` and no `office:value-type`, as odfpy and other scripts
/// write it: only LibreOffice or Excel calculates it) is [`Cell::Uncalculated`].
fn attribute_value(e: &BytesStart<'_>, empty: bool, error: bool) -> Option<Cell> {
    let kind = attribute(e, "office:value-type");
    let text_value = || {
        let value = attribute(e, "office:string-value").filter(|s| !(error && s.is_empty()));
        match value {
            Some(s) if error => Some(Cell::Error(s.trim().to_string())),
            Some(s) => Some(Cell::Text(s)),
            None if empty => Some(Cell::Empty),
            None => None,
        }
    };
    match kind.as_deref() {
        Some("string") => text_value(),
        _ if error => text_value(),
        None => Some(attribute(e, "table:formula").map_or(Cell::Empty, |f| uncalculated(&f))),
        Some("boolean") => {
            let b = attribute(e, "office:boolean-value").unwrap_or_default();
            Some(Cell::Bool(b.eq_ignore_ascii_case("true")))
        }
        Some("date") => {
            Some(attribute(e, "office:date-value").map_or(Cell::Empty, |d| Cell::iso_date(&d)))
        }
        Some("time") => {
            Some(attribute(e, "office:time-value").map_or(Cell::Empty, |t| Cell::iso_time(&t)))
        }
        _ => Some(match attribute(e, "office:value") {
            Some(v) => v.trim().parse::<f64>().map_or(Cell::Text(v), Cell::Number),
            None => Cell::Empty,
        }),
    }
}

/// Whether the cell holds a formula's error (`calcext:value-type="error"`, its text `#N/A`,
/// `#DIV/0!`, `Err:522`…, as LibreOffice saves it): `formula-error`, never the text.
fn is_error(e: &BytesStart<'_>) -> bool {
    attribute(e, "calcext:value-type").as_deref() == Some("error")
}

/// A formula saved without its value: its text as a person reads it, without the namespace
/// and the brackets around references (`of:=[.D7]*0.5` is `D7*0.5`).
fn uncalculated(formula: &str) -> Cell {
    let text = formula.split_once(":=").map_or(formula, |(_, f)| f);
    let text = text.strip_prefix('=').unwrap_or(text);
    let text = text.replace("[.", "").replace(['[', ']'], "");
    match text.trim() {
        // Never the empty text of a hollow cell (which asks a second look).
        "" => Cell::Uncalculated("?".into()),
        text => Cell::Uncalculated(text.to_string()),
    }
}

#[cfg(test)]
mod tests;
