//! The strings of an .xls file: BIFF8's (UTF-16, or "compressed" Latin-1 with the high bytes
//! left out), BIFF5's (bytes in the workbook's code page), and the shared-string table (SST),
//! whose strings run on across CONTINUE records. Every read is checked: a short or forged
//! record gives a shorter string, never a panic.

use encoding_rs::Encoding;

/// How the workbook's strings are stored.
#[derive(Debug, Clone, Copy)]
pub(super) enum Text {
    /// BIFF8 (Excel 97–2003): a flags byte says whether characters are one byte or two.
    Biff8,
    /// BIFF5 (Excel 5/95): bytes in the code page of the CODEPAGE record.
    Biff5(&'static Encoding),
}

impl Text {
    /// The encoding of BIFF5 strings for a CODEPAGE record's value (Windows-1252 when unknown).
    pub(super) fn biff5(codepage: Option<u16>) -> Text {
        let encoding = codepage
            .and_then(codepage::to_encoding)
            .filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE)
            .unwrap_or(encoding_rs::WINDOWS_1252);
        Text::Biff5(encoding)
    }

    /// A string whose character count is a byte (a sheet's name in BOUNDSHEET).
    pub(super) fn short(&self, data: &[u8]) -> String {
        let Some((&count, rest)) = data.split_first() else {
            return String::new();
        };
        self.chars(rest, usize::from(count))
    }

    /// A string whose character count is two bytes (LABEL, RSTRING, STRING records).
    pub(super) fn long(&self, data: &[u8]) -> String {
        let Some(count) = data.get(..2).map(|b| u16::from_le_bytes([b[0], b[1]])) else {
            return String::new();
        };
        self.chars(data.get(2..).unwrap_or_default(), usize::from(count))
    }

    /// `count` characters from `data` (after the count; BIFF8 starts with the flags byte).
    fn chars(&self, data: &[u8], count: usize) -> String {
        match self {
            Text::Biff8 => {
                let Some((&flags, rest)) = data.split_first() else {
                    return String::new();
                };
                let mut s = String::new();
                let width = if flags & 1 != 0 { 2 } else { 1 };
                let end = rest.len().min(count * width);
                push_chars(&mut s, &rest[..end - end % width], width == 2);
                s
            }
            Text::Biff5(encoding) => {
                let end = data.len().min(count);
                encoding
                    .decode_without_bom_handling(&data[..end])
                    .0
                    .into_owned()
            }
        }
    }
}

/// Appends characters stored two bytes each (UTF-16LE) or one byte each (Latin-1).
fn push_chars(s: &mut String, bytes: &[u8], wide: bool) {
    if wide {
        let units = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]));
        s.extend(char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)));
    } else {
        s.extend(bytes.iter().map(|&b| char::from(b)));
    }
}

/// The bytes of a record followed by its CONTINUE records, read across their boundaries.
struct Parts<'a> {
    parts: &'a [&'a [u8]],
    index: usize,
    at: usize,
}

impl<'a> Parts<'a> {
    /// What is left of the current part.
    fn here(&self) -> &'a [u8] {
        self.parts
            .get(self.index)
            .and_then(|p| p.get(self.at..))
            .unwrap_or_default()
    }

    /// Moves to the next part; `false` at the end.
    fn next_part(&mut self) -> bool {
        if self.index + 1 >= self.parts.len() {
            return false;
        }
        self.index += 1;
        self.at = 0;
        true
    }

    /// Whether nothing is left in any part.
    fn is_done(&self) -> bool {
        self.here().is_empty() && self.parts[self.index + 1..].iter().all(|p| p.is_empty())
    }

    /// `n` bytes, read across part boundaries; `None` past the end.
    fn take(&mut self, n: usize) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(n.min(16));
        while out.len() < n {
            let here = self.here();
            if here.is_empty() {
                if !self.next_part() {
                    return None;
                }
                continue;
            }
            let k = here.len().min(n - out.len());
            out.extend_from_slice(&here[..k]);
            self.at += k;
        }
        Some(out)
    }

    /// Skips `n` bytes across part boundaries; `false` past the end.
    fn skip(&mut self, mut n: usize) -> bool {
        while n > 0 {
            let here = self.here();
            if here.is_empty() {
                if !self.next_part() {
                    return false;
                }
                continue;
            }
            let k = here.len().min(n);
            self.at += k;
            n -= k;
        }
        true
    }
}

/// The shared strings of an SST record (`parts[0]`) and its CONTINUE records (BIFF8 only).
/// A string cut short by the end of the records ends the table.
pub(super) fn shared_strings(parts: &[&[u8]]) -> Vec<String> {
    let mut strings = Vec::new();
    if parts.is_empty() {
        return strings;
    }
    let mut p = Parts {
        parts,
        index: 0,
        at: 8,
    };
    while !p.is_done() {
        match rich_string(&mut p) {
            Some(s) => strings.push(s),
            None => break,
        }
    }
    strings
}

/// One XLUnicodeRichExtendedString: count, flags, runs and phonetic sizes, characters (which
/// restart with a flags byte at each CONTINUE), then the runs and phonetic data, skipped.
fn rich_string(p: &mut Parts<'_>) -> Option<String> {
    let head = p.take(3)?;
    let count = usize::from(u16::from_le_bytes([head[0], head[1]]));
    let flags = head[2];
    let runs = if flags & 0x8 != 0 {
        let b = p.take(2)?;
        usize::from(u16::from_le_bytes([b[0], b[1]]))
    } else {
        0
    };
    let extended = if flags & 0x4 != 0 {
        let b = p.take(4)?;
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
    } else {
        0
    };
    let mut wide = flags & 1 != 0;
    let mut s = String::with_capacity(count.min(256));
    let mut left = count;
    while left > 0 {
        let here = p.here();
        if here.is_empty() {
            if !p.next_part() {
                return None;
            }
            let flag = p.take(1)?;
            wide = flag[0] & 1 != 0;
            continue;
        }
        let width = if wide { 2 } else { 1 };
        let n = (here.len() / width).min(left);
        if n == 0 {
            return None;
        }
        push_chars(&mut s, &here[..n * width], wide);
        p.at += n * width;
        left -= n;
    }
    (p.skip(runs * 4) && p.skip(extended)).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_string_runs_on_across_a_continue_record_and_changes_width() {
        // SST: total 2, unique 2; "ab" compressed; "กข" whose second character is in the
        // CONTINUE record, which restarts with a flags byte.
        let mut sst = vec![2, 0, 0, 0, 2, 0, 0, 0];
        sst.extend([2, 0, 0, b'a', b'b']);
        sst.extend([2, 0, 1, 0x01, 0x0E]);
        let cont = [1u8, 0x02, 0x0E];
        assert_eq!(shared_strings(&[&sst, &cont]), ["ab", "กข"]);
    }

    #[test]
    fn a_short_record_gives_what_it_holds() {
        assert!(shared_strings(&[&[1, 0, 0, 0, 1, 0, 0, 0, 9, 0]]).is_empty());
        assert_eq!(Text::Biff8.long(&[5, 0, 0, b'x']), "x");
        assert_eq!(Text::Biff8.long(&[5]), "");
        assert_eq!(Text::biff5(Some(874)).long(&[1, 0, 0xA1]), "ก");
    }
}
