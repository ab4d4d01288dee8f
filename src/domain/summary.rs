//! What the staff list shows of a person: identity, rank, position, unit, the newest
//! predikat and the JP per year. Derived from the records; the store keeps it up to date.

use super::career::Career;
use super::competency::Competency;
use super::evaluation::{Evaluation, Period, PeriodKind};
use super::jabatan::{Jabatan, JenisJabatan};
use super::nip::{EmploymentKind, Nip};
use super::pension::{Pension, Retiring, retiring};
use super::rank::{Golongan, Pendidikan};
use super::rating::{Predikat, Rating};
use super::staff::Staff;
use super::training::{Training, jp_in_year};
use jiff::civil::Date;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffSummary {
    /// The 18 NIP digits.
    pub nip: String,
    /// The name with titles.
    pub name: String,
    pub golongan: Golongan,
    /// The position's name without its jenjang ("Perawat"), short enough for a list.
    pub jabatan: String,
    /// The position's kind and jenjang; `None` only in a summary of the first layout, which
    /// the store rebuilds on open.
    pub jenis: Option<JenisJabatan>,
    pub unit_id: String,
    pub aktif: bool,
    /// The predikat of the newest evaluated period.
    pub last: Option<(Period, Predikat)>,
    /// JP of completed trainings per year (only years with any), oldest first.
    pub jp: Vec<(i16, u32)>,
    /// The predikat of each year's annual evaluation, oldest first: what the distribution
    /// guide counts.
    pub annual: Vec<(i16, Predikat)>,
    /// The Hasil Kerja of each year's annual evaluation, oldest first. Kept in the stored
    /// summary; since issue 21 the 9-box reads the predikat (`talent::kinerja_level`), and
    /// summaries rebuilt from the rows in memory leave it empty.
    pub annual_hasil: Vec<(i16, Rating)>,
    /// Each catalogue competency that a completed training satisfies, by its key
    /// (`competency_key` of its id), with the end date of the latest such training
    /// (`Competency::latest_end`), in catalogue order: what the Kompetensi view reads gaps
    /// from (issue 13).
    pub held: Vec<(u32, Date)>,
    /// The open objections (keberatan, not decided yet) to this person's evaluations: the
    /// period, where it stands and the day it was filed, the oldest filing first. Beranda
    /// lists them (issue 19).
    pub keberatan: Vec<(Period, super::keberatan::KeberatanStatus, Date)>,
    /// The education level, for the rank an education allows (kenaikan pangkat, issue
    /// 21); `None` in a summary of an older layout, which the store rebuilds on open.
    pub pendidikan: Option<Pendidikan>,
    /// The TMT of the current golongan from the career history, when known: what a
    /// promotion is counted from (issue 21).
    pub tmt_golongan: Option<Date>,
    /// The unit entries of the career history as (TMT, unit id) when the person was in
    /// more than one unit, else empty ([`super::Career::unit_moves`]): a past year is
    /// counted in the unit of that year.
    pub moves: Vec<(Option<Date>, String)>,
}

impl StaffSummary {
    /// The summary of a person from their records; `catalogue` is the competency
    /// catalogue, for `held`. The career history is the one the staff record implies
    /// ([`Career::implied`]); the store gives the stored one with [`Self::of_with_career`].
    pub fn of(
        staff: &Staff,
        evaluations: &[Evaluation],
        trainings: &[Training],
        catalogue: &[Competency],
    ) -> StaffSummary {
        Self::of_with_career(staff, evaluations, trainings, catalogue, None)
    }

    /// [`Self::of`] with the person's stored career history (`None`: none stored, the one
    /// the record implies).
    pub fn of_with_career(
        staff: &Staff,
        evaluations: &[Evaluation],
        trainings: &[Training],
        catalogue: &[Competency],
        career: Option<&Career>,
    ) -> StaffSummary {
        let implied;
        let career = match career {
            Some(c) => c,
            None => {
                implied = Career::implied(staff);
                &implied
            }
        };
        let last = evaluations
            .iter()
            .max_by_key(|e| e.period.sort_key())
            .map(|e| (e.period, e.predikat()));
        let mut years: Vec<i16> = trainings.iter().map(|t| t.year()).collect();
        years.sort_unstable();
        years.dedup();
        let jp = years
            .into_iter()
            .map(|y| (y, jp_in_year(trainings, y)))
            .filter(|(_, jp)| *jp > 0)
            .collect();
        let mut annual: Vec<(i16, Predikat)> = evaluations
            .iter()
            .filter(|e| e.period.kind == PeriodKind::Tahunan)
            .map(|e| (e.period.year, e.predikat()))
            .collect();
        annual.sort_by_key(|(y, _)| *y);
        let mut annual_hasil: Vec<(i16, Rating)> = evaluations
            .iter()
            .filter(|e| e.period.kind == PeriodKind::Tahunan)
            .map(|e| (e.period.year, e.hasil_kerja))
            .collect();
        annual_hasil.sort_by_key(|(y, _)| *y);
        let mut keberatan: Vec<_> = evaluations
            .iter()
            .filter_map(|e| {
                let k = e.keberatan.as_ref().filter(|k| k.is_open())?;
                Some((e.period, k.status(), k.diajukan))
            })
            .collect();
        keberatan.sort_by_key(|(p, _, d)| (*d, p.sort_key()));
        StaffSummary {
            nip: staff.nip.as_str().to_string(),
            name: staff.display_name(),
            golongan: staff.golongan,
            jabatan: staff.jabatan.nama.clone(),
            jenis: Some(staff.jabatan.jenis),
            unit_id: staff.unit_id.clone(),
            aktif: staff.aktif,
            last,
            jp,
            annual,
            annual_hasil,
            held: catalogue
                .iter()
                .filter_map(|c| Some((c.key(), c.latest_end(trainings)?)))
                .collect(),
            keberatan,
            pendidikan: Some(staff.pendidikan),
            tmt_golongan: career.tmt_golongan(),
            moves: career.unit_moves(),
        }
    }

    /// The unit the person was in on `day`: the unit id of the record unless the person
    /// moved, then the unit entry in effect that day ([`Career::on`]).
    pub fn unit_on(&self, day: Date) -> &str {
        if self.moves.is_empty() {
            return &self.unit_id;
        }
        self.moves
            .iter()
            .rfind(|(tmt, _)| tmt.is_none_or(|t| t <= day))
            .or_else(|| self.moves.first())
            .map_or(self.unit_id.as_str(), |(_, u)| u.as_str())
    }

    /// The unit of `year`: the one the person was in on its last day (where the annual
    /// evaluation is made).
    pub fn unit_in(&self, year: i16) -> &str {
        match Date::new(year, 12, 31) {
            Ok(d) => self.unit_on(d),
            Err(_) => &self.unit_id,
        }
    }

    /// The end of the latest completed training satisfying the competency `id`.
    pub fn held_until(&self, id: &str) -> Option<Date> {
        let key = super::competency::competency_key(id);
        self.held.iter().find(|(c, _)| *c == key).map(|(_, d)| *d)
    }

    /// The Hasil Kerja of the annual evaluation of `year`, if evaluated.
    pub fn annual_hasil_in(&self, year: i16) -> Option<Rating> {
        self.annual_hasil
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, r)| *r)
    }

    /// The annual predikat of `year`, if evaluated.
    pub fn annual_in(&self, year: i16) -> Option<Predikat> {
        self.annual
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, p)| *p)
    }

    /// JP of completed trainings ending in `year`.
    pub fn jp_in(&self, year: i16) -> u32 {
        self.jp
            .iter()
            .find(|(y, _)| *y == year)
            .map_or(0, |(_, jp)| *jp)
    }

    /// The position as a whole, with its jenjang when functional ("Perawat Mahir").
    pub fn position(&self) -> Jabatan {
        Jabatan {
            nama: self.jabatan.clone(),
            jenis: self.jenis.unwrap_or(JenisJabatan::Pelaksana),
        }
    }

    /// The pension age and date (DOMAIN.md, BUP) from the NIP's birth date and the
    /// position; `None` when the position's kind is not known or the NIP is unreadable.
    pub fn pension(&self) -> Option<Pension> {
        self.jenis?;
        let kind = if self.golongan.is_pppk() {
            EmploymentKind::Pppk
        } else {
            EmploymentKind::Pns
        };
        let nip = Nip::from_stored(&self.nip, kind).ok()?;
        Some(Pension::of(nip.birth_date(), &self.position()))
    }

    /// On the "retiring within 12 months" list on `today`: active, and the pension date
    /// past or within the next 12 months (DOMAIN.md, BUP).
    pub fn retiring_on(&self, today: jiff::civil::Date) -> Option<RetiringEntry> {
        if !self.aktif {
            return None;
        }
        // The birth year is the NIP's first four digits (an NI PPPK's too): most people
        // are decades from their pension, known without reading the position.
        if let Some(year) = self.nip.get(..4).and_then(|y| y.parse::<i16>().ok())
            && crate::domain::pension::too_young_to_retire(year, today)
        {
            return None;
        }
        let pension = self.pension()?;
        let status = retiring(pension.date, today)?;
        Some(RetiringEntry {
            nip: self.nip.clone(),
            name: self.name.clone(),
            unit_id: self.unit_id.clone(),
            position: self.position().title(),
            pension,
            status,
        })
    }

    /// The NIP with the spaces of its layout (`19850330 201001 1 002`; an NI PPPK
    /// `19931228 2025 21 2 001`).
    pub fn nip_spaced(&self) -> String {
        spaced_nip_of(&self.nip, self.golongan.is_pppk())
    }
}

/// A person on the "retiring within 12 months" list of Beranda and Laporan.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RetiringEntry {
    /// The 18 NIP digits.
    pub nip: String,
    /// The name with titles.
    pub name: String,
    pub unit_id: String,
    /// The position's full title ("Perawat Mahir").
    pub position: String,
    pub pension: Pension,
    pub status: Retiring,
}

impl RetiringEntry {
    /// The list's order: overdue first, then the nearest pension date, then the name.
    pub fn order_key(&self) -> (Retiring, jiff::civil::Date, &str, &str) {
        (self.status, self.pension.date, &self.name, &self.nip)
    }
}

/// [`spaced_nip`] for a PPPK's number when `pppk`: its own layout (`Nip::spaced`). The
/// summary and the list's rows tell a PPPK by the golongan only a PPPK holds.
pub fn spaced_nip_of(digits: &str, pppk: bool) -> String {
    let kind = if pppk {
        EmploymentKind::Pppk
    } else {
        EmploymentKind::Pns
    };
    Nip::spaced(digits, kind)
}

/// Spaces 18 NIP digits as `YYYYMMDD YYYYMM G NNN`; other text is returned as is. For a
/// number whose kind is known, [`spaced_nip_of`] or the `Nip`'s own `Display`.
pub fn spaced_nip(digits: &str) -> String {
    if digits.len() == 18 && digits.is_ascii() {
        format!(
            "{} {} {} {}",
            &digits[0..8],
            &digits[8..14],
            &digits[14..15],
            &digits[15..18]
        )
    } else {
        digits.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;
    use jiff::civil::date;

    #[test]
    fn the_summary_takes_the_newest_period_and_jp_per_year() {
        let staff = Staff {
            nip: Nip::parse("198503302010012002").unwrap(),
            nama: "Ani Lubis".into(),
            gelar_depan: String::new(),
            gelar_belakang: "A.Md.Kep.".into(),
            golongan: Golongan::parse("III/a", false).unwrap(),
            pendidikan: Pendidikan::D3,
            jabatan: Jabatan {
                nama: "Perawat".into(),
                jenis: JenisJabatan::Mahir,
            },
            unit_id: "puskesmas-belawan".into(),
            aktif: true,
            revision: 1,
        };
        let eval = |period: Period, h, p| Evaluation {
            id: 1,
            period,
            hasil_kerja: h,
            perilaku: p,
            berakhlak: Default::default(),
            penilai: None,
            atasan_penilai: None,
            catatan: String::new(),
            revision: 1,
            diterima: None,
            keberatan: None,
            pegawai: None,
        };
        let evals = [
            eval(Period::annual(2025), Rating::Sesuai, Rating::Sesuai),
            eval(
                Period::new(2026, PeriodKind::Triwulan(1)).unwrap(),
                Rating::DiBawah,
                Rating::Sesuai,
            ),
        ];
        let t = |y: i16, jp, status| Training {
            id: 1,
            judul: "Bimtek".into(),
            jenis: TrainingKind::Bimtek,
            penyelenggara: "BKPSDM".into(),
            jenis_penyelenggara: OrganiserKind::Pemerintah,
            mulai: date(y, 3, 1),
            selesai: date(y, 3, 2),
            jp,
            status,
            no_sertifikat: String::new(),
            catatan: String::new(),
            kompetensi: None,
            revision: 1,
        };
        let trainings = [
            t(2025, 12, TrainingStatus::Selesai),
            t(2026, 8, TrainingStatus::Selesai),
            t(2026, 30, TrainingStatus::Rencana),
        ];
        let s = StaffSummary::of(&staff, &evals, &trainings, &[]);
        assert_eq!(s.name, "Ani Lubis, A.Md.Kep.");
        assert_eq!(s.jabatan, "Perawat");
        assert_eq!(s.last.map(|(_, p)| p), Some(Predikat::ButuhPerbaikan));
        assert_eq!(s.jp_in(2025), 12);
        assert_eq!(s.jp_in(2026), 8);
        assert_eq!(s.jp_in(2024), 0);
        assert_eq!(s.annual_in(2025), Some(Predikat::Baik));
        assert_eq!(s.annual_in(2026), None);
        assert_eq!(s.nip_spaced(), "19850330 201001 2 002");
        // DOMAIN.md, BUP: Mahir (keterampilan) 58; born 30 March 1985, so 1 April 2043.
        assert_eq!(
            s.pension(),
            Some(crate::domain::Pension {
                age: 58,
                date: date(2043, 4, 1)
            })
        );
        assert_eq!(s.position().title(), "Perawat Mahir");
        let unknown = StaffSummary { jenis: None, ..s };
        assert_eq!(unknown.pension(), None);
    }
}
