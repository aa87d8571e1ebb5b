//! The pages, Thai first, readable on a phone, working without JavaScript (`/static/app.js`
//! only adds drag-and-drop and an upload progress bar): ส่งไฟล์ (send a file), its answer,
//! ภาพรวม (the coordinator's status), the code page, and an error page. Compiled templates
//! (maud): every value is escaped. The answer to an upload is [`verdict`]'s.

use super::access::Role;
use crate::compute::ReportTotals;
use crate::issue::Severity;
use crate::schema::baht;
use maud::{DOCTYPE, Markup, html};

mod verdict;
pub use verdict::result;

/// The links a page's header offers: none before the access code is given; ส่งไฟล์ and
/// ออกจากระบบ to staff; ภาพรวม as well to the coordinator (staff would be refused it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// No session (the code page).
    Outside,
    /// A division's staff.
    Staff,
    /// The coordinator.
    Coordinator,
}

impl From<Role> for Nav {
    fn from(role: Role) -> Self {
        match role {
            Role::Staff => Nav::Staff,
            Role::Coordinator => Nav::Coordinator,
        }
    }
}

/// The frame of every page.
pub fn layout(title: &str, nav: Nav, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="th" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · planmerge" }
                link rel="stylesheet" href="/static/style.css";
                script src="/static/app.js" defer {}
            }
            body {
                @if nav != Nav::Outside {
                    header {
                        a href="/" { "ส่งไฟล์" }
                        @if nav == Nav::Coordinator { " · " a href="/status" { "ภาพรวม" } }
                        " · " a href="/logout" { "ออกจากระบบ · log out" }
                    }
                }
                main { h1 { (title) } (body) }
            }
        }
    }
}

/// ส่งไฟล์: pick the division, choose (or drop) the file, send; or first download the
/// division's form (listing its projects of the previous round when `previous_round`).
/// The upload page. `divisions` are report.toml's (a list to pick from); without them, `known`
/// (the previous round's, those that have sent) are offered as the name is typed.
pub fn upload_form(
    nav: Nav,
    csrf: &str,
    divisions: &[String],
    known: &[String],
    previous_round: bool,
) -> Markup {
    layout(
        "ส่งไฟล์แผนปฏิบัติการของกอง",
        nav,
        html! {
            p { "เลือกกอง แล้วเลือกไฟล์ Excel (.xlsx .xls .ods) ที่กรอกแล้ว กดส่ง ระบบจะตรวจให้ทันทีว่าถูกต้องหรือไม่ · Choose your division and the workbook, then send: it is checked at once." }
            form id="upload" method="post" action="/upload" enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(csrf);
                (division_field("division", divisions, known))
                label for="file" { "ไฟล์ · workbook" }
                div id="drop" class="drop" {
                    input id="file" type="file" name="file" required accept=".xlsx,.xlsm,.xls,.xlsb,.ods";
                    span class="hint" { "หรือลากไฟล์มาวางที่นี่ · or drop it here" }
                }
                progress id="progress" max="100" value="0" hidden {}
                button type="submit" { "ส่งไฟล์ · Send" }
            }
            h2 { "ยังไม่มีไฟล์? ดาวน์โหลดแบบฟอร์มของกอง · no workbook yet? your division's form" }
            p {
                @if previous_round {
                    "แบบฟอร์มมีรายการโครงการของกองจากรอบก่อนไว้ให้แล้ว แก้สถานะและเบิกจ่าย แล้วส่งกลับที่นี่ · \
                     it lists your projects of the previous round: update status and disbursed, then send it here."
                } @else {
                    "กรอกโครงการลงแบบฟอร์ม แล้วส่งกลับที่นี่ · fill in your projects, then send it here."
                }
            }
            form id="form-download" method="get" action="/template" {
                (division_field("form-division", divisions, known))
                button type="submit" class="secondary" { "ดาวน์โหลดแบบฟอร์ม · Download the form" }
            }
        },
    )
}

/// The division's label and field `id`: a list to pick from when `divisions` are configured,
/// else a name to type, the `known` names offered as it is typed.
fn division_field(id: &str, divisions: &[String], known: &[String]) -> Markup {
    let list = format!("{id}-known");
    html! {
        label for=(id) { "กอง / สำนัก · division" }
        @if divisions.is_empty() {
            input id=(id) name="division" required maxlength="60" autocomplete="organization" list=(list);
            datalist id=(list) { @for d in known { option value=(d) {} } }
        } @else {
            select id=(id) name="division" required {
                option value="" selected { "— เลือกกอง · choose —" }
                @for d in divisions { option value=(d) { (d) } }
            }
        }
    }
}

/// The months as staff shorten them (a table cell on a phone has no room for the whole name).
const THAI_MONTHS_SHORT: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

/// `2026-11-29 20:56` (the office clock) as staff write it: `29 พ.ย. 2569 20:56 น.`; the text as
/// it is when it is not such a time.
fn as_thai_staff_write(when: &str) -> String {
    let part = |range: std::ops::Range<usize>| when.get(range).and_then(|t| t.parse::<u32>().ok());
    let month = part(5..7).and_then(|m| THAI_MONTHS_SHORT.get((m as usize).checked_sub(1)?));
    match (part(0..4), month, part(8..10), when.get(11..16)) {
        (Some(year), Some(month), Some(day), Some(clock)) => {
            format!("{day} {month} {} {clock} น.", year + 543)
        }
        _ => when.to_string(),
    }
}

/// The severity in words, beside its colour.
fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ผิด",
        Severity::Warning => "คำเตือน",
        Severity::Note => "หมายเหตุ",
    }
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The report's dimension table, and the organization's implementation figure and level.
pub fn figures(t: &ReportTotals) -> Markup {
    html! {
        (dimension_table(t))
        p { "ผลการนำแผนฯ ไปปฏิบัติ ร้อยละ " (t.status.implementation_pct) " ระดับ " (t.status.level) }
    }
}

/// The dimension table: projects, completed, money and percentage per มิติ, and their รวม.
fn dimension_table(t: &ReportTotals) -> Markup {
    html! {
        table class="figures" {
            thead { tr { th { "มิติ" } th { "โครงการ" } th { "แล้วเสร็จ" } th { "งบตามข้อบัญญัติ" } th { "เบิกจ่าย" } th { "ร้อยละแล้วเสร็จ" } } }
            tbody {
                @for d in &t.dimensions {
                    tr {
                        td { (d.dimension.map(|x| x.number()).unwrap_or_default()) }
                        td { (d.projects) } td { (d.completed) }
                        td { (baht(d.budget_ordinance)) } td { (baht(d.disbursed)) } td { (d.pct_projects) }
                    }
                }
                tr class="total" {
                    td { "รวม" } td { (t.total.projects) } td { (t.total.completed) }
                    td { (baht(t.total.budget_ordinance)) } td { (baht(t.total.disbursed)) } td { (t.total.pct_projects) }
                }
            }
        }
    }
}

/// One row of the status page.
pub struct DivisionRow<'a> {
    /// The division.
    pub name: &'a str,
    /// When its current file arrived (UTC, `YYYY-MM-DD HH:MM`), if it did.
    pub when: Option<String>,
    /// Rows read, errors, warnings, projects counted, completed.
    pub rows: usize,
    /// Errors in its file.
    pub errors: usize,
    /// Warnings in its file.
    pub warnings: usize,
    /// Projects counted.
    pub counted: usize,
    /// Its issues (to list under the table).
    pub issues: Vec<&'a crate::issue::Issue>,
    /// Its files lying in the round folder itself (not sent through the drop box), by name.
    pub in_folder: Vec<String>,
}

/// ภาพรวม: who has sent what, the whole report as it stands (`totals`, and its errors), the
/// summary button; the round folder's own workbooks named as counted, and planmerge's own
/// `summaries` and `unfilled` forms there as not.
pub fn status(
    csrf: &str,
    rows: &[DivisionRow<'_>],
    (totals, errors): (&ReportTotals, usize),
    since_previous: Option<&str>,
    (summaries, unfilled): (&[std::path::PathBuf], &[std::path::PathBuf]),
) -> Markup {
    layout(
        "ภาพรวมการส่งไฟล์",
        Nav::Coordinator,
        html! {
            table class="divisions" {
                thead { tr { th { "กอง" } th { "ส่งแล้ว" } th { "เมื่อ (เวลาไทย)" } th { "แถว" } th { "ผิด" } th { "เตือน" } th { "โครงการ" } } }
                tbody {
                    @for r in rows {
                        tr class=(if r.when.is_none() { "missing" } else if r.errors > 0 { "error" } else { "ok" }) {
                            // data-label: on a phone each row is a card, its cells labelled.
                            td {
                                (r.name)
                                @if !r.in_folder.is_empty() {
                                    br; span class="fix" { "ไฟล์ในโฟลเดอร์รอบ · in the round folder: " (r.in_folder.join(", ")) }
                                }
                            }
                            td data-label="ส่งแล้ว" { @if r.when.is_some() { "✓" } @else { "ยังไม่ส่ง" } }
                            // Not sent: nothing read, so dashes rather than zeros.
                            @let sent = r.when.is_some();
                            td data-label="เมื่อ (เวลาไทย)" { (r.when.as_deref().map_or_else(|| "—".to_string(), as_thai_staff_write)) }
                            td data-label="แถว" { (or_dash(sent, r.rows)) }
                            td data-label="ผิด" { (or_dash(sent, r.errors)) }
                            td data-label="เตือน" { (or_dash(sent, r.warnings)) }
                            td data-label="โครงการ" { (or_dash(sent, r.counted)) }
                        }
                    }
                }
            }
            @let folder: Vec<&str> = rows.iter().flat_map(|r| r.in_folder.iter().map(String::as_str)).collect();
            @if !folder.is_empty() {
                p {
                    "นับไฟล์ที่อยู่ในโฟลเดอร์รอบเองด้วย (ไม่ได้ส่งทางหน้านี้ นับเหมือน planmerge merge): " (folder.join(", "))
                    " · also counted, as merge counts them: files in the round folder itself"
                }
            }
            @if !summaries.is_empty() {
                p {
                    "ไม่นับ (ไฟล์สรุปที่ planmerge สร้าง): " (super::round::names(summaries))
                    " · not counted: summaries written by planmerge"
                }
            }
            @if !unfilled.is_empty() {
                p {
                    (super::round::UNFILLED_THAI) ": " (super::round::names(unfilled))
                    " · " (super::round::UNFILLED_ENGLISH)
                }
            }
            h2 { "ตัวเลขของรายงานตอนนี้ · the report as it stands" }
            @let missing = rows.iter().filter(|r| r.when.is_none()).count();
            @if missing > 0 {
                p class="warn" {
                    "ยังส่งไม่ครบ ขาดอีก " (missing) " กอง ตัวเลขด้านล่างจึงยังไม่ใช่ของทั้งหน่วยงาน · "
                    (missing) " division(s) have not sent yet: the figures below are not the whole report"
                }
            }
            (figures(totals))
            @if let Some(line) = since_previous { p { (line) } }
            form method="post" action="/summary" {
                input type="hidden" name="csrf" value=(csrf);
                @if errors > 0 {
                    p class="bad" { "ยังมีข้อผิดพลาด " (errors) " รายการ: ไฟล์สรุปจะเป็นร่าง · " (errors) " error(s): the summary will be a DRAFT" }
                    button type="submit" { "ดาวน์โหลดไฟล์สรุป (ร่าง) · download the draft summary" }
                } @else {
                    button type="submit" { "ดาวน์โหลดไฟล์สรุป · download summary.xlsx" }
                }
            }
            @for r in rows.iter().filter(|r| !r.issues.is_empty()) {
                details {
                    summary { (r.name) ": " (r.issues.len()) " รายการ" }
                    ul class="issues" {
                        @for issue in &r.issues {
                            li class=(severity_class(issue.severity())) { strong { (issue.place()) } br; (issue.message()) }
                        }
                    }
                }
            }
        },
    )
}

/// A count of a division's file, or `—` when it has sent none.
fn or_dash(sent: bool, count: usize) -> String {
    match sent {
        true => count.to_string(),
        false => "—".to_string(),
    }
}

/// Asks for the access code.
pub fn login(error: Option<&str>) -> Markup {
    layout(
        "ใส่รหัสเข้าใช้",
        Nav::Outside,
        html! {
            @if let Some(e) = error { p class="bad" { (e) } }
            form method="post" action="/login" {
                label for="code" { "รหัสเข้าใช้ (จากผู้ประสานงาน) · access code" }
                input id="code" name="code" required autocomplete="off" autocapitalize="characters" maxlength="64";
                button type="submit" { "เข้าใช้ · Enter" }
            }
        },
    )
}

/// A refusal or failure, in words (never a stack trace), under the header of staff's pages
/// (ส่งไฟล์, ออกจากระบบ): a refusal does not know who asked, and log out is on every page.
pub fn error(message: &str) -> Markup {
    layout(
        "ทำรายการไม่ได้",
        Nav::Staff,
        html! { p class="bad" { (message) } p { a href="/" { "กลับไปหน้าส่งไฟล์ · back" } } },
    )
}

/// Percent-encodes a path segment.
pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The stylesheet (served as a file: the Content-Security-Policy allows no inline style).
pub const STYLE: &str = "body{font-family:'TH Sarabun New','Sarabun','Loma',sans-serif;font-size:18px;margin:0;color:#222}\
header{background:#1f4e79;padding:.6em 1em}header a{color:#fff;text-decoration:none;font-weight:bold}\
main{max-width:960px;margin:0 auto;padding:1em}h1{font-size:1.5em}\
main p,main li,h1,summary{overflow-wrap:anywhere}\
label{display:block;margin:.8em 0 .2em;font-weight:bold}input,select,button{font-size:1em;padding:.4em;max-width:100%}\
button{background:#1f4e79;color:#fff;border:0;border-radius:4px;padding:.5em 1.2em;margin-top:1em;cursor:pointer}\
button.secondary{display:block;background:#fff;color:#1f4e79;border:2px solid #1f4e79}h2{font-size:1.2em;margin-top:2em}\
.drop{border:2px dashed #8aa;padding:1em;border-radius:6px}.drop.over{background:#eef6ff}.hint{display:block;color:#666}\
.ok{color:#1b5e20;font-weight:bold}.bad{color:#b71c1c;font-weight:bold}.warn{color:#8a5300;font-weight:bold}\
.issues li{margin:.5em 0}.issues .error{border-left:4px solid #b71c1c;padding-left:.5em}\
.issues .warning{border-left:4px solid #f9a825;padding-left:.5em}.issues .note{border-left:4px solid #90a4ae;padding-left:.5em}\
.fix{color:#444}table{border-collapse:collapse;width:100%;margin:1em 0;overflow-x:auto;display:block}\
th,td{border:1px solid #ccc;padding:.3em .5em;text-align:right}th{background:#deeaf6}th:first-child,td:first-child{text-align:left}\
tr.total td{font-weight:bold}tr.missing td{color:#999}tr.error td{background:#fdecea}progress{width:100%}\
@media (max-width:600px){table.figures{font-size:13px}table.figures th,table.figures td{padding:.25em .3em}\
table.divisions thead{display:none}\
table.divisions,table.divisions tbody{display:block}\
table.divisions tr{display:grid;grid-template-columns:1fr 1fr;border:1px solid #ccc;border-radius:4px;margin:0 0 .8em}\
table.divisions td{display:flex;justify-content:space-between;gap:.5em;border:0;border-top:1px solid #eee}\
table.divisions td::before{content:attr(data-label);font-weight:bold;color:#444}\
table.divisions td:first-child{display:block;grid-column:1/3;border-top:0;background:#deeaf6;font-weight:bold}\
table.divisions td:nth-child(2),table.divisions td:nth-child(3){grid-column:1/3}}";

/// Drag-and-drop and a progress bar; the form works without it.
pub const SCRIPT: &str = r#"document.addEventListener('DOMContentLoaded',function(){
var form=document.getElementById('upload');if(!form)return;
var drop=document.getElementById('drop'),file=document.getElementById('file'),bar=document.getElementById('progress');
['dragenter','dragover'].forEach(function(e){drop.addEventListener(e,function(ev){ev.preventDefault();drop.classList.add('over');});});
['dragleave','drop'].forEach(function(e){drop.addEventListener(e,function(ev){ev.preventDefault();drop.classList.remove('over');});});
drop.addEventListener('drop',function(ev){if(ev.dataTransfer.files.length){file.files=ev.dataTransfer.files;}});
form.addEventListener('submit',function(ev){if(!window.XMLHttpRequest||!window.FormData)return;ev.preventDefault();
var xhr=new XMLHttpRequest();xhr.open('POST',form.action);bar.hidden=false;
xhr.upload.onprogress=function(p){if(p.lengthComputable){bar.value=Math.round(100*p.loaded/p.total);}};
var failed=function(why){bar.hidden=true;var p=document.getElementById('failed');if(!p){p=document.createElement('p');p.id='failed';p.className='bad';form.appendChild(p);}p.textContent=why;};
xhr.onload=function(){if(!xhr.responseText){failed('ส่งไม่สำเร็จ (รหัส '+xhr.status+') — ลองส่งใหม่อีกครั้ง · the upload failed, send again');return;}document.open();document.write(xhr.responseText);document.close();};
xhr.onerror=function(){failed('ส่งไม่สำเร็จ: การเชื่อมต่อขาด — ตรวจเครือข่ายแล้วส่งใหม่ · the connection was lost, send again');};
xhr.ontimeout=xhr.onerror;
xhr.send(new FormData(form));});});"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_a_file_came_is_written_as_staff_write_it() {
        assert_eq!(
            as_thai_staff_write("2026-11-29 20:56"),
            "29 พ.ย. 2569 20:56 น."
        );
        assert_eq!(as_thai_staff_write("ยังไม่ส่ง"), "ยังไม่ส่ง");
    }
}
