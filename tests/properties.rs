//! Property tests: the decoders, the CSV reader, the NIP, date and JP parsers and the text
//! cleaner take any input and answer with a value or an error, never a panic or a huge
//! allocation; what they accept reads back the same. 512 cases per property.

use kinerja::domain::text::{clean_line, clean_multiline, is_hidden};
use kinerja::domain::training::{jp_from_hours, validate_jp};
use kinerja::domain::{EmploymentKind, Nip, format_date, parse_date};
use kinerja::store::records;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any bytes, including a valid version byte in front: an error, never a panic.
    #[test]
    fn every_decoder_refuses_garbage_without_panicking(
        version in 0u8..8,
        body in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut bytes = vec![version];
        bytes.extend_from_slice(&body);
        let _ = records::decode_staff(&bytes);
        let _ = records::decode_unit(&bytes);
        let _ = records::decode_partner(&bytes);
        let _ = records::decode_evaluations(&bytes);
        let _ = records::decode_trainings(&bytes);
        let _ = records::decode_audit(&bytes);
        let _ = records::decode_summary(&bytes);
        let _ = records::decode_draft(&bytes);
        let _ = records::decode_career(&bytes);
    }

    /// Any text with the characters that make CSV hard: a table or an error, never a panic.
    #[test]
    fn the_csv_reader_never_panics(
        body in proptest::collection::vec(
            prop_oneof![
                Just(",".to_string()), Just(";".to_string()), Just("\"".to_string()),
                Just("\n".to_string()), Just("\r\n".to_string()), Just("\t".to_string()),
                "[a-z0-9 ]{0,6}", "\\PC{0,3}",
            ],
            0..60,
        ),
        header in prop_oneof![
            Just("nip,nama,golongan,pendidikan,jabatan,jenis_jabatan,unit\n"),
            Just("nip;nama\n"), Just("\"nip\n"), Just(""),
        ],
    ) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.csv");
        std::fs::write(&file, format!("{header}{}", body.concat())).unwrap();
        let _ = kinerja::cli::csvio::read(&file, kinerja::cli::columns::STAFF, false);
        let _ = kinerja::cli::csvio::read(&file, kinerja::cli::columns::STAFF, true);
    }

    /// A NIP that parses is 18 digits and parses again to itself.
    #[test]
    fn a_nip_that_parses_reads_back_the_same(s in "[0-9 .Ee+,a-z]{0,24}", pppk in any::<bool>()) {
        let kind = if pppk { EmploymentKind::Pppk } else { EmploymentKind::Pns };
        if let Ok(nip) = Nip::parse_as(&s, kind) {
            prop_assert_eq!(nip.as_str().len(), 18);
            prop_assert!(nip.as_str().bytes().all(|b| b.is_ascii_digit()));
            prop_assert_eq!(Nip::parse_as(nip.as_str(), kind).unwrap(), nip);
        }
    }

    /// Digits that look like a NIP: never a panic, whatever the digits.
    #[test]
    fn eighteen_digits_never_panic(d in "[0-9]{18}") {
        let _ = Nip::parse(&d);
        let _ = Nip::parse_as(&d, EmploymentKind::Pppk);
        let _ = Nip::from_stored(&d, EmploymentKind::Pns);
    }

    /// A date that parses is written in ISO form and parses back to itself.
    #[test]
    fn a_date_that_parses_round_trips(s in "[0-9/\\-]{0,12}") {
        if let Some(d) = parse_date(&s) {
            prop_assert_eq!(parse_date(&format_date(d)), Some(d));
        }
    }

    /// JP: only 1 to 1000 is a valid count; hours of any float give a count, never a panic.
    #[test]
    fn jp_is_range_checked_and_hours_never_panic(jp in any::<u32>(), hours in any::<f64>()) {
        prop_assert_eq!(validate_jp(jp).is_ok(), (1..=1000).contains(&jp));
        let _ = jp_from_hours(hours);
    }

    /// Cleaned text holds no control or hidden format character, is idempotent and never
    /// grows.
    #[test]
    fn cleaning_removes_every_hidden_character(s in "\\PC{0,40}|[\\x00-\\x1f\\x7f-\\x9f\\u{200b}-\\u{206f}\\u{feff}a-z ]{0,40}") {
        let once = clean_line(&s);
        prop_assert!(once.chars().all(|c| !c.is_control()));
        let joiner = |c: char| c == '\u{200C}' || c == '\u{200D}';
        let hidden = once.chars().filter(|c| is_hidden(*c) && !joiner(*c)).count();
        prop_assert_eq!(hidden, 0);
        prop_assert_eq!(clean_line(&once), once.clone());
        prop_assert!(once.len() <= s.len());
        let multi = clean_multiline(&s);
        prop_assert_eq!(clean_multiline(&multi), multi);
    }
}

/// A value that claims a length far beyond the decode limit is refused before anything
/// that size is allocated.
#[test]
fn a_huge_claimed_length_is_refused_at_once() {
    // Version 1, then bincode's varint marker for a u64 length: 2^62 elements.
    let mut bytes = vec![1u8, 253];
    bytes.extend_from_slice(&(1u64 << 62).to_le_bytes());
    assert!(records::decode_evaluations(&bytes).is_err());
    assert!(records::decode_trainings(&bytes).is_err());
    assert!(records::decode_staff(&bytes).is_err());
}
