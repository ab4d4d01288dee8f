//! The systemd unit in `contrib/kinerja.service` (issue 22): `systemd-analyze verify`
//! passes (with the binary path pointed at this build), it names the database, and its
//! hardening keeps `systemd-analyze security` at a low exposure. Skipped where systemd's
//! tools are missing.

use std::process::Command;

fn unit_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/contrib/kinerja.service");
    std::fs::read_to_string(path).expect("contrib/kinerja.service")
}

fn have_systemd_analyze() -> bool {
    Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn the_unit_names_the_database_and_restarts_on_failure() {
    let text = unit_text();
    let exec = text
        .lines()
        .find(|l| l.starts_with("ExecStart="))
        .expect("ExecStart");
    assert!(exec.contains("--db /var/lib/kinerja/db"), "{exec}");
    assert!(exec.contains(" serve "), "{exec}");
    for line in [
        "Restart=on-failure",
        "User=kinerja",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "PrivateTmp=yes",
        "ReadWritePaths=/var/lib/kinerja",
        "UMask=0077",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line}");
    }
}

#[test]
fn systemd_analyze_verifies_the_unit_and_rates_it_low_exposure() {
    if !have_systemd_analyze() {
        eprintln!("systemd-analyze not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let text = unit_text().replace("/usr/local/bin/kinerja", env!("CARGO_BIN_EXE_kinerja"));
    let unit = dir.path().join("kinerja.service");
    std::fs::write(&unit, text).expect("write");
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&unit)
        .output()
        .expect("verify");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    // Anything said about this unit is a fault (other units of the host may be noisy).
    assert!(
        !said.lines().any(|l| l.starts_with("kinerja.service")),
        "{said}"
    );
    let out = Command::new("systemd-analyze")
        .args(["security", "--offline=yes"])
        .arg(&unit)
        .output()
        .expect("security");
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    let level = said
        .lines()
        .find_map(|l| {
            l.split("Overall exposure level for kinerja.service: ")
                .nth(1)
        })
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("no exposure level:\n{said}"));
    assert!(level <= 2.0, "exposure {level}:\n{said}");
}
