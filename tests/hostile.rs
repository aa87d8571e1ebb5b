//! Hostile workbooks, one test each: whatever a file holds, planmerge answers with a clear issue
//! or a correct result — never a panic, never a runaway allocation, never a lost row.

#[path = "support/hostile.rs"]
mod hostile;
mod support;

use hostile::fixture;
use planmerge::read::{FileRows, read_file};
use std::path::Path;
use support::{V, WORDS_HEADER, t, words_row, write_book};

/// The codes of a read file's issues.
fn codes(read: &FileRows) -> Vec<&'static str> {
    read.issues.iter().map(|i| i.problem.code()).collect()
}

/// Makes the committed ods/xls fixtures from the builders (LibreOffice converts). Run with
/// `cargo test --test hostile -- --ignored regenerate_hostile_fixtures` after changing them.
#[test]
#[ignore = "needs LibreOffice; rewrites tests/fixtures/hostile"]
fn regenerate_hostile_fixtures() {
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path();
    let seed = dir.join("seed.xlsx");
    std::fs::write(&seed, hostile::seed_xlsx_bytes()).expect("seed");
    let far_xls = dir.join("far-cell-iv65536.xlsx");
    hostile::far_cell_book(&far_xls, 65535, 255);
    let far_ods = dir.join("far-cell-xfd1048576.xlsx");
    hostile::far_cell_book(&far_ods, 1_048_575, 16_383);
    let near_ods = dir.join("far-cell-xfd6000.xlsx");
    hostile::far_cell_book(&near_ods, 5999, 16_383);
    let jobs = [
        (&seed, "ods"),
        (&seed, "xls"),
        (&far_xls, "xls"),
        (&far_ods, "ods"),
        (&near_ods, "ods"),
    ];
    for (src, ext) in jobs {
        let out = hostile::soffice_convert(src, ext, dir).expect("LibreOffice conversion");
        std::fs::copy(
            &out,
            fixture(&format!(
                "{}.{ext}",
                src.file_stem().and_then(|s| s.to_str()).unwrap_or("x")
            )),
        )
        .expect("copy fixture");
    }
    std::fs::copy(&seed, fixture("seed.xlsx")).expect("copy seed");
}
