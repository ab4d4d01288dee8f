//! The demo's potensial entries (the talent view's second axis).

use super::plan::Draft;
use super::rng::Rng;
use jiff::civil::Date;

/// Potensial for most people for last year, and for half of them the year before: the
/// better someone works (`latent`), the likelier a high potensial, never certain. Some
/// people have none, so the Talenta tab counts them apart. Dated in January of the next
/// year, by one of the three sources.
pub(super) fn potentials_for(rng: &mut Rng, d: &Draft, today: Date) -> crate::domain::Potentials {
    use crate::domain::{Potensial, PotensialSource, PotentialEntry};
    let mut out = crate::domain::Potentials::default();
    for (y, share) in [(today.year() - 2, 0.5), (today.year() - 1, 0.85)] {
        let has = rng.chance(share);
        let x = d.latent + (rng.unit() - 0.5) * 0.5;
        let source = *rng.pick(&PotensialSource::ALL);
        let day = rng.range(2, 28) as i8;
        if !has || y < d.staff.nip.appointed().0 {
            continue;
        }
        let potensial = if x > 0.75 {
            Potensial::Tinggi
        } else if x > 0.3 {
            Potensial::Menengah
        } else {
            Potensial::Rendah
        };
        let Ok(date) = Date::new(y + 1, 1, day) else {
            continue;
        };
        if date > today {
            continue;
        }
        out.put(PotentialEntry {
            year: y,
            potensial,
            source,
            date,
            assessor: match source {
                PotensialSource::PenilaianAtasan => "Atasan langsung".to_string(),
                PotensialSource::UjiKompetensi => "BKPSDM Kota Medan".to_string(),
                PotensialSource::AssessmentCentre => "UPT Penilaian Kompetensi Pegawai".to_string(),
            },
        });
    }
    if !out.items.is_empty() {
        out.revision = 1;
    }
    out
}
