//! Angka kredit of functional staff (issue 21) as the record, the profile and
//! `kinerja export angka-kredit` show it: `domain::angka_kredit` over a person's
//! evaluations, each read with the jenjang the evaluation recorded for them at the time.

use crate::domain::angka_kredit::{
    AngkaKredit, KreditRecord, angka_kredit, jenjang_fungsional, jenjang_in_title, persentase,
};
use crate::domain::{Evaluation, JenisJabatan, Staff};
use crate::store::{Store, StoreError};
use jiff::civil::Date;
use std::collections::HashMap;

/// The credit of a person whose position is of kind `jenis`, from their evaluations (any
/// order; the decided predikat after an objection), on `today`; `None` when the position
/// is not functional. Each evaluation counts at the jenjang its `pegawai` (the person as
/// they were) names, else at the current one.
pub fn of_person(
    jenis: JenisJabatan,
    evaluations: &[Evaluation],
    today: Date,
) -> Option<KreditRecord> {
    let items: Vec<_> = evaluations
        .iter()
        .map(|e| {
            let then = e
                .pegawai
                .as_ref()
                .and_then(|p| jenjang_in_title(&p.jabatan));
            (e.period, e.predikat(), then)
        })
        .collect();
    angka_kredit(jenis, &items, today)
}

/// The CSV header of `kinerja export angka-kredit`: one row per converted evaluation, with
/// its year's total and the person's total toward the next jenjang repeated on each row;
/// a functional person with no converted evaluation has one row with the period columns
/// empty. Not for import.
pub const COLUMNS: [&str; 20] = [
    "nip",
    "nama",
    "unit",
    "jabatan",
    "jenjang",
    "aktif",
    "tahun",
    "periode",
    "predikat",
    "jenjang_saat_itu",
    "bulan",
    "persentase",
    "koefisien",
    "angka_kredit",
    "status",
    "jumlah_tahun",
    "jumlah_jenjang",
    "jenjang_berikutnya",
    "kebutuhan",
    "kekurangan",
];

/// The rows of one person (`year`: only that year's evaluations).
pub fn csv_rows(
    staff: &Staff,
    unit_name: &str,
    record: &KreditRecord,
    year: Option<i16>,
) -> Vec<Vec<String>> {
    let person = [
        staff.nip.as_str().to_string(),
        staff.display_name(),
        unit_name.to_string(),
        staff.jabatan.title(),
        record.jenjang.label().to_string(),
        if staff.aktif { "ya" } else { "tidak" }.to_string(),
    ];
    let totals = |year_total: String| {
        [
            year_total,
            record.in_jenjang.fixed(),
            record
                .next
                .map_or(String::new(), |(j, _)| j.label().to_string()),
            record.next.map_or(String::new(), |(_, need)| need.fixed()),
            record.missing().map_or(String::new(), AngkaKredit::fixed),
        ]
    };
    let mut rows: Vec<Vec<String>> = record
        .entries
        .iter()
        .filter(|e| year.is_none_or(|y| e.period.year == y))
        .map(|e| {
            let mut row = person.to_vec();
            row.extend([
                e.period.year.to_string(),
                e.period.kind_code(),
                e.predikat.label().to_string(),
                e.jenjang.label().to_string(),
                e.months.to_string(),
                persentase(e.predikat).to_string(),
                jenjang_fungsional(e.jenjang).map_or(String::new(), |j| {
                    AngkaKredit::from_hundredths(j.koefisien).fixed()
                }),
                e.kredit.fixed(),
                e.status.code().to_string(),
            ]);
            row.extend(totals(record.of_year(e.period.year).fixed()));
            row
        })
        .collect();
    if rows.is_empty() {
        let mut row = person.to_vec();
        row.extend(std::iter::repeat_n(String::new(), 9));
        row.extend(totals(String::new()));
        rows.push(row);
    }
    rows
}

/// Every functional person's rows, in NIP order: reads the evaluations of functional staff
/// only. Errors: the store's.
pub fn export_rows(
    store: &Store,
    year: Option<i16>,
    today: Date,
) -> Result<Vec<Vec<String>>, StoreError> {
    let units: HashMap<String, String> =
        store.units()?.into_iter().map(|u| (u.id, u.name)).collect();
    let mut rows = Vec::new();
    for staff in store.iter_staff() {
        let staff = staff?;
        if !staff.jabatan.jenis.is_fungsional() {
            continue;
        }
        let evaluations = store.evaluations_of(staff.nip.as_str())?;
        let Some(record) = of_person(staff.jabatan.jenis, &evaluations, today) else {
            continue;
        };
        let unit = units
            .get(&staff.unit_id)
            .map_or(staff.unit_id.as_str(), |s| s);
        rows.extend(csv_rows(&staff, unit, &record, year));
    }
    Ok(rows)
}
