//! Finding project tables in a sheet, one row at a time: recognise header rows ([`super::header`]),
//! skip titles and headers repeated on every printed page, total rows (รวม) and sub-section
//! headings (`1.1 การสร้างจิตสำนึก…`), follow the dimension a section row (`มิติที่ 2 …`) or the
//! sheet's name (`มิติที่ 2`) gives, join a name wrapped by hand onto the row below, and hand
//! every other non-blank row on as a [`RawRow`]. What a value means is decided later, in
//! `validate`; what was understood is kept for `--explain` ([`TableExplain`]).

mod explain;
mod rows;

use explain::SKIPPED_LISTED;
pub use explain::{SkippedRow, TableExplain};
pub use rows::{DimensionHint, HintSource, RawCell, RawRow, RawStatus, SheetRow};

use super::ReadOptions;
use super::cell::{Cell, Tick, tick};
use super::header::{Header, extend_with_second_row, header_of, header_without_name};
use super::second_look::{LookSource, SheetLook};
pub use super::structure::section_dimension;
use super::structure::{
    is_note, is_section_label, is_sub_section, is_total_label, opens_as_project, sheet_dimension,
    starts_signature,
};
use crate::issue::{Issue, IssueList, Problem};
use crate::model::{Dimension, Location, Status, column_letters};
use crate::schema::text::{normalize, normalized, thai_digits_to_arabic};
use crate::schema::{Field, HeaderWords, status_word};
use std::collections::HashSet;
use std::sync::Arc;

/// The columns of a complete header's fields, for reading data rows without searching.
#[derive(Debug, Clone, PartialEq, Default)]
struct Layout {
    number: Option<u32>,
    name: Option<u32>,
    dimension: Option<u32>,
    budget_plan: Option<u32>,
    budget_ordinance: Option<u32>,
    disbursed: Option<u32>,
    in_ordinance: Option<u32>,
    remark: Option<u32>,
    /// What was done (`ผลการดำเนินงาน` beside the ticks), read with the remark.
    results: Option<u32>,
    status: StatusColumns,
    /// Whether two fields name the same column (a second header row over a first one's).
    shared_column: bool,
}

/// Where a header keeps the status.
#[derive(Debug, Clone, PartialEq)]
enum StatusColumns {
    /// One column of words.
    Words(u32),
    /// Tick columns, in header order (none until the header is complete).
    Ticks(Vec<(Status, u32)>),
}

impl Default for StatusColumns {
    fn default() -> Self {
        StatusColumns::Ticks(Vec::new())
    }
}

impl Layout {
    fn of(header: &Header) -> Layout {
        let cols = &header.columns;
        Layout {
            number: header.col(Field::Number),
            name: header.col(Field::Name),
            dimension: header.col(Field::Dimension),
            budget_plan: header.col(Field::BudgetPlan),
            budget_ordinance: header.col(Field::BudgetOrdinance),
            disbursed: header.col(Field::Disbursed),
            in_ordinance: header.col(Field::InOrdinance),
            remark: header.col(Field::Remark),
            results: header.results.as_ref().map(|(col, _)| *col),
            status: match header.col(Field::StatusWords) {
                Some(words) if !header.has_ticks() => StatusColumns::Words(words),
                _ => StatusColumns::Ticks(
                    cols.iter()
                        .filter_map(|c| match c.field {
                            Field::StatusTick(s) => Some((s, c.col)),
                            _ => None,
                        })
                        .collect(),
                ),
            },
            shared_column: cols
                .iter()
                .enumerate()
                .any(|(i, c)| cols[i + 1..].iter().any(|d| d.col == c.col)),
        }
    }

    /// Columns a project's cells are read from (a name wrapped onto the next row fills only the
    /// name's).
    fn project_columns(&self) -> Vec<u32> {
        let mut cols: Vec<u32> = [
            self.number,
            self.dimension,
            self.budget_plan,
            self.budget_ordinance,
            self.disbursed,
            self.in_ordinance,
            self.remark,
            self.results,
        ]
        .into_iter()
        .flatten()
        .collect();
        cols.extend(self.status_columns());
        cols
    }

    /// The status column, or the tick columns.
    fn status_columns(&self) -> impl Iterator<Item = u32> + '_ {
        let (words, ticks) = match &self.status {
            StatusColumns::Words(c) => (Some(*c), &[][..]),
            StatusColumns::Ticks(ticks) => (None, ticks.as_slice()),
        };
        words.into_iter().chain(ticks.iter().map(|(_, c)| *c))
    }
}

/// Whether the row's status cells name a status (a status word, or a tick).
fn has_status(row: &SheetRow, layout: &Layout) -> bool {
    match &layout.status {
        StatusColumns::Words(c) => row
            .get(*c)
            .is_some_and(|cell| status_word(&cell.display()).is_some()),
        StatusColumns::Ticks(ticks) => ticks
            .iter()
            .any(|(_, c)| row.get(*c).is_some_and(|cell| tick(cell) == Tick::Ticked)),
    }
}

/// Whether a text cell of the row starts the signature block (`ลงชื่อ …… ผู้รายงาน`).
fn is_signature(row: &SheetRow) -> bool {
    row.cells
        .iter()
        .any(|(_, cell)| matches!(cell, Cell::Text(t) if starts_signature(t)))
}

/// The plan's sub-section titles that begin as a project's name may (`มาตรการ…`), normalised:
/// 2.2 มาตรการสร้างความโปร่งใสในการปฏิบัติราชการ, 2.3 มาตรการการใช้ดุลยพินิจและใช้อำนาจหน้าที่…,
/// 2.5 มาตรการจัดการในกรณีได้ทราบ หรือรับแจ้ง หรือตรวจสอบพบการทุจริต. Any other `มาตรการ…` title
/// beside a code is a measure: a project.
const MEASURE_SECTIONS: [&str; 3] = [
    "มาตรการสร้างความโปร่งใส",
    "มาตรการการใช้ดุลยพินิจ",
    "มาตรการจัดการในกรณี",
];

/// A sub-section heading row: `1.1 การสร้างจิตสำนึก…` alone on its row, or written across two
/// cells as a plan copied from Word often is — its code in ลำดับ (`1.1`, `๒.๓`, or the number 1.1
/// Excel makes of `1.1` typed), its title in the name column — perhaps beside the row's มิติ
/// cell, where a มิติ merged down over the sub-section's projects starts. Returns that มิติ cell
/// (`Some(None)` without one). A split title that starts as a project's name does (`โครงการ…`,
/// `กิจกรรม…`, a `มาตรการ…` not among [`MEASURE_SECTIONS`]) keeps the row a project, whose
/// missing cells are then named.
fn sub_section_heading<'r>(row: &'r SheetRow, layout: &Layout) -> Option<Option<&'r Cell>> {
    if row.lone_text().is_some_and(|(_, t)| is_sub_section(t)) {
        return Some(None);
    }
    let dimension = layout
        .dimension
        .and_then(|c| row.get(c))
        .filter(|v| !v.is_blank());
    let dimension_col = dimension.and(layout.dimension);
    let mut others =
        (row.cells.iter()).filter(|(col, c)| !c.is_blank() && Some(*col) != dimension_col);
    let heading = match (others.next(), others.next(), others.next()) {
        (Some((_, Cell::Text(text))), None, _) => dimension.is_some() && is_sub_section(text),
        (Some((c1, code)), Some((c2, Cell::Text(title))), None) => {
            let code = match code {
                Cell::Text(t) => t.trim().to_string(),
                Cell::Number(n) if n.fract() != 0.0 => code.display(),
                _ => return None,
            };
            let title = normalized(title);
            let measure = title.starts_with("มาตรการ")
                && !MEASURE_SECTIONS.iter().any(|m| title.starts_with(m));
            let project_like =
                measure || ["โครงการ", "กิจกรรม"].iter().any(|w| title.starts_with(w));
            (Some(*c1), Some(*c2)) == (layout.number, layout.name)
                && !project_like
                && is_sub_section(&format!("{code} {title}"))
        }
        _ => false,
    };
    heading.then_some(dimension)
}

/// A line of the signature block that carries a figure: `วันที่ | 31/03/2565` (a date cell),
/// `โทร. | 054 …`: a label of the block, and at most one number or date.
fn is_dated_signature_line(row: &SheetRow) -> bool {
    let labelled = row.cells.iter().any(|(_, cell)| {
        matches!(cell, Cell::Text(t) if ["วันที่", "ตำแหน่ง", "โทร"]
            .iter()
            .any(|w| normalized(t).starts_with(w)))
    });
    let numbers = row
        .cells
        .iter()
        .filter(|(_, c)| matches!(c, Cell::Number(_) | Cell::Date(_)))
        .count();
    labelled && numbers <= 1
}

/// A total row: a text cell holds a total label ([`is_total_label`]: `รวม`, `รวมทั้งสิ้น`,
/// `รวม 4 มิติ`, `ยอดรวม`), in whichever column (the name, ลำดับ or มิติ, merged across them),
/// and no other column says it is a project: no number in ลำดับ, nothing else in มิติ. A name
/// that merely begins with รวม (`รวมพลังต่อต้านการทุจริต`) is no total label: its row is a
/// project. Returns the label's column.
fn total_label_col(row: &SheetRow, layout: &Layout) -> Option<u32> {
    let col = row.cells.iter().find_map(|(col, cell)| match cell {
        Cell::Text(t) if is_total_label(t) => Some(*col),
        _ => None,
    })?;
    let other = |field: Option<u32>| field.filter(|c| *c != col).and_then(|c| row.get(c));
    let numbered = matches!(other(layout.number), Some(Cell::Number(_)));
    let dimension = other(layout.dimension).is_some_and(|c| !c.is_blank());
    (!numbered && !dimension).then_some(col)
}

/// A total row that also holds a project's name and a budget (`รวม` in ลำดับ, a name beside
/// it): the name's column, the label and the name, to be warned of rather than skipped in
/// silence.
fn named_total(row: &SheetRow, label_col: u32, layout: &Layout) -> Option<(u32, String, String)> {
    let name_col = layout.name.filter(|c| *c != label_col)?;
    let name = match row.get(name_col)? {
        Cell::Text(t) if !is_total_label(t) && !t.trim().is_empty() => t.trim().to_string(),
        _ => return None,
    };
    let budget = layout.budget_plan.and_then(|c| row.get(c));
    budget.filter(|c| !c.is_blank())?;
    let label = row.get(label_col)?.display();
    Some((name_col, label, name))
}

/// `header-duplicate` for `field`, naming its columns (`C, D, E`).
/// The columns of a row's text cells.
fn text_columns(row: &SheetRow) -> Vec<u32> {
    row.cells
        .iter()
        .filter(|(_, c)| matches!(c, Cell::Text(t) if !t.trim().is_empty()))
        .map(|(col, _)| *col)
        .collect()
}

/// The columns with no header text just right of each money column read.
fn unlabeled(header: &Header, layout: &Layout) -> Vec<Unlabeled> {
    let first_row = header.rows.first().copied().unwrap_or_default();
    let money = [
        (layout.budget_plan, Field::BudgetPlan),
        (layout.budget_ordinance, Field::BudgetOrdinance),
        (layout.disbursed, Field::Disbursed),
    ];
    money
        .into_iter()
        .filter_map(|(col, field)| Some((col?, field)))
        .filter(|(col, _)| !header.occupied.contains(&(col + 1)))
        .map(|(col, field)| Unlabeled {
            col: col + 1,
            label: (first_row, col),
            field,
        })
        .collect()
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

fn header_duplicate(field: Field, cols: &[u32]) -> Problem {
    let columns: Vec<String> = cols.iter().map(|&c| column_letters(c)).collect();
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
    /// The first row, when no header was found, that would be one but for a name column
    /// (zero-based): where to say `header-incomplete` if the file has no table.
    pub header_without_name: Option<u32>,
    /// What was understood.
    pub explain: TableExplain,
}

const WHY_TOTAL: &str = "แถวรวม · a total row";
const WHY_PAGE: &str = "หัวกระดาษซ้ำ · a repeated page title";
const WHY_SECTION: &str = "หัวข้อมิติ · a dimension heading";
const WHY_SUB_SECTION: &str = "หัวข้อย่อย · a sub-section heading";
const WHY_HEADING_WRAPPED: &str = "ส่วนที่ขึ้นบรรทัดใหม่ของหัวข้อ · the rest of a heading";
const WHY_SIGNATURE: &str = "ส่วนลงชื่อท้ายตาราง · the signature block";
const WHY_NOTE: &str = "หมายเหตุใต้ตาราง · a note under the table";

/// Reads one sheet row by row (push style, so a sheet can be streamed).
pub struct TableFinder {
    file: Arc<str>,
    sheet: Arc<str>,
    words: HeaderWords,
    fiscal_year: Option<u16>,
    header: Option<Layout>,
    pending: Option<Header>,
    page_texts: HashSet<String>,
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
    /// In the signature block under the table (`ลงชื่อ …… ผู้รายงาน`, the name, the position, the
    /// date): its text-only rows are not projects.
    signing: bool,
    /// The sheet's merged ranges and formulas without values, loaded when a row needs them.
    look: SheetLook,
    /// The last non-blank มิติ cell of a data row, and its row: the value of a range merged
    /// down from it.
    last_dimension: Option<(u32, Cell)>,
    /// Cells that held no value ([`Cell::hollow`]): a formula saved without its value, most
    /// likely, looked for wherever a row's field is blank there.
    hollow: HashSet<(u32, u32)>,
    /// Columns with no header text just right of a money column: the money label may be merged
    /// over them (asked when one first holds something).
    unlabeled: Vec<Unlabeled>,
    out: SheetTables,
}

/// What a row of only a name is to the project above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameRow {
    /// No such row.
    No,
    /// The rest of the name above, wrapped by hand.
    Continues,
    /// A new project's name, or the rest of the one above: which cannot be told.
    Either,
}

/// A column with no header text right of a money column's label.
#[derive(Debug, Clone, Copy)]
struct Unlabeled {
    col: u32,
    label: (u32, u32),
    field: Field,
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
            page_texts: HashSet::new(),
            reported_ordinance: false,
            hint,
            named,
            held: None,
            saw_section: false,
            heading: None,
            headings_joined: Vec::new(),
            signing: false,
            look: SheetLook::default(),
            last_dimension: None,
            hollow: HashSet::new(),
            unlabeled: Vec::new(),
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
        if let Some(mut header) = self.pending.take() {
            if extend_with_second_row(&mut header, &row, &self.words) {
                self.activate(header);
                return;
            }
            self.activate(header);
        }
        if row.text_or_years()
            && let Some(header) = header_of(&row, &self.words)
        {
            self.release_held();
            self.pending = Some(header);
            self.signing = false;
            return;
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
            Some(WHY_TOTAL)
        } else if self.is_page_title(&row) {
            Some(WHY_PAGE)
        } else if let Some(dimension) = sub_section_heading(&row, layout) {
            // A มิติ merged down from the heading's row gives its value to the projects below.
            if let Some(value) = dimension {
                self.last_dimension = Some((row.row, value.clone()));
            }
            self.heading = Some((row.row, text_columns(&row)));
            Some(WHY_SUB_SECTION)
        } else if row.lone_text().is_some_and(|(_, t)| is_note(t)) {
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

    /// A section row (`มิติที่ 2 …` alone on its row) sets the dimension of the rows below it.
    fn section(&mut self, row: &SheetRow) -> bool {
        // Cheapest first: a heading's first text names a dimension (most rows' is a name).
        let Some(dimension) = row.first_text().and_then(section_dimension) else {
            return false;
        };
        let Some((heading, title)) = row.heading_with_figures() else {
            return false;
        };
        if let Some(title) = title
            && !self.split_section(row, heading, title)
        {
            return false;
        }
        // A number in ลำดับ makes it a project (its name missing), not a heading.
        let numbered = self
            .header
            .as_ref()
            .and_then(|layout| layout.number)
            .is_some_and(|col| matches!(row.get(col), Some(Cell::Number(_))));
        if numbered && row.lone_text().is_none() {
            return false;
        }
        if let Some(named) = self.named
            && named != dimension
        {
            let col = row.cells.first().map_or(0, |(c, _)| *c);
            let at = Location::cell(&self.file, &self.sheet, row.row, col);
            let problem = Problem::SectionSheetConflict {
                section: dimension.into(),
                sheet: named.into(),
            };
            self.issue(problem, at);
        }
        self.hint = Some(DimensionHint {
            dimension,
            source: HintSource::Section(row.row),
        });
        self.saw_section = true;
        self.signing = false;
        if self.header.is_some() {
            self.skip(row.row, WHY_SECTION);
        }
        true
    }

    /// Whether `row` is the rest of the heading right above it: only text, in a column the
    /// heading's text is in, under a header, and not opening as a project's name does.
    fn continues_heading(&self, row: &SheetRow) -> bool {
        let Some((at, cols)) = &self.heading else {
            return false;
        };
        row.row == at + 1
            && self.header.is_some()
            && row
                .lone_text()
                .is_some_and(|(col, text)| cols.contains(&col) && !opens_as_project(text))
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

    fn skip(&mut self, row: u32, why: &'static str) {
        self.release_held();
        let explain = &mut self.out.explain;
        explain.skipped_count += 1;
        if explain.skipped.len() < SKIPPED_LISTED {
            explain.skipped.push(SkippedRow { row: row + 1, why });
        }
    }

    fn data_row(&mut self, mut row: SheetRow) {
        let continues = self.continues_name(&row);
        if continues == NameRow::Either {
            let found = row.lone_text().map(|(_, t)| t.trim().to_string());
            let at = Location::cell(&self.file, &self.sheet, row.row, row.cells[0].0);
            self.issue(
                Problem::NameOnlyRow {
                    name: found.unwrap_or_default(),
                },
                at,
            );
            self.out.rows_read += 1;
            return;
        }
        if continues == NameRow::Continues {
            if let Some((held, last)) = &mut self.held
                && let Some((_, text)) = row.lone_text()
                && let Some(name) = &mut held.name
            {
                name.value = Cell::Text(join_name(&name.value.display(), text.trim()));
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
        self.merged_ordinance(&mut raw);
        self.release_held();
        self.uncalculated(&mut raw);
        self.out.rows_read += 1;
        if raw_is_empty(&raw) {
            let location = raw.location.clone();
            give_back(&mut row, raw);
            let found = row
                .cells
                .iter()
                .map(|(_, c)| c.display())
                .collect::<Vec<_>>()
                .join(" ");
            self.issue(Problem::RowNotProject { found }, location);
        } else {
            let last = row.row;
            self.held = Some((raw, last));
        }
    }

    /// A money label merged over a column beside it that holds something (`เบิกจ่าย` over
    /// `ไตรมาส 1 | ไตรมาส 2` with no second row saying so) is `header-split`: only its first
    /// column would be read. Asked once per such column, when it first holds something.
    fn merged_money_label(&mut self, row: &SheetRow) {
        // An amount: a number, or text with a digit (a unit such as บาท is no part).
        let amount = |c: &Cell| match c {
            Cell::Number(_) => true,
            Cell::Text(t) => thai_digits_to_arabic(t).bytes().any(|b| b.is_ascii_digit()),
            _ => false,
        };
        let filled: Vec<Unlabeled> = self
            .unlabeled
            .iter()
            .filter(|u| row.get(u.col).is_some_and(amount))
            .copied()
            .collect();
        for found in filled {
            self.unlabeled.retain(|u| u.col != found.col);
            let (label_row, label_col) = found.label;
            let Some(region) = self.look.region_at(label_row, label_col) else {
                continue;
            };
            if region.last_col < found.col || self.unlabeled_said(found.field) {
                continue;
            }
            let parts: Vec<(u32, String)> = (region.first_col..=region.last_col)
                .map(|c| (c, String::new()))
                .collect();
            let at = Location::cell(&self.file, &self.sheet, label_row, label_col);
            self.issue(header_split(found.field, &parts), at);
        }
    }

    /// Whether `header-split` was said of `field` in this sheet already.
    fn unlabeled_said(&self, field: Field) -> bool {
        let name = field.thai();
        self.out
            .issues
            .iter()
            .any(|i| matches!(&i.problem, Problem::HeaderSplit { field, .. } if field == name))
    }

    /// A blank มิติ cell inside a range merged down from the last row that had one (offices
    /// merge the column across a dimension's projects) takes that row's value.
    fn merged_dimension(&mut self, raw: &mut RawRow) {
        let Some(cell) = raw.dimension.as_mut() else {
            return;
        };
        let row = raw.location.row.unwrap_or_default();
        if !cell.value.is_blank() {
            self.last_dimension = Some((row, cell.value.clone()));
            return;
        }
        let Some((top, value)) = &self.last_dimension else {
            return;
        };
        if self
            .look
            .covering_from_above(row, cell.col)
            .is_some_and(|region| region.first_row == *top)
        {
            cell.value = value.clone();
        }
    }

    /// A row with no status whose status cells (the word, or every tick) lie in ranges merged
    /// down from the project row above takes that row's status, and its บรรจุ tick likewise:
    /// a ☑ merged over two projects is each one's. Asked only of a row with no status, so
    /// the merged ranges are loaded for such a sheet alone.
    fn merged_status(&mut self, raw: &mut RawRow) {
        let Some((above, _)) = &self.held else { return };
        if !raw.status.is_blank() {
            return;
        }
        let (row, look) = (raw.location.row.unwrap_or_default(), &mut self.look);
        let above_row = above.location.row.unwrap_or_default();
        let mut from_above = |cell: &mut RawCell, over: &RawCell| {
            if cell.value.is_blank()
                && !over.value.is_blank()
                && look
                    .covering_from_above(row, cell.col)
                    .is_some_and(|region| region.covers(above_row, cell.col))
            {
                cell.value = over.value.clone();
            }
        };
        match (&mut raw.status, &above.status) {
            (RawStatus::Words(cell), RawStatus::Words(over)) => from_above(cell, over),
            (RawStatus::Ticks(ticks), RawStatus::Ticks(overs)) => {
                for ((_, cell), (_, over)) in ticks.iter_mut().zip(overs) {
                    from_above(cell, over);
                }
            }
            _ => {}
        }
        if let (Some(cell), Some(over)) = (&mut raw.in_ordinance, &above.in_ordinance) {
            from_above(cell, over);
        }
    }

    /// A บรรจุ tick merged down over several projects whose statuses are not merged is each
    /// one's too. Asked only of a blank บรรจุ cell under a ticked one, and in xlsx only when the
    /// cell is an element without a value (a merged range's covered cells are written so):
    /// the merged ranges cost a second read of the sheet there.
    fn merged_ordinance(&mut self, raw: &mut RawRow) {
        let Some((above, _)) = &self.held else { return };
        let (Some(cell), Some(over)) = (&mut raw.in_ordinance, &above.in_ordinance) else {
            return;
        };
        if !cell.value.is_blank() || over.value.is_blank() {
            return;
        }
        let row = raw.location.row.unwrap_or_default();
        if !self.hollow.contains(&(row, cell.col)) && !self.look.merges_cheap() {
            return;
        }
        let above_row = above.location.row.unwrap_or_default();
        let merged = self.look.covering_from_above(row, cell.col);
        if merged.is_some_and(|region| region.covers(above_row, cell.col)) {
            cell.value = over.value.clone();
        }
    }

    /// A blank cell the row needs (its name, มิติ, money, status; the status ticks when none is
    /// ticked) that holds a formula saved without its value (openpyxl, web exports) becomes
    /// [`Cell::Uncalculated`], so validation says so at the cell rather than reading 0. The
    /// sheet's formulas are read once, the first time such a cell is met.
    fn uncalculated(&mut self, raw: &mut RawRow) {
        let row = raw.location.row.unwrap_or_default();
        let fields = [
            &mut raw.name,
            &mut raw.dimension,
            &mut raw.budget_plan,
            &mut raw.budget_ordinance,
            &mut raw.disbursed,
        ];
        let mut blank: Vec<&mut RawCell> = fields
            .into_iter()
            .flatten()
            .filter(|c| c.value.is_blank())
            .collect();
        let hollow = &self.hollow;
        let is_hollow = |c: &RawCell| {
            !hollow.is_empty() && c.value.is_blank() && hollow.contains(&(row, c.col))
        };
        let none = raw.status.is_blank();
        match &mut raw.status {
            RawStatus::Words(cell) => {
                if none {
                    blank.push(cell);
                }
            }
            // Every tick when none is ticked; else a tick made by a formula saved without its
            // value, beside a tick typed.
            RawStatus::Ticks(ticks) => {
                if none || !hollow.is_empty() {
                    let cells = ticks.iter_mut().map(|(_, c)| c);
                    blank.extend(cells.filter(|c| none || is_hollow(c)));
                }
            }
        }
        // Where a blank means "no" or "nothing" (บรรจุ, หมายเหตุ), only a hollow cell is asked.
        if !hollow.is_empty() {
            let others = [&mut raw.in_ordinance, &mut raw.remark];
            blank.extend(others.into_iter().flatten().filter(|c| is_hollow(c)));
        }
        for cell in blank {
            if let Some(formula) = self.look.formula_at(row, cell.col) {
                cell.value = Cell::Uncalculated(formula);
            }
        }
    }

    /// Notes a cell that held no value ([`Cell::hollow`]).
    pub(crate) fn note_hollow(&mut self, row: u32, col: u32) {
        self.hollow.insert((row, col));
    }

    /// Whether `row` carries on the name of the project held above it: directly under it, and
    /// nothing in it but text in the name column (no ลำดับ, no figure, no tick). A text that
    /// opens as a project's name does (`กิจกรรม…`) carries it on only when the project's cells
    /// are merged down over this row; else which it is cannot be told ([`NameRow::Either`]).
    fn continues_name(&mut self, row: &SheetRow) -> NameRow {
        let (Some((held, last)), Some(layout)) = (&self.held, &self.header) else {
            return NameRow::No;
        };
        // Cheapest first: most rows have more than one cell.
        let Some((col, text)) = row.lone_text() else {
            return NameRow::No;
        };
        let alone = row.row == last + 1
            && Some(col) == layout.name
            && held.name.as_ref().is_some_and(|c| !c.value.is_blank())
            && !layout.project_columns().contains(&col);
        if !alone {
            return NameRow::No;
        }
        if !opens_as_project(text) {
            return NameRow::Continues;
        }
        let above = held.location.row.unwrap_or_default();
        let columns = layout.project_columns();
        let merged_down = columns.into_iter().any(|c| {
            self.look
                .covering_from_above(row.row, c)
                .is_some_and(|region| region.covers(above, c))
        });
        match merged_down {
            true => NameRow::Continues,
            false => NameRow::Either,
        }
    }

    /// Hands the held project row on: no later row continues its name.
    fn release_held(&mut self) {
        if let Some((raw, _)) = self.held.take() {
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
        if let Some(header) = self.pending.take() {
            self.activate(header);
        }
        self.release_held();
        if self.out.found_table && self.out.rows_read == 0 {
            let location = Location::sheet(&self.file, &self.sheet);
            self.issue(Problem::TableEmpty, location);
        }
        if !self.headings_joined.is_empty() {
            let rows: Vec<String> = self.headings_joined.iter().map(u32::to_string).collect();
            let location = Location::sheet(&self.file, &self.sheet);
            self.issue(
                Problem::HeadingJoined {
                    rows: rows.join(", "),
                },
                location,
            );
        }
        if !self.out.explain.joined.is_empty() {
            let rows: Vec<String> = self.out.explain.joined.iter().map(u32::to_string).collect();
            let location = Location::sheet(&self.file, &self.sheet);
            self.issue(
                Problem::NameJoined {
                    rows: rows.join(", "),
                },
                location,
            );
        }
        self.out.explain.rows_read = self.out.rows_read;
        self.out.explain.dimension_from = self.dimension_from();
        self.out
    }

    /// Where the dimension of this sheet's projects comes from, for `--explain`.
    fn dimension_from(&self) -> String {
        let column = self.header.as_ref().and_then(|l| l.dimension);
        match (column, self.saw_section) {
            (Some(c), _) => format!(
                "คอลัมน์ {} · the column {}",
                column_letters(c),
                column_letters(c)
            ),
            (None, true) => "แถวหัวข้อมิติ (มิติที่ 1 …) · section rows".to_string(),
            (None, false) => match &self.hint {
                Some(hint) => format!("ชื่อแผ่นงาน (มิติที่ {}) · the sheet's name", hint.dimension),
                None => "ไม่พบ · none found".to_string(),
            },
        }
    }

    fn issue(&mut self, problem: Problem, location: Location) {
        self.out.issues.push(Issue::new(problem, location));
    }

    fn activate(&mut self, mut header: Header) {
        self.release_held();
        let at_header = Location {
            row: header.rows.first().copied(),
            ..Location::sheet(&self.file, &self.sheet)
        };
        let first_row = header.rows.first().copied().unwrap_or_default();
        // Said once, not on every printed page the header repeats on.
        if self.out.rows_read == 0 {
            for duplicate in std::mem::take(&mut header.duplicates) {
                let columns = [duplicate.first, duplicate.col];
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
            let found: Vec<String> = missing.found.iter().map(u16::to_string).collect();
            let problem = Problem::BudgetYearMissing {
                field: missing.field,
                wanted: missing.wanted,
                found: found.join(", "),
            };
            self.issue(problem, at_header);
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
                    self.issue(header_duplicate(field, &cols), at);
                }
            }
            return;
        }
        let missing = header.missing();
        if !missing.is_empty() {
            self.issue(Problem::HeaderIncomplete { missing }, at_header);
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
    fn remember_page_texts(&mut self, row: &SheetRow) {
        for (_, cell) in &row.cells {
            if let Cell::Text(t) = cell {
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

    /// The row's cells sorted into fields, moved out of the row (no copy) — unless the header
    /// maps one column to two fields, when they are copied.
    fn raw_row(&self, row: &mut SheetRow, layout: &Layout) -> RawRow {
        let mut cell = |col: u32| RawCell {
            col,
            value: row.take(col, layout.shared_column),
        };
        let number = layout.number.map(&mut cell);
        let name = layout.name.map(&mut cell);
        let dimension = layout.dimension.map(&mut cell);
        let budget_plan = layout.budget_plan.map(&mut cell);
        let budget_ordinance = layout.budget_ordinance.map(&mut cell);
        let disbursed = layout.disbursed.map(&mut cell);
        let in_ordinance = layout.in_ordinance.map(&mut cell);
        let mut remark = layout.remark.map(&mut cell);
        if let Some(col) = layout.results {
            remark = Some(with_results(cell(col), remark));
        }
        let status = match &layout.status {
            StatusColumns::Words(col) => RawStatus::Words(cell(*col)),
            StatusColumns::Ticks(ticks) => {
                RawStatus::Ticks(ticks.iter().map(|&(s, c)| (s, cell(c))).collect())
            }
        };
        RawRow {
            location: Location {
                file: Arc::clone(&self.file),
                sheet: Arc::clone(&self.sheet),
                row: Some(row.row),
                col: None,
            },
            number,
            name,
            dimension,
            structure: None,
            budget_plan,
            budget_ordinance,
            disbursed,
            in_ordinance,
            status,
            remark,
        }
    }
}

/// A name and the part of it wrapped onto the next row: Thai runs on without a space (Thai
/// writes no space between words, and a hand-made break falls between two of them); anything
/// else is joined by one space.
fn join_name(first: &str, rest: &str) -> String {
    let is_thai = |c: Option<char>| c.is_some_and(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c));
    if is_thai(first.chars().last()) && is_thai(rest.chars().next()) {
        format!("{first}{rest}")
    } else {
        format!("{first} {rest}")
    }
}

/// The remark with what was done before it (`จัดอบรม 2 ครั้ง หมายเหตุ…`): either alone when
/// the other is blank; a remark that is not text (a date) keeps its cell, and what was done is
/// then lost only when the remark holds something.
fn with_results(results: RawCell, remark: Option<RawCell>) -> RawCell {
    match remark {
        None => results,
        Some(remark) if results.value.is_blank() => remark,
        Some(remark) if remark.value.is_blank() => results,
        Some(remark) => match (&results.value, &remark.value) {
            (Cell::Text(done), Cell::Text(note)) => RawCell {
                col: remark.col,
                value: Cell::Text(format!("{} {}", done.trim(), note.trim())),
            },
            _ => remark,
        },
    }
}

/// Puts the cells [`TableFinder::raw_row`] moved out of `row` back, so it reads as it came.
fn give_back(row: &mut SheetRow, raw: RawRow) {
    let ticks = match raw.status {
        RawStatus::Words(c) => vec![c],
        RawStatus::Ticks(ticks) => ticks.into_iter().map(|(_, c)| c).collect(),
    };
    let fields = [
        raw.number,
        raw.name,
        raw.dimension,
        raw.budget_plan,
        raw.budget_ordinance,
        raw.disbursed,
        raw.in_ordinance,
        raw.remark,
    ];
    for c in fields.into_iter().flatten().chain(ticks) {
        if let Some((_, slot)) = row.cells.iter_mut().find(|(col, _)| *col == c.col)
            && *slot == Cell::Empty
        {
            *slot = c.value;
        }
    }
}

/// A row none of whose project fields holds anything (e.g. a note or signature line typed in
/// the ลำดับ column).
fn raw_is_empty(raw: &RawRow) -> bool {
    let blank = |c: &Option<RawCell>| c.as_ref().is_none_or(|c| c.value.is_blank());
    blank(&raw.name)
        && blank(&raw.dimension)
        && blank(&raw.budget_plan)
        && blank(&raw.budget_ordinance)
        && blank(&raw.disbursed)
        && blank(&raw.in_ordinance)
        && raw.status.is_blank()
}

#[cfg(test)]
mod tests;
