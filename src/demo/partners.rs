//! The demo's training organisers: government bodies, and invented private and
//! state-owned partners with their agreements.

use crate::domain::OrganiserKind;
use crate::store::Partner;
use jiff::civil::Date;

pub(super) const GOV_ORGANISERS: &[&str] = &[
    "BKPSDM Kota Medan",
    "Dinas Kesehatan Kota Medan",
    "Dinas Pendidikan Kota Medan",
    "BPSDM Provinsi Sumatera Utara",
    "Kecamatan Medan Belawan",
];
/// Invented private partners and a state-owned one, as the seed article describes.
pub(super) const PRIVATE_ORGANISERS: &[(&str, OrganiserKind)] = &[
    ("PT Solusi Digital Pesisir", OrganiserKind::Swasta),
    ("Yayasan Cendekia Deli", OrganiserKind::Swasta),
    ("Klinik Pelatihan Medika Utama", OrganiserKind::Swasta),
    ("BUMN Kepelabuhanan (program CSR)", OrganiserKind::BumnBumd),
];

/// The invented agreements, contact and competencies of the demo's private and
/// state-owned partners (issue 13), dated from `today`: PT Solusi Digital Pesisir and the
/// BUMN are under agreements in force, Yayasan Cendekia Deli's MoU ends within three months
/// (expiring soon), and Klinik Pelatihan Medika Utama's PKS ended in the middle of last
/// year, so its later trainings are flagged as outside agreement. Numbers, people,
/// phones and e-mails are invented and say "DEMO" or use the `.example` domain.
/// Government bodies get none.
pub(super) fn with_agreements(mut p: Partner, today: Date) -> Partner {
    use crate::domain::{Agreement, AgreementKind, Contact, unit_id};
    let y = today.year();
    let day = |y: i16, m: i8, d: i8| Date::new(y, m, d).unwrap_or(today);
    let agreement =
        |kind: AgreementKind, n: u32, mulai: Date, selesai: Date, scope: &str| Agreement {
            kind,
            nomor: format!("{}/{n:03}/DEMO/{}", kind.label(), mulai.year()),
            mulai,
            selesai,
            ruang_lingkup: format!("{scope} (demo)"),
        };
    let contact = |nama: &str, telepon: &str, email: &str| Contact {
        nama: format!("{nama} (demo)"),
        telepon: telepon.into(),
        email: email.into(),
    };
    let ids = |names: &[&str]| names.iter().map(|n| unit_id(n)).collect::<Vec<_>>();
    match p.name.as_str() {
        "PT Solusi Digital Pesisir" => {
            p.agreements = vec![agreement(
                AgreementKind::Pks,
                11,
                day(y - 1, 1, 1),
                day(y + 1, 12, 31),
                "Pelatihan literasi dan administrasi digital",
            )];
            p.contact = contact(
                "Andi Lubis",
                "0812-0000-1101",
                "pelatihan@solusi-digital.example",
            );
            p.competencies = ids(&[
                "Literasi Digital (demo)",
                "Sistem Informasi Puskesmas (demo)",
            ]);
        }
        "Yayasan Cendekia Deli" => {
            let end = today
                .checked_add(jiff::Span::new().months(2))
                .unwrap_or(today);
            p.agreements = vec![agreement(
                AgreementKind::Mou,
                7,
                day(y - 1, 1, 1),
                end,
                "Pendampingan guru",
            )];
            p.contact = contact(
                "Rahmi Nasution",
                "0813-0000-2202",
                "sekretariat@cendekia-deli.example",
            );
            p.competencies = ids(&["Kurikulum Merdeka (demo)", "Asesmen Nasional (demo)"]);
        }
        "Klinik Pelatihan Medika Utama" => {
            p.agreements = vec![agreement(
                AgreementKind::Pks,
                3,
                day(y - 2, 7, 1),
                day(y - 1, 6, 30),
                "Pelatihan kegawatdaruratan dan gizi",
            )];
            p.contact = contact(
                "dr. Hendra Siagian",
                "061-0000-3303",
                "diklat@medika-utama.example",
            );
            p.competencies = ids(&["PPGD / BTCLS (demo)", "Gizi Masyarakat (demo)"]);
        }
        "BUMN Kepelabuhanan (program CSR)" => {
            p.agreements = vec![agreement(
                AgreementKind::Pks,
                21,
                day(y - 1, 1, 1),
                day(y + 2, 12, 31),
                "Program CSR pelatihan K3 dan pelayanan publik",
            )];
            p.contact = contact("Budi Pohan", "061-0000-4404", "csr@pelabuhan.example");
            p.competencies = ids(&["Kesehatan Kerja (demo)", "Pelayanan Publik Prima (demo)"]);
        }
        _ => {}
    }
    p.cleaned()
}
