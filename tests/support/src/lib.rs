//! test bed
pub mod bed;
pub mod fixtures;
