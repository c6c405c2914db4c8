//! Byte offset → 1-based line and character column.

use std::cell::Cell;

/// Start offsets of every line of a text.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last position asked for, as (line start, offset, 0-based column):
    /// segments are asked for in document order, many on one long line, so
    /// counting on from there keeps the column count linear in the line.
    last: Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        // One pass: lines are long (a paragraph each), so a counting pass
        // to size the table first cost more than the table's few regrowths.
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            text,
            starts,
            last: Cell::new((0, 0, 0)),
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let (last_start, last_offset, last_column) = self.last.get();
        let (from, counted) = if last_start == start && last_offset <= offset {
            (last_offset, last_column)
        } else {
            (start, 0)
        };
        let column = match self.text.get(from..offset) {
            Some(s) => counted + s.chars().count(),
            // Not on a character boundary: bytes from the line start, as before.
            None => offset - start,
        };
        if self.text.is_char_boundary(offset) {
            self.last.set((start, offset, column));
        }
        (line as u32, column as u32 + 1)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset).max(1) as u32
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

    #[test]
    fn remembered_positions_count_like_fresh_ones() {
        let text = "a가b\n가나다라 마바\nxyz";
        let cached = LineIndex::new(text);
        let offsets = [0, 4, 1, 5, 6, 8, 11, 9, 7, 21, 5, 22, 3, 100, 2, 15, 14];
        for offset in offsets {
            assert_eq!(
                cached.position(offset),
                LineIndex::new(text).position(offset),
                "{offset}"
            );
        }
    }
}
