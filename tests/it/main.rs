//! The integration tests, as one test binary (one link instead of one per file): each module is
//! one area of behaviour; `support` builds fixture workbooks by code and `common` holds the seed
//! report's projects and helpers to read a written workbook back.
#![allow(dead_code)]

mod common;
mod support;

mod browser;
mod cli;
mod config_words;
mod dates;
mod docs;
mod formats;
mod forms_filled;
mod forms_returned;
mod fuzz_reader;
mod golden;
mod hostile;
mod init;
mod inputs_walk;
mod layouts;
mod layouts_beside_the_list;
mod layouts_offices;
mod layouts_plan_copies;
mod layouts_plan_variants;
mod mail;
mod producers;
mod properties;
mod round;
mod rounds_previous;
mod safe_output;
mod samples_content;
mod scale;
mod serve;
mod serve_answers;
mod serve_forms;
mod serve_round;
mod serve_safety;
mod status_words_typed;
mod summary_layout;
mod template;
