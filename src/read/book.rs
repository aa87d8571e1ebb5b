//! An open workbook of any format, read sheet by sheet into the table finder — calamine's
//! `auto.rs` in our shape: open by extension (sniffing the content when that fails), list the
//! worksheets, hand every cell on in row order.
//!
//! xlsx and xlsb go through calamine, cell by cell (no bounding box is ever allocated). xls and
//! ods are read by our own sparse readers ([`super::xls`], [`super::ods`]): calamine allocates
//! the whole bounding box of those formats, so one stray value at IV65536 cost a gigabyte.

use super::aside::{self, SheetName};
use super::boundary::{self, try_call};
use super::cell::Cell;
use super::error_values::{self, Originals};
use super::second_look::{LookSource, Region, SecondLook};
use super::table::{RawRow, SheetRow, SheetTables, TableFinder};
use super::{FormMark, ReadOptions, content, guard, ods, recalc, xls};
use crate::issue::{Issue, Problem, Unreadable};
use crate::model::Location;
use crate::schema::text::normalize;
use crate::schema::{
    FORM_DATA_SHEET, FORM_INSTRUCTIONS_SHEET, FORM_INSTRUCTIONS_TITLE, FORM_PROPERTY, FORM_TITLE,
    SUMMARY_MARKER_SHEETS, SUMMARY_PROPERTY,
};
use calamine::{Reader, SheetType, SheetVisible, Xlsb, Xlsx};
use rustc_hash::FxHashMap;
use std::io::Cursor;
use std::rc::Rc;

type Bytes = Cursor<Vec<u8>>;

/// One worksheet of a workbook (charts and macro sheets are not listed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SheetInfo {
    /// The sheet's name.
    pub name: String,
    /// Hidden (or very hidden) in Excel.
    pub hidden: bool,
}

/// Why a file, or one of its sheets, was not read: the problem and the sheet it is about.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stop {
    /// What went wrong.
    pub problem: Problem,
    /// The sheet, when the problem is one sheet's.
    pub sheet: Option<String>,
}

impl From<Problem> for Stop {
    fn from(problem: Problem) -> Self {
        Stop {
            problem,
            sheet: None,
        }
    }
}

/// Receives the cells of a workbook: sheet index (into the workbook's worksheet list), zero-based
/// row and column, value. Cells arrive sheet by sheet, and in row order within a sheet.
pub(crate) type Emit<'e> = dyn FnMut(usize, u32, u32, Cell) + 'e;

/// One sheet's findings: name, tables, hidden.
pub(crate) type SheetResult = (String, SheetTables, bool);

/// A workbook's findings: every sheet's, and whether it is planmerge's own form.
pub(crate) struct WorkbookRead {
    /// Every worksheet's findings, in workbook order.
    pub sheets: Vec<SheetResult>,
    /// What it says of itself as planmerge's form; none for any other workbook.
    pub form: Option<FormMark>,
}

/// Opens a workbook by its extension (falling back to sniffing the content) and reads every
/// worksheet, handing data rows to `sink` as they are found.
pub(crate) fn read_workbook(
    file: &str,
    extension: &str,
    bytes: Vec<u8>,
    options: &ReadOptions,
    sink: &mut dyn FnMut(RawRow),
) -> Result<WorkbookRead, Stop> {
    if let Some(reason) = guard::compound_file_damage(&bytes) {
        return Err(Problem::FileUnreadable {
            cause: Unreadable::Damaged,
            reason,
        }
        .into());
    }
    if !super::EXTENSIONS.contains(&extension) {
        return Err(not_named_as_a_spreadsheet(file, extension, &bytes).into());
    }
    let mut book = match open_as(&bytes, extension) {
        Ok(book) => book,
        Err(Problem::FilePasswordProtected) => return Err(Problem::FilePasswordProtected.into()),
        Err(first) => sniff(&bytes).unwrap_or_else(|| Err(named_for_what_it_is(first, &bytes)))?,
    };
    let marks = match book {
        Book::Xlsx(_) => custom_marks(&bytes),
        _ => Marks::default(),
    };
    if marks.summary {
        // A summary whose sheets were cut down (a copy for the executive): still no division's.
        return Err(Problem::SummarySkipped.into());
    }
    let (property, stale) = (marks.form, marks.stale);
    let xlsx = matches!(book, Book::Xlsx(_)).then(|| Rc::new(XlsxBytes { bytes, stale }));
    let look: Option<LookSource> = match &book {
        Book::Xlsx(_) => xlsx.clone().map(|x| x as LookSource),
        Book::Xls(b) => Some(Rc::clone(b) as LookSource),
        Book::Ods(b) => Some(Rc::new(b.merged_regions())),
        Book::Xlsb(_) => None,
    };
    let mut handed = 0;
    let mut counted = |raw: RawRow| {
        handed += 1;
        sink(raw);
    };
    let first = book.read_sheets(file, options, look, stale, None, &mut counted);
    let (sheets, signs) = match (first, xlsx) {
        (Err(stop), Some(xlsx)) if unknown_error_value(&stop) => {
            read_rewritten(file, &xlsx, options, handed, sink).unwrap_or(Err(stop))?
        }
        (first, _) => first?,
    };
    Ok(WorkbookRead {
        sheets,
        form: signs.mark(property),
    })
}

/// Whether calamine failed a sheet on a cached formula error it does not know (`#SPILL!`).
fn unknown_error_value(stop: &Stop) -> bool {
    matches!(
        stop.problem,
        Problem::FileUnreadable {
            cause: Unreadable::UnknownErrorValue,
            ..
        }
    )
}

/// Reads an xlsx again with its unknown error values rewritten ([`error_values`]), each cell
/// handed on with its own text. The first `handed` rows went to `sink` already, before calamine
/// failed: the same rows come first again, and are not handed twice. `None` when the workbook
/// cannot be rewritten or opened so (the first failure then stands).
fn read_rewritten(
    file: &str,
    xlsx: &XlsxBytes,
    options: &ReadOptions,
    handed: usize,
    sink: &mut dyn FnMut(RawRow),
) -> Option<Result<(Vec<SheetResult>, FormSigns), Stop>> {
    let rewritten = error_values::rewrite(&xlsx.bytes)?;
    let mut book = open_xlsx(&rewritten.bytes).ok()?;
    let originals = rewritten.originals_for(book.sheets().iter().map(|s| s.name.as_str()));
    let stale = xlsx.stale;
    let look: LookSource = Rc::new(XlsxBytes {
        bytes: rewritten.bytes,
        stale,
    });
    let mut skip = handed;
    let mut unseen = |raw: RawRow| match skip {
        0 => sink(raw),
        _ => skip -= 1,
    };
    Some(book.read_sheets(
        file,
        options,
        Some(look),
        stale,
        Some(&originals),
        &mut unseen,
    ))
}

/// Which of planmerge's custom document properties an xlsx carries (in `docProps/custom.xml`),
/// and whether its formulas' stored results are no results ([`recalc::stale_results`]).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Marks {
    /// [`crate::schema::FORM_PROPERTY`]: planmerge's form.
    form: bool,
    /// [`crate::schema::SUMMARY_PROPERTY`]: a summary planmerge wrote.
    summary: bool,
    /// `fullCalcOnLoad`: formulas are to be calculated when the file is opened.
    stale: bool,
}

/// The custom document properties planmerge writes into its forms and summaries, as an xlsx
/// carries them (calamine does not read custom properties: `docProps/custom.xml` is read here),
/// and whether it asks for its formulas to be calculated on load. Only those two parts are read,
/// from one opening of the zip's directory.
fn custom_marks(bytes: &[u8]) -> Marks {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Marks::default();
    };
    Marks {
        stale: recalc::stale_results(&mut zip),
        ..properties(&mut zip)
    }
}

/// [`custom_marks`]' properties of a zip read where it lies (its directory and that one part
/// only).
fn custom_marks_in(zip: impl std::io::Read + std::io::Seek) -> Marks {
    let Ok(mut zip) = zip::ZipArchive::new(zip) else {
        return Marks::default();
    };
    properties(&mut zip)
}

/// planmerge's custom document properties in `docProps/custom.xml`, its first 64 KiB.
fn properties<R: std::io::Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Marks {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut marks = Marks::default();
    let Ok(part) = zip.by_name("docProps/custom.xml") else {
        return marks;
    };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(part.take(64 * 1024)));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "property" => {
                if let Ok(Some(name)) = e.try_get_attribute("name") {
                    marks.form |= &*name.value == FORM_PROPERTY;
                    marks.summary |= &*name.value == SUMMARY_PROPERTY;
                }
            }
            Ok(Event::Eof) | Err(_) => return marks,
            Ok(_) => {}
        }
    }
}

/// planmerge's form in these xlsx bytes, without reading its rows ([`super::form_of`]).
pub(crate) fn peek_form(bytes: &[u8]) -> Option<FormMark> {
    let opened = open_xlsx(bytes).ok()?;
    let sheets = opened.sheets();
    let Book::Xlsx(mut book) = opened else {
        return None;
    };
    let mut signs = FormSigns::default();
    for name in [FORM_DATA_SHEET, FORM_INSTRUCTIONS_SHEET] {
        if !sheets.iter().any(|s| s.name == name) {
            continue;
        }
        let Ok(mut cells) = try_call(|| book.worksheet_cells_reader(name)) else {
            continue;
        };
        while let Ok(Some(cell)) = try_call(|| cells.next_cell()) {
            let (row, col) = cell.get_position();
            if row > 2 {
                break;
            }
            if col == 0 {
                signs.look(name, row, &Cell::from(cell.get_value().clone()));
            }
        }
    }
    signs.mark(custom_marks(bytes).form)
}

/// What a workbook's cells show of planmerge's own form, gathered as they pass: the two
/// locked titles and the title block's division line.
#[derive(Debug, Default)]
pub(crate) struct FormSigns {
    /// A1 of โครงการ is the form's title.
    title: bool,
    /// A1 of คำชี้แจง is the form's instructions' title.
    instructions: bool,
    /// A3 of โครงการ, as written.
    division_line: Option<String>,
}

impl FormSigns {
    /// Looks at a cell of the sheet `sheet` in column A of the first three rows.
    fn look(&mut self, sheet: &str, row: u32, value: &Cell) {
        let Cell::Text(text) = value else {
            return;
        };
        let is = |wanted: &str| normalize(text) == normalize(wanted);
        match (row, sheet) {
            (0, FORM_DATA_SHEET) => self.title = is(FORM_TITLE),
            (0, FORM_INSTRUCTIONS_SHEET) => self.instructions = is(FORM_INSTRUCTIONS_TITLE),
            (2, FORM_DATA_SHEET) => self.division_line = Some(text.trim().to_string()),
            _ => {}
        }
    }

    /// The form's mark: with the document property, or with both titles.
    fn mark(self, property: bool) -> Option<FormMark> {
        (property || (self.title && self.instructions)).then_some(FormMark {
            division_line: self.division_line,
        })
    }
}

/// An xlsx workbook's bytes, for a [`SecondLook`] at a sheet by a second reader (the first is
/// busy streaming the sheet's cells). A workbook that fails here shows nothing more: its cells
/// were read already.
struct XlsxBytes {
    bytes: Vec<u8>,
    /// Its formulas' stored results are no results ([`recalc`]): a formula holding a
    /// [`recalc::placeholder`] has no value either.
    stale: bool,
}

impl XlsxBytes {
    /// A second reader, on the bytes as they are (not a copy of them).
    fn open(&self) -> Option<Xlsx<Cursor<&[u8]>>> {
        try_call(|| Xlsx::new(Cursor::new(self.bytes.as_slice()))).ok()
    }
}

impl SecondLook for XlsxBytes {
    fn merged_regions(&self, sheet: &str) -> Vec<Region> {
        let Some(mut book) = self.open() else {
            return Vec::new();
        };
        let regions = try_call(|| book.merge_cells_by_sheet_name(sheet)).unwrap_or_default();
        regions
            .iter()
            .map(|d| Region {
                first_row: d.start.0,
                first_col: d.start.1,
                last_row: d.end.0,
                last_col: d.end.1,
            })
            .collect()
    }

    fn uncalculated(&self, sheet: &str) -> FxHashMap<(u32, u32), String> {
        use calamine::XlsxFormulaMetadata as F;
        let mut found = FxHashMap::default();
        let Some(mut book) = self.open() else {
            return found;
        };
        let Ok(mut reader) = try_call(|| book.worksheet_cells_reader(sheet)) else {
            return found;
        };
        while let Ok(Some(cell)) = try_call(|| reader.next_cell_with_formula_metadata()) {
            let unvalued = match &cell.value {
                calamine::DataRef::Empty => true,
                value => self.stale && recalc::placeholder(value),
            };
            if let (true, Some(formula)) = (unvalued, cell.formula) {
                // A shared formula's other cells carry no text of their own: an empty text.
                let text = match formula {
                    F::Normal { formula } | F::Shared { formula, .. } => formula,
                    _ => String::new(),
                };
                found.insert(cell.pos, text);
            }
        }
        found
    }
}

/// The problem of bytes named as a spreadsheet that no format opens, said as what they really
/// are (a web page, a PDF…) when that can be told from them: an error, `file-unreadable`.
fn named_for_what_it_is(problem: Problem, bytes: &[u8]) -> Problem {
    match (problem, content::what_it_is(bytes)) {
        (Problem::FileUnreadable { reason, .. }, Some(cause)) => {
            Problem::FileUnreadable { cause, reason }
        }
        (problem, _) => problem,
    }
}

/// Why a file not named as a spreadsheet (`กองช่าง.pdf`, `กองคลัง.xlsx.bak`) is not merged, as
/// a warning: a workbook under another name (`workbook-misnamed`, by its container, or by the
/// spreadsheet extension its name holds when its bytes are nothing else known — a workbook with
/// a password, a damaged one), else what it is (`file-not-spreadsheet`). Never opened as a
/// workbook: a backup copy beside the division's file must not count twice, nor in its place.
fn not_named_as_a_spreadsheet(file: &str, extension: &str, bytes: &[u8]) -> Problem {
    let by_content = content::what_it_is(bytes);
    let kind = content::workbook_kind(Cursor::new(bytes))
        .or_else(|| super::extension_within(file).filter(|_| by_content.is_none()));
    if let Some(kind) = kind {
        let rename_to = super::renamed_as(file, kind);
        return Problem::WorkbookMisnamed { kind, rename_to };
    }
    let cause = by_content
        .or_else(|| content::sent_instead_of_a_workbook(extension))
        .unwrap_or(Unreadable::NotSpreadsheet);
    Problem::FileNotSpreadsheet { cause }
}

/// Tries every format on the bytes (a file saved with the wrong extension): `None` when none
/// fits; `Some(Err)` when one fits but cannot be read (encrypted, damaged).
fn sniff(bytes: &[u8]) -> Option<Result<Book, Problem>> {
    type Opener = fn(&[u8]) -> Result<Book, Problem>;
    let openers: [Opener; 4] = [
        open_xlsx,
        |b| xls::Workbook::open(b).map(|b| Book::Xls(Rc::new(b))),
        |b| ods::Workbook::open(b).map(Book::Ods),
        open_xlsb,
    ];
    for open in openers {
        match open(bytes) {
            Ok(book) => return Some(Ok(book)),
            Err(Problem::FilePasswordProtected) => {
                return Some(Err(Problem::FilePasswordProtected));
            }
            Err(e @ Problem::FileUnreadable { .. }) if guard::xlsx_damage(bytes).is_some() => {
                return Some(Err(e));
            }
            Err(_) => {}
        }
    }
    None
}

/// Opens an xlsx workbook, after checking its shared-string table does not announce a forged
/// size (calamine reserves memory for it up front).
fn open_xlsx(bytes: &[u8]) -> Result<Book, Problem> {
    if let Some(reason) = guard::xlsx_damage(bytes) {
        return Err(Problem::FileUnreadable {
            cause: Unreadable::Damaged,
            reason,
        });
    }
    let data: Bytes = Cursor::new(bytes.to_vec());
    try_call(|| Xlsx::new(data)).map(Book::Xlsx)
}

/// Whether the .xlsx at `path` carries the summary's custom document property, read from the
/// file where it lies — its zip directory and `docProps/custom.xml` only, not the whole file
/// (the summary `-o` is about to replace is ten megabytes at 100,000 projects). Any failure,
/// a panic inside the zip reader too, is no.
pub(crate) fn marked_summary(path: &std::path::Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let reader = std::io::BufReader::new(file);
    boundary::call(|| custom_marks_in(reader).summary).unwrap_or(false)
}

/// Opens a workbook as its `extension` says it is.
fn open_as(bytes: &[u8], extension: &str) -> Result<Book, Problem> {
    match extension {
        "xlsx" | "xlsm" => open_xlsx(bytes),
        "xlsb" => open_xlsb(bytes),
        "xls" => xls::Workbook::open(bytes).map(|b| Book::Xls(Rc::new(b))),
        "ods" => ods::Workbook::open(bytes).map(Book::Ods),
        _ => Err(Problem::FileUnreadable {
            cause: Unreadable::NotSpreadsheet,
            reason: "not a spreadsheet (.xlsx .xlsm .xls .xlsb .ods)".into(),
        }),
    }
}

/// Whether `bytes`, a workbook of `extension`, have every sheet of [`SUMMARY_MARKER_SHEETS`]:
/// a summary written before summaries carried [`SUMMARY_PROPERTY`] (that mark is
/// [`marked_summary`]'s to find), or one saved again by another program, as .ods or .xls too.
/// Only the sheet list is read, through the same guard and boundary as any input.
pub(crate) fn has_summary_sheets(bytes: &[u8], extension: &str) -> bool {
    open_as(bytes, extension).is_ok_and(|book| {
        let sheets = book.sheets();
        SUMMARY_MARKER_SHEETS
            .iter()
            .all(|marker| sheets.iter().any(|s| s.name == *marker))
    })
}

fn open_xlsb(bytes: &[u8]) -> Result<Book, Problem> {
    let data: Bytes = Cursor::new(bytes.to_vec());
    try_call(|| Xlsb::new(data)).map(Book::Xlsb)
}

/// An open workbook of any format.
enum Book {
    Xlsx(Xlsx<Bytes>),
    Xlsb(Xlsb<Bytes>),
    /// Shared with its [`SecondLook`] (the merged cells, walked when first needed).
    Xls(Rc<xls::Workbook>),
    Ods(ods::Workbook),
}

/// calamine's sheet list, worksheets only.
fn worksheets(metadata: &[calamine::Sheet]) -> Vec<SheetInfo> {
    metadata
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| SheetInfo {
            name: s.name.clone(),
            hidden: s.visible != SheetVisible::Visible,
        })
        .collect()
}

impl Book {
    fn sheets(&self) -> Vec<SheetInfo> {
        match self {
            Book::Xlsx(b) => worksheets(b.sheets_metadata()),
            Book::Xlsb(b) => worksheets(b.sheets_metadata()),
            Book::Xls(b) => b.sheets().to_vec(),
            Book::Ods(b) => b.sheets().to_vec(),
        }
    }

    fn read_sheets(
        &mut self,
        file: &str,
        options: &ReadOptions,
        look: Option<LookSource>,
        stale: bool,
        originals: Option<&Originals>,
        sink: &mut dyn FnMut(RawRow),
    ) -> Result<(Vec<SheetResult>, FormSigns), Stop> {
        let sheets = self.sheets();
        let is_summary = SUMMARY_MARKER_SHEETS
            .iter()
            .all(|marker| sheets.iter().any(|s| s.name == *marker));
        if is_summary {
            return Err(Problem::SummarySkipped.into());
        }
        let judged: Vec<SheetName> = sheets
            .iter()
            .map(|s| aside::judge(&s.name, options.fiscal_year))
            .collect();
        let mut tables = SheetTablesBuilder::new(file, &sheets, options, sink);
        tables.judged = &judged;
        tables.set_aside = aside::set_aside(&judged);
        tables.look = look;
        let mut signs = FormSigns::default();
        let mut each = |sheet: usize, row: u32, col: u32, value: Cell| {
            if col == 0
                && row <= 2
                && let Some(info) = sheets.get(sheet)
            {
                signs.look(&info.name, row, &value);
            }
            tables.cell(sheet, row, col, value);
        };
        match originals {
            None => self.cells(&sheets, stale, &mut each)?,
            // Read again with unknown error values rewritten: each with its own text back.
            Some(originals) => self.cells(&sheets, stale, &mut |sheet, row, col, value| {
                each(sheet, row, col, originals.restore(sheet, row, col, value));
            })?,
        }
        Ok((tables.finish(), signs))
    }

    /// Hands every cell of every worksheet to `emit`, sheet by sheet, in row order. In an xlsx
    /// whose formulas' results are `stale` ([`recalc`]), a formula holding a placeholder is
    /// handed on as hollow.
    fn cells(
        &mut self,
        sheets: &[SheetInfo],
        stale: bool,
        emit: &mut Emit<'_>,
    ) -> Result<(), Stop> {
        let in_sheet = |name: &str| {
            let name = name.to_string();
            move |problem: Problem| Stop {
                problem,
                sheet: Some(name.clone()),
            }
        };
        // calamine's cell readers of xlsx and xlsb are alike but share no trait: one loop for
        // both, written once.
        macro_rules! stream {
            ($book:expr) => {
                for (i, sheet) in sheets.iter().enumerate() {
                    let stop = in_sheet(&sheet.name);
                    let book = &mut *$book;
                    let mut reader =
                        try_call(|| book.worksheet_cells_reader(&sheet.name)).map_err(&stop)?;
                    while let Some(cell) = try_call(|| reader.next_cell()).map_err(&stop)? {
                        let (r, c) = cell.get_position();
                        emit(i, r, c, Cell::from(cell.get_value().clone()));
                    }
                }
            };
        }
        match self {
            Book::Xlsx(b) => {
                for (i, sheet) in sheets.iter().enumerate() {
                    let stop = in_sheet(&sheet.name);
                    let mut reader =
                        try_call(|| b.worksheet_cells_reader(&sheet.name)).map_err(&stop)?;
                    if stale {
                        // Only a file asking for its formulas to be calculated on load pays
                        // for reading them with every cell.
                        while let Some(cell) =
                            try_call(|| reader.next_cell_with_formula_metadata()).map_err(&stop)?
                        {
                            let value = match (&cell.value, &cell.formula) {
                                (calamine::DataRef::Empty, _) => Cell::hollow(),
                                (value, Some(_)) if recalc::placeholder(value) => Cell::hollow(),
                                (value, _) => Cell::from(value.clone()),
                            };
                            emit(i, cell.pos.0, cell.pos.1, value);
                        }
                        continue;
                    }
                    // Values only: a formula saved without its value is looked for when a row
                    // needs the cell ([`SecondLook::uncalculated`]), not on every cell. A cell
                    // element without a value (such a formula, most likely) is said as hollow.
                    while let Some(cell) = try_call(|| reader.next_cell()).map_err(&stop)? {
                        let (r, c) = cell.get_position();
                        let value = match cell.get_value() {
                            calamine::DataRef::Empty => Cell::hollow(),
                            value => Cell::from(value.clone()),
                        };
                        emit(i, r, c, value);
                    }
                }
            }
            Book::Xlsb(b) => stream!(b),
            Book::Xls(b) => b.cells(emit)?,
            Book::Ods(b) => b.cells(emit)?,
        }
        Ok(())
    }
}

/// The table finders of a workbook's sheets, fed cell by cell; each sheet is finished (its last
/// rows handed on) as soon as the next one starts, so rows reach the sink in file order.
struct SheetTablesBuilder<'a> {
    file: &'a str,
    sheets: &'a [SheetInfo],
    options: &'a ReadOptions,
    sink: &'a mut dyn FnMut(RawRow),
    current: Option<(usize, RowGrouper)>,
    done: Vec<Option<SheetTables>>,
    /// The workbook's merged ranges, when its format gives them.
    look: Option<LookSource>,
    /// What each sheet's name says ([`aside::judge`]); empty: nothing.
    judged: &'a [SheetName],
    /// Per sheet, whether it is not counted for its name ([`aside::set_aside`]).
    set_aside: Vec<bool>,
    /// Per sheet, the rows found in it when it is set aside (0 for any other).
    aside_rows: Vec<usize>,
    /// Whether sheets set aside hold rows and no other sheet does (an empty form beside an
    /// example or last year's sheet): where this year's projects are cannot be told, and each
    /// such sheet with rows is named as an error.
    orphaned: bool,
}

impl<'a> SheetTablesBuilder<'a> {
    fn new(
        file: &'a str,
        sheets: &'a [SheetInfo],
        options: &'a ReadOptions,
        sink: &'a mut dyn FnMut(RawRow),
    ) -> Self {
        SheetTablesBuilder {
            file,
            sheets,
            options,
            sink,
            current: None,
            done: sheets.iter().map(|_| None).collect(),
            look: None,
            judged: &[],
            set_aside: Vec::new(),
            aside_rows: Vec::new(),
            orphaned: false,
        }
    }

    fn cell(&mut self, sheet: usize, row: u32, col: u32, value: Cell) {
        if self.current.as_ref().is_none_or(|(i, _)| *i != sheet) {
            self.finish_current();
            let Some(info) = self.sheets.get(sheet) else {
                return;
            };
            if self.done.get(sheet).is_some_and(Option::is_some) {
                return;
            }
            let mut finder = TableFinder::new(self.file, &info.name, self.options);
            if let Some(source) = &self.look {
                finder = finder.with_second_look(Rc::clone(source));
            }
            self.current = Some((sheet, RowGrouper::new(finder)));
        }
        if let Some((sheet, rows)) = &mut self.current {
            // A set-aside sheet is looked through (is anything in it?), never counted.
            if self.set_aside.get(*sheet).is_some_and(|aside| *aside) {
                rows.push(row, col, value, &mut drop);
            } else {
                rows.push(row, col, value, self.sink);
            }
        }
    }

    fn finish_current(&mut self) {
        if let Some((sheet, rows)) = self.current.take() {
            let aside = self.set_aside.get(sheet).is_some_and(|aside| *aside);
            let sink: &mut dyn FnMut(RawRow) = match aside {
                true => &mut drop,
                false => self.sink,
            };
            let mut tables = rows.finish(sink);
            for raw in tables.rows.drain(..) {
                sink(raw);
            }
            if let Some(slot) = self.done.get_mut(sheet) {
                *slot = Some(tables);
            }
        }
    }

    /// What sheets set aside held is dropped, issues included: they are only named. When they
    /// held rows and no other sheet does (an empty form beside an example or last year's sheet
    /// filled in), they are named as errors (`sheet-set-aside-only`): neither counted as this
    /// year's projects nor passed over with a verdict of OK.
    fn settle_set_aside(&mut self) {
        let rows: Vec<usize> = self
            .done
            .iter()
            .map(|t| t.as_ref().map_or(0, |t| t.rows_read))
            .collect();
        let aside = |i: usize| self.set_aside.get(i).is_some_and(|aside| *aside);
        let counted = (0..rows.len()).any(|i| !aside(i) && rows[i] > 0);
        self.aside_rows = (0..rows.len())
            .map(|i| if aside(i) { rows[i] } else { 0 })
            .collect();
        self.orphaned = !counted && self.aside_rows.iter().any(|&rows| rows > 0);
        for (tables, aside) in self.done.iter_mut().zip(&self.set_aside) {
            if *aside {
                *tables = None;
            }
        }
    }

    /// Every sheet's tables, in workbook order (a sheet without cells has none).
    fn finish(mut self) -> Vec<SheetResult> {
        self.finish_current();
        self.settle_set_aside();
        let (file, options) = (self.file, self.options);
        let fiscal_year = options.fiscal_year.unwrap_or_default();
        // The sheets counted that hold projects: an empty table beside them is no wrong file.
        let with_projects: Vec<String> = (self.sheets.iter().zip(&self.done))
            .filter(|(_, tables)| tables.as_ref().is_some_and(|t| t.projects > 0))
            .map(|(info, _)| format!("\"{}\"", info.name))
            .collect();
        self.sheets
            .iter()
            .zip(self.done)
            .enumerate()
            .map(|(i, (info, tables))| {
                let mut tables =
                    tables.unwrap_or_else(|| TableFinder::new(file, &info.name, options).finish());
                let aside = self.set_aside.get(i).is_some_and(|aside| *aside);
                if tables.empty {
                    let problem = match with_projects.is_empty() {
                        true => Problem::TableEmpty,
                        false => Problem::TableUnused {
                            sheets: with_projects.join(", "),
                        },
                    };
                    let at = Location::sheet(file, &info.name);
                    tables.issues.push(Issue::new(problem, at));
                }
                // A set-aside sheet: the year its name says (none for an example).
                let set_aside = |year: Option<u16>| match self.aside_rows.get(i) {
                    Some(&rows) if self.orphaned && rows > 0 => Problem::SheetSetAsideOnly {
                        year,
                        fiscal_year,
                        rows,
                    },
                    _ => Problem::SheetSetAside { year, fiscal_year },
                };
                let problem = match self.judged.get(i) {
                    Some(&SheetName::OtherYear(year)) if aside => Some(set_aside(Some(year))),
                    // Instructions beside the form are said only when they show rows.
                    Some(SheetName::Instructions)
                        if aside && self.aside_rows.get(i).is_none_or(|&rows| rows == 0) =>
                    {
                        None
                    }
                    Some(SheetName::Example | SheetName::Instructions) if aside => {
                        Some(set_aside(None))
                    }
                    Some(&SheetName::OtherYear(year)) => {
                        Some(Problem::SheetOtherYear { year, fiscal_year })
                    }
                    Some(SheetName::Example | SheetName::Instructions) => {
                        Some(Problem::SheetExample)
                    }
                    _ => None,
                };
                if let Some(problem) = problem {
                    tables
                        .issues
                        .push(Issue::new(problem, Location::sheet(file, &info.name)));
                }
                (info.name.clone(), tables, info.hidden)
            })
            .collect()
    }
}

/// Groups cells that arrive in row order into rows for the table finder, and hands the data
/// rows it finds on to the sink at once.
struct RowGrouper {
    finder: TableFinder,
    current: Option<SheetRow>,
    /// The columns of the current row's cells that held no value ([`Cell::hollow`]): a row of
    /// nothing else is looked at again before it is passed over as blank.
    hollow: Vec<u32>,
    /// Cells in the last row handed on: room reserved for the next (rows are alike).
    width: usize,
}

impl RowGrouper {
    fn new(finder: TableFinder) -> Self {
        RowGrouper {
            finder,
            current: None,
            hollow: Vec::new(),
            width: 1,
        }
    }

    fn hand_on(&mut self, mut row: SheetRow, sink: &mut dyn FnMut(RawRow)) {
        if !self.hollow.is_empty() {
            self.finder.formulas_of_blank_row(&mut row, &self.hollow);
            self.hollow.clear();
        }
        self.width = row.cells.len().max(1);
        self.finder.push(row);
        self.finder.drain_rows(sink);
    }

    fn push(&mut self, row: u32, col: u32, value: Cell, sink: &mut dyn FnMut(RawRow)) {
        if value == Cell::Empty {
            return;
        }
        match &mut self.current {
            Some(current) if current.row == row => {
                if value.is_hollow() {
                    self.finder.note_hollow(row, col);
                    self.hollow.push(col);
                } else {
                    current.cells.push((col, value));
                }
            }
            _ => {
                if let Some(done) = self.current.take() {
                    self.hand_on(done, sink);
                }
                let mut cells = Vec::with_capacity(self.width);
                if value.is_hollow() {
                    self.finder.note_hollow(row, col);
                    self.hollow.push(col);
                } else {
                    cells.push((col, value));
                }
                self.current = Some(SheetRow { row, cells });
            }
        }
    }

    fn finish(mut self, sink: &mut dyn FnMut(RawRow)) -> SheetTables {
        if let Some(done) = self.current.take() {
            self.hand_on(done, sink);
        }
        self.finder.finish()
    }
}
