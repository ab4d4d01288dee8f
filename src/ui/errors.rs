//! The store's errors as the officer reads them, in the UI language: which record, what
//! happened and what to do next. (The command line prints the store's own English text.)

use super::Ui;
use super::lang::{Lang, T};
use crate::domain::NipError;
use crate::domain::text::shown_path;
use crate::store::StoreError;

/// What is wrong with a NIP or NI PPPK, in the UI language (the rule, then the digits at
/// fault in brackets).
pub fn nip_error_text(ui: &Ui, e: &NipError) -> String {
    let (t, detail) = match e {
        NipError::WrongLength(n) => (T::ErrLength, n.to_string()),
        NipError::NotADigit { found, .. } => (T::ErrDigit, format!("{found:?}")),
        NipError::BadBirthDate(d) => (T::ErrBirth, d.clone()),
        NipError::BadTmtMonth(m) => (T::ErrMonth, format!("{m:02}")),
        NipError::BadSex(d) => (T::ErrSex, d.to_string()),
        NipError::ExcelRounded => (T::ErrExcelRounded, String::new()),
        NipError::ExcelScientific(s) => (T::ErrExcelScientific, s.clone()),
    };
    if detail.is_empty() {
        ui.t(t).to_string()
    } else {
        format!("{} ({detail})", ui.t(t))
    }
}

/// The text of a store error for the screens of the database at `db`: damage (files sled
/// cannot read, a record that cannot be decoded) also names the way back, the newest
/// automatic backup and the command that restores it.
pub fn store_error_text_at(ui: &Ui, e: &StoreError, db: &std::path::Path) -> String {
    let e = match e {
        StoreError::Damaged { path, detail } if path.as_os_str().is_empty() => {
            &StoreError::Damaged {
                path: db.to_path_buf(),
                detail: detail.clone(),
            }
        }
        e => e,
    };
    let text = store_error_text(ui, e);
    if !e.is_damage() {
        return text;
    }
    let w = crate::store::way_back::way_back(db);
    let way = match (&w.newest, ui.lang) {
        (Some(file), Lang::Id) => format!(
            "Cadangan otomatis terbaru: {}. Pulihkan ke direktori baru dengan `{}`, lalu pakai --db {}.",
            shown_path(file),
            w.command(),
            shown_path(&w.restored)
        ),
        (None, Lang::Id) => format!(
            "Tidak ada cadangan otomatis di {}; pulihkan cadangan Anda ke direktori baru: `{}`.",
            shown_path(&w.dir),
            w.command()
        ),
        (_, Lang::En) => w.to_string(),
    };
    format!("{text} {way}")
}

/// The text of a store error for the screens.
pub fn store_error_text(ui: &Ui, e: &StoreError) -> String {
    let id = ui.lang == Lang::Id;
    match e {
        StoreError::Locked { path } => {
            if id {
                format!(
                    "Basis data di {} sedang dibuka oleh proses kinerja lain; tutup di sana, atau pakai --db lain.",
                    path.display()
                )
            } else {
                e.to_string()
            }
        }
        StoreError::Db(detail) => {
            if id {
                format!("Kesalahan basis data ({detail}). Jika terulang, jalankan `kinerja check`.")
            } else {
                e.to_string()
            }
        }
        StoreError::Corrupt { tree, key, .. } => {
            if id {
                format!(
                    "Catatan {tree} {key} tidak bisa dibaca; jalankan `kinerja check` untuk melihat semua kerusakan."
                )
            } else {
                format!(
                    "Record {tree} {key} cannot be read; run `kinerja check` to list all damage."
                )
            }
        }
        StoreError::Stale { .. } => {
            if id {
                "Data ini sudah diubah di tempat lain sejak dibuka; buka lagi lalu ulangi perubahan Anda.".into()
            } else {
                "This record was changed elsewhere since it was opened; reopen it and apply your change again.".into()
            }
        }
        StoreError::AlreadyExists { what } => {
            if id {
                format!("{what} sudah ada.")
            } else {
                format!("{what} already exists.")
            }
        }
        StoreError::NotFound { what } => {
            if id {
                format!("{what} tidak ditemukan (mungkin dihapus di tempat lain).")
            } else {
                format!("{what} was not found (perhaps deleted elsewhere).")
            }
        }
        StoreError::DuplicatePeriod { period, existing } => {
            if id {
                format!("Pegawai ini sudah punya evaluasi {period} (id {existing}); buka yang itu.")
            } else {
                e.to_string()
            }
        }
        StoreError::Damaged { path, detail } => match (ui.lang, path.as_os_str().is_empty()) {
            (Lang::Id, true) => {
                format!("Berkas basis data rusak dan tidak bisa dibaca ({detail}).")
            }
            (Lang::Id, false) => format!(
                "Berkas basis data di {} rusak dan tidak bisa dibaca ({detail}).",
                path.display()
            ),
            (Lang::En, _) => format!("{}.", e),
        },
        // Errors of opening, schema, backups and checks are met on the command line,
        // before any screen exists; their text names the file and what to do.
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::Theme;

    #[test]
    fn a_stale_save_is_explained_in_the_ui_language() {
        let e = StoreError::Stale {
            what: "staff 1985".into(),
            expected: 1,
            found: 2,
        };
        let id = Ui {
            lang: Lang::Id,
            theme: Theme::default(),
            jp: Default::default(),
            scoped: false,
        };
        let en = Ui {
            lang: Lang::En,
            theme: Theme::default(),
            jp: Default::default(),
            scoped: false,
        };
        assert!(store_error_text(&id, &e).contains("sudah diubah di tempat lain"));
        assert!(store_error_text(&en, &e).contains("changed elsewhere"));
    }

    #[test]
    fn damage_in_the_screens_names_the_newest_backup_and_the_command() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        std::fs::create_dir_all(dir.path().join("db-backups")).unwrap();
        std::fs::write(dir.path().join("db-backups/kinerja-2026-11-30.bak"), b"x").unwrap();
        let e = StoreError::Damaged {
            path: Default::default(),
            detail: "sled read corrupted data at Inline(4096)".into(),
        };
        let id = Ui {
            lang: Lang::Id,
            theme: Theme::default(),
            jp: Default::default(),
            scoped: false,
        };
        let text = store_error_text_at(&id, &e, &db);
        assert!(text.contains("rusak"), "{text}");
        assert!(text.contains(&db.display().to_string()), "{text}");
        assert!(text.contains("kinerja-2026-11-30.bak"), "{text}");
        assert!(text.contains("`kinerja --db "), "{text}");
        let en = Ui {
            lang: Lang::En,
            ..id
        };
        let text = store_error_text_at(&en, &e, &db);
        assert!(text.contains("damaged"), "{text}");
        assert!(text.contains("The newest automatic backup is"), "{text}");
        // Anything else is said as before.
        let stale = StoreError::NotFound { what: "x".into() };
        assert_eq!(
            store_error_text_at(&en, &stale, &db),
            store_error_text(&en, &stale)
        );
    }
}
