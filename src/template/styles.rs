//! Every Format of the template in one place, each named for what it is. All text is TH Sarabun
//! New 16 pt, the font of Thai official documents. Input cells are unlocked; everything else
//! stays locked, so sheet protection guards the title and the header.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// The font of Thai official documents.
pub const FONT: &str = "TH Sarabun New";
/// Its usual size.
pub const FONT_SIZE: f64 = 16.0;

/// The template's formats.
#[derive(Debug, Clone)]
pub struct Styles {
    /// The title line (locked).
    pub title: Format,
    /// Lines under the title (locked).
    pub subtitle: Format,
    /// A small note line (locked).
    pub note: Format,
    /// The table header (locked, wrapped, shaded).
    pub header: Format,
    /// An input cell holding text (unlocked).
    pub text: Format,
    /// An input cell centred: ลำดับ, มิติ, บรรจุ (unlocked).
    pub centered: Format,
    /// An input cell holding baht, `#,##0.00` (unlocked).
    pub baht: Format,
    /// Highlight for a cell that still needs something (conditional format).
    pub needs_input: Format,
    /// Body text of คำชี้แจง (locked, wrapped).
    pub body: Format,
    /// A heading in คำชี้แจง.
    pub heading: Format,
    /// A column name in คำชี้แจง's table.
    pub term: Format,
    /// A command to type, in คำชี้แจง.
    pub command: Format,
}

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(FONT_SIZE)
}

fn input() -> Format {
    base()
        .set_unlocked()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
}

impl Styles {
    /// Builds every format once.
    pub fn new() -> Self {
        Styles {
            title: base()
                .set_bold()
                .set_font_size(18)
                .set_align(FormatAlign::Center),
            subtitle: base().set_bold().set_align(FormatAlign::Center),
            note: base()
                .set_italic()
                .set_font_color(Color::RGB(0x595959))
                .set_align(FormatAlign::Left),
            header: base()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0xD9E1F2)),
            text: input().set_text_wrap(),
            centered: input().set_align(FormatAlign::Center),
            baht: input().set_num_format("#,##0.00"),
            needs_input: Format::new().set_background_color(Color::RGB(0xFFC7CE)),
            body: base().set_text_wrap().set_align(FormatAlign::Top),
            heading: base().set_bold().set_font_size(17),
            term: base()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Thin),
            command: base()
                .set_font_name("Courier New")
                .set_font_size(12)
                .set_align(FormatAlign::VerticalCenter),
        }
    }

    /// Body text with a border, for คำชี้แจง's table.
    pub fn cell(&self) -> Format {
        self.body.clone().set_border(FormatBorder::Thin)
    }
}

/// Row height for wrapped text: Thai at 16 pt fits about 0.8 base characters per unit of
/// column width (vowel and tone marks take no width); a little spare beats clipped text.
pub fn height(text: &str, width: f64) -> f64 {
    let base = text.chars().filter(|c| !is_thai_mark(*c)).count().max(1);
    let per_line = (width * 0.8).max(1.0);
    let explicit = text.lines().count().max(1) as f64;
    let wrapped = (base as f64 / per_line).ceil();
    24.0 * wrapped.max(explicit)
}

/// Thai vowel and tone marks written above or below the consonant.
fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}
