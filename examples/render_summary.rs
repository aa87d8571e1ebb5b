//! Writes the seed's summary workbook (and a draft with errors) so it can be looked at:
//! `cargo run --example render_summary -- /tmp/render`, then
//! `soffice --headless --convert-to pdf --outdir /tmp/render /tmp/render/summary.xlsx`.

#[path = "../tests/common/mod.rs"]
mod common;

use common::SeedData;
use planmerge::write::write_summary;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;
    let clean = SeedData::clean();
    write_summary(&dir.join("summary.xlsx"), &clean.summary())?;
    let draft = SeedData::with_errors();
    write_summary(&dir.join("draft.xlsx"), &draft.summary())?;
    println!("wrote {0}/summary.xlsx and {0}/draft.xlsx", dir.display());
    Ok(())
}
