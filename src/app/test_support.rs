//! What the app's own tests share: the options of a local session and a small demo.

use super::Options;
use crate::store::Store;

/// A local session's options on 28 November 2026, in Indonesian, without officers.
pub(super) fn options() -> Options {
    Options {
        lang: crate::ui::lang::Lang::Id,
        theme: Default::default(),
        today: jiff::civil::date(2026, 11, 28),
        tz: jiff::tz::TimeZone::UTC,
        actor: "tester".into(),
        db_label: "test".into(),
        export_dir: std::env::temp_dir(),
        officer: None,
        jp: Default::default(),
        remote: false,
        instansi: None,
        tempat: None,
    }
}

/// A demo of 120 people in a temporary directory (kept alive by the returned guard).
pub(super) fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("db")).expect("open");
    crate::demo::fill(
        &store,
        120,
        1,
        jiff::civil::date(2026, 11, 28),
        "t",
        &|_| {},
    )
    .expect("demo");
    (dir, store)
}

/// Saves the first person's record again with `suffix` added to the name (one audited
/// write that changes no unit, position or rating).
pub(super) fn rename_first(store: &Store, suffix: &str) {
    let nip = store
        .iter_summaries()
        .next()
        .expect("someone")
        .expect("summary")
        .nip;
    let mut staff = store.get_staff(&nip).expect("read").expect("staff");
    staff.nama.push_str(suffix);
    store.save_staff(&staff, "t").expect("save");
}
