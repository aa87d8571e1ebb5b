//! planmerge: merge the divisions' anti-corruption action-plan workbooks into the monitoring
//! report. The data flows one way: read → validate → compute → write.
#![warn(missing_docs)]

pub mod compute;
pub mod config;
pub mod issue;
pub mod model;
pub mod read;
pub mod write;
