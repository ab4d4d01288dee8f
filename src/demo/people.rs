//! One invented person: a unit's quotas, the identity, NIP, rank, position, education and
//! titles.

use super::names::{FEMALE, JAVANESE_OR_MALAY, MALE, MARGA};
use super::rng::Rng;
use super::roles::{HEALTH_ROLES, OFFICE_ROLES, SCHOOL_ROLES};
use crate::domain::JenisJabatan as J;
use crate::domain::Pendidikan as P;
use crate::domain::{EmploymentKind, Golongan, Jabatan, Nip, Pendidikan, Staff, Unit, UnitKind};
use jiff::civil::Date;
use std::collections::HashSet;

/// Splits `n` people by shares, rounding so the counts add up to `n`, with at least one
/// person in every group that has a share when the unit is large enough.
pub(super) fn quota(n: usize, shares: &[f64; 5]) -> [usize; 5] {
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

pub(super) fn person(
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
        "Operator Layanan Operasional" => false,
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
    // No CPNS appointed past the applicant age limit (PP 11/2017 Pasal 23: 35, 40 for a
    // Dokter): the TMT year at most the year of that birthday, when the person is still
    // that age on the first of any month of it up to the birthday.
    let limit = crate::domain::cpns_age_limit(&Jabatan {
        nama: role.nama.to_string(),
        jenis: role.jenis[0],
    });
    let latest = (today.year() - 1)
        .min(birth.year() + i16::from(limit))
        .max(earliest);
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
    let mut golongan = if pppk {
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
    // A PNS in a functional position holds a rank of its jenjang's range (DOMAIN.md,
    // "After the evaluation"): the jenjang is the role's one whose range holds the rank,
    // the rank kept inside the role's jenjang (capped at the top one's highest, raised to
    // the lowest one's first).
    let jenis = match golongan {
        Golongan::Pns(_) if jenis.is_fungsional() => {
            let range = |j| crate::domain::angka_kredit::jenjang_fungsional(j).map(|f| f.golongan);
            let lowest = role
                .jenis
                .iter()
                .filter_map(|j| range(*j))
                .map(|r| r.0)
                .min();
            let highest = role
                .jenis
                .iter()
                .filter_map(|j| range(*j))
                .map(|r| r.1)
                .max();
            if let (Some(lo), Some(hi)) = (lowest, highest) {
                golongan = golongan.clamp(lo, hi);
            }
            role.jenis
                .iter()
                .copied()
                .find(|j| range(*j).is_some_and(|(a, b)| (a..=b).contains(&golongan)))
                .unwrap_or(jenis)
        }
        _ => jenis,
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
        ("Pengadministrasi Perkantoran", P::Slta) => {
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
