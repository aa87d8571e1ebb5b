//! Every cell format of the summary workbook, built once and named for what it is. The sheet
//! writers never build a `Format` inline: they pick one of these, so a change of font or border
//! is made here, once, for every table.
//!
//! Official Thai documents use TH Sarabun New at 16 pt; headers are bold; every table cell has a
//! thin border. Numbers keep their number formats: baht `#,##0.00`, percentages `0.00`, counts `0`.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// The font of official Thai documents.
pub const FONT_NAME: &str = "TH Sarabun New";
/// Its usual size, points.
pub const FONT_SIZE: f64 = 16.0;
/// Default row height in pixels for a 16 pt TH Sarabun New line.
pub const ROW_HEIGHT_PX: u32 = 32;
/// Default column width in pixels (one of the widths rust_xlsxwriter supports).
pub const COLUMN_WIDTH_PX: u32 = 64;

/// Number format for baht.
pub const BAHT: &str = "#,##0.00";
/// Number format for percentages (the value is already × 100).
pub const PERCENT: &str = "0.00";
/// Number format for counts (`5,000` projects, as money groups its thousands).
pub const COUNT: &str = "#,##0";
/// Number format for the list's ลำดับ and มิติ (a row's number, not a quantity).
pub const ORDINAL: &str = "0";

/// The banner's font size, points.
pub const BANNER_SIZE: f64 = 24.0;
/// The red of the draft banner.
const DRAFT_RED: u32 = 0xC00000;
/// The fill of header cells.
const HEADER_FILL: u32 = 0xDDEBF7;
/// The fill of total rows.
const TOTAL_FILL: u32 = 0xF2F2F2;

/// Every format the workbook uses.
#[derive(Debug, Clone)]
pub struct Styles {
    /// The workbook's default (Normal) format: the font only.
    pub base: Format,
    /// Sheet title: bold, larger, centred, no border.
    pub title: Format,
    /// Line under the title (organization, location): centred, no border.
    pub subtitle: Format,
    /// Table caption above a table: bold, left, no border.
    pub caption: Format,
    /// Table header cell: bold, centred, wrapped, bordered, shaded.
    pub header: Format,
    /// Plain text in a table: left, vertically centred, wrapped, bordered.
    pub text: Format,
    /// Text centred in a table (dimension numbers, labels like มิติที่ 1).
    pub text_center: Format,
    /// Text centred vertically and horizontally, wrapped (organization merged down rows).
    pub text_middle: Format,
    /// Count in a table: `0`, centred.
    pub count: Format,
    /// Baht in a table: `#,##0.00`.
    pub baht: Format,
    /// Percentage in a table: `0.00`.
    pub percent: Format,
    /// Label of a total row (รวม): bold, centred, shaded.
    pub total_label: Format,
    /// Count in a total row.
    pub total_count: Format,
    /// Baht in a total row.
    pub total_baht: Format,
    /// Percentage in a total row.
    pub total_percent: Format,
    /// Prose line outside tables (sentences, notes), no border, no wrap.
    pub prose: Format,
    /// Bold prose line (section headings like คำอธิบาย).
    pub prose_bold: Format,
    /// The unit after a figure outside tables (โครงการ, บาท): indented from the figure.
    pub prose_unit: Format,
    /// Count outside tables (beside a sentence).
    pub prose_count: Format,
    /// Baht outside tables.
    pub prose_baht: Format,
    /// Percentage outside tables.
    pub prose_percent: Format,
    /// Small grey text for source references and hashes.
    pub small: Format,
    /// The draft banner: big, bold, white on red, centred.
    pub banner: Format,
    /// Error severity in the audit sheet: bold red text.
    pub severity_error: Format,
    /// Warning severity in the audit sheet: dark orange text.
    pub severity_warning: Format,
    /// The project list's column formats.
    pub list: ListStyles,
}

/// The project list's formats (รายการโครงการ). A list can be a million rows long, so its cells
/// carry no format of their own: each column has the format its cells would have had, less the
/// border, and one conditional format draws the thin borders over exactly the list's rows (a
/// column format with borders would rule the whole column down to row 1,048,576).
#[derive(Debug, Clone)]
pub struct ListStyles {
    /// ลำดับ and มิติ: centred counts.
    pub count: Format,
    /// Names, remarks, divisions: wrapped, left.
    pub text: Format,
    /// Money: `#,##0.00`, right.
    pub baht: Format,
    /// The tick columns: centred.
    pub tick: Format,
    /// The source column: smaller grey text, wrapped.
    pub small: Format,
    /// The conditional format over the list: the tables' thin border.
    pub border: Format,
}

impl ListStyles {
    fn new(base: &Format) -> Self {
        let cell = base.clone().set_align(FormatAlign::VerticalCenter);
        ListStyles {
            count: cell
                .clone()
                .set_num_format(ORDINAL)
                .set_align(FormatAlign::Center),
            text: cell.clone().set_text_wrap().set_align(FormatAlign::Left),
            baht: cell
                .clone()
                .set_num_format(BAHT)
                .set_align(FormatAlign::Right),
            tick: cell.clone().set_align(FormatAlign::Center),
            small: cell
                .set_font_size(12)
                .set_font_color(Color::RGB(0x595959))
                .set_text_wrap(),
            border: Format::new().set_border(FormatBorder::Thin),
        }
    }
}

impl Styles {
    /// Builds every format once.
    pub fn new() -> Self {
        let base = Format::new()
            .set_font_name(FONT_NAME)
            .set_font_size(FONT_SIZE);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let number = cell.clone().set_align(FormatAlign::Right);
        let header = cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap()
            .set_background_color(Color::RGB(HEADER_FILL));
        let total = |f: Format| f.set_bold().set_background_color(Color::RGB(TOTAL_FILL));
        let prose = base.clone().set_align(FormatAlign::VerticalCenter);
        Styles {
            title: base
                .clone()
                .set_bold()
                .set_font_size(18)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: base
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            caption: prose.clone().set_bold(),
            header,
            text: cell.clone().set_text_wrap().set_align(FormatAlign::Left),
            text_center: cell.clone().set_align(FormatAlign::Center),
            text_middle: cell.clone().set_text_wrap().set_align(FormatAlign::Center),
            count: cell
                .clone()
                .set_num_format(COUNT)
                .set_align(FormatAlign::Center),
            baht: number.clone().set_num_format(BAHT),
            percent: number.clone().set_num_format(PERCENT),
            total_label: total(cell.clone().set_align(FormatAlign::Center)),
            total_count: total(
                cell.clone()
                    .set_num_format(COUNT)
                    .set_align(FormatAlign::Center),
            ),
            total_baht: total(number.clone().set_num_format(BAHT)),
            total_percent: total(number.set_num_format(PERCENT)),
            prose_bold: prose.clone().set_bold(),
            prose_unit: prose.clone().set_indent(1),
            prose_count: prose
                .clone()
                .set_num_format(COUNT)
                .set_align(FormatAlign::Right),
            prose_baht: prose
                .clone()
                .set_num_format(BAHT)
                .set_align(FormatAlign::Right),
            prose_percent: prose
                .clone()
                .set_num_format(PERCENT)
                .set_align(FormatAlign::Right),
            prose,
            small: cell
                .clone()
                .set_font_size(12)
                .set_font_color(Color::RGB(0x595959))
                .set_text_wrap(),
            banner: base
                .clone()
                .set_bold()
                .set_font_size(BANNER_SIZE)
                .set_text_wrap()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(DRAFT_RED))
                .set_border(FormatBorder::Medium)
                .set_border_color(Color::RGB(DRAFT_RED))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            severity_error: cell
                .clone()
                .set_bold()
                .set_font_color(Color::RGB(DRAFT_RED)),
            severity_warning: cell.set_font_color(Color::RGB(0xC65911)),
            list: ListStyles::new(&base),
            base,
        }
    }
}

impl Default for Styles {
    fn default() -> Self {
        Self::new()
    }
}
