//! The training form's own rules, fed keys.

use super::*;
use crate::domain::EmploymentKind;
use crate::screens::Screen;
use crate::ui::lang::Lang;
use crate::ui::theme::Theme;
use crossterm::event::{KeyCode, KeyModifiers};
use jiff::civil::date;

fn ui(lang: Lang) -> Ui {
    Ui {
        lang,
        theme: Theme::default(),
        jp: Default::default(),
        scoped: false,
    }
}

fn type_text(f: &mut TrainingForm, text: &str, ui: &Ui) {
    for c in text.chars() {
        f.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), ui);
    }
}

fn tab(f: &mut TrainingForm, ui: &Ui) {
    f.handle(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE), ui);
}

/// A form for one person with the kind and start typed in.
fn form_for(nip: Nip, kind: &str, start: &str, ui: &Ui) -> TrainingForm {
    let mut f = TrainingForm::new(
        vec![nip.as_str().to_string()],
        vec!["Rina Siregar".into()],
        None,
        Vec::new(),
        date(2026, 11, 28),
        ui,
    )
    .with_people(vec![nip], ui);
    type_text(&mut f, "Latihan Dasar", ui);
    tab(&mut f, ui);
    type_text(&mut f, kind, ui);
    tab(&mut f, ui);
    type_text(&mut f, "BKPSDM Kota Medan", ui);
    tab(&mut f, ui);
    tab(&mut f, ui);
    type_text(&mut f, start, ui);
    f
}

#[test]
fn latsar_for_someone_not_a_cpns_is_warned_on_the_kind_never_refused() {
    // DOMAIN.md, "Competency development": Latsar CPNS is only for CPNS; kinerja warns.
    let id = ui(Lang::Id);
    let pppk = Nip::parse_as("199204112023212999", EmploymentKind::Pppk).unwrap();
    let f = form_for(pppk, "latsar", "2026-03-02", &id);
    assert_eq!(
        f.form.choice(KIND).map(|i| f.kinds[i]),
        Some(TrainingKind::LatsarCpns)
    );
    let note = f.form.field(KIND).note.clone().unwrap_or_default();
    assert!(note.starts_with("Latsar CPNS hanya untuk CPNS"), "{note}");
    assert!(f.form.first_problem().is_none_or(|(id, _)| *id != KIND));
    let en = ui(Lang::En);
    let pns = Nip::parse("198503302010011002").unwrap();
    // TMT CPNS 2010-01: a Latsar in 2026 is long after the CPNS years.
    let f = form_for(pns.clone(), "latsar", "2026-03-02", &en);
    let note = f.form.field(KIND).note.clone().unwrap_or_default();
    assert!(note.starts_with("Latsar CPNS is for CPNS only"), "{note}");
    // Within 2 years of TMT CPNS: no warning; another kind: none either.
    let f = form_for(pns.clone(), "latsar", "2011-05-02", &id);
    assert_eq!(f.form.field(KIND).note, None);
    let f = form_for(pns, "bimtek", "2026-03-02", &id);
    assert_eq!(f.form.field(KIND).note, None);
}

#[test]
fn kinds_are_offered_by_category_with_magang_non_klasikal() {
    // DOMAIN.md, "Competency development": magang is non-klasikal; formal education is
    // a group of its own.
    let options: Vec<String> = kind_options().into_iter().map(|(_, l)| l).collect();
    assert!(options.contains(&"Magang (non-klasikal)".to_string()));
    assert!(options.contains(&"Tugas Belajar (pendidikan formal)".to_string()));
    assert!(options.contains(&"Izin Belajar (pendidikan formal)".to_string()));
    assert_eq!(
        options.first().map(String::as_str),
        Some("Diklat Struktural (klasikal)")
    );
    assert!(
        options
            .last()
            .is_some_and(|l| l.ends_with("(pendidikan formal)"))
    );
}

#[test]
fn a_draft_with_an_older_kind_label_is_read_by_the_kind_name() {
    let id = ui(Lang::Id);
    let mut f = TrainingForm::new(
        vec!["198503302010011002".into()],
        vec!["Rina Siregar".into()],
        None,
        Vec::new(),
        date(2026, 11, 28),
        &id,
    );
    f.offer_draft(
        "kemarin".into(),
        vec![
            ("judul".into(), "Magang di RSUD".into()),
            ("jenis".into(), "Magang (klasikal)".into()),
        ],
    );
    f.handle(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE), &id);
    assert_eq!(
        f.form.choice(KIND).map(|i| f.kinds[i]),
        Some(TrainingKind::Magang)
    );
}
