//! The engine as a whole: its disk use ([`df`]), reclaiming what nothing
//! uses ([`prune`]) and removing everything of this user's rpod
//! ([`reset`]).

pub mod df;
pub mod prune;
pub mod reset;
