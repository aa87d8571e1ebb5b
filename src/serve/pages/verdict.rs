//! The answer to an upload: the verdict (kept or not, and why), what it replaced, every issue as
//! `check` shows it, and the division's own figures.

use super::*;
use crate::serve::Accepted;
use crate::serve::replaced::Replaced;

/// The answer to an upload: the verdict, every issue as `check` shows it, the figures.
pub fn result(nav: Nav, accepted: &Accepted, totals: Option<&ReportTotals>) -> Markup {
    let (division, checked, kept) = (&accepted.division, &accepted.checked, accepted.kept);
    html! {
        (layout(&format!("ผลการตรวจไฟล์ของ{division}"), nav, html! {
            (headline(accepted))
            @if kept && checked.shared > 0 && checked.projects.is_empty() {
                p class="warn" {
                    "โครงการทุกโครงการในไฟล์นี้อยู่ในไฟล์ที่ส่งในนาม" (checked.shared_with.join(", ")) "ไว้ก่อนแล้ว จึงยังไม่นับ — ไฟล์นั้นอาจเป็นไฟล์ของ"
                    (division) "ที่ส่งผิดกอง แจ้งผู้ประสานงาน · every project here is in the file sent before as "
                    (checked.shared_with.join(", ")) "'s, so none is counted yet: that file may be this division's, sent under the wrong division; tell the coordinator"
                }
            }
            @if let Some(other) = &accepted.similar {
                p class="warn" {
                    "มีกองชื่อคล้ายกัน \"" (other) "\" — รับไฟล์นี้เป็นของ \"" (division) "\" ซึ่งนับเป็นอีกกองหนึ่ง ถ้าที่จริงเป็นกองเดียวกัน แจ้งผู้ประสานงาน · "
                    "a division named alike, \"" (other) "\", is known: this file is kept as \"" (division) "\"'s, a division of its own; if they are one division, tell the coordinator"
                }
            }
            @if kept {
                p { "ได้รับไฟล์ " strong { (checked.input.file) } " ของ" (division) " เมื่อ " (received_now()) " · received" }
            }
            @if let Some(before) = &accepted.replaced { (replaced(before, kept)) }
            // Counted is what the report counts: nothing of a file not kept, and not the
            // projects another division sent first.
            p {
                "อ่าน " (checked.input.rows) " แถว · นับเป็นโครงการ " (if kept { checked.input.counted } else { 0 }) " โครงการ"
                @if checked.shared > 0 {
                    " (ซ้ำกับที่" (checked.shared_with.join(", ")) "ส่งไว้แล้ว " (checked.shared) " โครงการ ไม่นับ)"
                }
                " · read " (checked.input.rows) " row(s), " (if kept { checked.input.counted } else { 0 }) " project(s) counted"
                @if checked.shared > 0 { ", " (checked.shared) " already another division's, not counted" }
            }
            @if !checked.issues.is_empty() {
                h2 { "สิ่งที่พบ · what was found" }
                ul class="issues" {
                    @for issue in by_severity(&checked.issues) {
                        li class=(severity_class(issue.severity())) {
                            strong { (severity_word(issue.severity())) " · " (issue.place()) } br;
                            (issue.message()) br;
                            span class="fix" { "แก้ไข · fix: " (issue.fix()) }
                        }
                    }
                }
                @for omitted in &checked.input.omitted {
                    p class="fix" {
                        "และอีก " (omitted.count) " รายการแบบเดียวกัน (" (omitted.code) ") ที่ไม่ได้แสดง — แก้รายการข้างบนแล้วส่งใหม่จะเห็นที่เหลือ · and "
                        (omitted.count) " more of the same kind, not shown"
                    }
                }
            }
            @if let Some(t) = totals { (division_figures(t)) }
            // Another division's projects are in the form (they are not wrong, only theirs).
            // A file not kept prefills nothing: no link to a form "filled from it".
            @let left_out = checked.input.rows.saturating_sub(checked.input.counted + checked.shared);
            @if kept { p {
                a href={ "/template/" (urlencode(division)) } { "ดาวน์โหลดแบบฟอร์มของกอง (กรอกรายการไว้ให้แล้ว) · download your form, prefilled" }
                @if left_out > 0 {
                    br;
                    span class="fix" {
                        "แถวที่ผิด " (left_out) " แถวไม่ได้ใส่ไว้ในแบบฟอร์ม ต้องกรอกใหม่ · the "
                        (left_out) " row(s) with errors are not in the form: fill them in again"
                    }
                }
            } }
            p { a href="/" { "ส่งไฟล์อื่น · send another" } }
        }))
    }
}

/// The first line: kept or not and why, or the errors; a file without projects of the one it
/// replaced is received with a warning, not "✓ ใช้ได้".
fn headline(accepted: &Accepted) -> Markup {
    let (division, checked, kept) = (&accepted.division, &accepted.checked, accepted.kept);
    let (errors, lost) = (
        checked.errors,
        accepted.replaced.as_ref().filter(|r| r.lost()),
    );
    let warnings = checked
        .issues
        .iter()
        .filter(|i| i.severity() == Severity::Warning)
        .count();
    html! {
    @if !kept && checked.shared > 0 {
            p class="bad" {
                "✗ ไม่ได้รับไฟล์นี้: โครงการทั้ง " (checked.shared) " โครงการเป็นของ" (checked.shared_with.join(", "))
                " ซึ่งส่งไว้แล้ว — เลือกกองผิดหรือเลือกไฟล์ผิดหรือไม่? ไฟล์ที่" (division) "ส่งไว้ก่อน (ถ้ามี) ยังใช้อยู่ · "
                "not received: all " (checked.shared) " of its projects are in the file " (checked.shared_with.join(", "))
                " sent already (the wrong division or file chosen?); the file sent before (if any) still counts"
            }
        } @else if !kept {
            p class="bad" {
                "✗ ไม่ได้รับไฟล์นี้: ไม่พบโครงการที่นับได้ — ไฟล์ที่กองส่งไว้ก่อน (ถ้ามี) ยังใช้อยู่ กรอกรายการโครงการหรือแก้ตามข้างล่าง แล้วส่งใหม่ · "
                "not received: no project could be counted in it; the file sent before (if any) still counts"
            }
        } @else if errors == 0 && let Some(r) = lost {
            p class="warn" {
                "⚠ ได้รับไฟล์แล้ว แต่ไม่มีโครงการ " (r.gone) " โครงการที่อยู่ในไฟล์ที่ส่งเมื่อ " (r.sent)
                " — ถ้าไม่ได้ตั้งใจ ส่งไฟล์ฉบับเต็มใหม่ · received, but " (r.gone) " project(s) of the file sent at "
                (r.sent) " are not in this one: if not meant, send the full file again"
            }
        } @else if errors == 0 {
            p class="ok" { "✓ ใช้ได้ ได้รับไฟล์แล้ว · OK, received" @if warnings > 0 { " — คำเตือน " (warnings) " รายการ" } }
        } @else {
            p class="bad" { "✗ ผิด " (errors) " รายการ — แก้แล้วส่งใหม่ · " (errors) " error(s): fix and send again" }
        }
    }
}

/// The file sent before: what this one changes from it (kept), or that it still counts.
fn replaced(before: &Replaced, kept: bool) -> Markup {
    let (projects, completed) = (before.projects, before.completed);
    html! {
        @if kept {
            p class=(if before.lost() { "warn" } else { "" }) {
                "แทนที่ไฟล์ที่ส่งเมื่อ " (before.sent) ": โครงการ " (projects.0) " → " (projects.1)
                " · แล้วเสร็จ " (completed.0) " → " (completed.1) " · replaces the file sent at " (before.sent)
                ": projects " (projects.0) " → " (projects.1) ", completed " (completed.0) " → " (completed.1)
            }
            @if before.gone > 0 {
                p class="fix" {
                    "ไม่มีในไฟล์นี้ · not in this file: " (before.gone_named.join(", "))
                    @let more = before.gone - before.gone_named.len();
                    @if more > 0 { " และอีก " (more) " โครงการ · and " (more) " more" }
                }
            }
        } @else {
            p {
                "ไฟล์ที่ส่งเมื่อ " (before.sent) " (" (projects.0) " โครงการ) ยังใช้อยู่ · the file sent at "
                (before.sent) " (" (projects.0) " projects) still counts"
            }
        }
    }
}

/// Now, as the office clock reads it: `29 พฤศจิกายน 2569 เวลา 20:56 น.`.
fn received_now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    crate::schema::time::thai_moment(&crate::schema::time::utc_time(seconds))
}

/// Errors first, then warnings, then notes (each in the order found).
fn by_severity(issues: &[crate::issue::Issue]) -> Vec<&crate::issue::Issue> {
    let mut sorted: Vec<_> = issues.iter().collect();
    sorted.sort_by_key(|i| i.severity());
    sorted
}

/// One division's file: its dimension table and its own score, as the รายกอง sheet gives it
/// ((completed + 0.5 × in progress) / its projects × 100). The organization's implementation
/// figure divides by every division's initial projects, so one file alone would understate it.
fn division_figures(t: &ReportTotals) -> Markup {
    html! {
        (dimension_table(t))
        @if let [own] = t.divisions.as_slice() {
            p {
                "คะแนนของกอง ร้อยละ " (own.score)
                " (แล้วเสร็จ " (own.completed) " + ครึ่งหนึ่งของอยู่ระหว่างดำเนินการ " (own.in_progress)
                " จาก " (own.projects) " โครงการ) · the division's score, as on the รายกอง sheet"
            }
        }
    }
}
