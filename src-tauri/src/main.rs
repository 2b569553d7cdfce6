//! The OnRecord desktop app. Until the Tauri window lands (issue: "The desktop app"), this stub
//! only proves the shell builds against the core and opens the same default library as the CLI.

fn main() {
    let dir = onrecord::default_dir();
    match onrecord::Library::open(&dir) {
        Ok(library) => println!(
            "OnRecord library at {} ({} quotes). The desktop window is not built yet; use the `onrecord` CLI.",
            dir.display(),
            library.store().quote_count().unwrap_or(0)
        ),
        Err(err) => {
            eprintln!("onrecord-app: {err}");
            std::process::exit(3);
        }
    }
}
