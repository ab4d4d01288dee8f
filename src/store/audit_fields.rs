//! The fields each record kind shows in the audit trail ([`super::diff`]), named as the
//! CSV exports name them where there is one. Values as officers read them: labels, dates
//! as the exports write them (`YYYY-MM-DD`), people as `name (NIP)`.

use super::diff::{AuditFields, Value};
use crate::domain::{
    Coaching, Competency, Contract, Evaluation, PersonAtTime, PotentialEntry, Requirement, Skp,
    Staff, Training, format_date,
};

fn date(d: Option<jiff::civil::Date>) -> Value {
    d.map(format_date).unwrap_or_default().into()
}

fn person(p: Option<&PersonAtTime>) -> Value {
    let Some(p) = p else {
        return "".into();
    };
    let mut s = p.nama.clone();
    if let Some(nip) = &p.nip {
        s.push_str(&format!(" ({nip})"));
    }
    for extra in [
        p.golongan.map(|g| g.to_string()).unwrap_or_default(),
        p.jabatan.clone(),
        p.unit.clone(),
    ] {
        if !extra.is_empty() {
            s.push_str(", ");
            s.push_str(&extra);
        }
    }
    s.into()
}

/// The CSV columns of the BerAKHLAK aspects: rating, expectation, feedback.
const ASPECTS: [(&str, &str, &str); 7] = [
    (
        "berorientasi_pelayanan",
        "berorientasi_pelayanan_ekspektasi",
        "berorientasi_pelayanan_umpan_balik",
    ),
    ("akuntabel", "akuntabel_ekspektasi", "akuntabel_umpan_balik"),
    ("kompeten", "kompeten_ekspektasi", "kompeten_umpan_balik"),
    ("harmonis", "harmonis_ekspektasi", "harmonis_umpan_balik"),
    ("loyal", "loyal_ekspektasi", "loyal_umpan_balik"),
    ("adaptif", "adaptif_ekspektasi", "adaptif_umpan_balik"),
    (
        "kolaboratif",
        "kolaboratif_ekspektasi",
        "kolaboratif_umpan_balik",
    ),
];

impl AuditFields for Evaluation {
    fn audit_fields(&self) -> Vec<(&'static str, Value)> {
        let mut out: Vec<(&'static str, Value)> = vec![
            ("periode", self.period.to_string().into()),
            ("hasil_kerja", self.hasil_kerja.label().into()),
            ("perilaku", self.perilaku.label().into()),
        ];
        for ((rating, ekspektasi, umpan_balik), a) in ASPECTS.iter().zip(&self.berakhlak) {
            out.push((rating, a.rating.map(|r| r.label()).unwrap_or("").into()));
            out.push((ekspektasi, a.ekspektasi.as_str().into()));
            out.push((umpan_balik, a.umpan_balik.as_str().into()));
        }
        out.extend([
            ("penilai", person(self.penilai.as_ref())),
            ("atasan", person(self.atasan_penilai.as_ref())),
            ("pegawai", person(self.pegawai.as_ref())),
            ("catatan", self.catatan.as_str().into()),
            ("diterima", date(self.diterima)),
        ]);
        if let Some(k) = &self.keberatan {
            out.extend([
                ("keberatan_diajukan", date(Some(k.diajukan))),
                ("keberatan_alasan", k.alasan.as_str().into()),
                ("keberatan_penjelasan", k.penjelasan.as_str().into()),
                ("keberatan_penjelasan_tanggal", date(k.penjelasan_tanggal)),
            ]);
            if let Some(d) = &k.keputusan {
                out.extend([
                    ("keputusan_tanggal", date(Some(d.tanggal))),
                    ("keputusan_oleh", person(Some(&d.oleh))),
                    ("keputusan", format!("{:?}", d.hasil).into()),
                    ("keputusan_catatan", d.catatan.as_str().into()),
                ]);
            }
        }
        out
    }
}

impl AuditFields for PotentialEntry {
    fn audit_fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("tahun", self.year.to_string().into()),
            ("potensial", self.potensial.label().into()),
            ("sumber", self.source.label().into()),
            ("tanggal", date(Some(self.date))),
            ("penilai", self.assessor.as_str().into()),
        ]
    }
}

impl AuditFields for Training {
    fn audit_fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("judul", self.judul.as_str().into()),
            ("jenis", self.jenis.label().into()),
            ("penyelenggara", self.penyelenggara.as_str().into()),
            (
                "jenis_penyelenggara",
                self.jenis_penyelenggara.label().into(),
            ),
            ("mulai", date(Some(self.mulai))),
            ("selesai", date(Some(self.selesai))),
            ("jp", self.jp.to_string().into()),
            ("status", self.status.label().into()),
            ("no_sertifikat", self.no_sertifikat.as_str().into()),
            ("catatan", self.catatan.as_str().into()),
            (
                "kompetensi",
                self.kompetensi.clone().unwrap_or_default().into(),
            ),
        ]
    }
}

impl AuditFields for Coaching {
    fn audit_fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("tanggal", date(Some(self.tanggal))),
            ("jenis", self.jenis.label().into()),
            ("pemberi", person(Some(&self.pemberi))),
            ("masalah", self.masalah.as_str().into()),
            ("langkah", self.langkah.as_str().into()),
            ("tindak_lanjut", date(Some(self.tindak_lanjut))),
            ("selesai", date(self.selesai)),
            ("hasil", self.hasil.as_str().into()),
            (
                "rhk",
                self.rhk
                    .map(|(skp, rhk)| format!("SKP {skp} RHK {rhk}"))
                    .unwrap_or_default()
                    .into(),
            ),
        ]
    }
}

impl AuditFields for Skp {
    fn audit_fields(&self) -> Vec<(&'static str, Value)> {
        let status = match self.status {
            crate::domain::SkpStatus::Ditetapkan(d) => {
                format!("{} {}", self.status.label(), format_date(d))
            }
            s => s.label().to_string(),
        };
        let mut rhk = Vec::new();
        let mut indikator = Vec::new();
        let mut realisasi = Vec::new();
        let mut bukti = Vec::new();
        let mut umpan_balik = Vec::new();
        for r in &self.rhk {
            rhk.push(format!("{} {}: {}", r.jenis.label(), r.id, r.teks));
            for i in &r.indikator {
                indikator.push(format!(
                    "{} {} ({}): {}",
                    i.id,
                    i.aspek.label(),
                    i.target,
                    i.teks
                ));
                for x in &i.realisasi {
                    let mut s = format!("{} {}: {}", i.id, x.period, x.nilai);
                    if !x.catatan.is_empty() {
                        s.push_str(&format!(" ({})", x.catatan));
                    }
                    realisasi.push(s);
                }
            }
            for b in &r.bukti {
                bukti.push(format!("{} {}: {}", b.id, format_date(b.tanggal), b.uraian));
            }
            for u in &r.umpan_balik {
                umpan_balik.push(format!("{} {}: {}", u.id, format_date(u.tanggal), u.teks));
            }
        }
        let mut out: Vec<(&'static str, Value)> = vec![
            ("mulai", date(Some(self.mulai))),
            ("selesai", date(Some(self.selesai))),
            ("form", self.form.label().into()),
            ("pendekatan", self.pendekatan.label().into()),
            ("status", status.into()),
            ("pegawai", person(Some(&self.pegawai))),
            ("penilai", person(Some(&self.penilai))),
            ("atasan", person(self.atasan.as_ref())),
            ("rhk", Value::List(rhk)),
            ("indikator", Value::List(indikator)),
            ("realisasi", Value::List(realisasi)),
            ("bukti", Value::List(bukti)),
            ("umpan_balik", Value::List(umpan_balik)),
        ];
        for ((_, ekspektasi, _), text) in ASPECTS.iter().zip(&self.ekspektasi) {
            out.push((ekspektasi, text.as_str().into()));
        }
        out.extend([
            (
                "sumber_daya",
                Value::List(self.lampiran.sumber_daya.clone()),
            ),
            (
                "skema_pertanggungjawaban",
                Value::List(self.lampiran.skema_pertanggungjawaban.clone()),
            ),
            (
                "konsekuensi",
                Value::List(self.lampiran.konsekuensi.clone()),
            ),
        ]);
        out
    }
}

impl AuditFields for Contract {
    fn audit_fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("mulai", date(Some(self.mulai))),
            ("selesai", date(Some(self.selesai))),
            ("nomor", self.nomor.as_str().into()),
        ]
    }
}

impl AuditFields for Competency {
    fn audit_fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("nama", self.name.as_str().into()),
            ("jenis", self.kind.label().into()),
            (
                "jenis_pelatihan",
                Value::List(
                    self.training_kinds
                        .iter()
                        .map(|k| k.label().to_string())
                        .collect(),
                ),
            ),
            ("kata_judul", Value::List(self.title_words.clone())),
            (
                "berlaku_bulan",
                self.validity_months
                    .map(|m| m.to_string())
                    .unwrap_or_default()
                    .into(),
            ),
        ]
    }
}

impl AuditFields for Requirement {
    fn audit_fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("jabatan", self.jabatan.as_str().into()),
            (
                "jenis_jabatan",
                self.jenis.map(|j| j.label()).unwrap_or("").into(),
            ),
            ("kompetensi", self.competency.as_str().into()),
        ]
    }
}

impl AuditFields for Staff {
    fn audit_fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("nama", self.nama.as_str().into()),
            ("gelar_depan", self.gelar_depan.as_str().into()),
            ("gelar_belakang", self.gelar_belakang.as_str().into()),
            ("golongan", self.golongan.to_string().into()),
            ("pendidikan", self.pendidikan.code().into()),
            ("jabatan", self.jabatan.nama.as_str().into()),
            ("jenis_jabatan", self.jabatan.jenis.label().into()),
            ("unit", self.unit_id.as_str().into()),
            ("aktif", if self.aktif { "ya" } else { "tidak" }.into()),
        ]
    }
}
