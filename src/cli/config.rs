//! The optional config file, `config.toml` in the per-user config directory of
//! `directories` (on Linux `~/.config/kinerja/config.toml`). Real TOML, read with the `toml`
//! crate. Keys: `lang` ("id" or "en"), `ascii` (true/false), `theme` ("default" or
//! "no-color"). Every mistake is a warning naming the file and line; a key that is wrong
//! leaves the others in force, and a file that is not TOML at all leaves the defaults.

use crate::ui::lang::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub ascii: bool,
    pub no_color: bool,
    /// How many automatic backups to keep (`None`: the default; 0: none are made).
    pub backups_kept: Option<usize>,
    /// `kinerja serve`: sessions open at once (`None`: [`DEFAULT_MAX_SESSIONS`]).
    pub serve_max_sessions: Option<usize>,
    /// `kinerja serve`: minutes without a key before a session is closed (drafts kept).
    pub serve_idle_minutes: Option<u32>,
    /// The yearly JP target of PNS (default 20, PP 17/2020).
    pub jp_target_pns: Option<u32>,
    /// The yearly JP target of PPPK (default 0: no floor; PP 49/2018 sets a 24 JP ceiling).
    pub jp_target_pppk: Option<u32>,
    /// Documents (issue 20): the instansi over the forms ("Pemerintah Kota Medan") and the
    /// place before the date over the signatures ("Medan").
    pub instansi: Option<String>,
    pub tempat: Option<String>,
}

impl Config {
    /// The JP targets per employment kind, the defaults where unset.
    pub fn jp_targets(&self) -> crate::domain::JpTargets {
        let d = crate::domain::JpTargets::default();
        crate::domain::JpTargets {
            pns: self.jp_target_pns.unwrap_or(d.pns),
            pppk: self.jp_target_pppk.unwrap_or(d.pppk),
        }
    }
}

pub const DEFAULT_MAX_SESSIONS: usize = 20;
pub const DEFAULT_IDLE_MINUTES: u32 = 30;

/// The values `lang` takes in the file.
#[derive(Deserialize)]
enum LangValue {
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
}

/// The values `theme` takes in the file.
#[derive(Deserialize)]
enum ThemeValue {
    #[serde(rename = "default")]
    Default,
    #[serde(rename = "no-color")]
    NoColor,
}

/// The file as TOML gives it: each top-level key and its value with where they stand, so
/// that a wrong value or an unknown key is reported on its own line and the rest still
/// applies (a `deny_unknown_fields` struct would drop every key for one typo).
type RawFile = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("id", "kinerja", "kinerja")
        .map(|d| d.config_dir().join("config.toml"))
}

/// Reads the file if it exists. Problems are returned as warnings, never fatal.
pub fn load(path: &Path) -> (Config, Vec<String>) {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![format!("{}: cannot read: {e}", path.display())],
        ),
    }
}

/// Reads `text` (the contents of `file`, which names it in the warnings). Each warning is
/// `FILE:LINE: what is wrong`.
pub fn parse(text: &str, file: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut warnings = Vec::new();
    let at = |offset: usize| format!("{file}:{}", line_of(text, offset));
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let place = e.span().map_or_else(|| file.to_string(), |s| at(s.start));
            let what = e.message().trim().replace('\n', "; ");
            warnings.push(format!(
                "{place}: not valid TOML: {what}; the file is ignored"
            ));
            return (config, warnings);
        }
    };
    // In the order of the file, so the warnings read top to bottom.
    let mut entries: Vec<_> = raw.into_iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in entries {
        let place = at(value.span().start);
        let wrong = |e: toml::de::Error| format!("{place}: {}: {}", key.get_ref(), e.message());
        let value = value.into_inner();
        match key.get_ref().as_str() {
            "lang" => match value.try_into::<LangValue>() {
                Ok(LangValue::Id) => config.lang = Some(Lang::Id),
                Ok(LangValue::En) => config.lang = Some(Lang::En),
                Err(e) => warnings.push(wrong(e)),
            },
            "ascii" => match value.try_into::<bool>() {
                Ok(b) => config.ascii = b,
                Err(e) => warnings.push(wrong(e)),
            },
            "theme" => match value.try_into::<ThemeValue>() {
                Ok(ThemeValue::Default) => config.no_color = false,
                Ok(ThemeValue::NoColor) => config.no_color = true,
                Err(e) => warnings.push(wrong(e)),
            },
            "backups_kept" => match value.try_into::<u32>() {
                Ok(n) => config.backups_kept = Some(n as usize),
                Err(e) => warnings.push(wrong(e)),
            },
            "serve_max_sessions" => match value.try_into::<u32>() {
                Ok(n) if n >= 1 => config.serve_max_sessions = Some(n as usize),
                Ok(_) => warnings.push(format!("{place}: serve_max_sessions: at least 1")),
                Err(e) => warnings.push(wrong(e)),
            },
            "serve_idle_minutes" => match value.try_into::<u32>() {
                Ok(n) if (1..=1440).contains(&n) => config.serve_idle_minutes = Some(n),
                Ok(_) => warnings.push(format!(
                    "{place}: serve_idle_minutes: from 1 to 1440 (a day)"
                )),
                Err(e) => warnings.push(wrong(e)),
            },
            key @ ("jp_target_pns" | "jp_target_pppk") => match value.try_into::<u32>() {
                Ok(n) if n <= 200 => {
                    if key == "jp_target_pns" {
                        config.jp_target_pns = Some(n)
                    } else {
                        config.jp_target_pppk = Some(n)
                    }
                }
                Ok(_) => warnings.push(format!("{place}: {key}: from 0 to 200 JP")),
                Err(e) => warnings.push(wrong(e)),
            },
            key @ ("instansi" | "tempat") => match value.try_into::<String>() {
                Ok(t) => {
                    let t = crate::domain::text::clean_line(&t).trim().to_string();
                    if key == "instansi" {
                        config.instansi = Some(t)
                    } else {
                        config.tempat = Some(t)
                    }
                }
                Err(e) => warnings.push(wrong(e)),
            },
            other => warnings.push(format!(
                "{}: unknown key {other:?} (known: lang, ascii, theme, backups_kept, serve_max_sessions, serve_idle_minutes, jp_target_pns, jp_target_pppk, instansi, tempat)",
                at(key.span().start)
            )),
        }
    }
    (config, warnings)
}

/// The 1-based line of a byte offset into `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or(text);
    before.matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_file_sets_every_key() {
        let (c, w) = parse(
            "# kinerja\nlang = \"en\"\nascii = true\ntheme = \"no-color\"\n",
            "c",
        );
        assert_eq!(w, Vec::<String>::new());
        assert_eq!(
            c,
            Config {
                lang: Some(Lang::En),
                ascii: true,
                no_color: true,
                backups_kept: None,
                serve_max_sessions: None,
                serve_idle_minutes: None,
                jp_target_pns: None,
                jp_target_pppk: None,
                instansi: None,
                tempat: None,
            }
        );
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse("", "c"), (Config::default(), Vec::new()));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_warned_and_the_other_keys_apply() {
        let (c, w) = parse("lang = \"en\"\nascii = \"yes\"\n", "/home/a/config.toml");
        assert_eq!(c.lang, Some(Lang::En));
        assert!(!c.ascii);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("/home/a/config.toml:2: ascii: invalid type: string \"yes\""),
            "{w:?}"
        );
    }

    #[test]
    fn an_unquoted_string_is_not_toml_and_is_warned_with_its_line() {
        // The old hand-written reader took this as "en".
        let (c, w) = parse("# kinerja\n\nlang = en\nascii = true\n", "c.toml");
        assert_eq!(c, Config::default(), "a file that is not TOML is ignored");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("c.toml:3: not valid TOML: "), "{w:?}");
    }

    #[test]
    fn an_unknown_key_is_warned_by_name_and_line() {
        let (c, w) = parse("ascii = true\ncolour = 1\n", "c.toml");
        assert!(c.ascii);
        assert_eq!(
            w,
            vec![
                "c.toml:2: unknown key \"colour\" (known: lang, ascii, theme, backups_kept, serve_max_sessions, serve_idle_minutes, jp_target_pns, jp_target_pppk, instansi, tempat)"
                    .to_string()
            ]
        );
    }

    #[test]
    fn a_value_outside_the_choices_names_them() {
        let (c, w) = parse("theme = \"dark\"\nlang = \"fr\"\n", "c");
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("c:1: theme: unknown variant `dark`"),
            "{w:?}"
        );
        assert!(w[1].starts_with("c:2: lang: unknown variant `fr`"), "{w:?}");
        assert!(w[1].contains("`id`") && w[1].contains("`en`"), "{w:?}");
    }

    #[test]
    fn the_serve_limits_are_read_and_checked() {
        let (c, w) = parse("serve_max_sessions = 5\nserve_idle_minutes = 10\n", "c");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            (c.serve_max_sessions, c.serve_idle_minutes),
            (Some(5), Some(10))
        );
        let (c, w) = parse("serve_max_sessions = 0\nserve_idle_minutes = 2000\n", "c");
        assert_eq!((c.serve_max_sessions, c.serve_idle_minutes), (None, None));
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("c:1:") && w[1].starts_with("c:2:"),
            "{w:?}"
        );
    }

    #[test]
    fn the_document_settings_are_read_as_one_clean_line() {
        let (c, w) = parse(
            "instansi = \"Pemerintah Kota Medan\"\ntempat = \" Medan\\n\"\n",
            "c",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.instansi.as_deref(), Some("Pemerintah Kota Medan"));
        assert_eq!(c.tempat.as_deref(), Some("Medan"));
        let (c, w) = parse("tempat = 3\n", "c");
        assert_eq!(c.tempat, None);
        assert!(w[0].starts_with("c:1: tempat: invalid type"), "{w:?}");
    }

    #[test]
    fn text_from_the_file_is_quoted_escaped_in_every_warning() {
        for text in [
            "\"\u{1b}]0;x\u{7}\" = 1\n",
            "ascii = \"\u{1b}]0;x\u{7}\"\n",
            "lang = \"\u{1b}]0;x\u{7}\"\n",
            "\u{1b}]0;x\u{7} = 1\n",
            "instansi = \"a\"\u{202e}\u{1b}]0;x\u{7}\n",
        ] {
            let (_, w) = parse(text, "c.toml");
            assert_eq!(w.len(), 1, "{text:?}: {w:?}");
            assert!(
                !w[0].chars().any(|c| c.is_control() || c == '\u{202e}'),
                "{text:?}: {:?}",
                w[0]
            );
        }
    }
}
