//! Demo data (`kinerja demo`, `kinerja --demo`, the welcome screen): invented but plausible staff of the Belawan units, with evaluations for
//! the last two years and trainings from government bodies and private partners.
//!
//! Deterministic: the same seed, staff count and current year give the same data. Every
//! person is invented from lists of common given names and Batak marga.

use crate::domain::{
    Aspek, AspekPenilaian, Competency, CompetencyKind, EmploymentKind, Evaluation, Evaluator,
    Golongan, Jabatan, JenisJabatan, Nip, OrganiserKind, Pendidikan, Period, PeriodKind, Predikat,
    Rating, Requirement, Staff, Training, TrainingKind, TrainingStatus, Unit, UnitKind, UnitRating,
};
use crate::store::bulk::BulkWriter;
use crate::store::{AuditAction, EvaluationGroup, Partner, Store, StoreError, TrainingGroup};
use jiff::civil::Date;
use std::collections::HashSet;

/// SplitMix64: small, fast, and stable across releases, so a seed means the same data forever.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6b69_6e65_726a_6121)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const MALE: &[&str] = &[
    "Ahmad",
    "Budi",
    "Dedi",
    "Fajar",
    "Hendra",
    "Irwan",
    "Joko",
    "Rudi",
    "Sahat",
    "Togar",
    "Parlindungan",
    "Rahmat",
    "Syahrial",
    "Yusuf",
    "Zulkifli",
    "Benny",
    "Darwin",
    "Effendi",
    "Gomgom",
    "Hotman",
    "Indra",
    "Marulam",
    "Nasrul",
    "Putra",
    "Reza",
    "Taufik",
    "Wahyu",
    "Arif",
    "Bonar",
    "Dimas",
];
const FEMALE: &[&str] = &[
    "Ani",
    "Butet",
    "Dewi",
    "Erna",
    "Fitri",
    "Hana",
    "Indah",
    "Juliana",
    "Kartika",
    "Lestari",
    "Maya",
    "Nurhayati",
    "Rina",
    "Sari",
    "Tiurma",
    "Uli",
    "Wulan",
    "Yanti",
    "Rosmawati",
    "Sondang",
    "Melati",
    "Novita",
    "Ratna",
    "Siti",
    "Evi",
    "Fauziah",
    "Hotmaida",
    "Lasma",
    "Mutiara",
    "Rahmah",
];
const MARGA: &[&str] = &[
    "Siregar",
    "Tarigan",
    "Pohan",
    "Siagian",
    "Nasution",
    "Lubis",
    "Harahap",
    "Simanjuntak",
    "Sitorus",
    "Hutapea",
    "Ginting",
    "Sembiring",
    "Sinaga",
    "Manurung",
    "Panjaitan",
    "Hasibuan",
    "Damanik",
    "Purba",
    "Saragih",
    "Batubara",
    "Rangkuti",
    "Daulay",
    "Pardede",
    "Situmorang",
];
const JAVANESE_OR_MALAY: &[&str] = &[
    "Wibowo",
    "Lestari",
    "Rahayu",
    "Saputra",
    "Hidayat",
    "Syahputra",
];

struct UnitSpec {
    name: &'static str,
    kind: UnitKind,
    parent: Option<&'static str>,
    /// Share of the staff, in per mille.
    weight: u32,
}

const UNITS: &[UnitSpec] = &[
    UnitSpec {
        name: "Kecamatan Medan Belawan",
        kind: UnitKind::Pemerintahan,
        parent: None,
        weight: 80,
    },
    UnitSpec {
        name: "Kelurahan Belawan I",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Belawan II",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Belawan Bahari",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Belawan Bahagia",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Belawan Sicanang",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Bagan Deli",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Puskesmas Belawan",
        kind: UnitKind::Kesehatan,
        parent: None,
        weight: 140,
    },
    UnitSpec {
        name: "Puskesmas Sicanang",
        kind: UnitKind::Kesehatan,
        parent: None,
        weight: 100,
    },
    UnitSpec {
        name: "Pustu Bahari",
        kind: UnitKind::Kesehatan,
        parent: Some("Puskesmas Belawan"),
        weight: 30,
    },
    UnitSpec {
        name: "Pustu Bahagia",
        kind: UnitKind::Kesehatan,
        parent: Some("Puskesmas Belawan"),
        weight: 30,
    },
    UnitSpec {
        name: "Pustu Bagan Deli",
        kind: UnitKind::Kesehatan,
        parent: Some("Puskesmas Sicanang"),
        weight: 30,
    },
    UnitSpec {
        name: "SMP Negeri 26 Medan",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 110,
    },
    UnitSpec {
        name: "SD Negeri 065005",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 60,
    },
    UnitSpec {
        name: "SD Negeri 060968",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 60,
    },
    UnitSpec {
        name: "SD Negeri 060970",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 60,
    },
    UnitSpec {
        name: "SD Negeri 068009",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 60,
    },
];

/// The unit whose staff's predikat break the distribution guide in the demo: rated Baik,
/// yet nobody Butuh Perbaikan or Kurang and too many Baik.
pub const RULE_BREAKING_UNIT: &str = "Puskesmas Sicanang";

/// A position a unit can hold: name, kind, the educations that fit, and the titles.
struct Role {
    nama: &'static str,
    jenis: &'static [JenisJabatan],
    pendidikan: &'static [Pendidikan],
    weight: u32,
}

use JenisJabatan as J;
use Pendidikan as P;

const HEALTH_ROLES: &[Role] = &[
    Role {
        nama: "Dokter",
        jenis: &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
        // S-1 becomes Profesi and some S-2 Sp-1 in `siasn_level`.
        pendidikan: &[P::S1, P::S2],
        weight: 12,
    },
    Role {
        nama: "Perawat",
        jenis: &[J::Terampil, J::Mahir, J::Penyelia],
        pendidikan: &[P::D3],
        weight: 25,
    },
    Role {
        nama: "Perawat",
        jenis: &[J::AhliPertama, J::AhliMuda],
        pendidikan: &[P::S1],
        weight: 12,
    },
    Role {
        nama: "Bidan",
        jenis: &[J::Terampil, J::Mahir, J::Penyelia],
        pendidikan: &[P::D3],
        weight: 20,
    },
    Role {
        nama: "Penyuluh Kesehatan Masyarakat",
        jenis: &[J::AhliPertama, J::AhliMuda],
        pendidikan: &[P::S1],
        weight: 8,
    },
    Role {
        nama: "Sanitarian",
        jenis: &[J::Terampil, J::Mahir],
        pendidikan: &[P::D3],
        weight: 6,
    },
    Role {
        nama: "Pranata Laboratorium Kesehatan",
        jenis: &[J::Terampil, J::Mahir],
        pendidikan: &[P::D3],
        weight: 6,
    },
    Role {
        nama: "Pengadministrasi Umum",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Slta, P::D3],
        weight: 11,
    },
];

const SCHOOL_ROLES: &[Role] = &[
    Role {
        nama: "Guru",
        jenis: &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
        pendidikan: &[P::S1, P::S2],
        weight: 80,
    },
    Role {
        nama: "Pustakawan",
        jenis: &[J::Terampil, J::AhliPertama],
        pendidikan: &[P::D3, P::S1],
        weight: 6,
    },
    Role {
        nama: "Pengadministrasi Sekolah",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Slta, P::D3],
        weight: 14,
    },
];

const OFFICE_ROLES: &[Role] = &[
    Role {
        nama: "Kepala Seksi",
        jenis: &[J::Pengawas],
        pendidikan: &[P::S1, P::S2],
        weight: 10,
    },
    Role {
        nama: "Pranata Komputer",
        jenis: &[J::AhliPertama, J::AhliMuda],
        pendidikan: &[P::S1],
        weight: 8,
    },
    Role {
        nama: "Analis Kebijakan",
        jenis: &[J::AhliPertama, J::AhliMuda],
        pendidikan: &[P::S1, P::S2],
        weight: 7,
    },
    Role {
        nama: "Pengelola Keuangan",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::D3, P::S1],
        weight: 15,
    },
    Role {
        nama: "Pengadministrasi Umum",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Slta, P::D3],
        weight: 35,
    },
    Role {
        nama: "Pengemudi",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Sltp, P::Slta],
        weight: 5,
    },
    Role {
        nama: "Petugas Kebersihan",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Sd, P::Sltp],
        weight: 5,
    },
];

const GOV_ORGANISERS: &[&str] = &[
    "BKPSDM Kota Medan",
    "Dinas Kesehatan Kota Medan",
    "Dinas Pendidikan Kota Medan",
    "BPSDM Provinsi Sumatera Utara",
    "Kecamatan Medan Belawan",
];
/// Invented private partners and a state-owned one, as the seed article describes.
const PRIVATE_ORGANISERS: &[(&str, OrganiserKind)] = &[
    ("PT Solusi Digital Pesisir", OrganiserKind::Swasta),
    ("Yayasan Cendekia Deli", OrganiserKind::Swasta),
    ("Klinik Pelatihan Medika Utama", OrganiserKind::Swasta),
    ("BUMN Kepelabuhanan (program CSR)", OrganiserKind::BumnBumd),
];

/// The invented agreements, contact and competencies of the demo's private and
/// state-owned partners (issue 13), dated from `today`: PT Solusi Digital Pesisir and the
/// BUMN are under agreements in force, Yayasan Cendekia Deli's MoU ends within three months
/// (expiring soon), and Klinik Pelatihan Medika Utama's PKS ended in the middle of last
/// year, so its later trainings are flagged as outside agreement. Numbers, people,
/// phones and e-mails are invented and say "DEMO" or use the `.example` domain.
/// Government bodies get none.
fn with_agreements(mut p: Partner, today: Date) -> Partner {
    use crate::domain::{Agreement, AgreementKind, Contact, unit_id};
    let y = today.year();
    let day = |y: i16, m: i8, d: i8| Date::new(y, m, d).unwrap_or(today);
    let agreement =
        |kind: AgreementKind, n: u32, mulai: Date, selesai: Date, scope: &str| Agreement {
            kind,
            nomor: format!("{}/{n:03}/DEMO/{}", kind.label(), mulai.year()),
            mulai,
            selesai,
            ruang_lingkup: format!("{scope} (demo)"),
        };
    let contact = |nama: &str, telepon: &str, email: &str| Contact {
        nama: format!("{nama} (demo)"),
        telepon: telepon.into(),
        email: email.into(),
    };
    let ids = |names: &[&str]| names.iter().map(|n| unit_id(n)).collect::<Vec<_>>();
    match p.name.as_str() {
        "PT Solusi Digital Pesisir" => {
            p.agreements = vec![agreement(
                AgreementKind::Pks,
                11,
                day(y - 1, 1, 1),
                day(y + 1, 12, 31),
                "Pelatihan literasi dan administrasi digital",
            )];
            p.contact = contact(
                "Andi Lubis",
                "0812-0000-1101",
                "pelatihan@solusi-digital.example",
            );
            p.competencies = ids(&[
                "Literasi Digital (demo)",
                "Sistem Informasi Puskesmas (demo)",
            ]);
        }
        "Yayasan Cendekia Deli" => {
            let end = today
                .checked_add(jiff::Span::new().months(2))
                .unwrap_or(today);
            p.agreements = vec![agreement(
                AgreementKind::Mou,
                7,
                day(y - 1, 1, 1),
                end,
                "Pendampingan guru",
            )];
            p.contact = contact(
                "Rahmi Nasution",
                "0813-0000-2202",
                "sekretariat@cendekia-deli.example",
            );
            p.competencies = ids(&["Kurikulum Merdeka (demo)", "Asesmen Nasional (demo)"]);
        }
        "Klinik Pelatihan Medika Utama" => {
            p.agreements = vec![agreement(
                AgreementKind::Pks,
                3,
                day(y - 2, 7, 1),
                day(y - 1, 6, 30),
                "Pelatihan kegawatdaruratan dan gizi",
            )];
            p.contact = contact(
                "dr. Hendra Siagian",
                "061-0000-3303",
                "diklat@medika-utama.example",
            );
            p.competencies = ids(&["PPGD / BTCLS (demo)", "Gizi Masyarakat (demo)"]);
        }
        "BUMN Kepelabuhanan (program CSR)" => {
            p.agreements = vec![agreement(
                AgreementKind::Pks,
                21,
                day(y - 1, 1, 1),
                day(y + 2, 12, 31),
                "Program CSR pelatihan K3 dan pelayanan publik",
            )];
            p.contact = contact("Budi Pohan", "061-0000-4404", "csr@pelabuhan.example");
            p.competencies = ids(&["Kesehatan Kerja (demo)", "Pelayanan Publik Prima (demo)"]);
        }
        _ => {}
    }
    p.cleaned()
}

/// Everything the demo writes for one person.
pub struct DemoPerson {
    pub staff: Staff,
    pub evaluations: EvaluationGroup,
    pub trainings: TrainingGroup,
    /// Potensial for last year and, for some, the year before (PermenPANRB 3/2020).
    pub potentials: crate::domain::Potentials,
    pub coaching: crate::store::CoachingGroup,
}

struct Draft {
    staff: Staff,
    unit: usize,
    /// How well this person works, 0 (poor) to 1 (excellent).
    latent: f64,
    /// Annual predikat for the year before last and last year.
    annual: [Option<Predikat>; 2],
    /// For a unit's head: the Hasil Kerja the unit's rating gives, per year as `annual`.
    head_hasil: [Option<Rating>; 2],
}

/// A few people reach their pension age (DOMAIN.md, BUP) this many months after today's
/// month, so Beranda's and Laporan's "retiring within 12 months" lists are never empty:
/// their pension dates are the first of the month after (e.g. from 28 November 2026:
/// 1 January, 1 May and 1 September 2027).
pub const NEAR_PENSION_MONTHS: [i8; 3] = [1, 5, 9];

/// Which drafts [`plant_near_pension`] changes among `n`: spread through the list (at a
/// sixth, a half and five sixths), with one per entry of [`NEAR_PENSION_MONTHS`] as long
/// as there are people enough.
pub fn near_pension_indices(n: usize) -> Vec<usize> {
    let parts = NEAR_PENSION_MONTHS.len();
    let mut out: Vec<usize> = Vec::new();
    for k in 0..parts {
        let i = n * (2 * k + 1) / (2 * parts);
        if i < n && !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Moves the birth dates of a few people (see [`near_pension_indices`]) so that they reach
/// the pension age of their position [`NEAR_PENSION_MONTHS`] months after today's month,
/// and keeps them active. Only the birth digits of the NIP change (and the sequence if that
/// number is taken); no random number is drawn, so everyone else stays as they were.
fn plant_near_pension(drafts: &mut [Draft], today: Date, used: &mut HashSet<String>) {
    for (i, months) in near_pension_indices(drafts.len())
        .into_iter()
        .zip(NEAR_PENSION_MONTHS)
    {
        let Some(d) = drafts.get_mut(i) else { continue };
        let staff = &mut d.staff;
        let age = crate::domain::pension_age(&staff.jabatan);
        let month0 = i32::from(today.month()) - 1 + i32::from(months);
        let year = i32::from(today.year()) + month0 / 12 - i32::from(age);
        let month = (month0 % 12 + 1) as i8;
        let old = staff.nip.birth_date();
        let Some(birth) = i16::try_from(year)
            .ok()
            .and_then(|y| Date::new(y, month, old.day().min(28)).ok())
        else {
            continue;
        };
        let digits = staff.nip.as_str().to_string();
        let seq: u32 = digits[15..18].parse().unwrap_or(1);
        for step in 0..999 {
            let candidate = format!(
                "{:04}{:02}{:02}{}{:03}",
                birth.year(),
                birth.month(),
                birth.day(),
                &digits[8..15],
                (seq + step - 1) % 999 + 1
            );
            if used.contains(&candidate) {
                continue;
            }
            if let Ok(nip) = Nip::parse_as(&candidate, staff.nip.kind()) {
                used.insert(candidate);
                staff.nip = nip;
                staff.aktif = true;
                break;
            }
        }
    }
}

/// The demo data set. Units, partners and the people's identities are built up front
/// (they are small); evaluations and trainings are made one person at a time by
/// [`Demo::next_person`], so 100,000 people never sit in memory with all their records.
pub struct Demo {
    pub units: Vec<Unit>,
    pub partners: Vec<Partner>,
    drafts: Vec<Draft>,
    heads: Vec<Option<usize>>,
    rng: Rng,
    /// A stream of its own for potentials, so adding them changed nobody's other data.
    talent_rng: Rng,
    /// A stream of its own for the coaching records, so adding them left everything else
    /// the demo draws as it was.
    coaching_rng: Rng,
    today: Date,
    next: usize,
}

/// Plans `n` people for the year of `today`.
pub fn generate(seed: u64, n: usize, today: Date) -> Demo {
    let mut rng = Rng::new(seed);
    let year = today.year();
    let mut units: Vec<Unit> = UNITS
        .iter()
        .map(|u| Unit::new(u.name, u.kind, u.parent.map(crate::domain::unit_id)))
        .collect();
    for (i, u) in units.iter_mut().enumerate() {
        for y in [year - 2, year - 1] {
            let rating = if i % 7 == 3 {
                UnitRating::Istimewa
            } else {
                UnitRating::Baik
            };
            u.ratings.insert(y, rating);
        }
    }

    let total_weight: u32 = UNITS.iter().map(|u| u.weight).sum();
    let mut used = HashSet::new();
    let mut drafts: Vec<Draft> = Vec::with_capacity(n);
    for i in 0..n {
        // Every unit gets its share of the staff, spread evenly through the list.
        let mut pick = ((i as u64 * u64::from(total_weight)) / n.max(1) as u64) as u32;
        let mut unit = 0;
        for (k, u) in UNITS.iter().enumerate() {
            if pick < u.weight {
                unit = k;
                break;
            }
            pick -= u.weight;
        }
        let staff = person(&mut rng, &units[unit], UNITS[unit].kind, today, &mut used);
        drafts.push(Draft {
            staff,
            unit,
            latent: rng.unit(),
            annual: [None, None],
            head_hasil: [None, None],
        });
    }

    plant_near_pension(&mut drafts, today, &mut used);

    // Unit heads (the highest PNS rank) evaluate their staff. Each unit names its head,
    // whose result is the unit's own: their Hasil Kerja follows the unit's rating and they
    // are left out of the unit's distribution (SE MenPANRB 3/2023).
    let mut heads: Vec<Option<usize>> = vec![None; UNITS.len()];
    for (i, d) in drafts.iter().enumerate() {
        if d.staff.golongan.is_pppk() {
            continue;
        }
        let better = |b: usize| {
            (d.staff.golongan, &d.staff.nip) > (drafts[b].staff.golongan, &drafts[b].staff.nip)
        };
        if heads[d.unit].is_none_or(better) {
            heads[d.unit] = Some(i);
        }
    }

    for (k, h) in heads.iter().enumerate() {
        if let Some(h) = h {
            units[k].head = Some(drafts[*h].staff.nip.clone());
            for (slot, y) in [year - 2, year - 1].into_iter().enumerate() {
                drafts[*h].head_hasil[slot] = units[k]
                    .ratings
                    .get(&y)
                    .map(|r| crate::domain::head_hasil_kerja(*r));
            }
        }
    }

    // The annual predikat of each unit follows a quota, so every unit but the one meant to
    // break the guide fits it.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); UNITS.len()];
    for (i, d) in drafts.iter().enumerate() {
        if heads[d.unit] != Some(i) {
            members[d.unit].push(i);
        }
    }
    for (slot, y) in [year - 2, year - 1].into_iter().enumerate() {
        for (k, spec) in UNITS.iter().enumerate() {
            let mut order = members[k].clone();
            let score = |i: usize| {
                drafts[i].latent + 0.15 * (((i as u64 * 7919 + y as u64) % 100) as f64 / 100.0)
            };
            order.sort_by(|&a, &b| score(b).total_cmp(&score(a)));
            let breaking = spec.name == RULE_BREAKING_UNIT && y == year - 1;
            let quotas = if breaking {
                quota(order.len(), &[0.2, 0.8, 0.0, 0.0, 0.0])
            } else if units[k].ratings.get(&y) == Some(&UnitRating::Istimewa) {
                quota(order.len(), &[0.55, 0.3, 0.1, 0.05, 0.0])
            } else {
                quota(order.len(), &[0.12, 0.62, 0.17, 0.06, 0.03])
            };
            let mut it = order.into_iter();
            for (p, count) in Predikat::ALL.iter().zip(quotas) {
                for i in it.by_ref().take(count) {
                    drafts[i].annual[slot] = Some(*p);
                }
            }
        }
    }
    // The heads, outside the quotas: Sangat Baik under an Istimewa unit, otherwise Baik.
    for h in heads.iter().flatten() {
        for slot in 0..2 {
            drafts[*h].annual[slot] = drafts[*h].head_hasil[slot].map(|r| match r {
                Rating::DiAtas => Predikat::SangatBaik,
                _ => Predikat::Baik,
            });
        }
    }

    let partners: Vec<Partner> = GOV_ORGANISERS
        .iter()
        .map(|name| (*name, OrganiserKind::Pemerintah))
        .chain(PRIVATE_ORGANISERS.iter().copied())
        .map(|(name, kind)| Partner {
            id: crate::domain::unit_id(name),
            name: name.to_string(),
            kind,
            ..Default::default()
        })
        .map(|p| with_agreements(p, today))
        .collect();

    Demo {
        units,
        partners,
        drafts,
        heads,
        rng,
        talent_rng: Rng::new(seed ^ 0x7a1e_47ba_11e7_0003),
        coaching_rng: Rng::new(seed ^ 0x7065_6d62_696e_6161),
        today,
        next: 0,
    }
}

impl Demo {
    /// How many people the demo holds.
    pub fn len(&self) -> usize {
        self.drafts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.drafts.is_empty()
    }

    /// The next person with their evaluations and trainings, in a fixed order.
    pub fn next_person(&mut self) -> Option<DemoPerson> {
        let i = self.next;
        let d = self.drafts.get(i)?;
        self.next += 1;
        let penilai = match self.heads[d.unit].filter(|h| *h != i) {
            Some(h) => Evaluator {
                nip: Some(self.drafts[h].staff.nip.clone()),
                nama: self.drafts[h].staff.display_name(),
            },
            None => Evaluator {
                nip: None,
                nama: match UNITS[d.unit].kind {
                    UnitKind::Kesehatan => "Kepala Dinas Kesehatan Kota Medan",
                    UnitKind::Pendidikan => "Kepala Dinas Pendidikan Kota Medan",
                    _ => "Camat Medan Belawan",
                }
                .to_string(),
            },
        };
        let evaluations = evaluations_for(&mut self.rng, d, &penilai, self.today);
        let trainings = trainings_for(
            &mut self.rng,
            UNITS[d.unit].kind,
            &self.partners,
            self.today,
        );
        let potentials = potentials_for(&mut self.talent_rng, d, self.today);
        let coaching = coaching_for(&mut self.coaching_rng, &evaluations, &penilai, self.today);
        Some(DemoPerson {
            staff: d.staff.clone(),
            evaluations,
            trainings,
            potentials,
            coaching,
        })
    }
}

/// Potensial for most people for last year, and for half of them the year before: the
/// better someone works (`latent`), the likelier a high potensial, never certain. Some
/// people have none, so the Talenta tab counts them apart. Dated in January of the next
/// year, by one of the three sources.
fn potentials_for(rng: &mut Rng, d: &Draft, today: Date) -> crate::domain::Potentials {
    use crate::domain::{Potensial, PotensialSource, PotentialEntry};
    let mut out = crate::domain::Potentials::default();
    for (y, share) in [(today.year() - 2, 0.5), (today.year() - 1, 0.85)] {
        let has = rng.chance(share);
        let x = d.latent + (rng.unit() - 0.5) * 0.5;
        let source = *rng.pick(&PotensialSource::ALL);
        let day = rng.range(2, 28) as i8;
        if !has || y < d.staff.nip.appointed().0 {
            continue;
        }
        let potensial = if x > 0.75 {
            Potensial::Tinggi
        } else if x > 0.3 {
            Potensial::Menengah
        } else {
            Potensial::Rendah
        };
        let Ok(date) = Date::new(y + 1, 1, day) else {
            continue;
        };
        if date > today {
            continue;
        }
        out.put(PotentialEntry {
            year: y,
            potensial,
            source,
            date,
            assessor: match source {
                PotensialSource::PenilaianAtasan => "Atasan langsung".to_string(),
                PotensialSource::UjiKompetensi => "BKPSDM Kota Medan".to_string(),
                PotensialSource::AssessmentCentre => "UPT Penilaian Kompetensi Pegawai".to_string(),
            },
        });
    }
    if !out.items.is_empty() {
        out.revision = 1;
    }
    out
}

/// The demo's competency catalogue and requirements (AKPK, issue 13): invented for the
/// demo, not taken from any regulation or agency, and marked "(demo)" in every name. The
/// title words match the demo's own course titles ("Pelatihan Penanganan Gawat Darurat" is
/// a PPGD), so some people hold a competency, some let it expire and some lack it. No
/// randomness: the rest of the demo data is the same as without it.
pub fn competency_catalogue() -> (Vec<Competency>, Vec<Requirement>) {
    use CompetencyKind::{Manajerial, SosialKultural, Teknis};
    let words = |w: &[&str]| w.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let catalogue = vec![
        Competency::new(
            "PPGD / BTCLS (demo)",
            Teknis,
            vec![],
            words(&["BTCLS", "PPGD", "Gawat Darurat"]),
            Some(36),
        ),
        Competency::new(
            "Kurikulum Merdeka (demo)",
            Teknis,
            vec![],
            words(&["Kurikulum Merdeka"]),
            None,
        ),
        Competency::new(
            "Asesmen Nasional (demo)",
            Teknis,
            vec![],
            words(&["Asesmen Nasional"]),
            Some(24),
        ),
        Competency::new(
            "Kepemimpinan Pengawas (demo)",
            Manajerial,
            vec![TrainingKind::Pkp],
            vec![],
            None,
        ),
        Competency::new(
            "Penyusunan SKP (demo)",
            Manajerial,
            vec![],
            words(&["Penyusunan SKP", "e-Kinerja"]),
            Some(24),
        ),
        Competency::new(
            "Pelayanan Publik Prima (demo)",
            SosialKultural,
            vec![],
            words(&["Pelayanan Publik"]),
            Some(36),
        ),
        Competency::new(
            "Nilai Dasar ASN BerAKHLAK (demo)",
            SosialKultural,
            vec![TrainingKind::LatsarCpns],
            words(&["BerAKHLAK"]),
            None,
        ),
        Competency::new(
            "Literasi Digital (demo)",
            Teknis,
            vec![],
            words(&["Literasi Digital", "Administrasi Digital"]),
            Some(24),
        ),
        Competency::new(
            "Gizi Masyarakat (demo)",
            Teknis,
            vec![],
            words(&["Gizi"]),
            Some(36),
        ),
        Competency::new(
            "Kesehatan Kerja (demo)",
            Teknis,
            vec![],
            words(&["Kesehatan Kerja"]),
            Some(36),
        ),
        Competency::new(
            "Sistem Informasi Puskesmas (demo)",
            Teknis,
            vec![],
            words(&["Sistem Informasi Puskesmas"]),
            Some(36),
        ),
    ];
    let by_name = |jabatan: &str, competency: &str| Requirement {
        jabatan: jabatan.into(),
        jenis: None,
        competency: crate::domain::unit_id(competency),
    };
    let by_jenis = |jenis: JenisJabatan, competency: &str| Requirement {
        jabatan: String::new(),
        jenis: Some(jenis),
        competency: crate::domain::unit_id(competency),
    };
    let requirements = vec![
        by_name("Perawat", "PPGD / BTCLS (demo)"),
        by_name("Bidan", "PPGD / BTCLS (demo)"),
        by_name("Dokter", "PPGD / BTCLS (demo)"),
        by_name("Guru", "Kurikulum Merdeka (demo)"),
        by_name("Guru", "Asesmen Nasional (demo)"),
        by_jenis(JenisJabatan::Pengawas, "Kepemimpinan Pengawas (demo)"),
        by_name("Kepala Seksi", "Penyusunan SKP (demo)"),
        by_name("Pengadministrasi Umum", "Pelayanan Publik Prima (demo)"),
        by_name("Pengelola Keuangan", "Pelayanan Publik Prima (demo)"),
        by_jenis(JenisJabatan::Pelaksana, "Nilai Dasar ASN BerAKHLAK (demo)"),
        by_name("Pranata Komputer", "Literasi Digital (demo)"),
        by_name("Pengadministrasi Sekolah", "Literasi Digital (demo)"),
        by_name(
            "Pranata Laboratorium Kesehatan",
            "Sistem Informasi Puskesmas (demo)",
        ),
        by_name("Analis Kebijakan", "Pelayanan Publik Prima (demo)"),
        by_name("Penyuluh Kesehatan Masyarakat", "Gizi Masyarakat (demo)"),
        by_name("Sanitarian", "Kesehatan Kerja (demo)"),
        by_name("Pustakawan", "Literasi Digital (demo)"),
    ];
    (catalogue, requirements)
}

/// Writes `n` demo people into `store` (which the caller has checked is empty), calling
/// `progress` with the number written so far. Returns a one-line summary.
pub fn fill(
    store: &Store,
    n: usize,
    seed: u64,
    today: Date,
    actor: &str,
    progress: &dyn Fn(usize),
) -> Result<String, StoreError> {
    let mut demo = generate(seed, n, today);
    let mut w = BulkWriter::for_job(store, AuditAction::Demo, actor, &format!("{n} staff"));
    for u in &demo.units {
        w.put_unit(u)?;
    }
    for p in &demo.partners {
        w.put_partner(p)?;
    }
    let (catalogue, requirements) = competency_catalogue();
    for c in &catalogue {
        w.put_competency(c)?;
    }
    for r in &requirements {
        w.put_requirement(r)?;
    }
    let (mut evaluations, mut trainings, mut coaching, mut written) = (0usize, 0usize, 0, 0usize);
    while let Some(p) = demo.next_person() {
        let nip = p.staff.nip.as_str();
        w.put_staff(&p.staff, None)?;
        if !p.evaluations.items.is_empty() {
            evaluations += p.evaluations.items.len();
            w.put_evaluations(nip, &p.evaluations)?;
        }
        if !p.trainings.items.is_empty() {
            trainings += p.trainings.items.len();
            w.put_trainings(nip, &p.trainings)?;
        }
        if !p.potentials.items.is_empty() {
            w.put_potentials(nip, &p.potentials)?;
        }
        if !p.coaching.items.is_empty() {
            coaching += p.coaching.items.len();
            w.put_coaching(nip, &p.coaching)?;
        }
        written += 1;
        if written % 1000 == 0 {
            progress(written);
        }
    }
    progress(written);
    let summary = format!(
        "{} staff, {} units, {} evaluations, {} trainings, {} coaching records (seed {seed})",
        demo.len(),
        demo.units.len(),
        evaluations,
        trainings,
        coaching
    );
    w.finish(actor, AuditAction::Demo, &summary)?;
    Ok(summary)
}

const COACHING_PROBLEMS: &[(&str, &str, &str)] = &[
    (
        "Target laporan bulanan tidak tercapai dan sering terlambat.",
        "Laporan diserahkan paling lambat tanggal 5; diperiksa bersama atasan setiap pekan.",
        "Laporan tiga bulan terakhir tepat waktu.",
    ),
    (
        "Kehadiran dan ketepatan waktu di bawah ketentuan.",
        "Hadir tepat waktu; izin diajukan tertulis sebelumnya.",
        "Kehadiran sesuai ketentuan sejak bulan lalu.",
    ),
    (
        "Pelayanan kepada masyarakat dikeluhkan (waktu tunggu lama).",
        "Ikut Bimtek pelayanan publik; antrean dicatat dan dilaporkan harian.",
        "Keluhan berkurang; waktu tunggu rata-rata turun.",
    ),
];

/// Coaching records (pembinaan kinerja) for someone whose latest evaluation asks for it
/// (Butuh Perbaikan or worse), drawn from the demo's coaching stream: about a quarter each
/// missing (none since that evaluation), open (follow-up still ahead), overdue (follow-up
/// passed, not closed) and closed, so every status shows.
fn coaching_for(
    rng: &mut Rng,
    evaluations: &EvaluationGroup,
    giver: &Evaluator,
    today: Date,
) -> crate::store::CoachingGroup {
    use crate::domain::{Coaching, CoachingKind};
    let mut group = crate::store::CoachingGroup::default();
    let Some(last) = evaluations.items.iter().max_by_key(|e| e.period.sort_key()) else {
        return group;
    };
    if !last.predikat().needs_coaching() {
        return group;
    }
    let which = rng.below(4);
    let ago = rng.range(20, 80);
    let (problem, steps, outcome) = *rng.pick(COACHING_PROBLEMS);
    let konseling = last.predikat() == Predikat::SangatKurang || rng.chance(0.2);
    if which == 0 {
        return group;
    }
    let days = |n: i64| jiff::Span::new().days(n);
    // On or after the start of the flagging period, and before today.
    let tanggal = today
        .checked_sub(days(ago))
        .unwrap_or(today)
        .max(last.period.start())
        .min(today);
    let (tindak_lanjut, selesai, hasil) = match which {
        // Open: the follow-up is still ahead.
        1 => (
            today.checked_add(days(ago / 2 + 7)).unwrap_or(today),
            None,
            "",
        ),
        // Overdue: the follow-up passed yesterday or earlier, not closed.
        2 => {
            let f = today.checked_sub(days((ago / 3).max(1))).unwrap_or(today);
            (f.max(tanggal), None, "")
        }
        // Closed with an outcome.
        _ => {
            let f = tanggal.checked_add(days(14)).unwrap_or(tanggal).min(today);
            (f, Some(f), outcome)
        }
    };
    group.items.push(Coaching {
        id: 1,
        tanggal,
        jenis: if konseling {
            CoachingKind::Konseling
        } else {
            CoachingKind::Bimbingan
        },
        pemberi: giver.clone(),
        masalah: problem.to_string(),
        langkah: steps.to_string(),
        tindak_lanjut,
        selesai,
        hasil: hasil.to_string(),
        revision: 1,
    });
    group.next_id = 2;
    group
}

/// Splits `n` people by shares, rounding so the counts add up to `n`, with at least one
/// person in every group that has a share when the unit is large enough.
fn quota(n: usize, shares: &[f64; 5]) -> [usize; 5] {
    let mut out = [0usize; 5];
    for i in 1..5 {
        let want = (shares[i] * n as f64).round() as usize;
        out[i] = if shares[i] > 0.0 && n >= 8 {
            want.max(1)
        } else {
            want
        };
    }
    let rest: usize = out[1..].iter().sum();
    out[0] = n.saturating_sub(rest);
    // Keep Baik the largest group (but never above 70%) where Sangat Baik is not meant to lead.
    if shares[1] > shares[0] && out[0] > out[1] {
        let moved = (out[0] - out[1]) / 2 + 1;
        out[0] -= moved.min(out[0]);
        out[1] += moved;
    }
    if out.iter().sum::<usize>() > n {
        // Tiny units: drop the extra from the largest group.
        let extra = out.iter().sum::<usize>() - n;
        if let Some(max) = out.iter_mut().max() {
            *max -= extra.min(*max);
        }
    }
    out
}

fn person(
    rng: &mut Rng,
    unit: &Unit,
    kind: UnitKind,
    today: Date,
    used: &mut HashSet<String>,
) -> Staff {
    let roles = match kind {
        UnitKind::Kesehatan => HEALTH_ROLES,
        UnitKind::Pendidikan => SCHOOL_ROLES,
        _ => OFFICE_ROLES,
    };
    let total: u32 = roles.iter().map(|r| r.weight).sum();
    let mut pick = rng.below(u64::from(total)) as u32;
    let mut role = &roles[0];
    for r in roles {
        if pick < r.weight {
            role = r;
            break;
        }
        pick -= r.weight;
    }
    let picked = *rng.pick(role.pendidikan);
    let female = match role.nama {
        "Bidan" => true,
        "Pengemudi" => false,
        "Perawat" | "Guru" => rng.chance(0.7),
        _ => rng.chance(0.5),
    };
    let pppk = rng.chance(0.15) && role.jenis != [J::Pengawas];
    // Appointment after school, never in the future.
    let school_done = match picked {
        P::Sd | P::Sltp | P::Slta => 19,
        P::D1 => 20,
        P::D2 => 21,
        P::D3 => 22,
        P::D4 | P::S1 => 24,
        P::Profesi => 25,
        P::S2 => 27,
        P::Sp1 | P::S3 => 30,
        P::Sp2 => 33,
    };
    // Old enough to have finished school and been appointed at least a year ago.
    let age = rng.range(i64::from(school_done) + 2, 57) as i16;
    let birth = Date::new(
        today.year() - age,
        rng.range(1, 12) as i8,
        rng.range(1, 28) as i8,
    )
    .unwrap_or(today);
    let earliest = birth.year() + school_done;
    let latest = (today.year() - 1).max(earliest);
    let tmt_year = if pppk {
        rng.range(
            i64::from(latest.max(2021).min(today.year() - 1)),
            i64::from(today.year() - 1),
        ) as i16
    } else {
        rng.range(i64::from(earliest), i64::from(latest)) as i16
    };
    let tmt_month = rng.range(1, 12) as i8;
    // The SIASN levels the role lists leave out, from a side stream: the main one, and so
    // every other invented fact, stays as it was before those levels existed.
    let pendidikan = siasn_level(
        role.nama,
        picked,
        age,
        &mut Rng::new(rng.0 ^ 0x5349_4153_4e00),
    );
    let service = i64::from(today.year() - tmt_year);
    let golongan = if pppk {
        Golongan::Pppk(match pendidikan {
            P::Sd | P::Sltp => 2,
            P::Slta | P::D1 => 5,
            P::D2 => 6,
            P::D3 => 7,
            P::D4 | P::S1 => 9,
            P::Profesi | P::S2 | P::Sp1 => 10,
            P::S3 | P::Sp2 => 11,
        })
    } else {
        let entry = pendidikan.entry_golongan().ordinal();
        let cap = match pendidikan {
            P::Sd | P::Sltp => 6,
            P::Slta | P::D1 => 10,
            P::D2 | P::D3 => 11,
            _ => 14,
        };
        Golongan::Pns((entry + (service / 4) as u8).min(cap.max(entry)))
    };
    let jenis = {
        // Longer service, higher jenjang.
        let steps = role.jenis.len() as i64;
        let idx = (service / 8).min(steps - 1).max(0) as usize;
        role.jenis[idx]
    };
    let sex = if female { 2 } else { 1 };
    let nip = loop {
        let seq = rng.range(1, 999);
        let s = if pppk {
            format!(
                "{:04}{:02}{:02}{:04}21{}{:03}",
                birth.year(),
                birth.month(),
                birth.day(),
                tmt_year,
                sex,
                seq
            )
        } else {
            format!(
                "{:04}{:02}{:02}{:04}{:02}{}{:03}",
                birth.year(),
                birth.month(),
                birth.day(),
                tmt_year,
                tmt_month,
                sex,
                seq
            )
        };
        if used.insert(s.clone()) {
            let kind = if pppk {
                EmploymentKind::Pppk
            } else {
                EmploymentKind::Pns
            };
            if let Ok(nip) = Nip::parse_as(&s, kind) {
                break nip;
            }
        }
    };
    let given = *rng.pick(if female { FEMALE } else { MALE });
    let family = if rng.chance(0.8) {
        *rng.pick(MARGA)
    } else {
        *rng.pick(JAVANESE_OR_MALAY)
    };
    let nama = format!("{given} {family}");
    let (gelar_depan, gelar_belakang) = titles(rng, role.nama, pendidikan, female);
    Staff {
        nip,
        nama,
        gelar_depan: gelar_depan.to_string(),
        gelar_belakang: gelar_belakang.to_string(),
        golongan,
        pendidikan,
        jabatan: Jabatan {
            nama: role.nama.to_string(),
            jenis,
        },
        unit_id: unit.id.clone(),
        aktif: rng.chance(0.98),
        revision: 1,
    }
}

/// Refines the level picked from a role's list with the SIASN levels (DOMAIN.md, "Rank"):
/// a doctor's S-1 is the profession (Profesi), and some older doctors with S-2 are
/// specialists (Sp-1); some bidan and finance staff hold D-IV, some clerks with SLTA D-I or
/// D-II.
fn siasn_level(role: &str, picked: Pendidikan, age: i16, side: &mut Rng) -> Pendidikan {
    match (role, picked) {
        ("Dokter", P::S1) => P::Profesi,
        ("Dokter", P::S2) if age >= 35 && side.chance(0.5) => P::Sp1,
        ("Bidan", P::D3) | ("Pengelola Keuangan", P::D3) if side.chance(0.3) => P::D4,
        ("Pengadministrasi Umum", P::Slta) => {
            let x = side.unit();
            if x < 0.15 {
                P::D1
            } else if x < 0.25 {
                P::D2
            } else {
                P::Slta
            }
        }
        _ => picked,
    }
}

fn titles(
    rng: &mut Rng,
    role: &str,
    pendidikan: Pendidikan,
    female: bool,
) -> (&'static str, &'static str) {
    let haji = if rng.chance(0.06) {
        if female { "Hj." } else { "H." }
    } else {
        ""
    };
    match (role, pendidikan) {
        ("Dokter", P::S2) => ("dr.", "M.Kes."),
        ("Dokter", P::Sp1) => ("dr.", "Sp.PD"),
        ("Dokter", _) => ("dr.", ""),
        ("Perawat", P::S1) => ("Ns.", "S.Kep."),
        ("Perawat", _) => (haji, "A.Md.Kep."),
        ("Bidan", P::D4) => (haji, "S.Tr.Keb."),
        ("Bidan", _) => (haji, "A.Md.Keb."),
        ("Penyuluh Kesehatan Masyarakat", _) => (haji, "SKM"),
        ("Sanitarian" | "Pranata Laboratorium Kesehatan", _) => (haji, "A.Md.Kes."),
        ("Guru", P::S2) => (haji, "M.Pd."),
        ("Guru", _) => (haji, "S.Pd."),
        (_, P::S1) => (haji, *rng.pick(&["S.E.", "S.Sos.", "S.H.", "S.Kom."])),
        (_, P::S2) => (if rng.chance(0.1) { "Drs." } else { haji }, "M.Si."),
        (_, P::D3) => (haji, "A.Md."),
        (_, P::D4) => (haji, "S.Tr."),
        _ => (haji, ""),
    }
}

/// A rating pair that gives `p` under the matrix, varied by the person.
fn pair_for(rng: &mut Rng, p: Predikat) -> (Rating, Rating) {
    use Rating::*;
    match p {
        Predikat::SangatBaik => (DiAtas, DiAtas),
        Predikat::Baik => *rng.pick(&[
            (Sesuai, Sesuai),
            (Sesuai, Sesuai),
            (Sesuai, Sesuai),
            (DiAtas, Sesuai),
            (Sesuai, DiAtas),
        ]),
        Predikat::ButuhPerbaikan => {
            *rng.pick(&[(DiBawah, Sesuai), (DiBawah, Sesuai), (DiBawah, DiAtas)])
        }
        Predikat::Kurang => *rng.pick(&[(Sesuai, DiBawah), (DiAtas, DiBawah)]),
        Predikat::SangatKurang => (DiBawah, DiBawah),
    }
}

fn near(rng: &mut Rng, r: Rating) -> Rating {
    if rng.chance(0.75) {
        r
    } else {
        *rng.pick(&Rating::ALL)
    }
}

fn latent_rating(rng: &mut Rng, latent: f64) -> Rating {
    let x = latent + (rng.unit() - 0.5) * 0.3;
    if x > 0.85 {
        Rating::DiAtas
    } else if x < 0.12 {
        Rating::DiBawah
    } else {
        Rating::Sesuai
    }
}

const ADVICE: &[&str] = &[
    "Perlu mengikuti Bimtek pelayanan publik dan pendampingan (Coaching) oleh atasan.",
    "Disarankan mengikuti Diklat Teknis sesuai jabatan dan Mentoring rutin.",
    "Target kuantitas belum tercapai; disarankan Workshop perencanaan kerja.",
    "Kedisiplinan perlu dibina; ikuti Sosialisasi core values BerAKHLAK.",
];

fn evaluation(
    rng: &mut Rng,
    period: Period,
    hasil: Rating,
    perilaku: Rating,
    penilai: &Evaluator,
) -> Evaluation {
    let mut aspek: [AspekPenilaian; 7] = Default::default();
    for a in aspek.iter_mut() {
        a.rating = Some(near(rng, perilaku));
    }
    let catatan = if crate::domain::predikat(hasil, perilaku).needs_coaching() {
        rng.pick(ADVICE).to_string()
    } else {
        String::new()
    };
    if perilaku != Rating::Sesuai {
        let i = rng.below(Aspek::ALL.len() as u64) as usize;
        aspek[i].umpan_balik = match perilaku {
            Rating::DiAtas => "Menjadi teladan bagi rekan kerja.".into(),
            _ => "Perlu peningkatan; dibahas dalam pertemuan bulanan.".into(),
        };
    }
    Evaluation {
        id: 0,
        period,
        hasil_kerja: hasil,
        perilaku,
        aspek,
        penilai: Some(penilai.clone()),
        atasan_penilai: None,
        catatan,
        revision: 1,
    }
}

fn evaluations_for(rng: &mut Rng, d: &Draft, penilai: &Evaluator, today: Date) -> EvaluationGroup {
    let mut items = Vec::new();
    let year = today.year();
    for (slot, y) in [year - 2, year - 1, year].into_iter().enumerate() {
        let annual = d.annual.get(slot).copied().flatten();
        let mut annual_pair = annual.map(|p| pair_for(rng, p));
        // A head's Hasil Kerja is the unit's result; their Perilaku stays their own.
        if let (Some((h, p)), Some(Some(unit))) = (annual_pair.as_mut(), d.head_hasil.get(slot)) {
            *h = *unit;
            if *unit == Rating::DiAtas {
                *p = Rating::DiAtas;
            }
        }
        for q in 1..=4u8 {
            let Some(period) = Period::new(y, PeriodKind::Triwulan(q)) else {
                continue;
            };
            // Only quarters that are over.
            let end_month = q as i8 * 3;
            let over = (y, end_month) < (today.year(), today.month());
            if !over {
                continue;
            }
            let (h, p) = match annual_pair {
                Some((h, p)) => (near(rng, h), near(rng, p)),
                None => (latent_rating(rng, d.latent), latent_rating(rng, d.latent)),
            };
            items.push(evaluation(rng, period, h, p, penilai));
        }
        if let Some((h, p)) = annual_pair {
            items.push(evaluation(rng, Period::annual(y), h, p, penilai));
        }
    }
    // Nobody is evaluated for a time before their appointment (DOMAIN.md), and the store,
    // the forms and import refuse it: the demo drops those periods, after drawing its
    // random numbers, so everyone else's data stays as it was.
    items.retain(|e| !e.period.before_appointment(&d.staff.nip));
    items.sort_by_key(|e| e.period.sort_key());
    for (i, e) in items.iter_mut().enumerate() {
        e.id = i as u32 + 1;
    }
    EvaluationGroup {
        next_id: items.len() as u32 + 1,
        items,
    }
}

struct Course {
    judul: &'static str,
    jenis: TrainingKind,
    jp: u16,
    days: i64,
    /// Index into the organiser list: government first, then private partners.
    organiser: usize,
}

const COMMON_COURSES: &[Course] = &[
    Course {
        judul: "Sosialisasi Core Values BerAKHLAK",
        jenis: TrainingKind::Sosialisasi,
        jp: 4,
        days: 1,
        organiser: 0,
    },
    Course {
        judul: "E-Learning Literasi Digital ASN",
        jenis: TrainingKind::ELearning,
        jp: 10,
        days: 14,
        organiser: 3,
    },
    Course {
        judul: "Bimtek e-Kinerja",
        jenis: TrainingKind::Bimtek,
        jp: 8,
        days: 1,
        organiser: 0,
    },
    Course {
        judul: "Pelatihan Aplikasi Administrasi Digital",
        jenis: TrainingKind::Workshop,
        jp: 16,
        days: 2,
        organiser: 5,
    },
    Course {
        judul: "Coaching Kinerja oleh Atasan",
        jenis: TrainingKind::Coaching,
        jp: 2,
        days: 1,
        organiser: 4,
    },
];
const HEALTH_COURSES: &[Course] = &[
    Course {
        judul: "Pelatihan Penanganan Gawat Darurat",
        jenis: TrainingKind::DiklatTeknis,
        jp: 30,
        days: 4,
        organiser: 1,
    },
    Course {
        judul: "Seminar Gizi Masyarakat Pesisir",
        jenis: TrainingKind::Seminar,
        jp: 6,
        days: 1,
        organiser: 7,
    },
    Course {
        judul: "Bimtek Sistem Informasi Puskesmas",
        jenis: TrainingKind::Bimtek,
        jp: 12,
        days: 2,
        organiser: 1,
    },
    Course {
        judul: "Pelatihan Kesehatan Kerja Pelabuhan",
        jenis: TrainingKind::DiklatFungsional,
        jp: 24,
        days: 3,
        organiser: 8,
    },
];
const SCHOOL_COURSES: &[Course] = &[
    Course {
        judul: "Pelatihan Kurikulum Merdeka",
        jenis: TrainingKind::DiklatFungsional,
        jp: 32,
        days: 4,
        organiser: 2,
    },
    Course {
        judul: "Workshop Pembelajaran Berbasis Teknologi",
        jenis: TrainingKind::Workshop,
        jp: 16,
        days: 2,
        organiser: 6,
    },
    Course {
        judul: "Bimtek Asesmen Nasional",
        jenis: TrainingKind::Bimtek,
        jp: 8,
        days: 1,
        organiser: 2,
    },
];
const OFFICE_COURSES: &[Course] = &[
    Course {
        judul: "Pelatihan Pelayanan Publik Prima",
        jenis: TrainingKind::DiklatTeknis,
        jp: 24,
        days: 3,
        organiser: 3,
    },
    Course {
        judul: "Workshop Penyusunan SKP",
        jenis: TrainingKind::Workshop,
        jp: 8,
        days: 1,
        organiser: 0,
    },
    Course {
        judul: "Pelatihan Kepemimpinan Pengawas (PKP)",
        jenis: TrainingKind::Pkp,
        jp: 40,
        days: 10,
        organiser: 3,
    },
];

fn trainings_for(
    rng: &mut Rng,
    kind: UnitKind,
    organisers: &[Partner],
    today: Date,
) -> TrainingGroup {
    let own = match kind {
        UnitKind::Kesehatan => HEALTH_COURSES,
        UnitKind::Pendidikan => SCHOOL_COURSES,
        _ => OFFICE_COURSES,
    };
    let mut items = Vec::new();
    // About a quarter of the staff get far too little training.
    let neglected = rng.chance(0.25);
    for y in [today.year() - 1, today.year()] {
        let count = if neglected {
            rng.below(2)
        } else {
            2 + rng.below(3)
        };
        for _ in 0..count {
            let course = if rng.chance(0.6) {
                rng.pick(own)
            } else {
                rng.pick(COMMON_COURSES)
            };
            if neglected && course.jp > 8 {
                continue;
            }
            let Ok(mulai) = Date::new(y, rng.range(1, 12) as i8, rng.range(1, 28) as i8) else {
                continue;
            };
            let selesai = mulai
                .checked_add(jiff::Span::new().days(course.days - 1))
                .unwrap_or(mulai);
            let status = if selesai < today {
                TrainingStatus::Selesai
            } else if mulai <= today {
                TrainingStatus::Berlangsung
            } else {
                TrainingStatus::Rencana
            };
            let organiser = &organisers[course.organiser.min(organisers.len() - 1)];
            let id = items.len() as u32 + 1;
            items.push(Training {
                id,
                judul: course.judul.to_string(),
                jenis: course.jenis,
                penyelenggara: organiser.name.clone(),
                jenis_penyelenggara: organiser.kind,
                mulai,
                selesai,
                jp: course.jp,
                status,
                no_sertifikat: if status == TrainingStatus::Selesai {
                    format!(
                        "{}/{}/{:05}",
                        organiser
                            .id
                            .chars()
                            .filter(char::is_ascii_alphanumeric)
                            .take(6)
                            .collect::<String>()
                            .to_uppercase(),
                        y,
                        rng.below(100_000)
                    )
                } else {
                    String::new()
                },
                catatan: String::new(),
                kompetensi: None,
                revision: 1,
            });
        }
    }
    // The same course picked twice with the same start: one record, as the store keeps
    // (and import matches) one per title, start and organiser.
    let mut kept: Vec<Training> = Vec::with_capacity(items.len());
    for t in items {
        if !kept.iter().any(|k| k.same_as(&t)) {
            kept.push(t);
        }
    }
    let mut items = kept;
    items.sort_by_key(|t| (t.mulai, t.id));
    TrainingGroup {
        next_id: items.iter().map(|t| t.id).max().unwrap_or(0) + 1,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PredikatCounts, check_distribution};
    use jiff::civil::date;

    fn people(mut d: Demo) -> Vec<DemoPerson> {
        std::iter::from_fn(|| d.next_person()).collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_people() {
        let a = generate(7, 50, date(2026, 11, 28));
        let b = generate(7, 50, date(2026, 11, 28));
        let c = generate(8, 50, date(2026, 11, 28));
        let nips = |d: Demo| {
            people(d)
                .iter()
                .map(|p| p.staff.nip.as_str().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(nips(a), nips(b));
        assert_ne!(nips(generate(7, 50, date(2026, 11, 28))), nips(c));
    }

    #[test]
    fn nips_agree_with_ages_and_ranks_with_education() {
        let today = date(2026, 11, 28);
        let all = people(generate(1, 300, today));
        assert_eq!(all.len(), 300);
        for p in &all {
            let s = &p.staff;
            assert!(s.validate().is_ok(), "{}", s.nip);
            let age = s.nip.age_on(today);
            let bup = i32::from(crate::domain::pension_age(&s.jabatan));
            assert!((20..bup).contains(&age), "age {age}");
            assert!(s.nip.warnings().is_empty(), "{:?}", s.nip.warnings());
            if let Some((y, _)) = s.nip.tmt_cpns() {
                assert!(y < today.year());
                assert!(s.golongan >= s.pendidikan.entry_golongan());
            }
        }
    }

    /// DOMAIN.md, BUP: the planted people retire on the first of the month after their
    /// birthday at the pension age, 1, 5 and 9 months after November 2026's.
    #[test]
    fn a_few_people_retire_within_twelve_months() {
        let today = date(2026, 11, 28);
        let all = people(generate(1, 300, today));
        assert_eq!(near_pension_indices(300), [50, 150, 250]);
        let expected = [date(2027, 1, 1), date(2027, 5, 1), date(2027, 9, 1)];
        for (i, want) in [50, 150, 250].into_iter().zip(expected) {
            let s = &all[i].staff;
            let p = crate::domain::Pension::of(s.nip.birth_date(), &s.jabatan);
            assert_eq!(p.date, want, "{}", s.nip);
            assert!(s.aktif);
            assert!(s.validate().is_ok());
            assert_eq!(
                crate::domain::staff_warnings(s, today),
                [],
                "nobody planted is past the age"
            );
        }
        // Small demos still get one or two.
        assert_eq!(near_pension_indices(1), [0]);
        assert_eq!(near_pension_indices(2), [0, 1]);
        assert!(near_pension_indices(0).is_empty());
    }

    #[test]
    fn demo_education_uses_the_siasn_levels() {
        // DOMAIN.md, "Rank": SIASN's levels, with D-IV a level of its own and Profesi
        // for doctors.
        let all = people(generate(1, 600, date(2026, 11, 28)));
        let has = |level: Pendidikan| all.iter().any(|p| p.staff.pendidikan == level);
        assert!(has(P::D4) && has(P::Profesi) && has(P::Slta) && has(P::D3));
        for p in &all {
            if p.staff.jabatan.nama == "Dokter" {
                assert!(p.staff.pendidikan >= P::Profesi, "{:?}", p.staff.pendidikan);
            }
        }
    }

    #[test]
    fn the_demo_catalogue_is_marked_covers_every_position_and_is_met_by_some() {
        // Issue 13: a plausible catalogue for the demo's positions, marked as demo data.
        let (catalogue, requirements) = competency_catalogue();
        for c in &catalogue {
            assert!(c.name.ends_with("(demo)"), "{}", c.name);
            assert_eq!(c.validate(), Ok(()), "{}", c.name);
        }
        for r in &requirements {
            assert!(catalogue.iter().any(|c| c.id == r.competency), "{r:?}");
        }
        let today = jiff::civil::date(2026, 6, 1);
        let mut demo = generate(7, 400, today);
        let (mut held, mut gaps) = (0, 0);
        while let Some(p) = demo.next_person() {
            let states = crate::domain::competency_states(
                &p.staff.jabatan,
                &p.trainings.items,
                &requirements,
                &catalogue,
                today,
            );
            assert!(!states.is_empty(), "{:?} requires nothing", p.staff.jabatan);
            for (_, s) in states {
                if s.is_gap() {
                    gaps += 1;
                } else {
                    held += 1;
                }
            }
        }
        assert!(held > 20 && gaps > 20, "held {held}, gaps {gaps}");
    }

    #[test]
    fn positions_fit_their_units() {
        let demo = generate(3, 300, date(2026, 11, 28));
        let units = demo.units.clone();
        for p in &people(demo) {
            let unit = units.iter().find(|u| u.id == p.staff.unit_id).unwrap();
            let j = p.staff.jabatan.nama.as_str();
            if matches!(j, "Dokter" | "Perawat" | "Bidan") {
                assert_eq!(unit.kind, UnitKind::Kesehatan, "{j} in {}", unit.name);
            }
            if j == "Guru" {
                assert_eq!(unit.kind, UnitKind::Pendidikan);
            }
        }
    }

    #[test]
    fn exactly_one_unit_breaks_the_distribution_guide_last_year() {
        let today = date(2026, 11, 28);
        let demo = generate(42, 300, today);
        let units = demo.units.clone();
        let all = people(demo);
        let mut broken = Vec::new();
        for unit in &units {
            let mut counts = PredikatCounts::default();
            // The head is not counted in their own unit's distribution (SE MenPANRB 3/2023).
            let head = unit.head.as_ref().expect("every demo unit names a head");
            for p in all
                .iter()
                .filter(|p| p.staff.unit_id == unit.id && p.staff.nip != *head)
            {
                if let Some(e) = p
                    .evaluations
                    .items
                    .iter()
                    .find(|e| e.period == Period::annual(2025))
                {
                    counts.add(e.predikat());
                }
            }
            let rating = unit.ratings[&2025];
            if !check_distribution(rating, &counts).is_empty() {
                broken.push(unit.name.clone());
            }
        }
        assert_eq!(broken, vec![RULE_BREAKING_UNIT.to_string()]);
    }

    #[test]
    fn every_heads_hasil_kerja_follows_their_units_rating() {
        // DOMAIN.md, "The head of a unit": Istimewa gives Di Atas, Baik gives Sesuai.
        let today = date(2026, 11, 28);
        let demo = generate(42, 300, today);
        let units = demo.units.clone();
        let all = people(demo);
        let mut seen = 0;
        for unit in &units {
            let head = unit.head.as_ref().expect("every demo unit names a head");
            let person = all
                .iter()
                .find(|p| p.staff.nip == *head)
                .expect("head exists");
            assert_eq!(person.staff.unit_id, unit.id);
            for y in [2024, 2025] {
                let Some(e) = person
                    .evaluations
                    .items
                    .iter()
                    .find(|e| e.period == Period::annual(y))
                else {
                    continue;
                };
                let want = crate::domain::head_hasil_kerja(unit.ratings[&y]);
                assert_eq!(e.hasil_kerja, want, "{} {y}", unit.name);
                seen += 1;
            }
        }
        assert!(seen >= units.len(), "{seen} head evaluations checked");
    }

    #[test]
    fn evaluations_cover_two_years_and_none_is_in_the_future() {
        let today = date(2026, 11, 28);
        let all = people(generate(5, 100, today));
        let p = &all[0];
        let periods: Vec<Period> = p.evaluations.items.iter().map(|e| e.period).collect();
        assert!(periods.contains(&Period::annual(2024)));
        assert!(periods.contains(&Period::annual(2025)));
        assert!(periods.contains(&Period::new(2026, PeriodKind::Triwulan(3)).unwrap()));
        assert!(!periods.contains(&Period::new(2026, PeriodKind::Triwulan(4)).unwrap()));
        assert!(periods.iter().all(|x| !x.is_future(today)));
        let needing_coaching = all
            .iter()
            .filter(|p| {
                p.evaluations.items.iter().any(|e| {
                    e.period == Period::annual(2025) && e.predikat() == Predikat::ButuhPerbaikan
                })
            })
            .count();
        assert!(needing_coaching > 0);
    }

    #[test]
    fn some_staff_are_far_below_twenty_jp_and_partners_are_private_and_public() {
        let today = date(2026, 11, 28);
        let all = people(generate(9, 300, today));
        let low = all
            .iter()
            .filter(|p| crate::domain::training::jp_in_year(&p.trainings.items, 2025) < 10)
            .count();
        assert!(low >= 30, "{low} people below 10 JP");
        let kinds: HashSet<OrganiserKind> = all
            .iter()
            .flat_map(|p| p.trainings.items.iter().map(|t| t.jenis_penyelenggara))
            .collect();
        assert!(kinds.contains(&OrganiserKind::Pemerintah));
        assert!(kinds.contains(&OrganiserKind::Swasta));
    }
}
