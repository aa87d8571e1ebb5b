//! What is checked before calamine sees a file's bytes.
//!
//! **Compound files** (xls, and the encrypted wrapper of a password-protected xlsx): calamine's
//! own compound-file parser panics on a truncated file or a sector chain that points past the
//! end (found by the fuzz harness), so such bytes are first opened with the `cfb` crate, which
//! validates the header, the allocation tables and the directory, and refused when it cannot.
//!
//! **The extent of a sheet**, checked before calamine loads it. calamine reads an xls workbook whole
//! when it opens it, and allocates each sheet's bounding box (rows × columns, ~32-40 bytes a
//! cell) — trusting even the DIMENSIONS record a file claims. One stray value at IV65536, or a
//! few forged bytes, would cost gigabytes or abort the process. So the xls record stream is
//! walked here first (cheaply, without allocating per cell) and a sheet wider than
//! [`MAX_CELLS`] is refused with the far corner named. xlsx and xlsb need no check: they are
//! streamed cell by cell. ods is checked the same way on its `content.xml`.
//!
//! This module judges size only; it never decides what a value means.

use crate::model::column_letters;
use std::io::{Cursor, Read};

/// The signature that opens every compound file (xls, encrypted xlsx).
pub const COMPOUND_FILE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Why a compound file cannot be read safely, if it cannot: bytes that begin with the
/// compound-file signature but whose structure does not hold together (a truncated download,
/// a damaged sector chain). `None` for sound compound files and for other formats.
pub fn compound_file_damage(bytes: &[u8]) -> Option<String> {
    if !bytes.starts_with(&COMPOUND_FILE_MAGIC) {
        return None;
    }
    let sector_size = match bytes.get(30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => return Some("damaged compound file header".into()),
    };
    // calamine reads the last sector whole; a file cut inside it is damaged.
    if bytes.len() < sector_size || !bytes.len().is_multiple_of(sector_size) {
        return Some(format!(
            "truncated compound file ({} bytes, not whole {sector_size}-byte sectors)",
            bytes.len()
        ));
    }
    if let Err(e) = cfb::CompoundFile::open(Cursor::new(bytes)) {
        return Some(format!("damaged compound file: {e}"));
    }
    CompoundFile::walk(bytes, sector_size)
        .err()
        .map(|e| format!("damaged compound file: {e}"))
}

/// Sector ids at or above this are markers, not sectors (as calamine reads them).
const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;
/// Marks a DIFAT sector in the allocation table.
const DIFSECT: u32 = 0xFFFF_FFFC;
/// Ends a sector chain.
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

/// A compound file walked the way calamine walks it — every DIFAT entry of the header, every
/// chain of every named directory entry — but with every sector id and table index checked and
/// every chain bounded, so a forged pointer or a cycle is found here instead of panicking or
/// looping there.
struct CompoundFile<'a> {
    sectors: &'a [u8],
    size: usize,
    /// Steps left for all chains together: a sound file visits each sector and mini sector
    /// once, so twice that is plenty, and a forged one cannot make the walk slow.
    budget: std::cell::Cell<usize>,
}

impl<'a> CompoundFile<'a> {
    fn walk(bytes: &'a [u8], size: usize) -> Result<(), &'static str> {
        let sectors = bytes.get(size..).ok_or("no sectors")?;
        let count = sectors.len() / size + 1;
        let file = CompoundFile {
            sectors,
            size,
            budget: std::cell::Cell::new(count.saturating_mul(size / 64 + 1).saturating_mul(2)),
        };
        let header = bytes.get(..512).ok_or("short header")?;
        let word = |at: usize| u32_at(header, at).ok_or("short header");
        let mut difat: Vec<u32> = header[76..512]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let mut next = word(68)?;
        let mut steps = 0;
        while next < RESERVED_SECTORS {
            steps += 1;
            if steps > file.count() {
                return Err("DIFAT chain loops");
            }
            difat.extend(words(file.sector(next)?));
            next = difat.pop().ok_or("empty DIFAT sector")?;
        }
        let mut fat = Vec::new();
        for id in difat.into_iter().filter(|id| *id < DIFSECT) {
            fat.extend(words(file.sector(id)?));
        }
        let directory = file.chain(word(48)?, &fat, usize::MAX, |id| file.sector(id))?;
        let entries: Vec<(bool, u32, usize)> = directory
            .chunks_exact(128)
            .map(|e| {
                // Only stream objects (type 2) own a chain of their own; the root entry's chain
                // is the mini stream itself, storages have none.
                let named = e[..64].iter().any(|b| *b != 0) && e[66] == 2;
                let start = u32_at(e, 116).unwrap_or(END_OF_CHAIN);
                let len = if size == 512 {
                    u32_at(e, 120).map_or(usize::MAX, |l| l as usize)
                } else {
                    e.get(120..128)
                        .and_then(|b| b.try_into().ok())
                        .map_or(usize::MAX, |b| u64::from_le_bytes(b) as usize)
                };
                (named, start, len)
            })
            .collect();
        let (_, root_start, root_len) = *entries.first().ok_or("no root entry")?;
        let mini_fat_len = usize::try_from(word(64)?).map_err(|_| "mini FAT size")?;
        let (mini_fat, mini_stream) = if mini_fat_len > 0 {
            let stream = file.chain(root_start, &fat, root_len, |id| file.sector(id))?;
            let table = file.chain(word(60)?, &fat, mini_fat_len.saturating_mul(size), |id| {
                file.sector(id)
            })?;
            (words(&table).collect(), stream)
        } else {
            (Vec::new(), Vec::new())
        };
        let mini = |id: u32| {
            let start = (id as usize).checked_mul(64).ok_or("mini sector id")?;
            mini_stream
                .get(start..start + 64)
                .ok_or("mini sector beyond the mini stream")
        };
        for (named, start, len) in entries {
            if !named || len == 0 {
                continue;
            }
            if len < 4096 {
                file.chain(start, &mini_fat, len, mini)?;
            } else {
                file.chain(start, &fat, len, |id| file.sector(id))?;
            }
        }
        Ok(())
    }

    /// Number of whole sectors after the header.
    fn count(&self) -> usize {
        self.sectors.len() / self.size
    }

    fn sector(&self, id: u32) -> Result<&'a [u8], &'static str> {
        let start = (id as usize).checked_mul(self.size).ok_or("sector id")?;
        self.sectors
            .get(start..start + self.size)
            .ok_or("sector beyond the end of the file")
    }

    /// Follows a chain through `table` until `len` bytes or END_OF_CHAIN, as calamine does, but
    /// refusing ids outside the table and chains longer than the table (a cycle).
    fn chain<'s>(
        &self,
        mut id: u32,
        table: &[u32],
        len: usize,
        sector: impl Fn(u32) -> Result<&'s [u8], &'static str>,
    ) -> Result<Vec<u8>, &'static str> {
        let mut out = Vec::new();
        let mut steps = 0;
        while id != END_OF_CHAIN {
            steps += 1;
            if steps > table.len() + 1 {
                return Err("sector chain loops");
            }
            let left = self
                .budget
                .get()
                .checked_sub(1)
                .ok_or("sector chains overlap")?;
            self.budget.set(left);
            let data = sector(id)?;
            out.extend_from_slice(&data[..data.len().min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            id = *table
                .get(id as usize)
                .ok_or("sector chain leaves the table")?;
        }
        Ok(out)
    }
}

/// A sector's bytes as little-endian u32s.
fn words(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// The largest bounding box (rows × columns) of one sheet read from a format calamine loads
/// whole: 4 million cells, about 150 MB. A real division sheet has a few thousand.
pub const MAX_CELLS: u64 = 4_000_000;

/// A rectangle of a sheet, zero-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    /// Top-left (row, col).
    pub start: (u64, u64),
    /// Bottom-right (row, col).
    pub end: (u64, u64),
}

impl Extent {
    fn of(row: u64, col: u64) -> Self {
        Extent {
            start: (row, col),
            end: (row, col),
        }
    }

    fn include(&mut self, row: u64, col: u64) {
        self.start = (self.start.0.min(row), self.start.1.min(col));
        self.end = (self.end.0.max(row), self.end.1.max(col));
    }

    /// Number of cells in the rectangle.
    pub fn cells(&self) -> u64 {
        let rows = self.end.0.saturating_sub(self.start.0).saturating_add(1);
        let cols = self.end.1.saturating_sub(self.start.1).saturating_add(1);
        rows.saturating_mul(cols)
    }

    /// `A1:IV65536`.
    pub fn a1(&self) -> String {
        let cell = |(r, c): (u64, u64)| {
            let col = u32::try_from(c).map_or_else(|_| "?".to_string(), column_letters);
            format!("{col}{}", r.saturating_add(1))
        };
        format!("{}:{}", cell(self.start), cell(self.end))
    }
}

/// Grows an optional extent by one cell.
fn grow(extent: &mut Option<Extent>, row: u64, col: u64) {
    match extent {
        Some(e) => e.include(row, col),
        None => *extent = Some(Extent::of(row, col)),
    }
}

/// The first sheet of an xls workbook whose cells, or whose DIMENSIONS record, span more than
/// [`MAX_CELLS`]; `None` when every sheet is small or the file is not a readable compound file
/// (calamine then reports what is wrong with it).
pub fn xls_too_large(bytes: &[u8]) -> Option<Extent> {
    let stream = xls_workbook_stream(bytes)?;
    let mut sheet: Option<Extent> = None;
    let mut pos = 0usize;
    while let Some(header) = stream.get(pos..pos + 4) {
        let typ = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let data = stream.get(pos + 4..pos + 4 + len).unwrap_or_default();
        pos += 4 + len;
        match typ {
            // BOF: a new substream (sheet); EOF ends it.
            0x0809 | 0x000A => {
                if let Some(e) = sheet.take().filter(|e| e.cells() > MAX_CELLS) {
                    return Some(e);
                }
            }
            // DIMENSIONS: calamine reserves rows × columns from it.
            0x0200 => {
                if let Some(e) = xls_dimensions(data).filter(|e| e.cells() > MAX_CELLS) {
                    return Some(e);
                }
            }
            // Number, Label, RString, BoolErr, RK, LabelSst, Formula: row, col first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    grow(&mut sheet, row.into(), col.into());
                }
            }
            // MulRk: row, first column, …, last column.
            0x00BD => {
                let last = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
                if let (Some(row), Some(first), Some(last)) =
                    (u16_at(data, 0), u16_at(data, 2), last)
                {
                    grow(&mut sheet, row.into(), first.into());
                    grow(&mut sheet, row.into(), last.into());
                }
            }
            _ => {}
        }
    }
    sheet.filter(|e| e.cells() > MAX_CELLS)
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let b = data.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Why an xls workbook stream cannot be read safely, if it cannot: a sheet (BOUNDSHEET record)
/// said to start beyond the end of the stream — calamine slices there without checking (a
/// fuzz finding).
pub fn xls_damage(bytes: &[u8]) -> Option<String> {
    let stream = xls_workbook_stream(bytes)?;
    let mut pos = 0usize;
    while let Some(header) = stream.get(pos..pos + 4) {
        let typ = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let data = stream.get(pos + 4..pos + 4 + len).unwrap_or_default();
        pos += 4 + len;
        if typ == 0x0085 && u32_at(data, 0).is_some_and(|start| start as usize >= stream.len()) {
            return Some("damaged xls: a sheet starts beyond the end of the workbook".into());
        }
    }
    None
}

/// The rectangle a DIMENSIONS record claims, as calamine will size it: rows first..last-1,
/// columns first..last-1 (BIFF8: u32 rows; BIFF5: u16). A record whose last row comes before
/// its first claims (in calamine's arithmetic) about 4 billion rows.
fn xls_dimensions(data: &[u8]) -> Option<Extent> {
    let (first_row, last_row, first_col, last_col) = match data.len() {
        10 => (
            u64::from(u16_at(data, 0)?),
            u64::from(u16_at(data, 2)?),
            u64::from(u16_at(data, 4)?),
            u64::from(u16_at(data, 6)?),
        ),
        14 | 16 => (
            u64::from(u32_at(data, 0)?),
            u64::from(u32_at(data, 4)?),
            u64::from(u16_at(data, 8)?),
            u64::from(u16_at(data, 10)?),
        ),
        _ => return None,
    };
    let first_col = if first_col > 0xFF || last_col < first_col {
        0
    } else {
        first_col
    };
    if last_row == 0 || last_col == 0 {
        return None;
    }
    let last_row = last_row - 1;
    let end_row = if last_row < first_row {
        first_row + u64::from(u32::MAX)
    } else {
        last_row
    };
    Some(Extent {
        start: (first_row, first_col),
        end: (end_row, last_col - 1),
    })
}

/// The most shared strings an xlsx may announce (`<sst uniqueCount>`). calamine reserves room
/// for that many before reading one (24 bytes each), so a forged count aborts the process on a
/// failed allocation — a fuzz finding. 16 million is ~400 MB, far above any real workbook.
pub const MAX_SHARED_STRINGS: u64 = 16_000_000;

/// Why an xlsx cannot be read safely, if it cannot: a shared-string table announcing more than
/// [`MAX_SHARED_STRINGS`] strings. `None` for other files (calamine reports what is wrong).
pub fn xlsx_damage(bytes: &[u8]) -> Option<String> {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.to_lowercase().ends_with("sharedstrings.xml"))
        .collect();
    for name in names {
        let Ok(entry) = zip.by_name(&name) else {
            continue;
        };
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                    let count = match e.try_get_attribute("uniqueCount") {
                        Ok(Some(a)) => leading_number(&a.value),
                        _ => 0,
                    };
                    if count > MAX_SHARED_STRINGS {
                        return Some(format!(
                            "damaged xlsx: {name} announces {count} shared strings"
                        ));
                    }
                    break;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
    }
    None
}

/// The number its leading ASCII digits spell (saturating), 0 when there are none.
fn leading_number(text: &str) -> u64 {
    text.trim()
        .bytes()
        .take_while(u8::is_ascii_digit)
        .fold(0u64, |n, d| {
            n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
        })
}

/// Why calamine must not be given an ods workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OdsRefusal {
    /// A table whose non-empty cells span more than [`MAX_CELLS`].
    TooLarge(Extent),
    /// A `<table:table>` never closed before the end of `content.xml`: calamine's table loop
    /// has no end-of-file case and would spin forever (a fuzz finding).
    TableNeverClosed,
}

/// Walks `content.xml` as calamine will (same reader settings: end names not checked) and says
/// why calamine must not read it, if it must not: a table too large to load (repeated rows and
/// columns counted as calamine expands them) or a table never closed. `None` when the file is
/// fine or is not a readable ods (calamine then reports what is wrong with it). `content.xml`
/// is streamed, never held whole.
pub fn ods_refusal(bytes: &[u8]) -> Option<OdsRefusal> {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let content = zip.by_name("content.xml").ok()?;
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    xml.config_mut().check_end_names = false;
    xml.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut scan = OdsScan::default();
    let mut table_open = false;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                table_open |= e.name().as_ref() == "table:table";
                scan.open(e.name().as_ref(), &e, false);
            }
            Ok(Event::Empty(e)) => {
                scan.open(e.name().as_ref(), &e, true);
                scan.close(e.name().as_ref());
            }
            Ok(Event::End(e)) => {
                table_open &= e.name().as_ref() != "table:table";
                scan.close(e.name().as_ref());
            }
            Ok(Event::Eof) if table_open => return Some(OdsRefusal::TableNeverClosed),
            Ok(Event::Eof) | Err(_) => return scan.too_large.map(OdsRefusal::TooLarge),
            Ok(_) => {}
        }
        if let Some(extent) = scan.too_large {
            return Some(OdsRefusal::TooLarge(extent));
        }
    }
}

/// Where the ods scan is: the table's extent so far, the current row and its values.
#[derive(Debug, Default)]
struct OdsScan {
    depth: usize,
    row: u64,
    row_repeats: u64,
    col: u64,
    row_cols: Option<(u64, u64)>,
    table: Option<Extent>,
    too_large: Option<Extent>,
}

impl OdsScan {
    fn open(&mut self, name: &str, e: &quick_xml::events::BytesStart<'_>, empty: bool) {
        match name {
            "table:table" => {
                self.depth += 1;
                if self.depth == 1 {
                    (self.row, self.table) = (0, None);
                }
            }
            "table:table-row" => {
                self.row_repeats = repeats(e, "table:number-rows-repeated");
                (self.col, self.row_cols) = (0, None);
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let cols = repeats(e, "table:number-columns-repeated");
                let has_value =
                    !empty || matches!(e.try_get_attribute("office:value-type"), Ok(Some(_)));
                if has_value {
                    let last = self.col.saturating_add(cols.saturating_sub(1));
                    let (first, _) = self.row_cols.unwrap_or((self.col, last));
                    self.row_cols = Some((first, last));
                }
                self.col = self.col.saturating_add(cols);
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "table:table" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.check();
                }
            }
            "table:table-row" => {
                if let Some((first, last)) = self.row_cols.take() {
                    let bottom = self.row.saturating_add(self.row_repeats.saturating_sub(1));
                    grow(&mut self.table, self.row, first);
                    grow(&mut self.table, bottom, last);
                    self.check();
                }
                self.row = self.row.saturating_add(self.row_repeats);
            }
            _ => {}
        }
    }

    fn check(&mut self) {
        if let Some(e) = self.table.filter(|e| e.cells() > MAX_CELLS) {
            self.too_large = Some(e);
        }
    }
}

/// A `number-…-repeated` attribute, at least 1.
fn repeats(e: &quick_xml::events::BytesStart<'_>, attribute: &str) -> u64 {
    match e.try_get_attribute(attribute) {
        Ok(Some(a)) => a.value.trim().parse::<u64>().unwrap_or(1).max(1),
        _ => 1,
    }
}

/// The Workbook (BIFF8) or Book (BIFF5) stream of an xls compound file.
fn xls_workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    for name in ["Workbook", "Book", "WORKBOOK", "BOOK"] {
        if let Ok(mut stream) = file.open_stream(name) {
            let mut out = Vec::new();
            // A stream is never larger than the file that holds it.
            let limit = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
            stream.by_ref().take(limit).read_to_end(&mut out).ok()?;
            return Some(out);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extent_counts_cells_and_names_its_corners() {
        let mut e = Extent::of(0, 0);
        e.include(65535, 255);
        assert_eq!(e.cells(), 65536 * 256);
        assert_eq!(e.a1(), "A1:IV65536");
    }

    #[test]
    fn dimensions_as_calamine_sizes_them() {
        let biff8 = |r0: u32, r1: u32, c0: u16, c1: u16| {
            let mut d = Vec::new();
            d.extend(r0.to_le_bytes());
            d.extend(r1.to_le_bytes());
            d.extend(c0.to_le_bytes());
            d.extend(c1.to_le_bytes());
            d.extend([0, 0]);
            d
        };
        let small = xls_dimensions(&biff8(0, 10, 0, 8)).expect("extent");
        assert_eq!(small.a1(), "A1:H10");
        let forged = xls_dimensions(&biff8(0, u32::MAX, 0, 0xFFFF)).expect("extent");
        assert!(forged.cells() > MAX_CELLS);
        let backwards = xls_dimensions(&biff8(50, 10, 0, 8)).expect("extent");
        assert!(backwards.cells() > MAX_CELLS);
        assert_eq!(xls_dimensions(&biff8(0, 0, 0, 0)), None);
    }

    #[test]
    fn a_compound_file_cut_inside_a_sector_is_damaged() {
        let mut header = COMPOUND_FILE_MAGIC.to_vec();
        header.resize(512, 0);
        header[30] = 9;
        let mut cut = header.clone();
        cut.extend([0u8; 100]);
        let reason = compound_file_damage(&cut).expect("damaged");
        assert!(reason.contains("truncated"), "{reason}");
        assert!(
            compound_file_damage(&header).is_some(),
            "no allocation table"
        );
        assert_eq!(
            compound_file_damage(b"PK\x03\x04"),
            None,
            "not a compound file"
        );
    }

    #[test]
    fn leading_number_saturates() {
        assert_eq!(leading_number(" 4294967296"), 4_294_967_296);
        assert_eq!(leading_number("99999999999999999999999"), u64::MAX);
        assert_eq!(leading_number("12abc"), 12);
        assert_eq!(leading_number("x"), 0);
    }

    #[test]
    fn not_a_compound_file_is_left_to_calamine() {
        assert_eq!(xls_too_large(b"not an xls"), None);
    }
}
