//! แผนภูมิ — native Excel charts, each beside the small table it is drawn from (so the chart's
//! data is on the same page and readable without the chart): projects planned vs completed per
//! dimension (clustered columns) and the mix of the four statuses (pie).

use super::styles::{FONT_NAME, Styles};
use super::{Summary, banner, page_setup, set_widths};
use crate::model::Status;
use crate::schema::SHEET_CHARTS;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFont, ChartLegendPosition, ChartType, Worksheet, XlsxError,
};

/// Last column used by the tables and charts (L).
const LAST_COL: u16 = 11;

/// Column widths A-C (the data tables); the charts float over D onwards.
const WIDTHS: [f64; 3] = [24.0, 12.0, 14.0];

/// Writes the แผนภูมิ sheet.
pub fn write(sheet: &mut Worksheet, s: &Summary<'_>, st: &Styles) -> Result<(), XlsxError> {
    page_setup(sheet, s);
    set_widths(sheet, &WIDTHS)?;
    let top = banner(sheet, s, st, &WIDTHS, LAST_COL)?;
    let title = format!("แผนภูมิผลการนำแผนไปปฏิบัติ {}", s.period());
    sheet.merge_range(top, 0, top, LAST_COL, &title, &st.title)?;

    // Table 1: projects per dimension.
    let t1 = top + 2;
    sheet.write_string_with_format(t1, 0, "มิติ", &st.header)?;
    sheet.write_string_with_format(t1, 1, "ตามแผน", &st.header)?;
    sheet.write_string_with_format(t1, 2, "ดำเนินการแล้ว", &st.header)?;
    for (row, d) in (t1 + 1..).zip(&s.totals.dimensions) {
        let label = format!("มิติที่ {}", d.dimension.map_or(0, |d| d.number()));
        sheet.write_string_with_format(row, 0, label, &st.text_center)?;
        sheet.write_number_with_format(row, 1, d.projects, &st.count)?;
        sheet.write_number_with_format(row, 2, d.completed, &st.count)?;
    }
    let dimensions_chart = planned_vs_completed(t1);
    sheet.insert_chart_with_offset(t1, 4, &dimensions_chart, 0, 0)?;

    // Table 2: the status mix.
    let t2 = t1 + 18;
    let status = &s.totals.status;
    sheet.write_string_with_format(t2, 0, "สถานะ", &st.header)?;
    sheet.write_string_with_format(t2, 1, "จำนวน", &st.header)?;
    let counts = [
        status.waiting,
        status.in_progress,
        status.completed,
        status.cannot,
    ];
    for ((row, status), count) in (t2 + 1..).zip(Status::ALL).zip(counts) {
        sheet.write_string_with_format(row, 0, status.thai(), &st.text)?;
        sheet.write_number_with_format(row, 1, count, &st.count)?;
    }
    let status_chart = status_mix(t2);
    sheet.insert_chart_with_offset(t2, 4, &status_chart, 0, 0)?;
    Ok(())
}

/// The chart font: the document's, a little smaller.
fn font(size: f64) -> ChartFont {
    let mut font = ChartFont::new();
    font.set_name(FONT_NAME).set_size(size);
    font
}

/// Clustered columns: ตามแผน and ดำเนินการแล้ว per dimension (header at `header`).
fn planned_vs_completed(header: u32) -> Chart {
    let series = DimensionSeries {
        sheet: SHEET_CHARTS,
        names_row: header,
        first: header + 1,
        columns: [1, 2],
    };
    series.chart("โครงการตามแผน และดำเนินการแล้ว รายมิติ", (640, 340))
}

/// Two series of a table with one row per dimension (categories in column A), drawn as
/// clustered columns: the layout of every per-dimension chart of the summary.
pub(super) struct DimensionSeries<'a> {
    /// The sheet the table is on.
    pub sheet: &'a str,
    /// The row holding the series' names.
    pub names_row: u32,
    /// The row of dimension 1 (dimension 4 is three rows below).
    pub first: u32,
    /// The two value columns.
    pub columns: [u16; 2],
}

impl DimensionSeries<'_> {
    /// The chart, titled `title`, `(width, height)` pixels.
    pub fn chart(&self, title: &str, (width, height): (u32, u32)) -> Chart {
        let mut chart = Chart::new(ChartType::Column);
        let (first, last) = (self.first, self.first + 3);
        for col in self.columns {
            chart
                .add_series()
                .set_name((self.sheet, self.names_row, col))
                .set_categories((self.sheet, first, 0, last, 0))
                .set_values((self.sheet, first, col, last, col))
                .set_data_label(ChartDataLabel::new().show_value());
        }
        chart.title().set_name(title).set_font(&font(16.0));
        chart.x_axis().set_font(&font(14.0));
        chart.y_axis().set_font(&font(12.0)).set_name("โครงการ");
        chart
            .legend()
            .set_position(ChartLegendPosition::Bottom)
            .set_font(&font(14.0));
        chart.set_width(width).set_height(height);
        chart
    }
}

/// Pie: the four statuses (header at `header`).
fn status_mix(header: u32) -> Chart {
    let mut chart = Chart::new(ChartType::Pie);
    let (first, last) = (header + 1, header + 4);
    chart
        .add_series()
        .set_name("สถานะโครงการ")
        .set_categories((SHEET_CHARTS, first, 0, last, 0))
        .set_values((SHEET_CHARTS, first, 1, last, 1))
        .set_data_label(ChartDataLabel::new().show_value().show_percentage());
    chart
        .title()
        .set_name("สถานะโครงการ/กิจกรรม/มาตรการ")
        .set_font(&font(16.0));
    chart
        .legend()
        .set_position(ChartLegendPosition::Right)
        .set_font(&font(14.0));
    chart.set_width(640).set_height(340);
    chart
}
