//! The known names closest to a typed one, so that a typo is offered the name it meant
//! instead of becoming a new unit or partner.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// Up to `n` indexes into `names`, best first: each typed word is matched on its own
/// (nucleo's fuzzy match, case and accents ignored), so a name that shares most words with
/// the typed one ranks first even when one word is misspelt. Names sharing no word are
/// left out.
pub fn closest(typed: &str, names: &[String], n: usize) -> Vec<usize> {
    let words: Vec<Pattern> = typed
        .split_whitespace()
        .filter(|w| w.chars().count() >= 2)
        .map(|w| Pattern::parse(w, CaseMatching::Ignore, Normalization::Smart))
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut scored: Vec<(u32, usize)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let hay = Utf32Str::new(name, &mut buf);
            let score: u32 = words
                .iter()
                .filter_map(|p| p.score(hay, &mut matcher))
                .sum();
            (score > 0).then_some((score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(n).map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_word_still_finds_the_unit_it_meant() {
        let names: Vec<String> = [
            "Puskesmas Belawan",
            "Kelurahan Belawan Sicanang",
            "SD Negeri 060970",
            "Puskesmas Sicanang",
        ]
        .map(String::from)
        .to_vec();
        let got = closest("Pkesmas Sicanag", &names, 2);
        assert_eq!(got.first(), Some(&3), "{got:?}");
        assert!(closest("zzz", &names, 3).is_empty());
    }
}
