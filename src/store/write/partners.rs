//! Reading and saving a partner (a training organiser), and what its audit entry says
//! changed.

use super::{Audit, abort, encoded, read};
use crate::domain::unit_id;
use crate::store::records::{self, AuditAction, Partner};
use crate::store::{Store, StoreError};

impl Store {
    /// The partner with this id (the slug of its name), if known.
    pub fn partner(&self, id: &str) -> Result<Option<Partner>, StoreError> {
        match self.partners.get(id.as_bytes())? {
            None => Ok(None),
            Some(v) => {
                records::decode_partner(&v)
                    .map(Some)
                    .map_err(|source| StoreError::Corrupt {
                        tree: "partners",
                        key: id.to_string(),
                        source,
                    })
            }
        }
    }

    /// Saves a partner (its contact, agreements and competencies) in one audited
    /// transaction. `partner.revision` is the revision it was opened at: a partner changed
    /// since (by another session or an import) is refused as stale. A partner at revision 0
    /// may also be new; one with another id's name is refused. Competencies must be in the
    /// catalogue. Returns the partner as saved, with its new revision; saving one that did
    /// not change writes nothing and returns it as it was.
    pub fn save_partner(&self, partner: &Partner, actor: &str) -> Result<Partner, StoreError> {
        let p = partner.clone().cleaned();
        if p.id != unit_id(&p.name) {
            return Err(StoreError::Invalid(format!(
                "partner id {:?} does not match its name {:?}",
                p.id, p.name
            )));
        }
        p.validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        if let Some(current) = self.partner(&p.id)?
            && current
                == (Partner {
                    revision: current.revision,
                    ..p.clone()
                })
            && current.revision == p.revision
        {
            return Ok(current);
        }
        let what = format!("partner {}", p.name);
        self.audited(
            [&self.partners, &self.competencies],
            actor,
            |[t_partners, t_competencies]| {
                for c in &p.competencies {
                    if t_competencies.get(c.as_bytes())?.is_none() {
                        return abort(StoreError::NotFound {
                            what: format!("competency {c}"),
                        });
                    }
                }
                let before = read(t_partners, "partners", &p.id, records::decode_partner)?;
                let found = before.as_ref().map_or(0, |b| b.revision);
                if before.is_some() && found != p.revision {
                    return abort(StoreError::Stale {
                        what: what.clone(),
                        expected: p.revision,
                        found,
                    });
                }
                if before.is_none() && p.revision != 0 {
                    return abort(StoreError::NotFound { what: what.clone() });
                }
                let saved = Partner {
                    revision: found + 1,
                    ..p.clone()
                };
                t_partners.insert(p.id.as_bytes(), encoded(records::encode_partner(&saved))?)?;
                let audit = Audit {
                    action: if before.is_some() {
                        AuditAction::Update
                    } else {
                        AuditAction::Create
                    },
                    record: format!("partners/{}", p.id),
                    summary: partner_changes(before.as_ref(), &saved),
                };
                Ok((saved, audit))
            },
        )
    }
}

/// What a save changed in a partner, for the audit trail: `kontak_telepon: - -> 0812...;
/// perjanjian + PKS 12/2025 (2025-01-01..2025-12-31); kompetensi - btcls-demo`. Only the
/// fields that changed; `-` when nothing did.
pub fn partner_changes(before: Option<&Partner>, after: &Partner) -> String {
    use crate::domain::format_date;
    let mut out = Vec::new();
    let show = |v: &str| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.to_string()
        }
    };
    let empty = Partner::default();
    let b = before.unwrap_or(&empty);
    if before.is_none() {
        out.push(format!("{} ({})", after.name, after.kind.label()));
    } else if b.kind != after.kind {
        out.push(format!(
            "jenis: {} -> {}",
            b.kind.label(),
            after.kind.label()
        ));
    }
    for (name, old, new) in [
        ("kontak_nama", &b.contact.nama, &after.contact.nama),
        ("kontak_telepon", &b.contact.telepon, &after.contact.telepon),
        ("kontak_email", &b.contact.email, &after.contact.email),
    ] {
        if old != new {
            out.push(format!("{name}: {} -> {}", show(old), show(new)));
        }
    }
    let agreement = |a: &crate::domain::Agreement| {
        format!(
            "{} {} ({}..{})",
            a.kind.label(),
            a.nomor,
            format_date(a.mulai),
            format_date(a.selesai)
        )
    };
    for a in &b.agreements {
        if !after.agreements.contains(a) {
            out.push(format!("perjanjian - {}", agreement(a)));
        }
    }
    for a in &after.agreements {
        if !b.agreements.contains(a) {
            out.push(format!("perjanjian + {}", agreement(a)));
        }
    }
    for c in &b.competencies {
        if !after.competencies.contains(c) {
            out.push(format!("kompetensi - {c}"));
        }
    }
    for c in &after.competencies {
        if !b.competencies.contains(c) {
            out.push(format!("kompetensi + {c}"));
        }
    }
    if out.is_empty() {
        "-".into()
    } else {
        out.join("; ")
    }
}
