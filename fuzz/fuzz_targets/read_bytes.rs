//! Arbitrary bytes to the reader, as xlsx, xls, ods or xlsb (the first byte chooses). Any panic
//! is a crash — also one that `read_bytes` catches inside calamine: planmerge's panic hook keeps
//! that one quiet, so the assertion on `READER_PANICKED` below makes it a crash — and every
//! file-level problem must be one of the reader's own codes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planmerge::read::{READER_PANICKED, read_bytes};

/// The codes a file may earn before validation.
const READER_CODES: [&str; 10] = [
    "file-unreadable",
    "file-password-protected",
    "no-project-table",
    "sheet-too-large",
    "sheet-hidden",
    "summary-skipped",
    "header-duplicate",
    "header-incomplete",
    "ordinance-budget-assumed",
    "row-not-project",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let extension = ["xlsx", "xls", "ods", "xlsb"][usize::from(selector % 4)];
    let read = read_bytes("fuzz", extension, bytes.to_vec());
    for issue in &read.issues {
        let code = issue.problem.code();
        assert!(READER_CODES.contains(&code), "unexpected code {code}");
        assert!(!issue.message().contains(READER_PANICKED), "caught panic");
    }
    // Validation must not panic either on whatever rows came out.
    let _ = planmerge::validate::validate(vec![read]);
});
