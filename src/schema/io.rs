//! Why the system refused a file, in Thai words a clerk can act on; the system's own words (in
//! English) follow them in every message.

use std::io::{Error, ErrorKind};

/// The reason `error` gives, in Thai: `ไม่มีโฟลเดอร์หรือไฟล์นี้`, or for a refusal the advice to
/// close the file in Excel (a summary still open there cannot be replaced on Windows).
pub fn thai_reason(error: &Error) -> &'static str {
    // ERROR_SHARING_VIOLATION: Windows' word for a file another program holds open.
    const SHARING_VIOLATION: i32 = 32;
    match error.kind() {
        ErrorKind::NotFound => "ไม่มีโฟลเดอร์หรือไฟล์นี้",
        ErrorKind::PermissionDenied => "ไม่มีสิทธิ์ หรือไฟล์เปิดอยู่ในโปรแกรมอื่น เช่น Excel: ปิดไฟล์แล้วลองใหม่",
        ErrorKind::IsADirectory => "ชื่อนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
        ErrorKind::StorageFull => "ดิสก์เต็ม",
        ErrorKind::ReadOnlyFilesystem => "ที่นี่เขียนไม่ได้ (อ่านได้อย่างเดียว)",
        ErrorKind::NotADirectory => "ชื่อหนึ่งในเส้นทางนี้เป็นไฟล์ ไม่ใช่โฟลเดอร์",
        ErrorKind::InvalidData => "ข้อมูลในไฟล์อ่านไม่ได้",
        ErrorKind::AlreadyExists => "มีไฟล์ชื่อนี้อยู่แล้ว",
        _ if cfg!(windows) && error.raw_os_error() == Some(SHARING_VIOLATION) => {
            "ไฟล์เปิดอยู่ในโปรแกรมอื่น เช่น Excel: ปิดไฟล์แล้วลองใหม่"
        }
        _ => "ระบบแจ้งข้อผิดพลาด (ดูข้อความภาษาอังกฤษท้ายบรรทัด)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_refusals_in_thai() {
        let said = |kind| thai_reason(&Error::from(kind));
        assert_eq!(said(ErrorKind::NotFound), "ไม่มีโฟลเดอร์หรือไฟล์นี้");
        assert!(said(ErrorKind::PermissionDenied).contains("Excel"));
        assert!(said(ErrorKind::Other).starts_with("ระบบแจ้งข้อผิดพลาด"));
    }
}
