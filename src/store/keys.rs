//! Byte keys, chosen so that each tree sorts the way the screens list it.

/// Every tree the program uses, in backup order.
pub const TREES: [&str; 20] = [
    "meta",
    "units",
    "partners",
    "competencies",
    "requirements",
    "staff",
    "staff_by_unit",
    "staff_summary",
    "training_stats",
    "evaluations",
    "trainings",
    "potentials",
    "coaching",
    "skp",
    "contracts",
    "career",
    "officers",
    "drafts",
    "audit",
    "audit_by_record",
];

/// The key holding the schema version (u32, big-endian) in `meta`.
pub const SCHEMA_KEY: &[u8] = b"schema";

/// A multi-batch job (import, demo, restore) that started and has not finished:
/// `ACTION\tACTOR\tMICROS\tDETAIL` (action as its audit label).
pub const JOB_KEY: &[u8] = b"job";

/// Present in `meta` when every `staff_summary` entry matches its records; removed while a
/// bulk write is under way, so an interrupted one is repaired on the next open.
pub const SUMMARIES_KEY: &[u8] = b"summaries";

/// The server's SSH host key in `meta`: its OpenSSH private key text (issue 22; see
/// `store/host.rs`). Secret: backups carry it, nothing else shows it.
pub const HOST_KEY: &[u8] = b"host_key";

/// Present in `meta` when `training_stats` matches the trainings (as `SUMMARIES_KEY`).
pub const STATS_KEY: &[u8] = b"training_stats";

/// `staff_by_unit`: unit id, a zero byte, then the NIP digits.
pub fn staff_by_unit(unit_id: &str, nip: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(unit_id.len() + 1 + nip.len());
    k.extend_from_slice(unit_id.as_bytes());
    k.push(0);
    k.extend_from_slice(nip.as_bytes());
    k
}

/// The prefix of every `staff_by_unit` key of a unit.
pub fn unit_prefix(unit_id: &str) -> Vec<u8> {
    let mut k = unit_id.as_bytes().to_vec();
    k.push(0);
    k
}

/// Splits a `staff_by_unit` key into unit id and NIP.
pub fn split_staff_by_unit(key: &[u8]) -> Option<(&str, &str)> {
    let zero = key.iter().position(|b| *b == 0)?;
    let unit = std::str::from_utf8(&key[..zero]).ok()?;
    let nip = std::str::from_utf8(&key[zero + 1..]).ok()?;
    Some((unit, nip))
}

/// `audit`: time in microseconds (big-endian u64), then a unique id (big-endian u64).
pub fn audit(time_micros: u64, id: u64) -> [u8; 16] {
    let mut k = [0u8; 16];
    k[..8].copy_from_slice(&time_micros.to_be_bytes());
    k[8..].copy_from_slice(&id.to_be_bytes());
    k
}

/// `audit_by_record`: the record name, a zero byte, then the audit key.
pub fn audit_by_record(record: &str, audit_key: &[u8]) -> Vec<u8> {
    let mut k = record.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(audit_key);
    k
}

/// A key shown to a person: UTF-8 text as is; in hex when it is not UTF-8 or holds a
/// character a terminal would act on or hide (a control, format or line-separator
/// character: `domain::text::shown` would quote it), so a crafted key never reaches the
/// terminal raw.
pub fn show(key: &[u8]) -> String {
    match std::str::from_utf8(key) {
        Ok(s) if crate::domain::text::shown(s) == s => s.to_string(),
        _ => key.iter().map(|b| format!("{b:02x}")).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_keys_sort_by_time() {
        assert!(audit(1, 99) < audit(2, 0));
        assert!(audit(256, 0) > audit(255, 7));
    }

    #[test]
    fn staff_by_unit_keys_split_back() {
        let k = staff_by_unit("puskesmas-belawan", "198503302010011002");
        assert_eq!(
            split_staff_by_unit(&k),
            Some(("puskesmas-belawan", "198503302010011002"))
        );
        assert!(k.starts_with(&unit_prefix("puskesmas-belawan")));
        assert!(!k.starts_with(&unit_prefix("puskesmas")));
    }

    #[test]
    fn binary_keys_show_in_hex() {
        assert_eq!(show(b"abc"), "abc");
        assert_eq!(show(&[0, 255]), "00ff");
        assert_eq!(show(b"\x1b]0;x\x07"), "1b5d303b7807");
        assert_eq!(show("a\u{202e}".as_bytes()), "61e280ae");
    }
}
