//! A mistake on the command line, said in Thai before clap's own English words: the command or
//! option not known (and the one probably meant), a value not accepted, what is missing, and
//! where the help is. `--help` and `--version` are not mistakes and get no line.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The Thai line for a command-line mistake clap found; `None` for `--help` and `--version`.
pub fn thai_line(error: &clap::Error) -> Option<String> {
    let got = |kind| context_text(error, kind);
    let meant = |kind| {
        context_text(error, kind)
            .map(|s| format!(" — หมายถึง {s} หรือไม่"))
            .unwrap_or_default()
    };
    let what = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidSubcommand => format!(
            "ไม่รู้จักคำสั่ง {}{}",
            got(ContextKind::InvalidSubcommand).unwrap_or_default(),
            meant(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::UnknownArgument => format!(
            "ไม่รู้จักตัวเลือก {}{}",
            got(ContextKind::InvalidArg).unwrap_or_default(),
            meant(ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidValue if got(ContextKind::InvalidValue).as_deref() == Some("''") => {
            format!(
                "ต้องใส่ค่าต่อท้าย {}",
                got(ContextKind::InvalidArg).unwrap_or_else(|| "ตัวเลือกนี้".into())
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut text = format!(
                "ค่า {} ของ {} ใช้ไม่ได้",
                got(ContextKind::InvalidValue).unwrap_or_else(|| "ที่ใส่".into()),
                got(ContextKind::InvalidArg).unwrap_or_else(|| "ตัวเลือกนี้".into())
            );
            if let Some(valid) = got(ContextKind::ValidValue) {
                text.push_str(&format!(" (ใช้ได้: {valid})"));
            }
            text
        }
        ErrorKind::MissingRequiredArgument => format!(
            "ยังขาด {}",
            got(ContextKind::InvalidArg).unwrap_or_else(|| "ค่าที่ต้องใส่".into())
        ),
        ErrorKind::MissingSubcommand => "ต้องบอกคำสั่ง เช่น planmerge merge โฟลเดอร์ของรอบ".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "ใช้ {} กับ {} พร้อมกันไม่ได้",
            got(ContextKind::InvalidArg).unwrap_or_else(|| "ตัวเลือกนี้".into()),
            got(ContextKind::PriorArg).unwrap_or_else(|| "ตัวเลือกก่อนหน้า".into())
        ),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!(
                "จำนวนค่าของ {} ไม่ถูกต้อง",
                got(ContextKind::InvalidArg).unwrap_or_else(|| "ตัวเลือกนี้".into())
            )
        }
        _ => "พิมพ์คำสั่งไม่ถูกต้อง".to_string(),
    };
    Some(format!(
        "คำสั่งไม่ถูกต้อง: {what} · ดูวิธีใช้ด้วย planmerge --help (คำอธิบายภาษาอังกฤษอยู่ด้านล่าง)"
    ))
}

/// What clap knows under `kind`, quoted as typed (`'mrege'`), several joined by commas.
fn context_text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    let quote = |s: &str| format!("'{s}'");
    match error.get(kind)? {
        ContextValue::String(s) => Some(quote(s)),
        ContextValue::Strings(list) if !list.is_empty() => {
            Some(list.iter().map(|s| quote(s)).collect::<Vec<_>>().join(", "))
        }
        ContextValue::StyledStr(s) => Some(quote(&s.to_string())),
        ContextValue::StyledStrs(list) if !list.is_empty() => Some(
            list.iter()
                .map(|s| quote(&s.to_string()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn line(args: &[&str]) -> Option<String> {
        let error = Cli::try_parse_from(args).expect_err("a mistake");
        thai_line(&error)
    }

    #[test]
    fn mistakes_are_said_in_thai_with_what_was_meant() {
        let typo = line(&["planmerge", "mrege", "samples"]).unwrap_or_default();
        assert!(
            typo.contains("ไม่รู้จักคำสั่ง 'mrege' — หมายถึง 'merge' หรือไม่"),
            "{typo}"
        );
        let option = line(&["planmerge", "merge", "--jsno", "x"]).unwrap_or_default();
        assert!(
            option.contains("ไม่รู้จักตัวเลือก '--jsno' — หมายถึง '--json' หรือไม่"),
            "{option}"
        );
        let empty = line(&["planmerge", "template", "--from"]).unwrap_or_default();
        assert!(empty.contains("ต้องใส่ค่าต่อท้าย '--from <PATH>'"), "{empty}");
        let missing = line(&["planmerge", "merge"]).unwrap_or_default();
        assert!(missing.contains("ยังขาด"), "{missing}");
        assert_eq!(line(&["planmerge", "--help"]), None);
        assert_eq!(line(&["planmerge", "--version"]), None);
    }
}
