//! Petugas (issue 22): the officers read for the admin's screen, with who is logged in
//! now (from the sessions this process has open).

use super::*;
use crate::screens::officers::{OfficerRow, OfficersScreen};

impl App {
    pub(super) fn open_officers(&mut self) -> bool {
        let read = (|| -> Result<Vec<OfficerRow>, StoreError> {
            let names = unit_names(&self.store)?;
            self.store
                .officers()?
                .into_iter()
                .map(|o| -> Result<OfficerRow, StoreError> {
                    let last_login = self
                        .store
                        .last_login(&o.name)?
                        .map(|e| self.draft_time(e.time_micros))
                        .unwrap_or_default();
                    Ok(OfficerRow {
                        name: o.name.clone(),
                        role: o.role.label().to_string(),
                        units: o
                            .units
                            .iter()
                            .map(|u| names.get(u).cloned().unwrap_or_else(|| u.clone()))
                            .collect(),
                        lang: o.lang.clone(),
                        keys: o
                            .keys
                            .iter()
                            .map(|k| {
                                (
                                    crate::store::officer_fingerprint(k),
                                    crate::domain::text::clean_line(&key_comment(k)),
                                )
                            })
                            .collect(),
                        last_login,
                    })
                })
                .collect::<Result<_, _>>()
        })();
        match read {
            Ok(rows) => {
                let screen = OfficersScreen::new(rows, self.shared.online());
                self.push(Screen::Officers(Box::new(screen)));
                true
            }
            Err(e) => self.fail(e),
        }
    }
}

/// The comment of an OpenSSH public key line (what follows the key), if any.
fn key_comment(line: &str) -> String {
    line.split_whitespace()
        .skip(2)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_keys_comment_is_what_follows_it() {
        assert_eq!(
            super::key_comment("ssh-ed25519 AAAA budi@pc kantor"),
            "budi@pc kantor"
        );
        assert_eq!(super::key_comment("ssh-ed25519 AAAA"), "");
    }
}
