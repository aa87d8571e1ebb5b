//! Formulas whose stored results are no results: an xlsx whose `xl/workbook.xml` says
//! `<calcPr fullCalcOnLoad="1"/>` asks Excel to calculate every formula when it opens the file,
//! and the program that wrote it may have stored anything in their place. Python's XlsxWriter
//! (pandas, many web exports) stores `0` for every formula (`=50000+5300` reads 0, a tick made by
//! `=IF(…,"✓","")` reads unticked); openpyxl stores nothing.
//!
//! Such a file's formula cells holding what those writers put there when they do not calculate
//! (nothing, `0`, empty text: [`placeholder`]) are read as formulas without a value
//! (`formula-no-value` where a row needs them). A result of any other value was given by its
//! writer on purpose (rust_xlsxwriter's `set_result`, planmerge's own samples, Apache POI after
//! evaluating) and is read as it is. Only such files pay for reading formulas with every cell;
//! one saved by Excel or LibreOffice does not say `fullCalcOnLoad`, and is read as before.
//!
//! This module decides; the reader ([`super::book`]) asks.

use calamine::DataRef;
use quick_xml::events::Event;
use std::io::{BufReader, Read, Seek};

/// Whether the workbook's `xl/workbook.xml` asks for every formula to be calculated on load
/// (`<calcPr fullCalcOnLoad="1"/>`, also `true`). Read up to its `calcPr` element (near its end,
/// in a part of a few kilobytes), and at most 1 MiB of it; any failure is no.
pub(crate) fn stale_results<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> bool {
    let Ok(part) = zip.by_name("xl/workbook.xml") else {
        return false;
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part.take(1024 * 1024)));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "calcPr" => {
                let Ok(Some(full)) = e.try_get_attribute("fullCalcOnLoad") else {
                    return false;
                };
                return matches!(&*full.value, "1" | "true");
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// Whether a formula's stored result, in a file asking for [`stale_results`], is what a writer
/// leaves there without calculating: nothing, the number 0 (XlsxWriter, also in a cell
/// formatted as a date), or empty text.
pub(crate) fn placeholder(value: &DataRef<'_>) -> bool {
    match value {
        DataRef::Empty => true,
        DataRef::Float(f) => *f == 0.0,
        DataRef::Int(i) => *i == 0,
        DataRef::DateTime(d) => d.as_f64() == 0.0,
        DataRef::String(s) => s.is_empty(),
        DataRef::SharedString(s) => s.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    fn zip_with_workbook(xml: &str) -> zip::ZipArchive<Cursor<Vec<u8>>> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        out.start_file("xl/workbook.xml", options).expect("start");
        out.write_all(xml.as_bytes()).expect("write");
        let bytes = out.finish().expect("finish").into_inner();
        zip::ZipArchive::new(Cursor::new(bytes)).expect("zip")
    }

    #[test]
    fn full_calc_on_load_is_told_as_xlsxwriter_and_openpyxl_write_it() {
        for (xml, stale) in [
            (
                r#"<workbook><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>"#,
                true,
            ),
            (
                r#"<x:workbook><x:calcPr fullCalcOnLoad="true"/></x:workbook>"#,
                true,
            ),
            (r#"<workbook><calcPr calcId="191029"/></workbook>"#, false),
            (
                r#"<workbook><calcPr fullCalcOnLoad="0"/></workbook>"#,
                false,
            ),
            (r#"<workbook><sheets/></workbook>"#, false),
        ] {
            assert_eq!(stale_results(&mut zip_with_workbook(xml)), stale, "{xml}");
        }
    }

    #[test]
    fn only_what_a_writer_leaves_uncalculated_is_a_placeholder() {
        assert!(placeholder(&DataRef::Float(0.0)));
        assert!(placeholder(&DataRef::Int(0)));
        assert!(placeholder(&DataRef::String(String::new())));
        assert!(!placeholder(&DataRef::Float(55300.0)));
        assert!(!placeholder(&DataRef::String("☑".into())));
        assert!(!placeholder(&DataRef::Bool(false)));
    }
}
