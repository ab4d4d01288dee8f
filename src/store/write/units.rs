//! Saving a unit, and what its audit entry says changed in its head and ratings.

use super::Audit;
use crate::domain::{Unit, UnitRating, unit_id};
use crate::store::records::{self, AuditAction};
use crate::store::{Store, StoreError};

impl Store {
    /// Creates or replaces a unit.
    pub fn save_unit(&self, unit: &Unit, actor: &str) -> Result<(), StoreError> {
        if unit.id.is_empty() || unit.id != unit_id(&unit.name) {
            return Err(StoreError::Invalid(format!(
                "unit id {:?} does not match its name {:?}",
                unit.id, unit.name
            )));
        }
        let value = records::encode_unit(unit).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.audited([&self.units], actor, |[t_units]| {
            let old = t_units.insert(unit.id.as_bytes(), value.clone())?;
            let before = old.as_deref().and_then(|b| records::decode_unit(b).ok());
            let mut summary = format!("{} ({})", unit.name, unit.kind.code());
            let changes = unit_changes(before.as_ref(), unit);
            if !changes.is_empty() {
                summary.push_str(": ");
                summary.push_str(&changes.join("; "));
            }
            Ok((
                (),
                Audit {
                    action: if old.is_some() {
                        AuditAction::Update
                    } else {
                        AuditAction::Create
                    },
                    record: format!("units/{}", unit.id),
                    summary,
                },
            ))
        })
    }
}

/// What a save changes in a unit's head and ratings, for the audit trail:
/// `pimpinan: - -> 197001012000031001`, `nilai 2025 triwulan-2: Baik -> -`.
fn unit_changes(before: Option<&Unit>, after: &Unit) -> Vec<String> {
    let mut out = Vec::new();
    let head = |u: Option<&Unit>| {
        u.and_then(|u| u.head.as_ref())
            .map_or("-".to_string(), |n| n.as_str().to_string())
    };
    if head(before) != head(Some(after)) {
        out.push(format!(
            "pimpinan: {} -> {}",
            head(before),
            head(Some(after))
        ));
    }
    let ratings =
        |u: Option<&Unit>| -> std::collections::BTreeMap<(i16, i8, u8), (String, UnitRating)> {
            u.map(|u| {
                u.all_ratings()
                    .into_iter()
                    .map(|(p, r)| {
                        let label = if p.kind == crate::domain::PeriodKind::Tahunan {
                            p.year.to_string()
                        } else {
                            format!("{} {}", p.year, p.kind_code())
                        };
                        (p.sort_key(), (label, r))
                    })
                    .collect()
            })
            .unwrap_or_default()
        };
    let (old, new) = (ratings(before), ratings(Some(after)));
    let keys: std::collections::BTreeSet<_> = old.keys().chain(new.keys()).collect();
    for k in keys {
        let (o, n) = (old.get(k), new.get(k));
        if o.map(|x| x.1) != n.map(|x| x.1) {
            let label = o.or(n).map_or("", |x| x.0.as_str());
            let show = |x: Option<&(String, UnitRating)>| x.map_or("-", |x| x.1.label());
            out.push(format!("nilai {label}: {} -> {}", show(o), show(n)));
        }
    }
    out
}
