//! Fatal errors: what stops a whole run (exit code 2). Everything about the
//! content itself is a [`crate::diag::Diagnostic`] instead.

use std::fmt;
use std::path::{Path, PathBuf};

/// A failure that stops the command.
#[derive(Debug)]
pub enum Error {
    /// The content directory is missing or unreadable.
    ContentDir { path: PathBuf, reason: String },
    /// A file could not be written.
    Write { path: PathBuf, reason: String },
    /// A template, Fluent file or configuration is broken.
    Config { path: PathBuf, reason: String },
    /// Bad command-line input.
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ContentDir { path, reason } => {
                write!(
                    f,
                    "cannot read content directory `{}`: {reason}",
                    path.display()
                )
            }
            Error::Write { path, reason } => {
                write!(f, "cannot write `{}`: {reason}", path.display())
            }
            Error::Config { path, reason } => write!(f, "invalid `{}`: {reason}", path.display()),
            Error::Usage(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// A file (or stream: `<stdout>`) that could not be written.
    pub fn write(path: &Path, e: std::io::Error) -> Error {
        Error::Write {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }
    }
}

/// Result with a fatal [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
