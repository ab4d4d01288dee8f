//! `kinerja export staff|trainings|evaluations|coaching|skp|realisasi|bukti|keberatan
//! [--year Y] [-o FILE]`: CSV with the same columns `import` reads, so an export imports back
//! unchanged.

use super::columns::{self, ASPECT_COLUMNS};
use super::csvio::Output;
use super::{ExportKind, Failure};
use crate::domain::{PersonAtTime, format_date};
use crate::store::Store;
use crate::views::{competency_gaps, report, talent};
use std::collections::HashMap;
use std::path::Path;

pub fn run(
    store: &Store,
    kind: ExportKind,
    year: Option<i16>,
    unit: Option<&str>,
    period: Option<&str>,
    output: Option<&Path>,
) -> Result<(), Failure> {
    // The promotion period, checked before any file is created (issue 21).
    let promotion_period = match (kind, period) {
        (ExportKind::Promotions, None) => None,
        (ExportKind::Promotions, Some(p)) => Some(
            crate::domain::PromotionPeriod::parse(p).ok_or_else(|| {
                Failure::cannot_run(format!(
                    "--period {p:?} is not a promotion period: YYYY-MM with the month 02, 04, 06, 08, 10 or 12 (Peraturan BKN 4/2023)"
                ))
            })?,
        ),
        (_, Some(_)) => {
            return Err(Failure::cannot_run(
                "--period applies to `export promotions` only",
            ));
        }
        (_, None) => None,
    };
    if kind == ExportKind::Promotions && year.is_some() {
        return Err(Failure::cannot_run(
            "`export promotions` takes --period YYYY-MM, not --year",
        ));
    }
    if unit.is_some() && !matches!(kind, ExportKind::Talent | ExportKind::Gaps) {
        return Err(Failure::cannot_run(
            "--unit applies to `export talent` and `export gaps` only",
        ));
    }
    // The unit by name, checked before any file is created.
    let unit_id = match unit {
        Some(name) => {
            let id = crate::domain::unit_id(name);
            if store.get_unit(&id)?.is_none() {
                return Err(Failure::cannot_run(format!(
                    "there is no unit {name:?}; `kinerja export unit-ratings` or the staff export lists the units"
                )));
            }
            Some(id)
        }
        None => None,
    };
    if matches!(
        kind,
        ExportKind::Competencies
            | ExportKind::Requirements
            | ExportKind::Gaps
            | ExportKind::Partners
    ) && year.is_some()
    {
        return Err(Failure::cannot_run(
            "--year does not apply to the competency catalogue, the requirements, the partners or the gaps (they are for today)",
        ));
    }
    if kind == ExportKind::Staff && year.is_some() {
        return Err(Failure::cannot_run(
            "--year applies to evaluations, trainings, unit ratings and the report; staff export always lists everyone",
        ));
    }
    if kind == ExportKind::Riwayat && year.is_some() {
        return Err(Failure::cannot_run(
            "--year does not apply to `export riwayat`: a history is exported whole",
        ));
    }
    let mut out = Output::create(output)?;
    let rows = match kind {
        ExportKind::Staff => export_staff(store, &mut out)?,
        ExportKind::Evaluations => export_evaluations(store, &mut out, year)?,
        ExportKind::Trainings => export_trainings(store, &mut out, year)?,
        ExportKind::UnitRatings => export_unit_ratings(store, &mut out, year)?,
        ExportKind::Potentials => export_potentials(store, &mut out, year)?,
        ExportKind::Kontrak => export_contracts(store, &mut out, year)?,
        ExportKind::Talent => {
            let year = year.unwrap_or_else(|| super::today().year() - 1);
            export_talent(store, &mut out, year, unit_id)?
        }
        ExportKind::Coaching => export_coaching(store, &mut out, year)?,
        ExportKind::Skp => super::export_skp::export_skp(store, &mut out, year)?,
        ExportKind::Realisasi => super::export_skp::export_realisasi(store, &mut out, year)?,
        ExportKind::Bukti => super::export_skp::export_bukti(store, &mut out, year)?,
        ExportKind::Keberatan => super::export_skp::export_keberatan(store, &mut out, year)?,
        ExportKind::AngkaKredit => export_angka_kredit(store, &mut out, year)?,
        ExportKind::Riwayat => super::export_career::export_riwayat(store, &mut out)?,
        ExportKind::Promotions => {
            super::export_career::export_promotions(store, &mut out, promotion_period)?
        }
        ExportKind::Competencies => export_competencies(store, &mut out)?,
        ExportKind::Requirements => export_requirements(store, &mut out)?,
        ExportKind::Gaps => export_gaps(store, &mut out, unit_id.as_deref())?,
        ExportKind::Partners => export_partners(store, &mut out)?,
        ExportKind::Audit => super::export_audit::write(store, &mut out, 0, None)?,
        ExportKind::Report => {
            let year = year.unwrap_or_else(|| super::today().year() - 1);
            export_report(store, &mut out, year)?
        }
    };
    out.finish()?;
    if let Some(path) = output {
        tell!("export: {rows} row(s) written to {}", path.display());
    }
    Ok(())
}

fn export_staff(store: &Store, out: &mut Output) -> Result<usize, Failure> {
    out.row(columns::STAFF.iter().map(|c| c.name))?;
    let units: HashMap<String, crate::domain::Unit> = store
        .units()?
        .into_iter()
        .map(|u| (u.id.clone(), u))
        .collect();
    let name_of = |id: &str| units.get(id).map_or(id.to_string(), |u| u.name.clone());
    let mut n = 0;
    for staff in store.iter_staff() {
        let s = staff?;
        let unit = units.get(&s.unit_id);
        out.row([
            s.nip.as_str().to_string(),
            s.nip.kind().code().to_string(),
            s.nama.clone(),
            s.gelar_depan.clone(),
            s.gelar_belakang.clone(),
            s.golongan.to_string(),
            s.pendidikan.label().to_string(),
            s.jabatan.nama.clone(),
            s.jabatan.jenis.label().to_string(),
            name_of(&s.unit_id),
            unit.map_or("", |u| u.kind.code()).to_string(),
            unit.and_then(|u| u.parent.as_deref())
                .map(name_of)
                .unwrap_or_default(),
            if s.aktif { "ya" } else { "tidak" }.to_string(),
        ])?;
        n += 1;
    }
    Ok(n)
}

/// A person as they were, as five columns: NIP, name, golongan, jabatan, unit (all empty
/// for nobody).
pub(super) fn person_fields(p: Option<&PersonAtTime>) -> [String; 5] {
    match p {
        Some(p) => [
            p.nip
                .as_ref()
                .map(|n| n.as_str().to_string())
                .unwrap_or_default(),
            p.nama.clone(),
            p.golongan.map(|g| g.to_string()).unwrap_or_default(),
            p.jabatan.clone(),
            p.unit.clone(),
        ],
        None => Default::default(),
    }
}

fn evaluator_fields(e: &Option<PersonAtTime>) -> [String; 2] {
    match e {
        Some(e) => [
            e.nip
                .as_ref()
                .map(|n| n.as_str().to_string())
                .unwrap_or_default(),
            e.nama.clone(),
        ],
        None => [String::new(), String::new()],
    }
}

fn export_evaluations(
    store: &Store,
    out: &mut Output,
    year: Option<i16>,
) -> Result<usize, Failure> {
    out.row(columns::evaluations().iter().map(|c| c.name))?;
    let today = super::today();
    let mut n = 0;
    for item in store.iter_evaluations() {
        let (nip, group) = item?;
        for e in group
            .items
            .iter()
            .filter(|e| year.is_none_or(|y| e.period.year == y))
        {
            let mut fields = vec![
                nip.clone(),
                e.period.year.to_string(),
                e.period.kind_code(),
                e.hasil_kerja.code().to_string(),
                e.perilaku.code().to_string(),
                e.predikat().label().to_string(),
                if e.period.is_provisional(today) {
                    "ya"
                } else {
                    ""
                }
                .to_string(),
            ];
            fields.extend(evaluator_fields(&e.penilai));
            fields.extend(evaluator_fields(&e.atasan_penilai));
            for (a, _) in e.berakhlak.iter().zip(ASPECT_COLUMNS) {
                fields.push(a.rating.map(|r| r.code().to_string()).unwrap_or_default());
                fields.push(a.ekspektasi.clone());
                fields.push(a.umpan_balik.clone());
            }
            fields.push(e.catatan.clone());
            fields.push(e.diterima.map(format_date).unwrap_or_default());
            let [_, nama, golongan, jabatan, unit] = person_fields(e.pegawai.as_ref());
            fields.extend([nama, golongan, jabatan, unit]);
            for p in [&e.penilai, &e.atasan_penilai] {
                let [_, _, golongan, jabatan, unit] = person_fields(p.as_ref());
                fields.extend([golongan, jabatan, unit]);
            }
            out.row(fields)?;
            n += 1;
        }
    }
    Ok(n)
}

fn export_trainings(store: &Store, out: &mut Output, year: Option<i16>) -> Result<usize, Failure> {
    out.row(columns::TRAININGS.iter().map(|c| c.name))?;
    // The stated competency by its name; an id no longer in the catalogue as it is.
    let names: HashMap<String, String> = store
        .competencies()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut n = 0;
    for item in store.iter_trainings() {
        let (nip, group) = item?;
        for t in group
            .items
            .iter()
            .filter(|t| year.is_none_or(|y| t.year() == y))
        {
            out.row([
                nip.clone(),
                t.judul.clone(),
                t.jenis.label().to_string(),
                t.penyelenggara.clone(),
                t.jenis_penyelenggara.label().to_string(),
                format_date(t.mulai),
                format_date(t.selesai),
                t.jp.to_string(),
                String::new(),
                t.status.label().to_string(),
                t.no_sertifikat.clone(),
                t.catatan.clone(),
                t.kompetensi
                    .as_ref()
                    .map(|id| names.get(id).cloned().unwrap_or_else(|| id.clone()))
                    .unwrap_or_default(),
            ])?;
            n += 1;
        }
    }
    Ok(n)
}

/// Every coaching record, by NIP then date; `--year` keeps those dated in that year.
fn export_coaching(store: &Store, out: &mut Output, year: Option<i16>) -> Result<usize, Failure> {
    out.row(columns::COACHING.iter().map(|c| c.name))?;
    let mut n = 0;
    for item in store.iter_coaching() {
        let (nip, group) = item?;
        for c in group
            .items
            .iter()
            .filter(|c| year.is_none_or(|y| c.tanggal.year() == y))
        {
            let [giver_nip, giver_name] = evaluator_fields(&Some(c.pemberi.clone()));
            out.row([
                nip.clone(),
                format_date(c.tanggal),
                c.jenis.label().to_string(),
                giver_name,
                giver_nip,
                c.masalah.clone(),
                c.langkah.clone(),
                format_date(c.tindak_lanjut),
                c.selesai.map(format_date).unwrap_or_default(),
                c.hasil.clone(),
            ])?;
            n += 1;
        }
    }
    Ok(n)
}

/// Every unit's recorded ratings: one row per (unit, year, period), annual first as
/// `tahunan`; `import unit-ratings` reads the file back unchanged.
fn export_unit_ratings(
    store: &Store,
    out: &mut Output,
    year: Option<i16>,
) -> Result<usize, Failure> {
    out.row(columns::UNIT_RATINGS.iter().map(|c| c.name))?;
    let mut units = store.units()?;
    units.sort_by(|a, b| a.name.cmp(&b.name));
    let mut n = 0;
    for u in &units {
        for (period, rating) in u.all_ratings() {
            if year.is_some_and(|y| y != period.year) {
                continue;
            }
            out.row([
                u.name.clone(),
                period.year.to_string(),
                period.kind_code(),
                rating.label().to_string(),
            ])?;
            n += 1;
        }
    }
    Ok(n)
}

/// The competency catalogue, by id; `import competencies` reads it back.
fn export_competencies(store: &Store, out: &mut Output) -> Result<usize, Failure> {
    out.row(columns::COMPETENCIES.iter().map(|c| c.name))?;
    let all = store.competencies()?;
    for c in &all {
        out.row([
            c.name.clone(),
            c.kind.label().to_string(),
            c.training_kinds
                .iter()
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join(";"),
            c.title_words.join(";"),
            c.validity_months.map(|m| m.to_string()).unwrap_or_default(),
        ])?;
    }
    Ok(all.len())
}

/// Every requirement, by competency then position, the competency by its name;
/// `import requirements` reads it back.
fn export_requirements(store: &Store, out: &mut Output) -> Result<usize, Failure> {
    out.row(columns::REQUIREMENTS.iter().map(|c| c.name))?;
    let names: HashMap<String, String> = store
        .competencies()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let all = store.requirements()?;
    for r in &all {
        out.row([
            r.jabatan.clone(),
            r.jenis.map(|j| j.label().to_string()).unwrap_or_default(),
            names
                .get(&r.competency)
                .cloned()
                .unwrap_or_else(|| r.competency.clone()),
        ])?;
    }
    Ok(all.len())
}

/// Each active person's missing, expired and soon expiring competencies today, most
/// urgent first (`crate::views::competency_gaps`).
fn export_gaps(store: &Store, out: &mut Output, unit: Option<&str>) -> Result<usize, Failure> {
    out.row(competency_gaps::COLUMNS)?;
    let rows = competency_gaps::gaps(store, unit, super::today())?;
    for r in &rows {
        out.row(r.csv_row())?;
    }
    Ok(rows.len())
}

/// Every recorded potensial, by NIP then year; `import potentials` reads it back.
fn export_potentials(store: &Store, out: &mut Output, year: Option<i16>) -> Result<usize, Failure> {
    out.row(columns::POTENTIALS.iter().map(|c| c.name))?;
    let mut n = 0;
    for item in store.iter_potentials() {
        let (nip, p) = item?;
        for e in p.items.iter().filter(|e| year.is_none_or(|y| e.year == y)) {
            out.row([
                nip.clone(),
                e.year.to_string(),
                e.potensial.label().to_string(),
                e.source.label().to_string(),
                format_date(e.date),
                e.assessor.clone(),
            ])?;
            n += 1;
        }
    }
    Ok(n)
}

/// The angka kredit of every functional person (issue 21), by NIP.
fn export_angka_kredit(
    store: &Store,
    out: &mut Output,
    year: Option<i16>,
) -> Result<usize, Failure> {
    out.row(crate::views::angka_kredit::COLUMNS)?;
    let rows = crate::views::angka_kredit::export_rows(store, year, super::today())?;
    for r in &rows {
        out.row(r)?;
    }
    Ok(rows.len())
}

/// Every PPPK contract, by NIP then start; `import kontrak` reads it back. `year`: the
/// contracts in force on some day of that year.
fn export_contracts(store: &Store, out: &mut Output, year: Option<i16>) -> Result<usize, Failure> {
    out.row(columns::CONTRACTS.iter().map(|c| c.name))?;
    let mut n = 0;
    for item in store.iter_contracts() {
        let (nip, all) = item?;
        for c in all
            .items
            .iter()
            .filter(|c| year.is_none_or(|y| c.mulai.year() <= y && y <= c.selesai.year()))
        {
            out.row([
                nip.clone(),
                format_date(c.mulai),
                format_date(c.selesai),
                c.nomor.clone(),
            ])?;
            n += 1;
        }
    }
    Ok(n)
}

/// The 9-box of `year`: one row per active person, by name.
fn export_talent(
    store: &Store,
    out: &mut Output,
    year: i16,
    unit: Option<String>,
) -> Result<usize, Failure> {
    out.row(talent::COLUMNS)?;
    let d = talent::talent_data(store, year, unit, &|_| true)?;
    for p in &d.people {
        out.row(talent::csv_row(&d, p))?;
    }
    Ok(d.people.len())
}

fn export_report(store: &Store, out: &mut Output, year: i16) -> Result<usize, Failure> {
    out.row(report::COLUMNS)?;
    // The JP targets are a setting of the config file, as on the screens.
    let (config, _) = super::config::default_path()
        .map(|p| super::config::load(&p))
        .unwrap_or_default();
    let rows = report::unit_report(store, year, &config.jp_targets(), super::today())?;
    let provisional = crate::domain::Period::annual(year).is_provisional(super::today());
    for r in &rows {
        out.row(report::csv_row(r, year, provisional))?;
    }
    Ok(rows.len())
}

/// Every partner, by id: one row per agreement, or one row with the agreement columns
/// empty for a partner without any; `import partners` reads it back unchanged.
fn export_partners(store: &Store, out: &mut Output) -> Result<usize, Failure> {
    out.row(columns::PARTNERS.iter().map(|c| c.name))?;
    let names: HashMap<String, String> = store
        .competencies()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut n = 0;
    for p in store.partners()? {
        let competencies = p
            .competencies
            .iter()
            .map(|c| names.get(c).cloned().unwrap_or_else(|| c.clone()))
            .collect::<Vec<_>>()
            .join(";");
        let partner = [
            p.name.clone(),
            p.kind.label().to_string(),
            p.contact.nama.clone(),
            p.contact.telepon.clone(),
            p.contact.email.clone(),
            competencies,
        ];
        if p.agreements.is_empty() {
            out.row(
                partner
                    .iter()
                    .cloned()
                    .chain(std::iter::repeat_n(String::new(), 5)),
            )?;
            n += 1;
        }
        for a in &p.agreements {
            out.row(partner.iter().cloned().chain([
                a.kind.label().to_string(),
                a.nomor.clone(),
                format_date(a.mulai),
                format_date(a.selesai),
                a.ruang_lingkup.clone(),
            ]))?;
            n += 1;
        }
    }
    Ok(n)
}
