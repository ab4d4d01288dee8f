//! Officers (pengelola kepegawaian) who use kinerja, with what each may do (DESIGN.md,
//! "Several officers"): an admin does everything; a penilai enters evaluations and
//! trainings for the staff of their own units and sees only those units; a viewer reads.

/// What an officer may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Admin,
    Penilai,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Penilai, Role::Viewer];

    /// `admin`, `penilai` or `viewer`, any case.
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_lowercase().as_str() {
            "admin" => Some(Role::Admin),
            "penilai" => Some(Role::Penilai),
            "viewer" => Some(Role::Viewer),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Penilai => "penilai",
            Role::Viewer => "viewer",
        }
    }

    /// The stored code (see docs/storage.md).
    pub fn code(self) -> u8 {
        match self {
            Role::Admin => 0,
            Role::Penilai => 1,
            Role::Viewer => 2,
        }
    }

    pub fn from_code(code: u8) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// One officer: a login name (also the SSH user name and, for the local screens, the OS
/// user name), a role, the units they work on (unit ids; empty = all, for admin and
/// viewer), and their OpenSSH public keys (`ALGO BASE64 [comment]`, one per entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    pub name: String,
    pub role: Role,
    pub units: Vec<String>,
    pub keys: Vec<String>,
    /// The language of their screens: `id`, `en`, or empty for the server's default.
    pub lang: String,
    pub revision: u64,
}

/// Why an officer cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OfficerError {
    #[error(
        "officer name {0:?}: use 1 to 32 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit (it is the SSH login name)"
    )]
    BadName(String),
    #[error("a penilai works on at least one unit: give --unit UNIT")]
    PenilaiWithoutUnit,
    #[error("language {0:?}: use id (Indonesian) or en (English)")]
    BadLang(String),
}

/// Whether `name` is a valid officer name (see [`OfficerError::BadName`]).
pub fn valid_name(name: &str) -> bool {
    let ok_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
    (1..=32).contains(&name.len())
        && name.chars().all(ok_char)
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

impl Officer {
    pub fn validate(&self) -> Result<(), OfficerError> {
        if !valid_name(&self.name) {
            return Err(OfficerError::BadName(self.name.clone()));
        }
        if self.role == Role::Penilai && self.units.is_empty() {
            return Err(OfficerError::PenilaiWithoutUnit);
        }
        if !matches!(self.lang.as_str(), "" | "id" | "en") {
            return Err(OfficerError::BadLang(self.lang.clone()));
        }
        Ok(())
    }

    /// Whether any change may be made (a viewer only reads).
    pub fn may_write(&self) -> bool {
        self.role != Role::Viewer
    }

    /// Whether staff of `unit_id` are shown: admin all; others their units, or all when
    /// a viewer has none listed.
    pub fn sees_unit(&self, unit_id: &str) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Viewer if self.units.is_empty() => true,
            _ => self.units.iter().any(|u| u == unit_id),
        }
    }

    /// The units shown, `None` for all.
    pub fn scope(&self) -> Option<Vec<String>> {
        match self.role {
            Role::Admin => None,
            Role::Viewer if self.units.is_empty() => None,
            _ => Some(self.units.clone()),
        }
    }

    /// Creating and changing staff records, units and unit ratings: admin only.
    pub fn may_edit_staff_records(&self) -> bool {
        self.role == Role::Admin
    }

    /// Evaluations and trainings for staff of `unit_id`.
    pub fn may_write_for_unit(&self, unit_id: &str) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Penilai => self.units.iter().any(|u| u == unit_id),
            Role::Viewer => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn officer(role: Role, units: &[&str]) -> Officer {
        Officer {
            name: "siti".into(),
            role,
            units: units.iter().map(|u| u.to_string()).collect(),
            keys: Vec::new(),
            lang: String::new(),
            revision: 0,
        }
    }

    #[test]
    fn names_are_login_names() {
        for ok in ["siti", "a", "ani.lubis", "op_2", "x-1", "9lives"] {
            assert!(valid_name(ok), "{ok}");
        }
        for bad in [
            "",
            "Siti",
            "-x",
            ".x",
            "a b",
            "siti@kantor",
            &"a".repeat(33),
        ] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn each_role_may_do_what_design_md_says() {
        let admin = officer(Role::Admin, &[]);
        let penilai = officer(Role::Penilai, &["pkm-belawan"]);
        let viewer = officer(Role::Viewer, &[]);
        let viewer_one = officer(Role::Viewer, &["sd-1"]);
        assert!(admin.may_write() && admin.may_edit_staff_records());
        assert!(admin.sees_unit("any") && admin.may_write_for_unit("any"));
        assert!(penilai.may_write() && !penilai.may_edit_staff_records());
        assert!(penilai.sees_unit("pkm-belawan") && !penilai.sees_unit("sd-1"));
        assert!(penilai.may_write_for_unit("pkm-belawan"));
        assert!(!penilai.may_write_for_unit("sd-1"));
        assert!(!viewer.may_write() && viewer.sees_unit("sd-1"));
        assert!(!viewer.may_write_for_unit("sd-1"));
        assert!(viewer_one.sees_unit("sd-1") && !viewer_one.sees_unit("pkm-belawan"));
        assert_eq!(penilai.scope(), Some(vec!["pkm-belawan".to_string()]));
        assert_eq!(admin.scope(), None);
    }

    #[test]
    fn a_penilai_needs_a_unit() {
        assert_eq!(
            officer(Role::Penilai, &[]).validate(),
            Err(OfficerError::PenilaiWithoutUnit)
        );
        assert!(officer(Role::Viewer, &[]).validate().is_ok());
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
            assert_eq!(Role::parse(&r.label().to_uppercase()), Some(r));
        }
    }
}
