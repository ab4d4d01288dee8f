//! The staff list's data: every person's summary in memory, views sorted once per sort
//! order, and a fuzzy filter over name and NIP. Only the rows on screen are ever formatted.
//!
//! Two parts: [`SharedStaff`], the rows and the sorted orders, held once per process and
//! shared by every session (`kinerja serve` runs one per SSH connection), updated in place
//! by every save; and [`StaffIndex`], one session's view of it (sort, unit, query, the
//! matching rows), a few bytes per row. A view notices another session's change through
//! the shared generation number ([`StaffIndex::sync`]).

mod persist;
mod rows;
mod search;
mod shared;
mod sort;
#[cfg(test)]
mod tests;
mod view;
mod view_rows;

pub use persist::{decode_bounded, decode_bounded_read};
pub use rows::{StaffRow, TalentSource};
pub use shared::{SharedStaff, StaffData};
pub use sort::SortKey;
pub use view::StaffIndex;
