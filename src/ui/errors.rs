//! The store's errors as the officer reads them, in the UI language: which record, what
//! happened and what to do next. (The command line prints the store's own English text.)

use super::Ui;
use super::lang::{Lang, T};
use crate::domain::NipError;
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
        };
        let en = Ui {
            lang: Lang::En,
            theme: Theme::default(),
            jp: Default::default(),
        };
        assert!(store_error_text(&id, &e).contains("sudah diubah di tempat lain"));
        assert!(store_error_text(&en, &e).contains("changed elsewhere"));
    }
}
