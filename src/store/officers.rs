//! Officers in the `officers` tree: key the name, value an `OfficerV1`. Every change is
//! audited as `officers/NAME`, naming keys by fingerprint only.

use super::records::{self, AuditAction};
use super::write::{Audit, abort, encoded};
use super::{Store, StoreError};
use crate::domain::Officer;

/// The part of an OpenSSH public key line that identifies the key: `ALGO BASE64`.
pub fn key_identity(line: &str) -> String {
    line.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Store {
    fn officers_tree(&self) -> Result<super::Tree, StoreError> {
        self.tree("officers")
    }

    /// Whether any officer exists (then the screens apply roles, and `serve` can run).
    pub fn has_officers(&self) -> Result<bool, StoreError> {
        Ok(!self.officers_tree()?.is_empty())
    }

    /// Every officer, by name.
    pub fn officers(&self) -> Result<Vec<Officer>, StoreError> {
        let tree = self.officers_tree()?;
        tree.iter()
            .map(|item| {
                let (k, v) = item?;
                records::decode_officer(&v).map_err(|source| StoreError::Corrupt {
                    tree: "officers",
                    key: super::keys::show(&k),
                    source,
                })
            })
            .collect()
    }

    pub fn officer(&self, name: &str) -> Result<Option<Officer>, StoreError> {
        Ok(self.officers()?.into_iter().find(|o| o.name == name))
    }

    /// The officer holding this public key, if any.
    pub fn officer_for_key(
        &self,
        key: &russh::keys::PublicKey,
    ) -> Result<Option<Officer>, StoreError> {
        let Ok(text) = key.to_openssh() else {
            return Ok(None);
        };
        let wanted = key_identity(&text);
        Ok(self
            .officers()?
            .into_iter()
            .find(|o| o.keys.iter().any(|k| key_identity(k) == wanted)))
    }

    /// Creates (`creating`: the name must be free) or updates an officer read at
    /// `officer.revision` (a change made meanwhile is refused as stale). A key already held
    /// by another officer is refused.
    pub fn save_officer(
        &self,
        officer: &Officer,
        creating: bool,
        actor: &str,
    ) -> Result<Officer, StoreError> {
        officer
            .validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        for other in self.officers()? {
            if other.name == officer.name {
                continue;
            }
            if let Some(k) = officer.keys.iter().find(|k| {
                other
                    .keys
                    .iter()
                    .any(|o| key_identity(o) == key_identity(k))
            }) {
                return Err(StoreError::Invalid(format!(
                    "the key {} is already officer {}'s; each key belongs to one officer",
                    fingerprint(k),
                    other.name
                )));
            }
        }
        let tree = self.officers_tree()?;
        self.audited([&tree], actor, |[t_officers]| {
            let old = match t_officers.get(officer.name.as_bytes())? {
                Some(v) => Some(
                    records::decode_officer(&v)
                        .or_else(|e| abort(StoreError::Invalid(e.to_string())))?,
                ),
                None => None,
            };
            let mut saved = officer.clone();
            match &old {
                None if !creating => {
                    // Removed meanwhile: a key change must not bring the officer back.
                    return abort(StoreError::NotFound {
                        what: format!("officer {}", officer.name),
                    });
                }
                None => saved.revision = 0,
                Some(o) if officer.revision == o.revision && !creating => {
                    saved.revision = o.revision + 1
                }
                Some(_) if creating => {
                    return abort(StoreError::AlreadyExists {
                        what: format!("officer {}", officer.name),
                    });
                }
                Some(o) => {
                    return abort(StoreError::Stale {
                        what: format!("officer {}", officer.name),
                        expected: officer.revision,
                        found: o.revision,
                    });
                }
            }
            t_officers.insert(
                officer.name.as_bytes(),
                encoded(records::encode_officer(&saved))?,
            )?;
            let summary = super::diff::with_changes(
                if old.is_some() { "changed" } else { "added" },
                &super::diff::changes(old.as_ref(), Some(&saved)),
            );
            Ok((
                saved,
                Audit {
                    action: if old.is_some() {
                        AuditAction::Update
                    } else {
                        AuditAction::Create
                    },
                    record: format!("officers/{}", officer.name),
                    summary,
                },
            ))
        })
    }

    /// Removes an officer.
    pub fn delete_officer(&self, name: &str, actor: &str) -> Result<(), StoreError> {
        let tree = self.officers_tree()?;
        self.audited([&tree], actor, |[t_officers]| {
            let Some(gone) = t_officers.remove(name.as_bytes())? else {
                return abort(StoreError::NotFound {
                    what: format!("officer {name}"),
                });
            };
            let gone = records::decode_officer(&gone).ok();
            Ok((
                (),
                Audit {
                    action: AuditAction::Delete,
                    record: format!("officers/{name}"),
                    summary: super::diff::with_changes(
                        "removed",
                        &super::diff::changes(gone.as_ref(), None),
                    ),
                },
            ))
        })
    }
}

/// An officer as the audit names its fields: keys by fingerprint only.
impl super::diff::AuditFields for Officer {
    fn audit_fields(&self) -> Vec<(&'static str, super::diff::Value)> {
        use super::diff::Value;
        vec![
            ("role", self.role.label().into()),
            ("units", Value::List(self.units.clone())),
            ("lang", self.lang.as_str().into()),
            (
                "keys",
                Value::List(self.keys.iter().map(|k| fingerprint(k)).collect()),
            ),
        ]
    }
}

/// `SHA256:...` of an OpenSSH public key line, or a placeholder when it does not parse.
pub fn fingerprint(line: &str) -> String {
    russh::keys::PublicKey::from_openssh(line)
        .map(|k| k.fingerprint(russh::keys::HashAlg::Sha256).to_string())
        .unwrap_or_else(|_| "(unreadable key)".into())
}

// Public key text as officers send it (the CLI's key files and Petugas' pasted keys).

/// Why a key file was refused (line numbers are 1-based).
#[derive(Debug, PartialEq, Eq)]
pub enum KeyFileError {
    Private,
    PuttyPrivate,
    Bad(usize),
    Unfinished(usize),
    Empty,
}

const RFC4716_BEGIN: &str = "---- BEGIN SSH2 PUBLIC KEY ----";
const RFC4716_END: &str = "---- END SSH2 PUBLIC KEY ----";

/// The public keys of a key file's text, as OpenSSH lines (see [`read_keys`]).
///
/// # Errors
/// A private key, a line that is no key, an RFC 4716 block without its end, no key.
pub fn parse_keys(text: &str) -> Result<Vec<String>, KeyFileError> {
    if text.contains("PRIVATE KEY") {
        return Err(KeyFileError::Private);
    }
    if text.trim_start().starts_with("PuTTY-User-Key-File-") {
        return Err(KeyFileError::PuttyPrivate);
    }
    let mut keys = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = if line == RFC4716_BEGIN {
            rfc4716_block(&mut lines, i + 1)?
        } else {
            russh::keys::PublicKey::from_openssh(line).map_err(|_| KeyFileError::Bad(i + 1))?
        };
        keys.push(key.to_openssh().map_err(|_| KeyFileError::Bad(i + 1))?);
    }
    if keys.is_empty() {
        return Err(KeyFileError::Empty);
    }
    Ok(keys)
}

/// One RFC 4716 block after its BEGIN line (at line `begin`): header lines `Tag: value`
/// (a value continued with a trailing backslash), then the base64 body up to the END line.
/// The `Comment` header becomes the key's comment.
fn rfc4716_block<'a>(
    lines: &mut impl Iterator<Item = (usize, &'a str)>,
    begin: usize,
) -> Result<russh::keys::PublicKey, KeyFileError> {
    use base64ct::{Base64, Encoding};
    let mut body = String::new();
    let mut comment = String::new();
    let mut continued = false;
    let mut last = begin;
    for (i, line) in lines.by_ref() {
        last = i + 1;
        let line = line.trim();
        if line == RFC4716_END {
            let blob = Base64::decode_vec(&body).map_err(|_| KeyFileError::Bad(begin))?;
            let mut key =
                russh::keys::PublicKey::from_bytes(&blob).map_err(|_| KeyFileError::Bad(begin))?;
            if !comment.is_empty() {
                key.set_comment(comment);
            }
            return Ok(key);
        }
        if continued {
            continued = line.ends_with('\\');
            continue;
        }
        if let Some((tag, value)) = line.split_once(':')
            && body.is_empty()
        {
            continued = value.ends_with('\\');
            if tag.trim().eq_ignore_ascii_case("comment") {
                comment = value.trim().trim_matches('"').to_string();
            }
            continue;
        }
        if !line
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        {
            return Err(KeyFileError::Bad(i + 1));
        }
        body.push_str(line);
    }
    Err(KeyFileError::Unfinished(last.max(begin)))
}
