//! The one error type of the store.

use super::codec::DecodeError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the database at {} is already open in another kinerja process; close it there, or use another --db",
        path.display()
    )]
    Locked { path: PathBuf },

    #[error(
        "the database at {} has schema version {found}, but this kinerja knows only up to {known}; use a newer kinerja",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        known: u32,
    },

    #[error("cannot open the database at {}: {source}", path.display())]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("database error: {0}; if it repeats, run `kinerja check`")]
    Db(String),

    /// sled cannot read the database's files (it panics or reports corruption inside its
    /// own `open`, or reports corrupted data on a read): only a backup brings the data
    /// back. `path` is empty when the error came from a read, which does not know it:
    /// [`StoreError::at`] fills it in. The way back (the newest automatic backup and the
    /// command) is added by whoever shows the message, who knows the path.
    #[error(
        "the database files{} are damaged and cannot be read ({detail})",
        if path.as_os_str().is_empty() { String::new() } else { format!(" at {}", path.display()) }
    )]
    Damaged { path: PathBuf, detail: String },

    #[error(
        "{tree} record {key} cannot be read ({source}); run `kinerja check` to list all damage"
    )]
    Corrupt {
        tree: &'static str,
        key: String,
        source: DecodeError,
    },

    #[error(
        "{what} was changed elsewhere since it was opened (revision {expected}, now {found}); reopen it and apply your change again"
    )]
    Stale {
        what: String,
        expected: u64,
        found: u64,
    },

    #[error("{what} already exists")]
    AlreadyExists { what: String },

    #[error("{what} was not found")]
    NotFound { what: String },

    #[error(
        "this person already has an evaluation for {period} (id {existing}); open that one instead"
    )]
    DuplicatePeriod { period: String, existing: u32 },

    #[error("{0}")]
    Invalid(String),

    #[error("{0}")]
    Backup(String),

    #[error("{0}")]
    DamagedBackup(String),
}

impl StoreError {
    /// Names the database of a [`StoreError::Damaged`] met on a read (which does not know
    /// the path); any other error is returned as it is.
    pub fn at(self, db: &std::path::Path) -> StoreError {
        match self {
            StoreError::Damaged { path, detail } if path.as_os_str().is_empty() => {
                StoreError::Damaged {
                    path: db.to_path_buf(),
                    detail,
                }
            }
            other => other,
        }
    }

    /// Whether the database's own data is damaged (its files, or a record in them): the
    /// message then names the way back.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            StoreError::Damaged { .. } | StoreError::Corrupt { .. }
        )
    }
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            // A page whose checksum or framing is wrong: damaged files, not a passing fault.
            sled::Error::Corruption { at, .. } => StoreError::Damaged {
                path: PathBuf::new(),
                detail: match at {
                    Some(at) => format!("sled read corrupted data at {at}"),
                    None => "sled read corrupted data".into(),
                },
            },
            other => StoreError::Db(other.to_string()),
        }
    }
}

impl From<sled::transaction::TransactionError<StoreError>> for StoreError {
    fn from(e: sled::transaction::TransactionError<StoreError>) -> Self {
        match e {
            sled::transaction::TransactionError::Abort(e) => e,
            sled::transaction::TransactionError::Storage(e) => e.into(),
        }
    }
}

impl From<sled::transaction::UnabortableTransactionError> for StoreError {
    fn from(e: sled::transaction::UnabortableTransactionError) -> Self {
        StoreError::Db(e.to_string())
    }
}
