//! `kinerja profile NIP [-o FILE] [--format md|txt]`: one person's one-page profile (issue
//! 12) as Markdown or plain text, the same the profile screen's `x` writes.

use super::{Failure, ProfileFormat};
use crate::store::Store;
use crate::store::files::PrivateFile;
use crate::ui::lang::Lang;
use crate::views::profile::Profile;
use std::io::Write;
use std::path::Path;

pub fn run(
    store: &Store,
    nip: &str,
    output: Option<&Path>,
    format: ProfileFormat,
    lang: Option<Lang>,
) -> Result<(), Failure> {
    let digits: String = nip.chars().filter(|c| *c != ' ').collect();
    if digits.len() != 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Failure::cannot_run(format!(
            "{nip:?} is not a NIP: a NIP or NI PPPK has 18 digits (spaces allowed)"
        )));
    }
    // The language and the JP targets are settings of the config file, as on the screens.
    let (config, _) = super::config::default_path()
        .map(|p| super::config::load(&p))
        .unwrap_or_default();
    let lang = lang.or(config.lang).unwrap_or_default();
    let Some(profile) = Profile::build(store, &digits, super::today(), &config.jp_targets())?
    else {
        return Err(Failure::data(format!(
            "no staff member has NIP {digits} in the database at {}; check the number, or list everyone with `kinerja export staff`",
            store.path().display()
        )));
    };
    let text = match format {
        ProfileFormat::Md => profile.markdown(lang),
        ProfileFormat::Txt => profile.text(lang),
    };
    match output {
        None => {
            let mut out = super::console::Stdout;
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Failure::reader_gone()
                    } else {
                        Failure::cannot_run(format!("cannot write standard output: {e}"))
                    }
                })
        }
        Some(path) => {
            write_new(path, &text)?;
            tell!("profile: written to {}", path.display());
            Ok(())
        }
    }
}

/// Writes `text` to `path` (0600), never replacing a file nor writing through a symlink.
fn write_new(path: &Path, text: &str) -> Result<(), Failure> {
    let exists = || {
        Failure::cannot_run(format!(
            "{} already exists; kinerja never overwrites a file, so remove it or choose another name",
            path.display()
        ))
    };
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let cannot =
        |e: std::io::Error| Failure::cannot_run(format!("cannot write {}: {e}", path.display()));
    let (handle, mut file) = PrivateFile::create(path).map_err(cannot)?;
    file.write_all(text.as_bytes()).map_err(cannot)?;
    handle.commit_new(file).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            exists()
        } else {
            cannot(e)
        }
    })
}
