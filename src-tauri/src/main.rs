//! The OnRecord desktop app: a Tauri 2 window over the `index` core. This file only wires the
//! window, the library state and the commands; what each command does is in the core.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use std::path::PathBuf;
use std::sync::Mutex;

/// The library folder: `--library DIR`, else `$ONRECORD_LIBRARY`, else the platform data
/// directory — the same folder the CLI uses.
fn library_dir() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--library" {
            if let Some(dir) = args.next() {
                return PathBuf::from(dir);
            }
        } else if let Some(dir) = arg.strip_prefix("--library=") {
            return PathBuf::from(dir);
        }
    }
    onrecord::default_dir()
}

fn main() {
    let dir = library_dir();
    // Started by the browser (through the launcher `onrecord browser install` or the app's
    // "Connect the browser" wrote): serve the extension on standard input and output, no window.
    if std::env::args().skip(1).any(|a| a == "browser-host") {
        let mut host = onrecord::browser::Host::new(dir);
        let served = onrecord::browser::serve(
            &mut host,
            &mut std::io::stdin().lock(),
            &mut std::io::stdout().lock(),
        );
        std::process::exit(i32::from(served.is_err()));
    }
    let library = match onrecord::Library::open(&dir) {
        Ok(library) => library,
        Err(err) => {
            eprintln!("onrecord-app: {err}");
            std::process::exit(3);
        }
    };
    let reader = match onrecord::Library::open(&dir) {
        Ok(reader) => reader,
        Err(err) => {
            eprintln!("onrecord-app: {err}");
            std::process::exit(3);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(commands::State {
            library: Mutex::new(library),
            reader: Mutex::new(reader),
            dir,
        })
        .invoke_handler(tauri::generate_handler![
            commands::library_info,
            commands::search,
            commands::quote_view,
            commands::edit_quote,
            commands::delete_quote,
            commands::restore_quote,
            commands::clip,
            commands::save_clip,
            commands::check,
            commands::read_draft,
            commands::export_text,
            commands::export_file,
            commands::speakers,
            commands::speaker_counts,
            commands::set_affiliation,
            commands::remove_affiliation,
            commands::import_file,
            commands::reindex,
            commands::backup,
            commands::inbox,
            commands::inbox_clip,
            commands::inbox_remove,
            commands::browser_install,
            commands::merge_speakers,
            commands::undo_merge,
            commands::rename_speaker,
            commands::add_alias,
            commands::tags,
            commands::rename_tag,
            commands::tag_quotes,
            commands::untag_quotes,
            commands::story_add,
            commands::story_remove,
            commands::delete_quotes,
            commands::restore_quotes,
            commands::stories,
            commands::story_create,
            commands::story_rename,
            commands::story_delete,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("onrecord-app: the window could not start: {err}");
            std::process::exit(1);
        });
}
