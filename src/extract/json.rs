//! The text of `entitlements.json`: serde_json's pretty printing (2-space
//! indent), byte for byte, through a formatter that writes each line break
//! and its indentation in one go instead of one write per level
//! (procedures nest eight levels deep, and most of the file is indentation
//! and short strings).

use std::io::{self, Write};

use serde::Serialize;

/// A newline, then the deepest indentation written in one piece (deeper
/// levels write the rest level by level).
const BREAK: &[u8] = b",\n                                                                ";
const INDENT: &[u8] = b"  ";

/// The output buffer. serde_json writes through `io::Write`; `Vec<u8>`'s
/// `write_all` is a call and a `memcpy` even for the one-byte quotes,
/// colons and commas around every value. Short writes are pushed inline.
struct Out<'a>(&'a mut Vec<u8>);

impl Write for Out<'_> {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match *buf {
            [a] => self.0.push(a),
            [a, b] => {
                self.0.push(a);
                self.0.push(b);
            }
            _ => self.0.extend_from_slice(buf),
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `serde_json::ser::PrettyFormatter` with the default indent, same output.
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    /// `,\n` (or `\n` when `first`) and the current level's indentation.
    fn line<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        let width = 2 + self.level * INDENT.len();
        match BREAK.get(from..width) {
            Some(bytes) => w.write_all(bytes),
            None => {
                w.write_all(BREAK.get(from..2).unwrap_or(b"\n"))?;
                for _ in 0..self.level {
                    w.write_all(INDENT)?;
                }
                Ok(())
            }
        }
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level = self.level.saturating_sub(1);
        if self.has_value {
            self.line(w, true)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Appends `value` as pretty JSON (2-space indent, no trailing newline) to
/// `out`, as if it stood `level` levels deep in an enclosing document: the
/// lines after the first are indented by `level` more steps, so records
/// serialized one by one can be spliced into a document's arrays.
pub fn write_pretty<T: Serialize + ?Sized>(
    value: &T,
    level: usize,
    out: &mut Vec<u8>,
) -> serde_json::Result<()> {
    let formatter = Pretty {
        level,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(Out(out), formatter);
    value.serialize(&mut ser)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_serde_json_pretty() {
        let deep = (0..40).fold(
            serde_json::json!("leaf\n\"x\""),
            |v, i| serde_json::json!({ "k": [v, i, 1.5, null, {}, []] }),
        );
        let mut out = Vec::new();
        write_pretty(&deep, 0, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(&deep).unwrap()
        );
    }

    #[test]
    fn nested_records_splice_into_a_document() {
        let record = serde_json::json!({ "a": [1, { "b": "c" }] });
        let doc = serde_json::json!({ "records": [record.clone()] });
        let mut out = b"{\n  \"records\": [\n    ".to_vec();
        write_pretty(&record, 2, &mut out).unwrap();
        out.extend_from_slice(b"\n  ]\n}");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(&doc).unwrap()
        );
    }
}
