//! Every string the screens show, one table per language. Indonesian is the default.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "id" | "in" | "indonesia" | "indonesian" => Some(Lang::Id),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! texts {
    ($( $name:ident => $id:literal, $en:literal; )*) => {
        /// A piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $( $name, )* }

        impl T {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (T::$name, Lang::Id) => $id, (T::$name, Lang::En) => $en, )*
                }
            }
        }
    };
}

texts! {
    TabStaff => "Pegawai", "Staff";
    ReachedTarget => "mencapai target JP", "reached the JP target";
    JpNoFloor => "PPPK: tanpa batas bawah", "PPPK: no floor";
    JpAboveCeiling => "di atas 24 JP setahun kontrak (PP 49/2018)", "above 24 JP a contract year (PP 49/2018)";
    JpTargetsNote => "PNS {pns} JP, PPPK {pppk}", "PNS {pns} JP, PPPK {pppk}";
    ServeNoExport => "ekspor CSV tidak tersedia lewat SSH (file akan tertulis di server); minta admin menjalankan kinerja export report", "CSV export is not available over SSH (the file would land on the server); ask an admin to run kinerja export report";
    QuickProvisional => "tersimpan sementara: periodenya belum berakhir", "saved as provisional: the period has not ended yet";
    AnnualBetterThanPeriodic => "tahunan lebih baik dari semua periodik", "annual better than every periodic";
    AnnualWorseThanPeriodic => "tahunan lebih buruk dari semua periodik", "annual worse than every periodic";
    AnnualAboveShort => "di atas semua periodik", "above every periodic";
    AnnualBelowShort => "di bawah semua periodik", "below every periodic";
    ConfirmProvisional => "periode ini belum berakhir: tekan Ctrl-S sekali lagi untuk menyimpannya sebagai sementara", "this period has not ended yet: press Ctrl-S once more to save it as provisional";
    Provisional => "sementara", "provisional";
    QuickConfirmProvisional => "periode ini belum berakhir.\ny: simpan sebagai sementara; tombol lain: kembali ke pengaturan", "this period has not ended yet.\ny: save as provisional; any other key: back to the setup";
    KeyBackToSetup => "kembali ke pengaturan", "back to the setup";
    // Pension and staff warnings (DOMAIN.md, BUP)
    RetiringTitle => "Pensiun dalam 12 bulan", "Retiring within 12 months";
    NobodyRetiring => "Tidak ada yang pensiun dalam 12 bulan.", "Nobody retires within 12 months.";
    PastPension => "lewat BUP", "past BUP";
    Pension => "Pensiun", "Pension";
    BupYears => "BUP", "BUP";
    // The one-page profile (issue 12)
    ProfileTitle => "Profil pegawai", "Staff profile";
    KeyProfile => "profil", "profile";
    KeyExportMarkdown => "tulis sebagai Markdown", "write as Markdown";
    ProfileMade => "dibuat", "made on";
    ProfileIdentity => "Identitas", "Identity";
    ServiceYears => "Masa kerja", "Service";
    ServiceSince => "sejak", "since";
    TrendTitle => "Tren predikat", "Predikat trend";
    JpPerYear => "JP per tahun", "JP per year";
    JpTarget => "Target", "Target";
    JpShare => "Capaian", "Reached";
    JpNone => "tidak ada", "none";
    TrainingsOfYears => "Pelatihan", "Trainings";
    LatestNotes => "Catatan evaluasi terakhir", "Latest evaluation notes";
    NoNotes => "belum ada catatan evaluasi", "no evaluation notes yet";
    PeriodShortAnnual => "Thn", "Yr";
    PeriodShortQuarter => "TW", "Q";
    ProvisionalMark => "* sementara: periodenya belum berakhir", "* provisional: the period has not ended yet";
    ServeNoProfileExport => "menulis profil tidak tersedia lewat SSH (file akan tertulis di server); minta admin menjalankan kinerja profile NIP -o FILE", "writing the profile is not available over SSH (the file would land on the server); ask an admin to run kinerja profile NIP -o FILE";
    // Roles
    RoleViewer => "peran Anda (viewer) hanya membaca; minta admin mengubah peran", "your role (viewer) only reads; ask an admin to change it";
    RoleAdminOnly => "hanya admin yang boleh mengubah data pegawai, unit dan nilai unit", "only an admin may change staff records, units and unit ratings";
    RoleOtherUnit => "pegawai ini di luar unit Anda; hanya unit Anda yang boleh diisi", "this person is outside your units; you may enter data for your units only";
    RoleNotOfficer => "pengguna ini bukan petugas terdaftar: hanya baca (kinerja officer add)", "this user is not a registered officer: read only (kinerja officer add)";
    // kinerja serve
    ServeNeedsPty => "kinerja perlu terminal: sambung dengan ssh -t", "kinerja needs a terminal: connect with ssh -t";
    ServeFull => "server penuh (batas sesi tercapai); coba lagi nanti", "the server is full (session limit reached); try again later";
    ServeIdle => "kinerja: sesi ditutup karena tidak aktif; draf tersimpan", "kinerja: session closed after being idle; drafts are kept";
    ServeStopping => "kinerja: server dihentikan; draf tersimpan", "kinerja: the server is stopping; drafts are kept";
    ServeOnlyScreens => "kinerja serve hanya melayani layar (ssh tanpa perintah)", "kinerja serve serves only the screens (ssh without a command)";
    TooSmall => "terminal terlalu kecil (perlu 80x24)", "terminal too small (need 80x24)";
    Loading => "memuat...", "loading...";
    // Welcome
    WelcomeTitle => "Selamat datang di kinerja", "Welcome to kinerja";
    WelcomeEmpty => "Basis data ini masih kosong.", "This database is empty.";
    WelcomeDemo => "muat data contoh (300 pegawai rekaan di Kecamatan Medan Belawan)", "load demo data (300 invented staff of Kecamatan Medan Belawan)";
    WelcomeNew => "tambah pegawai", "add a staff member";
    WelcomeImport => "atau impor dari CSV di shell:", "or import a CSV file from the shell:";
    // Keys (help and footer)
    KeyMove => "pindah", "move";
    KeyPage => "halaman", "page";
    KeyTopBottom => "awal / akhir", "first / last";
    KeySearch => "cari", "search";
    KeyUnit => "unit", "unit";
    KeySort => "urutan", "sort";
    KeyOpen => "buka", "open";
    KeyNew => "baru", "new";
    KeyHelp => "bantuan", "help";
    KeyQuit => "keluar", "quit";
    KeyBack => "kembali", "back";
    KeyEdit => "ubah", "edit";
    KeySection => "bagian", "section";
    KeyPrevSection => "bagian sebelumnya", "previous section";
    StaffRecord => "Data pegawai", "Staff record";
    StaleSave => "data ini sudah diubah di tempat lain sejak dibuka; buka ulang lalu ulangi perubahan", "this record was changed elsewhere since it was opened; reopen it and apply your change again";
    NothingChanged => "tidak ada perubahan", "nothing changed";
    NewUnit => "unit baru", "new unit";
    KeyNewUnit => "buat unit baru dari nama yang diketik", "create a new unit from the typed name";
    UnitUnknown => "Tidak ada unit bernama", "No unit is named";
    ErrJenjangInName => "nama jabatan memuat jenjangnya; jenjang dipilih di Jenis jabatan", "the position name holds its jenjang; choose the jenjang under Position kind";
    Closest => "Yang mirip", "Closest";
    CtrlNNewUnit => "Pilih salah satu, atau Ctrl-N untuk membuat unit baru dengan nama ini.", "Choose one of them, or Ctrl-N to create a new unit with this name.";
    KeyDelete => "hapus", "delete";
    AlreadySavedFor => "sudah tersimpan untuk", "already saved for";
    PeriodTakenSkipped => "periode ini sudah dinilai untuk orang ini: dilewati", "this period is already evaluated for this person: skipped";
    KeyNextFieldOrLine => "kolom berikut (di catatan: baris baru)", "next field (in the notes: a new line)";
    KeyTakeSuggestion => "ambil usulan", "take the suggestion";
    KeyClearText => "hapus isi / kata terakhir", "clear the text / last word";
    FieldFull => "Kolom ini penuh: paling banyak", "This field is full: at most";
    NoChanges => "Tidak ada perubahan; tidak ada yang ditulis.", "No changes; nothing written.";
    CloseKeepDraft => "Tutup formulir? Isiannya disimpan sebagai draf dan ditawarkan lagi. (y = tutup, n = lanjut)", "Close the form? What you typed is kept as a draft and offered again. (y = close, n = keep editing)";
    KeyNewEvaluation => "evaluasi baru", "new evaluation";
    KeyOpenRow => "buka baris", "open the row";
    ErrPeriod => "tahun atau periode tidak sah", "not a valid year or period";
    ErrFuturePeriod => "periode ini belum dimulai", "this period has not started yet";
    ErrPeriodTaken => "periode ini sudah dinilai", "this period is already evaluated";
    ErrSelfEvaluation => "penilai tidak boleh pegawai yang dinilai", "the evaluator cannot be the person evaluated";
    NewEvaluation => "Evaluasi baru", "New evaluation";
    EditEvaluation => "Ubah evaluasi", "Edit evaluation";
    Evaluator => "Pejabat penilai", "Evaluator";
    EvaluatorNip => "NIP penilai", "Evaluator NIP";
    FieldYear => "Tahun", "Year";
    Atasan => "Atasan pejabat penilai", "Evaluator's superior";
    AtasanNip => "NIP atasan", "Superior's NIP";
    ErrNoEvaluator => "wajib diisi: nama pejabat penilai (NIP boleh kosong)", "required: the evaluator's name (the NIP may be empty)";
    ErrSelfAtasan => "atasan penilai tidak boleh pegawai yang dinilai", "the evaluator's superior cannot be the person evaluated";
    WarnLatsarNotCpns => "Latsar CPNS hanya untuk CPNS; bukan CPNS (PPPK, atau mulai lebih dari 2 tahun setelah TMT CPNS): boleh disimpan, periksa jenisnya", "Latsar CPNS is for CPNS only; not a CPNS (PPPK, or starting more than 2 years after TMT CPNS): it can be saved, check the kind";
    ConfirmGroupWarning => "tekan Ctrl-S sekali lagi untuk tetap menyimpan", "press Ctrl-S once more to save anyway";
    WarnEvaluatorIsAtasan => "sama dengan pejabat penilai: boleh, tetapi keberatan atas nilai diputus oleh orang yang sama", "the same as the evaluator: allowed, but an objection to the rating is decided by the same person";
    ErrBeforeAppointment => "periode ini sebelum TMT (pengangkatan) pegawai: tidak mungkin dinilai", "this period is before the person's appointment (TMT): it cannot be evaluated";
    DigitsOnly => "Kolom ini hanya menerima angka.", "This field takes digits only.";
    DigitsAndSpacesOnly => "Kolom ini hanya menerima angka dan spasi.", "This field takes digits and spaces only.";
    DateChars => "Tanggal: angka dengan - atau / (2025-03-31, 31-03-2025, 31/03/2025).", "Dates: digits with - or / (2025-03-31, 31-03-2025, 31/03/2025).";
    ErrNoSuchDate => "tanggal ini tidak ada di kalender", "there is no such day in the calendar";
    CtrlNNewPartnerAlone => "Tidak ada mitra yang mirip. Ctrl-N untuk mencatatnya sebagai mitra baru.", "No similar partner. Ctrl-N records it as a new partner.";
    ErrRunningBeforeStart => "belum berlangsung: tanggal mulai masih di depan", "not running yet: the start date is still ahead";
    PeriodTakenTyped => "periode ini sudah dinilai; simpan ditolak. Kosongkan isian lalu pilih periode ini untuk membuka evaluasi yang ada.", "this period is already evaluated; saving is refused. Clear what you typed, then choose this period to open the existing evaluation.";
    ActCreate => "dibuat", "created";
    ActUpdate => "diubah", "changed";
    ActDelete => "dihapus", "deleted";
    ActImport => "diimpor", "imported";
    ActDemo => "data contoh", "demo data";
    ActRestore => "dipulihkan", "restored";
    ActCompact => "dipadatkan", "compacted";
    ErrNip => "bukan NIP atau NI PPPK yang sah (18 angka)", "not a valid NIP or NI PPPK (18 digits)";
    AspectsHeading => "Nilai BerAKHLAK", "BerAKHLAK values";
    FeedbackHeading => "Umpan balik per nilai", "Feedback per value";
    FromAspects => "saran dari nilai-nilai", "suggested by the values";
    Notes => "Catatan/rekomendasi", "Notes";
    DeleteAsk => "Hapus evaluasi ini? (y = hapus, n = batal)", "Delete this evaluation? (y = delete, n = cancel)";
    DraftFound => "Ada draf yang belum disimpan", "There is an unsaved draft";
    DraftAsk => "Pakai? (y = pakai, n = buang, Esc = nanti saja)", "Use it? (y = use, n = discard, Esc = not now)";
    DraftStale => "Data ini sudah diubah di tempat lain sejak draf dibuat: menyimpannya akan ditolak.", "This record was changed elsewhere since the draft was made: saving it will be refused.";
    KeyEnterSuggest => "ambil usulan, atau kolom berikut", "take the suggestion, or next field";
    KeyEnterSuggestLine => "ambil usulan, kolom berikut, atau baris baru di catatan", "take the suggestion, next field, or a new line in the notes";
    KeyDraftUse => "pakai draf", "use the draft";
    KeyDraftDiscard => "buang draf", "discard the draft";
    KeyDraftLater => "nanti saja (draf disimpan)", "not now (the draft is kept)";
    Deleted => "terhapus", "deleted";
    PeriodOpened => "periode ini sudah dinilai: evaluasi yang ada dibuka", "this period is already evaluated: the existing evaluation is open";
    Trend => "Tren", "Trend";
    KeyStart => "mulai", "start";
    KeyRate => "nilai", "rate";
    KeyUndo => "ulangi", "undo";
    KeySaveNext => "simpan, berikutnya", "save, next";
    KeySkip => "lewati", "skip";
    KeyStop => "berhenti", "stop";
    KeyQuick => "penilaian cepat", "quick evaluation";
    QuickEntry => "Penilaian cepat", "Quick evaluation";
    QuickListed => "pegawai dari daftar", "staff from the list";
    QuickFiltered => "{shown} dari {total} ditampilkan", "{shown} of {total} listed";
    QuickFilterSearch => "saringan", "filter";
    QuickFilterUnit => "unit", "unit";
    QuickHint => "Tentukan periode dan penilai sekali, lalu Enter.", "Choose the period and evaluator once, then Enter.";
    QuickDone => "Selesai: semua sudah dinilai untuk periode ini.", "Done: everyone is evaluated for this period.";
    QuickDoneSkipped => "Sampai akhir daftar, tetapi ada yang dilewati.", "End of the list, but some were skipped.";
    QuickSkippedCount => "{evaluated} dinilai, {skipped} dilewati", "{evaluated} evaluated, {skipped} skipped";
    KeyRateSkipped => "nilai yang dilewati", "rate the skipped";
    QuickTooMany => "terlalu banyak untuk penilaian cepat (maks. 1000): saring dulu dengan f atau /", "too many for quick evaluation (at most 1000): narrow the list with f or / first";
    PeriodKind => "Jenis periode", "Period kind";
    Evaluated => "dinilai", "evaluated";
    TabReport => "Laporan", "Reports";
    KeyExport => "ekspor CSV", "export CSV";
    WrittenTo => "ditulis ke", "written to";
    KeyNewTraining => "pelatihan baru", "new training";
    TabTraining => "Pelatihan", "Training";
    TabHome => "Beranda", "Home";
    AppName => "kinerja", "kinerja";
    KeyTabs => "tab lain", "other tabs";
    Coverage => "Cakupan penilaian:", "Evaluation coverage:";
    AnnualOf => "tahunan", "annual";
    PredikatSpread => "Sebaran predikat tahunan", "Annual predikat spread";
    Attention => "Perlu perhatian", "Needs attention";
    KeyTrainingTab => "pelatihan", "training";
    Summary => "Ringkasan", "Summary";
    NeedsCoaching => "Perlu pembinaan", "Needs coaching";
    TrainingsHeld => "Pelatihan diadakan", "Trainings held";
    Partners => "Mitra", "Partners";
    KeyPartners => "mitra", "partners";
    KeyPartnerContact => "kontak/kompetensi", "contact/competencies";
    KeyAddAgreement => "tambah perjanjian", "add agreement";
    KeyEditAgreement => "ubah perjanjian", "edit agreement";
    PartnersCount => "mitra", "partners";
    AgreementsExpiringCount => "perjanjian segera berakhir", "agreements ending soon";
    OutsideAgreementCount => "di luar perjanjian", "outside agreement";
    NoAgreement => "belum ada", "none yet";
    InForceShort => "berlaku", "in force";
    NoPartners => "Belum ada mitra. Mitra tercatat saat pelatihan disimpan atau lewat kinerja import partners.", "No partners yet. A partner is recorded with its first training or by kinerja import partners.";
    ExpiringShort => "segera", "soon";
    TrainingsShort => "Pel.", "Trn.";
    OutsideShort => "Luar", "Out";
    AgreementsShort => "Perjanjian", "Agreements";
    Contact => "Kontak", "Contact";
    PartnerCompetencies => "Kompetensi", "Competencies";
    Agreements => "Perjanjian (PKS/MoU)", "Agreements (PKS/MoU)";
    NoAgreementLong => "belum ada perjanjian tercatat: pelatihannya tidak ditandai (a untuk menambah)", "no agreement recorded: its trainings are not flagged (a adds one)";
    GovernmentNoAgreement => "instansi pemerintah: tidak perlu perjanjian", "government body: no agreement needed";
    YearWord => "Tahun", "Year";
    TrainingsWord => "pelatihan", "trainings";
    ParticipantsWord => "peserta", "participants";
    CompetenciesClosed => "kompetensi terpenuhi", "competencies closed";
    NoneOutsideAgreement => "semua pelatihan tahun ini dalam masa perjanjian", "every training of the year is within an agreement";
    OutsideAgreement => "Pelatihan di luar masa perjanjian", "Trainings outside any agreement";
    AgreementNotYet => "belum berlaku", "not yet in force";
    AgreementEnded => "sudah berakhir", "ended";
    AgreementExpiring => "segera berakhir", "ending soon";
    AgreementInForce => "berlaku", "in force";
    ContactName => "Nama kontak", "Contact name";
    ContactPhone => "Telepon", "Phone";
    ContactEmail => "E-mail", "E-mail";
    EditPartnerContact => "Kontak dan kompetensi mitra", "Partner contact and competencies";
    AgreementKindLabel => "Jenis perjanjian", "Agreement kind";
    AgreementNumber => "Nomor", "Number";
    AgreementStart => "Berlaku mulai", "In force from";
    AgreementEnd => "Berlaku sampai", "In force until";
    AgreementScope => "Ruang lingkup", "Scope";
    AgreementState => "Keadaan hari ini", "State today";
    EditAgreement => "Ubah perjanjian", "Edit agreement";
    NewAgreement => "Perjanjian baru", "New agreement";
    DeleteAgreementAsk => "Hapus perjanjian ini dari mitra? (y = hapus, n = batal)", "Remove this agreement from the partner? (y = remove, n = cancel)";
    ErrNotInCatalogue => "tidak ada di katalog kompetensi", "not in the competency catalogue";
    ErrAgreementTaken => "nomor ini sudah tercatat untuk mitra ini", "this number is recorded for this partner already";
    CatalogueChoices => "pilihan (pisahkan dengan ;)", "choices (separate with ;)";
    GapsClosable => "Celah", "Gaps";
    Reached => "mencapai", "reached";
    JpSpread => "Sebaran JP pegawai aktif", "JP of active staff";
    ReasonPredikat => "predikat", "predikat";
    ReasonJp => "JP", "JP";
    ReasonJpToday => "JP s.d. hari ini", "JP due by today";
    ReasonJpYear => "tahun", "year";
    Suggested => "usul:", "suggested:";
    // Competency requirements screen and gaps-first suggestions (issue 13)
    NeedsCompetency => "perlu:", "needs:";
    Requirements => "Kebutuhan kompetensi", "Competency requirements";
    KeyRequirements => "kebutuhan kompetensi", "competency requirements";
    NewRequirement => "Kebutuhan kompetensi baru", "New competency requirement";
    EditRequirement => "Ubah kebutuhan kompetensi", "Edit competency requirement";
    DeleteRequirementAsk => "Hapus kebutuhan ini? (y = hapus, n = batal)", "Delete this requirement? (y = delete, n = cancel)";
    ReqPosition => "Jabatan", "Position";
    ReqJenis => "Jenis/jenjang", "Kind/level";
    ReqAny => "semua", "any";
    ReqAnyPosition => "(semua jabatan)", "(any position)";
    ReqCount => "kebutuhan", "requirement(s)";
    ErrReqNoPosition => "isi jabatan, pilih jenis/jenjang, atau keduanya", "give a position, a kind/level, or both";
    ErrReqExists => "kebutuhan ini sudah ada", "this requirement exists already";
    ReqUnknownPosition => "belum ada pegawai dengan jabatan ini", "no staff member holds this position yet";
    NoRequirements => "Belum ada kebutuhan kompetensi. Tekan n untuk menambah.", "No competency requirements yet. Press n to add one.";
    NoCatalogue => "Katalog kompetensi kosong: impor dulu dengan kinerja import competencies", "The competency catalogue is empty: import it first with kinerja import competencies";
    RoleAdminOnlyRequirements => "hanya admin yang boleh mengubah kebutuhan kompetensi", "only an admin may change competency requirements";
    Reason => "Alasan", "Reason";
    NobodyNeedsCoaching => "Tidak ada yang perlu pembinaan.", "Nobody needs coaching.";
    People => "Orang", "People";
    PeopleShort => "Org", "Ppl";
    KindShort => "Jenis", "Kind";
    ColStaffShort => "Peg", "Stf";
    ColRatedPct => "Nilai%", "Eval%";
    PrivateAndSoe => "Swasta dan BUMN/BUMD", "Private and BUMN/BUMD";
    KeyMark => "tandai", "mark";
    // Kompetensi (issue 13)
    CompetencyTitle => "Kompetensi", "Competencies";
    KeyCompetencies => "kompetensi", "competencies";
    KeyCompetencyColumn => "kompetensi", "competency";
    KeyCompetencyWho => "daftar", "list";
    KeyCompetencyMatrix => "matriks", "matrix";
    KeyCompetencyAllPositions => "semua jabatan", "every position";
    KeyMarkAllToggle => "tandai semua / hapus tanda", "mark all / unmark";
    KeyCompetencyTrain => "pelatihan bersama", "group training";
    KeyCompetencyOther => "kompetensi lain", "other competency";
    ValidFor => "berlaku", "valid for";
    Months => "bulan", "months";
    ValidForGood => "berlaku seterusnya", "valid for good";
    AsOf => "per", "as of";
    CompetencyGapsIn => "Celah pada kompetensi ini:", "Gaps in this competency:";
    PeopleLower => "orang", "people";
    PositionPeople => "Jabatan (orang)", "Position (people)";
    Total => "Jumlah", "Total";
    CompetencyMatrixLegend => "angka: belum ada/kedaluwarsa/habis dlm 6 bln; kosong: tidak disyaratkan", "number: missing/expired/ending within 6 months; blank: not required";
    AllPositions => "semua jabatan", "every position";
    GapMissing => "belum ada", "missing";
    GapExpired => "kedaluwarsa", "expired";
    GapSoon => "segera habis", "ends soon";
    ColState => "Keadaan", "State";
    ColDate => "Tanggal", "Date";
    CompetencyNoGaps => "tidak ada celah: semua yang disyaratkan memilikinya", "no gaps: everyone required holds it";
    CompetencyNotRequired => "jabatan ini tidak mensyaratkan kompetensi ini (di unit yang ditampilkan)", "this position does not require this competency (in the unit shown)";
    CompetencyNoCatalogue => "Katalog kompetensi masih kosong. Isi dengan: kinerja import competencies FILE.csv", "The competency catalogue is empty. Fill it with: kinerja import competencies FILE.csv";
    CompetencyNoRequirement => "Belum ada jabatan di sini yang mensyaratkan kompetensi. Tambahkan dengan: kinerja import requirements FILE.csv", "No position here requires a competency yet. Add some with: kinerja import requirements FILE.csv";
    CompetencyField => "Kompetensi", "Competency";
    ScrollDown => "turun untuk melihat", "move down to see them";
    CompetencyNone => "- (tidak disebut)", "- (none stated)";
    KeyUnmarkAll => "hapus semua tanda", "unmark all";
    KeyRecallSearch => "cari terakhir", "last search";
    TrainingKindLabel => "Jenis", "Kind";
    Organiser => "Penyelenggara", "Organiser";
    OrganiserKindLabel => "Jenis penyelenggara", "Organiser kind";
    Start => "Mulai", "Start";
    End => "Selesai", "End";
    Hours => "atau jam", "or hours";
    Certificate => "No. sertifikat", "Certificate no.";
    ErrJp => "JP 1-1000 (atau jam, 1 JP = 45 menit)", "JP 1-1000 (or hours, 1 JP = 45 minutes)";
    ErrDate => "tulis 2025-03-14, 14-03-2025 atau 14/03/2025", "write it as 2025-03-14, 14-03-2025 or 14/03/2025";
    ErrEndBeforeStart => "selesai sebelum mulai", "ends before it starts";
    NewTraining => "Pelatihan baru", "New training";
    EditTraining => "Ubah pelatihan", "Edit training";
    NewPartner => "mitra baru", "new partner";
    KeyNewPartner => "catat penyelenggara yang diketik sebagai mitra baru", "record the typed organiser as a new partner";
    PartnerUnknown => "penyelenggara belum dikenal", "organiser not known";
    CtrlNNewPartner => "Ketik nama salah satunya, atau Ctrl-N untuk mencatat yang diketik sebagai mitra baru.", "Type one of their names, or Ctrl-N to record what you typed as a new partner.";
    FromDates => "mengikuti tanggal", "follows the dates";
    ErrDoneBeforeEnd => "belum bisa selesai: tanggal selesai masih di depan", "cannot be done yet: the end date is still ahead";
    GroupCertificate => "Nomor sertifikat diisi per orang nanti, dari catatan masing-masing.", "Certificate numbers are entered per person later, on each record.";
    GroupEntry => "pegawai ditandai: satu catatan untuk setiap orang", "marked staff: one record for each person";
    DeleteTrainingAsk => "Hapus pelatihan ini? (y = hapus, n = batal)", "Delete this training? (y = delete, n = cancel)";
    Marked => "ditandai", "marked";
    KeyYear => "tahun", "year";
    KeyUnitRating => "nilai unit", "unit rating";
    KeyChooseSave => "pilih dan simpan", "choose and save";
    RatingNotRecorded => "belum dicatat", "not recorded";
    KeyReportTab => "laporan", "reports";
    Distribution => "Distribusi predikat tahunan", "Annual predikat distribution";
    GuideNote => "Pedoman SE MenPANRB 3/2023: peringatan saja, predikat tidak diubah.", "Guide of SE MenPANRB 3/2023: a warning only, no predikat is changed.";
    UnitRatingCol => "Nilai", "Rating";
    UnitRatingTitle => "Nilai unit", "Unit rating";
    NoRating => "belum dinilai", "no rating";
    Fits => "sesuai", "fits";
    Breaks => "melanggar", "breaks";
    RatingMissing => "Nilai unit untuk tahun ini belum dicatat: tekan r.", "The unit's rating for this year is not recorded: press r.";
    FitsLong => "Sebaran predikat sesuai pedoman.", "The spread of predikat fits the guide.";
    TabTalent => "Talenta", "Talent";
    KeyTalentTab => "talenta", "talent";
    TalentTitle => "Talenta (9-box)", "Talent (9-box)";
    KeyMoveBox => "pindah kotak", "move between boxes";
    KeyTalentList => "kotak / daftar", "boxes / list";
    KeyBerprestasi => "berprestasi", "high performers";
    BerprestasiTitle => "Berprestasi: kotak 7-9 atau Sangat Baik dua tahun terakhir", "High performers: boxes 7-9 or Sangat Baik the last two years";
    TalentNoBox => "Tanpa kotak", "Without a box";
    KinerjaShort => "Kinerja", "Results";
    BoxPeople => "orang", "people";
    Box => "Kotak", "Box";
    NobodyHere => "tidak ada pegawai di sini", "nobody here";
    Potensial => "Potensial", "Potential";
    PotensialSourceField => "Sumber", "Source";
    PotensialDate => "Tanggal", "Date";
    PotensialAssessor => "Penilai/asesor", "Assessor";
    PotensialTitle => "Potensial", "Potential";
    PotensialReplaces => "mengganti", "replaces";
    ErrFutureDate => "tanggal di masa depan", "a date in the future";
    ErrPotensialDateFar => "tanggal lebih dari setahun dari tahun yang dinilai", "more than a year from the year rated";
    KeyPotensial => "potensial", "potential";
    NoPotensial => "belum ada potensial", "no potential yet";
    OpenCoachingTitle => "Pembinaan berjalan", "Open coaching";
    NoOpenCoaching => "tidak ada pembinaan yang berjalan", "no open coaching";
    FollowUpShort => "tindak lanjut", "follow-up";
    StepsShort => "langkah", "steps";
    HeadAskChange => "Ganti pimpinan", "Change the head of";
    HeadAskUndo => "Kembalikan pimpinan", "Undo: the head of";
    NoHead => "(tidak ada)", "(none)";
    HeadUndoHint => "H membatalkan", "H undoes";
    TalentProvisional => "sementara", "provisional";
    OfTotal => "dari", "of";
    ReportProvisional => "sementara: periode tahunan belum berakhir", "provisional: the annual period has not ended";
    HeadApart => "Pimpinan unit tidak dihitung (SE MenPANRB 3/2023), predikatnya:", "The head is not counted (SE MenPANRB 3/2023); their predikat:";
    HeadOfUnit => "pimpinan", "head";
    KeyHead => "pimpinan unit", "head of unit";
    HeadChanged => "Pimpinan", "Head of";
    HeadProposal => "usul dari nilai unit", "from the unit rating";
    HeadDiffers => "! nilai unit:", "! unit gives";
    KeySave => "simpan", "save";
    KeyNextField => "kolom berikut", "next field";
    KeyPrevField => "kolom sebelumnya", "previous field";
    KeyChoose => "pilih", "choose";
    KeyCancel => "batal", "cancel";
    KeyKeepFilter => "pakai saringan", "keep filter";
    KeyClearFilter => "hapus saringan", "clear filter";
    KeyDemo => "data contoh", "demo data";
    KeyStaffTab => "daftar pegawai", "staff list";
    KeyQuitAnywhere => "keluar dari mana saja", "quit from anywhere";
    HelpTitle => "Bantuan", "Help";
    HelpClose => "tekan tombol apa saja untuk menutup", "press any key to close";
    // Staff list
    ColNip => "NIP", "NIP";
    ColName => "Nama", "Name";
    ColGol => "Gol", "Rank";
    ColJabatan => "Jabatan", "Position";
    ColUnit => "Unit", "Unit";
    ColPredikat => "Pred", "Pred";
    ColJp => "JP", "JP";
    Shown => "ditampilkan", "shown";
    AllUnits => "semua unit", "all units";
    SortBy => "urut", "sort";
    SortName => "nama", "name";
    SortNip => "NIP", "NIP";
    SortRank => "golongan", "rank";
    SortUnit => "unit", "unit";
    SortPredikat => "predikat", "rating";
    SortJp => "JP", "JP";
    SortPension => "pensiun", "pension date";
    // The singular of counted words (Indonesian has one form).
    PartnersCountOne => "mitra", "partner";
    AgreementsExpiringCountOne => "perjanjian segera berakhir", "agreement ending soon";
    PeopleOne => "orang", "person";
    SignsLegend => "tanpa warna: - nonaktif, ! JP di bawah target", "without colour: - inactive, ! JP below target";
    ColPension => "Pensiun", "Pension";
    RetiringMore => "+{n} lagi: Pegawai (2), urut s: pensiun", "+{n} more: Staff (2), sort s: pension date";
    SearchPrompt => "Cari", "Search";
    NoMatch => "tidak ada yang cocok", "nothing matches";
    PickUnit => "Pilih unit (ketik untuk menyaring)", "Pick a unit (type to narrow)";
    Inactive => "nonaktif", "inactive";
    // Staff record
    Identity => "Identitas", "Identity";
    Born => "Lahir", "Born";
    Age => "tahun", "years";
    Sex => "Kelamin", "Sex";
    Pangkat => "Pangkat", "Grade";
    Male => "laki-laki", "male";
    Female => "perempuan", "female";
    TmtCpns => "TMT CPNS", "Appointed";
    Status => "Status", "Status";
    Rank => "Golongan", "Rank";
    Education => "Pendidikan", "Education";
    Position => "Jabatan", "Position";
    Unit => "Unit", "Unit";
    Active => "Aktif", "Active";
    Yes => "ya", "yes";
    No => "tidak", "no";
    Evaluations => "Evaluasi", "Evaluations";
    Trainings => "Pelatihan", "Trainings";
    History => "Riwayat", "History";
    Period => "Periode", "Period";
    HasilKerja => "Hasil kerja", "Work result";
    Perilaku => "Perilaku", "Behaviour";
    Predikat => "Predikat", "Rating";
    NoEvaluations => "belum ada evaluasi", "no evaluations yet";
    NoTrainings => "belum ada pelatihan", "no trainings yet";
    NoHistory => "belum ada riwayat perubahan", "no changes recorded yet";
    JpThisYear => "JP tahun ini", "JP this year";
    Dates => "Tanggal", "Dates";
    Title => "Judul", "Title";
    When => "Waktu", "When";
    Who => "Oleh", "By";
    What => "Perubahan", "Change";
    // Staff form
    NewStaffTitle => "Pegawai baru", "New staff member";
    EditStaffTitle => "Ubah data pegawai", "Edit staff member";
    FieldNip => "NIP", "NIP";
    FieldKind => "Status", "Status";
    FieldName => "Nama", "Name";
    FieldTitleBefore => "Gelar depan", "Title before";
    FieldTitleAfter => "Gelar belakang", "Title after";
    FieldRank => "Golongan", "Rank";
    FieldEducation => "Pendidikan", "Education";
    FieldPosition => "Jabatan", "Position";
    FieldPositionKind => "Jenis jabatan", "Position kind";
    FieldUnit => "Unit", "Unit";
    FieldActive => "Aktif", "Active";
    Required => "wajib diisi", "required";
    NotChosen => "belum dipilih", "not chosen";
    NoOption => "tidak ada pilihan yang cocok", "no option matches";
    DiscardAsk => "Perubahan belum disimpan. Buang? (y = buang, n = lanjut mengisi)", "Unsaved changes. Discard? (y = discard, n = keep editing)";
    PasteIgnored => "Tempelan diabaikan: pilih kolom teks dulu, lalu tempel lagi.", "Paste ignored: move to a text field first, then paste again.";
    PasteTooLong => "Tempelan terpotong: kolom ini paling banyak", "Paste cut short: this field holds at most";
    Characters => "karakter", "characters";
    QuitAsk => "Perubahan belum disimpan. Keluar? (y = keluar, n = lanjut mengisi)", "Unsaved changes. Quit? (y = quit, n = keep editing)";
    FixFirst => "Perbaiki dulu", "Fix first";
    Saved => "tersimpan", "saved";
    NotSaved => "Tidak tersimpan:", "Not saved:";
    DemoLoaded => "data contoh dimuat", "demo data loaded";
    BornOn => "lahir", "born";
    AppointedOn => "TMT", "appointed";
    ErrLength => "harus 18 angka", "must be 18 digits";
    ErrDigit => "hanya angka dan spasi", "digits and spaces only";
    ErrBirth => "angka 1-8 bukan tanggal lahir yang ada", "digits 1-8 are not a real birth date";
    ErrMonth => "angka 13-14 bukan bulan (01-12)", "digits 13-14 are not a month (01-12)";
    ErrSex => "angka ke-15 harus 1 (laki-laki) atau 2 (perempuan)", "digit 15 must be 1 (male) or 2 (female)";
    ErrExcelRounded => "berakhir 000: Excel membulatkannya (hanya 15 angka disimpan); format kolom NIP sebagai Teks lalu ketik ulang", "ends in 000: Excel rounded it (it keeps 15 digits); format the NIP column as Text and type it again";
    ErrExcelScientific => "bentuk angka Excel (E+17); format kolom NIP sebagai Teks lalu ketik ulang", "Excel's number form (E+17); format the NIP column as Text and type it again";
    ErrRankKind => "golongan tidak cocok dengan status", "rank does not fit the status";
    ErrExists => "NIP ini sudah terdaftar", "this NIP is already registered";
    Digits => "angka", "digits";
    Coaching => "Pembinaan", "Coaching";
    NoCoaching => "belum ada pembinaan", "no coaching yet";
    // Competency needs per position (AKPK, issue 13)
    Competencies => "Kompetensi", "Competencies";
    Competency => "Kompetensi", "Competency";
    NoCompetencies => "jabatan ini belum punya kebutuhan kompetensi (kinerja import competencies, requirements)", "no competency is required for this position (kinerja import competencies, requirements)";
    CompHeld => "ada", "held";
    CompUntil => "s.d.", "until";
    CompExpired => "kedaluwarsa", "expired";
    CompMissing => "belum ada", "missing";
    CompForGood => "seterusnya", "for good";
    CompExpiringSoon => "segera kedaluwarsa", "expiring soon";
    NoRequiredCompetencies => "jabatan ini belum punya kebutuhan kompetensi", "no competency is required for this position";
    CompMonths => "bulan", "months";
    CompKind => "Jenis", "Kind";
    CompValidity => "Berlaku", "Valid";
    KeyNewCoaching => "pembinaan baru", "new coaching";
    KeyCoach => "pembinaan", "coach";
    KeyCoachingFilter => "saring", "filter";
    NewCoaching => "Pembinaan baru", "New coaching";
    EditCoaching => "Ubah pembinaan", "Edit coaching";
    DeleteCoachingAsk => "Hapus pembinaan ini? (y = hapus, n = batal)", "Delete this coaching? (y = delete, n = cancel)";
    CoachingDate => "Tanggal", "Date";
    CoachingKindLabel => "Jenis", "Kind";
    CoachGiver => "Pemberi", "Given by";
    CoachGiverNip => "NIP pemberi", "Giver's NIP";
    CoachProblem => "Masalah", "Problem";
    CoachSteps => "Langkah disepakati", "Agreed steps";
    CoachFollowUp => "Tindak lanjut", "Follow-up";
    CoachClosed => "Selesai", "Closed on";
    CoachOutcome => "Hasil", "Outcome";
    CoachMissing => "belum ada", "missing";
    CoachOverdue => "terlambat", "overdue";
    CoachOpen => "berjalan", "open";
    CoachClosedStatus => "selesai", "closed";
    CoachAll => "semua", "all";
    CoachSince => "Perlu pembinaan sejak", "Needs coaching since";
    ErrFollowUpBefore => "sebelum tanggal pembinaan", "before the coaching date";
    ErrAfterToday => "setelah hari ini", "after today";
    ErrOutcomeNeeded => "wajib diisi bila sudah selesai", "required once closed";
    ErrClosedNeeded => "isi tanggal selesai untuk mencatat hasil", "give the closing date to record an outcome";
    ErrGiverIsPerson => "pemberi tidak boleh pegawai itu sendiri", "the giver cannot be the person coached";
    ErrGiverName => "wajib diisi: nama pemberi (NIP boleh kosong)", "required: the giver's name (the NIP may be empty)";
    CoachingTaken => "sudah ada pembinaan jenis ini pada tanggal itu", "there is coaching of this kind on that date already";
    // Issue 19, objections (keberatan) and coaching about an RHK: one block for this part.
    CoachRhk => "Tentang RHK", "About RHK";
    CoachRhkNone => "- (tidak menyebut RHK)", "- (no RHK named)";
    CoachRhkNoSkp => "- (tidak ada SKP tahun {year})", "- (no SKP for {year})";
    CoachRhkGone => "tidak ada lagi di SKP", "no longer in the SKP";
    Keberatan => "Keberatan", "Objections";
    KbShort => "keberatan", "objection";
    KbOpen => "terbuka", "open";
    KbFiled => "diajukan", "filed";
    KbExplained => "dijelaskan", "explained";
    KbDecided => "diputuskan", "decided";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_text() {
        for t in [T::TooSmall, T::Saved, T::WelcomeTitle] {
            assert!(!t.get(Lang::Id).is_empty());
            assert!(!t.get(Lang::En).is_empty());
        }
        assert_eq!(T::TooSmall.get(Lang::En), "terminal too small (need 80x24)");
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
    }
}
