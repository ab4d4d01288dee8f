//! What the command-line tests share (tests/cli.rs, tests/cli_skp.rs, tests/skp_data.rs):
//! the real binary on a temporary database, its exports parsed as CSV.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of the binary did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub what: String,
}

impl Run {
    pub fn stdout_text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("standard output is UTF-8")
    }

    /// Asserts the exit status, showing the run's output when it differs.
    #[track_caller]
    pub fn expect(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "`{}` exited with {:?}, expected {code}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.what,
            self.code,
            String::from_utf8_lossy(&self.stdout),
            self.stderr
        );
        self
    }

    /// The standard-error lines that report a row of `file`: `(LINE, why)`.
    pub fn row_reports(&self, file: &Path) -> Vec<(u64, String)> {
        let prefix = format!("{}:", file.display());
        self.stderr
            .lines()
            .filter_map(|l| {
                let rest = l.strip_prefix(&prefix)?;
                let (line, why) = rest.split_once(':')?;
                Some((line.parse().ok()?, why.trim().to_string()))
            })
            .collect()
    }
}

/// Runs the binary with `args`, never touching the user's own database: `KINERJA_DB` points
/// into `scratch` for commands that do not pass `--db`.
pub fn kinerja_in(scratch: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env("KINERJA_DB", scratch.join("default-db"))
        .output()
        .expect("the kinerja binary runs");
    Run {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        what: format!("kinerja {}", args.join(" ")),
    }
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// One test's databases and files, in a temporary directory.
pub struct Db {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Db {
    pub fn new() -> Db {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("db");
        Db { dir, path }
    }

    /// Another database, or a file, in the same temporary directory.
    pub fn sibling(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.sibling(name)
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.sibling(name);
        fs::write(&p, contents).expect("write a test file");
        p
    }

    /// `kinerja --db DIR/db ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_on(&self.path, args)
    }

    /// `kinerja --db PATH ARGS`, never touching the user's own database.
    pub fn run_on(&self, db: &Path, args: &[&str]) -> Run {
        let mut all = vec!["--db", s(db)];
        all.extend_from_slice(args);
        kinerja_in(self.dir.path(), &all)
    }

    pub fn demo(&self, staff: u32) {
        let n = staff.to_string();
        self.run(&["demo", "--staff", &n]).expect(0);
    }

    /// The bytes of `kinerja export KIND` from `db`.
    pub fn export_bytes(&self, db: &Path, kind: &str) -> Vec<u8> {
        let run = self.run_on(db, &["export", kind]);
        run.expect(0);
        run.stdout
    }

    pub fn export(&self, kind: &str) -> Csv {
        self.export_from(&self.path, kind)
    }

    pub fn export_from(&self, db: &Path, kind: &str) -> Csv {
        Csv::parse(&String::from_utf8(self.export_bytes(db, kind)).expect("UTF-8"))
    }

    /// Imports `contents` as a `kind` file and expects success.
    pub fn import_ok(&self, kind: &str, name: &str, contents: &str) -> Run {
        let f = self.write(name, contents);
        let run = self.run(&["import", kind, s(&f)]);
        run.expect(0);
        run
    }

    /// Imports `contents` as a `kind` file into `db` and returns the run.
    pub fn import_into(&self, db: &Path, kind: &str, name: &str, contents: &[u8]) -> Run {
        let f = self.write(name, contents);
        self.run_on(db, &["import", kind, s(&f)])
    }
}

/// A parsed CSV export: the header and the data rows.
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Csv {
    /// RFC 4180 as the exports write it: `,`, `"` quoting with `""`, `\n` line ends.
    pub fn parse(text: &str) -> Csv {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
                continue;
            }
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\r' => {}
                _ => field.push(c),
            }
        }
        if !field.is_empty() || !row.is_empty() {
            row.push(field);
            rows.push(row);
        }
        assert!(!rows.is_empty(), "an export always has a header row");
        let header = rows.remove(0);
        Csv { header, rows }
    }

    /// The value of `column` in the only row whose `key_col` is `key`.
    pub fn value(&self, key_col: &str, key: &str, column: &str) -> String {
        let (k, c) = (self.col(key_col), self.col(column));
        let found: Vec<&Vec<String>> = self.rows.iter().filter(|r| r[k] == key).collect();
        assert_eq!(found.len(), 1, "rows with {key_col} = {key}: {found:?}");
        found[0][c].clone()
    }

    pub fn column(&self, name: &str) -> Vec<String> {
        let c = self.col(name);
        self.rows.iter().map(|r| r[c].clone()).collect()
    }

    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    /// The value of `column` in `row`.
    pub fn get<'r>(&self, row: &'r [String], column: &str) -> &'r str {
        &row[self.col(column)]
    }

    /// The file again, as `export` writes it (fields quoted only when needed).
    pub fn to_text(&self) -> String {
        let quote = |f: &String| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        };
        let mut out = String::new();
        for r in std::iter::once(&self.header).chain(&self.rows) {
            out.push_str(&r.iter().map(quote).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
        out
    }
}
