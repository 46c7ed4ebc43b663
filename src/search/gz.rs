//! Gzip of the search files (flate2 over zlib-rs): the `.gz` copies written beside them for
//! hosts that serve precompressed files (nginx `gzip_static`, many CDNs), and exact sizes.
//!
//! A search index is thousands of files of a few KB each. Setting up a deflate stream costs
//! more than compressing such a file, so each thread keeps one compressor and resets it, and
//! the gzip header and trailer (RFC 1952) are written here around the raw deflate data.

use std::cell::RefCell;

use flate2::{Compress, Compression, FlushCompress, Status};

/// The compression level of the `.gz` copies: gzip's default, within a few per cent of the
/// best on these files at a third of its time.
const LEVEL: u32 = 6;

/// Gzip header: magic, deflate, no flags, no time, no extra flags, unknown OS.
const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];

thread_local! {
    static COMPRESS: RefCell<Compress> = RefCell::new(Compress::new(Compression::new(LEVEL), false));
}

/// `data` gzipped; None in the unlikely case that deflate reports an error (the file is then
/// served uncompressed or compressed by the host).
pub fn gzip(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 3 + 64);
    out.extend_from_slice(&HEADER);
    COMPRESS.with(|c| {
        let mut c = c.borrow_mut();
        c.reset();
        loop {
            let done = usize::try_from(c.total_in()).ok()?;
            if out.capacity() - out.len() < 64 {
                out.reserve(out.len() / 2 + 64);
            }
            match c.compress_vec(data.get(done..)?, &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return Some(()),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    })?;
    let mut crc = crc32fast::Hasher::new();
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    // ISIZE: the length modulo 2^32.
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::Read;

    fn gunzip(gz: &[u8]) -> String {
        let mut back = String::new();
        GzDecoder::new(gz).read_to_string(&mut back).unwrap();
        back
    }

    #[test]
    fn round_trips_and_shrinks_repetitive_text() {
        let text = "lekplats cykelväg ".repeat(500);
        let gz = gzip(text.as_bytes()).unwrap();
        assert!(gz.len() < text.len() / 20, "{} of {}", gz.len(), text.len());
        assert_eq!(gunzip(&gz), text);
    }

    #[test]
    fn a_reused_compressor_starts_each_file_afresh() {
        // Text that does not compress, larger than the first guess of the output's size, then
        // a short file and an empty one on the same thread.
        let mut x: u32 = 12345;
        let noisy: String = (0..200_000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from(b'!' + ((x >> 16) % 90) as u8)
            })
            .collect();
        for text in [noisy.as_str(), "[[\"skola\",[1,2]]]", ""] {
            let gz = gzip(text.as_bytes()).unwrap();
            assert_eq!(&gz[..2], &[0x1f, 0x8b]);
            assert_eq!(gunzip(&gz), text);
        }
    }
}
