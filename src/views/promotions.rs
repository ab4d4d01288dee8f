//! The promotions list (kenaikan pangkat, issue 21): who is due at a period and why each
//! one is or is not eligible (`domain::promotion`), in one pass over the list summaries
//! (each holds the TMT of the current rank, the education and the annual predikat). The
//! screen and `kinerja export promotions` use the same rows.

use crate::domain::{
    NotEligible, PeriodKind, Promotion, PromotionInput, PromotionPeriod, PromotionWarning,
    format_date, promotion::assess,
};
use crate::store::{Store, StoreError};
use std::collections::{HashMap, HashSet};

/// One person on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromotionRow {
    pub nip: String,
    pub name: String,
    pub unit_id: String,
    pub promotion: Promotion,
}

/// The list of one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromotionList {
    pub period: PromotionPeriod,
    /// Eligible first, then by due day, name and NIP.
    pub rows: Vec<PromotionRow>,
    /// Active PNS below IV/e whose TMT golongan is not known: they cannot be judged.
    pub unknown_tmt: u32,
    /// Unit names by id.
    pub unit_names: HashMap<String, String>,
    /// The unit the list is narrowed to (with its sub-units), `None` for all.
    pub unit: Option<String>,
    /// The units the officer may narrow it to, as (id, name) by name.
    pub all_units: Vec<(String, String)>,
}

impl PromotionList {
    pub fn eligible(&self) -> usize {
        self.rows.iter().filter(|r| r.promotion.eligible()).count()
    }

    pub fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.unit_names.get(id).map_or(id, |s| s.as_str())
    }
}

/// The list of `period` for the people `in_scope` (by their unit now).
pub fn promotions(
    store: &Store,
    period: PromotionPeriod,
    in_scope: &dyn Fn(&str) -> bool,
) -> Result<PromotionList, StoreError> {
    promotions_in(store, period, None, in_scope)
}

/// The ids of `unit` and every unit below it (by the units' parents).
pub fn unit_and_below(units: &[crate::domain::Unit], unit: &str) -> HashSet<String> {
    let mut within: HashSet<String> = HashSet::from([unit.to_string()]);
    // Each pass adds the children of what is in; a parent cycle cannot loop forever.
    loop {
        let before = within.len();
        for u in units {
            if u.parent.as_ref().is_some_and(|p| within.contains(p)) {
                within.insert(u.id.clone());
            }
        }
        if within.len() == before {
            return within;
        }
    }
}

/// The list of `period` for the people `in_scope` (by their unit now), narrowed to `unit`
/// and its sub-units when one is given (the screen's `f`).
pub fn promotions_in(
    store: &Store,
    period: PromotionPeriod,
    unit: Option<String>,
    in_scope: &dyn Fn(&str) -> bool,
) -> Result<PromotionList, StoreError> {
    let units = store.units()?;
    let within = unit.as_deref().map(|u| unit_and_below(&units, u));
    let in_scope_all = in_scope;
    let in_scope = |u: &str| in_scope_all(u) && within.as_ref().is_none_or(|w| w.contains(u));
    let mut rows = Vec::new();
    let mut unknown_tmt = 0;
    let mut open: Vec<i16> = Vec::new();
    for s in store.iter_summaries() {
        let s = s?;
        if !in_scope(&s.unit_id) {
            continue;
        }
        open.clear();
        open.extend(
            s.keberatan
                .iter()
                .filter(|(p, ..)| p.kind == PeriodKind::Tahunan)
                .map(|(p, ..)| p.year),
        );
        let input = PromotionInput {
            golongan: s.golongan,
            tmt_golongan: s.tmt_golongan,
            pendidikan: s.pendidikan,
            jenis: s.jenis,
            annual: &s.annual,
            open_objections: &open,
            aktif: s.aktif,
        };
        match assess(&input, period) {
            Some(promotion) => rows.push(PromotionRow {
                nip: s.nip,
                name: s.name,
                unit_id: s.unit_id,
                promotion,
            }),
            None => {
                let below_top = matches!(s.golongan, crate::domain::Golongan::Pns(r) if r < 16);
                if s.aktif && below_top && s.tmt_golongan.is_none() {
                    unknown_tmt += 1;
                }
            }
        }
    }
    rows.sort_by(|a, b| {
        (!a.promotion.eligible(), a.promotion.due, &a.name, &a.nip).cmp(&(
            !b.promotion.eligible(),
            b.promotion.due,
            &b.name,
            &b.nip,
        ))
    });
    let mut all_units: Vec<(String, String)> = units
        .iter()
        .filter(|u| in_scope_all(&u.id))
        .map(|u| (u.id.clone(), u.name.clone()))
        .collect();
    all_units.sort_by(|a, b| a.1.cmp(&b.1));
    let unit_names = units.into_iter().map(|u| (u.id, u.name)).collect();
    Ok(PromotionList {
        period,
        rows,
        unknown_tmt,
        unit_names,
        unit,
        all_units,
    })
}

/// The CSV header of `kinerja export promotions`.
pub const COLUMNS: [&str; 13] = [
    "periode",
    "nip",
    "nama",
    "unit",
    "golongan",
    "golongan_berikut",
    "tmt_golongan",
    "empat_tahun",
    "predikat_dua_tahun_lalu",
    "predikat_tahun_lalu",
    "memenuhi",
    "alasan",
    "peringatan",
];

/// A reason in the CSV's words (Indonesian, as the regulation's).
pub fn reason_code(r: &NotEligible) -> String {
    match r {
        NotEligible::NoEvaluation(y) => format!("belum ada evaluasi tahunan {y}"),
        NotEligible::Below(y, p) => format!("predikat {y} {} (di bawah Baik)", p.label()),
        NotEligible::Objection(y) => format!("keberatan atas evaluasi {y} belum diputuskan"),
    }
}

/// A warning in the CSV's words.
pub fn warning_code(w: &PromotionWarning) -> String {
    match w {
        PromotionWarning::EducationCap(cap) => {
            format!("di atas batas pendidikan {cap} (tanpa kenaikan pangkat penyesuaian ijazah)")
        }
        PromotionWarning::Fungsional => "jabatan fungsional: periksa angka kredit".to_string(),
    }
}

/// One CSV row.
pub fn csv_row(list: &PromotionList, r: &PromotionRow) -> Vec<String> {
    let p = &r.promotion;
    let predikat = |i: usize| {
        p.predikat[i]
            .1
            .map_or(String::new(), |x| x.label().to_string())
    };
    vec![
        list.period.to_string(),
        r.nip.clone(),
        r.name.clone(),
        list.unit_name(&r.unit_id).to_string(),
        p.from.to_string(),
        p.to.to_string(),
        format_date(p.tmt_golongan),
        format_date(p.due),
        predikat(0),
        predikat(1),
        if p.eligible() { "ya" } else { "tidak" }.to_string(),
        p.not_eligible
            .iter()
            .map(reason_code)
            .collect::<Vec<_>>()
            .join("; "),
        p.warnings
            .iter()
            .map(warning_code)
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Unit, UnitKind};

    #[test]
    fn a_unit_holds_every_unit_below_it_and_a_parent_cycle_ends() {
        let unit = |name: &str, parent: Option<&str>| {
            Unit::new(name, UnitKind::Kesehatan, parent.map(String::from))
        };
        let mut units = vec![
            unit("Dinas", None),
            unit("Puskesmas", Some("dinas")),
            unit("Pustu", Some("puskesmas")),
            unit("Sekolah", None),
        ];
        let got = unit_and_below(&units, "puskesmas");
        assert_eq!(got, HashSet::from(["puskesmas".into(), "pustu".into()]));
        assert_eq!(unit_and_below(&units, "dinas").len(), 3);
        assert_eq!(unit_and_below(&units, "sekolah").len(), 1);
        // A cycle (bad data) stops once nothing new is added.
        units[0].parent = Some("pustu".into());
        assert_eq!(unit_and_below(&units, "pustu").len(), 3);
    }
}
