//! `kinerja import unit-ratings`: a unit's own rating per year or period (SE MenPANRB
//! 3/2023), by unit name, year and period. `nilai` `-` removes a recorded rating.

use super::*;
use crate::domain::{PeriodKind, UnitRating};

/// One row: the unit's id, the period and the rating (`None`: remove it).
type Parsed = (String, Period, Option<UnitRating>);

/// A unit's id with a period's `sort_key`: what a file may rate once.
type Slot = (String, (i16, i8, u8));

fn parse_row(
    t: &Table,
    r: &StringRecord,
    units: &BTreeMap<String, Unit>,
    today: jiff::civil::Date,
) -> Result<Parsed, Vec<String>> {
    if let Some(p) = t.width_problem(r) {
        return Err(vec![p]);
    }
    let mut row = Row::default();
    let unit_text = clean_line(t.get(r, "unit"));
    let unit = if unit_text.is_empty() {
        row.problems.push("unit is empty".into());
        None
    } else {
        let id = unit_id(&unit_text);
        row.need(units.contains_key(&id).then_some(id), || {
            format!(
                "unit {unit_text:?} is not known; check its spelling against `kinerja export staff`, or import the staff of that unit first"
            )
        })
    };
    let year_text = t.get(r, "tahun");
    let year = row.need(
        year_text
            .trim()
            .parse::<i16>()
            .ok()
            .filter(|y| (1900..=today.year()).contains(y)),
        || {
            format!(
                "tahun {year_text:?} is not a year from 1900 to {}",
                today.year()
            )
        },
    );
    let period_text = t.get(r, "periode");
    let kind = if period_text.trim().is_empty() {
        Some(PeriodKind::Tahunan)
    } else {
        row.need(Period::parse_kind(period_text), || {
            format!("periode {period_text:?} is not tahunan, triwulan-1..4 or bulan-01..12")
        })
    };
    let rating_text = t.get(r, "capaian_organisasi");
    let rating = match rating_text.trim() {
        "-" => Some(None),
        "" => {
            row.problems
                .push("capaian_organisasi is empty (Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang; - removes)".into());
            None
        }
        text => row.need(UnitRating::parse(text).map(Some), || {
            format!(
                "capaian_organisasi {text:?} is not Istimewa, Baik, Butuh Perbaikan (Cukup), Kurang or Sangat Kurang"
            )
        }),
    };
    let period = match (year, kind) {
        (Some(y), Some(k)) => row.need(Period::new(y, k), || {
            format!("periode {period_text:?} of {y} is not a period")
        }),
        _ => None,
    };
    if let Some(p) = period
        && p.start() > today
    {
        row.problems.push(format!(
            "periode {} {} has not started yet; a unit is rated for a period that has begun",
            p.year,
            p.kind_code()
        ));
    }
    match (unit, period, rating) {
        (Some(u), Some(p), Some(r)) if row.problems.is_empty() => Ok((u, p, r)),
        _ => Err(row.problems),
    }
}

pub(super) fn import_unit_ratings(
    store: &Store,
    file: &Path,
    opts: Options,
) -> Result<(), Failure> {
    let table = csvio::read(file, columns::UNIT_RATINGS, opts.ignore_unknown_columns)?;
    let today = today();
    let mut units: BTreeMap<String, Unit> = store
        .units()?
        .into_iter()
        .map(|u| (u.id.clone(), u))
        .collect();
    let mut bad = Vec::new();
    // (unit, period key) -> (line, rating): one rating per unit and period in a file.
    let mut seen: HashMap<Slot, (u64, Option<UnitRating>)> = HashMap::new();
    let mut good: Vec<Parsed> = Vec::new();
    for (line, r) in &table.rows {
        match parse_row(&table, r, &units, today) {
            Ok((unit, period, rating)) => match seen.get(&(unit.clone(), period.sort_key())) {
                Some((first, other)) if *other != rating => bad.push((
                    *line,
                    format!(
                        "line {first} gives this unit another rating for {} {}; keep one",
                        period.year,
                        period.kind_code()
                    ),
                )),
                Some(_) => {}
                None => {
                    seen.insert((unit.clone(), period.sort_key()), (*line, rating));
                    good.push((unit, period, rating));
                }
            },
            Err(problems) => bad.push((*line, problems.join("; "))),
        }
    }
    report_bad(&table, &bad, good.len(), opts)?;

    let (mut set, mut removed, mut unchanged) = (0usize, 0usize, 0usize);
    let mut changed: BTreeMap<String, ()> = BTreeMap::new();
    for (id, period, rating) in good {
        let Some(unit) = units.get_mut(&id) else {
            continue;
        };
        if unit.rating_of(period) == rating {
            unchanged += 1;
            continue;
        }
        match rating {
            Some(_) => set += 1,
            None => removed += 1,
        }
        unit.set_rating(period, rating);
        changed.insert(id, ());
    }
    write_run(
        store,
        &table,
        opts,
        "unit-ratings",
        &with_skipped(
            format!(
                "{set} set, {removed} removed, {unchanged} unchanged unit rating(s) (capaian organisasi) in {} unit(s)",
                changed.len()
            ),
            bad.len(),
        ),
        changed.len(),
        |w, tick| {
            for id in changed.keys() {
                if let Some(u) = units.get(id) {
                    w.put_unit(u)?;
                }
                tick();
            }
            Ok(())
        },
    )
}
