//! kinerja: ASN staff performance (SKP) and training records in the terminal.

/// A line to standard error that never panics: `eprintln!` panics when the write fails,
/// which it does once the terminal is gone (a closed window, a dropped SSH link: "failed
/// printing to stderr", exit 101; issue 24). What cannot be said then is dropped. For a
/// command the server runs for a CLI, that CLI's standard error (`cli::console`).
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(crate::cli::console::Stderr, $($arg)*);
    }};
}

/// A line to standard output that never panics (see `tell!`); output that must stop when
/// its reader is gone (`export | head`) uses `cli::say` instead.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(crate::cli::console::Stdout, $($arg)*);
    }};
}

pub mod app;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod model;
pub mod print;
pub mod screens;
pub mod serve;
pub mod store;
pub mod tui;
pub mod ui;
pub mod views;
