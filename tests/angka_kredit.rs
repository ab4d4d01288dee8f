//! Angka kredit (issue 21): `kinerja export angka-kredit` against an independent computation
//! from the staff and evaluation exports (DOMAIN.md's coefficients, written out again here),
//! and the boundaries on a small imported database.

mod cli_support;

use cli_support::{Csv, Db};
use std::collections::{BTreeMap, HashMap};

/// DOMAIN.md, "After the evaluation": the annual coefficient in hundredths.
fn coefficient(jenjang: &str) -> Option<u64> {
    Some(match jenjang {
        "Ahli Pertama" => 1250,
        "Ahli Muda" => 2500,
        "Ahli Madya" => 3750,
        "Ahli Utama" => 5000,
        "Pemula" => 375,
        "Terampil" => 500,
        "Mahir" => 1250,
        "Penyelia" => 2500,
        _ => return None,
    })
}

fn percent(predikat: &str) -> u64 {
    match predikat {
        "Sangat Baik" => 150,
        "Baik" => 100,
        "Butuh Perbaikan" => 75,
        "Kurang/Misconduct" => 50,
        "Sangat Kurang" => 25,
        other => panic!("predikat {other}"),
    }
}

/// Credit in units of 1/120,000 (hundredths × percent × months) to three decimals.
fn fixed(units: u64) -> String {
    let t = (units * 1000 + 60_000) / 120_000;
    format!("{}.{:03}", t / 1000, t % 1000)
}

/// The months a period code covers and its last month: `tahunan`, `triwulan-N`, `bulan-MM`.
fn months(code: &str) -> (u64, u8) {
    if code == "tahunan" {
        (12, 12)
    } else if let Some(q) = code.strip_prefix("triwulan-") {
        let q: u8 = q.parse().unwrap();
        (3, q * 3)
    } else if let Some(m) = code.strip_prefix("bulan-") {
        (1, m.parse().unwrap())
    } else {
        panic!("period {code}")
    }
}

fn rows_by(csv: &Csv) -> Vec<HashMap<String, String>> {
    csv.rows
        .iter()
        .map(|r| csv.header.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

#[test]
fn the_demos_credit_equals_an_independent_computation_from_the_exports() {
    let db = Db::new();
    db.demo(300);
    let today = kinerja::cli::today();
    let staff = rows_by(&db.export("staff"));
    let evaluations = rows_by(&db.export("evaluations"));
    let bytes = db.export_bytes(&db.path, "angka-kredit");
    assert_eq!(
        bytes,
        db.export_bytes(&db.path, "angka-kredit"),
        "the same export twice"
    );
    let credit = rows_by(&cli_support::Csv::parse(&String::from_utf8(bytes).unwrap()));

    // The functional staff and their jenjang now.
    let jenjang: HashMap<String, String> = staff
        .iter()
        .filter(|r| coefficient(&r["jenis_jabatan"]).is_some())
        .map(|r| (r["nip"].clone(), r["jenis_jabatan"].clone()))
        .collect();
    assert!(jenjang.len() >= 50, "the demo has functional staff");
    // Every functional person has rows, nobody else has.
    let listed: std::collections::BTreeSet<&String> = credit.iter().map(|r| &r["nip"]).collect();
    assert_eq!(listed.len(), jenjang.len());
    assert!(listed.iter().all(|n| jenjang.contains_key(*n)));

    // Each person's year totals: the ended annual, else the ended periodic ones (the demo
    // has no months inside its quarters), from 2023 on; at the jenjang the evaluation
    // recorded for the person then (its title ends with it), else the current one.
    let mut years: BTreeMap<(String, i16), u64> = BTreeMap::new();
    let mut in_jenjang: HashMap<String, u64> = HashMap::new();
    // (nip, year) -> each evaluation counted: (annual?, units, jenjang then).
    type Counted = Vec<(bool, u64, String)>;
    let mut by_year_jenjang: HashMap<(String, i16), Counted> = HashMap::new();
    for e in &evaluations {
        let Some(now) = jenjang.get(&e["nip"]) else {
            continue;
        };
        let year: i16 = e["tahun"].parse().unwrap();
        if year < 2023 {
            continue;
        }
        let then = [
            "Ahli Pertama",
            "Ahli Muda",
            "Ahli Madya",
            "Ahli Utama",
            "Pemula",
            "Terampil",
            "Mahir",
            "Penyelia",
        ]
        .into_iter()
        .find(|j| e["pegawai_jabatan"].ends_with(j))
        .unwrap_or(now)
        .to_string();
        let (m, last) = months(&e["periode"]);
        let end = jiff::civil::date(year, last as i8, 1).last_of_month();
        if end > today {
            continue; // provisional: not counted
        }
        let units = coefficient(&then).unwrap() * percent(&e["predikat"]) * m;
        by_year_jenjang
            .entry((e["nip"].clone(), year))
            .or_default()
            .push((e["periode"] == "tahunan", units, then));
    }
    for ((nip, year), items) in by_year_jenjang {
        let counted: Vec<&(bool, u64, String)> = match items.iter().find(|i| i.0) {
            Some(annual) => vec![annual],
            None => items.iter().collect(),
        };
        let total: u64 = counted.iter().map(|i| i.1).sum();
        let here: u64 = counted
            .iter()
            .filter(|i| i.2 == jenjang[&nip])
            .map(|i| i.1)
            .sum();
        *in_jenjang.entry(nip.clone()).or_default() += here;
        years.insert((nip, year), total);
    }
    let mut checked = 0;
    for r in &credit {
        let nip = &r["nip"];
        assert_eq!(r["jenjang"], jenjang[nip], "{r:?}");
        assert_eq!(
            r["jumlah_jenjang"],
            fixed(in_jenjang.get(nip).copied().unwrap_or(0)),
            "{r:?}"
        );
        if r["tahun"].is_empty() {
            continue;
        }
        let year: i16 = r["tahun"].parse().unwrap();
        let want = years.get(&(nip.clone(), year)).copied().unwrap_or(0);
        if r["status"] == "dihitung" {
            assert_eq!(r["jumlah_tahun"], fixed(want), "{r:?}");
            checked += 1;
        }
        // Each row's own credit: months / 12 × percent × coefficient.
        let (m, _) = months(&r["periode"]);
        let units = coefficient(&r["jenjang_saat_itu"]).unwrap() * percent(&r["predikat"]) * m;
        assert_eq!(r["angka_kredit"], fixed(units), "{r:?}");
    }
    assert!(checked >= 100, "rows counted: {checked}");
    // --year keeps that year's evaluations only.
    let run = db.run(&["export", "angka-kredit", "--year", "2025"]);
    run.expect(0);
    let of_2025 = rows_by(&Csv::parse(&run.stdout_text()));
    assert!(
        of_2025
            .iter()
            .all(|r| r["tahun"] == "2025" || r["tahun"].is_empty())
    );
    assert_eq!(
        of_2025.iter().filter(|r| !r["tahun"].is_empty()).count(),
        credit.iter().filter(|r| r["tahun"] == "2025").count()
    );
}

const STAFF_HEADER: &str = "nip,status,nama,gelar_depan,gelar_belakang,golongan,pendidikan,jabatan,jenis_jabatan,unit,jenis_unit,unit_induk,aktif";

#[test]
fn the_boundaries_on_a_small_database() {
    let db = Db::new();
    // A Perawat Terampil (II/c); a Lurah (not functional).
    let perawat = "198503302010011002";
    let lurah = "199001012015022001";
    db.import_ok(
        "staff",
        "s.csv",
        &format!(
            "{STAFF_HEADER}\n{perawat},PNS,Sari,,A.Md.Kep.,II/c,D-III,Perawat,Terampil,Puskesmas Belawan,kesehatan,,ya\n{lurah},PNS,Budi,,S.Sos.,III/d,S1,Lurah,Administrator,Kelurahan Belawan I,pemerintahan,,ya\n"
        ),
    );
    // 2022 is before the conversion; 2023 Sangat Baik (7.5); 2024 only two quarters, Baik
    // and Kurang/Misconduct (1.25 + 0.625).
    let ev = format!(
        "nip,tahun,periode,hasil_kerja,perilaku,penilai_nama\n\
         {perawat},2022,tahunan,1,1,Kepala\n\
         {perawat},2023,tahunan,1,1,Kepala\n\
         {perawat},2024,triwulan-1,2,2,Kepala\n\
         {perawat},2024,triwulan-2,1,3,Kepala\n\
         {lurah},2023,tahunan,1,1,Camat\n"
    );
    db.import_ok("evaluations", "e.csv", &ev);
    let csv = db.export("angka-kredit");
    let rows = rows_by(&csv);
    assert!(
        rows.iter().all(|r| r["nip"] == perawat),
        "only functional staff"
    );
    let years: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["periode"].as_str(),
                r["angka_kredit"].as_str(),
                r["jumlah_tahun"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        years,
        vec![
            ("tahunan", "7.500", "7.500"),
            ("triwulan-1", "1.250", "1.875"),
            ("triwulan-2", "0.625", "1.875"),
        ]
    );
    let r = &rows[0];
    assert_eq!(r["jumlah_jenjang"], "9.375");
    assert_eq!(r["jenjang_berikutnya"], "Mahir");
    assert_eq!(r["kebutuhan"], "60.000");
    assert_eq!(r["kekurangan"], "50.625");
    assert_eq!(r["koefisien"], "5.000");
    assert_eq!(r["persentase"], "150");
    // The profile says the same.
    let run = db.run(&["profile", perawat]);
    run.expect(0);
    let text = run.stdout_text();
    assert!(text.contains("## Angka kredit"), "{text}");
    assert!(text.contains("- 2023: 7,5 (tahunan Sangat Baik)"), "{text}");
    assert!(
        text.contains("- 2024: 1,875 (TW1 Baik, TW2 Kurang/Misconduct)"),
        "{text}"
    );
    assert!(
        text.contains("Di jenjang Terampil: 9,375 dari 60 untuk Mahir (kurang 50,625)"),
        "{text}"
    );
    let run = db.run(&["profile", lurah]);
    run.expect(0);
    assert!(!run.stdout_text().contains("Angka kredit"));
}
