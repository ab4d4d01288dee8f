//! Competency gaps (issue 13): `kinerja export gaps` equals an independent computation
//! from the staff, trainings, competencies and requirements exports of a demo database,
//! on the program's own today; `--unit` limits it; an unknown unit exits 2.

use jiff::ToSpan;
use jiff::civil::Date;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

/// Runs the binary on a database; returns (exit code, stdout, stderr).
fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("kinerja runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A CSV with a header: rows as maps from column name to value.
fn rows(csv_text: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// A CSV as plain rows, the header included.
fn raw(csv_text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

fn export(db: &Path, kind: &str) -> String {
    let (code, out, err) = run(db, &["export", kind]);
    assert_eq!(code, 0, "export {kind}: {err}");
    out
}

fn list(s: &str) -> Vec<String> {
    s.split(';')
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// How the expected rows sort: group (0 missing or expired, 1 soon), date, nama, nip,
/// kompetensi.
type SortKey = (u8, Option<Date>, String, String, String);

/// The gaps recomputed from the exports: the rules re-implemented plainly.
fn expected(db: &Path, today: Date, unit: Option<&str>) -> Vec<Vec<String>> {
    let staff = rows(&export(db, "staff"));
    let trainings = rows(&export(db, "trainings"));
    let competencies = rows(&export(db, "competencies"));
    let requirements = rows(&export(db, "requirements"));
    let mut by_nip: HashMap<&str, Vec<&HashMap<String, String>>> = HashMap::new();
    for t in &trainings {
        by_nip.entry(t["nip"].as_str()).or_default().push(t);
    }
    let horizon = today.checked_add(6.months()).unwrap();
    let mut out: Vec<(SortKey, Vec<String>)> = Vec::new();
    for s in staff.iter().filter(|s| s["aktif"] == "ya") {
        if unit.is_some_and(|u| u != s["unit"]) {
            continue;
        }
        let jenis = s["jenis_jabatan"].to_lowercase();
        let fungsional = kinerja::domain::JenisJabatan::parse(&s["jenis_jabatan"])
            .unwrap()
            .is_fungsional();
        let title = if fungsional {
            format!("{} {}", s["jabatan"], s["jenis_jabatan"])
        } else {
            s["jabatan"].clone()
        };
        let required = |c: &HashMap<String, String>| {
            requirements.iter().any(|r| {
                let name = r["jabatan"].trim().to_lowercase();
                r["kompetensi"] == c["nama"]
                    && (name.is_empty()
                        || name == s["jabatan"].to_lowercase()
                        || name == title.to_lowercase())
                    && (r["jenis_jabatan"].is_empty() || r["jenis_jabatan"].to_lowercase() == jenis)
            })
        };
        for c in competencies.iter().filter(|c| required(c)) {
            let kinds = list(&c["jenis_pelatihan"]);
            let words = list(&c["kata_judul"]);
            let latest = by_nip
                .get(s["nip"].as_str())
                .into_iter()
                .flatten()
                .filter(|t| t["status"] == "selesai")
                .filter(|t| {
                    kinds.contains(&t["jenis"].to_lowercase())
                        || words
                            .iter()
                            .any(|w| t["judul"].to_lowercase().contains(w.as_str()))
                })
                .map(|t| t["selesai"].parse::<Date>().unwrap())
                .filter(|d| *d <= today)
                .max();
            let (keadaan, date, group) = match latest {
                None => ("belum ada", None, 0),
                Some(end) => match c["berlaku_bulan"].parse::<i64>() {
                    Err(_) => continue,
                    Ok(m) => {
                        let expiry = end.checked_add(m.months()).unwrap();
                        if expiry <= today {
                            ("kedaluwarsa", Some(expiry), 0)
                        } else if expiry <= horizon {
                            ("segera kedaluwarsa", Some(expiry), 1)
                        } else {
                            continue;
                        }
                    }
                },
            };
            let row = vec![
                s["nip"].clone(),
                s["nama"].clone(),
                s["unit"].clone(),
                title.clone(),
                c["nama"].clone(),
                c["jenis"].clone(),
                keadaan.to_string(),
                date.map(|d| d.to_string()).unwrap_or_default(),
            ];
            out.push((
                (
                    group,
                    date,
                    s["nama"].clone(),
                    s["nip"].clone(),
                    c["nama"].clone(),
                ),
                row,
            ));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    let mut all = vec![
        [
            "nip",
            "nama",
            "unit",
            "jabatan",
            "kompetensi",
            "jenis_kompetensi",
            "keadaan",
            "tanggal",
        ]
        .map(String::from)
        .to_vec(),
    ];
    all.extend(out.into_iter().map(|(_, r)| r));
    all
}

/// The Kompetensi view's lists and matrix against the export's rows (`got`, with header).
fn view_matches_export(db: &Path, today: Date, got: &[Vec<String>]) {
    use kinerja::views::competency_view::{CompetencyData, gap_list, matrix};
    let store = kinerja::store::Store::open(db).expect("open the database in the test");
    let index = kinerja::model::staff_index::StaffIndex::build(
        store.iter_summaries(),
        HashMap::new(),
        today.year(),
    )
    .unwrap();
    let data = CompetencyData {
        catalogue: store.competencies().unwrap(),
        requirements: store.requirements().unwrap(),
    };
    let m = matrix(&index, None, &data, today);
    let mut seen = 0;
    for (i, c) in data.catalogue.iter().enumerate() {
        let mut view: Vec<(String, String, String)> = gap_list(&index, None, None, &data, i, today)
            .into_iter()
            .map(|p| {
                (
                    p.nip,
                    p.gap.label().to_string(),
                    p.gap.date().map(|d| d.to_string()).unwrap_or_default(),
                )
            })
            .collect();
        let mut export: Vec<(String, String, String)> = got[1..]
            .iter()
            .filter(|r| r[4] == c.name)
            .map(|r| (r[0].clone(), r[6].clone(), r[7].clone()))
            .collect();
        // Both lists are by urgency; ties are by name, which the two order alike only up
        // to titles: compare the urgency groups in order, and the people as sets.
        let groups = |v: &[(String, String, String)]| -> Vec<String> {
            v.iter().map(|(_, k, _)| k.clone()).collect()
        };
        assert_eq!(
            groups(&view)
                .iter()
                .filter(|k| *k == "segera kedaluwarsa")
                .count(),
            groups(&export)
                .iter()
                .filter(|k| *k == "segera kedaluwarsa")
                .count()
        );
        assert!(
            groups(&view)
                .windows(2)
                .all(|w| { !(w[0] == "segera kedaluwarsa" && w[1] != "segera kedaluwarsa") }),
            "expiring soon comes last"
        );
        view.sort();
        export.sort();
        assert_eq!(view, export, "{}", c.name);
        let total = m
            .columns
            .iter()
            .position(|col| *col == i)
            .map_or(0, |col| m.totals[col]);
        assert_eq!(total as usize, export.len(), "matrix total of {}", c.name);
        seen += export.len();
    }
    assert_eq!(seen, got.len() - 1, "every export row is some competency's");

    // The Celah column (people a partner could close a gap for) counted from the rows in
    // memory equals the count from the stored trainings.
    let partners = store.partners().unwrap();
    let with: Vec<_> = partners
        .iter()
        .filter(|p| !p.competencies.is_empty())
        .collect();
    assert!(!with.is_empty(), "the demo's partners deliver competencies");
    let sets: Vec<Vec<usize>> = with
        .iter()
        .map(|p| {
            p.competencies
                .iter()
                .filter_map(|id| data.catalogue.iter().position(|c| c.id == *id))
                .collect()
        })
        .collect();
    let counts = kinerja::views::competency_view::closable_by(&index, None, &data, &sets, today);
    let from_store = kinerja::views::partners::closable_gaps(&store, &partners, today).unwrap();
    for (p, n) in with.iter().zip(counts) {
        assert_eq!(from_store.get(&p.id).copied(), Some(n), "{}", p.name);
    }
    assert!(from_store.values().any(|n| *n > 0));
}

#[test]
fn the_gaps_export_equals_an_independent_computation_from_the_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    assert_eq!(run(&db, &["demo", "--staff", "120"]).0, 0);
    let today = kinerja::cli::today();

    // The demo's trainings are recent: add old ones so that some competencies have
    // expired and some expire soon. Two people missing a competency with a validity get a
    // training with one of its title words: one ended long enough ago to have expired,
    // one to expire in about three months.
    let competencies = rows(&export(&db, "competencies"));
    let before = rows(&export(&db, "gaps"));
    let with_validity = |name: &str| {
        competencies.iter().find(|c| {
            c["nama"] == name && !c["berlaku_bulan"].is_empty() && !c["kata_judul"].is_empty()
        })
    };
    let mut picked = before
        .iter()
        .filter(|g| g["keadaan"] == "belum ada")
        .filter_map(|g| with_validity(&g["kompetensi"]).map(|c| (g, c)));
    let mut import = String::from(
        "nip,judul,jenis,penyelenggara,jenis_penyelenggara,mulai,selesai,jp,jam,status,no_sertifikat,catatan,kompetensi\n",
    );
    for back in [-6i64, 3] {
        let (g, c) = picked.next().expect("the demo has gaps with a validity");
        let months: i64 = c["berlaku_bulan"].parse().unwrap();
        let word = c["kata_judul"].split(';').next().unwrap();
        // Ends so that the expiry is `back` months from today.
        let end = today.checked_add((back - months).months()).unwrap();
        import.push_str(&format!(
            "{},Pelatihan {word} Lama,Bimtek,BKPSDM Kota Medan,Pemerintah,{end},{end},8,,selesai,,,\n",
            g["nip"]
        ));
    }
    let header = export(&db, "trainings");
    assert!(
        import.starts_with(header.lines().next().unwrap()),
        "the import uses the export's columns: {}",
        header.lines().next().unwrap()
    );
    let file = dir.path().join("old.csv");
    std::fs::write(&file, import).unwrap();
    let (code, _, err) = run(&db, &["import", "trainings", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");

    let got = raw(&export(&db, "gaps"));
    let want = expected(&db, today, None);
    assert_eq!(got, want);
    let keadaan: Vec<&str> = got[1..].iter().map(|r| r[6].as_str()).collect();
    for k in ["belum ada", "kedaluwarsa", "segera kedaluwarsa"] {
        assert!(
            keadaan.contains(&k),
            "the demo plus the old trainings has {k}"
        );
    }

    // The Kompetensi view reads the same gaps from the rows in memory (the summaries kept
    // up to date by every save, here by the import): per competency, the same people in
    // the same states; and the matrix counts them.
    view_matches_export(&db, today, &got);

    // --unit: the unit of the first row, by name.
    let unit = got[1][2].clone();
    let (code, out, err) = run(&db, &["export", "gaps", "--unit", &unit]);
    assert_eq!(code, 0, "{err}");
    let only = raw(&out);
    assert_eq!(only, expected(&db, today, Some(&unit)));
    assert!(only.len() > 1 && only.len() < got.len());
    assert!(only[1..].iter().all(|r| r[2] == unit));

    // An unknown unit exits 2 and writes no file.
    let target = dir.path().join("gaps.csv");
    let (code, _, err) = run(
        &db,
        &[
            "export",
            "gaps",
            "--unit",
            "Tidak Ada Unit Ini",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("Tidak Ada Unit Ini"), "{err}");
    assert!(!target.exists());
}

/// A competency added to the catalogue is held at once by everyone whose completed
/// trainings satisfy it: `save_competency` rebuilds every summary, and `check` finds them
/// in step with the records and the new catalogue.
#[test]
fn a_new_competency_is_held_at_once_by_those_whose_trainings_satisfy_it() {
    use kinerja::domain::{Competency, CompetencyKind, TrainingStatus};
    let dir = tempfile::tempdir().unwrap();
    let store = kinerja::store::Store::open(&dir.path().join("db")).unwrap();
    let today = jiff::civil::date(2026, 11, 28);
    kinerja::demo::fill(&store, 60, 1, today, "demo", &|_| {}).unwrap();
    // Someone's completed training, and a competency met by its exact title.
    let (nip, training) = store
        .iter_trainings()
        .map(|r| r.unwrap())
        .find_map(|(nip, g)| {
            g.items
                .into_iter()
                .find(|t| t.status == TrainingStatus::Selesai)
                .map(|t| (nip, t))
        })
        .expect("the demo has a completed training");
    let id = kinerja::domain::unit_id("Uji Katalog Baru");
    assert_eq!(store.summary(&nip).unwrap().unwrap().held_until(&id), None);
    let competency = Competency::new(
        "Uji Katalog Baru",
        CompetencyKind::Teknis,
        vec![],
        vec![training.judul.clone()],
        Some(12),
    );
    assert!(store.save_competency(&competency, "tester").unwrap());
    let summary = store.summary(&nip).unwrap().unwrap();
    assert!(
        summary
            .held_until(&id)
            .is_some_and(|d| d >= training.selesai),
        "{:?}",
        summary.held
    );
    assert!(store.check().unwrap().damage.is_empty());
}

/// The summaries keep a competency by a 32-bit key of its id: a second competency whose
/// id has the same key is refused, on the screen's path (`save_competency`) and on import.
#[test]
fn a_competency_whose_key_clashes_with_another_is_refused() {
    use kinerja::domain::{Competency, CompetencyKind, competency_key};
    // Two plain names whose ids share a CRC-32 (found by search; about 77,000 tries give
    // even odds).
    let mut seen: HashMap<u32, String> = HashMap::new();
    let (a, b) = (0..2_000_000u32)
        // Spread over many bytes: CRC-32 never maps two texts of one length that differ
        // only within 32 adjacent bits to one value.
        .map(|n| format!("k{n} x {}", n.wrapping_mul(2_654_435_761)))
        .find_map(|name| {
            let key = competency_key(&kinerja::domain::unit_id(&name));
            seen.insert(key, name.clone()).map(|other| (other, name))
        })
        .expect("a clash among two million names");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let store = kinerja::store::Store::open(&db).unwrap();
    let c = |name: &str| {
        Competency::new(
            name,
            CompetencyKind::Teknis,
            vec![],
            vec![name.into()],
            None,
        )
    };
    assert!(store.save_competency(&c(&a), "tester").unwrap());
    let err = store.save_competency(&c(&b), "tester").unwrap_err();
    assert!(err.to_string().contains("clashes"), "{err}");
    assert_eq!(store.competencies().unwrap().len(), 1);
    store.close().unwrap();

    // The import refuses the row, naming it, and writes nothing.
    let file = dir.path().join("c.csv");
    std::fs::write(&file, format!("nama,jenis,kata_judul\n{b},teknis,{b}\n")).unwrap();
    let (code, _, err) = run(&db, &["import", "competencies", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("clashes"), "{err}");
}
