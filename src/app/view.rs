//! The screens' view kept at a clean close (issue 23, `store::view_file`): the list's
//! rows and Beranda's all-units counts, read back by the next screens while sled opens,
//! instead of a pass over every summary (at 100,000 staff: a few tens of milliseconds
//! against about 600).
//!
//! Kept only when it is exactly what a pass would give: the session changed nothing in
//! the database (its newest audit key is the one at the start), and Beranda's all-units
//! counts are those of the rows as they are. Its key names everything else the counts
//! depend on: this build of the program, the day, the JP targets.

use super::*;

/// The view's layout, with the rows' own (`model::staff_index::persist`).
const VIEW_LAYOUT: &str = "kinerja-view 1";

/// What the view's contents depend on besides the data: the program (its version and
/// the executable's size and modification time, so a rebuilt program counts afresh), the
/// day (retiring, contracts ending, the JP due by today) and the JP targets.
pub fn view_key(today: Date, jp: crate::domain::JpTargets) -> Vec<u8> {
    let build = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            use std::os::unix::fs::MetadataExt;
            format!("{}-{}.{}", m.len(), m.mtime(), m.mtime_nsec())
        })
        .unwrap_or_default();
    format!(
        "{VIEW_LAYOUT} {} {build} {today} pns {} pppk {}",
        env!("CARGO_PKG_VERSION"),
        jp.pns,
        jp.pppk
    )
    .into_bytes()
}

impl Shared {
    /// The rows and Beranda's all-units counts as a view's payload; `None` when the
    /// counts kept are not those of the rows as they are now.
    fn view_payload(&self) -> Option<Vec<u8>> {
        let home = self.home()?;
        let mut out = Vec::new();
        self.staff.write_view(&mut out).ok()?;
        bincode::serde::encode_into_std_write(&home, &mut out, bincode::config::standard()).ok()?;
        Some(out)
    }

    /// The rows and counts of a view's payload ([`Shared::view_payload`]); `None` when the
    /// bytes are not one whole.
    pub fn from_view(payload: &[u8]) -> Option<Shared> {
        let (staff, used) = SharedStaff::from_view(payload)?;
        let rest = payload.get(used..)?;
        let (home, home_used): (HomeData, usize) = crate::model::staff_index::decode_bounded(rest)?;
        if home_used != rest.len() || !home.loaded() {
            return None;
        }
        let shared = Shared::from_staff(staff);
        shared.keep_home(shared.staff.generation(), &home);
        Some(shared)
    }
}

impl App {
    /// The screens over a view read at the start ([`Shared::from_view`]): nothing is read
    /// from the database for the list or Beranda.
    pub fn from_view(store: Store, shared: Shared, opts: Options) -> Result<App, StoreError> {
        App::with_shared(store, shared, opts)
    }

    /// The view to keep at the close (key and payload, for `Store::close_with_view`):
    /// `None` when this session changed the database, the rows were never all read, or
    /// Beranda's all-units counts are not those of the rows as they are.
    pub fn view_to_keep(&self) -> Option<(Vec<u8>, Vec<u8>)> {
        if self.pending_load || self.opts.remote {
            return None;
        }
        let now = self.store.last_change().ok()?;
        if now != self.opened_at {
            return None;
        }
        let payload = self.shared.view_payload()?;
        Some((view_key(self.opts.today, self.opts.jp), payload))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_changes_with_the_day_and_the_targets() {
        let jp = crate::domain::JpTargets::default();
        let a = view_key(jiff::civil::date(2026, 12, 7), jp);
        assert_eq!(a, view_key(jiff::civil::date(2026, 12, 7), jp));
        assert_ne!(a, view_key(jiff::civil::date(2026, 12, 8), jp));
        let other = crate::domain::JpTargets {
            pns: jp.pns + 1,
            ..jp
        };
        assert_ne!(a, view_key(jiff::civil::date(2026, 12, 7), other));
    }
}
