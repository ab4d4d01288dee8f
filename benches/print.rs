//! The printed documents (issue 20): one person's SKP and Evaluasi Kinerja Pegawai (target
//! under 50 ms each), and a 30-person unit's evaluations and SKPs in one file (target under
//! 2 s), each from the store to the PDF's bytes (reading, layout, fonts, compression).
//! Nothing is written to disk but the small databases in temporary directories.

#[path = "../tests/common/documents.rs"]
mod documents;

use criterion::{Criterion, criterion_group, criterion_main};
use kinerja::domain::Period;
use kinerja::print::{self, Kind, Settings};
use kinerja::store::Store;
use std::time::Duration;

fn settings() -> Settings {
    Settings {
        instansi: Some("Pemerintah Kota Medan".into()),
        tempat: Some("Medan".into()),
        today: jiff::civil::date(2026, 2, 2),
        jp: kinerja::domain::JpTargets::default(),
    }
}

fn documents(c: &mut Criterion) {
    let year = Period::annual(documents::YEAR);
    let office = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&office.path().join("db")).expect("store");
    documents::fill(&store);
    let unit_dir = tempfile::tempdir().expect("temp dir");
    let unit_store = Store::open(&unit_dir.path().join("db")).expect("store");
    documents::fill_unit(&unit_store, 30);
    let unit = kinerja::domain::unit_id(documents::UNIT);
    let s = settings();

    let mut person = c.benchmark_group("print_person");
    person
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    person.bench_function("skp", |b| {
        b.iter(|| print::skp_pdf(&store, &s, documents::PERSON, year).expect("skp"))
    });
    person.bench_function("evaluasi", |b| {
        b.iter(|| print::evaluasi_pdf(&store, &s, documents::PERSON, year).expect("evaluasi"))
    });
    person.finish();

    let mut whole = c.benchmark_group("print_unit_of_30");
    whole
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for kind in [Kind::Evaluasi, Kind::Skp] {
        whole.bench_function(kind.code(), |b| {
            b.iter(|| {
                let (bytes, outcome) =
                    print::unit_pdf(&unit_store, &s, kind, &unit, year).expect("unit");
                assert_eq!(outcome.printed, 30);
                bytes
            })
        });
    }
    whole.finish();
}

criterion_group!(benches, documents);
criterion_main!(benches);
