//! `kinerja export skp|realisasi|bukti|keberatan`: the SKP cycle as CSV (issue 19), in the
//! columns `import` reads back unchanged. An SKP is named by NIP and start date, an RHK by
//! its number in the SKP, an indicator by its number in the RHK: ids stay inside the
//! database, so a file moves between databases.

use super::Failure;
use super::columns;
use super::csvio::Output;
use super::export::person_fields;
use crate::domain::{HasilKeputusan, Intervensi, Rhk, Skp, SkpStatus, format_date};
use crate::store::Store;
use std::collections::HashMap;

/// SKPs of the year (`--year`: by the SKP's year), by NIP then start.
fn each_skp(
    store: &Store,
    year: Option<i16>,
    mut f: impl FnMut(&str, &Skp) -> Result<(), Failure>,
) -> Result<(), Failure> {
    for item in store.iter_skp() {
        let (nip, group) = item?;
        for s in group
            .items
            .iter()
            .filter(|s| year.is_none_or(|y| s.year() == y))
        {
            f(&nip, s)?;
        }
    }
    Ok(())
}

/// The number of the indicator `id` in its RHK, counting from 1; empty for none.
fn indicator_no(r: &Rhk, id: Option<u32>) -> String {
    id.and_then(|id| r.indikator.iter().position(|i| i.id == id))
        .map(|n| (n + 1).to_string())
        .unwrap_or_default()
}

/// The superior's SKPs the links name, read once per NIP.
struct Superiors<'s> {
    store: &'s Store,
    read: HashMap<String, Vec<Skp>>,
}

impl Superiors<'_> {
    /// A link as the file names it: NIP, the superior's SKP start, the RHK's number. `None`
    /// when the SKP or the RHK is no longer there (the text is kept, unlinked).
    fn resolve(
        &mut self,
        (nip, skp_id, rhk_id): &(String, u32, u32),
    ) -> Result<Option<[String; 3]>, Failure> {
        if !self.read.contains_key(nip) {
            let skps = self.store.skp_of(nip)?;
            self.read.insert(nip.clone(), skps);
        }
        Ok(self.read.get(nip).and_then(|skps| {
            let s = skps.iter().find(|s| s.id == *skp_id)?;
            let n = s.rhk.iter().position(|r| r.id == *rhk_id)?;
            Some([nip.clone(), format_date(s.mulai), (n + 1).to_string()])
        }))
    }
}

/// The SKP's own columns, as each of its rows repeats them.
fn skp_fields(nip: &str, s: &Skp) -> Vec<String> {
    let mut v = vec![
        nip.to_string(),
        format_date(s.mulai),
        format_date(s.selesai),
        s.form.code().to_string(),
        s.pendekatan.code().to_string(),
        s.status.label().to_lowercase(),
        match s.status {
            SkpStatus::Draft => String::new(),
            SkpStatus::Ditetapkan(d) => format_date(d),
        },
    ];
    let [_, nama, golongan, jabatan, unit] = person_fields(Some(&s.pegawai));
    v.extend([nama, golongan, jabatan, unit]);
    v.extend(person_fields(Some(&s.penilai)));
    v.extend(person_fields(s.atasan.as_ref()));
    v.extend(s.ekspektasi.iter().cloned());
    for list in [
        &s.lampiran.sumber_daya,
        &s.lampiran.skema_pertanggungjawaban,
        &s.lampiran.konsekuensi,
    ] {
        v.push(list.join("\n"));
    }
    v
}

/// Every SKP, one row per indicator (see [`columns::SKP`]).
pub(super) fn export_skp(
    store: &Store,
    out: &mut Output,
    year: Option<i16>,
) -> Result<usize, Failure> {
    out.row(columns::SKP.iter().map(|c| c.name))?;
    let mut superiors = Superiors {
        store,
        read: HashMap::new(),
    };
    let mut n = 0;
    each_skp(store, year, |nip, s| {
        let head = skp_fields(nip, s);
        if s.rhk.is_empty() {
            out.row(
                head.iter()
                    .cloned()
                    .chain(std::iter::repeat_n(String::new(), 12)),
            )?;
            n += 1;
        }
        for (k, r) in s.rhk.iter().enumerate() {
            let (code, teks, link) = match &r.intervensi {
                Intervensi::None => ("", "", None),
                Intervensi::Atasan { link, teks } => (
                    "atasan",
                    teks.as_str(),
                    match link {
                        Some(l) => superiors.resolve(l)?,
                        None => None,
                    },
                ),
                Intervensi::PerjanjianKinerja(teks) => ("perjanjian-kinerja", teks.as_str(), None),
            };
            let mut rhk = vec![
                (k + 1).to_string(),
                r.jenis.code().to_string(),
                r.teks.clone(),
                code.to_string(),
                teks.to_string(),
            ];
            rhk.extend(link.unwrap_or_default());
            if r.indikator.is_empty() {
                out.row(
                    head.iter()
                        .chain(&rhk)
                        .cloned()
                        .chain(std::iter::repeat_n(String::new(), 4)),
                )?;
                n += 1;
            }
            for (m, i) in r.indikator.iter().enumerate() {
                out.row(head.iter().chain(&rhk).cloned().chain([
                    (m + 1).to_string(),
                    i.aspek.code().to_string(),
                    i.teks.clone(),
                    i.target.to_string(),
                ]))?;
                n += 1;
            }
        }
        Ok(())
    })?;
    Ok(n)
}

/// Every realisation, by SKP, RHK, indicator and period.
pub(super) fn export_realisasi(
    store: &Store,
    out: &mut Output,
    year: Option<i16>,
) -> Result<usize, Failure> {
    out.row(columns::REALISASI.iter().map(|c| c.name))?;
    let mut n = 0;
    each_skp(store, year, |nip, s| {
        let mulai = format_date(s.mulai);
        for (k, r) in s.rhk.iter().enumerate() {
            for (m, i) in r.indikator.iter().enumerate() {
                for x in &i.realisasi {
                    out.row([
                        nip.to_string(),
                        mulai.clone(),
                        (k + 1).to_string(),
                        (m + 1).to_string(),
                        x.period.year.to_string(),
                        x.period.kind_code(),
                        x.nilai.to_string(),
                        x.catatan.clone(),
                    ])?;
                    n += 1;
                }
            }
        }
        Ok(())
    })?;
    Ok(n)
}

/// Every evidence and feedback entry: per RHK, its evidence then its feedback.
pub(super) fn export_bukti(
    store: &Store,
    out: &mut Output,
    year: Option<i16>,
) -> Result<usize, Failure> {
    out.row(columns::BUKTI.iter().map(|c| c.name))?;
    let mut n = 0;
    each_skp(store, year, |nip, s| {
        let mulai = format_date(s.mulai);
        for (k, r) in s.rhk.iter().enumerate() {
            let at = |id| {
                [
                    nip.to_string(),
                    mulai.clone(),
                    (k + 1).to_string(),
                    indicator_no(r, id),
                ]
            };
            for b in &r.bukti {
                out.row(at(b.indikator).into_iter().chain([
                    "bukti".to_string(),
                    format_date(b.tanggal),
                    b.uraian.clone(),
                    b.lokasi.clone(),
                    String::new(),
                ]))?;
                n += 1;
            }
            for u in &r.umpan_balik {
                out.row(at(u.indikator).into_iter().chain([
                    "umpan-balik".to_string(),
                    format_date(u.tanggal),
                    u.teks.clone(),
                    String::new(),
                    u.dari.clone(),
                ]))?;
                n += 1;
            }
        }
        Ok(())
    })?;
    Ok(n)
}

/// Every objection, by NIP and period (`--year`: the evaluation's year).
pub(super) fn export_keberatan(
    store: &Store,
    out: &mut Output,
    year: Option<i16>,
) -> Result<usize, Failure> {
    out.row(columns::KEBERATAN.iter().map(|c| c.name))?;
    let code = |r: crate::domain::Rating| r.code().to_string();
    let mut n = 0;
    for item in store.iter_evaluations() {
        let (nip, group) = item?;
        for e in group
            .items
            .iter()
            .filter(|e| year.is_none_or(|y| e.period.year == y))
        {
            let Some(k) = &e.keberatan else { continue };
            let mut v = vec![
                nip.clone(),
                e.period.year.to_string(),
                e.period.kind_code(),
                k.status().code().to_string(),
                e.diterima.map(format_date).unwrap_or_default(),
                format_date(k.diajukan),
                k.alasan.clone(),
                code(k.asal_hasil_kerja),
                code(k.asal_perilaku),
                k.penjelasan.clone(),
                k.penjelasan_tanggal.map(format_date).unwrap_or_default(),
            ];
            match &k.keputusan {
                None => v.extend(std::iter::repeat_n(String::new(), 10)),
                Some(d) => {
                    let (keputusan, h, p) = match d.hasil {
                        HasilKeputusan::Tetap => ("tetap", String::new(), String::new()),
                        HasilKeputusan::Diubah {
                            hasil_kerja,
                            perilaku,
                        } => ("diubah", code(hasil_kerja), code(perilaku)),
                    };
                    v.extend([keputusan.to_string(), h, p, format_date(d.tanggal)]);
                    v.extend(person_fields(Some(&d.oleh)));
                    v.push(d.catatan.clone());
                }
            }
            out.row(v)?;
            n += 1;
        }
    }
    Ok(n)
}
