//! The reader under mutated input, on the stable toolchain: small valid seeds made by the repo's
//! own builders (xlsx) and LibreOffice conversions of them (ods, xls), mutated by bit flips,
//! truncation, overwritten spans, and structure-aware edits inside the zip (an XML entry changed
//! and re-zipped with a valid CRC, so the XML parsers — not the CRC check — meet the damage).
//! Every input is read as xlsx, xls, ods and xlsb. No panic may escape, none may be caught inside
//! calamine either (`READER_PANICKED`), and every file-level problem is one of the reader's codes.
//!
//! `cargo test --test it fuzz_reader` runs a modest number of cases; the long run is
//! `FUZZ_SECONDS=600 cargo test --release --test it -- --ignored fuzz_reader:: --nocapture`.
//! The libFuzzer target is fuzz/fuzz_targets/read_bytes.rs (`cargo +nightly fuzz run read_bytes`).

use crate::support::hostile;
use planmerge::issue::{IssueList, Stage, codes_of};
use planmerge::read::{READER_PANICKED, read_bytes_into};
use proptest::prelude::*;
use std::io::{Cursor, Read, Write};

const EXTENSIONS: [&str; 4] = ["xlsx", "xls", "ods", "xlsb"];

/// Values that have broken spreadsheet readers: far and malformed references, huge repeat
/// counts, out-of-range string indexes, odd numbers.
const HOSTILE_TOKENS: [&str; 16] = [
    "XFD1048576",
    "A0",
    "ZZZZZZZZZZ1",
    "A99999999999",
    "B2:A1",
    "A1:XFD1048576",
    "4294967296",
    "1000000000",
    "-1",
    "99999",
    "1e400",
    "NaN",
    "",
    "&#0;",
    "]]>",
    "\u{0E4D}\u{0E32}\u{200B}",
];

/// The seeds: (name, bytes).
fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let file = |n: &str| std::fs::read(hostile::fixture(n)).expect("fixture");
    vec![
        ("xlsx", hostile::seed_xlsx_bytes()),
        ("ods", file("seed.ods")),
        ("xls", file("seed.xls")),
        // Decrypted before it is read (Excel's default password), and indented XML.
        ("xls", file("encrypted-rc4-velvetsweatshop.xls")),
        ("ods", file("indented.ods")),
    ]
}

/// One way to damage a file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Flip bits at (position fraction, bit) pairs.
    Flips(Vec<(f64, u8)>),
    /// Keep only this fraction of the file.
    Truncate(f64),
    /// Overwrite a span (start fraction) with these bytes.
    Overwrite(f64, Vec<u8>),
    /// Inside the zip: in entry `entry`, replace the `nth` quoted attribute value with a token.
    ZipValue {
        entry: usize,
        nth: usize,
        token: usize,
    },
    /// Inside the zip: flip bytes of entry `entry` at these fractions.
    ZipFlips { entry: usize, at: Vec<f64> },
    /// Arbitrary bytes instead of the seed.
    Arbitrary(Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        prop::collection::vec((0.0..1.0f64, 0..8u8), 1..8).prop_map(Mutation::Flips),
        (0.0..1.0f64).prop_map(Mutation::Truncate),
        (0.0..1.0f64, prop::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(at, b)| Mutation::Overwrite(at, b)),
        (0..16usize, 0..400usize, 0..HOSTILE_TOKENS.len())
            .prop_map(|(entry, nth, token)| Mutation::ZipValue { entry, nth, token }),
        (0..16usize, prop::collection::vec(0.0..1.0f64, 1..6))
            .prop_map(|(entry, at)| Mutation::ZipFlips { entry, at }),
        prop::collection::vec(any::<u8>(), 0..512).prop_map(Mutation::Arbitrary),
    ]
}

fn index(len: usize, fraction: f64) -> usize {
    ((len as f64 * fraction) as usize).min(len.saturating_sub(1))
}

/// Applies a mutation; zip mutations leave a non-zip seed unchanged.
fn mutate(seed: &[u8], m: &Mutation) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    if bytes.is_empty() && !matches!(m, Mutation::Arbitrary(_)) {
        return bytes;
    }
    match m {
        Mutation::Flips(flips) => {
            for (at, bit) in flips {
                let i = index(bytes.len(), *at);
                bytes[i] ^= 1 << bit;
            }
        }
        Mutation::Truncate(keep) => bytes.truncate(index(bytes.len(), *keep)),
        Mutation::Overwrite(at, with) => {
            let start = index(bytes.len(), *at);
            for (b, w) in bytes.iter_mut().skip(start).zip(with) {
                *b = *w;
            }
        }
        Mutation::ZipValue { entry, nth, token } => {
            return rezip(seed, *entry, |xml| {
                replace_nth_value(xml, *nth, HOSTILE_TOKENS[*token])
            })
            .unwrap_or(bytes);
        }
        Mutation::ZipFlips { entry, at } => {
            return rezip(seed, *entry, |xml| {
                let mut xml = xml.to_vec();
                for f in at {
                    let i = index(xml.len(), *f);
                    if let Some(b) = xml.get_mut(i) {
                        *b = b.wrapping_add(1);
                    }
                }
                xml
            })
            .unwrap_or(bytes);
        }
        Mutation::Arbitrary(b) => return b.clone(),
    }
    bytes
}

/// `a="x" b="y"` with the `nth` value (counting round the document) replaced by `token`.
fn replace_nth_value(xml: &[u8], nth: usize, token: &str) -> Vec<u8> {
    let quotes: Vec<usize> = xml
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'"' && *i > 0 && xml[i - 1] == b'=')
        .map(|(i, _)| i)
        .collect();
    let Some(&open) = quotes.get(nth % quotes.len().max(1)) else {
        return xml.to_vec();
    };
    let close = xml[open + 1..]
        .iter()
        .position(|b| *b == b'"')
        .map_or(xml.len(), |p| open + 1 + p);
    [&xml[..=open], token.as_bytes(), &xml[close..]].concat()
}

/// The zip with entry `entry` (modulo the count) rewritten by `edit`, all entries stored, in
/// their order (ods needs `mimetype` first). `None` when the seed is not a zip.
fn rezip(seed: &[u8], entry: usize, edit: impl Fn(&[u8]) -> Vec<u8>) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(seed)).ok()?;
    let target = entry % zip.len().max(1);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).ok()?;
        let name = file.name().ok()?.to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).ok()?;
        let data = if i == target { edit(&data) } else { data };
        out.start_file(name, stored).ok()?;
        out.write_all(&data).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

/// Reads `bytes` as every format; `Err` describes the first finding.
fn read_all_ways(bytes: &[u8]) -> Result<(), String> {
    for ext in EXTENSIONS {
        // Every row the reader finds is validated as it is found, as in a merge.
        let mut row_issues = IssueList::default();
        let division = "fuzz".into();
        let options = Default::default();
        let read = read_bytes_into("fuzz", ext, bytes.to_vec(), &options, &mut |raw| {
            let _ = planmerge::validate::project(&raw, &division, &mut row_issues);
        });
        for issue in read.issues.iter() {
            let code = issue.problem.code();
            if !codes_of(Stage::Read).any(|c| c == code) {
                return Err(format!("as {ext}: unexpected code {code}"));
            }
            if issue
                .detail()
                .is_some_and(|d| d.starts_with(READER_PANICKED))
            {
                return Err(format!("as {ext}: calamine panicked (caught)"));
            }
        }
    }
    Ok(())
}

proptest! {
    // A fixed seed keeps `cargo test` repeatable; the long run below explores.
    #![proptest_config(ProptestConfig {
        cases: 64,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x706c_616e_6d65_7267),
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_workbooks_never_panic_and_earn_reader_codes(
        seed in 0..5usize,
        m in mutation(),
    ) {
        let seeds = seeds();
        let bytes = mutate(&seeds[seed].1, &m);
        prop_assert_eq!(read_all_ways(&bytes), Ok(()), "seed {}", seeds[seed].0);
    }
}

/// A tiny xorshift generator for the long run (no proptest shrinking there: findings are
/// written to disk and turned into regression tests by hand).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn fraction(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn mutation(&mut self) -> Mutation {
        match self.below(6) {
            0 => Mutation::Flips(
                (0..1 + self.below(8))
                    .map(|_| (self.fraction(), self.below(8) as u8))
                    .collect(),
            ),
            1 => Mutation::Truncate(self.fraction()),
            2 => Mutation::Overwrite(
                self.fraction(),
                (0..1 + self.below(64)).map(|_| self.next() as u8).collect(),
            ),
            3 => Mutation::ZipValue {
                entry: self.below(16),
                nth: self.below(400),
                token: self.below(HOSTILE_TOKENS.len()),
            },
            4 => Mutation::ZipFlips {
                entry: self.below(16),
                at: (0..1 + self.below(6)).map(|_| self.fraction()).collect(),
            },
            _ => Mutation::Arbitrary((0..self.below(512)).map(|_| self.next() as u8).collect()),
        }
    }
}

/// Runs stacked mutations for `FUZZ_SECONDS` (default 600) and prints executions and findings;
/// each finding's bytes are saved under target/fuzz-findings/.
#[test]
#[ignore = "long run: FUZZ_SECONDS=600 cargo test --release --test it -- --ignored fuzz_reader:: --nocapture"]
fn long_run_of_mutations() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let seeds = seeds();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
    let start = std::time::Instant::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ u64::from(std::process::id()));
    let (mut executions, mut findings) = (0u64, 0u64);
    while start.elapsed().as_secs() < seconds {
        let mut bytes = seeds[rng.below(seeds.len())].1.clone();
        for _ in 0..1 + rng.below(3) {
            bytes = mutate(&bytes, &rng.mutation());
        }
        executions += 1;
        // Saved first, so an abort (which no hook can catch) leaves its input behind.
        std::fs::create_dir_all(&out).expect("findings folder");
        std::fs::write(out.join("current.bin"), &bytes).expect("save current");
        if let Err(finding) = read_all_ways(&bytes) {
            findings += 1;
            std::fs::write(out.join(format!("finding-{findings}.bin")), &bytes).expect("save");
            println!("finding {findings}: {finding}");
        }
    }
    println!(
        "{executions} executions ({} reads) in {} s, {findings} findings",
        executions * EXTENSIONS.len() as u64,
        start.elapsed().as_secs()
    );
    assert_eq!(findings, 0, "findings saved in {}", out.display());
}
