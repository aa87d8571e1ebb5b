//! Arbitrary bytes to the reader, as xlsx, xls, ods or xlsb (the first byte chooses). Any panic
//! is a crash — also one that `read_bytes` catches inside calamine: planmerge's panic hook keeps
//! that one quiet, so the assertion on `READER_PANICKED` below makes it a crash — and every
//! file-level problem must be one of the reader's own codes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planmerge::issue::{IssueList, Stage, codes_of};
use planmerge::read::{READER_PANICKED, read_bytes_into};


fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let extension = ["xlsx", "xls", "ods", "xlsb"][usize::from(selector % 4)];
    // Validation must not panic either on whatever rows come out: each is validated as it is
    // found, as in a merge.
    let mut row_issues = IssueList::default();
    let division = "fuzz".into();
    let read = read_bytes_into("fuzz", extension, bytes.to_vec(), &Default::default(), &mut |raw| {
        let _ = planmerge::validate::project(&raw, &division, &mut row_issues);
    });
    for issue in read.issues.iter() {
        let code = issue.problem.code();
        assert!(codes_of(Stage::Read).any(|c| c == code), "unexpected code {code}");
        assert!(!issue.message().contains(READER_PANICKED), "caught panic");
    }
});
