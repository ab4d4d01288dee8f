//! Puts the commit the binary was built from into `kinerja --version` (KINERJA_COMMIT), so
//! an office can tell two builds of one version apart after an upgrade. Outside a git
//! checkout, or without git, it says `unknown commit`.

use std::path::Path;
use std::process::Command;

fn main() {
    // Built again when HEAD moves: HEAD itself, and the branch file or packed refs it names.
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/packed-refs");
    if let Ok(head) = std::fs::read_to_string(".git/HEAD")
        && let Some(branch) = head.trim().strip_prefix("ref: ")
        && Path::new(".git").join(branch).exists()
    {
        println!("cargo:rerun-if-changed=.git/{branch}");
    }
    let commit = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .map_or_else(|| "unknown commit".to_string(), |c| format!("commit {c}"));
    println!("cargo:rustc-env=KINERJA_COMMIT={commit}");
}
