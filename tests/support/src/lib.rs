//! test bed
pub mod bed;
pub mod engine;
pub mod fixtures;
