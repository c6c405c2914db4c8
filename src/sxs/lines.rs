//! Byte offset → 1-based line and character column.
//!
//! The parser asks for positions nearly always in document order, so the
//! index keeps a cursor and counts newlines (and characters) on from the last
//! answer instead of indexing every line up front. A question behind the
//! cursor's line builds the table of line starts once and searches it.

use std::cell::{Cell, OnceCell};

/// Where the last answer was.
#[derive(Clone, Copy)]
struct Cursor {
    /// A byte offset on a character boundary.
    offset: usize,
    /// 0-based line of `offset`.
    line: usize,
    /// Byte offset where that line starts.
    line_start: usize,
    /// 0-based character column of `offset`.
    column: usize,
}

/// Line and column lookups over one text.
pub struct LineIndex<'a> {
    text: &'a str,
    cursor: Cell<Cursor>,
    /// Start offsets of every line, built on the first backward question.
    starts: OnceCell<Vec<usize>>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            cursor: Cell::new(Cursor {
                offset: 0,
                line: 0,
                line_start: 0,
                column: 0,
            }),
            starts: OnceCell::new(),
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let (line, start, from) = self.locate(offset);
        let column = match self.text.get(from.0..offset) {
            Some(s) => from.1 + s.chars().count(),
            // Not on a character boundary: bytes from the line start.
            None => offset - start,
        };
        if self.text.is_char_boundary(offset) {
            self.cursor.set(Cursor {
                offset,
                line,
                line_start: start,
                column,
            });
        }
        (line as u32 + 1, column as u32 + 1)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len());
        let (line, start, _) = self.locate(offset);
        if start != self.cursor.get().line_start {
            self.cursor.set(Cursor {
                offset: start,
                line,
                line_start: start,
                column: 0,
            });
        }
        line as u32 + 1
    }

    /// The 0-based line of `offset`, its start, and a known point on that
    /// line at or before `offset` as (byte offset, 0-based column).
    fn locate(&self, offset: usize) -> (usize, usize, (usize, usize)) {
        let cur = self.cursor.get();
        if offset >= cur.offset {
            let bytes = &self.text.as_bytes()[cur.offset..offset];
            let mut line = cur.line;
            let mut last = None;
            for i in memchr::memchr_iter(b'\n', bytes) {
                line += 1;
                last = Some(i);
            }
            return match last {
                Some(i) => {
                    let start = cur.offset + i + 1;
                    (line, start, (start, 0))
                }
                None => (cur.line, cur.line_start, (cur.offset, cur.column)),
            };
        }
        if offset >= cur.line_start {
            return (cur.line, cur.line_start, (cur.line_start, 0));
        }
        let starts = self.starts.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
            starts.push(0);
            starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
            starts
        });
        let line = starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = starts.get(line).copied().unwrap_or(0);
        (line, start, (start, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let idx = LineIndex::new("ab\n가나x\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(9), (2, 3));
        assert_eq!(idx.position(100), (3, 1));
    }

    /// Line and column by counting from the start, as the index did before
    /// it kept a cursor.
    fn fresh(text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let before = &text.as_bytes()[..offset];
        let line = memchr::memchr_iter(b'\n', before).count() + 1;
        let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let column = match text.get(start..offset) {
            Some(s) => s.chars().count(),
            None => offset - start,
        };
        (line as u32, column as u32 + 1)
    }

    #[test]
    fn remembered_positions_count_like_fresh_ones() {
        let text = "a가b\n가나다라 마바\nxyz";
        let cached = LineIndex::new(text);
        let offsets = [0, 4, 1, 5, 6, 8, 11, 9, 7, 21, 5, 22, 3, 100, 2, 15, 14];
        for offset in offsets {
            assert_eq!(cached.position(offset), fresh(text, offset), "{offset}");
            assert_eq!(
                cached.line(offset + 1),
                fresh(text, offset + 1).0,
                "{offset}"
            );
        }
    }

    #[test]
    fn every_order_of_questions_agrees() {
        let text = "\n\nab\n가\n\n나다 é\r\nx\n";
        let idx = LineIndex::new(text);
        for a in 0..=text.len() + 1 {
            for b in [0, a / 2, a, text.len() - a.min(text.len())] {
                assert_eq!(idx.position(a), fresh(text, a), "{a}");
                assert_eq!(idx.line(b), fresh(text, b).0, "{b}");
                assert_eq!(idx.position(b), fresh(text, b), "{b}");
            }
        }
    }
}
