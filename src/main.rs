fn main() -> std::process::ExitCode {
    kinerja::cli::main()
}
