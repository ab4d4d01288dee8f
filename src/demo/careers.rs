//! The demo's career histories (issue 21): each person's ranks from the entry rank of
//! their education at TMT CPNS, one step every 4 years on the first promotion period after
//! (Peraturan BKN 4/2023), so some are due at the next periods; their position since
//! appointment; and for about one in eight (never a unit's head) a move from another unit
//! of the same kind in the last few years, so past years are judged in the unit of then.
//! Drawn from a stream of its own: the rest of the demo is as it was.

use super::plan::Draft;
use super::rng::Rng;
use super::units::UNITS;
use crate::domain::{
    Career, CareerEntry, CareerKind, CareerValue, Golongan, PersonAtTime, PromotionPeriod, Unit,
};
use jiff::ToSpan;
use jiff::civil::Date;

/// The first day of the person's service: TMT CPNS (the first of the NIP's month), or the
/// January of an NI PPPK's year.
fn start_of(d: &Draft) -> Option<Date> {
    let (y, m) = d.staff.nip.appointed();
    Date::new(y, m, 1).ok()
}

/// The latest promotion period's day on or before `day`.
fn period_on_or_before(day: Date) -> Date {
    let next = PromotionPeriod::on_or_after(day);
    if next.date() == day {
        day
    } else {
        next.previous().date()
    }
}

/// The rank entries from the entry rank at `start` to the person's rank now: one step
/// every 4 years from the appointment, each on the first promotion period day after its
/// 4 years (as the demo's ranks follow the years of service), the rank now delayed by a few
/// months for some (a promotion held back), so some are due at the coming periods; a rank
/// now whose day would be after today began on the latest period day before it.
fn ranks(rng: &mut Rng, d: &Draft, start: Date, today: Date) -> Vec<(Date, Golongan)> {
    let now = d.staff.golongan;
    let entry = d.staff.pendidikan.entry_golongan();
    let (Golongan::Pns(from), Golongan::Pns(to)) = (entry, now) else {
        return vec![(start, now)];
    };
    if to <= from {
        return vec![(start, now)];
    }
    let latest = period_on_or_before(today);
    let mut out = vec![(start, entry)];
    for k in 1..=(to - from) {
        let mut day =
            PromotionPeriod::on_or_after(start.saturating_add((4 * i64::from(k)).years())).date();
        if k == to - from && rng.chance(0.3) {
            let delayed = day.saturating_add(rng.range(1, 10).months());
            day = PromotionPeriod::on_or_after(delayed).date();
        }
        let after = out.last().map_or(start, |(d, _)| *d);
        out.push((day.min(latest).max(after), Golongan::Pns(from + k)));
    }
    // Steps that fell on one day (no room before today): the higher rank stands.
    out.dedup_by(|later, earlier| {
        if later.0 == earlier.0 {
            earlier.1 = later.1;
            true
        } else {
            false
        }
    });
    out
}

/// Person `d`'s history, or `None` when the record's own history (one entry each) says it
/// all (appointed after today's start of service).
pub(super) fn career_for(
    rng: &mut Rng,
    d: &Draft,
    units: &[Unit],
    is_head: bool,
    today: Date,
) -> Option<Career> {
    let start = start_of(d).filter(|s| *s <= today)?;
    let mut c = Career::default();
    let mut put = |tmt: Date, value: CareerValue| {
        let _ = c.put(CareerEntry::new(Some(tmt), value));
    };
    for (day, rank) in ranks(rng, d, start, today) {
        put(day, CareerValue::Pangkat(rank));
    }
    put(start, CareerValue::Jabatan(d.staff.jabatan.clone()));
    // A move from another unit of the same kind, at least a year after the start.
    let moved = !is_head && rng.chance(0.125);
    let first_year = (start.year() + 1).max(today.year() - 3);
    let last_year = today.year() - 1;
    let others: Vec<usize> = (0..units.len())
        .filter(|k| *k != d.unit && UNITS[*k].kind == UNITS[d.unit].kind)
        .collect();
    if moved && first_year <= last_year && !others.is_empty() {
        let from = *rng.pick(&others);
        let year = rng.range(i64::from(first_year), i64::from(last_year)) as i16;
        let month = rng.range(1, 12) as i8;
        let day = Date::new(year, month, 1).unwrap_or(start);
        put(start, CareerValue::Unit(units[from].id.clone()));
        put(day, CareerValue::Unit(d.staff.unit_id.clone()));
    } else {
        put(start, CareerValue::Unit(d.staff.unit_id.clone()));
    }
    c.revision = 1;
    // The record is the newest entries; a history that would not keep the rules is left
    // to the one the record implies.
    (c.validate(&d.staff.nip).is_ok() && c.apply(&d.staff) == d.staff).then_some(c)
}

/// The people on the person's evaluations as they were at each period's end: the rank
/// and unit of then (issue 19's `pegawai`, from the career history).
pub(super) fn people_then(
    career: &Career,
    units: &[Unit],
    evaluations: &mut [crate::domain::Evaluation],
) {
    for e in evaluations {
        let Some(p) = e.pegawai.as_mut() else {
            continue;
        };
        set_then(p, career, units, e.period.end());
    }
}

fn set_then(p: &mut PersonAtTime, career: &Career, units: &[Unit], day: Date) {
    if let Some(CareerValue::Pangkat(g)) = career.on(CareerKind::Pangkat, day).map(|e| &e.value) {
        p.golongan = Some(*g);
    }
    if let Some(CareerValue::Unit(u)) = career.on(CareerKind::Unit, day).map(|e| &e.value)
        && let Some(unit) = units.iter().find(|x| x.id == *u)
    {
        p.unit = unit.name.clone();
    }
}
