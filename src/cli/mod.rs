//! The command line: arguments, subcommands, and errors a person understands.

pub mod autobackup;
pub mod columns;
pub mod config;
pub mod console;
pub mod control;
pub mod csvio;
mod export;
mod export_audit;
mod export_career;
mod export_skp;
mod import;
mod officer;
mod print;
mod profile;
mod serve;

use crate::store::{Store, StoreError};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit status: the command did what was asked.
pub const EXIT_OK: u8 = 0;
/// Exit status: the data is at fault (damage found, bad rows, a damaged backup, a refused save).
pub const EXIT_DATA: u8 = 1;
/// Exit status: the command could not run (arguments, a locked or newer database, a file
/// that cannot be read or written, a database that must be empty and is not).
pub const EXIT_CANNOT_RUN: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "kinerja",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("KINERJA_COMMIT"), ")"),
    about = "ASN staff performance (SKP) and training records, from the keyboard",
    after_help = "Exit status: 0 done; 1 the data is at fault (damage, bad rows, damaged backup); \
                  2 the command could not run (arguments, locked or newer database, unreadable file)."
)]
pub struct Cli {
    /// The database directory [default: the per-user data directory]
    #[arg(long, global = true, env = "KINERJA_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Open the screens on a fresh demo database in a temporary directory (removed on
    /// exit); --db and KINERJA_DB are not used then
    #[arg(long)]
    pub demo: bool,

    /// Language of the screens: id (Indonesian, the default) or en
    #[arg(long, value_name = "id|en")]
    pub lang: Option<String>,

    /// Draw borders and symbols with ASCII only (automatic for TERM=linux, vt100, vt220,
    /// dumb and non-UTF-8 locales)
    #[arg(long)]
    pub ascii: bool,

    /// Without a command: the terminal screens
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Fill an empty database with invented demo data for the Belawan units
    Demo {
        /// How many staff to invent (1 to 1,000,000)
        #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        staff: u32,
        /// The same seed gives the same data on the same day (periods follow today's date)
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Import a CSV file (UTF-8, header row; `,` `;` or tab separated)
    Import {
        kind: DataKind,
        file: PathBuf,
        /// Check every row and report, but write nothing
        #[arg(long)]
        dry_run: bool,
        /// Write the good rows even when some rows are bad
        #[arg(long)]
        skip_invalid: bool,
        /// Import the known columns of a file that has others too (exports of other
        /// systems); without it, unknown columns stop the import and are all named
        #[arg(long)]
        ignore_unknown_columns: bool,
        /// Import a new NIP even when a stored person has the same name, unit and first
        /// 15 digits (by default refused as a probable copy changed by Excel)
        #[arg(long)]
        allow_similar_nip: bool,
        /// Import evaluations that name no pejabat penilai (historical data); they are
        /// counted in the summary line
        #[arg(long)]
        allow_missing_evaluator: bool,
        /// requirements: make the stored requirements equal the file's rows, deleting
        /// those the file no longer lists (each deleted one is named)
        #[arg(long)]
        replace: bool,
        /// trainings: record the competencies matched from the catalogue by title and
        /// kind for rows whose kompetensi column is absent or empty (without it they are
        /// only listed)
        #[arg(long)]
        accept_competencies: bool,
    },
    /// Export records as CSV that `import` reads back, or the per-unit report
    Export {
        kind: ExportKind,
        /// Only this year: evaluations and coaching by their date or period, trainings by their
        /// end, unit ratings and potentials by the year rated; the report and talent: which
        /// year (default last year)
        #[arg(long)]
        year: Option<i16>,
        /// Write to this file (mode 0600) instead of standard output
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Only this unit (its name), for `talent` and `gaps`
        #[arg(long, value_name = "UNIT")]
        unit: Option<String>,
        /// For `audit`: only changes on or after this day (YYYY-MM-DD, local time)
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// For `audit`: only changes by this officer (the name the audit trail gives)
        #[arg(long, value_name = "NAME")]
        officer: Option<String>,
        /// The promotion period for `promotions`: YYYY-MM, the month 02, 04, 06, 08, 10 or
        /// 12 (default: the next period from today)
        #[arg(long, value_name = "YYYY-MM")]
        period: Option<String>,
    },
    /// One person's one-page profile (identity, rank, service, pension, predikat trend, JP
    /// per year, recent trainings, latest notes) as Markdown or plain text for printing;
    /// exit 1 when no staff member has the NIP
    Profile {
        /// The NIP or NI PPPK (spaces allowed)
        nip: String,
        /// Write to this new file (mode 0600; an existing file is never replaced) instead of
        /// standard output
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// md (Markdown, the default) or txt (plain text)
        #[arg(long, value_enum, default_value_t = ProfileFormat::Md)]
        format: ProfileFormat,
    },
    /// A document as a PDF for printing and signing on A4: one person's (a NIP) or everyone's
    /// in a unit (its name, one person after another); the path written is printed; exit 1
    /// when the person, unit or record is not there
    Print {
        kind: print::PrintKind,
        /// The NIP or NI PPPK (spaces allowed), or a unit's name
        #[arg(value_name = "NIP|UNIT")]
        who: String,
        /// The year [default: this year for skp and profil, last year for the rest]
        #[arg(long)]
        year: Option<i16>,
        /// The period: tahunan (default), triwulan-1 .. triwulan-4, bulan-01 .. bulan-12, or a
        /// span bulan-06-12
        #[arg(long)]
        period: Option<String>,
        /// Write to this new file (mode 0600; an existing file is never replaced) instead of
        /// the usual name in the current directory
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Decode every record and verify every index; exit 1 listing any damage
    Check {
        /// Also list the staff warnings (appointment before 18, past the pension age while
        /// active, below the entry rank of the education, birth in the future) and count
        /// them per kind; warnings never change the exit status
        #[arg(long)]
        warnings: bool,
    },
    /// Copy the whole database into one file with a checksum; --list shows the automatic
    /// backups
    Backup {
        /// The file to write (never overwritten)
        #[arg(required_unless_present = "list")]
        file: Option<PathBuf>,
        /// List the automatic backups (newest last) instead
        #[arg(long, conflicts_with = "file")]
        list: bool,
    },
    /// Restore a backup into an empty database, verifying its checksum and every record
    /// first (nothing is written from a backup that fails)
    Restore {
        file: PathBuf,
        /// Restore a backup that holds no staff records (by default refused: a file with
        /// only settings restores as an empty database)
        #[arg(long)]
        allow_empty: bool,
    },
    /// Rewrite the database into a fresh one and swap it in atomically, after many imports
    /// have grown its files (checks it first; needs free space for one more copy)
    Compact,
    /// Officers who may use kinerja over SSH (and, once any exists, the local screens)
    Officer {
        #[command(subcommand)]
        action: officer::Action,
    },
    /// Serve the screens to several officers at once over SSH (their keys: `kinerja
    /// officer add`); stops on SIGTERM or Ctrl-C, keeping every session's drafts
    Serve {
        /// Where to listen [default: 127.0.0.1:2222, this machine only; e.g. 0.0.0.0:2222
        /// for the office network]
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
        /// Print the host key's fingerprint (made on first use) and exit
        #[arg(long)]
        fingerprint: bool,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Staff,
    Trainings,
    Evaluations,
    /// Each unit's own rating (capaian organisasi) per year and period (unit, tahun,
    /// periode, capaian_organisasi)
    UnitRatings,
    /// Potensial per person and year (nip, tahun, potensial, sumber, tanggal, penilai)
    Potentials,
    /// The 9-box of --year (default last year), one row per active person: box, reason
    /// without one, follow-up, berprestasi; --unit limits it to one unit
    Talent,
    /// Coaching records (pembinaan kinerja): nip, tanggal, jenis, pemberi, masalah,
    /// langkah, tindak_lanjut, selesai, hasil (--year: by the coaching date)
    Coaching,
    /// Per unit: staff, evaluated, each predikat, the distribution guide, 20 JP (--year,
    /// default last year)
    Report,
    /// The competency catalogue (nama, jenis, jenis_pelatihan, kata_judul, berlaku_bulan)
    Competencies,
    /// Which positions need which competencies (jabatan, jenis_jabatan, kompetensi)
    Requirements,
    /// Per active person, each required competency missing, expired or expiring within 6
    /// months (nip, nama, unit, jabatan, kompetensi, jenis_kompetensi, keadaan, tanggal),
    /// most urgent first; --unit limits it to one unit
    Gaps,
    /// Training partners, one row per agreement (nama, jenis, kontak_nama, kontak_telepon,
    /// kontak_email, kompetensi, jenis_perjanjian, nomor_perjanjian, mulai, selesai,
    /// ruang_lingkup)
    Partners,
    /// SKPs, one row per indicator: the SKP (nip, mulai, selesai, people then, expectations,
    /// Lampiran), the RHK (number, jenis, text, the superior's RHK) and the indicator (aspek,
    /// text, target) (--year: the SKP's year)
    Skp,
    /// Realisations per indicator and period (nip, skp_mulai, rhk_no, indikator_no, tahun,
    /// periode, realisasi, catatan)
    Realisasi,
    /// Evidence and feedback per RHK or indicator (jenis bukti or umpan-balik, tanggal,
    /// uraian, lokasi, dari)
    Bukti,
    /// The audit trail, oldest first (waktu, petugas, tindakan, rekaman, ringkasan);
    /// --since DATE and --officer NAME narrow it
    Audit,
    /// Objections to evaluations and every step on them (diajukan, alasan, penjelasan,
    /// keputusan, new ratings, who decided and when) (--year: the evaluation's year)
    Keberatan,
    /// Angka kredit of functional staff (issue 21): one row per evaluation converted
    /// (PermenPANRB 1/2023, Peraturan BKN 3/2023), with the year's total and the total
    /// toward the next jenjang (--year: only that year's evaluations)
    AngkaKredit,
    /// PPPK contracts (perjanjian kerja): nip, mulai, selesai, nomor (--year: contracts in
    /// force some day of that year)
    Kontrak,
    /// Career histories, one row per change (nip, jenis pangkat/jabatan/unit, golongan,
    /// jabatan, jenis_jabatan, unit, tmt, nomor_sk), as SIASN's riwayat exports
    Riwayat,
    /// Kenaikan pangkat: who is due at --period YYYY-MM (4 years in the rank) and whether
    /// eligible (predikat at least Baik in each of the last 2 years), with the reasons and
    /// warnings; not for import
    Promotions,
}

/// How `kinerja profile` writes the profile.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileFormat {
    /// Markdown: headings, lists and two narrow tables
    Md,
    /// Plain text in at most 78 columns
    Txt,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataKind {
    Staff,
    Trainings,
    Evaluations,
    /// Each unit's own rating (capaian organisasi) per year and period (unit, tahun,
    /// periode, capaian_organisasi; the old header nilai is read too)
    UnitRatings,
    /// Potensial per person and year (nip, tahun, potensial, sumber, tanggal, penilai)
    Potentials,
    /// Coaching records (pembinaan kinerja), matched by NIP, date and kind
    Coaching,
    /// The competency catalogue (nama, jenis, jenis_pelatihan, kata_judul, berlaku_bulan),
    /// matched by name
    Competencies,
    /// Which positions need which competencies (jabatan, jenis_jabatan, kompetensi); rows
    /// are added; with --replace the stored requirements become the file's rows
    Requirements,
    /// Training partners, one row per agreement (the columns of `export partners`); a
    /// partner in the file gets the file's contact, competencies and agreements
    Partners,
    /// SKPs, one row per indicator (the columns of `export skp`), matched by NIP and start;
    /// a stored SKP becomes the file's plan, keeping the realisations of the indicators it
    /// keeps
    Skp,
    /// Realisations (the columns of `export realisasi`), by SKP, RHK and indicator number
    /// and period
    Realisasi,
    /// Evidence and feedback (the columns of `export bukti`), added to their RHK or
    /// indicator
    Bukti,
    /// Objections (the columns of `export keberatan`), by NIP and period; the decided
    /// result becomes the evaluation's ratings
    Keberatan,
    /// PPPK contracts (nip, mulai, selesai, nomor), matched by NIP and start; a row
    /// replaces the contract that starts that day
    Kontrak,
    /// Career histories (the columns of `export riwayat`; SIASN's riwayat exports): the
    /// kinds a person has in the file replace theirs, and the staff record follows the
    /// newest entries
    Riwayat,
}

/// A failed command: what to print and the exit status.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    /// The database's data is damaged and the message does not say the way back yet:
    /// [`Failure::with_way_back`] adds the newest automatic backup and the command that
    /// restores it, once the database's path is known.
    pub way_back_due: bool,
}

impl Failure {
    pub fn data(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_DATA,
            message: message.into(),
            way_back_due: false,
        }
    }

    /// The reader of standard output went away (`kinerja export staff | head`): stop quietly.
    pub fn reader_gone() -> Failure {
        Failure {
            code: EXIT_OK,
            message: String::new(),
            way_back_due: false,
        }
    }

    pub fn cannot_run(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_CANNOT_RUN,
            message: message.into(),
            way_back_due: false,
        }
    }

    /// Damage found in the database (by `check`, or a record that cannot be read).
    pub fn damage(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_DATA,
            message: message.into(),
            way_back_due: true,
        }
    }

    /// On a damage failure whose message does not say it yet: the way back added (the
    /// newest automatic backup of `db` and the exact restore command).
    pub fn with_way_back(mut self, db: &Path) -> Failure {
        if self.way_back_due {
            self.message = format!("{}\n{}", self.message, way_back_text(db));
            self.way_back_due = false;
        }
        self
    }
}

/// The way back from damage at `db`, for the command line.
pub fn way_back_text(db: &Path) -> String {
    crate::store::way_back::way_back(db).to_string()
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        let code = match &e {
            StoreError::Corrupt { .. }
            | StoreError::DamagedBackup(_)
            | StoreError::Stale { .. }
            | StoreError::AlreadyExists { .. }
            | StoreError::NotFound { .. }
            | StoreError::DuplicatePeriod { .. }
            | StoreError::Invalid(_) => EXIT_DATA,
            StoreError::Locked { path } => {
                // Held by `kinerja serve`: say how to reach it.
                if let Some(hint) = serve::connect_hint(path) {
                    return Failure::cannot_run(format!("{e}\n{hint}"));
                }
                EXIT_CANNOT_RUN
            }
            StoreError::NewerSchema { .. }
            | StoreError::Open { .. }
            | StoreError::Db(_)
            | StoreError::Damaged { .. }
            | StoreError::Backup(_) => EXIT_CANNOT_RUN,
        };
        match &e {
            // Opening knows the path: the way back can be said at once.
            StoreError::Damaged { path, .. } if !path.as_os_str().is_empty() => Failure {
                code,
                message: format!("{e}\n{}", way_back_text(path)),
                way_back_due: false,
            },
            _ => Failure {
                code,
                message: e.to_string(),
                way_back_due: e.is_damage(),
            },
        }
    }
}

/// How many of `check`'s damage lines a refusal of the screens shows.
const DAMAGE_LINES_SHOWN: usize = 10;

/// The screens (local or served) open only a database known sound (see
/// [`Store::known_sound`]): when its files changed since a sound database was last closed
/// (a kill, a copy, damage, a kinerja before issue 24), `check` runs first, saying so, and a
/// damaged database is refused with the way back (added by the caller).
pub(crate) fn check_before_screens(store: &Store) -> Result<(), Failure> {
    if store.known_sound() {
        return Ok(());
    }
    tell!(
        "kinerja: checking {} before the screens open: its files changed since it was last closed sound",
        store.path().display()
    );
    let report = store.check()?;
    if report.is_sound() {
        return Ok(());
    }
    for d in report.damage.iter().take(DAMAGE_LINES_SHOWN) {
        tell!("kinerja: {d}");
    }
    Err(Failure {
        code: EXIT_CANNOT_RUN,
        message: format!(
            "`kinerja check` finds {} damaged key(s) in {}; the screens do not open a damaged database",
            report.damage.len(),
            store.path().display()
        ),
        way_back_due: true,
    })
}

/// sled's page cache for the screens (the commands use the store's default).
const SCREEN_CACHE_BYTES: u64 = 8 * 1024 * 1024;

/// The default database directory: the per-user data directory of `directories`.
pub fn default_db_path() -> Result<PathBuf, Failure> {
    directories::ProjectDirs::from("id", "kinerja", "kinerja")
        .map(|d| d.data_dir().join("db"))
        .ok_or_else(|| {
            Failure::cannot_run(
                "cannot find a home directory for the database; pass --db PATH or set KINERJA_DB",
            )
        })
}

/// The person making changes, for the audit trail: the operating-system user.
pub fn os_user() -> String {
    // A command the server runs for a CLI: that CLI's user (see `control`).
    if let Some(user) = console::user() {
        return user;
    }
    for var in ["USER", "LOGNAME"] {
        if let Ok(u) = std::env::var(var)
            && !u.is_empty()
        {
            return crate::domain::text::clean_line(&u);
        }
    }
    // SAFETY: getuid cannot fail. getpwuid returns a pointer into static storage that
    // stays valid until the next call; it is read at once, on this thread, and copied.
    unsafe {
        let uid = libc::getuid();
        let pw = libc::getpwuid(uid);
        if !pw.is_null() && !(*pw).pw_name.is_null() {
            let name = std::ffi::CStr::from_ptr((*pw).pw_name).to_string_lossy();
            return crate::domain::text::clean_line(&name);
        }
        format!("uid {uid}")
    }
}

/// Today in the local time zone.
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// Parses the arguments, runs the command and returns the exit status.
pub fn main() -> ExitCode {
    // Personal data: every file this process creates is private to its user.
    // SAFETY: umask only changes this process's file-creation mask.
    unsafe {
        libc::umask(0o077);
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = Cli::parse_from(&args);
    match run_args(cli, &args) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(f) => {
            if !f.message.is_empty() {
                tell!("kinerja: {}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}

/// `--lang`, read.
fn parse_lang(lang: Option<&str>) -> Result<Option<crate::ui::lang::Lang>, Failure> {
    match lang {
        Some(l) => Ok(Some(crate::ui::lang::Lang::parse(l).ok_or_else(|| {
            Failure::cannot_run(format!("--lang {l:?}: use id (Indonesian) or en (English)"))
        })?)),
        None => Ok(None),
    }
}

/// Runs a parsed command line here (a database held by `kinerja serve` is not reached:
/// see [`run_args`]).
pub fn run(cli: Cli) -> Result<(), Failure> {
    run_args(cli, &[])
}

/// Runs the command line `args` (parsed as `cli`): a command the running server of the
/// database carries out (`control`) is handed to it, with `args`; the rest runs here.
pub fn run_args(cli: Cli, args: &[std::ffi::OsString]) -> Result<(), Failure> {
    let lang = parse_lang(cli.lang.as_deref())?;
    let Some(command) = cli.command else {
        return run_screens(cli.db, cli.demo, lang, cli.ascii);
    };
    if cli.demo {
        return Err(Failure::cannot_run(
            "--demo opens the screens; use `kinerja --db PATH demo` to fill a database",
        ));
    }
    let db_given = cli.db.is_some();
    let path = match cli.db {
        Some(p) => p,
        None => default_db_path()?,
    };
    // The list is wanted most when the database cannot be opened: it needs no store.
    if let Command::Backup { file: None, .. } = command {
        return list_backups(&path);
    }
    // Served: the server carries it out on its open database (issue 22).
    if !args.is_empty()
        && control::forwarded(&command)
        && let Some(result) = control::forward(&path, &command, args)
    {
        return result;
    }
    run_command(command, &path, db_given, lang, cli.ascii).map_err(|f| f.with_way_back(&path))
}

/// A command on the database at `path`; a damage failure's way back is added by [`run`].
fn run_command(
    command: Command,
    path: &Path,
    db_given: bool,
    lang: Option<crate::ui::lang::Lang>,
    ascii: bool,
) -> Result<(), Failure> {
    if let Command::Serve {
        listen,
        fingerprint,
    } = command
    {
        return serve::run(path, db_given, listen.as_deref(), fingerprint, lang, ascii);
    }
    let reads_only = matches!(
        command,
        Command::Check { .. }
            | Command::Export { .. }
            | Command::Profile { .. }
            | Command::Print { .. }
            | Command::Backup { .. }
            | Command::Compact
    );
    if reads_only && !path.exists() {
        return Err(Failure::cannot_run(format!(
            "there is no database at {}; check --db, or create one with `kinerja demo` or `kinerja import staff FILE`",
            path.display()
        )));
    }
    let store = match Store::open(path) {
        Ok(store) => store,
        Err(e @ StoreError::Locked { .. }) => {
            // Held by `kinerja serve`: what cannot run on a served database says so.
            if (serve::connect_hint(path).is_some() || control::socket_path(path).exists())
                && let Some(why) = control::stop_first(&command, path)
            {
                return Err(Failure::cannot_run(why));
            }
            return Err(e.into());
        }
        Err(e) => return Err(e.into()),
    };
    for note in store.open_notes() {
        tell!("kinerja: {note}");
    }
    if let Command::Compact = command {
        // No view after it: the next screens open checks the compacted files first.
        return run_compact(store);
    }
    let before = store.last_change()?;
    let result = run_on(&store, command, path, lang);
    let changed = store.last_change().ok().flatten().as_deref() != before.as_deref();
    if result.is_ok() {
        backup_if_changed(&store, path, before.as_deref());
    }
    // Close cleanly on every path, so the next open needs no log replay.
    let closed = store.close();
    result?;
    closed?;
    if changed {
        // After a bulk job sled's log holds the whole run; it is replayed and folded into
        // a snapshot by the next open. Do that open now, and keep the screens' view at its
        // close, so the officer's next start is as quick as after a clean session.
        // The command's work is saved whatever happens here: a failure is said, not
        // returned (the next start then reads every summary, as it would have).
        if let Err(e) = keep_screens_view(path) {
            tell!(
                "kinerja: the change is saved; keeping the screens' view of {} failed ({e}), so the next start reads every summary",
                path.display()
            );
        }
    }
    Ok(())
}

/// A command on an open store: by the command line on the database it opened, or by the
/// server for a CLI on its control socket (`control`). Output goes to this thread's
/// [`console`]. Compact and serve are the caller's (they need the store itself).
pub(crate) fn run_on(
    store: &Store,
    command: Command,
    path: &Path,
    lang: Option<crate::ui::lang::Lang>,
) -> Result<(), Failure> {
    match command {
        Command::Demo { staff, seed } => run_demo(store, staff as usize, seed),
        Command::Import {
            kind,
            file,
            dry_run,
            skip_invalid,
            ignore_unknown_columns,
            allow_similar_nip,
            allow_missing_evaluator,
            replace,
            accept_competencies,
        } => import::run(
            store,
            kind,
            &file,
            import::Options {
                dry_run,
                skip_invalid,
                ignore_unknown_columns,
                allow_similar_nip,
                allow_missing_evaluator,
                replace,
                accept_competencies,
            },
        ),
        Command::Export {
            kind: ExportKind::Audit,
            year,
            output,
            unit,
            since,
            officer,
            period,
        } => {
            if period.is_some() {
                return Err(Failure::cannot_run(
                    "--period applies to `export promotions` only",
                ));
            }
            export_audit::run(
                store,
                export_audit::Filter {
                    since: since.as_deref(),
                    officer: officer.as_deref(),
                    year,
                    unit: unit.as_deref(),
                },
                output.as_deref(),
            )
        }
        Command::Export {
            kind,
            year,
            output,
            unit,
            since,
            officer,
            period,
        } => {
            if since.is_some() || officer.is_some() {
                return Err(Failure::cannot_run(
                    "--since and --officer apply to `export audit` only",
                ));
            }
            export::run(
                store,
                kind,
                year,
                unit.as_deref(),
                period.as_deref(),
                output.as_deref(),
            )
        }
        Command::Profile {
            nip,
            output,
            format,
        } => profile::run(store, &nip, output.as_deref(), format, lang),
        Command::Print {
            kind,
            who,
            year,
            period,
            output,
        } => print::run(
            store,
            kind,
            &who,
            year,
            period.as_deref(),
            output.as_deref(),
        ),
        Command::Check { warnings } => run_check(store, warnings),
        Command::Backup {
            file: Some(file), ..
        } => run_backup(store, &file),
        Command::Backup { file: None, .. } => list_backups(path),
        Command::Restore { file, allow_empty } => run_restore(store, &file, allow_empty),
        // Taken above: compact consumes the store.
        Command::Officer { action } => officer::run(store, action),
        Command::Compact | Command::Serve { .. } => {
            Err(Failure::cannot_run("internal order error"))
        }
    }
}

/// After a command or a session that changed data: today's automatic backup, if there is
/// none yet (see `autobackup`). A failure is said, never fatal: the change itself is saved.
pub(crate) fn backup_if_changed(store: &Store, db: &Path, before: Option<&[u8]>) {
    let changed = match store.last_change() {
        Ok(now) => now.as_deref() != before,
        Err(_) => false,
    };
    if !changed {
        return;
    }
    let (config, _) = config::default_path()
        .map(|p| config::load(&p))
        .unwrap_or_default();
    let kept = config.backups_kept.unwrap_or(autobackup::DEFAULT_KEPT);
    match autobackup::run(store, db, today(), kept) {
        Ok(Some(file)) => tell!("kinerja: automatic backup written to {}", file.display()),
        Ok(None) => {}
        Err(e) => tell!("kinerja: the automatic backup failed: {e}"),
    }
}

/// The terminal screens, on `db` or the default database, or on a temporary demo one.
fn run_screens(
    db: Option<PathBuf>,
    demo: bool,
    lang: Option<crate::ui::lang::Lang>,
    ascii: bool,
) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::cannot_run(
            "the screens need a terminal; for scripts use the commands (see `kinerja --help`)",
        ));
    }
    let (config, warnings) = config::default_path()
        .map(|p| config::load(&p))
        .unwrap_or_default();
    for w in warnings {
        tell!("kinerja: {w}");
    }
    let temp;
    let path = if demo {
        temp = tempfile::Builder::new()
            .prefix("kinerja-demo-")
            .tempdir()
            .map_err(|e| Failure::cannot_run(format!("cannot make a temporary directory: {e}")))?;
        temp.path().join("db")
    } else {
        match db {
            Some(p) => p,
            None => default_db_path()?,
        }
    };
    screens_on(&path, demo, &config, lang, ascii).map_err(|f| f.with_way_back(&path))
}

/// The screens on the database at `path` (see [`run_screens`]).
fn screens_on(
    path: &Path,
    demo: bool,
    config: &config::Config,
    lang: Option<crate::ui::lang::Lang>,
    ascii: bool,
) -> Result<(), Failure> {
    let lang_now = lang.or(config.lang).unwrap_or_default();
    // One day for the whole start: the view read is the one kept for the day the screens
    // count for (read twice, a start at midnight could take yesterday's view as today's
    // and keep it again, under today's key, at its close).
    let today = today();
    let theme = crate::tui::theme_from_env(ascii || config.ascii, config.no_color);
    // The first frame comes before the database opens (issue 23: draw before the work);
    // the screens go on from it. Not after an unclean close: `check` speaks first, on the
    // main screen. It is given back before anything is said there, and on every error
    // (dropping it restores the terminal).
    let ui = crate::ui::Ui {
        lang: lang_now,
        theme,
        jp: config.jp_targets(),
        scoped: false,
    };
    let label = path.display().to_string();
    // Taken before anything opens the database: the files exactly as a clean close left
    // them, and what that close kept of the screens (issue 23, `store::view_file`).
    let sound = if demo {
        None
    } else {
        crate::store::view_file::sound_fingerprint(path)
    };
    let mut opening = if sound.is_some() || Store::would_open_sound(path) {
        Some(
            crate::tui::Opening::start(|f| crate::app::draw_opening(f, &ui, today, &label))
                .map_err(Failure::cannot_run)?,
        )
    } else {
        None
    };
    // The screens read a page at a time and keep the list's summaries themselves: a
    // small page cache keeps an SSH session's memory low. When the last close kept the
    // screens' view, it is read while sled opens, on another thread.
    // Beranda's counts drawn from the view before the database was open, if any.
    let mut early: Option<crate::views::home::HomeData> = None;
    let (store, mut view) = match sound.filter(|_| opening.is_some()) {
        Some(fingerprint) => std::thread::scope(|scope| {
            let opened = scope.spawn(|| Store::open_with_cache(path, SCREEN_CACHE_BYTES));
            let view = crate::app::view_key(today.year(), config.jp_targets()).and_then(|key| {
                // Beranda from the view's counts as soon as they are read, while sled
                // still opens (issue 23): drawn on the opening's terminal, which the
                // screens' first frame then only completes.
                crate::app::Shared::read_view(path, fingerprint, &key, today, |home| {
                    if let Some(o) = opening.as_mut()
                        && o.redraw(|f| crate::app::draw_opening_home(f, &ui, today, home))
                            .is_ok()
                    {
                        early = Some(home.clone());
                    }
                })
            });
            // While sled still opens, over Beranda drawn from the view: keys typed are
            // read, and `2` shows the list from the view's rows at once (`1` Beranda
            // again). Any other key ends this; the screens handle every key read here
            // first, then the rest.
            if let (Some(o), Some(shared), Some(home)) =
                (opening.as_mut(), view.as_ref(), early.as_ref())
            {
                let mut shown = '1';
                while !opened.is_finished() {
                    if !o.read_keys(std::time::Duration::from_millis(5)) {
                        continue;
                    }
                    let Some(tab) = early_tab(o.typed()) else {
                        break;
                    };
                    if tab != shown {
                        let drawn = if tab == '2' {
                            o.redraw(|f| crate::app::draw_opening_list(f, &ui, today, shared))
                        } else {
                            o.redraw(|f| crate::app::draw_opening_home(f, &ui, today, home))
                        };
                        if drawn.is_err() {
                            break;
                        }
                        shown = tab;
                    }
                }
            }
            let store = opened.join().map_err(|_| {
                Failure::cannot_run(format!(
                    "opening {} stopped unexpectedly; run `kinerja --db {} check`",
                    path.display(),
                    path.display()
                ))
            });
            (store, view)
        }),
        None => (Ok(Store::open_with_cache(path, SCREEN_CACHE_BYTES)), None),
    };
    let store = store??;
    // Keys typed while the database opened, kept when the opening is given back first.
    let mut typed = crate::tui::Typed::default();
    if !store.open_notes().is_empty() || !store.known_sound() {
        if let Some(o) = opening.as_mut() {
            typed = o.take_typed();
        }
        opening = None;
        view = None;
        early = None;
    }
    // Said before the screens take the terminal.
    for note in store.open_notes() {
        tell!("kinerja: {note}");
    }
    check_before_screens(&store)?;
    let before = store.last_change()?;
    if demo {
        crate::demo::fill(&store, 300, 1, today, &os_user(), &|_| {})?;
    }
    let mut opts = local_options(path, config, lang_now, theme, today);
    // Once officers exist, the local screens apply the same roles: the OS user's officer,
    // or read-only for a user who is none.
    let mut stranger = false;
    if store.has_officers()? {
        let user = os_user();
        opts.officer = Some(match store.officer(&user)? {
            Some(o) => o,
            None => {
                stranger = true;
                crate::domain::Officer {
                    name: user,
                    role: crate::domain::Role::Viewer,
                    units: Vec::new(),
                    keys: Vec::new(),
                    lang: String::new(),
                    revision: 0,
                }
            }
        });
    }
    let mut app = match view {
        Some(shared) => crate::app::App::from_view(store, shared, opts)?,
        None => {
            let mut app = crate::app::App::new(store, opts)?;
            // The view's head was whole but its rows were not (damaged, torn): the rows
            // are read again, and Beranda keeps the counts already on screen meanwhile.
            if let Some(home) = early.take() {
                app.show_home_while_loading(home);
            }
            app
        }
    };
    if stranger {
        app.notice(
            crate::ui::lang::T::RoleNotOfficer.get(lang_now).to_string(),
            true,
        );
    }
    let result = crate::tui::run(&mut app, opening, typed);
    let keep = if demo { None } else { app.view_to_keep() };
    let store = app.into_store();
    // The demo's temporary database needs no safety net.
    if !demo {
        backup_if_changed(&store, path, before.as_deref());
    }
    let closed = store.close_with_view(keep);
    result.map_err(Failure::cannot_run)?;
    closed?;
    Ok(())
}

/// The tab keys typed while the database opens lead to (`'1'` Beranda, `'2'` the list):
/// the last one's, when every input is one of them (unmodified); `None` when another
/// input is among them, which only the screens can answer.
fn early_tab(typed: &[crate::ui::event::Input]) -> Option<char> {
    use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    let mut tab = '1';
    for input in typed {
        match input {
            crate::ui::event::Input::Key(k)
                if k.modifiers == KeyModifiers::NONE
                    && k.kind == KeyEventKind::Press
                    && matches!(k.code, KeyCode::Char('1' | '2')) =>
            {
                if let KeyCode::Char(c) = k.code {
                    tab = c;
                }
            }
            _ => return None,
        }
    }
    Some(tab)
}

/// The options of screens on the database at `path`, before any officer's role (local
/// screens; `serve` sets its sessions' own from these).
fn local_options(
    path: &Path,
    config: &config::Config,
    lang: crate::ui::lang::Lang,
    theme: crate::ui::theme::Theme,
    today: jiff::civil::Date,
) -> crate::app::Options {
    crate::app::Options {
        lang,
        theme,
        today,
        tz: jiff::tz::TimeZone::system(),
        actor: os_user(),
        db_label: path.display().to_string(),
        export_dir: std::env::current_dir().unwrap_or_else(|_| std::env::temp_dir()),
        officer: None,
        jp: config.jp_targets(),
        remote: false,
        instansi: config.instansi.clone(),
        tempat: config.tempat.clone(),
    }
}

/// After a command changed the database at `path` (closed): opens it again as the
/// screens do, reads every summary once and closes keeping the screens' view (issue 19,
/// issue 23: `store::view_file`), so the officer's next start reads the rows and Beranda
/// from it instead of every summary. The open also folds sled's log into a snapshot
/// after a bulk job, as every open does.
///
/// Errors: the database cannot be opened again (another process took it meanwhile) or
/// closed, or its first page cannot be read (the store is then dropped unclosed, and the
/// next screens open checks it). A view that cannot be built from rows read (a failed
/// read of the rest) is none: the next start reads every summary, as it would have.
fn keep_screens_view(path: &Path) -> Result<(), StoreError> {
    let store = Store::open_with_cache(path, SCREEN_CACHE_BYTES)?;
    if !store.open_notes().is_empty() || !store.known_sound() {
        store.close()?;
        return Ok(());
    }
    let (config, _) = config::default_path()
        .map(|p| config::load(&p))
        .unwrap_or_default();
    let lang = config.lang.unwrap_or_default();
    let opts = local_options(path, &config, lang, Default::default(), today());
    // All units' rows and counts, whoever runs the command: the screens narrow them to an
    // officer's scope as they read the view.
    let mut app = crate::app::App::new(store, opts)?;
    let keep = match app.finish_loading() {
        Ok(_) => app.view_to_keep(),
        Err(_) => None,
    };
    app.into_store().close_with_view(keep)?;
    Ok(())
}

fn progress(len: u64, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr_with_hz(4),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}

fn run_demo(store: &Store, staff: usize, seed: u64) -> Result<(), Failure> {
    if !store.is_empty() {
        return Err(Failure::cannot_run(format!(
            "the database at {} is not empty; demo data goes only into a new database (use --db NEW_PATH)",
            store.path().display()
        )));
    }
    let started = std::time::Instant::now();
    let bar = progress(staff as u64, "demo");
    let summary = crate::demo::fill(store, staff, seed, today(), &os_user(), &|n| {
        bar.set_position(n as u64)
    })?;
    bar.finish_and_clear();
    tell!(
        "demo: wrote {summary} to {} in {:.1} s",
        store.path().display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn run_check(store: &Store, warnings: bool) -> Result<(), Failure> {
    let report = store.check()?;
    if warnings {
        print_warnings(store)?;
    }
    let c = report.counts;
    if report.is_sound() {
        say!(
            "ok: {} staff, {} units, {} partners, {} evaluations, {} trainings, {} coaching records, {} potentials, {} competencies, {} requirements, {} SKP, {} contracts, {} audit entries",
            c.staff,
            c.units,
            c.partners,
            c.evaluations,
            c.trainings,
            c.coaching,
            c.potentials,
            c.competencies,
            c.requirements,
            c.skp,
            c.contracts,
            c.audit
        );
        return Ok(());
    }
    for d in &report.damage {
        say!("{d}");
    }
    Err(Failure::damage(format!(
        "{} damaged key(s) in {}, listed above; re-import the affected records, or restore a backup",
        report.damage.len(),
        store.path().display()
    )))
}

/// `check --warnings`: every staff warning, one line each (NIP, name, kind, what), then the
/// count per kind. Printed to the officer's terminal only; a record that cannot be decoded
/// is left to the damage report.
fn print_warnings(store: &Store) -> Result<(), Failure> {
    use crate::domain::{StaffWarningKind, staff_warnings};
    let today = today();
    let out = &mut console::Stdout;
    let mut counts: std::collections::BTreeMap<StaffWarningKind, usize> =
        StaffWarningKind::ALL.iter().map(|k| (*k, 0)).collect();
    for staff in store.iter_staff() {
        let Ok(staff) = staff else { continue };
        for w in staff_warnings(&staff, today) {
            *counts.entry(w.kind()).or_default() += 1;
            say(
                out,
                format_args!(
                    "warning: {} {}: {}: {w}",
                    staff.nip,
                    staff.display_name(),
                    w.kind().code()
                ),
            )?;
        }
    }
    let total: usize = counts.values().sum();
    let per_kind: Vec<String> = counts
        .iter()
        .map(|(k, n)| format!("{} {n}", k.code()))
        .collect();
    say(
        out,
        format_args!("warnings: {total} ({})", per_kind.join(", ")),
    )?;
    print_akhir_warnings(store, out)
}

/// One line to standard output; a reader gone (`| head`) stops quietly.
fn say(out: &mut impl std::io::Write, line: std::fmt::Arguments) -> Result<(), Failure> {
    writeln!(out, "{line}").map_err(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::reader_gone()
        } else {
            Failure::cannot_run(format!("cannot write to standard output: {e}"))
        }
    })
}

/// `check --warnings`, evaluations: every annual that differs from the last periodic
/// evaluation of its year (DOMAIN.md, The SKP cycle: "the annual result is the final
/// periodic one; warn when they differ"), then how many of all annuals.
fn print_akhir_warnings(store: &Store, out: &mut impl std::io::Write) -> Result<(), Failure> {
    let (mut annuals, mut differ) = (0usize, 0usize);
    for item in store.iter_evaluations() {
        let Ok((nip, group)) = item else { continue };
        let years: std::collections::BTreeSet<i16> = group
            .items
            .iter()
            .filter(|e| e.period.kind == crate::domain::PeriodKind::Tahunan)
            .map(|e| e.period.year)
            .collect();
        for year in years {
            annuals += 1;
            let Some((annual, last, period)) = crate::domain::akhir_differs(&group.items, year)
            else {
                continue;
            };
            differ += 1;
            let (shown, name) = match store.get_staff(&nip) {
                Ok(Some(s)) => (s.nip.to_string(), s.display_name()),
                _ => (nip.clone(), String::new()),
            };
            say(
                out,
                format_args!(
                    "warning: {shown} {name}: akhir-differs: the annual {year} is {}, the last periodic evaluation ({period}) is {}",
                    annual.label(),
                    last.label()
                ),
            )?;
        }
    }
    say(
        out,
        format_args!(
            "evaluation warnings: {differ} of {annuals} annual evaluations differ from the last periodic one of their year (akhir-differs)"
        ),
    )
}

fn run_backup(store: &Store, file: &Path) -> Result<(), Failure> {
    let stats = store.backup(file)?;
    tell!(
        "backup: {} entries from {} trees, {} bytes, written to {}",
        stats.entries,
        stats.trees,
        stats.bytes,
        file.display()
    );
    Ok(())
}

/// `backup --list`: the automatic backups of the database, oldest first, with their size.
fn list_backups(db: &Path) -> Result<(), Failure> {
    let all = autobackup::list(db);
    if all.is_empty() {
        say!(
            "no automatic backups yet in {} (one is made on a day the data changes)",
            autobackup::dir_of(db).display()
        );
        return Ok(());
    }
    for file in all {
        let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        say!("{}\t{size} bytes", crate::domain::text::shown_path(&file));
    }
    Ok(())
}

/// `compact`: refused on a database `check` finds damaged (the copy would carry the damage
/// on); otherwise the fresh copy is swapped in and the sizes are said.
fn run_compact(store: Store) -> Result<(), Failure> {
    let report = store.check()?;
    if !report.is_sound() {
        for d in &report.damage {
            say!("{d}");
        }
        return Err(Failure::damage(format!(
            "compact: the database at {} has {} problem(s), listed above; nothing was changed. Restore a backup first",
            store.path().display(),
            report.damage.len()
        )));
    }
    let path = store.path().to_path_buf();
    let stats = store.compact(&os_user())?;
    let mb = |b: u64| b as f64 / 1_048_576.0;
    tell!(
        "compact: {} entries copied; {} went from {:.1} MB to {:.1} MB",
        stats.entries,
        path.display(),
        mb(stats.before),
        mb(stats.after)
    );
    Ok(())
}

fn run_restore(store: &Store, file: &Path, allow_empty: bool) -> Result<(), Failure> {
    let stats = store.restore(file, &os_user(), allow_empty)?;
    tell!(
        "restore: {} entries from {} into {}",
        stats.entries,
        file.display(),
        store.path().display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::early_tab;
    use crate::ui::event::{Input, InputParser};

    /// The inputs the loop's parser reads from `bytes`.
    fn typed(bytes: &[u8]) -> Vec<Input> {
        let mut out = Vec::new();
        let mut parser = InputParser::new();
        parser.feed(bytes, &mut out);
        parser.flush_pending(&mut out);
        out
    }

    #[test]
    fn only_tab_keys_typed_while_the_database_opens_are_drawn_early() {
        assert_eq!(early_tab(&typed(b"")), Some('1'), "nothing typed: Beranda");
        assert_eq!(early_tab(&typed(b"2")), Some('2'));
        assert_eq!(early_tab(&typed(b"21")), Some('1'), "the last one counts");
        assert_eq!(early_tab(&typed(b"122")), Some('2'));
        // Anything else only the screens can answer: a move, another tab, Alt-2, a paste.
        assert_eq!(early_tab(&typed(b"2j")), None);
        assert_eq!(early_tab(&typed(b"3")), None);
        assert_eq!(early_tab(&typed(b"\x1b2")), None);
        assert_eq!(early_tab(&typed(b"\x1b[200~2\x1b[201~")), None);
    }
}
