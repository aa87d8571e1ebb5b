//! Header rows of a project table: which column holds which field. A header is one row, or two
//! when a second row sits under merged labels — the four status ticks under สถานะ or
//! ผลการดำเนินงาน, fiscal years under a budget or disbursed label (`2564 | 2565 | 2566`), or
//! sub-labels (ตามแผน / ตามข้อบัญญัติ). A money field given per year is read from the column of
//! the report's fiscal year, also when the year is in the header's own text
//! (`เบิกจ่ายปี 2565`).

use super::cell::Cell;
use super::table::SheetRow;
use crate::model::{Status, column_letters};
use crate::schema::text::{normalized, thai_digits_to_arabic};
use crate::schema::{
    Field, HeaderWords, header_field_with, names_other_quantity, names_the_amount,
    other_quantity_field, year_in, year_label, years_in,
};

/// One column of a header: the field, the fiscal year it is for (if it says), and the header
/// text found (for `--explain`).
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderColumn {
    /// Zero-based column.
    pub col: u32,
    /// The field it holds.
    pub field: Field,
    /// The fiscal year (B.E.) a money column is for, when the header says.
    pub year: Option<u16>,
    /// The header text, as typed (a second row's text after the first's).
    pub text: String,
    /// Whether the year is written in the column's own label with its field's word
    /// (`งบประมาณปี 2566`), not a year alone over or under a label (`2566`): such a column is
    /// that year's whatever stands beside it ([`Header::choose_years`]).
    pub year_in_label: bool,
}

/// A recognised header: which column holds which field, from its first row (and second).
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The columns, in header order.
    pub columns: Vec<HeaderColumn>,
    /// Zero-based rows the header spans.
    pub rows: Vec<u32>,
    /// Cells of the first row that are a fiscal year alone (`ปี 2565`), with their columns: the
    /// official form puts the years above and `งบประมาณ (บาท)` under each.
    pub years_above: Vec<(u32, u16)>,
    /// Labels under the status header (beside the tick columns read) that name no status
    /// (`ดำเนินการแล้ว`), with their columns: not read, and said so.
    pub unread_status: Vec<(u32, String)>,
    /// Columns of the header rows that hold any text, recognised or not.
    pub occupied: Vec<u32>,
    /// Columns of the first row that repeat a field (for the same year) already given: said
    /// once the second row has been seen (four ticks under สถานะ make a ผลการดำเนินงาน column
    /// beside them no second status).
    pub duplicates: Vec<Duplicate>,
    /// A money field split by a second row into parts that are no years (`ไตรมาส 1 |
    /// ไตรมาส 2`, `งบ อปท. | เงินอุดหนุน`): which part is the amount cannot be told.
    pub split: Vec<Split>,
    /// A column of what was done (`ผลการดำเนินงาน` beside four tick columns) when the header
    /// has a หมายเหตุ too: read with it, so neither is lost.
    pub results: Option<(u32, String)>,
    /// Columns whose header names a field's word but another quantity (`เบิกจ่าย (ร้อยละ)`,
    /// `งบประมาณคงเหลือ`): not read; named where that field is then missing.
    pub other_quantity: Vec<(u32, String, Field)>,
}

/// A money field whose label a second header row splits into columns that are not years.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The field.
    pub field: Field,
    /// Its columns, with the label under each.
    pub parts: Vec<(u32, String)>,
}

impl Header {
    /// The column of `field` (the first, for a field given per year).
    pub fn col(&self, field: Field) -> Option<u32> {
        self.columns
            .iter()
            .find(|c| c.field == field)
            .map(|c| c.col)
    }

    /// Whether the status is given as tick columns.
    pub fn has_ticks(&self) -> bool {
        self.columns
            .iter()
            .any(|c| matches!(c.field, Field::StatusTick(_)))
    }

    /// Fields every project needs, missing from this header. (The dimension may come from the
    /// table's structure instead, so it is not among them.)
    pub fn missing(&self) -> Vec<Field> {
        let mut missing: Vec<Field> = [Field::Name, Field::BudgetPlan, Field::Disbursed]
            .into_iter()
            .filter(|f| self.col(*f).is_none())
            .collect();
        if self.col(Field::StatusWords).is_none() && !self.has_ticks() {
            missing.push(Field::StatusWords);
        }
        missing
    }

    /// For each money field given per year: the column of `fiscal_year`, or `Err` with the
    /// field and the years found when there is none. Fields given once keep their column.
    ///
    /// One column of the field with no year beside others each labelled with another year
    /// (`งบประมาณ | งบประมาณปี 2566` in a 2565 report) is the report year's: a header with no
    /// year is read as the report's year everywhere else, and the others say they are another
    /// year's (next year's request, last year's budget). They are not read, and `--explain`
    /// says so. Years alone under or over a label (`2564 | 2566` under `งบประมาณ (บาท)`) do not
    /// count: the label over them holds no value of its own. Two columns with no year are
    /// `header-duplicate` before this, so the yearless column is never one of several.
    pub fn choose_years(&mut self, fiscal_year: Option<u16>) -> Result<(), YearMissing> {
        for field in [Field::BudgetPlan, Field::BudgetOrdinance, Field::Disbursed] {
            let years: Vec<(u32, u16)> = self
                .columns
                .iter()
                .filter(|c| c.field == field)
                .filter_map(|c| Some((c.col, c.year?)))
                .collect();
            let Some(&(first_col, _)) = years.first() else {
                continue;
            };
            let years: Vec<u16> = years.into_iter().map(|(_, y)| y).collect();
            if fiscal_year.is_none_or(|y| !years.contains(&y)) {
                if fiscal_year.is_some() && self.yearless_beside_other_years(field) {
                    self.set_aside_other_years(field);
                    continue;
                }
                return Err(self.year_missing(field, first_col, fiscal_year, years));
            }
            self.columns
                .retain(|c| c.field != field || c.year.is_none() || c.year == fiscal_year);
            // A label over the year columns, left without a year of its own, holds no value.
            if self.columns.iter().filter(|c| c.field == field).count() > 1 {
                self.columns
                    .retain(|c| c.field != field || c.year.is_some());
            }
        }
        Ok(())
    }

    /// Whether `field` has one column with no year, and every other column of it names another
    /// year in its own label (`งบประมาณปี 2566`).
    fn yearless_beside_other_years(&self, field: Field) -> bool {
        let of_field = || self.columns.iter().filter(move |c| c.field == field);
        of_field().filter(|c| c.year.is_none()).count() == 1
            && of_field().all(|c| c.year.is_none() || c.year_in_label)
    }

    /// Drops the columns of `field` labelled with a year (another than the report's), saying
    /// them in `--explain` as columns not read.
    fn set_aside_other_years(&mut self, field: Field) {
        let (others, kept): (Vec<HeaderColumn>, Vec<HeaderColumn>) =
            std::mem::take(&mut self.columns)
                .into_iter()
                .partition(|c| c.field == field && c.year.is_some());
        self.columns = kept;
        (self.other_quantity).extend(others.into_iter().map(|c| (c.col, c.text, field)));
    }

    /// The error for `field` given per year without `wanted`: the years found, a column headed
    /// with a span of years (`งบประมาณ 2564-2566`) said as that span, and the span, if one
    /// covers the report's year.
    fn year_missing(
        &self,
        field: Field,
        col: u32,
        wanted: Option<u16>,
        found: Vec<u16>,
    ) -> YearMissing {
        let mut labels = Vec::new();
        let mut span = None;
        for c in self
            .columns
            .iter()
            .filter(|c| c.field == field && c.year.is_some())
        {
            let years = years_in(&c.text);
            match (years.iter().min(), years.iter().max()) {
                // Two years apart or more: one year's period is the later's ([`year_in`]).
                (Some(&from), Some(&to)) if to > from + 1 => {
                    labels.push(format!("{from}–{to}"));
                    if span.is_none() && wanted.is_some_and(|y| (from..=to).contains(&y)) {
                        span = Some((c.col, from, to));
                    }
                }
                _ => labels.extend(c.year.map(|y| y.to_string())),
            }
        }
        YearMissing {
            field,
            col: span.map_or(col, |(c, ..)| c),
            wanted,
            found,
            found_labels: labels,
            span: span.map(|(_, from, to)| (from, to)),
        }
    }

    /// A column of status words beside one of what was done (`สถานะ | ผลการดำเนินงาน`, both
    /// words of the status field): the one not called ผลการดำเนินงาน is the status, the other
    /// the remark when the header has none, read with it otherwise. They are no duplicate.
    pub fn status_beside_results(&mut self) {
        let is_results = |text: &str| normalized(text).starts_with("ผลการดำเนิน");
        let Some(status) = self
            .columns
            .iter()
            .position(|c| c.field == Field::StatusWords)
        else {
            return;
        };
        let Some(dup) = self
            .duplicates
            .iter()
            .position(|d| d.field == Field::StatusWords)
        else {
            return;
        };
        let (kept, other) = (&self.columns[status].text, &self.duplicates[dup].text);
        let results = match (is_results(kept), is_results(other)) {
            (false, true) => (self.duplicates[dup].col, other.clone()),
            (true, false) => {
                let results = (self.columns[status].col, kept.clone());
                let duplicate = &self.duplicates[dup];
                self.columns[status].col = duplicate.col;
                self.columns[status].text = duplicate.text.clone();
                results
            }
            _ => return,
        };
        self.duplicates.remove(dup);
        self.place_results(results.0, results.1);
    }

    /// A column of what was done (ผลการดำเนินงาน): the remark when the header has none, read
    /// with it otherwise.
    fn place_results(&mut self, col: u32, text: String) {
        if self.col(Field::Remark).is_some() {
            self.results = Some((col, text));
            return;
        }
        self.columns.push(HeaderColumn {
            col,
            field: Field::Remark,
            year: None,
            text,
            year_in_label: false,
        });
        self.columns.sort_by_key(|c| c.col);
    }

    /// The first-row label a cell of `col` sits under: the nearest occupied column at or left
    /// of it (a merged label's text is in its first cell).
    fn label_at(&self, col: u32) -> Option<u32> {
        self.occupied.iter().filter(|c| **c <= col).max().copied()
    }

    /// Fields given by more than one column once the years are chosen (three `งบประมาณ (บาท)`
    /// under three years when none is the report's, two tick columns of one status), with their
    /// columns: which one to read cannot be told, and the first is never taken in silence.
    pub fn repeated(&self) -> Vec<(Field, Vec<u32>)> {
        let mut repeated: Vec<(Field, Vec<u32>)> = Vec::new();
        for c in &self.columns {
            match repeated.iter_mut().find(|(f, _)| *f == c.field) {
                Some((_, cols)) if !cols.contains(&c.col) => cols.push(c.col),
                Some(_) => {}
                None => repeated.push((c.field, vec![c.col])),
            }
        }
        repeated.retain(|(_, cols)| cols.len() > 1);
        repeated
    }

    /// Whether a third header row may still give the status: the header has a column of status
    /// words (`ผลการดำเนินงาน`, merged down over the second row) and no tick columns yet.
    pub fn awaits_status_row(&self) -> bool {
        !self.has_ticks() && self.col(Field::StatusWords).is_some()
    }

    /// `B → รายการโครงการ ("โครงการ/กิจกรรม/มาตรการ")` lines, for `--explain`.
    pub fn describe(&self) -> Vec<String> {
        let results = self.results.iter().map(|(col, text)| HeaderColumn {
            col: *col,
            field: Field::Remark,
            year: None,
            text: text.clone(),
            year_in_label: false,
        });
        let mut columns: Vec<HeaderColumn> = self.columns.iter().cloned().chain(results).collect();
        columns.sort_by_key(|c| c.col);
        let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut lines: Vec<(u32, String)> = (columns.iter())
            .map(|c| {
                let year = c.year.map(|y| format!(" ปี {y}")).unwrap_or_default();
                let line = format!(
                    "{} → {}{year} (\"{}\")",
                    column_letters(c.col),
                    c.field.thai(),
                    one_line(&c.text)
                );
                (c.col, line)
            })
            .collect();
        // Columns headed as another quantity are said not read, so none seems overlooked.
        lines.extend(self.other_quantity.iter().map(|(col, text, _)| {
            let line = format!(
                "{} → ไม่อ่าน · not read (\"{}\": ร้อยละ ยอดคงเหลือ วันที่ หรือค่าอื่น · a share, a remainder, a date or another value)",
                column_letters(*col),
                one_line(text)
            );
            (*col, line)
        }));
        lines.sort_by_key(|(col, _)| *col);
        lines.into_iter().map(|(_, line)| line).collect()
    }
}

/// A money field given per year without the report's year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearMissing {
    /// The field.
    pub field: Field,
    /// Its first year column (zero-based), where the error is told.
    pub col: u32,
    /// The report's fiscal year, if known.
    pub wanted: Option<u16>,
    /// The years the header has.
    pub found: Vec<u16>,
    /// The years found as the header says them, one per column: a span of years in one
    /// column's label as the span (`2564–2566`).
    pub found_labels: Vec<String>,
    /// The span of years (first, last) of one column covering the report's year
    /// (`งบประมาณ 2564-2566 (บาท)` in a 2565 report): one figure for several years, which is
    /// the report year's share cannot be told — said as such, never read as the year's.
    pub span: Option<(u16, u16)>,
}

/// A column that repeats a field (for the same year) already given by another.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// The field.
    pub field: Field,
    /// The column that gave it first.
    pub first: u32,
    /// The column that repeats it.
    pub col: u32,
    /// The repeating column's header text.
    pub text: String,
}

/// The header a row is, if it is one: a name column and at least two other fields. The
/// columns that repeat a field (for the same year) already seen are in its `duplicates`.
pub fn header_of(row: &SheetRow, words: &HeaderWords) -> Option<Header> {
    let mut columns: Vec<HeaderColumn> = Vec::new();
    let mut duplicates = Vec::new();
    let mut years_above = Vec::new();
    let mut occupied = Vec::new();
    let mut other_quantity = Vec::new();
    for (col, cell) in &row.cells {
        if !cell.is_blank() {
            occupied.push(*col);
        }
        if let Some(year) = year_number(cell) {
            years_above.push((*col, year));
            continue;
        }
        let Cell::Text(text) = cell else { continue };
        let Some(field) = header_field_with(text, words) else {
            if let Some(year) = year_label(text) {
                years_above.push((*col, year));
            } else if let Some(field) = other_quantity_field(text) {
                other_quantity.push((*col, text.clone(), field));
            }
            continue;
        };
        let year = field.is_money().then(|| year_in(text)).flatten();
        if let Some(first) = columns.iter().find(|c| c.field == field && c.year == year) {
            duplicates.push(Duplicate {
                field,
                first: first.col,
                col: *col,
                text: text.clone(),
            });
        } else {
            columns.push(HeaderColumn {
                col: *col,
                field,
                year,
                text: text.clone(),
                year_in_label: year.is_some(),
            });
        }
    }
    let mut distinct: Vec<Field> = columns.iter().map(|c| c.field).collect();
    distinct.dedup();
    let has_name = distinct.contains(&Field::Name);
    let header = Header {
        columns,
        rows: vec![row.row],
        years_above,
        unread_status: Vec::new(),
        occupied,
        duplicates,
        split: Vec::new(),
        results: None,
        other_quantity,
    };
    (has_name && distinct.len() >= 3).then_some(header)
}

/// The years of a row that holds nothing but fiscal years, two or more (`ปี 2564 | ปี 2565 |
/// ปี 2566`, or the years as numbers), with their columns: the ป.ป.ช. form's row of years over
/// a header that repeats `งบประมาณ (บาท)` under each.
pub fn years_only(row: &SheetRow) -> Option<Vec<(u32, u16)>> {
    let mut years = Vec::new();
    for (col, cell) in &row.cells {
        if cell.is_blank() {
            continue;
        }
        let year = match cell {
            Cell::Text(text) => year_label(text),
            other => year_number(other),
        };
        years.push((*col, year?));
    }
    (years.len() >= 2).then_some(years)
}

impl Header {
    /// The header text of `col` read as `field` (empty when it holds no such column).
    pub fn text_of(&self, col: u32, field: Field) -> &str {
        (self.columns.iter())
            .find(|c| c.col == col && c.field == field)
            .map_or("", |c| c.text.as_str())
    }

    /// Takes the years of the row right above (`row`, [`years_only`]) for a money field the
    /// header repeats once per year: each of its columns under a year of its own (the year at
    /// or nearest left of it, a merged year's value being in its first cell) gets that year, and
    /// the repeats are no longer duplicates. Nothing changes unless every column of the field
    /// finds a different year.
    pub fn take_years_above(&mut self, row: u32, years: &[(u32, u16)]) {
        let year_at = |col: u32| {
            years
                .iter()
                .filter(|(c, _)| *c <= col)
                .max_by_key(|(c, _)| *c)
                .map(|(_, y)| *y)
        };
        let mut taken = false;
        for field in [Field::BudgetPlan, Field::BudgetOrdinance, Field::Disbursed] {
            let repeats: Vec<Duplicate> = self
                .duplicates
                .iter()
                .filter(|d| d.field == field)
                .cloned()
                .collect();
            let Some(first) = self
                .columns
                .iter()
                .find(|c| c.field == field && c.year.is_none())
            else {
                continue;
            };
            if repeats.is_empty() {
                continue;
            }
            let cols: Vec<u32> = std::iter::once(first.col)
                .chain(repeats.iter().map(|d| d.col))
                .collect();
            let found: Vec<Option<u16>> = cols.iter().map(|c| year_at(*c)).collect();
            let mut distinct: Vec<u16> = found.iter().flatten().copied().collect();
            distinct.sort_unstable();
            distinct.dedup();
            if found.iter().any(Option::is_none) || distinct.len() != cols.len() {
                continue;
            }
            self.duplicates.retain(|d| d.field != field);
            for (col, year) in cols.iter().zip(found.into_iter().flatten()) {
                if let Some(c) = self.columns.iter_mut().find(|c| c.col == *col) {
                    c.year = Some(year);
                } else if let Some(d) = repeats.iter().find(|d| d.col == *col) {
                    self.columns.push(HeaderColumn {
                        col: *col,
                        field,
                        year: Some(year),
                        text: d.text.clone(),
                        year_in_label: false,
                    });
                }
            }
            taken = true;
        }
        if taken {
            self.columns.sort_by_key(|c| c.col);
            self.rows.insert(0, row);
        }
    }
}

/// Whether a row that is no header ([`header_of`]) would be one but for its name column: a
/// money field, the status (a column of words or tick columns) and at least three fields in
/// all. Such a row is said as `header-incomplete` when a file has no table, rather than
/// `no-project-table` with no place.
pub fn header_without_name(row: &SheetRow, words: &HeaderWords) -> bool {
    let mut fields: Vec<Field> = Vec::new();
    for (_, cell) in &row.cells {
        let Cell::Text(text) = cell else { continue };
        if let Some(field) = header_field_with(text, words)
            && !fields.contains(&field)
        {
            fields.push(field);
        }
    }
    let money = fields.iter().any(|f| f.is_money());
    let status = fields
        .iter()
        .any(|f| matches!(f, Field::StatusWords | Field::StatusTick(_)));
    !fields.contains(&Field::Name) && money && status && fields.len() >= 3
}

/// The fiscal year a whole number in a header row is (2500-2700): Excel turns a typed `2565`
/// into a number.
pub fn year_number(cell: &Cell) -> Option<u16> {
    match cell {
        // Every data row's numbers pass here: the range is checked before any text is made.
        Cell::Number(n) if n.fract() == 0.0 && (2500.0..=2700.0).contains(n) => {
            year_label(&cell.display())
        }
        _ => None,
    }
}

/// What a cell of a second header row says.
enum SubLabel {
    Tick(Status),
    Year(u16),
    /// A fiscal year written short (`64`, `๖๕`): a year only among consecutive ones under one
    /// money label (`64 | 65 | 66`), else a label that names nothing.
    Short(u16),
    /// A field, with the year its text names (`งบประมาณ 2565`).
    Field(Field, Option<u16>),
    /// The amount itself (`จำนวนเงิน (บาท)`): under a money label beside parts of another
    /// quantity only, that field's column; else a label that names nothing.
    Amount,
    /// Another quantity (`ร้อยละ`, `%`, `คงเหลือ`): under a money label, a column not read.
    OtherQuantity,
    /// A label that names nothing planmerge reads (e.g. `ไตรมาส 1`).
    Other,
}

fn sub_label(cell: &Cell, words: &HeaderWords) -> Option<SubLabel> {
    match cell {
        Cell::Number(n) => year_number(cell).map(SubLabel::Year).or_else(|| {
            (n.fract() == 0.0 && (40.0..=99.0).contains(n)).then_some(SubLabel::Short(*n as u16))
        }),
        Cell::Text(t) => Some(match short_year(t) {
            Some(n) => SubLabel::Short(n),
            None => text_label(t, words),
        }),
        _ => None,
    }
}

/// A second-row text that is no short year: a status, a year, a field or a label.
fn text_label(t: &str, words: &HeaderWords) -> SubLabel {
    match (year_label(t), header_field_with(t, words)) {
        (_, Some(Field::StatusTick(s))) => SubLabel::Tick(s),
        // `ปีงบประมาณ 2565` is a year, though it holds the word งบประมาณ.
        (Some(year), _) => SubLabel::Year(year),
        (None, Some(field)) => {
            SubLabel::Field(field, field.is_money().then(|| year_in(t)).flatten())
        }
        (None, None) if names_the_amount(t) => SubLabel::Amount,
        (None, None) if names_other_quantity(t) => SubLabel::OtherQuantity,
        (None, None) => sub_field(t).map_or(SubLabel::Other, |f| SubLabel::Field(f, None)),
    }
}

/// `64`, `๖๕`: two digits alone, 40-99.
fn short_year(text: &str) -> Option<u16> {
    let t = thai_digits_to_arabic(text.trim());
    let n: u16 = t.parse().ok().filter(|_| t.len() == 2)?;
    (40..=99).contains(&n).then_some(n)
}

/// Short labels under a งบประมาณ header: ตามแผน, ตามข้อบัญญัติ/เทศบัญญัติ.
fn sub_field(text: &str) -> Option<Field> {
    let t = normalized(text);
    if t.starts_with("ตามแผน") {
        Some(Field::BudgetPlan)
    } else if t.contains("ข้อบัญญัติ") || t.contains("เทศบัญญัติ")
    {
        Some(Field::BudgetOrdinance)
    } else {
        None
    }
}

/// Whether `row`, under a header of two rows ([`Header::awaits_status_row`]), is a third row of
/// status labels (`รอรายงาน | อยู่ระหว่างดำเนินการ | …`) under its column of status words: two
/// or more labels, each naming a status, each under that column, and nothing else. Only such a
/// row is read as a third header row ([`extend_with_second_row`] then makes them the tick
/// columns); any other (a unit row, `(บาท)`) is still passed over as labels. A data row is
/// refused at its first cell that is not text, so projects cost next to nothing here.
pub fn status_row(header: &Header, row: &SheetRow, words: &HeaderWords) -> bool {
    let mut ticks = 0;
    for (col, cell) in &row.cells {
        match cell {
            Cell::Text(text)
                if matches!(header_field_with(text, words), Some(Field::StatusTick(_))) =>
            {
                if owner(header, *col) != Some(Field::StatusWords) {
                    return false;
                }
                ticks += 1;
            }
            other if other.is_blank() => {}
            _ => return false,
        }
    }
    ticks >= 2
}

/// Reads `row` as the second row of `header`, if it is one: it holds only labels (status words,
/// years, sub-labels), at least one that planmerge reads, and nothing under the name column.
/// Returns whether it was.
pub fn extend_with_second_row(header: &mut Header, row: &SheetRow, words: &HeaderWords) -> bool {
    let name_col = header.col(Field::Name);
    let cells: Vec<(u32, &Cell)> = row
        .cells
        .iter()
        .filter(|(_, c)| !c.is_blank())
        .map(|(col, c)| (*col, c))
        .collect();
    if cells.is_empty() || cells.iter().any(|(col, _)| Some(*col) == name_col) {
        return false;
    }
    let mut labels = Vec::with_capacity(cells.len());
    for (col, cell) in &cells {
        match sub_label(cell, words) {
            Some(label) => labels.push((*col, label, cell.display())),
            None => return false,
        }
    }
    short_years(header, &mut labels);
    // The amount or another quantity says something only under a money label.
    let owners: Vec<Option<(u32, Field)>> = (labels.iter())
        .map(|(col, _, _)| money_owner(header, *col))
        .collect();
    for ((_, label, _), owner) in labels.iter_mut().zip(&owners) {
        if matches!(label, SubLabel::Amount | SubLabel::OtherQuantity) && owner.is_none() {
            *label = SubLabel::Other;
        }
    }
    let readable = labels
        .iter()
        .filter(|(_, l, _)| !matches!(l, SubLabel::Other))
        .count();
    let amounts = amounts_beside_other_quantities(&labels, &owners);
    let split = splits(header, &labels, &amounts);
    if readable == 0 && split.is_empty() {
        return false;
    }
    header.split = split;
    let ticks = labels
        .iter()
        .filter(|(_, l, _)| matches!(l, SubLabel::Tick(_)))
        .count();
    // Tick columns: two named statuses, or one beside other labels under the status header
    // (`รอรายงาน | กำลังทำ | ทำไม่ได้`): then those others are said as columns not read, rather
    // than the ticks read as words.
    let under_status = labels
        .iter()
        .filter(|(col, _, _)| owner(header, *col) == Some(Field::StatusWords))
        .count();
    let tick_columns = ticks >= 2 || (ticks == 1 && under_status >= 2);
    if tick_columns {
        // A label under the status header that names no status is a column not read: said.
        for (col, label, text) in &labels {
            if matches!(label, SubLabel::Other) && owner(header, *col) == Some(Field::StatusWords) {
                header.unread_status.push((*col, text.clone()));
            }
        }
        results_as_remark(header, &labels);
    }
    for ((col, label, text), money) in labels.into_iter().zip(owners) {
        let year_in_label = matches!(label, SubLabel::Field(_, Some(_)));
        let (field, year) = match label {
            SubLabel::Tick(s) if tick_columns => (Field::StatusTick(s), None),
            SubLabel::Amount if amounts.contains(&col) => match money {
                Some((_, owner)) => (owner, year_above(header, col)),
                None => continue,
            },
            SubLabel::OtherQuantity => {
                // Not read, even in the label's first cell; named where the field is missing.
                if let Some((_, owner)) = money {
                    (header.columns).retain(|c| c.col != col || !c.field.is_money());
                    header.other_quantity.push((col, text, owner));
                }
                continue;
            }
            SubLabel::Year(year) => match owner(header, col) {
                Some(owner) if owner.is_money() => (owner, Some(year)),
                _ => continue,
            },
            SubLabel::Field(field, year) if field.is_money() => {
                (field, year.or_else(|| year_above(header, col)))
            }
            _ => continue,
        };
        // A money label over this very cell (the first cell of a merged label) gives way to
        // the column it labels; any other field keeps its column (it may be read twice).
        let above = header
            .columns
            .iter()
            .find(|c| c.col == col && c.field.is_money())
            .map(|c| c.text.clone());
        header
            .columns
            .retain(|c| c.col != col || !c.field.is_money());
        let text = match above {
            Some(above) => format!("{above} / {text}"),
            None => text,
        };
        header.columns.push(HeaderColumn {
            col,
            field,
            year,
            text,
            year_in_label,
        });
    }
    header.columns.sort_by_key(|c| c.col);
    header.occupied.extend(cells.iter().map(|(col, _)| *col));
    header.rows.push(row.row);
    true
}

/// Short years under one money label (`64 | 65 | 66`, also after a year written whole:
/// `2564 | 65 | 66`) become years when they are consecutive, in adjacent columns, and the only
/// labels under it; any other short number is a label that names nothing.
fn short_years(header: &Header, labels: &mut [(u32, SubLabel, String)]) {
    let owner_of = |col: u32| money_owner(header, col);
    let mut i = 0;
    while i < labels.len() {
        let owner = owner_of(labels[i].0);
        let mut j = i + 1;
        while j < labels.len() && owner.is_some() && owner_of(labels[j].0) == owner {
            j += 1;
        }
        let group = &mut labels[i..j];
        let year = |l: &SubLabel| match l {
            SubLabel::Short(n) => Some(2500 + n),
            SubLabel::Year(y) => Some(*y),
            _ => None,
        };
        let consecutive = group.len() >= 2
            && group
                .windows(2)
                .all(|w| match (year(&w[0].1), year(&w[1].1)) {
                    (Some(a), Some(b)) => b == a + 1 && w[1].0 == w[0].0 + 1,
                    _ => false,
                });
        for (_, label, _) in group.iter_mut() {
            if let SubLabel::Short(n) = *label {
                *label = if consecutive && owner.is_some() {
                    SubLabel::Year(2500 + n)
                } else {
                    SubLabel::Other
                };
            }
        }
        i = j;
    }
}

/// Money labels split by the second row into parts: two or more that name nothing planmerge
/// reads (`ไตรมาส 1 | ไตรมาส 2` under เบิกจ่าย), or one such beside another field's label with
/// none of the label's own (`เทศบัญญัติ | เงินอุดหนุน` under งบประมาณ: budget by source, where
/// the plan budget would otherwise be lost).
fn splits(header: &Header, labels: &[(u32, SubLabel, String)], amounts: &[u32]) -> Vec<Split> {
    // Per money label above (its column): the parts under it, each with whether it names
    // nothing planmerge reads.
    type Parts = Vec<(u32, String, bool)>;
    let mut found: Vec<(u32, Field, Parts)> = Vec::new();
    for (col, label, text) in labels {
        let Some((at, field)) = money_owner(header, *col) else {
            continue;
        };
        if amounts.contains(col) {
            continue;
        }
        let other = match label {
            SubLabel::Other | SubLabel::Amount | SubLabel::OtherQuantity => true,
            SubLabel::Field(f, _) if f.is_money() => false,
            _ => continue,
        };
        let part = (*col, text.clone(), other);
        match found.iter_mut().find(|(a, ..)| *a == at) {
            Some((.., parts)) => parts.push(part),
            None => found.push((at, field, vec![part])),
        }
    }
    let mut splits = Vec::new();
    for (_, field, parts) in found {
        let others = parts.iter().filter(|(.., other)| *other).count();
        let own = |(col, _, other): &&(u32, String, bool)| {
            !other
                && labels
                    .iter()
                    .any(|(c, l, _)| c == col && matches!(l, SubLabel::Field(f, _) if *f == field))
        };
        let by_source = others == 1 && parts.len() >= 2 && !parts.iter().any(|p| own(&p));
        if others >= 2 || by_source {
            let parts = parts
                .into_iter()
                .filter(|(.., other)| *other || by_source)
                .map(|(col, text, _)| (col, text))
                .collect();
            splits.push(Split { field, parts });
        }
    }
    splits
}

/// Columns labelled the amount itself (`จำนวนเงิน (บาท)`) that are the only such label under
/// their money label, every other label under it naming another quantity (`ผลการเบิกจ่าย` over
/// `จำนวนเงิน | ร้อยละ`): each is that field's column, and no split. `owners`: each label's
/// money label ([`money_owner`]).
fn amounts_beside_other_quantities(
    labels: &[(u32, SubLabel, String)],
    owners: &[Option<(u32, Field)>],
) -> Vec<u32> {
    let under = |at: u32| {
        (labels.iter().zip(owners))
            .filter(move |(_, owner)| owner.is_some_and(|(a, _)| a == at))
            .map(|((_, label, _), _)| label)
    };
    (labels.iter().zip(owners))
        .filter(|((_, label, _), _)| matches!(label, SubLabel::Amount))
        .filter_map(|((col, _, _), owner)| Some((*col, owner.as_ref()?.0)))
        .filter(|(_, at)| {
            under(*at).filter(|l| matches!(l, SubLabel::Amount)).count() == 1
                && under(*at).any(|l| matches!(l, SubLabel::OtherQuantity))
                && under(*at).all(|l| matches!(l, SubLabel::Amount | SubLabel::OtherQuantity))
        })
        .map(|(col, _)| col)
        .collect()
}

/// The money label a second-row cell in `col` sits under: the nearest cell of the first row at
/// or left of it holds a money field (a merged label's text is in its first cell).
fn money_owner(header: &Header, col: u32) -> Option<(u32, Field)> {
    let at = header.label_at(col)?;
    header
        .columns
        .iter()
        .find(|c| c.col == at && c.field.is_money())
        .map(|c| (c.col, c.field))
}

/// Once four ticks give the status, a column of words the first row called a status
/// (`ผลการดำเนินงาน` beside ticks under สถานะ) with no tick under it tells what was done: it is
/// the remark when the header has none, and read with the remark otherwise. It is no second
/// status.
fn results_as_remark(header: &mut Header, labels: &[(u32, SubLabel, String)]) {
    let tick_owners: Vec<u32> = labels
        .iter()
        .filter(|(_, l, _)| matches!(l, SubLabel::Tick(_)))
        .filter_map(|(col, _, _)| header.label_at(*col))
        .collect();
    let words: Vec<(u32, String)> = header
        .columns
        .iter()
        .filter(|c| c.field == Field::StatusWords)
        .map(|c| (c.col, c.text.clone()))
        .chain(
            header
                .duplicates
                .iter()
                .filter(|d| d.field == Field::StatusWords)
                .map(|d| (d.col, d.text.clone())),
        )
        .filter(|(col, _)| !tick_owners.contains(col))
        .collect();
    header.columns.retain(|c| c.field != Field::StatusWords);
    header.duplicates.retain(|d| d.field != Field::StatusWords);
    if let Some((col, text)) = words.into_iter().next() {
        header.place_results(col, text);
    }
}

/// The fiscal year written above `col` in the first row (`ปี 2565` over `งบประมาณ (บาท)`): the
/// nearest year label at or left of it (a merged label's value is in its first cell), with no
/// field's label between them.
fn year_above(header: &Header, col: u32) -> Option<u16> {
    let (at, year) = header
        .years_above
        .iter()
        .filter(|(c, _)| *c <= col)
        .max_by_key(|(c, _)| *c)?;
    let field_between = header.columns.iter().any(|c| c.col > *at && c.col <= col);
    (!field_between).then_some(*year)
}

/// The field of the first-row label a second-row cell in `col` sits under: the nearest header
/// column at or left of it (a merged label's value is in its first cell).
fn owner(header: &Header, col: u32) -> Option<Field> {
    header
        .columns
        .iter()
        .filter(|c| c.col <= col)
        .max_by_key(|c| c.col)
        .map(|c| c.field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(r: u32, cells: &[(u32, Cell)]) -> SheetRow {
        SheetRow {
            row: r,
            cells: cells.to_vec(),
        }
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    /// The plan document's own layout: ที่ | โครงการ | งบประมาณ over 2564-2566 |
    /// ผลการดำเนินงาน over the four ticks | หมายเหตุ.
    fn plan_header() -> Header {
        let words = HeaderWords::default();
        let first = row(
            4,
            &[
                (0, text("ที่")),
                (1, text("โครงการ/กิจกรรม/มาตรการ")),
                (2, text("งบประมาณ (บาท)")),
                (5, text("ผลการดำเนินงาน")),
                (9, text("หมายเหตุ")),
            ],
        );
        let mut header = header_of(&first, &words).expect("a header");
        assert!(header.duplicates.is_empty());
        let second = row(
            5,
            &[
                (2, Cell::Number(2564.0)),
                (3, text("๒๕๖๕")),
                (4, text("ปี 2566")),
                (5, text("รอรายงาน")),
                (6, text("อยู่ระหว่างดำเนินการ")),
                (7, text("ดำเนินการแล้วเสร็จ")),
                (8, text("ไม่สามารถดำเนินการได้")),
            ],
        );
        assert!(extend_with_second_row(&mut header, &second, &words));
        header
    }

    #[test]
    fn years_under_a_budget_label_are_its_columns_and_the_report_year_is_chosen() {
        let mut header = plan_header();
        assert_eq!(header.rows, [4, 5]);
        assert!(header.has_ticks());
        assert_eq!(header.col(Field::StatusWords), None);
        header.choose_years(Some(2565)).expect("2565 is there");
        assert_eq!(header.col(Field::BudgetPlan), Some(3));
        assert_eq!(
            header.missing(),
            [Field::Disbursed],
            "this layout has no disbursed column"
        );
    }

    #[test]
    fn a_missing_year_names_the_years_found() {
        let mut header = plan_header();
        let missing = header.choose_years(Some(2567)).expect_err("no 2567");
        assert_eq!(missing.field, Field::BudgetPlan);
        assert_eq!(missing.found, [2564, 2565, 2566]);
        assert!(plan_header().choose_years(None).is_err());
    }

    #[test]
    fn a_year_in_the_header_text_is_that_fields_year() {
        let words = HeaderWords::default();
        let first = row(
            0,
            &[
                (0, text("รายการโครงการ")),
                (1, text("งบประมาณปี 2564")),
                (2, text("งบประมาณ พ.ศ. ๒๕๖๕")),
                (3, text("เบิกจ่ายปี 2565")),
                (4, text("สถานะ")),
            ],
        );
        let mut header = header_of(&first, &words).expect("header");
        assert!(
            header.duplicates.is_empty(),
            "two years are not a duplicate"
        );
        header.choose_years(Some(2565)).expect("chosen");
        assert_eq!(header.col(Field::BudgetPlan), Some(2));
        assert_eq!(header.col(Field::Disbursed), Some(3));
    }

    #[test]
    fn a_project_row_is_never_a_second_header_row() {
        let mut header = plan_header();
        let project = row(6, &[(0, Cell::Number(1.0)), (1, text("โครงการ ก"))]);
        assert!(!extend_with_second_row(
            &mut header,
            &project,
            &HeaderWords::default()
        ));
        let amounts = row(6, &[(2, Cell::Number(50000.0))]);
        assert!(!extend_with_second_row(
            &mut header,
            &amounts,
            &HeaderWords::default()
        ));
    }
}
