//! `planmerge template`: the form a division fills in (แบบฟอร์ม), blank or listing the division's
//! projects from an earlier round (`--from`), for one division (`--division`) or, from an earlier
//! round without `--division`, for every division found there in one run.

use super::{
    CommandError, Outcome, division_files, names_a_folder, output_in, refuse_overwriting_input,
    suggested_divisions, summary_projects,
};
use crate::cli::TemplateArgs;
use crate::config::ReportConfig;
use crate::model::ProjectRow;
use crate::read;
use crate::read::ReadOptions;
use crate::schema::distinct_divisions;
use crate::schema::text::normalize;
use crate::template::{self, TemplateSpec};
use crate::write::WriteError;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs `planmerge template`.
pub(super) fn run(
    args: &TemplateArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, CommandError> {
    let config = template_config(args.config.as_deref(), args.output.as_deref())?;
    let moved_on = match (&config, &args.from) {
        (None, Some(from)) => next_round_of(from),
        _ => None,
    };
    let base = match (config, moved_on) {
        (Some(config), _) => TemplateSpec::new(Some(&config), None),
        (None, Some(next)) => {
            let (year, round) = (next.spec.fiscal_year, next.spec.round);
            let (year, round) = (year.unwrap_or_default(), round.unwrap_or_default());
            writeln!(
                stderr,
                "ใช้{} ({}) สำหรับรอบถัดไป: ปีงบประมาณ {year} รอบ {round} เดือน · \
                 {}, for the round after it: {year} {round}-month",
                next.thai,
                next.from.display(),
                next.english,
            )?;
            next.spec
        }
        (None, None) => {
            writeln!(
                stderr,
                "ไม่พบ report.toml (ในโฟลเดอร์ที่เขียนแบบฟอร์ม หรือโฟลเดอร์นี้) — เขียนแบบฟอร์มทั่วไป (ไม่มีชื่อหน่วยงาน ปีงบประมาณ และรอบ) \
                 สร้างด้วย planmerge init หรือใช้ -c เพื่อระบุไฟล์ตั้งค่า · \
                 no report.toml found (in the forms' folder or here): writing a generic template (no organization, year or round); \
                 make one with planmerge init, or pass -c FILE"
            )?;
            TemplateSpec::new(None, None)
        }
    };
    let division = args.division.as_deref().map(str::trim);
    match (&args.from, division) {
        (Some(from), None) => return every_division(args, from, &base, stdout, stderr),
        (Some(from), Some(division)) => {
            let spec = base.for_division(Some(division));
            let output = output_path(args, &spec)?;
            let round = EarlierRound::read(from, &output)?;
            refuse_existing(&[&output])?;
            round.know(division, from)?;
            round.say_errors(from, stderr)?;
            let spec = spec.with_earlier_round(&round.projects, round.round);
            say_carried(&spec, stderr)?;
            write_form(&output, spec, stdout)?;
        }
        (None, division) => {
            let spec = base.for_division(division);
            let output = output_path(args, &spec)?;
            refuse_existing(&[&output])?;
            write_form(&output, spec, stdout)?;
        }
    }
    Ok(Outcome::Clean)
}

/// `-o` as given (a folder gets the form's default name inside), else the default name here.
fn output_path(args: &TemplateArgs, spec: &TemplateSpec) -> Result<PathBuf, CommandError> {
    let default_name = spec.default_file_name();
    match &args.output {
        Some(given) => output_in(given, &default_name),
        None => Ok(PathBuf::from(default_name)),
    }
}

/// A form is never written over a file: the file there may be one a division has filled in
/// (`แบบฟอร์ม-กองคลัง.xlsx` sent back). Every path is checked before any form is written.
fn refuse_existing(outputs: &[&Path]) -> Result<(), CommandError> {
    let existing: Vec<String> = outputs
        .iter()
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if existing.is_empty() {
        Ok(())
    } else {
        Err(CommandError::FormExists(existing.join(", ")))
    }
}

/// One form per division of the earlier round, into the folder `-o` names (created if
/// missing; the current folder without `-o`).
fn every_division(
    args: &TemplateArgs,
    from: &Path,
    base: &TemplateSpec,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, CommandError> {
    let folder = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    if folder.is_file() {
        return Err(CommandError::FormsNeedAFolder(folder.display().to_string()));
    }
    std::fs::create_dir_all(&folder).map_err(|source| WriteError::Io {
        path: folder.display().to_string(),
        source,
    })?;
    let round = EarlierRound::read(from, &folder)?;
    if round.divisions.is_empty() {
        return Err(CommandError::NoWorkbooks(from.display().to_string()));
    }
    let forms: Vec<(TemplateSpec, PathBuf)> = round
        .divisions
        .iter()
        .map(|division| {
            let spec = base.for_division(Some(division));
            let output = folder.join(spec.default_file_name());
            (spec, output)
        })
        .collect();
    for (_, output) in &forms {
        refuse_overwriting_input(output, &round.files)?;
    }
    refuse_existing(&forms.iter().map(|(_, o)| o.as_path()).collect::<Vec<_>>())?;
    round.say_errors(from, stderr)?;
    for (i, (spec, output)) in forms.into_iter().enumerate() {
        let spec = spec.with_earlier_round(&round.projects, round.round);
        if i == 0 {
            say_carried(&spec, stderr)?;
        }
        write_form(&output, spec, stdout)?;
    }
    let n = round.divisions.len();
    writeln!(
        stdout,
        "เขียนแบบฟอร์มครบ {n} กองแล้ว ใน {shown} · wrote {n} forms into {shown}",
        shown = folder.display()
    )?;
    Ok(Outcome::Clean)
}

/// Says, once, that forms for another fiscal year than the earlier round's carry over only the
/// list of projects ([`TemplateSpec::carried_from`]).
fn say_carried(spec: &TemplateSpec, stderr: &mut dyn Write) -> Result<(), CommandError> {
    let Some(earlier) = spec.carried_from else {
        return Ok(());
    };
    let year = spec
        .fiscal_year
        .map_or_else(|| "ปีถัดไป".to_string(), |y| y.to_string());
    let year_english = spec
        .fiscal_year
        .map_or_else(|| "the next year".to_string(), |y| y.to_string());
    writeln!(
        stderr,
        "แบบฟอร์มเป็นของปีงบประมาณ {year} รายการมาจากปีงบประมาณ {earlier}: ยกมาเฉพาะชื่อโครงการ มิติ และงบประมาณ \
         (ให้กองตรวจงบประมาณของปีนี้) สถานะ เบิกจ่าย บรรจุ และหมายเหตุ เว้นว่างไว้ให้กรอกใหม่ · \
         the forms are for fiscal year {year_english} and list fiscal year {earlier}'s projects: only names, \
         dimensions and budgets (to check) are carried over; status, disbursed, บรรจุ and remarks are left blank"
    )?;
    Ok(())
}

/// Writes one form and says so.
fn write_form(
    output: &Path,
    spec: TemplateSpec,
    stdout: &mut dyn Write,
) -> Result<(), CommandError> {
    template::write_template(output, &spec)?;
    let (shown, listed) = (output.display(), spec.projects.len());
    if listed > 0 {
        writeln!(
            stdout,
            "เขียนแบบฟอร์ม {shown} แล้ว (กรอกโครงการไว้ให้ {listed} รายการ) · wrote {shown} ({listed} projects listed)"
        )?;
    } else {
        writeln!(stdout, "เขียนแบบฟอร์ม {shown} แล้ว · wrote {shown}")?;
    }
    Ok(())
}

/// `-c FILE`; else `report.toml` in the folder the forms go to (`-o`: the round they are for,
/// as `planmerge init` made it); else in the current folder; else none (a generic template).
fn template_config(
    explicit: Option<&Path>,
    output: Option<&Path>,
) -> Result<Option<ReportConfig>, CommandError> {
    if let Some(path) = explicit {
        return Ok(Some(ReportConfig::load(path)?));
    }
    let forms_folder = output.map(|o| {
        if o.is_dir() || names_a_folder(o) {
            o.to_path_buf()
        } else {
            o.parent().map(Path::to_path_buf).unwrap_or_default()
        }
    });
    let candidates = forms_folder
        .map(|folder| folder.join(crate::config::FILE_NAME))
        .into_iter()
        .chain([PathBuf::from(crate::config::FILE_NAME)]);
    for path in candidates {
        if path.is_file() {
            return Ok(Some(ReportConfig::load(&path)?));
        }
    }
    Ok(None)
}

/// The forms of the round after an earlier one, and what that was taken from (said on stderr).
struct NextRound {
    /// The form without a division: organization, fiscal year and round, dimension names.
    spec: TemplateSpec,
    /// Where from, as named.
    from: PathBuf,
    /// What of it, in Thai (`report.toml ของรอบก่อน`) and English.
    thai: &'static str,
    english: &'static str,
}

/// The round after `year`'s `round`: 6 → 12 months of the same fiscal year, 12 → 6 of the next.
fn round_after(year: u16, round: u8) -> (u16, u8) {
    if round == 6 {
        (year, 12)
    } else {
        (year.saturating_add(1), 6)
    }
}

/// The forms of the round after the one `from` was, for forms written from it with no
/// report.toml of their own round: the report.toml of its folder (of the folder a file is in)
/// moved on ([`round_after`]); else, for a summary planmerge wrote, its title's organization,
/// fiscal year and round (`… พ.ศ. 2565 รอบ 12 เดือน`, read back as `mail` reads it) moved on,
/// with the dimension names of that year's plan.
fn next_round_of(from: &Path) -> Option<NextRound> {
    let folder = if from.is_dir() { from } else { from.parent()? };
    let own = ReportConfig::load(&folder.join(crate::config::FILE_NAME)).ok();
    if let Some(mut config) = own {
        let year = config.fiscal_year;
        (config.fiscal_year, config.round) = round_after(year, config.round);
        if config.fiscal_year != year {
            config.dimension_names = crate::config::default_dimension_names(config.fiscal_year);
        }
        return Some(NextRound {
            spec: TemplateSpec::new(Some(&config), None),
            from: from.to_path_buf(),
            thai: " report.toml ของรอบก่อน",
            english: "the earlier round's report.toml",
        });
    }
    let bytes = from.is_file().then(|| std::fs::read(from).ok()).flatten()?;
    let figures = crate::mail::figures::read_figures(&bytes).ok()?;
    let (year, round) = crate::compare::round_in_title(&figures.title)?;
    let (year, round) = round_after(year, round);
    let organization = figures.organization.trim().to_string();
    Some(NextRound {
        spec: TemplateSpec {
            organization,
            fiscal_year: Some(year),
            round: Some(round),
            dimension_names: crate::config::default_dimension_names(year),
            ..TemplateSpec::new(None, None)
        },
        from: from.to_path_buf(),
        thai: "ชื่อหน่วยงาน ปีงบประมาณ และรอบ จากหัวไฟล์สรุปของรอบก่อน",
        english: "the organization, fiscal year and round of the earlier round's summary title",
    })
}

/// The fiscal year and round an earlier round `from` says it is of: a summary's title
/// (`… พ.ศ. 2565 รอบ 12 เดือน`), else the report.toml of its folder (of the folder it is in).
fn round_of(from: &Path) -> Option<(u16, u8)> {
    let titled = from
        .is_file()
        .then(|| std::fs::read(from).ok())
        .flatten()
        .and_then(|bytes| crate::mail::figures::read_figures(&bytes).ok())
        .and_then(|figures| crate::compare::round_in_title(&figures.title));
    titled.or_else(|| {
        let folder = if from.is_dir() { from } else { from.parent()? };
        let config = ReportConfig::load(&folder.join(crate::config::FILE_NAME)).ok()?;
        Some((config.fiscal_year, config.round))
    })
}

/// How an earlier round's folder (or file) `from` is read: with the report.toml beside it, and
/// without a `divisions` list there, the divisions its workbooks' names suggest.
fn round_options(from: &Path, workbooks: &[&PathBuf]) -> ReadOptions {
    let folder = if from.is_dir() {
        Some(from)
    } else {
        from.parent()
    };
    let config = folder.and_then(|f| ReportConfig::load(&f.join(crate::config::FILE_NAME)).ok());
    let mut options = (config.as_ref().map(ReadOptions::of).unwrap_or_default())
        .in_folders(&[from.to_path_buf()]);
    if options.divisions.is_empty() {
        options.divisions = suggested_divisions(workbooks);
    }
    options
}

/// An earlier round (its summary workbook, or its folder of division workbooks), read once:
/// its projects without errors, in file order, and its divisions in the order found.
struct EarlierRound {
    files: Vec<PathBuf>,
    projects: Vec<ProjectRow>,
    divisions: Vec<String>,
    errors: usize,
    /// The fiscal year and round it says it is of (a summary's title, its folder's
    /// report.toml), when it says.
    round: Option<(u16, u8)>,
}

impl EarlierRound {
    /// Reads `from`, after checking `output` is none of its files.
    fn read(from: &Path, output: &Path) -> Result<Self, CommandError> {
        let files = read::collect_files(&[from.to_path_buf()])?;
        refuse_overwriting_input(output, &files)?;
        // A summary written by planmerge lists every division's projects; a folder has a file
        // each (a file whose rows all have errors still names its division).
        let (projects, errors, named) = if from.is_file() && read::is_summary_workbook(from) {
            (summary_projects(from)?, 0, Vec::new())
        } else {
            // Read as that round was: its report.toml's year and divisions; without a list, the
            // names its files suggest (`สำนักปลัด_แก้ไข.xlsx` is สำนักปลัด's).
            // Summaries are told from workbooks once (each is opened to tell).
            let workbooks = division_files(&files);
            let options = round_options(from, &workbooks);
            let merged = crate::read_and_validate_with(&files, &options);
            let errors = merged.errors();
            let named = workbooks
                .iter()
                .map(|f| options.placed_on_disk(f).0)
                .collect();
            (merged.projects, errors, named)
        };
        let found = projects.iter().map(|p| p.division.to_string()).chain(named);
        let divisions = distinct_divisions(found);
        Ok(EarlierRound {
            files,
            projects,
            divisions,
            errors,
            round: round_of(from),
        })
    }

    /// An unknown division is an error naming the divisions found.
    fn know(&self, division: &str, from: &Path) -> Result<(), CommandError> {
        let wanted = normalize(division);
        if self.divisions.iter().any(|d| normalize(d) == wanted) {
            return Ok(());
        }
        Err(CommandError::UnknownDivision {
            division: division.to_string(),
            from: from.display().to_string(),
            found: if self.divisions.is_empty() {
                "-".into()
            } else {
                self.divisions.join(", ")
            },
        })
    }

    /// Says, once, that rows with errors are not listed.
    fn say_errors(&self, from: &Path, stderr: &mut dyn Write) -> Result<(), CommandError> {
        let errors = self.errors;
        if errors > 0 {
            writeln!(
                stderr,
                "ไฟล์ต้นทางมีข้อผิดพลาด {errors} รายการ แถวที่ผิดไม่ได้ใส่ในแบบฟอร์ม — ตรวจด้วย planmerge check {} · \
                 the source has {errors} error(s); rows with errors are not listed (see planmerge check)",
                from.display()
            )?;
        }
        Ok(())
    }
}
