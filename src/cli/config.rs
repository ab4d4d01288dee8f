//! The optional config file, `config.toml` in the per-user config directory of
//! `directories` (on Linux `~/.config/kinerja/config.toml`). A small subset of TOML:
//! `key = value` lines, `#` comments. Keys: `lang` ("id" or "en"), `ascii` (true/false),
//! `theme` ("default" or "no-color").

use crate::ui::lang::Lang;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub ascii: bool,
    pub no_color: bool,
}

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

pub fn parse(text: &str, file: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut warnings = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            warnings.push(format!("{file}:{}: expected `key = value`", n + 1));
            continue;
        };
        let value = value.trim().trim_matches('"');
        let bool_value = || match value {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        };
        match key.trim() {
            "lang" => match Lang::parse(value) {
                Some(l) => config.lang = Some(l),
                None => warnings.push(format!("{file}:{}: lang must be \"id\" or \"en\"", n + 1)),
            },
            "ascii" => match bool_value() {
                Some(b) => config.ascii = b,
                None => warnings.push(format!("{file}:{}: ascii must be true or false", n + 1)),
            },
            "theme" => match value {
                "default" => config.no_color = false,
                "no-color" => config.no_color = true,
                _ => warnings.push(format!(
                    "{file}:{}: theme must be \"default\" or \"no-color\"",
                    n + 1
                )),
            },
            other => warnings.push(format!("{file}:{}: unknown key {other:?}", n + 1)),
        }
    }
    (config, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_and_mistakes_warned() {
        let (c, w) = parse(
            "# kinerja\nlang = \"en\"\nascii = true\ntheme = \"no-color\"\ncolour = 1\n",
            "c",
        );
        assert_eq!(c.lang, Some(Lang::En));
        assert!(c.ascii && c.no_color);
        assert_eq!(w, vec!["c:5: unknown key \"colour\"".to_string()]);
    }
}
