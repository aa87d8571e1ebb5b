//! The I/O floor for the benchmark: single-threaded, read every cell of every workbook in a folder
//! with calamine and write every data row into one workbook with rust_xlsxwriter — no header
//! recognition, no validation, no summary. planmerge's merge is compared against this.
//!
//! `cargo run --release --example io_floor -- <folder> <output.xlsx>`

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let folder = PathBuf::from(
        args.get(1)
            .ok_or("usage: io_floor <folder> <output.xlsx>")?,
    );
    let output = PathBuf::from(
        args.get(2)
            .ok_or("usage: io_floor <folder> <output.xlsx>")?,
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    let mut book = Workbook::new();
    let ws = book.add_worksheet_with_constant_memory()?;
    let mut out_row = 0u32;
    let mut cells = 0usize;
    for file in &files {
        let mut wb = open_workbook_auto(file)?;
        for name in wb.sheet_names() {
            let range = wb.worksheet_range(&name)?;
            for row in range.rows() {
                // every cell is read; rows whose first cell is a number are data rows
                cells += row.iter().filter(|c| !matches!(c, Data::Empty)).count();
                if !matches!(row.first(), Some(Data::Float(_) | Data::Int(_))) {
                    continue;
                }
                for (c, value) in row.iter().enumerate() {
                    match value {
                        Data::String(s) => ws.write_string(out_row, c as u16, s).map(|_| ())?,
                        Data::Float(f) => ws.write_number(out_row, c as u16, *f).map(|_| ())?,
                        Data::Int(i) => {
                            ws.write_number(out_row, c as u16, *i as f64).map(|_| ())?
                        }
                        _ => {}
                    }
                }
                out_row += 1;
            }
        }
    }
    book.save(&output)?;
    eprintln!(
        "floor: {} files, {cells} cells, {out_row} data rows",
        files.len()
    );
    Ok(())
}
