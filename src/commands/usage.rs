//! A mistake on the command line, said in Thai before clap's own English words: the command or
//! option not known (and the one probably meant), a value not accepted, what is missing, and
//! where the help is. `--help` and `--version` are not mistakes and get no line.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The Thai line for a command-line mistake clap found, as the terminal shows it above clap's
/// English; `None` for `--help` and `--version`.
pub fn thai_line(error: &clap::Error) -> Option<String> {
    thai_mistake(error)
        .map(|mistake| format!("{mistake} · ดูวิธีใช้ด้วย planmerge --help (คำอธิบายภาษาอังกฤษอยู่ด้านล่าง)"))
}

/// The mistake in one line, Thai then English, for `--json`'s failure document; `None` for
/// `--help` and `--version`.
pub fn mistake_line(error: &clap::Error) -> Option<String> {
    let thai = thai_mistake(error)?;
    let rendered = error.render().to_string();
    // clap's first paragraph: `error: …`, and for missing arguments the lines naming them.
    let english: Vec<&str> = (rendered.lines())
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let english = english.join(" ");
    let english = english.strip_prefix("error: ").unwrap_or(&english);
    Some(format!("{thai} · {english}"))
}

/// `คำสั่งไม่ถูกต้อง: …`, what is wrong; `None` for `--help` and `--version`.
fn thai_mistake(error: &clap::Error) -> Option<String> {
    let got = |kind| context_text(error, kind);
    // The option the mistake is about, as clap names it.
    let arg = || got(ContextKind::InvalidArg).unwrap_or_else(|| "ตัวเลือกนี้".into());
    let meant = |kind| {
        context_text(error, kind)
            .map(|s| format!(" — หมายถึง {s} หรือไม่"))
            .unwrap_or_default()
    };
    let what = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return None,
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            "ยังไม่ได้บอกว่าจะให้ทำอะไร เช่น planmerge merge โฟลเดอร์ของรอบ".to_string()
        }
        ErrorKind::InvalidSubcommand => format!(
            "ไม่รู้จักคำสั่ง {}{}",
            got(ContextKind::InvalidSubcommand).unwrap_or_default(),
            meant(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::UnknownArgument => {
            let typed = got(ContextKind::InvalidArg).unwrap_or_default();
            if typed.starts_with("'-") {
                format!("ไม่รู้จักตัวเลือก {typed}{}", meant(ContextKind::SuggestedArg))
            } else {
                format!(
                    "มีคำเกินมา {typed} — ถ้าชื่อโฟลเดอร์หรือไฟล์มีเว้นวรรค ให้ใส่ชื่อในเครื่องหมายคำพูด เช่น \"รอบ 6\""
                )
            }
        }
        ErrorKind::InvalidValue if got(ContextKind::InvalidValue).as_deref() == Some("''") => {
            format!("ต้องใส่ค่าต่อท้าย {}", arg())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut text = format!(
                "ค่า {} ของ {} ใช้ไม่ได้",
                got(ContextKind::InvalidValue).unwrap_or_else(|| "ที่ใส่".into()),
                arg()
            );
            if let Some(valid) = got(ContextKind::ValidValue) {
                text.push_str(&format!(" (ใช้ได้: {valid})"));
            }
            // Our own parsers say why, Thai first: that half goes on the Thai line.
            let why = std::error::Error::source(error).map(|why| why.to_string());
            if let Some((thai, _)) = why.as_deref().and_then(|why| why.split_once(" · ")) {
                text.push_str(&format!(": {thai}"));
            }
            text
        }
        ErrorKind::MissingRequiredArgument => format!(
            "ยังขาด {}",
            got(ContextKind::InvalidArg).unwrap_or_else(|| "ค่าที่ต้องใส่".into())
        ),
        ErrorKind::ArgumentConflict => {
            let arg = arg();
            match got(ContextKind::PriorArg) {
                Some(prior) if prior != arg => format!("ใช้ {arg} กับ {prior} พร้อมกันไม่ได้"),
                _ => format!("ใส่ {arg} ได้ครั้งเดียว"),
            }
        }
        ErrorKind::TooManyValues => format!(
            "ไม่ต้องใส่ค่าต่อท้าย {}{}",
            arg(),
            got(ContextKind::InvalidValue)
                .map(|v| format!(" (พบ {v})"))
                .unwrap_or_default()
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("จำนวนค่าของ {} ไม่ถูกต้อง", arg())
        }
        _ => "พิมพ์คำสั่งไม่ถูกต้อง".to_string(),
    };
    Some(format!("คำสั่งไม่ถูกต้อง: {what}"))
}

/// A value's name in words, before its placeholder: `INPUT` → `ไฟล์หรือโฟลเดอร์ของกอง (INPUT)`;
/// an option or a word typed, quoted as typed.
fn named(name: &str) -> String {
    let words = match name {
        "INPUT" => "ไฟล์หรือโฟลเดอร์ของกอง",
        "FOLDER" => "โฟลเดอร์ของรอบ",
        "SUMMARY" => "ไฟล์สรุป",
        _ => return format!("'{name}'"),
    };
    format!("{words} ({name})")
}

/// What clap knows under `kind`, quoted as typed (`'mrege'`), several joined by commas; clap's
/// own notation made plain: `<--mail|--mail-draft>` → `'--mail' หรือ '--mail-draft'`,
/// `<INPUT>...` → `'INPUT'`.
fn context_text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    let quote = |s: &str| {
        let bare = s.trim_end_matches("...");
        let bare = bare
            .strip_prefix('<')
            .and_then(|b| b.strip_suffix('>'))
            .unwrap_or(s);
        let names: Vec<String> = bare.split('|').map(named).collect();
        names.join(" หรือ ")
    };
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
        assert!(
            missing.contains("ยังขาด ไฟล์หรือโฟลเดอร์ของกอง (INPUT)"),
            "{missing}"
        );
        let either = line(&["planmerge", "merge", "x", "--resend"]).unwrap_or_default();
        assert!(
            either.contains("ยังขาด '--mail' หรือ '--mail-draft'"),
            "{either}"
        );
        let twice = line(&["planmerge", "merge", "x", "--json", "--json"]).unwrap_or_default();
        assert!(twice.contains("ใส่ '--json' ได้ครั้งเดียว"), "{twice}");
        let flag = line(&["planmerge", "merge", "x", "--json=false"]).unwrap_or_default();
        assert!(
            flag.contains("ไม่ต้องใส่ค่าต่อท้าย '--json' (พบ 'false')"),
            "{flag}"
        );
        let spaced = line(&["planmerge", "serve", "รอบ", "6"]).unwrap_or_default();
        assert!(spaced.contains("มีคำเกินมา '6'"), "{spaced}");
        let nothing = line(&["planmerge"]).unwrap_or_default();
        assert!(nothing.contains("ยังไม่ได้บอกว่าจะให้ทำอะไร"), "{nothing}");
        assert_eq!(line(&["planmerge", "--help"]), None);
        assert_eq!(line(&["planmerge", "--version"]), None);
    }
}
