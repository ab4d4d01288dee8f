//! `kinerja export riwayat` and `export promotions` (issue 21): every person's career
//! history, one row per entry, the columns `import riwayat` reads back; and who is due for
//! kenaikan pangkat at a period, with the reasons (not for import).

use super::csvio::Output;
use super::{Failure, columns};
use crate::domain::{CareerValue, format_date};
use crate::store::Store;
use std::collections::HashMap;

/// Every staff member's history in NIP order (the stored one, or the one the record
/// implies), each kind in TMT order; an unknown TMT is an empty cell.
pub fn export_riwayat(store: &Store, out: &mut Output) -> Result<usize, Failure> {
    out.row(columns::RIWAYAT.iter().map(|c| c.name))?;
    let names: HashMap<String, String> =
        store.units()?.into_iter().map(|u| (u.id, u.name)).collect();
    let mut n = 0;
    for staff in store.iter_staff() {
        let staff = staff?;
        let nip = staff.nip.as_str();
        let career = match store.stored_career(nip)? {
            Some(c) => c,
            None => crate::domain::Career::implied(&staff),
        };
        for e in &career.entries {
            let mut row: [String; 8] = Default::default();
            row[0] = nip.to_string();
            row[1] = e.kind().code().to_string();
            match &e.value {
                CareerValue::Pangkat(g) => row[2] = g.to_string(),
                CareerValue::Jabatan(j) => {
                    row[3] = j.nama.clone();
                    row[4] = j.jenis.label().to_string();
                }
                CareerValue::Unit(u) => row[5] = names.get(u).cloned().unwrap_or(u.clone()),
            }
            row[6] = e.tmt.map(format_date).unwrap_or_default();
            row[7] = e.nomor_sk.clone();
            out.row(row)?;
            n += 1;
        }
    }
    Ok(n)
}

/// The promotions list of `period` (default: the next period from today), eligible first.
pub fn export_promotions(
    store: &Store,
    out: &mut Output,
    period: Option<crate::domain::PromotionPeriod>,
) -> Result<usize, Failure> {
    use crate::views::promotions;
    let period =
        period.unwrap_or_else(|| crate::domain::PromotionPeriod::on_or_after(super::today()));
    let list = promotions::promotions(store, period, &|_| true)?;
    out.row(promotions::COLUMNS)?;
    for r in &list.rows {
        out.row(promotions::csv_row(&list, r))?;
    }
    if list.unknown_tmt > 0 {
        tell!(
            "export promotions {period}: {} active PNS without a TMT golongan are not listed; give it on the record's Karier section or with `import riwayat`",
            list.unknown_tmt
        );
    }
    Ok(list.rows.len())
}
