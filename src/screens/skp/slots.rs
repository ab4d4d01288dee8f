//! Field ids for the repeated rows of the RHK and template forms. The form engine names
//! fields by `&'static str`; these rows are numbered, so their ids are made once per
//! process (a fixed, small table) and shared by every form.

use std::sync::OnceLock;

/// Most indicators the RHK form offers rows for.
pub const MAX_IND: usize = 8;
/// Most RHK the template form offers, and indicators per RHK there.
pub const MAX_TPL_RHK: usize = 6;
pub const TPL_IND: usize = 2;

/// The ids of one indicator row.
#[derive(Debug, Clone, Copy)]
pub struct IndIds {
    pub aspek: &'static str,
    pub teks: &'static str,
    pub target: &'static str,
}

/// The ids of one RHK of the template form.
#[derive(Debug, Clone, Copy)]
pub struct RhkIds {
    pub jenis: &'static str,
    pub teks: &'static str,
    pub interv: &'static str,
    pub interv_teks: &'static str,
    pub ind: [IndIds; TPL_IND],
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn ind_ids(prefix: &str) -> IndIds {
    IndIds {
        aspek: leak(format!("{prefix}_aspek")),
        teks: leak(format!("{prefix}_teks")),
        target: leak(format!("{prefix}_target")),
    }
}

/// The ids of indicator row `k` (from 0) of the RHK form: `iki1_aspek`, `iki1_teks` ..
pub fn ind(k: usize) -> IndIds {
    static TABLE: OnceLock<Vec<IndIds>> = OnceLock::new();
    let table = TABLE.get_or_init(|| (1..=MAX_IND).map(|n| ind_ids(&format!("iki{n}"))).collect());
    table[k.min(MAX_IND - 1)]
}

/// The ids of RHK `r` (from 0) of the template form: `rhk1_teks`, `rhk1_iki1_target` ..
pub fn tpl(r: usize) -> RhkIds {
    static TABLE: OnceLock<Vec<RhkIds>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (1..=MAX_TPL_RHK)
            .map(|n| RhkIds {
                jenis: leak(format!("rhk{n}_jenis")),
                teks: leak(format!("rhk{n}_teks")),
                interv: leak(format!("rhk{n}_intervensi")),
                interv_teks: leak(format!("rhk{n}_intervensi_teks")),
                ind: [
                    ind_ids(&format!("rhk{n}_iki1")),
                    ind_ids(&format!("rhk{n}_iki2")),
                ],
            })
            .collect()
    });
    table[r.min(MAX_TPL_RHK - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_once_and_distinct() {
        assert_eq!(ind(0).teks, "iki1_teks");
        assert!(std::ptr::eq(ind(2).target, ind(2).target));
        assert_eq!(tpl(1).ind[1].target, "rhk2_iki2_target");
        let mut all: Vec<&str> = (0..MAX_TPL_RHK)
            .flat_map(|r| {
                let t = tpl(r);
                let mut v = vec![t.jenis, t.teks, t.interv, t.interv_teks];
                for i in t.ind {
                    v.extend([i.aspek, i.teks, i.target]);
                }
                v
            })
            .collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
