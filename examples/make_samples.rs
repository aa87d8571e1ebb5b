//! Generates `samples/6-month/`: the division workbooks (one per กอง / สำนัก / หน่วย) that together hold
//! the 81 projects of the seed report (`tests/fixtures/seed_projects.json`), plus `report.toml`;
//! and `samples/12-month/`: the same divisions six months on — most projects in progress are
//! completed, disbursement is filled in, one project is dropped and two are new — with a
//! `report.toml` whose `previous` is the 6-month round.
//!
//! Run with `cargo run --example make_samples`. The output is deterministic: the same fixture
//! gives the same files (the document creation date is fixed).
//!
//! Three real-world layouts are spread over the files:
//! - **A, the seed's own**: a title row, a two-row header with สถานะ merged over four ☑ tick
//!   columns, the title and header repeated on every printed page (every 9 projects); money as
//!   numbers, a few budgets as formulas with their cached result; one file ends with a รวม row.
//! - **B, status in words**: a title block of four lines and a blank row, the header on row 6,
//!   one สถานะ column of words, ✓ ticks, header cells with a newline and a trailing NBSP.
//! - **C, Thai digits**: ลำดับ as ๑ ๒ ๓, มิติ as "มิติที่ ๒" / "มิติ ๓", money shown in Thai digits
//!   and one budget typed as text ("๗๖,๐๐๐.๐๐"), ✔ ticks, ำ typed as ํ + า in one header cell.

use anyhow::{Context, Result, bail, ensure};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::str::FromStr;

/// One project of the seed, as in `tests/fixtures/seed_projects.json`.
#[derive(Debug, Clone, Deserialize)]
struct Project {
    no: u32,
    name: String,
    dimension: u8,
    budget: String,
    disbursed: String,
    status: String,
    remark: String,
}

/// How a division's workbook is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// The seed's own: title, two-row header, ☑ tick columns, repeated per page.
    Seed,
    /// Title block, header on row 6, status in words.
    Words,
    /// Thai digits, single header row, ✔ tick columns.
    ThaiDigits,
}

const ORGANIZATION: &str = "องค์การบริหารส่วนจังหวัดพะเยา";

/// The divisions, in the order of the organization chart, and the layout of each one's file.
/// The file name is the division's name (the merger takes the division from the file stem).
const DIVISIONS: [(&str, Layout); 8] = [
    ("สำนักปลัด", Layout::Seed),
    ("กองยุทธศาสตร์และงบประมาณ", Layout::Seed),
    ("กองคลัง", Layout::Words),
    ("กองพัสดุและทรัพย์สิน", Layout::Seed),
    ("กองการเจ้าหน้าที่", Layout::Seed),
    ("กองการศึกษา ศาสนาและวัฒนธรรม", Layout::ThaiDigits),
    ("กองสาธารณสุขและสิ่งแวดล้อม", Layout::Words),
    ("หน่วยตรวจสอบภายใน", Layout::Seed),
];

const SP: &str = "สำนักปลัด";
const YS: &str = "กองยุทธศาสตร์และงบประมาณ";
const KK: &str = "กองคลัง";
const PS: &str = "กองพัสดุและทรัพย์สิน";
const KJ: &str = "กองการเจ้าหน้าที่";
const KS: &str = "กองการศึกษา ศาสนาและวัฒนธรรม";
const SS: &str = "กองสาธารณสุขและสิ่งแวดล้อม";
const TS: &str = "หน่วยตรวจสอบภายใน";

/// Which division carries each project (by the seed's `no`), chosen from the project's subject:
/// สำนักปลัด — council (สภา), legal and complaints (นิติการ, ร้องเรียน), the anti-corruption
///   centre, public service and disaster/water work;
/// กองยุทธศาสตร์และงบประมาณ — plans, public relations, publications, information, ITA, surveys;
/// กองคลัง — taxes, fees, disbursement, financial disclosure;
/// กองพัสดุและทรัพย์สิน — procurement and assets;
/// กองการเจ้าหน้าที่ — personnel: training, ethics, conflict of interest, promotion, awards;
/// กองการศึกษา ศาสนาและวัฒนธรรม — youth, science day, the three-age centre, vocational training;
/// กองสาธารณสุขและสิ่งแวดล้อม — health campaigns, the rehabilitation fund, health services;
/// หน่วยตรวจสอบภายใน — internal audit and control.
const ASSIGNMENT: [(u32, &str); 81] = [
    (1, KK),  // บัตรคิวในการติดต่อราชการ: the tax and fee counter
    (2, KJ),  // ฝึกอบรมเพิ่มประสิทธิภาพข้าราชการ พนักงานจ้าง
    (3, KJ),  // ฝึกอบรมคุณธรรม จริยธรรม บุคลากร
    (4, KJ),  // คู่มือการป้องกันผลประโยชน์ทับซ้อน
    (5, YS),  // เผยแพร่ข้อมูลผ่านเว็บไซต์ (public relations)
    (6, YS),  // ประกาศนโยบายคุณธรรมและความโปร่งใส (ITA)
    (7, KJ),  // ประมวลจริยธรรม
    (8, KS),  // วันวิทยาศาสตร์
    (9, KS),  // จิตอาสาในกลุ่มเด็กและเยาวชน
    (10, SP), // เผยแพร่ความรู้ทางกฎหมาย (ฝ่ายนิติการ)
    (11, SP), // องค์ความรู้ด้านการต่อต้านการทุจริต (ศูนย์ปฏิบัติการต่อต้านการทุจริต)
    (12, KJ), // ความซื่อสัตย์ สุจริต ทัศนคติ (staff)
    (13, SP), // ประกาศเจตจำนงของนายก
    (14, SP), // กิจกรรมต่อต้านการทุจริต
    (15, KJ), // ฝึกอบรมป้องกันการทุจริตในการปฏิบัติหน้าที่
    (16, SS), // TO BE NUMBER ONE, ยาเสพติด
    (17, YS), // อบจ.เคลื่อนที่ (public relations)
    (18, KS), // นิทรรศการศูนย์สามวัย
    (19, KS), // ฝึกอบรมอาชีพเซรามิก
    (20, SP), // บริหารงานตามหลักธรรมาภิบาล
    (21, PS), // แผนและกระบวนการจัดหาพัสดุ
    (22, KK), // ความโปร่งใสในการใช้จ่ายเงินงบประมาณ
    (23, SP), // ศูนย์บริหารจัดการน้ำ (ป้องกันและบรรเทาสาธารณภัย)
    (24, PS), // ข้อมูลข่าวสารการจัดซื้อ-จัดจ้าง
    (25, KJ), // เลื่อนขั้นเงินเดือน
    (26, KK), // ควบคุมการเบิกจ่ายเงิน
    (27, PS), // ข้อมูลข่าวสารด้านการพัสดุและทรัพย์สิน
    (28, SP), // คำสั่งมอบหมายของนายก ปลัด หัวหน้าส่วนราชการ
    (29, KJ), // ความรู้เรื่องผลประโยชน์ทับซ้อนแก่ข้าราชการ
    (30, KK), // ลดขั้นตอนการจัดเก็บภาษีและค่าธรรมเนียม
    (31, SP), // ศึกษาดูงานของสมาชิกสภา (กิจการสภา)
    (32, SP), // สมุดความดีพนักงานจ้าง (the remark names สำนักปลัด)
    (33, SP), // สร้างสังคมที่ไม่ทนต่อการทุจริต
    (34, KJ), // ยกย่องข้าราชการที่ดี
    (35, KJ), // ขัดกันระหว่างผลประโยชน์
    (36, SP), // บริการสาธารณะอย่างทัดเทียม
    (37, YS), // หนังสือรายงานผลการปฏิบัติงาน
    (38, YS), // ข้อมูลข่าวสารทางเว็บไซต์
    (39, SP), // ประชาสัมพันธ์กรณีพบเห็นการทุจริต (ช่องทางแจ้งเบาะแส)
    (40, YS), // วารสารเผยแพร่ผลงาน
    (41, SP), // สมาชิกสภาท้องถิ่นตรวจสอบฝ่ายบริหาร
    (42, KJ), // ความโปร่งใสในการบริหารงานบุคคล
    (43, YS), // เชิดชูเกียรติตามหลักปรัชญาเศรษฐกิจพอเพียง (plan policy)
    (44, SP), // หนังสือรายงานผลการปฏิบัติงานของสภา
    (45, KJ), // ข้อตกลงการปฏิบัติราชการ (performance agreement)
    (46, SS), // กองทุนฟื้นฟูสมรรถภาพจังหวัด
    (47, SP), // ผู้รับผิดชอบเรื่องร้องเรียน
    (48, SP), // ศูนย์รับเรื่องราวร้องเรียน
    (49, YS), // ตัวแทนภาคประชาชนในคณะกรรมการติดตามผล
    (50, SP), // เจ้าหน้าที่รับผิดชอบเรื่องร้องเรียน
    (51, SP), // ประกาศเกียรติคุณผู้มีจิตสาธารณะ
    (52, SP), // มอบอำนาจของนายก
    (53, PS), // คณะกรรมการจัดซื้อจัดจ้างตัวแทนชุมชน
    (54, KK), // ข้อมูลข่าวสารด้านการเงิน การคลัง
    (55, YS), // พ.ร.บ.ข้อมูลข่าวสารของราชการ (ศูนย์ข้อมูลข่าวสาร)
    (56, YS), // จัดแสดงและจำหน่ายสินค้า OTOP (public relations)
    (57, SP), // เรื่องร้องเรียนกล่าวหาเจ้าหน้าที่
    (58, SP), // สมาชิกสภาร่วมตรวจสอบ
    (59, KS), // จัดตั้งศูนย์สามวัย
    (60, KK), // ชำระภาษีออนไลน์
    (61, SP), // รายงานผลการตรวจสอบข้อเท็จจริงแก่ผู้ร้องเรียน
    (62, YS), // เครือข่าย อปท.ต้านการทุจริต (MOU)
    (63, SP), // ยกระดับคุณภาพการบริการประชาชน
    (64, KJ), // ประชาชนตรวจสอบการบรรจุ แต่งตั้ง โอนย้าย
    (65, YS), // สำรวจความพึงพอใจของผู้รับบริการ
    (66, KS), // ฝึกอบรมพัฒนาอาชีพศูนย์สามวัย
    (67, SS), // จิตอาสาบำรุงรักษาสาธารณสุขสถาน
    (68, SS), // แผนภูมิขั้นตอนบริการสาธารณสุข
    (69, SP), // ยกย่องบุคคล หน่วยงาน องค์กรดีเด่น
    (70, TS), // ความร่วมมือกับหน่วยตรวจสอบ
    (71, YS), // ประชาคมท้องถิ่นระดับจังหวัด (แผนพัฒนา)
    (72, YS), // ช่องทางเข้าถึงข้อมูลข่าวสาร
    (73, YS), // บูรณาการรณรงค์ต่อต้านการทุจริต
    (74, SP), // มอบอำนาจอนุมัติ อนุญาต สั่งการ
    (75, SP), // ขั้นตอนเรื่องร้องเรียน
    (76, YS), // ITA
    (77, TS), // แผนการตรวจสอบภายใน
    (78, TS), // รายงานการควบคุมภายใน
    (79, KJ), // พนักงานจ้างดีเด่น
    (80, SP), // ยกย่องบุคคล/หน่วยงานที่ประพฤติเป็นที่ประจักษ์
    (81, YS), // ติดตามและประเมินผลแผนพัฒนาท้องถิ่น
];

/// The four statuses, in the order of the tick columns.
const STATUSES: [&str; 4] = [
    "รอรายงาน",
    "อยู่ระหว่างดำเนินการ",
    "ดำเนินการแล้วเสร็จ",
    "ไม่สามารถดำเนินการได้",
];

/// Budgets typed as formulas (layout A): project `no` and the formula; the cached result is the
/// project's budget (checked).
const FORMULA_BUDGETS: [(u32, &str); 3] =
    [(2, "=50000+5300"), (10, "=80000+5000"), (40, "=55000*2")];

/// The one budget typed as text with Thai digits and a thousands separator (layout C).
const TEXT_BUDGET_NO: u32 = 9;

/// The division whose file ends with a รวม (total) row.
const TOTAL_ROW_DIVISION: &str = SP;

/// Projects per printed page in layout A: title and header repeat after this many rows.
const ROWS_PER_PAGE: usize = 9;

/// Projects ticked as in the ordinance (บรรจุในข้อบัญญัติ): the first 20 with a budget.
const IN_ORDINANCE: usize = 20;

const FONT: &str = "TH Sarabun New";
const FONT_SIZE: f64 = 16.0;
const NBSP: char = '\u{a0}';

const REPORT_TOML: &str = r#"# report.toml — การตั้งค่ารายงาน · report configuration (planmerge)
#
# organization       ชื่อองค์กรปกครองส่วนท้องถิ่น · the organization's name
# location           อำเภอ/จังหวัด ใต้ชื่อรายงาน · district and province under the title
# fiscal_year        ปีงบประมาณ (พ.ศ.) · fiscal year, Buddhist era
# round              รอบรายงาน 6 หรือ 12 เดือน · reporting round, 6 or 12 months
# as_of              ข้อมูล ณ วันที่ (ปี ค.ศ. หรือ พ.ศ.) · data as of (ISO date; a B.E. year is accepted)
# initial_projects   จำนวนโครงการตั้งต้นตามแผน · projects in the plan as first adopted
# reporter_name      ชื่อ - สกุล ผู้รายงาน · the reporter's name
# reporter_position  ตำแหน่งผู้รายงาน · the reporter's position
#
# สร้างโดย `cargo run --example make_samples` · generated by `cargo run --example make_samples`

organization = "องค์การบริหารส่วนจังหวัดพะเยา"
location = "อำเภอเมืองพะเยา จังหวัดพะเยา"
fiscal_year = 2565
round = 6
as_of = "2022-04-21"
initial_projects = 90
reporter_name = "นางสาวกฤษอร เมืองมารนาบุญ"
reporter_position = "นักจัดการงานทั่วไปปฏิบัติการ"
"#;

/// The 12-month round's configuration: the same report six months on, compared with the
/// 6-month round's folder.
const REPORT_TOML_12: &str = r#"# report.toml — การตั้งค่ารายงาน รอบ 12 เดือน · report configuration, 12-month round
#
# previous           รอบก่อน: โฟลเดอร์ของกอง หรือไฟล์สรุปที่ planmerge เขียน (เทียบจากที่ตั้งไฟล์นี้)
#                    · the earlier round: its folder of division workbooks or its summary
#
# สร้างโดย `cargo run --example make_samples` · generated by `cargo run --example make_samples`

organization = "องค์การบริหารส่วนจังหวัดพะเยา"
location = "อำเภอเมืองพะเยา จังหวัดพะเยา"
fiscal_year = 2565
round = 12
as_of = "2022-10-14"
initial_projects = 90
reporter_name = "นางสาวกฤษอร เมืองมารนาบุญ"
reporter_position = "นักจัดการงานทั่วไปปฏิบัติการ"
previous = "../6-month"
"#;

/// The project dropped between the rounds (ยกย่องและเชิดชูเกียรติบุคคล…, in progress at 6 months).
const DROPPED_NO: u32 = 80;

/// Projects in progress at 6 months that are still in progress at 12: every fourth by number.
fn still_in_progress(no: u32) -> bool {
    no.is_multiple_of(4)
}

/// The two projects new in the 12-month round: number, dimension, division, name, budget,
/// status.
const NEW_PROJECTS: [(u32, u8, &str, &str, &str, &str); 2] = [
    (
        82,
        1,
        KK,
        "โครงการเสริมสร้างวัฒนธรรมองค์กรสุจริตในหน่วยงานคลัง",
        "30000.00",
        "อยู่ระหว่างดำเนินการ",
    ),
    (
        83,
        3,
        KS,
        "กิจกรรมเปิดช่องทางแจ้งเบาะแสการทุจริตออนไลน์",
        "0.00",
        "ดำเนินการแล้วเสร็จ",
    ),
];

/// The seed's projects six months on: most in progress are completed; a completed project has
/// disbursed its whole budget, one still in progress half of it; one dropped, two new.
fn twelve_months_on(projects: &[Project]) -> Result<Vec<Project>> {
    let mut out = Vec::new();
    for p in projects.iter().filter(|p| p.no != DROPPED_NO) {
        let mut q = p.clone();
        if q.status == STATUSES[1] && !still_in_progress(q.no) {
            q.status = STATUSES[2].to_string();
        }
        let budget = Decimal::from_str(&q.budget)?;
        let spent = if q.status == STATUSES[2] {
            budget
        } else {
            (budget / Decimal::TWO).round_dp(2)
        };
        q.disbursed = format!("{spent:.2}");
        out.push(q);
    }
    for (no, dimension, _, name, budget, status) in NEW_PROJECTS {
        out.push(Project {
            no,
            name: name.to_string(),
            dimension,
            budget: budget.to_string(),
            disbursed: "0.00".to_string(),
            status: status.to_string(),
            remark: String::new(),
        });
    }
    Ok(out)
}
/// A project as it goes into a division's file.
struct Row<'a> {
    project: &'a Project,
    budget: Decimal,
    disbursed: Decimal,
    status: usize,
    in_ordinance: bool,
}

/// The cell formats, all in TH Sarabun New 16 pt.
struct Formats {
    title: Format,
    title_left: Format,
    header: Format,
    text: Format,
    center: Format,
    money: Format,
    money_thai: Format,
    total_label: Format,
    total_money: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new().set_font_name(FONT).set_font_size(FONT_SIZE);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        let header = cell
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            title: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            title_left: base.clone().set_bold(),
            header,
            text: cell.clone().set_text_wrap(),
            center: cell.clone().set_align(FormatAlign::Center),
            money: cell.clone().set_num_format("#,##0.00"),
            money_thai: cell.clone().set_num_format("[$-D07041E]#,##0.00"),
            total_label: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            total_money: cell.set_bold().set_num_format("#,##0.00"),
        }
    }
}

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = root.join("tests/fixtures/seed_projects.json");
    let text =
        fs::read_to_string(&fixture).with_context(|| format!("reading {}", fixture.display()))?;
    let projects: Vec<Project> = serde_json::from_str(&text).context("parsing the fixture")?;
    ensure!(
        projects.len() == 81,
        "expected 81 projects, found {}",
        projects.len()
    );

    write_round(root, "6-month", &projects, REPORT_TOML, (2022, 4, 1))?;
    let later = twelve_months_on(&projects)?;
    write_round(root, "12-month", &later, REPORT_TOML_12, (2022, 10, 1))
}

/// Writes one round's folder `samples/<folder>`: a workbook per division and `report.toml`.
fn write_round(
    root: &Path,
    folder: &str,
    projects: &[Project],
    report_toml: &str,
    (year, month, day): (u16, u8, u8),
) -> Result<()> {
    let round = if folder.starts_with("12") { 12 } else { 6 };
    let by_division = assign(projects)?;
    let out = root.join("samples").join(folder);
    fs::create_dir_all(&out)?;
    // Remove workbooks of an earlier run so that a renamed division leaves nothing behind.
    for entry in fs::read_dir(&out)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "xlsx") {
            fs::remove_file(&path)?;
        }
    }

    let formats = Formats::new();
    for (division, layout) in DIVISIONS {
        let rows = &by_division[division];
        let mut workbook = Workbook::new();
        let properties = DocProperties::new()
            .set_title(format!(
                "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ{division} พ.ศ. 2565"
            ))
            .set_author(division)
            .set_company(ORGANIZATION)
            .set_creation_datetime(&ExcelDateTime::from_ymd(year, month, day)?);
        workbook.set_properties(&properties);
        let sheet = workbook.add_worksheet();
        set_page(sheet);
        match layout {
            Layout::Seed => write_seed_layout(sheet, division, rows, &formats, round)?,
            Layout::Words => write_words_layout(sheet, division, rows, &formats, round)?,
            Layout::ThaiDigits => write_thai_layout(sheet, division, rows, &formats, round)?,
        }
        let path = out.join(format!("{division}.xlsx"));
        workbook
            .save(&path)
            .with_context(|| format!("writing {}", path.display()))?;
        println!(
            "{:>2} projects  {:?}  {}",
            rows.len(),
            layout,
            path.display()
        );
    }
    fs::write(out.join("report.toml"), report_toml)?;
    println!("wrote {}", out.join("report.toml").display());
    Ok(())
}

/// Splits the projects among the divisions by `ASSIGNMENT`, checking every project is placed
/// exactly once, and marks the in-ordinance ticks.
fn assign(projects: &[Project]) -> Result<BTreeMap<&'static str, Vec<Row<'_>>>> {
    let known: BTreeSet<&str> = DIVISIONS.iter().map(|(d, _)| *d).collect();
    let mut division_of = BTreeMap::new();
    let new = NEW_PROJECTS
        .iter()
        .map(|(no, _, division, ..)| (*no, *division));
    for (no, division) in ASSIGNMENT.into_iter().chain(new) {
        ensure!(
            known.contains(division),
            "project {no}: unknown division {division}"
        );
        ensure!(
            division_of.insert(no, division).is_none(),
            "project {no} assigned twice"
        );
    }
    let mut ordinance_left = IN_ORDINANCE;
    let mut by_division: BTreeMap<&'static str, Vec<Row>> =
        known.iter().map(|d| (*d, Vec::new())).collect();
    let mut sorted: Vec<&Project> = projects.iter().collect();
    sorted.sort_by_key(|p| p.no);
    for project in sorted {
        let division = division_of
            .remove(&project.no)
            .with_context(|| format!("project {} has no division", project.no))?;
        let budget = Decimal::from_str(&project.budget)?;
        let disbursed = Decimal::from_str(&project.disbursed)?;
        let Some(status) = STATUSES.iter().position(|s| *s == project.status) else {
            bail!("project {}: unknown status {}", project.no, project.status);
        };
        ensure!((1..=4).contains(&project.dimension));
        let in_ordinance = budget > Decimal::ZERO && ordinance_left > 0;
        if in_ordinance {
            ordinance_left -= 1;
        }
        by_division
            .get_mut(division)
            .expect("known division")
            .push(Row {
                project,
                budget,
                disbursed,
                status,
                in_ordinance,
            });
    }
    // The dropped project and the new ones are assigned in either round.
    division_of.retain(|no, _| *no != DROPPED_NO && !NEW_PROJECTS.iter().any(|p| p.0 == *no));
    ensure!(
        division_of.is_empty(),
        "projects assigned but not in the fixture: {:?}",
        division_of.keys().collect::<Vec<_>>()
    );
    ensure!(
        ordinance_left == 0,
        "fewer than {IN_ORDINANCE} budgeted projects"
    );
    for (division, rows) in &by_division {
        ensure!(!rows.is_empty(), "{division} has no projects");
    }
    let mut thai_text_budget = false;
    for (division, layout) in DIVISIONS {
        for row in &by_division[division] {
            if row.project.no == TEXT_BUDGET_NO {
                ensure!(layout == Layout::ThaiDigits && row.budget > Decimal::ZERO);
                thai_text_budget = true;
            }
            if let Some((_, formula)) = FORMULA_BUDGETS.iter().find(|(n, _)| *n == row.project.no) {
                ensure!(layout == Layout::Seed, "formula budget outside layout A");
                ensure!(
                    evaluate(formula) == row.budget,
                    "formula {formula} is not the budget of project {}",
                    row.project.no
                );
            }
        }
    }
    ensure!(
        thai_text_budget,
        "the text budget project is not in the files"
    );
    Ok(by_division)
}

/// A4 landscape, one page wide.
fn set_page(sheet: &mut Worksheet) {
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
}

fn set_widths(sheet: &mut Worksheet, widths: &[f64]) -> Result<()> {
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    Ok(())
}

/// Layout A, the seed's own.
fn write_seed_layout(
    sheet: &mut Worksheet,
    division: &str,
    rows: &[Row],
    f: &Formats,
    round: u8,
) -> Result<()> {
    sheet.set_name("ผลการดำเนินงาน")?;
    // ลำดับ, รายการโครงการ, มิติ, งบประมาณ, เบิกจ่าย, บรรจุ, 4 × สถานะ, หมายเหตุ
    let widths = [7.0, 60.0, 6.0, 15.0, 13.0, 13.0, 8.0, 9.0, 9.0, 9.0, 30.0];
    set_widths(sheet, &widths)?;
    let title = format!(
        "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ{division} พ.ศ. 2565 รอบ {round} เดือน"
    );
    let mut row: u32 = 0;
    let mut breaks = Vec::new();
    let mut first_data = 0;
    for (page, chunk) in rows.chunks(ROWS_PER_PAGE).enumerate() {
        if page > 0 {
            breaks.push(row);
        }
        sheet.merge_range(row, 0, row, 10, &title, &f.title)?;
        sheet.set_row_height(row, 27)?;
        for (col, text) in [
            (0, "ลำดับ"),
            (1, "รายการโครงการ (ตั้งต้น)"),
            (2, "มิติ"),
            (3, "งบประมาณ (บาท)"),
            (4, "เบิกจ่าย (บาท)"),
            (5, "บรรจุในข้อบัญญัติ/เทศบัญญัติ"),
            (10, "หมายเหตุ"),
        ] {
            sheet.merge_range(row + 1, col, row + 2, col, text, &f.header)?;
        }
        sheet.merge_range(row + 1, 6, row + 1, 9, "สถานะ", &f.header)?;
        for (col, text) in [
            "รอ\nรายงาน",
            "อยู่\nระหว่าง\nดำเนิน\nการ",
            "ดำเนิน\nการ\nแล้วเสร็จ",
            "ไม่\nสามารถ\nดำเนิน\nการได้",
        ]
        .into_iter()
        .enumerate()
        {
            sheet.write_string_with_format(row + 2, 6 + col as u16, text, &f.header)?;
        }
        sheet.set_row_height(row + 1, 27)?;
        sheet.set_row_height(row + 2, 100)?;
        row += 3;
        if page == 0 {
            first_data = row;
        }
        for (i, r) in chunk.iter().enumerate() {
            let number = page * ROWS_PER_PAGE + i + 1;
            sheet.write_number_with_format(row, 0, number as f64, &f.center)?;
            sheet.write_string_with_format(row, 1, &r.project.name, &f.text)?;
            sheet.write_number_with_format(row, 2, f64::from(r.project.dimension), &f.center)?;
            match FORMULA_BUDGETS.iter().find(|(n, _)| *n == r.project.no) {
                Some((_, formula)) => {
                    let formula =
                        Formula::new(*formula).set_result(r.budget.normalize().to_string());
                    sheet.write_formula_with_format(row, 3, formula, &f.money)?;
                }
                None => {
                    sheet.write_number_with_format(row, 3, to_f64(r.budget), &f.money)?;
                }
            }
            sheet.write_number_with_format(row, 4, to_f64(r.disbursed), &f.money)?;
            sheet.write_string_with_format(row, 5, tick(r.in_ordinance, "☑"), &f.center)?;
            for col in 0..4 {
                sheet.write_string_with_format(
                    row,
                    6 + col as u16,
                    tick(r.status == col, "☑"),
                    &f.center,
                )?;
            }
            sheet.write_string_with_format(row, 10, &r.project.remark, &f.text)?;
            sheet.set_row_height(
                row,
                row_height(&[(&r.project.name, 60.0), (&r.project.remark, 30.0)]),
            )?;
            row += 1;
        }
    }
    if division == TOTAL_ROW_DIVISION {
        let last = row; // 1-based number of the last data row
        sheet.merge_range(row, 0, row, 2, "รวม", &f.total_label)?;
        let budget: Decimal = rows.iter().map(|r| r.budget).sum();
        let disbursed: Decimal = rows.iter().map(|r| r.disbursed).sum();
        for (col, letter, sum) in [(3u16, 'D', budget), (4, 'E', disbursed)] {
            let formula = Formula::new(format!("=SUM({letter}{}:{letter}{last})", first_data + 1))
                .set_result(sum.normalize().to_string());
            sheet.write_formula_with_format(row, col, formula, &f.total_money)?;
        }
        for col in 5..=10 {
            sheet.write_blank(row, col, &f.center)?;
        }
        sheet.set_row_height(row, 24)?;
    }
    sheet.set_page_breaks(&breaks)?;
    Ok(())
}

/// Layout B: title block, header on row 6, status in words.
fn write_words_layout(
    sheet: &mut Worksheet,
    division: &str,
    rows: &[Row],
    f: &Formats,
    round: u8,
) -> Result<()> {
    sheet.set_name(format!("รายงาน รอบ {round} เดือน"))?;
    let (until, as_of) = match round {
        6 => ("มีนาคม 2565", "31 มีนาคม 2565"),
        _ => ("กันยายน 2565", "30 กันยายน 2565"),
    };
    // ลำดับที่, ชื่อ, มิติ, ตามแผน, ตามข้อบัญญัติ, เบิกจ่ายจริง, บรรจุ, สถานะ, หมายเหตุ
    let widths = [8.0, 58.0, 6.0, 14.0, 16.0, 13.0, 17.0, 22.0, 26.0];
    set_widths(sheet, &widths)?;
    let block = [
        ORGANIZATION.to_string(),
        division.to_string(),
        format!(
            "แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2565 รอบ {round} เดือน (ตุลาคม 2564 - {until})"
        ),
        format!("ข้อมูล ณ วันที่ {as_of}"),
    ];
    for (row, text) in block.iter().enumerate() {
        sheet.write_string_with_format(row as u32, 0, text, &f.title_left)?;
    }
    // Row 5 is left blank; the header is on row 6 (index 5).
    let header_row = 5;
    let headers = [
        "ลำดับที่".to_string(),
        "ชื่อโครงการ/กิจกรรม/มาตรการ".to_string(),
        "มิติ".to_string(),
        format!("งบประมาณ\nตามแผน{NBSP}"),
        "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ".to_string(),
        format!("เบิกจ่าย\nจริง{NBSP}"),
        "บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนดำเนินงาน".to_string(),
        "สถานะ".to_string(),
        "หมายเหตุ".to_string(),
    ];
    for (col, text) in headers.iter().enumerate() {
        sheet.write_string_with_format(header_row, col as u16, text, &f.header)?;
    }
    sheet.set_row_height(header_row, 95)?;
    for (i, r) in rows.iter().enumerate() {
        let row = header_row + 1 + i as u32;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.center)?;
        sheet.write_string_with_format(row, 1, &r.project.name, &f.text)?;
        sheet.write_number_with_format(row, 2, f64::from(r.project.dimension), &f.center)?;
        sheet.write_number_with_format(row, 3, to_f64(r.budget), &f.money)?;
        sheet.write_number_with_format(row, 4, to_f64(r.budget), &f.money)?;
        sheet.write_number_with_format(row, 5, to_f64(r.disbursed), &f.money)?;
        sheet.write_string_with_format(row, 6, tick(r.in_ordinance, "✓"), &f.center)?;
        sheet.write_string_with_format(row, 7, STATUSES[r.status], &f.text)?;
        sheet.write_string_with_format(row, 8, &r.project.remark, &f.text)?;
        sheet.set_row_height(
            row,
            row_height(&[
                (&r.project.name, 58.0),
                (STATUSES[r.status], 22.0),
                (&r.project.remark, 26.0),
            ]),
        )?;
    }
    Ok(())
}

/// Layout C: Thai digits, one header row with the four status tick columns.
fn write_thai_layout(
    sheet: &mut Worksheet,
    division: &str,
    rows: &[Row],
    f: &Formats,
    round: u8,
) -> Result<()> {
    sheet.set_name("แผน ป.ป.ช. ๒๕๖๕")?;
    let widths = [
        7.0, 60.0, 10.0, 15.0, 13.0, 12.0, 9.0, 11.0, 11.0, 12.0, 26.0,
    ];
    set_widths(sheet, &widths)?;
    sheet.merge_range(
        0,
        0,
        0,
        10,
        &format!(
            "ผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ รอบ {} เดือน",
            if round == 6 { "๖" } else { "๑๒" }
        ),
        &f.title,
    )?;
    sheet.merge_range(1, 0, 1, 10, &format!("{division} {ORGANIZATION}"), &f.title)?;
    sheet.set_row_height(0, 27)?;
    sheet.set_row_height(1, 27)?;
    let header_row = 2;
    let headers = [
        "ลำดับ",
        "รายการโครงการ",
        "มิติ",
        "งบประมาณ (บาท)",
        "เบิกจ่าย (บาท)",
        "บรรจุในข้อบัญญัติ",
        "รอรายงาน",
        "อยู่ระหว่างดำเนินการ",
        // ำ typed as nikhahit + sara aa (U+0E4D U+0E32), as some keyboards and PDFs leave it.
        "ด\u{0E4D}\u{0E32}เนินการแล้วเสร็จ",
        "ไม่สามารถดำเนินการได้",
        "หมายเหตุ",
    ];
    for (col, text) in headers.iter().enumerate() {
        sheet.write_string_with_format(header_row, col as u16, *text, &f.header)?;
    }
    sheet.set_row_height(header_row, 95)?;
    for (i, r) in rows.iter().enumerate() {
        let row = header_row + 1 + i as u32;
        sheet.write_string_with_format(row, 0, thai_digits(&(i + 1).to_string()), &f.center)?;
        sheet.write_string_with_format(row, 1, &r.project.name, &f.text)?;
        let dimension = thai_digits(&r.project.dimension.to_string());
        let dimension = if i % 2 == 0 {
            format!("มิติที่ {dimension}")
        } else {
            format!("มิติ {dimension}")
        };
        sheet.write_string_with_format(row, 2, dimension, &f.center)?;
        if r.project.no == TEXT_BUDGET_NO {
            // Typed as text: the "number typed as text" warning path.
            let text = thai_digits(&thousands(r.budget));
            sheet.write_string_with_format(row, 3, text, &f.money_thai)?;
        } else {
            sheet.write_number_with_format(row, 3, to_f64(r.budget), &f.money_thai)?;
        }
        sheet.write_number_with_format(row, 4, to_f64(r.disbursed), &f.money_thai)?;
        sheet.write_string_with_format(row, 5, tick(r.in_ordinance, "✔"), &f.center)?;
        for col in 0..4 {
            sheet.write_string_with_format(
                row,
                6 + col as u16,
                tick(r.status == col, "✔"),
                &f.center,
            )?;
        }
        sheet.write_string_with_format(row, 10, &r.project.remark, &f.text)?;
        sheet.set_row_height(
            row,
            row_height(&[(&r.project.name, 60.0), (&r.project.remark, 26.0)]),
        )?;
    }
    Ok(())
}

fn tick(on: bool, mark: &'static str) -> &'static str {
    if on { mark } else { "" }
}

fn to_f64(value: Decimal) -> f64 {
    // Baht with two decimals: exact enough as a double for display, and the cell is what staff
    // would type.
    value.to_string().parse().expect("a decimal is a number")
}

/// `76000.00` → `76,000.00`.
fn thousands(value: Decimal) -> String {
    let text = format!("{:.2}", value);
    let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped}.{frac}")
}

/// Arabic digits → Thai digits (๐-๙); other characters unchanged.
fn thai_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x0E50 + d).expect("Thai digit"),
            None => c,
        })
        .collect()
}

/// Evaluates the simple `=a+b` / `=a*b` formulas of `FORMULA_BUDGETS`.
fn evaluate(formula: &str) -> Decimal {
    let body = formula.trim_start_matches('=');
    let parse = |s: &str| Decimal::from_str(s.trim()).expect("a number in the formula");
    if let Some((a, b)) = body.split_once('+') {
        parse(a) + parse(b)
    } else if let Some((a, b)) = body.split_once('*') {
        parse(a) * parse(b)
    } else {
        parse(body)
    }
}

/// A row tall enough for the wrapped texts, each with its column width: TH Sarabun New 16 pt
/// fits about 0.7 Thai characters per width unit, not counting the marks above and below.
fn row_height(texts: &[(&str, f64)]) -> f64 {
    let lines = texts
        .iter()
        .map(|(text, width)| {
            let visible = text.chars().filter(|c| !is_thai_mark(*c)).count() as f64;
            (visible / (width * 0.7)).ceil().max(1.0)
        })
        .fold(1.0, f64::max);
    lines * 22.0 + 4.0
}

/// Thai vowels and tone marks written above or below a consonant (they take no width).
fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}
