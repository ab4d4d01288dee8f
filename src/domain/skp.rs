//! The SKP cycle of PermenPANRB 6/2022 (DOMAIN.md, "The SKP cycle"): the plan (Sasaran
//! Kinerja Pegawai with its Rencana Hasil Kerja and indicators), what is recorded during
//! the period (realisation, evidence, feedback), and how an evaluation stands against it.
//!
//! Nothing here computes a rating: 6/2022 has no formula (BKN: formulas and the weighting
//! of utama/tambahan are no longer used). Capaian is shown as information and the
//! contradiction checks are warnings for the evaluator, never a decision.

use super::evaluation::{NilaiBerakhlak, Period, PeriodKind, PersonAtTime};
use super::rating::Rating;
use super::text::{clean_line, clean_multiline};
use jiff::civil::Date;
use std::fmt;

/// A non-negative number with two decimals, kept as hundredths so that a target read from a
/// CSV file is written back unchanged (`12,5` is 1250).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub u64);

impl Amount {
    /// Parses `12`, `12,5`, `12.50` or `1.234,5` (Indonesian thousands dots): at most two
    /// decimals after the last `,`; a lone `.` followed by one or two digits is a decimal
    /// point. `None` for anything else (signs, letters, three decimals).
    pub fn parse(s: &str) -> Option<Amount> {
        let t = s.trim();
        if t.is_empty() {
            return None;
        }
        let (int, frac) = if let Some((i, f)) = t.rsplit_once(',') {
            (i.replace('.', ""), f.to_string())
        } else if let Some((i, f)) = t.rsplit_once('.') {
            if f.len() <= 2 && !i.contains('.') {
                (i.to_string(), f.to_string())
            } else {
                (t.replace('.', ""), String::new())
            }
        } else {
            (t.to_string(), String::new())
        };
        if int.is_empty()
            || frac.len() > 2
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole: u64 = int.parse().ok()?;
        let cents: u64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<u64>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        whole.checked_mul(100)?.checked_add(cents).map(Amount)
    }

    /// The value as a float, for ratios only.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl fmt::Display for Amount {
    /// `12`, `1.200`, `12,5`, `1.234,25`: Indonesian thousands dots and decimal comma, no
    /// trailing zeros; [`Amount::parse`] reads it back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, cents) = (self.0 / 100, self.0 % 100);
        let digits = whole.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(c);
        }
        match cents {
            0 => write!(f, "{grouped}"),
            c if c % 10 == 0 => write!(f, "{grouped},{}", c / 10),
            c => write!(f, "{grouped},{c:02}"),
        }
    }
}

/// The form an SKP uses (PermenPANRB 6/2022, Lampiran): one for JPT, one for pejabat
/// administrasi and fungsional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkpForm {
    Jpt,
    AdministrasiFungsional,
}

impl SkpForm {
    /// Stored as positions in this list: it only ever grows at the end.
    pub const ALL: [SkpForm; 2] = [SkpForm::AdministrasiFungsional, SkpForm::Jpt];

    pub fn label(self) -> &'static str {
        match self {
            SkpForm::Jpt => "JPT",
            SkpForm::AdministrasiFungsional => "Administrasi dan Fungsional",
        }
    }

    /// The CSV code: `jpt` or `administrasi-fungsional`.
    pub fn code(self) -> &'static str {
        match self {
            SkpForm::Jpt => "jpt",
            SkpForm::AdministrasiFungsional => "administrasi-fungsional",
        }
    }

    pub fn parse(s: &str) -> Option<SkpForm> {
        let t = letters(s);
        match t.as_str() {
            "jpt" => Some(SkpForm::Jpt),
            "administrasifungsional"
            | "administrasidanfungsional"
            | "administrasi"
            | "fungsional" => Some(SkpForm::AdministrasiFungsional),
            _ => None,
        }
    }
}

/// The approach of an SKP: targets as numbers with a satuan, or as sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pendekatan {
    Kuantitatif,
    Kualitatif,
}

impl Pendekatan {
    /// Stored as positions in this list: it only ever grows at the end.
    pub const ALL: [Pendekatan; 2] = [Pendekatan::Kuantitatif, Pendekatan::Kualitatif];

    pub fn label(self) -> &'static str {
        match self {
            Pendekatan::Kuantitatif => "Kuantitatif",
            Pendekatan::Kualitatif => "Kualitatif",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Pendekatan::Kuantitatif => "kuantitatif",
            Pendekatan::Kualitatif => "kualitatif",
        }
    }

    pub fn parse(s: &str) -> Option<Pendekatan> {
        match letters(s).as_str() {
            "kuantitatif" | "quantitative" => Some(Pendekatan::Kuantitatif),
            "kualitatif" | "qualitative" => Some(Pendekatan::Kualitatif),
            _ => None,
        }
    }
}

/// Whether an SKP is still being drafted or has been set (ditetapkan) on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkpStatus {
    Draft,
    Ditetapkan(Date),
}

impl SkpStatus {
    pub fn label(self) -> &'static str {
        match self {
            SkpStatus::Draft => "Draft",
            SkpStatus::Ditetapkan(_) => "Ditetapkan",
        }
    }
}

/// A Rencana Hasil Kerja is utama (main) or tambahan (additional).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JenisRhk {
    Utama,
    Tambahan,
}

impl JenisRhk {
    /// Stored as positions in this list: it only ever grows at the end.
    pub const ALL: [JenisRhk; 2] = [JenisRhk::Utama, JenisRhk::Tambahan];

    pub fn label(self) -> &'static str {
        match self {
            JenisRhk::Utama => "Utama",
            JenisRhk::Tambahan => "Tambahan",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            JenisRhk::Utama => "utama",
            JenisRhk::Tambahan => "tambahan",
        }
    }

    pub fn parse(s: &str) -> Option<JenisRhk> {
        match letters(s).as_str() {
            "utama" | "main" => Some(JenisRhk::Utama),
            "tambahan" | "additional" => Some(JenisRhk::Tambahan),
            _ => None,
        }
    }
}

/// The aspect an indicator measures (kuantitas, kualitas, waktu, biaya). "Aspek" belongs to
/// these four, not to the BerAKHLAK values (DOMAIN.md, The SKP cycle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Aspek {
    Kuantitas,
    Kualitas,
    Waktu,
    Biaya,
}

impl Aspek {
    /// Stored as positions in this list: it only ever grows at the end.
    pub const ALL: [Aspek; 4] = [
        Aspek::Kuantitas,
        Aspek::Kualitas,
        Aspek::Waktu,
        Aspek::Biaya,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Aspek::Kuantitas => "Kuantitas",
            Aspek::Kualitas => "Kualitas",
            Aspek::Waktu => "Waktu",
            Aspek::Biaya => "Biaya",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Aspek::Kuantitas => "kuantitas",
            Aspek::Kualitas => "kualitas",
            Aspek::Waktu => "waktu",
            Aspek::Biaya => "biaya",
        }
    }

    pub fn parse(s: &str) -> Option<Aspek> {
        match letters(s).as_str() {
            "kuantitas" | "quantity" => Some(Aspek::Kuantitas),
            "kualitas" | "quality" => Some(Aspek::Kualitas),
            "waktu" | "time" => Some(Aspek::Waktu),
            "biaya" | "cost" => Some(Aspek::Biaya),
            _ => None,
        }
    }

    /// Time and cost are met by staying at or under the target; quantity and quality by
    /// reaching it. This is the program's reading of a number against its target, used only
    /// for the capaian shown and the warnings.
    pub fn lower_is_better(self) -> bool {
        matches!(self, Aspek::Waktu | Aspek::Biaya)
    }
}

/// A target or a realisation: a number with its satuan (kuantitatif) or a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Nilai {
    Angka { nilai: Amount, satuan: String },
    Teks(String),
}

impl Nilai {
    /// The number, when there is one.
    pub fn amount(&self) -> Option<Amount> {
        match self {
            Nilai::Angka { nilai, .. } => Some(*nilai),
            Nilai::Teks(_) => None,
        }
    }

    /// Reads what an officer types: `12 laporan`, `100 %`, `3 hari` are numbers with a
    /// satuan; anything that does not start with a number is a sentence. `None` when empty.
    pub fn parse(s: &str) -> Option<Nilai> {
        let t = clean_line(s);
        let t = t.trim();
        if t.is_empty() {
            return None;
        }
        let split = t
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(t.len());
        let (number, rest) = t.split_at(split);
        match Amount::parse(number) {
            Some(nilai) if !number.is_empty() => Some(Nilai::Angka {
                nilai,
                satuan: rest.trim().to_string(),
            }),
            _ => Some(Nilai::Teks(t.to_string())),
        }
    }
}

impl fmt::Display for Nilai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Nilai::Angka { nilai, satuan } if satuan.is_empty() => write!(f, "{nilai}"),
            Nilai::Angka { nilai, satuan } => write!(f, "{nilai} {satuan}"),
            Nilai::Teks(t) => f.write_str(t),
        }
    }
}

/// The realisation of one indicator for one evaluation period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Realisasi {
    pub period: Period,
    pub nilai: Nilai,
    pub catatan: String,
}

/// Indikator Kinerja Individu: one aspect of an RHK with its target and realisations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indikator {
    /// Unique inside its SKP; assigned when the SKP is saved.
    pub id: u32,
    pub aspek: Aspek,
    pub teks: String,
    pub target: Nilai,
    /// At most one per period, in period order.
    pub realisasi: Vec<Realisasi>,
}

impl Indikator {
    /// The realisation recorded for `period`, if any.
    pub fn realisasi_of(&self, period: Period) -> Option<&Realisasi> {
        self.realisasi.iter().find(|r| r.period == period)
    }

    /// Sets (or with `None` clears) the realisation of `period`, keeping period order.
    pub fn set_realisasi(&mut self, period: Period, nilai: Option<Nilai>, catatan: &str) {
        self.realisasi.retain(|r| r.period != period);
        if let Some(nilai) = nilai {
            self.realisasi.push(Realisasi {
                period,
                nilai,
                catatan: clean_multiline(catatan),
            });
            self.realisasi.sort_by_key(|r| r.period.sort_key());
        }
    }
}

/// Where an RHK comes from: the superior's RHK it supports ("RHK pimpinan yang
/// diintervensi"), or for a JPT or unit head the unit's Perjanjian Kinerja.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Intervensi {
    /// Not said (an imported or older plan).
    #[default]
    None,
    /// The superior's RHK: its text always, and the link when the superior's SKP is in the
    /// database (NIP digits of the superior, SKP id, RHK id).
    Atasan {
        link: Option<(String, u32, u32)>,
        teks: String,
    },
    /// A unit head's RHK cites the unit's Perjanjian Kinerja.
    PerjanjianKinerja(String),
}

impl Intervensi {
    /// The text shown and exported: the superior's RHK or the Perjanjian Kinerja line.
    pub fn teks(&self) -> &str {
        match self {
            Intervensi::None => "",
            Intervensi::Atasan { teks, .. } | Intervensi::PerjanjianKinerja(teks) => teks,
        }
    }
}

/// Evidence (bukti dukung) for an RHK or one of its indicators: what, when, where it is kept
/// (a reference or a path; no file is uploaded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bukti {
    pub id: u32,
    /// The indicator it supports, or `None` for the RHK as a whole.
    pub indikator: Option<u32>,
    pub tanggal: Date,
    pub uraian: String,
    pub lokasi: String,
}

/// Continuous feedback (umpan balik berkelanjutan) on an RHK or one of its indicators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UmpanBalik {
    pub id: u32,
    pub indikator: Option<u32>,
    pub tanggal: Date,
    /// Who gave it (normally the pejabat penilai).
    pub dari: String,
    pub teks: String,
}

/// Rencana Hasil Kerja with its indicators and what was recorded against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rhk {
    /// Unique inside its SKP; assigned when the SKP is saved.
    pub id: u32,
    pub jenis: JenisRhk,
    pub teks: String,
    pub intervensi: Intervensi,
    pub indikator: Vec<Indikator>,
    pub bukti: Vec<Bukti>,
    pub umpan_balik: Vec<UmpanBalik>,
}

impl Rhk {
    /// A new RHK with no indicators (ids 0: the store assigns them).
    pub fn new(jenis: JenisRhk, teks: &str, intervensi: Intervensi) -> Rhk {
        Rhk {
            id: 0,
            jenis,
            teks: teks.to_string(),
            intervensi,
            indikator: Vec::new(),
            bukti: Vec::new(),
            umpan_balik: Vec::new(),
        }
    }
}

/// The Lampiran SKP: resources, accountability scheme and consequences, as text lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lampiran {
    pub sumber_daya: Vec<String>,
    pub skema_pertanggungjawaban: Vec<String>,
    pub konsekuensi: Vec<String>,
}

/// Sasaran Kinerja Pegawai: one person's plan for one period of work (normally the year; a
/// part of it when the position, unit or evaluator changes). PermenPANRB 6/2022.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skp {
    /// Unique among this person's SKPs; assigned by the store.
    pub id: u32,
    /// First and last day covered; both in the same year.
    pub mulai: Date,
    pub selesai: Date,
    pub form: SkpForm,
    pub pendekatan: Pendekatan,
    pub status: SkpStatus,
    /// The pegawai, the pejabat penilai and the atasan as they were when it was set.
    pub pegawai: PersonAtTime,
    pub penilai: PersonAtTime,
    pub atasan: Option<PersonAtTime>,
    pub rhk: Vec<Rhk>,
    /// Ekspektasi khusus pimpinan per BerAKHLAK value, in [`NilaiBerakhlak::ALL`] order.
    pub ekspektasi: [String; 7],
    pub lampiran: Lampiran,
    /// The last id given to an RHK, indicator, evidence or feedback of this SKP.
    pub next_id: u32,
    /// Bumped by the store on each save; a save with an older one is refused.
    pub revision: u64,
}

/// Why an SKP cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkpError {
    #[error("the SKP period must start and end in the same year, start first")]
    BadSpan,
    #[error("the pejabat penilai needs a name")]
    NoEvaluator,
    #[error("the pejabat penilai cannot be the person")]
    EvaluatorIsPerson,
    #[error("the atasan cannot be the person")]
    AtasanIsPerson,
    #[error("RHK {0} has no text")]
    EmptyRhk(usize),
    #[error("indicator {1} of RHK {0} has no text")]
    EmptyIndikator(usize, usize),
    #[error("indicator {1} of RHK {0}: a kuantitatif target is a number with a satuan")]
    TextTarget(usize, usize),
}

impl Skp {
    /// An empty draft SKP for `year` covering the whole year.
    pub fn new_year(year: i16, pegawai: PersonAtTime, penilai: PersonAtTime) -> Skp {
        Skp {
            id: 0,
            mulai: Date::new(year, 1, 1).unwrap_or(Date::MIN),
            selesai: Date::new(year, 12, 31).unwrap_or(Date::MAX),
            form: SkpForm::AdministrasiFungsional,
            pendekatan: Pendekatan::Kuantitatif,
            status: SkpStatus::Draft,
            pegawai,
            penilai,
            atasan: None,
            rhk: Vec::new(),
            ekspektasi: Default::default(),
            lampiran: Lampiran::default(),
            next_id: 0,
            revision: 0,
        }
    }

    pub fn year(&self) -> i16 {
        self.mulai.year()
    }

    /// Whether the SKP covers the whole year (1 January to 31 December).
    pub fn whole_year(&self) -> bool {
        (
            self.mulai.month(),
            self.mulai.day(),
            self.selesai.month(),
            self.selesai.day(),
        ) == (1, 1, 12, 31)
    }

    /// Whether this SKP is the plan for `period`: the period's months overlap its span.
    pub fn covers(&self, period: Period) -> bool {
        period.year == self.year() && period.start() <= self.selesai && period.end() >= self.mulai
    }

    /// The evaluation period that covers exactly this SKP's months: the annual one for a
    /// whole year, else the span of months (DOMAIN.md: "a span of months when the SKP
    /// covers part of a year").
    pub fn span_period(&self) -> Period {
        let (from, to) = (self.mulai.month() as u8, self.selesai.month() as u8);
        let kind = if (from, to) == (1, 12) {
            PeriodKind::Tahunan
        } else {
            PeriodKind::Rentang(from, to)
        };
        Period::new(self.year(), kind).unwrap_or(Period::annual(self.year()))
    }

    /// Every indicator with its RHK, in plan order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Rhk, &Indikator)> {
        self.rhk
            .iter()
            .flat_map(|r| r.indikator.iter().map(move |i| (r, i)))
    }

    /// The indicator with `id`, mutable.
    pub fn indikator_mut(&mut self, id: u32) -> Option<&mut Indikator> {
        self.rhk
            .iter_mut()
            .flat_map(|r| r.indikator.iter_mut())
            .find(|i| i.id == id)
    }

    /// Gives every RHK, indicator, evidence and feedback with id 0 a fresh id.
    pub fn number(&mut self) {
        let mut next = self.next_id;
        let mut fresh = |id: &mut u32| {
            if *id == 0 {
                next += 1;
                *id = next;
            }
        };
        for r in &mut self.rhk {
            fresh(&mut r.id);
            for i in &mut r.indikator {
                fresh(&mut i.id);
            }
            for b in &mut r.bukti {
                fresh(&mut b.id);
            }
            for u in &mut r.umpan_balik {
                fresh(&mut u.id);
            }
        }
        self.next_id = next;
    }

    /// The record with every text cleaned of control characters.
    pub fn cleaned(mut self) -> Skp {
        for p in [&mut self.pegawai, &mut self.penilai]
            .into_iter()
            .chain(self.atasan.as_mut())
        {
            *p = p.clone().cleaned();
        }
        for r in &mut self.rhk {
            r.teks = clean_multiline(&r.teks);
            match &mut r.intervensi {
                Intervensi::None => {}
                Intervensi::Atasan { teks, .. } | Intervensi::PerjanjianKinerja(teks) => {
                    *teks = clean_multiline(teks)
                }
            }
            for i in &mut r.indikator {
                i.teks = clean_multiline(&i.teks);
                clean_nilai(&mut i.target);
                for x in &mut i.realisasi {
                    clean_nilai(&mut x.nilai);
                    x.catatan = clean_multiline(&x.catatan);
                }
            }
            for b in &mut r.bukti {
                b.uraian = clean_multiline(&b.uraian);
                b.lokasi = clean_line(&b.lokasi);
            }
            for u in &mut r.umpan_balik {
                u.dari = clean_line(&u.dari);
                u.teks = clean_multiline(&u.teks);
            }
        }
        for e in &mut self.ekspektasi {
            *e = clean_multiline(e);
        }
        for list in [
            &mut self.lampiran.sumber_daya,
            &mut self.lampiran.skema_pertanggungjawaban,
            &mut self.lampiran.konsekuensi,
        ] {
            for line in list.iter_mut() {
                *line = clean_line(line);
            }
            list.retain(|l| !l.trim().is_empty());
        }
        self
    }

    /// The rules an SKP must keep to be saved, for the person with NIP digits `person`.
    /// RHK and indicator numbers in the errors count from 1.
    pub fn validate(&self, person: &str) -> Result<(), SkpError> {
        if self.mulai.year() != self.selesai.year() || self.mulai > self.selesai {
            return Err(SkpError::BadSpan);
        }
        if self.penilai.nama.trim().is_empty() {
            return Err(SkpError::NoEvaluator);
        }
        let is_person = |e: &PersonAtTime| e.nip.as_ref().is_some_and(|n| n.as_str() == person);
        if is_person(&self.penilai) {
            return Err(SkpError::EvaluatorIsPerson);
        }
        if self.atasan.as_ref().is_some_and(is_person) {
            return Err(SkpError::AtasanIsPerson);
        }
        for (r, rhk) in self.rhk.iter().enumerate() {
            if rhk.teks.trim().is_empty() {
                return Err(SkpError::EmptyRhk(r + 1));
            }
            for (i, ind) in rhk.indikator.iter().enumerate() {
                if ind.teks.trim().is_empty() {
                    return Err(SkpError::EmptyIndikator(r + 1, i + 1));
                }
                if self.pendekatan == Pendekatan::Kuantitatif && ind.target.amount().is_none() {
                    return Err(SkpError::TextTarget(r + 1, i + 1));
                }
            }
        }
        Ok(())
    }
}

fn clean_nilai(n: &mut Nilai) {
    match n {
        Nilai::Angka { satuan, .. } => *satuan = clean_line(satuan),
        Nilai::Teks(t) => *t = clean_line(t),
    }
}

fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// Capaian of one indicator: realisation against target in percent, where both are numbers
/// and the target is not zero. For waktu and biaya (lower is better) it is target against
/// realisation. Information only (DOMAIN.md: "A program shows capaian ... as information").
pub fn capaian(aspek: Aspek, target: &Nilai, realisasi: &Nilai) -> Option<f64> {
    if !same_satuan(target, realisasi) {
        return None;
    }
    // Hundredths on both sides: the ratio is exact for the figures officers type.
    let (t, r) = (target.amount()?.0 as f64, realisasi.amount()?.0 as f64);
    if aspek.lower_is_better() {
        if r == 0.0 {
            return Some(100.0);
        }
        Some(t * 100.0 / r)
    } else {
        (t > 0.0).then(|| r * 100.0 / t)
    }
}

/// Whether two numbers count the same thing: their satuan are equal ignoring case and
/// spaces, or one of them has none. `280 orang` against `300 pasien` is not comparable, so
/// it gives no capaian and no judgement (a screen says so).
pub fn same_satuan(target: &Nilai, realisasi: &Nilai) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    match (target, realisasi) {
        (Nilai::Angka { satuan: a, .. }, Nilai::Angka { satuan: b, .. }) => {
            a.trim().is_empty() || b.trim().is_empty() || norm(a) == norm(b)
        }
        _ => true,
    }
}

/// Whether a numeric realisation meets its target (see [`Aspek::lower_is_better`]).
/// `None` when either is a sentence: the evaluator judges those.
pub fn met(aspek: Aspek, target: &Nilai, realisasi: &Nilai) -> Option<bool> {
    if !same_satuan(target, realisasi) {
        return None;
    }
    let (t, r) = (target.amount()?, realisasi.amount()?);
    Some(if aspek.lower_is_better() {
        r <= t
    } else {
        r >= t
    })
}

/// The period a realisation is read for when an evaluation of `period` is made: the same
/// period, or for the annual (and a part-year span) the latest realisation inside it.
fn realisasi_for(ind: &Indikator, period: Period) -> Option<&Realisasi> {
    if let Some(r) = ind.realisasi_of(period) {
        return Some(r);
    }
    let (from, to) = period.months();
    if !matches!(period.kind, PeriodKind::Tahunan | PeriodKind::Rentang(..)) {
        return None;
    }
    ind.realisasi
        .iter()
        .filter(|r| {
            let (a, b) = r.period.months();
            r.period.year == period.year && a >= from && b <= to
        })
        .max_by_key(|r| r.period.sort_key())
}

/// What an evaluator should look at twice before a Hasil Kerja rating (DOMAIN.md, The SKP
/// cycle: warn "when the rating contradicts it (Di Atas while every IKI is below target;
/// Di Bawah while every IKI met it)"). Warnings only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HasilKerjaWarning {
    /// Di Atas Ekspektasi while every numeric indicator is below its target.
    AboveButAllBelow,
    /// Di Bawah Ekspektasi while every numeric indicator met its target.
    BelowButAllMet,
    /// A rating for a period in which these many indicators have no realisation.
    NoRealisation(usize),
}

/// The capaian of one indicator for one period, as the evaluation form and the exports show
/// it: the realisation read for the period and, where both are numbers, the percentage.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorReading {
    pub rhk_id: u32,
    pub indikator_id: u32,
    pub realisasi: Option<Nilai>,
    pub capaian: Option<f64>,
    pub met: Option<bool>,
}

/// Every indicator of `skp` read for `period`, in plan order.
pub fn readings(skp: &Skp, period: Period) -> Vec<IndicatorReading> {
    skp.indicators()
        .map(|(r, i)| {
            let real = realisasi_for(i, period).map(|x| x.nilai.clone());
            IndicatorReading {
                rhk_id: r.id,
                indikator_id: i.id,
                capaian: real.as_ref().and_then(|x| capaian(i.aspek, &i.target, x)),
                met: real.as_ref().and_then(|x| met(i.aspek, &i.target, x)),
                realisasi: real,
            }
        })
        .collect()
}

/// The warnings for rating Hasil Kerja `rating` in `period` against `skp`.
pub fn hasil_kerja_warnings(skp: &Skp, period: Period, rating: Rating) -> Vec<HasilKerjaWarning> {
    let rows = readings(skp, period);
    let mut out = Vec::new();
    let missing = rows.iter().filter(|r| r.realisasi.is_none()).count();
    if missing > 0 {
        out.push(HasilKerjaWarning::NoRealisation(missing));
    }
    let judged: Vec<bool> = rows.iter().filter_map(|r| r.met).collect();
    if !judged.is_empty() {
        if rating == Rating::DiAtas && judged.iter().all(|m| !m) {
            out.push(HasilKerjaWarning::AboveButAllBelow);
        }
        if rating == Rating::DiBawah && judged.iter().all(|m| *m) {
            out.push(HasilKerjaWarning::BelowButAllMet);
        }
    }
    out
}

/// The SKP of `skps` that is the plan for `period`: the one whose span covers it, the
/// latest set one when several do (a part-year SKP after a change of position).
pub fn skp_for(skps: &[Skp], period: Period) -> Option<&Skp> {
    skps.iter()
        .filter(|s| s.covers(period))
        .max_by_key(|s| (s.selesai, s.id))
}

/// The text shown for an SKP's BerAKHLAK expectation list: `(value, expectation)` pairs.
pub fn ekspektasi_pairs(skp: &Skp) -> impl Iterator<Item = (NilaiBerakhlak, &str)> {
    NilaiBerakhlak::ALL
        .into_iter()
        .zip(skp.ekspektasi.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn person(name: &str) -> PersonAtTime {
        PersonAtTime {
            nama: name.into(),
            ..Default::default()
        }
    }

    fn ind(aspek: Aspek, target: &str) -> Indikator {
        Indikator {
            id: 0,
            aspek,
            teks: "indikator".into(),
            target: Nilai::parse(target).expect("target"),
            realisasi: Vec::new(),
        }
    }

    fn plan(indicators: Vec<Indikator>) -> Skp {
        let mut s = Skp::new_year(2026, person("Pegawai"), person("Penilai"));
        let mut r = Rhk::new(JenisRhk::Utama, "Layanan", Intervensi::None);
        r.indikator = indicators;
        s.rhk.push(r);
        s.number();
        s
    }

    fn q(n: u8) -> Period {
        Period::new(2026, PeriodKind::Triwulan(n)).expect("quarter")
    }

    #[test]
    fn amounts_read_indonesian_and_english_decimals() {
        assert_eq!(Amount::parse("12"), Some(Amount(1200)));
        assert_eq!(Amount::parse("12,5"), Some(Amount(1250)));
        assert_eq!(Amount::parse("12.50"), Some(Amount(1250)));
        assert_eq!(Amount::parse("1.234,5"), Some(Amount(123450)));
        assert_eq!(Amount::parse("1.234"), Some(Amount(123400)));
        assert_eq!(Amount::parse("-3"), None);
        assert_eq!(Amount::parse("1,234"), None);
        assert_eq!(Amount::parse(""), None);
        assert_eq!(Amount(1250).to_string(), "12,5");
        assert_eq!(Amount(1225).to_string(), "12,25");
        assert_eq!(Amount(1200).to_string(), "12");
        assert_eq!(Amount(120000).to_string(), "1.200");
        assert_eq!(Amount(123456725).to_string(), "1.234.567,25");
        for v in [0, 5, 99_999, 100_000, 123_450, 100_000_000, 123_456_725] {
            assert_eq!(
                Amount::parse(&Amount(v).to_string()),
                Some(Amount(v)),
                "{v}"
            );
        }
    }

    #[test]
    fn a_value_is_a_number_with_satuan_or_a_sentence() {
        assert_eq!(
            Nilai::parse("12 laporan"),
            Some(Nilai::Angka {
                nilai: Amount(1200),
                satuan: "laporan".into()
            })
        );
        assert_eq!(
            Nilai::parse("100%"),
            Some(Nilai::Angka {
                nilai: Amount(10000),
                satuan: "%".into()
            })
        );
        assert_eq!(
            Nilai::parse("Laporan diterima tepat waktu"),
            Some(Nilai::Teks("Laporan diterima tepat waktu".into()))
        );
        assert_eq!(Nilai::parse("  "), None);
        let n = Nilai::parse("12,5 kegiatan").expect("value");
        assert_eq!(Nilai::parse(&n.to_string()), Some(n));
    }

    #[test]
    fn capaian_is_realisation_against_target_and_reversed_for_time_and_cost() {
        let t = Nilai::parse("10 laporan").expect("t");
        let r = Nilai::parse("12 laporan").expect("r");
        assert_eq!(capaian(Aspek::Kuantitas, &t, &r), Some(120.0));
        assert_eq!(met(Aspek::Kuantitas, &t, &r), Some(true));
        let days = Nilai::parse("4 hari").expect("t");
        let took = Nilai::parse("5 hari").expect("r");
        assert_eq!(capaian(Aspek::Waktu, &days, &took), Some(80.0));
        assert_eq!(met(Aspek::Waktu, &days, &took), Some(false));
        assert_eq!(met(Aspek::Biaya, &took, &days), Some(true));
        let text = Nilai::Teks("baik".into());
        assert_eq!(capaian(Aspek::Kualitas, &text, &r), None);
        assert_eq!(met(Aspek::Kualitas, &text, &r), None);
        let zero = Nilai::parse("0 laporan").expect("zero");
        assert_eq!(capaian(Aspek::Kuantitas, &zero, &r), None);
        // Another satuan counts something else: no capaian, no judgement.
        let other = Nilai::parse("12 orang").expect("other");
        assert_eq!(capaian(Aspek::Kuantitas, &t, &other), None);
        assert_eq!(met(Aspek::Kuantitas, &t, &other), None);
        let bare = Nilai::parse("12").expect("bare");
        assert_eq!(capaian(Aspek::Kuantitas, &t, &bare), Some(120.0));
        let spaced = Nilai::parse("12  LAPORAN").expect("spaced");
        assert_eq!(met(Aspek::Kuantitas, &t, &spaced), Some(true));
    }

    #[test]
    fn above_while_every_indicator_is_below_target_warns() {
        let mut s = plan(vec![
            ind(Aspek::Kuantitas, "10 laporan"),
            ind(Aspek::Waktu, "3 hari"),
        ]);
        let ids: Vec<u32> = s.indicators().map(|(_, i)| i.id).collect();
        let set = |s: &mut Skp, id: u32, v: &str| {
            s.indikator_mut(id)
                .expect("indicator")
                .set_realisasi(q(2), Nilai::parse(v), "")
        };
        set(&mut s, ids[0], "8 laporan");
        set(&mut s, ids[1], "5 hari");
        assert_eq!(
            hasil_kerja_warnings(&s, q(2), Rating::DiAtas),
            vec![HasilKerjaWarning::AboveButAllBelow]
        );
        assert!(hasil_kerja_warnings(&s, q(2), Rating::Sesuai).is_empty());
        assert!(hasil_kerja_warnings(&s, q(2), Rating::DiBawah).is_empty());
        // One indicator met: no longer "every one below".
        set(&mut s, ids[1], "3 hari");
        assert!(hasil_kerja_warnings(&s, q(2), Rating::DiAtas).is_empty());
        set(&mut s, ids[0], "10 laporan");
        assert_eq!(
            hasil_kerja_warnings(&s, q(2), Rating::DiBawah),
            vec![HasilKerjaWarning::BelowButAllMet]
        );
    }

    #[test]
    fn a_rating_over_indicators_with_no_realisation_warns() {
        let s = plan(vec![
            ind(Aspek::Kuantitas, "10 laporan"),
            ind(Aspek::Kualitas, "100 %"),
        ]);
        assert_eq!(
            hasil_kerja_warnings(&s, q(1), Rating::Sesuai),
            vec![HasilKerjaWarning::NoRealisation(2)]
        );
    }

    #[test]
    fn the_annual_reads_the_latest_realisation_of_the_year() {
        let mut s = plan(vec![ind(Aspek::Kuantitas, "10 laporan")]);
        let id = s.indicators().map(|(_, i)| i.id).next().expect("id");
        let i = s.indikator_mut(id).expect("indicator");
        i.set_realisasi(q(2), Nilai::parse("4 laporan"), "");
        i.set_realisasi(q(4), Nilai::parse("11 laporan"), "");
        i.set_realisasi(q(1), Nilai::parse("2 laporan"), "");
        assert_eq!(
            i.realisasi.iter().map(|r| r.period).collect::<Vec<_>>(),
            vec![q(1), q(2), q(4)]
        );
        let rows = readings(&s, Period::annual(2026));
        assert_eq!(rows[0].realisasi, Nilai::parse("11 laporan"));
        assert_eq!(rows[0].capaian, Some(110.0));
        // A quarter reads only its own realisation.
        assert_eq!(readings(&s, q(3))[0].realisasi, None);
    }

    #[test]
    fn a_part_year_skp_covers_its_span_only() {
        let mut s = plan(vec![]);
        s.mulai = date(2026, 6, 1);
        s.selesai = date(2026, 12, 31);
        assert!(!s.whole_year());
        assert_eq!(
            s.span_period(),
            Period::new(2026, PeriodKind::Rentang(6, 12)).expect("span")
        );
        assert!(!s.covers(q(1)));
        assert!(s.covers(q(2)));
        assert!(s.covers(Period::annual(2026)));
        let mut first = s.clone();
        first.id = 1;
        first.mulai = date(2026, 1, 1);
        first.selesai = date(2026, 5, 31);
        s.id = 2;
        let both = [first.clone(), s.clone()];
        assert_eq!(skp_for(&both, q(1)).map(|s| s.id), Some(1));
        assert_eq!(skp_for(&both, q(3)).map(|s| s.id), Some(2));
        // June is in both quarters' reach: the later plan wins.
        assert_eq!(skp_for(&both, q(2)).map(|s| s.id), Some(2));
    }

    #[test]
    fn validation_names_the_rhk_and_indicator() {
        let mut s = plan(vec![ind(Aspek::Kualitas, "tepat")]);
        assert_eq!(s.validate("1"), Err(SkpError::TextTarget(1, 1)));
        s.pendekatan = Pendekatan::Kualitatif;
        assert_eq!(s.validate("1"), Ok(()));
        s.rhk[0].teks = " ".into();
        assert_eq!(s.validate("1"), Err(SkpError::EmptyRhk(1)));
        s.selesai = date(2027, 1, 31);
        assert_eq!(s.validate("1"), Err(SkpError::BadSpan));
    }

    #[test]
    fn numbering_gives_fresh_ids_and_keeps_old_ones() {
        let mut s = plan(vec![
            ind(Aspek::Kuantitas, "1 x"),
            ind(Aspek::Waktu, "2 hari"),
        ]);
        assert_eq!(s.next_id, 3);
        let mut r = Rhk::new(JenisRhk::Tambahan, "Tambahan", Intervensi::None);
        r.indikator.push(ind(Aspek::Biaya, "5 juta"));
        s.rhk.push(r);
        s.number();
        let ids: Vec<u32> = s.indicators().map(|(_, i)| i.id).collect();
        assert_eq!(ids, vec![2, 3, 5]);
        assert_eq!(s.rhk[1].id, 4);
    }
}
