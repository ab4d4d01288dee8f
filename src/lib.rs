//! kinerja: ASN staff performance (SKP) and training records in the terminal.

pub mod app;
pub mod cli;
pub mod competency_gaps;
pub mod competency_view;
pub mod demo;
pub mod domain;
pub mod model;
pub mod partners;
pub mod profile;
pub mod report;
pub mod screens;
pub mod serve;
pub mod store;
pub mod talent;
pub mod tui;
pub mod ui;
