//! Writing a fixed document back: atomically (a temporary file beside it,
//! renamed over it), with its permissions, and never over a file that
//! changed since it was read.

use std::io::Write;
use std::path::Path;

/// Replaces `path`'s contents with `text` if it still holds `read`.
pub fn replace_if_unchanged(path: &Path, read: &[u8], text: &str) -> Result<(), String> {
    let now = std::fs::read(path).map_err(|e| format!("cannot read it again: {e}"))?;
    if now != read {
        return Err("changed since it was read; not fixed".to_string());
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".factlint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot create a temporary file beside it: {e}"))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("cannot write the temporary file: {e}"))?;
    if let Ok(meta) = std::fs::metadata(path) {
        // a failure here leaves the default permissions, still readable
        let _ = std::fs::set_permissions(temp.path(), meta.permissions());
    }
    temp.persist(path)
        .map(|_| ())
        .map_err(|e| format!("cannot replace it: {}", e.error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_an_unchanged_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "old\r\n").unwrap();
        replace_if_unchanged(&path, b"old\r\n", "new\r\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\r\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "edited meanwhile").unwrap();
        let err = replace_if_unchanged(&path, b"old", "new").unwrap_err();
        assert!(err.contains("changed since it was read"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited meanwhile");
    }
}
