//! kinerja: ASN staff performance (SKP) and training records in the terminal.

pub mod domain;
