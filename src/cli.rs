//! The command line, as clap definitions only (one struct per subcommand).

use clap::{ArgGroup, Args, Parser, Subcommand};
use std::path::PathBuf;

/// planmerge — รวมไฟล์แผนปฏิบัติการป้องกันการทุจริตของทุกกองเป็นรายงานติดตามผล ·
/// merge the divisions' anti-corruption action-plan workbooks into the monitoring report.
#[derive(Debug, Parser)]
#[command(name = "planmerge", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// รวมไฟล์ของกองเป็นไฟล์สรุป · merge division workbooks into the summary workbook.
    Merge(MergeArgs),
    /// ตรวจไฟล์ของกองโดยไม่เขียนไฟล์สรุป · read and validate only, write nothing.
    Check(CheckArgs),
    /// เขียนแบบฟอร์มให้กองกรอก · write the workbook a division fills in.
    Template(TemplateArgs),
    /// เปิดหน้าเว็บรับไฟล์จากกอง · a local web page where divisions send their files.
    Serve(ServeArgs),
    /// ส่งไฟล์สรุปทางอีเมล · email a summary workbook (the mail section of report.toml).
    Mail(MailArgs),
    /// เขียน report.toml ให้โฟลเดอร์ของรอบ · write a round folder's report.toml to fill in.
    Init(InitArgs),
}

/// `planmerge init [FOLDER] [--as-of DATE]`
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The round's folder (created if missing). Default: here.
    #[arg(value_name = "FOLDER")]
    pub folder: Option<PathBuf>,
    /// ข้อมูล ณ วันที่ of the report, YYYY-MM-DD (a B.E. year is accepted); it sets the fiscal
    /// year and the round. Default: today.
    #[arg(long, value_name = "DATE", value_parser = report_date)]
    pub as_of: Option<crate::config::ReportDate>,
}

/// A date as `report.toml` takes it, of a fiscal year `merge` accepts: a year written short
/// (`65-04-21`) would make `fiscal_year = 608`.
fn report_date(text: &str) -> Result<crate::config::ReportDate, String> {
    let date = crate::config::ReportDate::parse(text)
        .ok_or_else(|| format!("วันที่ต้องเป็น YYYY-MM-DD · a date YYYY-MM-DD, found {text}"))?;
    let fiscal_year = u16::try_from(date.year + 543).ok();
    if fiscal_year.is_some_and(|year| crate::config::FISCAL_YEARS.contains(&year)) {
        return Ok(date);
    }
    let year = text.trim().split('-').next().unwrap_or(text);
    Err(format!(
        "เขียนปีให้เต็ม เป็น พ.ศ. หรือ ค.ศ. เช่น 2565-04-21 หรือ 2022-04-21 (พบปี {year}) · \
         write the full year, B.E. or C.E., e.g. 2565-04-21 or 2022-04-21 (found year {year})"
    ))
}

/// `planmerge merge <INPUT>... [-c FILE] [-o FILE] [--json] [--draft]`
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("mailing").args(["mail", "mail_draft"]).multiple(true)))]
pub struct MergeArgs {
    /// Division workbooks and/or folders (walked recursively).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The report configuration (default: report.toml in the input folder).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The summary workbook to write.
    #[arg(short, long, value_name = "FILE", default_value = "summary.xlsx")]
    pub output: PathBuf,
    /// Print one JSON document on stdout (human text goes to stderr).
    #[arg(long)]
    pub json: bool,
    /// Write the summary even when there are errors, marked as a draft (still exits 1).
    #[arg(long)]
    pub draft: bool,
    /// The previous round to compare with: its summary workbook or its folder of division
    /// workbooks (default: `previous` in report.toml).
    #[arg(long, value_name = "PATH")]
    pub previous: Option<PathBuf>,
    /// Email the summary once written (the mail section of report.toml); never a draft unless --mail-draft.
    #[arg(long)]
    pub mail: bool,
    /// With --draft: email a draft too (implies --mail), with ร่าง in the subject.
    #[arg(long, requires = "draft")]
    pub mail_draft: bool,
    /// With --mail: email even though this very summary was emailed before (see
    /// .planmerge-sent).
    #[arg(long, requires = "mailing")]
    pub resend: bool,
}

/// `planmerge check <INPUT>... [--json]`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Division workbooks and/or folders (walked recursively).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The report configuration (default: report.toml in an input's folder): the figures,
    /// `divisions` and `previous`; without one, each file is only checked.
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print one JSON document on stdout.
    #[arg(long)]
    pub json: bool,
    /// Also say how each sheet was read: header rows, each field's column, where the dimension
    /// comes from, the year column chosen, rows read, counted, joined and skipped.
    #[arg(long)]
    pub explain: bool,
    /// The previous round to compare with: its summary workbook or its folder of division
    /// workbooks (default: `previous` in report.toml).
    #[arg(long, value_name = "PATH")]
    pub previous: Option<PathBuf>,
}

/// `planmerge serve [FOLDER] [-c FILE] [--listen ADDR] [--new-codes]`
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The round's folder (its report.toml; uploads go to FOLDER/inbox). Default: here.
    #[arg(value_name = "FOLDER")]
    pub folder: Option<PathBuf>,
    /// The report configuration (default: FOLDER/report.toml).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Where to listen. Any address other than this machine's needs access codes.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: std::net::SocketAddr,
    /// Make new access codes (the old ones stop working).
    #[arg(long)]
    pub new_codes: bool,
}

/// `planmerge template [-o FILE] [--division NAME] [-c report.toml] [--from <workbook or folder>]`
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The workbook to write (default: แบบฟอร์ม-<division>.xlsx, or template.xlsx).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// กอง/สำนัก the form is for (shown in its title). With --from and no --division, a form for
    /// every division of that round is written into the folder -o names.
    #[arg(long, value_name = "NAME")]
    pub division: Option<String>,
    /// The report configuration (default: report.toml in the folder -o writes into, else in the
    /// current folder, else with --from the earlier round's, for the round after it).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// An earlier round's workbook or folder: list the division's projects already.
    #[arg(long, value_name = "PATH")]
    pub from: Option<PathBuf>,
}

/// `planmerge mail SUMMARY.xlsx [-c FILE] [--eml OUT.eml] [--resend] [--draft]`
#[derive(Debug, Args)]
pub struct MailArgs {
    /// The summary workbook to send (as written by planmerge merge).
    #[arg(value_name = "SUMMARY")]
    pub summary: PathBuf,
    /// The report configuration with its mail section (default: report.toml beside the summary, else in
    /// the current folder).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Write the message to this .eml file instead of sending it.
    #[arg(long, value_name = "OUT.eml")]
    pub eml: Option<PathBuf>,
    /// Send even though this very summary was sent before (see .planmerge-sent).
    #[arg(long)]
    pub resend: bool,
    /// Send a draft summary (written with --draft), with ร่าง in the subject.
    #[arg(long)]
    pub draft: bool,
}
