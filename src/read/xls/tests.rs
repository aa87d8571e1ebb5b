//! The xls reader: the same cells as calamine on real files, and the records it must get right.

use super::*;
use calamine::Reader;
use std::io::Write;

/// Every cell of every worksheet, as our reader hands them on.
fn ours(bytes: &[u8]) -> Vec<(usize, u32, u32, Cell)> {
    let book = Workbook::open(bytes).expect("open");
    let mut cells = Vec::new();
    book.cells(&mut |s, r, c, v| cells.push((s, r, c, v)))
        .expect("cells");
    cells
}

/// Every non-empty cell of every worksheet, as calamine reads them (the reference).
fn calamine_cells(bytes: &[u8]) -> Vec<(usize, u32, u32, Cell)> {
    let mut book = calamine::Xls::new(Cursor::new(bytes.to_vec())).expect("calamine");
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut cells = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let range = book.worksheet_range(name).expect("range");
        let (top, left) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            cells.push((i, top + r as u32, left + c as u32, Cell::from(v)));
        }
    }
    cells
}

#[test]
fn committed_xls_files_read_to_the_same_cells_as_calamine() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in [
        "formats/กองคลัง.xls",
        "formats/สำนักปลัด.xls",
        "formats/กองวันที่.xls",
        "hostile/seed.xls",
        "hostile/far-cell-iv65536.xls",
    ] {
        let bytes = std::fs::read(root.join(name)).expect("fixture");
        let expected = calamine_cells(&bytes);
        assert!(!expected.is_empty(), "{name}");
        assert_eq!(ours(&bytes), expected, "{name}");
    }
}

#[test]
fn rk_numbers_decode_integers_floats_and_hundredths() {
    assert_eq!(rk_number((1 << 2) | 2), 1.0);
    assert_eq!(rk_number((12345 << 2) | 3), 123.45);
    assert_eq!(rk_number(((-7i32 << 2) | 2) as u32), -7.0);
    assert_eq!(rk_number(0x3FF8_0000), 1.5);
}

/// A record: type, data.
fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
    out
}

/// A cell record's first six bytes: row, column, XF 15.
fn at(row: u16, col: u16) -> Vec<u8> {
    [row.to_le_bytes(), col.to_le_bytes(), 15u16.to_le_bytes()].concat()
}

/// A BIFF8 workbook with one worksheet named "แผน" whose records are `sheet`.
fn book(sheet: &[Vec<u8>]) -> Vec<u8> {
    book_at(sheet, 0)
}

/// [`book`], with the sheet's offset in BOUNDSHEET moved by `skew` bytes.
fn book_at(sheet: &[Vec<u8>], skew: u32) -> Vec<u8> {
    let bof = rec(record::BOF, &[0, 6, 5, 0, 0, 0, 0, 0]);
    let name: Vec<u8> = "แผน".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let boundsheet_len = 4 + 4 + 2 + 2 + name.len();
    let offset = (bof.len() + boundsheet_len + 4) as u32 + skew;
    let mut bs = offset.to_le_bytes().to_vec();
    bs.extend([0, 0, 3, 1]);
    bs.extend(&name);
    let mut stream = [
        bof.clone(),
        rec(record::BOUNDSHEET, &bs),
        rec(record::EOF, &[]),
    ]
    .concat();
    stream.extend(&bof);
    for r in sheet {
        stream.extend(r);
    }
    stream.extend(rec(record::EOF, &[]));
    let mut file =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
            .expect("create");
    file.create_stream("Workbook")
        .expect("stream")
        .write_all(&stream)
        .expect("write");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

#[test]
fn formula_text_charts_and_rewritten_cells_read_as_excel_shows_them() {
    let number = |row, col, n: f64| {
        rec(
            record::NUMBER,
            &[at(row, col), n.to_le_bytes().to_vec()].concat(),
        )
    };
    let text_result = [0u8, 0, 0, 0, 0, 0, 0xFF, 0xFF];
    let formula = [at(1, 0), text_result.to_vec(), vec![0; 6]].concat();
    let chart = [
        rec(record::BOF, &[0, 6, 0x20, 0, 0, 0, 0, 0]),
        number(9, 9, 99.0),
        rec(record::EOF, &[]),
    ];
    let mut sheet = vec![
        number(0, 1, 1.0),
        rec(record::FORMULA, &formula),
        rec(record::STRING, &[2, 0, 0, b'o', b'k']),
    ];
    sheet.extend(chart);
    // Out of order, and the first cell written twice: the later record wins.
    sheet.push(number(0, 0, 5.0));
    sheet.push(number(0, 1, 2.0));
    let bool_cell = [at(2, 0), vec![1, 0]].concat();
    let error_cell = [at(2, 1), vec![0x07, 1]].concat();
    sheet.push(rec(record::BOOLERR, &bool_cell));
    sheet.push(rec(record::BOOLERR, &error_cell));
    let book = Workbook::open(&book(&sheet)).expect("open");
    assert_eq!(book.sheets()[0].name, "แผน");
    let mut cells = Vec::new();
    book.cells(&mut |_, r, c, v| cells.push((r, c, v)))
        .expect("cells");
    assert_eq!(
        cells,
        [
            (0, 0, Cell::Number(5.0)),
            (0, 1, Cell::Number(2.0)),
            (1, 0, Cell::Text("ok".into())),
            (2, 0, Cell::Bool(true)),
            (2, 1, Cell::Error("#DIV/0!".into())),
        ]
    );
}

#[test]
fn a_sheet_that_does_not_start_with_bof_is_damaged() {
    let bytes = book_at(&[], 1);
    let Err(Problem::FileUnreadable { reason, .. }) = Workbook::open(&bytes) else {
        panic!("damaged");
    };
    assert!(reason.contains("does not start"), "{reason}");
}

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
