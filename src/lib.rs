//! kinerja: ASN staff performance (SKP) and training records in the terminal.

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
