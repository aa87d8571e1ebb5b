use super::sheet::{MESSAGE_LIMIT, dimension_message};
use super::*;
use crate::schema::header_field;

#[test]
fn every_header_is_recognised_as_its_field() {
    for column in columns() {
        assert_eq!(
            header_field(column.header),
            Some(column.field),
            "{}",
            column.header
        );
    }
}

#[test]
fn default_dimension_names_fit_excels_message_limit() {
    for year in [2565, 2569] {
        let message = dimension_message(&default_dimension_names(year));
        assert!(message.encode_utf16().count() <= MESSAGE_LIMIT);
        assert!(message.starts_with("1 การสร้างสังคมที่ไม่ทนต่อการทุจริต\n2 "));
        assert!(
            !message.contains('…'),
            "the plan's names are not cut ({year})"
        );
    }
    let newest = default_dimension_names(2569);
    assert_eq!(
        newest[1], "การบริหารราชการด้วยความโปร่งใส",
        "the 2566-2570 plan"
    );
    assert_eq!(
        default_dimension_names(2565)[1],
        "การบริหารราชการเพื่อป้องกันการทุจริต"
    );
}

#[test]
fn long_dimension_names_are_shortened_not_refused() {
    let long = "ก".repeat(200);
    let names = [long.clone(), long.clone(), "สั้น".into(), long];
    let message = dimension_message(&names);
    assert!(message.encode_utf16().count() <= MESSAGE_LIMIT);
    assert!(message.contains("\n3 สั้น\n"));
    assert!(
        workbook(&TemplateSpec {
            dimension_names: names,
            ..TemplateSpec::new(None, None)
        })
        .is_ok()
    );
}

#[test]
fn default_file_name_carries_the_division() {
    let spec = TemplateSpec::new(None, Some("กองคลัง"));
    assert_eq!(spec.default_file_name(), "แบบฟอร์ม-กองคลัง.xlsx");
    assert_eq!(
        TemplateSpec::new(None, None).default_file_name(),
        "template.xlsx"
    );
    assert_eq!(
        crate::schema::division_of(std::path::Path::new("แบบฟอร์ม-กองคลัง.xlsx")),
        "กองคลัง"
    );
}

#[test]
fn rounds_name_their_months() {
    assert_eq!(
        round_period(2565, 6),
        "รอบ 6 เดือน (ตุลาคม 2564 – มีนาคม 2565)"
    );
    assert_eq!(
        round_period(2565, 12),
        "รอบ 12 เดือน (ตุลาคม 2564 – กันยายน 2565)"
    );
    assert_eq!(due_month(Some(2565), Some(6)), "ภายในเดือนเมษายน 2565");
    assert_eq!(due_month(Some(2565), Some(12)), "ภายในเดือนตุลาคม 2565");
}
