//! Document URIs and file paths. lsp-types 0.97 has no `file:` conversion
//! of its own, so this is the small part of RFC 8089 an editor needs:
//! `file:` URIs with an empty or `localhost` authority, percent-decoded.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

/// The file a `file:` URI names; `None` for any other URI (an unsaved
/// buffer, a notebook cell, a remote file), which has no fact sheet.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let (scheme, rest) = uri.as_str().split_once(':')?;
    if !scheme.eq_ignore_ascii_case("file") {
        return None;
    }
    let rest = strip_query(rest);
    let path = match rest.strip_prefix("//") {
        Some(after) => {
            let slash = after.find('/')?;
            let host = &after[..slash];
            if !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
                return None;
            }
            &after[slash..]
        }
        None => rest,
    };
    if !path.starts_with('/') {
        return None;
    }
    native(decode(path))
}

/// The decoded path part of any URI, so that its extension can tell the
/// markup even when it names no file ("untitled:notes.md").
pub fn path_part(uri: &Uri) -> String {
    let s = uri.as_str();
    let after_scheme = s.split_once(':').map_or(s, |(_, rest)| rest);
    let rest = strip_query(after_scheme);
    let path = match rest.strip_prefix("//") {
        Some(after) => after.find('/').map_or("", |i| &after[i..]),
        None => rest,
    };
    String::from_utf8_lossy(&decode(path)).into_owned()
}

/// The `file:` URI of a path (a relative one is taken from the working
/// directory, as the workspace does), for diagnostics on fact sheets and
/// configurations.
pub fn from_path(path: &Path) -> Option<Uri> {
    let path = std::path::absolute(path).ok()?;
    let mut uri = String::from("file://");
    #[cfg(windows)]
    uri.push('/');
    for &b in path_bytes(&path)?.iter() {
        let b = if cfg!(windows) && b == b'\\' { b'/' } else { b };
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&uri).ok()
}

fn strip_query(s: &str) -> &str {
    s.find(['?', '#']).map_or(s, |i| &s[..i])
}

/// Percent-decodes; a `%` not followed by two hex digits stays as it is.
fn decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|&b| char::from(b).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

#[cfg(unix)]
fn native(bytes: Vec<u8>) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(not(unix))]
fn native(bytes: Vec<u8>) -> Option<PathBuf> {
    let path = String::from_utf8(bytes).ok()?;
    // "/C:/notes.md" is "C:/notes.md"
    let drive = path.len() >= 3 && path.as_bytes()[2] == b':';
    Some(PathBuf::from(if drive { &path[1..] } else { &path[..] }))
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Option<std::borrow::Cow<'_, [u8]>> {
    use std::os::unix::ffi::OsStrExt;
    Some(path.as_os_str().as_bytes().into())
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Option<std::borrow::Cow<'_, [u8]>> {
    Some(path.to_str()?.as_bytes().to_vec().into())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn uri(s: &str) -> Uri {
        Uri::from_str(s).unwrap()
    }

    #[test]
    fn file_uris_are_decoded_to_paths() {
        assert_eq!(
            to_path(&uri("file:///tmp/a%20b/caf%C3%A9.md")),
            Some(PathBuf::from("/tmp/a b/café.md"))
        );
        assert_eq!(
            to_path(&uri("file://localhost/tmp/x.md")),
            Some(PathBuf::from("/tmp/x.md"))
        );
        assert_eq!(
            to_path(&uri("FILE:/tmp/x.md")),
            Some(PathBuf::from("/tmp/x.md"))
        );
    }

    #[test]
    fn other_uris_name_no_file() {
        assert_eq!(to_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(to_path(&uri("https://example.org/x.md")), None);
        assert_eq!(to_path(&uri("file://server/share/x.md")), None);
        assert_eq!(path_part(&uri("untitled:notes%20x.md")), "notes x.md");
        assert_eq!(
            path_part(&uri("vscode-vfs://github/o/r/a.md?x#y")),
            "/o/r/a.md"
        );
    }

    #[test]
    fn paths_become_uris_and_back() {
        let path = Path::new("/tmp/a b/café #1.toml");
        let made = from_path(path).unwrap();
        assert_eq!(made.as_str(), "file:///tmp/a%20b/caf%C3%A9%20%231.toml");
        assert_eq!(to_path(&made).as_deref(), Some(path));
        let relative = from_path(Path::new("relative.toml")).unwrap();
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(to_path(&relative), Some(cwd.join("relative.toml")));
    }
}
