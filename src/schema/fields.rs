//! The fields of a project table and the words that name them: which header cell means which
//! field, and which words mean which status. The reader uses them to find a table, the template
//! writes them, and configuration may add words (the words themselves live here only).

use super::text::normalized;
use crate::model::Status;

/// What a column of a project table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// ลำดับ
    Number,
    /// รายการโครงการ / ชื่อโครงการ
    Name,
    /// มิติ
    Dimension,
    /// งบประมาณ (ตามแผน)
    BudgetPlan,
    /// งบประมาณตามข้อบัญญัติ/เทศบัญญัติ
    BudgetOrdinance,
    /// เบิกจ่าย
    Disbursed,
    /// บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนดำเนินงาน
    InOrdinance,
    /// สถานะ as one column of words
    StatusWords,
    /// One of the four status tick columns
    StatusTick(Status),
    /// หมายเหตุ
    Remark,
}

impl Field {
    /// The field's name in Thai, as a message names a missing column.
    pub fn thai(self) -> &'static str {
        match self {
            Field::Number => "ลำดับ",
            Field::Name => "รายการโครงการ",
            Field::Dimension => "มิติ",
            Field::BudgetPlan => "งบประมาณ",
            Field::BudgetOrdinance => "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ",
            Field::Disbursed => "เบิกจ่าย",
            Field::InOrdinance => "บรรจุในข้อบัญญัติ",
            Field::StatusWords => "สถานะ",
            Field::StatusTick(s) => s.thai(),
            Field::Remark => "หมายเหตุ",
        }
    }
}

/// The field a header cell names, compared after normalising.
pub fn header_field(text: &str) -> Option<Field> {
    let t = normalized(text);
    if t.is_empty() || t.chars().count() > 60 {
        return None;
    }
    let field = if t.starts_with("ลำดับ") {
        Field::Number
    } else if t.contains("หมายเหตุ") {
        Field::Remark
    } else if t.starts_with("บรรจุ") {
        Field::InOrdinance
    } else if t.contains("เบิกจ่าย") || t.contains("ใช้จริง") {
        Field::Disbursed
    } else if t.contains("งบประมาณ") {
        if t.contains("ข้อบัญญัติ") || t.contains("เทศบัญญัติ")
        {
            Field::BudgetOrdinance
        } else {
            Field::BudgetPlan
        }
    } else if t.starts_with("มิติ") && t.chars().count() <= 8 {
        Field::Dimension
    } else if t.starts_with("สถานะ") {
        Field::StatusWords
    } else if let Some(status) = status_word(&t).filter(|_| t.chars().count() <= 30) {
        Field::StatusTick(status)
    } else if t.contains("รายการโครงการ")
        || t.contains("ชื่อโครงการ")
        || t.starts_with("โครงการ/กิจกรรม")
        || t == "โครงการ"
    {
        Field::Name
    } else {
        return None;
    };
    Some(field)
}

/// The status a (normalised) text names, if any: the four words and their common short forms.
pub fn status_word(text: &str) -> Option<Status> {
    let t = normalized(text);
    if t.contains("ไม่สามารถ") {
        Some(Status::Cannot)
    } else if t.contains("ระหว่าง") {
        Some(Status::InProgress)
    } else if t.contains("แล้วเสร็จ") || t == "เสร็จ" || t == "เสร็จแล้ว"
    {
        Some(Status::Completed)
    } else if t.starts_with("รอ") && t.contains("รายงาน") {
        Some(Status::Waiting)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_after_normalising() {
        assert_eq!(status_word("ดำเนินการแล้วเสร็จ"), Some(Status::Completed));
        assert_eq!(status_word("ดําเนินการ\nแล้วเสร็จ"), Some(Status::Completed));
        assert_eq!(status_word("อยู่ระหว่าง ดำเนินการ"), Some(Status::InProgress));
        assert_eq!(status_word("รอ\u{00A0}รายงาน"), Some(Status::Waiting));
        assert_eq!(status_word("ไม่สามารถดำเนินการได้"), Some(Status::Cannot));
        assert_eq!(status_word("ยกเลิก"), None);
    }
}
