//! `kinerja officer ...`: who may log in to `kinerja serve`, with which role, for which
//! units, with which public keys. Every change is audited (store/officers.rs).

use super::{Failure, os_user};
use crate::domain::{Officer, Role, unit_id};
use crate::store::Store;
use clap::Subcommand;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum Action {
    /// Add an officer: NAME is their SSH login name (a-z, 0-9, . _ -)
    Add {
        name: String,
        /// admin (everything), penilai (evaluations and trainings for their units), viewer
        /// (reads only)
        #[arg(long, value_name = "admin|penilai|viewer")]
        role: String,
        /// Their OpenSSH public key file (e.g. id_ed25519.pub; several lines allowed)
        #[arg(long, value_name = "PUBKEY_FILE")]
        key: PathBuf,
        /// A unit they work on, by name or id (repeat for more; required for penilai)
        #[arg(long = "unit", value_name = "UNIT")]
        units: Vec<String>,
        /// The language of their screens over SSH [default: the server's]
        #[arg(long, value_name = "id|en")]
        lang: Option<String>,
    },
    /// List the officers with their role, units and key fingerprints
    List,
    /// Remove an officer
    Remove { name: String },
    /// Add or remove an officer's public keys
    Key {
        #[command(subcommand)]
        action: KeyAction,
    },
}

#[derive(Subcommand, Debug)]
pub enum KeyAction {
    /// Add the keys in a public key file
    Add { name: String, file: PathBuf },
    /// Remove a key by its fingerprint (SHA256:..., as `officer list` prints it)
    Remove { name: String, fingerprint: String },
}

/// Reads an OpenSSH public key file: one key per line, blank lines and `#` comments
/// skipped. Errors name `FILE:LINE`; a private key is refused without echoing it.
pub fn read_keys(file: &Path) -> Result<Vec<String>, Failure> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        Failure::cannot_run(format!("cannot read the key file {}: {e}", file.display()))
    })?;
    if text.contains("PRIVATE KEY") {
        return Err(Failure::data(format!(
            "{} is a private key; give the public key (the .pub file beside it), and keep the private key with its owner",
            file.display()
        )));
    }
    let mut keys = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match russh::keys::PublicKey::from_openssh(line) {
            Ok(key) => {
                let canonical = key
                    .to_openssh()
                    .map_err(|e| Failure::data(format!("{}:{}: {e}", file.display(), i + 1)))?;
                keys.push(canonical);
            }
            Err(_) => {
                return Err(Failure::data(format!(
                    "{}:{}: not an OpenSSH public key (expected a line such as `ssh-ed25519 AAAA... name`); give the .pub file",
                    file.display(),
                    i + 1
                )));
            }
        }
    }
    if keys.is_empty() {
        return Err(Failure::data(format!(
            "{}: no public key in the file",
            file.display()
        )));
    }
    Ok(keys)
}

/// Unit names or ids to unit ids; an unknown one is named with the known units.
fn resolve_units(store: &Store, given: &[String]) -> Result<Vec<String>, Failure> {
    let units = store.units()?;
    let mut ids = Vec::new();
    for g in given {
        let id = unit_id(g);
        let found = units
            .iter()
            .find(|u| u.id == *g || u.id == id || u.name.eq_ignore_ascii_case(g));
        match found {
            Some(u) if !ids.contains(&u.id) => ids.push(u.id.clone()),
            Some(_) => {}
            None => {
                let known: Vec<&str> = units.iter().map(|u| u.name.as_str()).take(20).collect();
                return Err(Failure::data(format!(
                    "--unit {g:?}: no such unit; known units: {}",
                    known.join(", ")
                )));
            }
        }
    }
    Ok(ids)
}

fn fingerprint(line: &str) -> String {
    crate::store::officer_fingerprint(line)
}

pub fn run(store: &Store, action: Action) -> Result<(), Failure> {
    let actor = os_user();
    match action {
        Action::Add {
            name,
            role,
            key,
            units,
            lang,
        } => {
            let role = Role::parse(&role).ok_or_else(|| {
                Failure::data(format!("--role {role:?}: use admin, penilai or viewer"))
            })?;
            let keys = read_keys(&key)?;
            let units = resolve_units(store, &units)?;
            let officer = Officer {
                name: name.clone(),
                role,
                units,
                keys,
                lang: lang.map(|l| l.trim().to_lowercase()).unwrap_or_default(),
                revision: 0,
            };
            store.save_officer(&officer, true, &actor)?;
            tell!(
                "officer: {name} added as {} with {} key(s)",
                role.label(),
                officer.keys.len()
            );
        }
        Action::List => {
            let names: std::collections::HashMap<String, String> =
                store.units()?.into_iter().map(|u| (u.id, u.name)).collect();
            for o in store.officers()? {
                let units = if o.units.is_empty() {
                    "all units".to_string()
                } else {
                    o.units
                        .iter()
                        .map(|u| names.get(u).cloned().unwrap_or_else(|| u.clone()))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                let keys: Vec<String> = o.keys.iter().map(|k| fingerprint(k)).collect();
                say!(
                    "{}\t{}\t{}\t{}\t{}",
                    o.name,
                    o.role.label(),
                    units,
                    if o.lang.is_empty() { "-" } else { &o.lang },
                    keys.join(" ")
                );
            }
        }
        Action::Remove { name } => {
            store.delete_officer(&name, &actor)?;
            tell!("officer: {name} removed");
        }
        Action::Key { action } => {
            let name = match &action {
                KeyAction::Add { name, .. } | KeyAction::Remove { name, .. } => name.clone(),
            };
            let mut officer = store
                .officer(&name)?
                .ok_or_else(|| Failure::data(format!("no officer named {name:?}")))?;
            match action {
                KeyAction::Add { file, .. } => {
                    for k in read_keys(&file)? {
                        let id = crate::store::key_identity(&k);
                        if !officer
                            .keys
                            .iter()
                            .any(|o| crate::store::key_identity(o) == id)
                        {
                            officer.keys.push(k);
                        }
                    }
                }
                KeyAction::Remove { fingerprint: f, .. } => {
                    let before = officer.keys.len();
                    officer.keys.retain(|k| fingerprint(k) != f);
                    if officer.keys.len() == before {
                        return Err(Failure::data(format!(
                            "{name} has no key {f}; `kinerja officer list` shows the fingerprints"
                        )));
                    }
                }
            }
            store.save_officer(&officer, false, &actor)?;
            tell!("officer: {name} now has {} key(s)", officer.keys.len());
        }
    }
    Ok(())
}
