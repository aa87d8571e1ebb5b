//! .xls workbooks (BIFF8, Excel 97–2003; BIFF5, Excel 5/95), read from the record stream
//! ourselves, sparsely: one walk over the workbook globals when the file is opened (sheet list,
//! shared strings, code page, encryption), then one walk over each sheet's records, keeping
//! only the cells that hold something.
//!
//! Why not calamine: it builds each sheet's whole bounding box (rows × columns) when it opens
//! an xls file, and trusts the DIMENSIONS record — one stray value at IV65536 cost about 1 GiB.
//! Here a far value costs one cell; a sheet is refused (`sheet-too-large`, naming it) only when
//! it truly holds more than [`MAX_CELLS`] cells. DIMENSIONS is not read at all.
//!
//! An encrypted workbook (FILEPASS record) is `file-password-protected`, unless it is encrypted
//! with Excel's built-in default password, "VelvetSweatshop" (a workbook whose structure is
//! protected: Excel opens it without asking) — then it is decrypted and read ([`crypt`]: RC4,
//! RC4 CryptoAPI, and Excel 95's XOR obfuscation, [`xor`]).
//!
//! What a value means is not judged here: numbers, dates (numbers whose cell format shows a
//! date, [`dates`]), text, booleans and formula errors become [`Cell`]s, as calamine's would.

mod crypt;
mod dates;
mod strings;
mod xor;

use super::book::{Emit, SheetInfo, Stop};
use super::cell::Cell;
use super::guard::{Extent, MAX_CELLS};
use super::second_look::{Region, SecondLook};
use crate::issue::{Problem, Unreadable};
use dates::Dates;
use rustc_hash::FxHashMap;
use std::io::{Cursor, Read};
use strings::Text;

/// BIFF record types read here (MS-XLS 2.3).
mod record {
    pub const BOF: u16 = 0x0809;
    pub const EOF: u16 = 0x000A;
    pub const FILEPASS: u16 = 0x002F;
    pub const CODEPAGE: u16 = 0x0042;
    pub const DATEMODE: u16 = 0x0022;
    pub const FORMAT: u16 = 0x041E;
    pub const XF: u16 = 0x00E0;
    pub const MERGEDCELLS: u16 = 0x00E5;
    pub const BOUNDSHEET: u16 = 0x0085;
    pub const SST: u16 = 0x00FC;
    pub const CONTINUE: u16 = 0x003C;
    pub const NUMBER: u16 = 0x0203;
    pub const RK: u16 = 0x027E;
    pub const MULRK: u16 = 0x00BD;
    pub const LABELSST: u16 = 0x00FD;
    pub const LABEL: u16 = 0x0204;
    pub const RSTRING: u16 = 0x00D6;
    pub const BOOLERR: u16 = 0x0205;
    pub const FORMULA: u16 = 0x0006;
    pub const STRING: u16 = 0x0207;
    pub const RECALCID: u16 = 0x01C1;
}

/// An open xls workbook: its (decrypted) workbook stream, worksheets and shared strings.
pub(crate) struct Workbook {
    stream: Vec<u8>,
    sheets: Vec<SheetInfo>,
    /// Where each worksheet's records start in the stream.
    offsets: Vec<usize>,
    strings: Vec<String>,
    text: Text,
    dates: Dates,
    /// Its formulas' results were never calculated: no RECALCID record says which calculation
    /// engine last calculated them (Excel and LibreOffice write one; Python's xlwt does not,
    /// and stores every formula's result as empty text), or it names none (Apache POI asking
    /// Excel to calculate on opening). A formula holding nothing, 0 or empty text is then one
    /// without a value ([`Cell::hollow`]), as [`super::recalc`] has it for xlsx.
    stale: bool,
}

/// A record: its type, where it starts in the stream, its data (cut short at the stream's end).
struct Record<'a> {
    typ: u16,
    at: usize,
    data: &'a [u8],
}

/// The records of a stream from `pos` on.
struct Records<'a> {
    stream: &'a [u8],
    pos: usize,
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;
    fn next(&mut self) -> Option<Record<'a>> {
        let header = self.stream.get(self.pos..self.pos.checked_add(4)?)?;
        let typ = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let at = self.pos;
        let start = at + 4;
        let end = self.stream.len().min(start + len);
        self.pos = start + len;
        Some(Record {
            typ,
            at,
            data: self.stream.get(start..end).unwrap_or_default(),
        })
    }
}

/// A worksheet's own records, from the record after its BOF to the one before its EOF; the
/// records of charts embedded in it (each between a BOF and an EOF of its own) are left out.
fn sheet_records(stream: &[u8], offset: usize) -> impl Iterator<Item = Record<'_>> {
    let mut depth = 0usize;
    Records {
        stream,
        pos: offset,
    }
    .skip(1)
    .map_while(move |r| {
        let own = match r.typ {
            record::BOF => {
                depth += 1;
                false
            }
            record::EOF if depth == 0 => return None,
            record::EOF => {
                depth -= 1;
                false
            }
            _ => depth == 0,
        };
        Some(own.then_some(r))
    })
    .flatten()
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let b = data.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn unreadable(reason: &str) -> Problem {
    Problem::FileUnreadable {
        cause: Unreadable::Damaged,
        reason: reason.into(),
    }
}

impl Workbook {
    /// Opens the workbook stream of an xls compound file and walks its globals once: the sheet
    /// list (BOUNDSHEET), the code page, the shared strings, and FILEPASS.
    pub(crate) fn open(bytes: &[u8]) -> Result<Workbook, Problem> {
        let mut stream = workbook_stream(bytes)?;
        let mut records = Records {
            stream: &stream,
            pos: 0,
        };
        let text = match records.next() {
            Some(bof) if bof.typ == record::BOF && bof.data.len() >= 4 => {
                match u16_at(bof.data, 0) {
                    Some(0x0500) => Text::biff5(None),
                    _ => Text::Biff8,
                }
            }
            Some(bof) if bof.typ == record::BOF => {
                return Err(unreadable("damaged xls: short BOF record"));
            }
            _ => return Err(unreadable("not an xls workbook (no BOF record)")),
        };
        let globals = Globals::walk(&mut stream, text)?;
        for &offset in &globals.offsets {
            if offset >= stream.len() {
                return Err(unreadable(
                    "damaged xls: a sheet starts beyond the end of the workbook",
                ));
            }
            let first = Records {
                stream: &stream,
                pos: offset,
            }
            .next();
            if first.is_none_or(|r| r.typ != record::BOF) {
                return Err(unreadable(
                    "damaged xls: a sheet does not start where the workbook says",
                ));
            }
        }
        Ok(Workbook {
            stream,
            sheets: globals.sheets,
            offsets: globals.offsets,
            strings: globals.strings,
            text: globals.text,
            dates: globals.dates,
            stale: !globals.calculated,
        })
    }

    /// The worksheets, in workbook order.
    pub(crate) fn sheets(&self) -> &[SheetInfo] {
        &self.sheets
    }

    /// One sheet's merged cells: each MERGEDCELLS record holds a count, then per range its first
    /// and last row, first and last column (two bytes each).
    fn sheet_regions(&self, offset: usize) -> Vec<Region> {
        let merged = sheet_records(&self.stream, offset).filter(|r| r.typ == record::MERGEDCELLS);
        let ranges = merged.flat_map(|r| r.data.get(2..).unwrap_or_default().chunks_exact(8));
        ranges
            .map(|b| Region {
                first_row: u32::from(u16::from_le_bytes([b[0], b[1]])),
                last_row: u32::from(u16::from_le_bytes([b[2], b[3]])),
                first_col: u32::from(u16::from_le_bytes([b[4], b[5]])),
                last_col: u32::from(u16::from_le_bytes([b[6], b[7]])),
            })
            .collect()
    }

    /// Hands every cell of every worksheet to `emit`, sheet by sheet, in row order.
    pub(crate) fn cells(&self, emit: &mut Emit<'_>) -> Result<(), Stop> {
        for (index, (&offset, info)) in self.offsets.iter().zip(&self.sheets).enumerate() {
            let cells = self.sheet_cells(offset).map_err(|problem| Stop {
                problem,
                sheet: Some(info.name.clone()),
            })?;
            for (row, col, value) in cells {
                emit(index, row, col, value);
            }
        }
        Ok(())
    }

    /// One sheet's cells, sorted by row then column (a later record for the same cell wins).
    fn sheet_cells(&self, offset: usize) -> Result<Vec<(u32, u32, Cell)>, Problem> {
        let mut cells = SheetCells {
            stale: self.stale,
            ..SheetCells::default()
        };
        for r in sheet_records(&self.stream, offset) {
            cells.record(r.typ, r.data, self);
            if cells.count > MAX_CELLS {
                return Err(cells.too_large());
            }
        }
        Ok(cells.sorted())
    }
}

/// The second look at an xls sheet, walked for when a row first needs it: its merged cells, and
/// in a workbook whose formulas were never calculated (`stale`) the formulas holding no value.
impl SecondLook for Workbook {
    fn merged_regions(&self, sheet: &str) -> Vec<Region> {
        let at = self.sheets.iter().position(|s| s.name == sheet);
        let offset = at.and_then(|i| self.offsets.get(i));
        offset.map_or_else(Vec::new, |&offset| self.sheet_regions(offset))
    }

    /// The cells are known, their formulas' text is not (it is stored as tokens, not read
    /// here): each is an empty text.
    fn uncalculated(&self, sheet: &str) -> FxHashMap<(u32, u32), String> {
        let at = self.sheets.iter().position(|s| s.name == sheet);
        let (Some(&offset), true) = (at.and_then(|i| self.offsets.get(i)), self.stale) else {
            return FxHashMap::default();
        };
        let formulas = sheet_records(&self.stream, offset).filter(|r| r.typ == record::FORMULA);
        formulas
            .filter(|r| r.data.get(6..14).is_some_and(placeholder))
            .filter_map(|r| Some((u16_at(r.data, 0)?, u16_at(r.data, 2)?)))
            .map(|(row, col)| ((u32::from(row), u32::from(col)), String::new()))
            .collect()
    }

    fn merges_cheap(&self) -> bool {
        true
    }
}

/// What the globals substream says.
struct Globals {
    sheets: Vec<SheetInfo>,
    offsets: Vec<usize>,
    strings: Vec<String>,
    text: Text,
    dates: Dates,
    /// A RECALCID record names the engine that last calculated the formulas.
    calculated: bool,
}

impl Globals {
    /// Walks the globals substream (to its EOF), decrypting the stream in place when a FILEPASS
    /// record with Excel's default password is met.
    fn walk(stream: &mut [u8], mut text: Text) -> Result<Globals, Problem> {
        let mut globals = Globals {
            sheets: Vec::new(),
            offsets: Vec::new(),
            strings: Vec::new(),
            text,
            dates: Dates::default(),
            calculated: false,
        };
        // The SST record and its CONTINUE records, as ranges of the stream.
        let mut sst: Vec<(usize, usize)> = Vec::new();
        let mut in_sst = false;
        let mut pos = 0;
        loop {
            let Some(r) = (Records { stream, pos }).next() else {
                return Err(unreadable("damaged xls: the workbook globals never end"));
            };
            let (typ, at, len) = (r.typ, r.at, r.data.len());
            pos = at + 4 + usize::from(u16_at(stream, at + 2).unwrap_or(0));
            if typ == record::FILEPASS {
                let filepass = stream[at + 4..at + 4 + len].to_vec();
                crypt::decrypt(stream, pos, &filepass)?;
                continue;
            }
            let data = &stream[at + 4..at + 4 + len];
            in_sst &= typ == record::CONTINUE;
            match typ {
                record::EOF => break,
                record::CODEPAGE => {
                    if let Text::Biff5(_) = text {
                        text = Text::biff5(u16_at(data, 0));
                        globals.text = text;
                    }
                }
                record::BOUNDSHEET => globals.sheet(data, text),
                record::RECALCID => globals.calculated = u32_at(data, 4).is_some_and(|id| id != 0),
                record::DATEMODE => globals.dates.date_mode(data),
                record::FORMAT => globals.dates.format(data, text),
                record::XF => globals.dates.xf(data),
                record::SST if sst.is_empty() => {
                    sst.push((at + 4, at + 4 + len));
                    in_sst = true;
                }
                record::CONTINUE if in_sst => sst.push((at + 4, at + 4 + len)),
                _ => {}
            }
        }
        let parts: Vec<&[u8]> = sst.iter().map(|&(a, b)| &stream[a..b]).collect();
        globals.strings = strings::shared_strings(&parts);
        globals.dates.finish();
        Ok(globals)
    }

    /// A BOUNDSHEET record: where the sheet starts, whether it is hidden, its type and name.
    /// Only worksheets are kept (charts, macro sheets and VBA modules hold no table).
    fn sheet(&mut self, data: &[u8], text: Text) {
        let (Some(offset), Some(&state), Some(&kind)) = (u32_at(data, 0), data.get(4), data.get(5))
        else {
            return;
        };
        if kind != 0 {
            return;
        }
        let mut name = text.short(data.get(6..).unwrap_or_default());
        name.retain(|c| c != '\0');
        self.offsets.push(offset as usize);
        self.sheets.push(SheetInfo {
            name,
            hidden: state & 0x03 != 0,
        });
    }
}

/// The Workbook (BIFF8) or Book (BIFF5) stream of an xls compound file.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| unreadable(&format!("not an xls compound file: {e}")))?;
    for name in ["Workbook", "Book", "WORKBOOK", "BOOK"] {
        if let Ok(mut stream) = file.open_stream(name) {
            let mut out = Vec::new();
            // A stream is never larger than the file that holds it.
            let limit = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
            stream
                .by_ref()
                .take(limit)
                .read_to_end(&mut out)
                .map_err(|e| unreadable(&format!("damaged xls: {e}")))?;
            return Ok(out);
        }
    }
    Err(unreadable("not an xls workbook (no Workbook stream)"))
}

/// The cells of one sheet as its records are walked.
#[derive(Default)]
struct SheetCells {
    cells: Vec<(u32, u32, Cell)>,
    count: u64,
    /// Where the last FORMULA whose result is text stands (its STRING record follows).
    formula_text_at: Option<(u32, u32)>,
    /// The workbook's formulas were never calculated ([`Workbook::stale`]).
    stale: bool,
}

impl SheetCells {
    fn push(&mut self, row: u16, col: u16, value: Cell) {
        self.cells.push((u32::from(row), u32::from(col), value));
        self.count += 1;
    }

    /// Reads one cell record (others are ignored: BLANK and MULBLANK are formatting only) of
    /// `book`'s: its strings, their encoding, its date formats.
    fn record(&mut self, typ: u16, data: &[u8], book: &Workbook) {
        let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) else {
            return;
        };
        let (strings, text, dates) = (&book.strings, book.text, &book.dates);
        let xf = u16_at(data, 4);
        let payload = data.get(6..).unwrap_or_default();
        match typ {
            record::NUMBER => {
                if let Some(b) = payload.get(..8) {
                    let bits: [u8; 8] = [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]];
                    self.push(row, col, dates.number(xf, f64::from_le_bytes(bits)));
                }
            }
            record::RK => {
                if let Some(rk) = u32_at(payload, 0) {
                    self.push(row, col, dates.number(xf, rk_number(rk)));
                }
            }
            record::MULRK => self.mul_rk(row, data, dates),
            record::LABELSST => {
                let found = u32_at(payload, 0).and_then(|i| strings.get(i as usize));
                if let Some(s) = found {
                    self.push(row, col, Cell::Text(s.clone()));
                }
            }
            record::LABEL | record::RSTRING => self.push(row, col, Cell::Text(text.long(payload))),
            record::BOOLERR => match (payload.first(), payload.get(1)) {
                (Some(&v), Some(0)) => self.push(row, col, Cell::Bool(v != 0)),
                (Some(&code), Some(_)) => self.push(row, col, error_cell(code)),
                _ => {}
            },
            record::FORMULA => self.formula(row, col, payload, |n| dates.number(xf, n)),
            record::STRING => {
                if let Some((r, c)) = self.formula_text_at.take() {
                    self.cells.push((r, c, Cell::Text(text.long(data))));
                    self.count += 1;
                }
            }
            _ => {}
        }
    }

    /// MULRK: a row, the first column, six bytes (XF, RK) per cell, the last column.
    fn mul_rk(&mut self, row: u16, data: &[u8], dates: &Dates) {
        let (Some(first), Some(body)) =
            (u16_at(data, 2), data.get(4..data.len().saturating_sub(2)))
        else {
            return;
        };
        for (col, cell) in (first..=u16::MAX).zip(body.chunks_exact(6)) {
            if let Some(rk) = u32_at(cell, 2) {
                self.push(row, col, dates.number(u16_at(cell, 0), rk_number(rk)));
            }
        }
    }

    /// FORMULA: the cached result — a number, or (marked by 0xFFFF in its last two bytes) a
    /// boolean, an error, empty text, or text that the next STRING record holds.
    /// `number` makes a number result a cell (a date, when the cell's format shows one).
    fn formula(&mut self, row: u16, col: u16, result: &[u8], number: impl Fn(f64) -> Cell) {
        let Some(b) = result.get(..8) else {
            return;
        };
        if self.stale && placeholder(b) {
            self.push(row, col, Cell::hollow());
            return;
        }
        if b[6] != 0xFF || b[7] != 0xFF {
            let bits: [u8; 8] = [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]];
            self.push(row, col, number(f64::from_le_bytes(bits)));
            return;
        }
        match b[0] {
            0 => self.formula_text_at = Some((u32::from(row), u32::from(col))),
            1 => self.push(row, col, Cell::Bool(b[2] != 0)),
            2 => self.push(row, col, error_cell(b[2])),
            3 => self.push(row, col, Cell::Text(String::new())),
            _ => {}
        }
    }

    fn too_large(&self) -> Problem {
        let mut extent: Option<Extent> = None;
        for &(r, c, _) in &self.cells {
            Extent::grow(&mut extent, r.into(), c.into());
        }
        let extent = extent.unwrap_or_else(|| Extent::of(0, 0));
        Problem::SheetTooLarge {
            extent: extent.a1(),
            cells: self.count,
        }
    }

    /// The cells by row, then column; of two records for one cell, the later.
    fn sorted(self) -> Vec<(u32, u32, Cell)> {
        let mut cells = self.cells;
        cells.reverse();
        cells.sort_by_key(|&(r, c, _)| (r, c));
        cells.dedup_by_key(|&mut (r, c, _)| (r, c));
        cells
    }
}

/// Whether a FORMULA's result (its eight bytes) is what a writer that does not calculate leaves
/// there: empty text (xlwt) or the number 0 (Apache POI).
fn placeholder(result: &[u8]) -> bool {
    match result {
        [3, _, _, _, _, _, 0xFF, 0xFF] => true,
        [_, _, _, _, _, _, 0xFF, 0xFF] => false,
        [a, b, c, d, e, f, g, h] => f64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]) == 0.0,
        _ => false,
    }
}

/// An RK number (MS-XLS 2.5.217): a 30-bit integer or the top of an f64, perhaps × 1/100.
fn rk_number(rk: u32) -> f64 {
    let value = if rk & 2 != 0 {
        f64::from((rk as i32) >> 2)
    } else {
        f64::from_bits(u64::from(rk & 0xFFFF_FFFC) << 32)
    };
    if rk & 1 != 0 { value / 100.0 } else { value }
}

/// A formula error code (MS-XLS 2.5.97.2) as Excel shows it.
fn error_cell(code: u8) -> Cell {
    let text = match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        0x2B => "#GETTING_DATA",
        _ => "#ERROR!",
    };
    Cell::Error(text.into())
}

#[cfg(test)]
mod tests;
