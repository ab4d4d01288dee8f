//! `kinerja officer ...`: who may log in to `kinerja serve`, with which role, for which
//! units, with which public keys. Every change is audited (store/officers.rs).

use super::{Failure, os_user};
use crate::domain::{Officer, Role, unit_id};
use crate::store::Store;
use crate::store::{KeyFileError, parse_keys};
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
        /// Their public key file: OpenSSH's (e.g. id_ed25519.pub; several lines allowed) or
        /// PuTTYgen's "Save public key" (RFC 4716)
        #[arg(long, value_name = "PUBKEY_FILE")]
        key: PathBuf,
        /// A unit they work on, by name or id (repeat for more; required for penilai)
        #[arg(long = "unit", value_name = "UNIT")]
        units: Vec<String>,
        /// The language of their screens over SSH [default: the server's]
        #[arg(long, value_name = "id|en")]
        lang: Option<String>,
    },
    /// Change an officer's role, units or language (what is not given stays); takes effect
    /// at their next login
    Set {
        name: String,
        /// admin, penilai or viewer
        #[arg(long, value_name = "admin|penilai|viewer")]
        role: Option<String>,
        /// Their units, by name or id (repeat for more): replaces the units they had
        #[arg(long = "unit", value_name = "UNIT", conflicts_with = "all_units")]
        units: Vec<String>,
        /// No units listed: all units (for admin and viewer; a penilai needs units)
        #[arg(long)]
        all_units: bool,
        /// The language of their screens over SSH (`-` for the server's default)
        #[arg(long, value_name = "id|en|-")]
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

/// Reads a public key file: OpenSSH's one key per line (blank lines and `#` comments
/// skipped), or PuTTYgen's RFC 4716 blocks (`---- BEGIN SSH2 PUBLIC KEY ----`, headers
/// such as `Comment:`, the base64 body, `---- END SSH2 PUBLIC KEY ----`). Each key comes
/// back as one OpenSSH line. Errors name `FILE:LINE`; a private key (OpenSSH, PEM or
/// PuTTY's `.ppk`) is refused without echoing it, saying which file to send instead.
pub fn read_keys(file: &Path) -> Result<Vec<String>, Failure> {
    let text = super::console::read_to_string(file).map_err(|e| {
        Failure::cannot_run(format!("cannot read the key file {}: {e}", file.display()))
    })?;
    parse_keys(&text).map_err(|why| match why {
        KeyFileError::Private => Failure::data(format!(
            "{} is a private key; give the public key (the .pub file beside it), and keep the private key with its owner",
            file.display()
        )),
        KeyFileError::PuttyPrivate => Failure::data(format!(
            "{} is a PuTTY private key (.ppk); in PuTTYgen load it and use \"Save public key\" (or copy the box \"Public key for pasting into OpenSSH authorized_keys file\" into a file), and send that file; keep the .ppk with its owner",
            file.display()
        )),
        KeyFileError::Bad(line) => Failure::data(format!(
            "{}:{line}: not a public key (expected a line such as `ssh-ed25519 AAAA... name`, or PuTTYgen's `---- BEGIN SSH2 PUBLIC KEY ----` block); give the .pub file",
            file.display()
        )),
        KeyFileError::Unfinished(line) => Failure::data(format!(
            "{}:{line}: the `---- BEGIN SSH2 PUBLIC KEY ----` block has no `---- END SSH2 PUBLIC KEY ----`; send the whole file PuTTYgen saved",
            file.display()
        )),
        KeyFileError::Empty => Failure::data(format!(
            "{}: no public key in the file",
            file.display()
        )),
    })
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
        Action::Set {
            name,
            role,
            units,
            all_units,
            lang,
        } => {
            if role.is_none() && units.is_empty() && !all_units && lang.is_none() {
                return Err(Failure::cannot_run(format!(
                    "officer set {name}: nothing to change; give --role, --unit (or --all-units) or --lang"
                )));
            }
            let mut officer = store.officer(&name)?.ok_or_else(|| {
                Failure::data(format!(
                    "no officer named {name:?}; `kinerja officer list` shows them"
                ))
            })?;
            if let Some(role) = role {
                officer.role = Role::parse(&role).ok_or_else(|| {
                    Failure::data(format!("--role {role:?}: use admin, penilai or viewer"))
                })?;
            }
            if all_units {
                officer.units.clear();
            } else if !units.is_empty() {
                officer.units = resolve_units(store, &units)?;
            }
            if let Some(lang) = lang {
                let lang = lang.trim().to_lowercase();
                officer.lang = if lang == "-" { String::new() } else { lang };
            }
            let saved = store.save_officer(&officer, false, &actor)?;
            let units = if saved.units.is_empty() {
                "all units".to_string()
            } else {
                saved.units.join(", ")
            };
            tell!(
                "officer: {name} is now {} for {units}; it takes effect at their next login",
                saved.role.label()
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

#[cfg(test)]
mod tests {
    use super::*;

    const ED: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ani@kantor";

    /// The same key as PuTTYgen saves it: RFC 4716 with a quoted, continued comment.
    fn puttygen() -> String {
        let body = ED.split(' ').nth(1).expect("body");
        let (a, b) = body.split_at(40);
        format!(
            "---- BEGIN SSH2 PUBLIC KEY ----\r\nComment: \"ani@kantor\"\r\nx-note: a long \\\r\n  header\r\n{a}\r\n{b}\r\n---- END SSH2 PUBLIC KEY ----\r\n"
        )
    }

    #[test]
    fn puttygen_and_openssh_forms_give_the_same_key() {
        let openssh = parse_keys(ED).expect("openssh");
        let putty = parse_keys(&puttygen()).expect("rfc 4716");
        assert_eq!(openssh, putty);
        assert_eq!(openssh[0], ED);
        // Both in one file, with a comment line between.
        let both = format!("{ED}\n# kantor\n{}", puttygen());
        assert_eq!(parse_keys(&both).expect("both").len(), 2);
    }

    #[test]
    fn private_keys_and_bad_blocks_are_refused_by_kind_and_line() {
        assert_eq!(
            parse_keys("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n"),
            Err(KeyFileError::Private)
        );
        assert_eq!(
            parse_keys("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n"),
            Err(KeyFileError::PuttyPrivate)
        );
        let cut = puttygen().replace("---- END SSH2 PUBLIC KEY ----\r\n", "");
        assert!(matches!(parse_keys(&cut), Err(KeyFileError::Unfinished(_))));
        let junk = "---- BEGIN SSH2 PUBLIC KEY ----\nnot base64 !\n---- END SSH2 PUBLIC KEY ----\n";
        assert_eq!(parse_keys(junk), Err(KeyFileError::Bad(2)));
        assert_eq!(
            parse_keys("\n\nssh-ed25519 nope\n"),
            Err(KeyFileError::Bad(3))
        );
        assert_eq!(parse_keys("# only a comment\n"), Err(KeyFileError::Empty));
    }
}
