//! Petugas' form (issue 22, admins only): a new officer (`n` on the officers: name, role,
//! units, language, one pasted public key) or an officer's role, units and language (`u`).
//! Saved with the store's checks and audit (`save_officer`), at the revision it was opened
//! at; the change takes effect at the officer's next login.

use super::{FormSpec, Outcome};
use crate::domain::officer::valid_name;
use crate::domain::text::clean_line;
use crate::domain::{Officer, Role};
use crate::ui::form::{Field, Form};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use ratatui::text::{Line, Span};

const NAME: &str = "nama";
const ROLE: &str = "peran";
const UNITS: &str = "unit";
const LANG: &str = "bahasa";
const KEY: &str = "kunci";

/// The languages an officer may be given: the server's (`-`), Indonesian, English.
const LANGS: [&str; 3] = ["-", "id", "en"];

pub struct OfficerForm {
    officer: Officer,
    creating: bool,
    /// Every unit: id and name.
    units: Vec<(String, String)>,
    form: Form,
}

impl OfficerForm {
    /// A form over `officer` as read (`None`: a new one); `units` every unit (id, name).
    pub fn new(officer: Option<Officer>, units: Vec<(String, String)>, ui: &Ui) -> OfficerForm {
        let creating = officer.is_none();
        let officer = officer.unwrap_or(Officer {
            name: String::new(),
            role: Role::Penilai,
            units: vec![],
            keys: vec![],
            lang: String::new(),
            revision: 0,
        });
        let unit_text = officer
            .units
            .iter()
            .map(|id| {
                units
                    .iter()
                    .find(|(u, _)| u == id)
                    .map_or(id.clone(), |(_, n)| n.clone())
            })
            .collect::<Vec<_>>()
            .join("; ");
        let mut fields = Vec::new();
        if creating {
            fields.push(Field::text(NAME, ui.t(T::OfficerFormName), 40, "").width(24));
        }
        fields.push(Field::choice(
            ROLE,
            ui.t(T::OfficersColRole),
            Role::ALL.iter().map(|r| r.label().to_string()).collect(),
            Role::ALL.iter().position(|r| *r == officer.role),
        ));
        fields.push(Field::text(UNITS, ui.t(T::OfficerFormUnits), 1000, &unit_text).width(50));
        fields.push(Field::choice(
            LANG,
            ui.t(T::OfficersColLang),
            LANGS.iter().map(|l| l.to_string()).collect(),
            Some(LANGS.iter().position(|l| *l == officer.lang).unwrap_or(0)),
        ));
        if creating {
            fields.push(Field::text(KEY, ui.t(T::OfficerFormKey), 8192, "").width(50));
        }
        let title = ui.t(if creating {
            T::OfficerFormNew
        } else {
            T::OfficerFormEdit
        });
        let mut f = OfficerForm {
            officer,
            creating,
            units,
            form: Form::new(title, fields, creating),
        };
        f.refresh(ui);
        f.form.mark_clean();
        f
    }

    /// The unit ids the field names (`;` between names or ids; empty: every unit), or the
    /// first one not known.
    fn unit_ids(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for name in self.form.text(UNITS).split(';').map(clean_line) {
            if name.is_empty() {
                continue;
            }
            let found = self
                .units
                .iter()
                .find(|(id, n)| *id == name || n.eq_ignore_ascii_case(&name));
            match found {
                Some((id, _)) if !out.contains(id) => out.push(id.clone()),
                Some(_) => {}
                None => return Err(name),
            }
        }
        Ok(out)
    }

    fn keys(&self) -> Result<Vec<String>, crate::store::KeyFileError> {
        if self.creating {
            crate::store::parse_keys(&self.form.text(KEY))
        } else {
            Ok(self.officer.keys.clone())
        }
    }

    fn problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.creating && !valid_name(&self.form.text(NAME)) {
            out.push((NAME, ui.t(T::OfficerFormBadName).to_string()));
        }
        if self.form.choice(ROLE).is_none() {
            out.push((ROLE, ui.t(T::NotChosen).to_string()));
        }
        match self.unit_ids() {
            Err(name) => out.push((UNITS, format!("{}: {name}", ui.t(T::OfficerFormNoUnit)))),
            Ok(ids)
                if ids.is_empty()
                    && self.form.choice(ROLE).and_then(|i| Role::ALL.get(i))
                        == Some(&Role::Penilai) =>
            {
                out.push((UNITS, ui.t(T::OfficerFormPenilaiUnit).to_string()))
            }
            Ok(_) => {}
        }
        if let Err(why) = self.keys() {
            use crate::store::KeyFileError as K;
            let t = match why {
                K::Private => T::OfficersKeyPrivate,
                K::PuttyPrivate => T::OfficersKeyPutty,
                K::Bad(_) => T::OfficersKeyBad,
                K::Unfinished(_) => T::OfficersKeyUnfinished,
                K::Empty => T::OfficersKeyEmpty,
            };
            let line = match why {
                K::Bad(l) | K::Unfinished(l) => l,
                _ => 1,
            };
            out.push((KEY, ui.t(t).replace("{line}", &line.to_string())));
        }
        out
    }
}

impl FormSpec for OfficerForm {
    type Record = Officer;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        T::OfficersTitle
    }

    fn draft_id(&self) -> String {
        if self.creating {
            "petugas/baru".into()
        } else {
            format!("petugas/{}", self.officer.name)
        }
    }

    fn revision(&self) -> u64 {
        self.officer.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.officer.revision = revision;
    }

    fn refresh(&mut self, ui: &Ui) {
        let problems = self.problems(ui);
        self.form.set_problems(problems);
        self.form.field_mut(UNITS).note = Some(ui.t(T::OfficerFormUnitsNote).to_string());
    }

    fn build(&self) -> Option<Officer> {
        let mut o = self.officer.clone();
        if self.creating {
            o.name = clean_line(&self.form.text(NAME));
            if !valid_name(&o.name) {
                return None;
            }
        }
        o.role = *Role::ALL.get(self.form.choice(ROLE)?)?;
        o.units = self.unit_ids().ok()?;
        o.lang = match LANGS.get(self.form.choice(LANG).unwrap_or(0)) {
            Some(&"-") | None => String::new(),
            Some(l) => l.to_string(),
        };
        o.keys = self.keys().ok()?;
        Some(o)
    }

    fn save_outcome(&self, o: Officer) -> Outcome {
        Outcome::SaveOfficer(Box::new(o), self.creating)
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        if self.creating {
            return Vec::new();
        }
        vec![Line::from(Span::styled(
            format!(" {}", fit(ui, &self.officer.name, width)),
            ui.theme.header(),
        ))]
    }
}
