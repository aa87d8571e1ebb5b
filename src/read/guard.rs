//! What is checked before calamine sees a file's bytes.
//!
//! **Compound files** (xls, and the encrypted wrapper of a password-protected xlsx): calamine's
//! own compound-file parser panics on a truncated file or a sector chain that points past the
//! end (found by the fuzz harness), so such bytes are first opened with the `cfb` crate, which
//! validates the header, the allocation tables and the directory, and refused when it cannot.
//!
//! **The shared-string count of an xlsx**: calamine reserves room for the count a file announces
//! before reading one string, so a forged count would abort the process (a fuzz finding).
//!
//! xls and ods are not given to calamine at all (it allocates each sheet's whole bounding box
//! for them): `read::xls` and `read::ods` read them sparsely and count the cells they hold
//! against [`MAX_CELLS`].
//!
//! This module judges size only; it never decides what a value means.

use crate::model::column_letters;
use std::io::Cursor;

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

/// The most cells one sheet of an xls or ods workbook may hold (cells with a value, not its
/// bounding box): 4 million, about 150 MB while sorted. A real division sheet has a few
/// thousand; a sheet with more is refused as `sheet-too-large`.
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
    /// One cell.
    pub(crate) fn of(row: u64, col: u64) -> Self {
        Extent {
            start: (row, col),
            end: (row, col),
        }
    }

    fn include(&mut self, row: u64, col: u64) {
        self.start = (self.start.0.min(row), self.start.1.min(col));
        self.end = (self.end.0.max(row), self.end.1.max(col));
    }

    /// Grows an optional extent by one cell.
    pub(crate) fn grow(extent: &mut Option<Extent>, row: u64, col: u64) {
        match extent {
            Some(e) => e.include(row, col),
            None => *extent = Some(Extent::of(row, col)),
        }
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

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
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
    if let Some(bomb) = zip_bomb(&mut zip) {
        return Some(bomb);
    }
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

/// Entries larger than this, unpacked, are looked at for their compression ratio.
const BOMB_SIZE: u64 = 64 * 1024 * 1024;
/// A workbook's XML compresses 5 to 30 times; an entry packed over this many times more is made
/// to blow up (a zip bomb), not written by a spreadsheet program.
const BOMB_RATIO: u64 = 200;

/// Why a zip is a bomb, if it is: an entry that would unpack to more than [`BOMB_SIZE`] at a
/// ratio over [`BOMB_RATIO`] (calamine would hold one long run of its text whole). Only the
/// central directory is read.
fn zip_bomb(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Option<String> {
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        if size > BOMB_SIZE && size / packed > BOMB_RATIO {
            return Some(format!(
                "an entry would unpack to {} MiB from {} KiB (a zip bomb?)",
                size / (1024 * 1024),
                packed / 1024
            ));
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
}
