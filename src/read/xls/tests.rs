//! The xls reader on hand-made record streams.

use super::*;

/// Prints the sheets and first cells of the xls named by `PLANMERGE_DUMP` (a debugging aid).
#[test]
#[ignore = "debugging aid: PLANMERGE_DUMP=file.xls cargo test --lib dump_xls -- --ignored --nocapture"]
fn dump_xls() {
    let Ok(path) = std::env::var("PLANMERGE_DUMP") else {
        return;
    };
    let bytes = std::fs::read(path).expect("read");
    let book = Workbook::open(&bytes).expect("open");
    println!("{:?}", book.sheets());
    let mut n = 0;
    let _ = book.cells(&mut |s, r, c, v| {
        n += 1;
        if n < 40 {
            println!("{s} {r} {c} {v:?}");
        }
    });
}
