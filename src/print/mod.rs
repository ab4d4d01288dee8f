//! Documents an office prints and signs, as PDF on A4 (issue 20; DOMAIN.md, The SKP cycle,
//! "Documents"). This part is the engine: the fonts, the A4 layout (pages, wrapping,
//! tables that break across pages, signatures), the charts and the PDF writer.
//!
//! Layer: beside `screens/`, drawn from `views/` data; no ratatui.

pub mod charts;
pub mod fonts;
pub mod layout;
pub mod pdf;
