//! The assembled `entitlements.json` ([`Document`]) and how it is written:
//! streamed to any writer, or into a file by several threads at once, each
//! writing its share of the document at the offset it will have (every
//! article's runs are known by then, so every offset is). At 10k files the
//! document is ~185 MB; written by one thread after the last article, it
//! was most of the build's single-threaded tail.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::FileExt;

use rayon::prelude::*;

use super::assemble::{Article, Stored};

/// The assembled `entitlements.json`.
#[derive(Debug)]
pub struct Document {
    /// Everything before the first array of records.
    head: Vec<u8>,
    /// Per article, in slug order.
    articles: Vec<Stored>,
    spill: Option<[File; 4]>,
    /// How many bytes a thread gathers before it writes them ([`CHUNK`]).
    chunk: usize,
}

/// One piece of the document's text, in order: bytes, or an article's
/// run in a spill file (array, offset, length).
enum Piece<'d> {
    Bytes(Cow<'d, [u8]>),
    Spilled(usize, u64, u64),
}

impl Piece<'_> {
    fn len(&self) -> u64 {
        match self {
            Piece::Bytes(bytes) => bytes.len() as u64,
            Piece::Spilled(_, _, len) => *len,
        }
    }
}

/// How many bytes a thread gathers before it writes them.
const CHUNK: usize = 1 << 20;

impl Document {
    pub(super) fn new(head: Vec<u8>, articles: Vec<Stored>, spill: Option<[File; 4]>) -> Self {
        Document {
            head,
            articles,
            spill,
            chunk: CHUNK,
        }
    }

    /// How many articles (slugs) the document holds.
    pub fn articles(&self) -> usize {
        self.articles.len()
    }

    /// The document's text as pieces, in order: the head, then each array
    /// as serde_json's pretty printer writes it one level below the top
    /// (`[]` when empty), its elements the articles' non-empty runs.
    fn pieces(&self) -> Vec<Piece<'_>> {
        let text = |bytes: &'static [u8]| Piece::Bytes(Cow::Borrowed(bytes));
        let mut pieces = vec![Piece::Bytes(Cow::Borrowed(&self.head))];
        for (k, (name, _)) in Article::FIELDS.iter().enumerate() {
            let field = format!(",\n  \"{name}\": ");
            pieces.push(Piece::Bytes(Cow::Owned(field.into_bytes())));
            let mut any = false;
            for stored in &self.articles {
                let run = match stored {
                    Stored::Memory(article) => Piece::Bytes(Cow::Borrowed(article.run(k))),
                    Stored::Spilled(at) => Piece::Spilled(k, at[k].0, at[k].1),
                };
                if run.len() == 0 {
                    continue;
                }
                pieces.push(text(if any { b",\n" } else { b"[\n" }));
                pieces.push(run);
                any = true;
            }
            pieces.push(text(if any { b"\n  ]" } else { b"[]" }));
        }
        pieces.push(text(b"\n}\n"));
        pieces
    }

    /// Hands `pieces`' bytes to `write` in order. Small pieces are
    /// gathered into chunks of up to [`CHUNK`] bytes; a piece in memory
    /// that does not fit is handed over as it is, and a spilled run is read
    /// back through the chunk. The buffer never grows past its chunk: an
    /// article's run can be megabytes, and each doubling was fresh memory
    /// to fault in and a copy for nothing.
    fn in_chunks(
        &self,
        pieces: &[Piece<'_>],
        mut write: impl FnMut(&[u8]) -> io::Result<()>,
    ) -> io::Result<()> {
        let chunk = self.chunk.max(1);
        let mut buffer = Vec::with_capacity(chunk);
        for piece in pieces {
            if buffer.len() + piece.len() as usize > chunk && !buffer.is_empty() {
                write(&buffer)?;
                buffer.clear();
            }
            match piece {
                Piece::Bytes(bytes) if bytes.len() > chunk => write(bytes)?,
                Piece::Bytes(bytes) => buffer.extend_from_slice(bytes),
                &Piece::Spilled(k, offset, len) => {
                    let file = self.spill.as_ref().and_then(|f| f.get(k));
                    let file = file.ok_or_else(|| io::Error::other("spill file missing"))?;
                    let (mut at, end) = (offset, offset + len);
                    while at < end {
                        let start = buffer.len();
                        let take = (end - at).min((chunk - start) as u64) as usize;
                        buffer.resize(start + take, 0);
                        file.read_exact_at(&mut buffer[start..], at)?;
                        at += take as u64;
                        if buffer.len() == chunk {
                            write(&buffer)?;
                            buffer.clear();
                        }
                    }
                }
            }
        }
        write(&buffer)
    }

    /// Writes the document, as [`super::to_json_bytes`] would, a chunk at
    /// a time (spilled runs read back through one buffer).
    pub fn write_to(self, out: &mut dyn Write) -> io::Result<()> {
        self.in_chunks(&self.pieces(), |chunk| out.write_all(chunk))
    }

    /// Writes the document into `file` (empty) from all of rayon's
    /// threads, each its share of the text at its offset; the bytes of
    /// [`Document::write_to`]. Returns the size written.
    pub fn write_into(self, file: &File) -> io::Result<u64> {
        self.write_shares(file, rayon::current_num_threads())
    }

    /// [`Document::write_into`] in `threads` shares.
    fn write_shares(&self, file: &File, threads: usize) -> io::Result<u64> {
        let pieces = self.pieces();
        let total: u64 = pieces.iter().map(Piece::len).sum();
        let threads = threads.max(1) as u64;
        // Shares of about equal size, cut between pieces.
        let mut shares: Vec<(u64, &[Piece<'_>])> = Vec::new();
        let (mut start, mut offset, mut at) = (0, 0, 0);
        for (i, piece) in pieces.iter().enumerate() {
            at += piece.len();
            let share = shares.len() as u64 + 1;
            if at >= total * share / threads && share < threads {
                shares.push((offset, pieces.get(start..=i).unwrap_or_default()));
                (start, offset) = (i + 1, at);
            }
        }
        shares.push((offset, pieces.get(start..).unwrap_or_default()));
        shares
            .into_par_iter()
            .try_for_each(|(mut offset, pieces)| {
                self.in_chunks(pieces, |chunk| {
                    file.write_all_at(chunk, offset)?;
                    offset += chunk.len() as u64;
                    Ok(())
                })
            })?;
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{article, Assembler};
    use crate::model::Locale;

    #[test]
    fn written_in_shares_as_streamed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let tree = crate::content::discover(&root).unwrap();
        let facts: Vec<_> = tree
            .sources
            .iter()
            .map(|s| {
                let text = std::fs::read_to_string(&s.path).unwrap();
                let locale = Locale::parse(s.locale.as_str()).unwrap();
                article(&crate::sxs::parse(&s.rel, locale, &s.slug, &text).article)
            })
            .collect();
        let slugs: Vec<&str> = facts.iter().map(|f| f.slug.as_str()).collect();
        for spill in [None, Some(0), Some(5_000)] {
            let document = || {
                let assembler = Assembler::with(slugs.iter().copied(), spill);
                for f in &facts {
                    assembler.add(&f.slug.clone(), Some(f.clone()));
                }
                assembler.finish()
            };
            let mut streamed = Vec::new();
            document().write_to(&mut streamed).unwrap();
            assert!(streamed.len() > 1000);
            // Chunks smaller than most pieces, than some, and than none.
            for chunk in [1, 7, 100, 1_000, CHUNK] {
                let mut small = Vec::new();
                let mut longest = 0;
                let doc = Document {
                    chunk,
                    ..document()
                };
                let pieces = doc.pieces();
                doc.in_chunks(&pieces, |c| {
                    longest = longest.max(c.len());
                    small.extend_from_slice(c);
                    Ok(())
                })
                .unwrap();
                // Only a piece in memory longer than a chunk goes whole.
                let whole = pieces.iter().filter(|p| matches!(p, Piece::Bytes(_)));
                let limit = whole.map(|p| p.len() as usize).fold(chunk, usize::max);
                assert!(longest <= limit, "chunk {chunk}: {longest} > {limit}");
                assert!(small == streamed, "chunk {chunk}, spill {spill:?}");
                for threads in 1..6 {
                    let file = tempfile::tempfile().unwrap();
                    let size = Document {
                        chunk,
                        ..document()
                    }
                    .write_shares(&file, threads)
                    .unwrap();
                    let mut written = vec![0; streamed.len()];
                    file.read_exact_at(&mut written, 0).unwrap();
                    assert_eq!(size as usize, streamed.len());
                    assert_eq!(file.metadata().unwrap().len() as usize, streamed.len());
                    assert!(
                        written == streamed,
                        "{threads} shares, chunk {chunk}, spill {spill:?}"
                    );
                }
            }
        }
    }
}
