//! Petugas (issue 22): the officers read for the admin's screen, with who is logged in
//! now (from the sessions this process has open).

use super::*;
use crate::domain::{Officer, Role};
use crate::screens::FormSpec;
use crate::screens::officer_form::OfficerForm;
use crate::screens::officers::{OfficerChange, OfficerRow, OfficersScreen};
use crate::store::{KeyFileError, parse_keys};

impl App {
    pub(super) fn open_officers(&mut self) -> bool {
        match self.officer_rows() {
            Ok(rows) => {
                let screen = OfficersScreen::new(rows, self.shared.online());
                self.push(Screen::Officers(Box::new(screen)));
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// Carries out a change asked on Petugas with the store's checks and audit (those of
    /// `kinerja officer ...`), then shows the officers read again. An admin does not
    /// remove themselves or their own last key. A removed officer's or key's sessions end
    /// by the audit entry (serve/session.rs); other changes wait for the next login.
    pub(super) fn change_officer(&mut self, change: OfficerChange) -> bool {
        let actor = self.opts.actor.clone();
        let own = |name: &str| self.opts.officer.as_ref().is_some_and(|o| o.name == name);
        let (name, done) = match change {
            OfficerChange::New => return self.open_officer_form(None),
            OfficerChange::Edit(name) => return self.open_officer_form(Some(name)),
            OfficerChange::Remove(name) => {
                if own(&name) {
                    return self.refuse_officer(T::OfficersNotSelf);
                }
                if let Err(e) = self.store.delete_officer(&name, &actor) {
                    return self.fail(e);
                }
                (name, T::OfficersRemoved)
            }
            OfficerChange::RemoveKey(name, fp) => {
                let mut officer = match self.store.officer(&name) {
                    Ok(Some(o)) => o,
                    Ok(None) => {
                        return self.fail(StoreError::NotFound {
                            what: format!("officer {name}"),
                        });
                    }
                    Err(e) => return self.fail(e),
                };
                officer
                    .keys
                    .retain(|k| crate::store::officer_fingerprint(k) != fp);
                if own(&name) && officer.keys.is_empty() {
                    return self.refuse_officer(T::OfficersNotOwnLastKey);
                }
                if let Err(e) = self.store.save_officer(&officer, false, &actor) {
                    return self.fail(e);
                }
                (name, T::OfficersKeyRemoved)
            }
            OfficerChange::AddKey(name, text) => {
                let new = match parse_keys(&text) {
                    Ok(keys) => keys,
                    Err(why) => {
                        let t = match why {
                            KeyFileError::Private => T::OfficersKeyPrivate,
                            KeyFileError::PuttyPrivate => T::OfficersKeyPutty,
                            KeyFileError::Bad(_) => T::OfficersKeyBad,
                            KeyFileError::Unfinished(_) => T::OfficersKeyUnfinished,
                            KeyFileError::Empty => T::OfficersKeyEmpty,
                        };
                        let line = match why {
                            KeyFileError::Bad(l) | KeyFileError::Unfinished(l) => l,
                            _ => 0,
                        };
                        let text = self.ui.t(t).replace("{line}", &line.to_string());
                        self.status = Some((text, true));
                        return true;
                    }
                };
                let mut officer = match self.store.officer(&name) {
                    Ok(Some(o)) => o,
                    Ok(None) => {
                        return self.fail(StoreError::NotFound {
                            what: format!("officer {name}"),
                        });
                    }
                    Err(e) => return self.fail(e),
                };
                for k in new {
                    let id = crate::store::key_identity(&k);
                    if !officer
                        .keys
                        .iter()
                        .any(|o| crate::store::key_identity(o) == id)
                    {
                        officer.keys.push(k);
                    }
                }
                if let Err(e) = self.store.save_officer(&officer, false, &actor) {
                    return self.fail(e);
                }
                (name, T::OfficersKeyAdded)
            }
        };
        self.show_officers_again(&name);
        self.status = Some((self.ui.t(done).to_string(), false));
        true
    }

    fn open_officer_form(&mut self, name: Option<String>) -> bool {
        let read = (|| -> Result<_, StoreError> {
            let officer = match &name {
                Some(n) => Some(self.store.officer(n)?.ok_or_else(|| StoreError::NotFound {
                    what: format!("officer {n}"),
                })?),
                None => None,
            };
            let units = self
                .store
                .units()?
                .into_iter()
                .map(|u| (u.id, u.name))
                .collect();
            Ok((officer, units))
        })();
        match read {
            Ok((officer, units)) => {
                let mut form = OfficerForm::new(officer, units, &self.ui);
                match self.find_draft(&form.draft_id()) {
                    Ok(Some(d)) => form.offer_draft(self.draft_time(d.time_micros), d.fields),
                    Ok(None) => {}
                    Err(e) => return self.fail(e),
                }
                self.push(Screen::OfficerForm(Box::new(form)));
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// Saves the form's officer (the store's checks and audit), back to Petugas read
    /// again. An admin does not take away their own admin role.
    pub(super) fn save_officer_form(&mut self, officer: Officer, creating: bool) -> bool {
        let actor = self.opts.actor.clone();
        let own = self
            .opts
            .officer
            .as_ref()
            .is_some_and(|o| o.name == officer.name && o.role == Role::Admin);
        let refused = if own && officer.role != Role::Admin {
            Some(self.ui.t(T::OfficersNotOwnAdmin).to_string())
        } else {
            match self.store.save_officer(&officer, creating, &actor) {
                Ok(_) => None,
                Err(StoreError::Stale { .. }) => Some(self.stale_text()),
                Err(e) => Some(crate::ui::errors::store_error_text_at(
                    &self.ui,
                    &e,
                    self.store.path(),
                )),
            }
        };
        if let Some(message) = refused {
            if let Screen::OfficerForm(f) = &mut self.screen {
                f.set_error(message);
            }
            return true;
        }
        if let Screen::OfficerForm(f) = &self.screen {
            let key = self.draft_key(&f.draft_id());
            if let Err(e) = self.store.delete_draft(&key) {
                return self.fail(e);
            }
        }
        if let Some(s) = self.stack.pop() {
            self.screen = s;
        }
        self.show_officers_again(&officer.name);
        self.status = Some((self.ui.t(T::Saved).to_string(), false));
        true
    }

    fn refuse_officer(&mut self, why: T) -> bool {
        self.status = Some((self.ui.t(why).to_string(), true));
        true
    }

    /// Petugas read again in place, the officer `name` selected when still listed.
    pub(super) fn show_officers_again(&mut self, name: &str) {
        match self.officer_rows() {
            Ok(rows) => {
                let on_keys = matches!(&self.screen, Screen::Officers(o) if o.on_keys());
                let mut screen = OfficersScreen::new(rows, self.shared.online());
                screen.select(name);
                screen.set_on_keys(on_keys);
                self.screen = Screen::Officers(Box::new(screen));
            }
            Err(e) => {
                self.fail(e);
            }
        }
    }

    fn officer_rows(&self) -> Result<Vec<OfficerRow>, StoreError> {
        {
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
