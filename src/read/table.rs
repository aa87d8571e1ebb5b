//! Finding project tables in a sheet, one row at a time: recognise header rows ([`super::header`]),
//! skip titles and headers repeated on every printed page, total rows (รวม) and sub-section
//! headings (`1.1 การสร้างจิตสำนึก…`), follow the dimension a section row (`มิติที่ 2 …`) or the
//! sheet's name (`มิติที่ 2`) gives, join a name wrapped by hand onto the row below, and hand
//! every other non-blank row on as a [`RawRow`]. What a value means is decided later, in
//! `validate`; what was understood is kept for `--explain` ([`TableExplain`]).

mod explain;
mod layout;
mod merged;
mod rows;
mod skipped;
mod sums;
mod title;
mod wrapped;

use explain::SKIPPED_LISTED;
pub use explain::{SkippedRow, TableExplain};
pub use rows::{DimensionHint, HintSource, RawCell, RawRow, RawStatus, SheetRow, UnreadMark};

use layout::{Layout, Unlabeled, give_back, has_status, not_a_project, unlabeled};
use skipped::{
    is_dated_signature_line, is_signature, named_total, numbered_as_project, sub_section_heading,
    total_label_col,
};
use sums::RunningSums;
use wrapped::{NameRow, join_name, text_columns};

use super::ReadOptions;
use super::cell::{CHECK_MARKS, Cell, TICK_CROSSES};
use super::header::{
    Header, extend_with_second_row, header_of, header_without_name, status_row, years_only,
};
use super::second_look::{LookSource, SheetLook};
pub use super::structure::section_dimension;
use super::structure::{
    dimension_titled, is_note, is_section_label, number_against_title, opens_as_project,
    sheet_dimension,
};
use crate::issue::{Issue, IssueList, Problem};
use crate::model::{Dimension, Location, column_letters};
use crate::schema::text::{normalize, normalized};
use crate::schema::{Field, HeaderWords, baht, header_field_with, names_the_amount};
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::sync::Arc;

/// The name's column of a complete header, if any.
fn layout_name_col(header: &Option<Layout>) -> Option<u32> {
    header.as_ref().and_then(|layout| layout.name)
}

/// `4, 9, 12`: one-based rows, for a message.
fn rows_listed(rows: &[u32]) -> String {
    let rows: Vec<String> = rows.iter().map(u32::to_string).collect();
    rows.join(", ")
}

/// `header-split`: a money field given in parts (`E "ไตรมาส 1", F "ไตรมาส 2"`).
fn header_split(field: Field, parts: &[(u32, String)]) -> Problem {
    let parts: Vec<String> = parts
        .iter()
        .map(|(c, text)| match text.trim() {
            "" => column_letters(*c),
            text => format!("{} \"{text}\"", column_letters(*c)),
        })
        .collect();
    Problem::HeaderSplit {
        field: field.thai().to_string(),
        parts: parts.join(", "),
    }
}

/// A column named with its header text for a message (`E "เบิกจ่าย (ร้อยละ)"`, its line breaks
/// and runs of spaces one space), or its letter alone when it has none.
fn column_quoted(col: u32, text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.as_str() {
        "" => column_letters(col),
        text => format!("{} \"{text}\"", column_letters(col)),
    }
}

/// `header-duplicate` for `field`, naming its columns with their header texts (`D "งบประมาณ
/// ตามแผน (บาท)", G "งบประมาณสำรอง"`), so a clerk sees which two clash.
fn header_duplicate(field: Field, cols: &[(u32, &str)]) -> Problem {
    let columns: Vec<String> = cols
        .iter()
        .map(|(c, text)| column_quoted(*c, text))
        .collect();
    Problem::HeaderDuplicate {
        field: field.thai().to_string(),
        columns: columns.join(", "),
    }
}

/// What the finder found in one sheet.
#[derive(Debug, Default)]
pub struct SheetTables {
    /// Data rows under a header, in sheet order.
    pub rows: Vec<RawRow>,
    /// Problems with the sheet's layout (headers, skipped rows).
    pub issues: IssueList,
    /// Non-blank rows read under a header (projects + rows that will be refused).
    pub rows_read: usize,
    /// Whether a header was found at all.
    pub found_table: bool,
    /// Whether a header was found with no row read under it: `table-empty`, or, when another
    /// sheet of the file holds projects, `table-unused` — said by the workbook's reader, which
    /// knows the other sheets.
    pub empty: bool,
    /// Rows handed on as projects (to be validated, counted or refused).
    pub projects: usize,
    /// The first row, when no header was found, that would be one but for a name column
    /// (zero-based): where to say `header-incomplete` if the file has no table.
    pub header_without_name: Option<u32>,
    /// What was understood.
    pub explain: TableExplain,
}

const WHY_TOTAL: &str = "แถวรวม · a total row";
const WHY_TOTAL_UNLABELLED: &str = "แถวรวมที่ไม่มีคำว่า รวม · a total row without its word";
const WHY_PAGE: &str = "หัวกระดาษซ้ำ · a repeated page title";
const WHY_SECTION: &str = "หัวข้อมิติ · a dimension heading";
const WHY_DIMENSION_LINE: &str = "บรรทัดสรุปของมิติ · a dimension's summary line";
const WHY_SUB_SECTION: &str = "หัวข้อย่อย · a sub-section heading";
const WHY_HEADING_WRAPPED: &str = "ส่วนที่ขึ้นบรรทัดใหม่ของหัวข้อ · the rest of a heading";
const WHY_SIGNATURE: &str = "ส่วนลงชื่อท้ายตาราง · the signature block";
const WHY_HEADER_LABELS: &str = "หัวตารางแถวที่สาม · a third header row of labels";
const WHY_NOTE: &str = "หมายเหตุใต้ตาราง · a note under the table";

/// Reads one sheet row by row (push style, so a sheet can be streamed).
pub struct TableFinder {
    file: Arc<str>,
    sheet: Arc<str>,
    words: HeaderWords,
    fiscal_year: Option<u16>,
    header: Option<Layout>,
    /// A header found, waiting for the row under it; with whether its second row was read (a
    /// third is then read only as the status ticks under a column of words, [`status_row`]).
    pending: Option<(Header, bool)>,
    /// The last row holding only fiscal years ([`years_only`]), for a header right under it.
    years_row: Option<(u32, Vec<(u32, u16)>)>,
    page_texts: HashSet<String>,
    /// Whether a title naming another fiscal year was said (`title-other-year`, once).
    title_year_said: bool,
    reported_ordinance: bool,
    hint: Option<DimensionHint>,
    /// The dimension the sheet's name gives, which every section row in it must agree with.
    named: Option<Dimension>,
    /// The last project row, held until the next row shows whether it continues its name;
    /// with the last row it spans.
    held: Option<(RawRow, u32)>,
    /// Whether any section row was seen (for `--explain`).
    saw_section: bool,
    /// The last heading row (a section or sub-section) and its text's columns: a row right
    /// under it with only text, in one of them, is its title wrapped by hand.
    heading: Option<(u32, Vec<u32>)>,
    /// One-based rows read as the rest of a heading above them.
    headings_joined: Vec<u32>,
    /// The last row that may be a project of its own or the rest of a name ([`NameRow::Either`]):
    /// a line like it right under it is judged the same.
    either: Option<u32>,
    /// In the signature block under the table (`ลงชื่อ …… ผู้รายงาน`, the name, the position, the
    /// date): its text-only rows are not projects.
    signing: bool,
    /// The sheet's merged ranges and formulas without values, loaded when a row needs them.
    look: SheetLook,
    /// The last non-blank มิติ cell of a data row, and its row: the value of a range merged
    /// down from it.
    last_dimension: Option<(u32, Cell)>,
    /// Projects whose dimension came from the มิติ column, section rows, the sheet's name.
    dimension_sources: [usize; 3],
    /// Whether a dimension's own line carrying figures was met (a summary by dimension): a
    /// table of only such lines is no empty form.
    dimension_lines: bool,
    /// Cells that held no value ([`Cell::hollow`]): a formula saved without its value, most
    /// likely, looked for wherever a row's field is blank there.
    hollow: HashSet<(u32, u32)>,
    /// The บรรจุ column's marks: the first check mark (✓ ☑) seen, and the cells holding a cross
    /// (x): both in one column are `tick-mixed` at each cross.
    ordinance_marks: (Option<String>, Vec<Location>),
    /// Columns with no header text just right of a money column: the money label may be merged
    /// over them (asked when one first holds something).
    unlabeled: Vec<Unlabeled>,
    /// The projects' amounts added up, for a total row without its word.
    sums: RunningSums,
    out: SheetTables,
}

impl TableFinder {
    /// A finder for one sheet of one file.
    pub fn new(file: &str, sheet: &str, options: &ReadOptions) -> Self {
        let named = sheet_dimension(sheet);
        let hint = named.map(|dimension| DimensionHint {
            dimension,
            source: HintSource::SheetName,
        });
        TableFinder {
            file: file.into(),
            sheet: sheet.into(),
            words: options.headers.clone(),
            fiscal_year: options.fiscal_year,
            header: None,
            pending: None,
            years_row: None,
            page_texts: HashSet::new(),
            title_year_said: false,
            reported_ordinance: false,
            hint,
            named,
            held: None,
            saw_section: false,
            heading: None,
            headings_joined: Vec::new(),
            either: None,
            signing: false,
            look: SheetLook::default(),
            last_dimension: None,
            dimension_sources: [0; 3],
            dimension_lines: false,
            hollow: HashSet::new(),
            ordinance_marks: (None, Vec::new()),
            unlabeled: Vec::new(),
            sums: RunningSums::default(),
            out: SheetTables {
                explain: TableExplain {
                    sheet: sheet.to_string(),
                    ..TableExplain::default()
                },
                ..SheetTables::default()
            },
        }
    }

    /// The finder, reading a blank มิติ cell inside a merged range as the range's value, and a
    /// blank cell a row needs that holds a formula saved without its value as such; `source` is
    /// asked only when such a cell is met.
    pub fn with_second_look(mut self, source: LookSource) -> Self {
        self.look = SheetLook::new(source, Arc::clone(&self.sheet));
        self
    }

    /// Takes the next row of the sheet (rows must come in sheet order; blank rows may be left out).
    pub fn push(&mut self, row: SheetRow) {
        if row.is_blank() {
            return;
        }
        if let Some((mut header, second_read)) = self.pending.take() {
            let extended = if second_read {
                status_row(&header, &row, &self.words)
                    && extend_with_second_row(&mut header, &row, &self.words)
            } else {
                extend_with_second_row(&mut header, &row, &self.words)
            };
            // Years on the second row with `ผลการดำเนินงาน` merged down over it: the four
            // status labels may be on the third.
            if extended && !second_read && header.awaits_status_row() {
                self.pending = Some((header, true));
                return;
            }
            self.activate(header);
            if extended {
                return;
            }
        }
        if row.text_or_years()
            && let Some(mut header) = header_of(&row, &self.words)
        {
            if let Some((above, years)) = self.years_row.take()
                && above + 1 == row.row
            {
                header.take_years_above(above, &years);
            }
            self.release_held();
            self.pending = Some((header, false));
            self.signing = false;
            return;
        }
        if row.text_or_years()
            && let Some(years) = years_only(&row)
        {
            self.years_row = Some((row.row, years));
        }
        if self.section(&row) {
            self.heading = Some((row.row, text_columns(&row)));
            return;
        }
        if self.continues_heading(&row) {
            self.heading = Some((row.row, text_columns(&row)));
            self.headings_joined.push(row.row + 1);
            self.skip(row.row, WHY_HEADING_WRAPPED);
            return;
        }
        let Some(layout) = &self.header else {
            if self.out.header_without_name.is_none()
                && row.only_text()
                && header_without_name(&row, &self.words)
            {
                self.out.header_without_name = Some(row.row);
            }
            self.remember_page_texts(&row);
            return;
        };
        // A third header row (title, years, `งบประมาณ (บาท)` under each, or only the unit,
        // `(บาท)`, `(หน่วย: บาท)`): labels only, over no name, before any project — part of the
        // header, never a project missing everything.
        if self.out.rows_read == 0
            && self.held.is_none()
            && row.only_text()
            && layout
                .name
                .is_none_or(|col| row.get(col).is_none_or(Cell::is_blank))
            && row.cells.iter().all(|(_, c)| match c {
                Cell::Text(t) => header_field_with(t, &self.words).is_some() || names_the_amount(t),
                other => other.is_blank(),
            })
        {
            self.skip(row.row, WHY_HEADER_LABELS);
            return;
        }
        // The signature block starts at its ลงชื่อ row and lasts while rows hold only text and
        // no status (every project has one).
        self.signing = !has_status(&row, layout)
            && ((row.only_text() && (self.signing || is_signature(&row)))
                || (self.signing && is_dated_signature_line(&row)));
        let total = total_label_col(&row, layout).map(|col| named_total(&row, col, layout));
        let skipped = if self.signing {
            Some(WHY_SIGNATURE)
        } else if let Some(named) = total {
            if let Some((col, label, name)) = named {
                let at = Location::cell(&self.file, &self.sheet, row.row, col);
                self.issue(Problem::TotalRowNamed { label, name }, at);
            }
            self.sums.close();
            Some(WHY_TOTAL)
        } else if self.is_page_title(&row) {
            Some(WHY_PAGE)
        } else if let Some(dimension) = sub_section_heading(&row, layout)
            .filter(|_| !(self.right_under_project(&row) && numbered_as_project(&row)))
        {
            // A มิติ merged down from the heading's row gives its value to the projects below.
            if let Some(value) = dimension {
                self.last_dimension = Some((row.row, value.clone()));
            }
            self.heading = Some((row.row, text_columns(&row)));
            self.sums.close();
            Some(WHY_SUB_SECTION)
        } else if row
            .lone_text()
            .is_some_and(|(_, t)| is_note(t) && !opens_as_project(t))
        {
            Some(WHY_NOTE)
        } else {
            None
        };
        if let Some(why) = skipped {
            self.skip(row.row, why);
            return;
        }
        self.data_row(row);
    }

    /// A section row (`มิติที่ 2 …` alone on its row, or a dimension's own title) sets the
    /// dimension of the rows below it.
    fn section(&mut self, row: &SheetRow) -> bool {
        // Cheapest first: a heading's first text names a dimension (most rows' is a name).
        let first = row.first_text();
        let (dimension, titled) = match first.and_then(section_dimension) {
            Some(dimension) => (dimension, false),
            None => match first.and_then(dimension_titled) {
                Some(dimension) => (dimension, true),
                None => return false,
            },
        };
        let Some((heading, title)) = row.heading_with_figures() else {
            return false;
        };
        if let Some(title) = title
            && !self.split_section(row, heading, title)
        {
            return false;
        }
        // A number in ลำดับ beside figures makes it a project (its name missing), not a
        // heading; a dimension's own title is never a project's name.
        if !titled && !self.numbered_heading(row) {
            return false;
        }
        let mut source = HintSource::Section(row.row);
        if let Some((number, title)) = first.and_then(number_against_title) {
            source = HintSource::Disputed(row.row);
            let col = row.cells.first().map_or(0, |(c, _)| *c);
            let at = Location::cell(&self.file, &self.sheet, row.row, col);
            let problem = Problem::DimensionTitleConflict {
                number,
                title: title.number(),
            };
            self.issue(problem, at);
        } else if let Some(named) = self.named
            && named != dimension
        {
            source = HintSource::Disputed(row.row);
            let col = row.cells.first().map_or(0, |(c, _)| *c);
            let at = Location::cell(&self.file, &self.sheet, row.row, col);
            let problem = Problem::SectionSheetConflict {
                section: dimension.into(),
                sheet: named.into(),
            };
            self.issue(problem, at);
        }
        self.hint = Some(DimensionHint { dimension, source });
        self.saw_section = true;
        self.sums.close();
        self.signing = false;
        let figures = row.cells.iter().any(|(_, c)| matches!(c, Cell::Number(_)));
        if self.header.is_some() {
            self.dimension_lines |= titled && figures;
            let why = match titled && figures {
                true => WHY_DIMENSION_LINE,
                false => WHY_SECTION,
            };
            self.skip(row.row, why);
        }
        true
    }

    /// Whether a section row written across two cells is one: `มิติที่ 1` alone in its cell (not
    /// in the มิติ column, where it is a project's dimension), its title beside it, under a
    /// header, and no status (a project has one; a heading never does).
    fn split_section(&self, row: &SheetRow, label: &str, title: &str) -> bool {
        let Some(layout) = &self.header else {
            return false;
        };
        let in_dimension_column = layout
            .dimension
            .and_then(|c| row.get(c))
            .is_some_and(|cell| matches!(cell, Cell::Text(t) if t == label));
        is_section_label(label)
            && !in_dimension_column
            && !opens_as_project(title)
            && !has_status(row, layout)
    }

    /// Whether a section row is one as far as ลำดับ goes: nothing in it, or a number there and
    /// nothing else on the row but the heading's one text, outside the มิติ column (`1 | มิติที่ 1
    /// การสร้างสังคม…`: the plan's list numbers its dimensions as it does its projects). A number
    /// there beside figures, or beside `มิติที่ 1` in the มิติ column, is a project's.
    fn numbered_heading(&self, row: &SheetRow) -> bool {
        let Some(layout) = &self.header else {
            return true;
        };
        let Some(col) = layout.number else {
            return true;
        };
        if !matches!(row.get(col), Some(Cell::Number(_))) {
            return true;
        }
        let mut others = row.cells.iter().filter(|(c, v)| *c != col && !v.is_blank());
        match (others.next(), others.next()) {
            (Some((c, Cell::Text(_))), None) => Some(*c) != layout.dimension,
            _ => false,
        }
    }

    /// Whether `row` sits right under the project held (nothing between them).
    fn right_under_project(&self, row: &SheetRow) -> bool {
        let under = |last: u32| row.row == last + 1;
        self.held.as_ref().is_some_and(|(_, last)| under(*last)) || self.either.is_some_and(under)
    }

    fn skip(&mut self, row: u32, why: &'static str) {
        self.release_held();
        let explain = &mut self.out.explain;
        explain.count_skipped(why);
        if explain.skipped.len() < SKIPPED_LISTED {
            explain.skipped.push(SkippedRow { row: row + 1, why });
        }
    }

    fn data_row(&mut self, mut row: SheetRow) {
        let continues = self.continues_name(&row);
        if continues == NameRow::Either
            && let Some((col, name)) = row.lone_text()
        {
            self.either = Some(row.row);
            let at = Location::cell(&self.file, &self.sheet, row.row, col);
            let name = name.trim().to_string();
            self.issue(Problem::NameOnlyRow { name }, at);
            self.out.rows_read += 1;
            return;
        }
        if continues == NameRow::Continues {
            if let Some((held, last)) = &mut self.held
                && let Some((_, text)) = row.lone_text()
                && let Some(name) = &mut held.name
            {
                // As typed, so a break made at a space is seen.
                let first = match &name.value {
                    Cell::Text(typed) => typed.clone(),
                    other => other.display(),
                };
                name.value = Cell::Text(join_name(&first, text));
                *last = row.row;
                self.out.explain.joined.push(row.row + 1);
            }
            self.out.rows_read += 1;
            return;
        }
        if !self.unlabeled.is_empty() {
            self.merged_money_label(&row);
        }
        let Some(layout) = &self.header else {
            self.release_held();
            return;
        };
        let mut raw = self.raw_row(&mut row, layout);
        raw.structure = self.hint.clone();
        self.merged_dimension(&mut raw);
        self.merged_status(&mut raw);
        self.merged_remark(&mut raw);
        self.merged_ordinance(&mut raw);
        self.ordinance_mark(&raw);
        self.merged_money(&mut raw);
        self.merged_name(&mut raw);
        self.release_held();
        self.uncalculated(&mut raw);
        if let Some(amounts) = self.sums.unlabelled_total(&raw) {
            self.unlabelled_total(&raw, layout_name_col(&self.header), &amounts);
            return;
        }
        self.out.rows_read += 1;
        if not_a_project(&raw) {
            let mut location = raw.location.clone();
            give_back(&mut row, raw);
            // At the first cell written: the words a clerk will look for on the sheet.
            if let Some((col, _)) = row.cells.iter().find(|(_, c)| *c != Cell::Empty) {
                location = location.at_col(*col);
            }
            let found = row
                .cells
                .iter()
                .map(|(_, c)| c.display())
                .collect::<Vec<_>>()
                .join(" ");
            self.issue(Problem::RowNotProject { found }, location);
        } else {
            self.sums.add(&raw);
            let last = row.row;
            self.held = Some((raw, last));
        }
    }

    /// A total row without its word (`total-row-unlabelled`): said at its name cell, where รวม
    /// goes, with the sums it holds; skipped, and a boundary for the sums below it.
    fn unlabelled_total(
        &mut self,
        raw: &RawRow,
        name_col: Option<u32>,
        amounts: &[(u32, Decimal)],
    ) {
        let sums: Vec<(String, String)> = amounts
            .iter()
            .map(|(col, amount)| (raw.location.at_col(*col).a1(), baht(*amount)))
            .collect();
        let col = name_col.or_else(|| amounts.first().map(|(c, _)| *c));
        let at = match col {
            Some(c) => raw.location.at_col(c),
            None => raw.location.clone(),
        };
        let problem = Problem::TotalRowUnlabelled { sums };
        self.issue(problem, at);
        self.sums.close();
        self.skip(raw.location.row.unwrap_or_default(), WHY_TOTAL_UNLABELLED);
    }

    /// Notes the บรรจุ cell's mark for `tick-mixed`: a check mark, or a cross.
    fn ordinance_mark(&mut self, raw: &RawRow) {
        let Some(c) = &raw.in_ordinance else { return };
        let Cell::Text(text) = &c.value else { return };
        let mark = normalized(text);
        if CHECK_MARKS.contains(&mark.as_ref()) {
            self.ordinance_marks
                .0
                .get_or_insert_with(|| mark.into_owned());
        } else if TICK_CROSSES.contains(&mark.as_ref()) {
            let at = raw.location.at_col(c.col);
            self.ordinance_marks.1.push(at);
        }
    }

    /// Hands the held project row on: no later row continues its name.
    fn release_held(&mut self) {
        if let Some((raw, _)) = self.held.take() {
            let in_column = raw.dimension.as_ref().is_some_and(|c| !c.value.is_blank());
            let source = match (&raw.structure, in_column) {
                (_, true) => Some(0),
                (Some(hint), false) => match hint.source {
                    HintSource::Section(_) | HintSource::Disputed(_) => Some(1),
                    HintSource::SheetName => Some(2),
                },
                (None, false) => None,
            };
            if let Some(i) = source {
                self.dimension_sources[i] += 1;
            }
            self.out.projects += 1;
            self.out.rows.push(raw);
        }
    }

    /// Hands the data rows found so far to `sink` (so a long sheet need not be held whole).
    pub fn drain_rows(&mut self, sink: &mut dyn FnMut(RawRow)) {
        for raw in self.out.rows.drain(..) {
            sink(raw);
        }
    }

    /// Ends the sheet and returns what was found.
    pub fn finish(mut self) -> SheetTables {
        if let Some((header, _)) = self.pending.take() {
            self.activate(header);
        }
        self.release_held();
        if let (Some(check), crosses) = std::mem::take(&mut self.ordinance_marks) {
            for at in crosses {
                let check = check.clone();
                self.issue(Problem::TickCrossAmongChecks { check }, at);
            }
        }
        self.out.empty = self.out.found_table && self.out.rows_read == 0 && !self.dimension_lines;
        // Rows read as the rest of a heading or of a name: said once per sheet, listing them.
        let sheet = Location::sheet(&self.file, &self.sheet);
        if !self.headings_joined.is_empty() {
            let rows = rows_listed(&self.headings_joined);
            self.issue(Problem::HeadingJoined { rows }, sheet.clone());
        }
        if !self.out.explain.joined.is_empty() {
            let rows = rows_listed(&self.out.explain.joined);
            self.issue(Problem::NameJoined { rows }, sheet);
        }
        self.out.explain.rows_read = self.out.rows_read;
        self.out.explain.dimension_from = self.dimension_from();
        self.out
    }

    /// Where the dimension of this sheet's projects comes from, for `--explain`: each source
    /// the projects took theirs from, with how many when there are several.
    fn dimension_from(&self) -> String {
        let column = self.header.as_ref().and_then(|l| l.dimension);
        let sources: [String; 3] = [
            column.map_or_else(String::new, |c| {
                format!(
                    "คอลัมน์ {} · the column {}",
                    column_letters(c),
                    column_letters(c)
                )
            }),
            "แถวหัวข้อมิติ (มิติที่ 1 …) · section rows".to_string(),
            match self.named {
                Some(dimension) => format!("ชื่อแผ่นงาน (มิติที่ {dimension}) · the sheet's name"),
                None => String::new(),
            },
        ];
        let used: Vec<(usize, &String)> = (self.dimension_sources.iter().copied())
            .zip(&sources)
            .filter(|(n, text)| *n > 0 && !text.is_empty())
            .collect();
        match used.as_slice() {
            [(_, one)] => return one.to_string(),
            [] => {}
            several => {
                let parts: Vec<String> = several
                    .iter()
                    .map(|(n, text)| format!("{text} ({n})"))
                    .collect();
                return parts.join("; ");
            }
        }
        // No project: what the sheet offers.
        match (column, self.saw_section) {
            (Some(_), _) => sources[0].clone(),
            (None, true) => sources[1].clone(),
            (None, false) if !sources[2].is_empty() => sources[2].clone(),
            (None, false) => "ไม่พบ · none found".to_string(),
        }
    }

    fn issue(&mut self, problem: Problem, location: Location) {
        self.out.issues.push(Issue::new(problem, location));
    }

    fn activate(&mut self, mut header: Header) {
        self.release_held();
        self.sums.close();
        let at_header = Location {
            row: header.rows.first().copied(),
            ..Location::sheet(&self.file, &self.sheet)
        };
        let first_row = header.rows.first().copied().unwrap_or_default();
        if !header.has_ticks() {
            header.status_beside_results();
        }
        // Said once, not on every printed page the header repeats on.
        if self.out.rows_read == 0 {
            for duplicate in std::mem::take(&mut header.duplicates) {
                let first = header.text_of(duplicate.first, duplicate.field);
                let columns = [
                    (duplicate.first, first),
                    (duplicate.col, duplicate.text.as_str()),
                ];
                let at = Location::cell(&self.file, &self.sheet, first_row, duplicate.col);
                self.issue(header_duplicate(duplicate.field, &columns), at);
            }
        }
        if !header.split.is_empty() {
            if self.out.rows_read == 0 {
                let row = header.rows.last().copied().unwrap_or_default();
                for split in std::mem::take(&mut header.split) {
                    let col = split.parts.first().map_or(0, |(c, _)| *c);
                    let at = Location::cell(&self.file, &self.sheet, row, col);
                    self.issue(header_split(split.field, &split.parts), at);
                }
            }
            return;
        }
        if let Err(missing) = header.choose_years(self.fiscal_year) {
            let problem = match (missing.span, missing.wanted) {
                (Some((from, to)), Some(wanted)) => Problem::BudgetYearSpan {
                    field: missing.field,
                    wanted,
                    from,
                    to,
                },
                _ => Problem::BudgetYearMissing {
                    field: missing.field,
                    wanted: missing.wanted,
                    found: missing.found_labels.join(", "),
                },
            };
            let row = header.rows.last().copied().unwrap_or_default();
            let at = Location::cell(&self.file, &self.sheet, row, missing.col);
            self.issue(problem, at);
            return;
        }
        let repeated = header.repeated();
        if !repeated.is_empty() {
            // Reported once, not on every printed page the header repeats on.
            if self.out.rows_read == 0 {
                for (field, cols) in repeated {
                    let row = header.rows.last().copied().unwrap_or_default();
                    let col = cols.get(1).copied().unwrap_or_default();
                    let at = Location::cell(&self.file, &self.sheet, row, col);
                    let texts: Vec<(u32, &str)> = (cols.iter())
                        .map(|&c| (c, header.text_of(c, field)))
                        .collect();
                    let problem = header_duplicate(field, &texts);
                    self.issue(problem, at);
                }
            }
            return;
        }
        let missing = header.missing();
        if !missing.is_empty() {
            let other_quantity = (header.other_quantity.iter())
                .filter(|(_, _, field)| missing.contains(field))
                .map(|(col, text, _)| column_quoted(*col, text))
                .collect::<Vec<_>>()
                .join(", ");
            let problem = Problem::HeaderIncomplete {
                missing,
                other_quantity,
            };
            self.issue(problem, at_header);
            return;
        }
        if self.out.rows_read == 0 {
            let row = header.rows.last().copied().unwrap_or_default();
            for (col, text) in &header.unread_status {
                let at = Location::cell(&self.file, &self.sheet, row, *col);
                let problem = Problem::StatusColumnUnread { text: text.clone() };
                self.issue(problem, at);
            }
        }
        if header.col(Field::BudgetOrdinance).is_none() && !self.reported_ordinance {
            self.reported_ordinance = true;
            let location = Location::sheet(&self.file, &self.sheet);
            self.issue(Problem::OrdinanceBudgetAssumed, location);
        }
        let explain = &mut self.out.explain;
        if explain.columns.is_empty() {
            explain.columns = header.describe();
        }
        explain
            .header_rows
            .extend(header.rows.iter().map(|r| r + 1));
        self.out.found_table = true;
        let layout = Layout::of(&header);
        self.unlabeled = unlabeled(&header, &layout);
        self.header = Some(layout);
    }

    /// Rows above the first header (title block) are remembered so that, repeated on later
    /// printed pages, they are recognised and skipped.
    /// A title naming another fiscal year than the report's is said once per sheet
    /// (`title-other-year`): last year's file sent again.
    fn remember_page_texts(&mut self, row: &SheetRow) {
        for (col, cell) in &row.cells {
            if let Cell::Text(t) = cell {
                if !self.title_year_said
                    && let Some(fiscal_year) = self.fiscal_year
                    && let Some(year) = title::title_fiscal_year(t).filter(|y| *y != fiscal_year)
                {
                    self.title_year_said = true;
                    let at = Location::cell(&self.file, &self.sheet, row.row, *col);
                    self.issue(Problem::TitleOtherYear { year, fiscal_year }, at);
                }
                self.page_texts.insert(normalize(t));
            }
        }
    }

    fn is_page_title(&self, row: &SheetRow) -> bool {
        !self.page_texts.is_empty()
            && row.only_text()
            && row.cells.iter().all(|(_, cell)| match cell {
                Cell::Text(t) => self.page_texts.contains(normalized(t).as_ref()),
                other => other.is_blank(),
            })
    }
}

#[cfg(test)]
mod tests;
