//! Reading the files a player or a teacher hands the game (levels, saves, reports, codes,
//! transcripts): regular files only, and never more than a stated number of bytes. A size a
//! file reports is not trusted: `/dev/zero`, a named pipe or a file that grows report little
//! or nothing and never end, so the read itself is bounded, and anything that is not a
//! regular file is refused before a byte is read (a pipe is not even opened for reading in a
//! way that could wait for a writer).

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// A folder, a named pipe, a device or a socket: what it is.
    NotRegular(&'static str),
    /// Over the limit, in bytes.
    TooLarge(u64),
    /// Not UTF-8 text: the offset of the first bad byte.
    NotText(usize),
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotRegular(what) => write!(f, "is {what}, not a regular file"),
            ReadError::TooLarge(limit) => write!(f, "is larger than {limit} bytes, the most read"),
            ReadError::NotText(at) => write!(f, "is not UTF-8 text (bad byte at offset {at})"),
            ReadError::Io(e) => write!(f, "cannot be read: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// What a file that is not a regular file is, in words.
fn kind(t: std::fs::FileType) -> Option<&'static str> {
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a plain file")
}

/// Opens a regular file for reading, refusing anything else before and after opening.
fn open(path: &Path, limit: u64) -> Result<File, ReadError> {
    // `metadata` follows symlinks: a link to `/dev/zero` is a device here.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if let Some(what) = kind(meta.file_type()) {
        return Err(ReadError::NotRegular(what));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the path become a pipe after the check, opening it must not wait for a writer.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    // The file opened is the one checked, whatever happened to the path in between.
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(what) = kind(meta.file_type()) {
        return Err(ReadError::NotRegular(what));
    }
    Ok(file)
}

/// At most `limit` bytes of the regular file at `path`; a longer file is refused, having read
/// one byte past the limit at most.
pub fn bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path, limit)?;
    let mut out = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(ReadError::Io)?;
    if out.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(out)
}

/// [`bytes`], as UTF-8 text.
pub fn text(path: &Path, limit: u64) -> Result<String, ReadError> {
    String::from_utf8(bytes(path, limit)?)
        .map_err(|e| ReadError::NotText(e.utf8_error().valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_limit_is_read_and_one_past_it_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, "abcd").unwrap();
        assert_eq!(text(&p, 4).unwrap(), "abcd");
        assert!(matches!(bytes(&p, 3), Err(ReadError::TooLarge(3))));
    }

    #[test]
    fn folders_and_devices_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let e = bytes(dir.path(), 10).unwrap_err();
        assert_eq!(e.to_string(), "is a folder, not a regular file");
        #[cfg(unix)]
        {
            let e = bytes(Path::new("/dev/zero"), 10).unwrap_err();
            assert_eq!(e.to_string(), "is a device, not a regular file");
        }
    }

    #[test]
    fn text_that_is_not_utf8_says_where() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, b"ab\xffc").unwrap();
        assert_eq!(
            text(&p, 10).unwrap_err().to_string(),
            "is not UTF-8 text (bad byte at offset 2)"
        );
    }
}
