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
    /// The 1-based line last found: blocks and segments are asked for in
    /// document order, so the next one is nearly always on that line or
    /// the next, without a binary search.
    last_line: Cell<usize>,
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
            last_line: Cell::new(1),
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
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
        self.line_index(offset) as u32
    }

    /// The 1-based line of `offset`: the number of line starts at or
    /// before it (at least 1).
    fn line_index(&self, offset: usize) -> usize {
        let last = self.last_line.get();
        // Line `n` runs from `starts[n - 1]` up to `starts[n]`.
        let on = |n: usize| {
            n >= 1
                && self.starts.get(n - 1).is_some_and(|&s| s <= offset)
                && self.starts.get(n).is_none_or(|&s| offset < s)
        };
        let line = if on(last) {
            last
        } else if on(last + 1) {
            last + 1
        } else {
            self.starts.partition_point(|&s| s <= offset).max(1)
        };
        self.last_line.set(line);
        line
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
    fn remembered_lines_agree_with_a_search() {
        let text = "ab\n\n가나x\nyz\n";
        let cached = LineIndex::new(text);
        let lines = [0, 1, 3, 3, 2, 4, 12, 11, 13, 100, 0, 5, 4, 3, 14, 15];
        for offset in lines {
            let fresh = LineIndex::new(text)
                .starts
                .partition_point(|&s| s <= offset)
                .max(1);
            assert_eq!(cached.line(offset), fresh as u32, "{offset}");
        }
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
