//! Synthetic division workbooks for benchmarks: N files × M project rows in the seed's tick-column
//! layout (title, two-row header with สถานะ over four tick columns), with Thai names, budgets,
//! statuses and ticks, plus a report.toml. Deterministic (a fixed xorshift seed).
//!
//! `cargo run --release --example make_synthetic -- <folder> <files> <rows>`

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::path::Path;

const KINDS: [&str; 3] = ["โครงการ", "กิจกรรม", "มาตรการ"];
const TOPICS: [&str; 12] = [
    "ฝึกอบรมคุณธรรม จริยธรรมเพื่อพัฒนาคุณภาพชีวิตของบุคลากร",
    "เผยแพร่ข้อมูลข่าวสารด้านการจัดซื้อจัดจ้าง",
    "สร้างความโปร่งใสในการพิจารณาเลื่อนขั้นเงินเดือน",
    "ส่งเสริมการมีส่วนร่วมของประชาชนในการตรวจสอบ",
    "ประชาสัมพันธ์กรณีพบเห็นการทุจริต",
    "จัดทำแผนการตรวจสอบภายในประจำปี",
    "ยกย่องเชิดชูเกียรติบุคคลผู้ประพฤติปฏิบัติตนเป็นที่ประจักษ์",
    "ลดขั้นตอนการบริการประชาชน",
    "รณรงค์ต่อต้านยาเสพติดในกลุ่มเด็กและเยาวชน",
    "ป้องกันผลประโยชน์ทับซ้อน",
    "จัดตั้งศูนย์รับเรื่องร้องเรียนร้องทุกข์",
    "ประเมินคุณธรรมและความโปร่งใส (ITA)",
];
const DIVISIONS: [&str; 8] = [
    "สำนักปลัด",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา",
    "กองสาธารณสุข",
    "กองพัสดุและทรัพย์สิน",
    "กองการเจ้าหน้าที่",
    "หน่วยตรวจสอบภายใน",
];
const STATUS_WORDS: [&str; 4] = [
    "รอ\nรายงาน",
    "อยู่\nระหว่าง\nดำเนิน\nการ",
    "ดำเนิน\nการ\nแล้วเสร็จ",
    "ไม่\nสามารถ\nดำเนิน\nการได้",
];

/// A tiny deterministic random source (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn write_division(
    path: &Path,
    file_no: usize,
    rows: usize,
    rng: &mut Rng,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet_with_constant_memory()?;
    ws.set_name("แผน")?;
    let bold = Format::new().set_bold().set_text_wrap();
    let baht = Format::new().set_num_format("#,##0.00");
    ws.write_string(
        0,
        0,
        "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 รอบ 12 เดือน",
    )?;
    let header = [
        "ลำดับ",
        "รายการโครงการ (ตั้งต้น)",
        "มิติ",
        "งบประมาณ (บาท)",
        "เบิกจ่าย (บาท)",
        "บรรจุในข้อบัญญัติ",
        "สถานะ",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &bold)?;
    }
    ws.write_string_with_format(1, 10, "หมายเหตุ", &bold)?;
    for (i, w) in STATUS_WORDS.iter().enumerate() {
        ws.write_string_with_format(2, 6 + i as u16, *w, &bold)?;
    }
    for i in 0..rows {
        let r = 3 + i as u32;
        let kind = KINDS[rng.below(3) as usize];
        let topic = TOPICS[rng.below(TOPICS.len() as u64) as usize];
        let name = format!("{kind}{topic} ครั้งที่ {} ชุดที่ {file_no}", i + 1);
        let budget = if rng.below(3) == 0 {
            0.0
        } else {
            (rng.below(5_000) * 100) as f64
        };
        let disbursed = if budget > 0.0 {
            (budget * rng.below(101) as f64 / 100.0).floor()
        } else {
            0.0
        };
        let status = match rng.below(10) {
            0 => 0,
            1..=4 => 1,
            _ => 2,
        };
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, &name)?;
        ws.write_number(r, 2, (1 + rng.below(4)) as f64)?;
        ws.write_number_with_format(r, 3, budget, &baht)?;
        ws.write_number_with_format(r, 4, disbursed, &baht)?;
        if budget > 0.0 && rng.below(2) == 0 {
            ws.write_string(r, 5, "☑")?;
        }
        ws.write_string(r, 6 + status, "☑")?;
    }
    book.save(path)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: make_synthetic <folder> <files> <rows>";
    let folder = Path::new(args.get(1).ok_or(usage)?);
    let files: usize = args.get(2).ok_or(usage)?.parse()?;
    let rows: usize = args.get(3).ok_or(usage)?.parse()?;
    write_folder(folder, files, rows)?;
    println!(
        "wrote {files} files × {rows} rows into {}",
        folder.display()
    );
    Ok(())
}

/// Writes `files` division workbooks of `rows` projects each (`0001-สำนักปลัด.xlsx`, …) and a
/// report.toml into `folder`. Also used by tests/it/scale.rs.
pub fn write_folder(
    folder: &Path,
    files: usize,
    rows: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(folder)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for f in 0..files {
        let division = DIVISIONS[f % DIVISIONS.len()];
        let path = folder.join(format!("{:04}-{division}.xlsx", f + 1));
        write_division(&path, f + 1, rows, &mut rng)?;
    }
    let config = format!(
        "organization = \"องค์การบริหารส่วนจังหวัดทดสอบ\"\nlocation = \"อำเภอเมือง จังหวัดทดสอบ\"\n\
         fiscal_year = 2568\nround = 12\nas_of = \"2025-10-15\"\ninitial_projects = {}\n\
         reporter_name = \"นายทดสอบ ระบบ\"\nreporter_position = \"นักวิเคราะห์นโยบายและแผน\"\n",
        files * rows
    );
    std::fs::write(folder.join("report.toml"), config)?;
    Ok(())
}
