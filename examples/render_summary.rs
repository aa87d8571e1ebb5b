//! Writes the seed's summary workbook (and a draft with errors) so it can be looked at:
//! `cargo run --example render_summary -- /tmp/render`, then
//! `soffice --headless --convert-to pdf --outdir /tmp/render /tmp/render/summary.xlsx`.

#[path = "../tests/it/common.rs"]
#[allow(dead_code)]
mod common;

use common::SeedData;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;
    let clean = SeedData::clean();
    clean.write(&dir.join("summary.xlsx"))?;
    let draft = SeedData::with_errors();
    draft.write(&dir.join("draft.xlsx"))?;
    println!("wrote {0}/summary.xlsx and {0}/draft.xlsx", dir.display());
    Ok(())
}
