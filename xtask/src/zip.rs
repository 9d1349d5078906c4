//! A zip writer for the SCORM packages (`package.rs`), kept free of dependencies like the rest of
//! the xtask: *stored* entries (no compression), which need only CRC-32 and three record layouts,
//! and fixed timestamps, so the same files always give byte-identical archives.

/// CRC-32 as zip uses it (IEEE 802.3, reflected, polynomial 0xEDB88320), one table lookup per byte.
pub fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |crc, &b| TABLE[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8))
}

/// A zip archive being written in memory: local records as files are added, the central directory
/// and its end record on `finish`. Stored entries only, no zip64 (at most 65,535 entries of < 4 GiB).
#[derive(Default)]
pub struct Zip {
    bytes: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 00:00, the earliest MS-DOS date, for every entry: reproducible archives.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = 1 << 5 | 1;
/// Version 2.0 of the format, the baseline every unzip reads.
const VERSION_NEEDED: u16 = 20;
/// Made by "Unix" (3) with format version 2.0, so the external attributes below are Unix modes.
const VERSION_MADE_BY: u16 = 3 << 8 | 20;
/// A regular file, rw-r--r--.
const EXTERNAL_ATTRIBUTES: u32 = 0o100644 << 16;
/// General-purpose flag bit 11: the name is UTF-8.
const UTF8_NAME: u16 = 1 << 11;

impl Zip {
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), String> {
        let too_big = || format!("{name}: too large for a zip without zip64");
        let size = u32::try_from(data.len()).map_err(|_| too_big())?;
        let offset = u32::try_from(self.bytes.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| format!("{name}: name too long"))?;
        self.entries = self.entries.checked_add(1).ok_or("more than 65,535 files")?;
        let flags = if name.is_ascii() { 0 } else { UTF8_NAME };
        let crc = crc32(data);

        // Local file header, then the data.
        put32(&mut self.bytes, 0x0403_4b50);
        put16(&mut self.bytes, VERSION_NEEDED);
        put16(&mut self.bytes, flags);
        put16(&mut self.bytes, 0); // method: stored
        put16(&mut self.bytes, DOS_TIME);
        put16(&mut self.bytes, DOS_DATE);
        put32(&mut self.bytes, crc);
        put32(&mut self.bytes, size); // compressed size
        put32(&mut self.bytes, size); // uncompressed size
        put16(&mut self.bytes, name_len);
        put16(&mut self.bytes, 0); // extra field length
        self.bytes.extend_from_slice(name.as_bytes());
        self.bytes.extend_from_slice(data);

        // Its central directory header, kept until `finish`.
        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        put16(c, VERSION_MADE_BY);
        put16(c, VERSION_NEEDED);
        put16(c, flags);
        put16(c, 0);
        put16(c, DOS_TIME);
        put16(c, DOS_DATE);
        put32(c, crc);
        put32(c, size);
        put32(c, size);
        put16(c, name_len);
        put16(c, 0); // extra field length
        put16(c, 0); // comment length
        put16(c, 0); // disk number
        put16(c, 0); // internal attributes
        put32(c, EXTERNAL_ATTRIBUTES);
        put32(c, offset);
        c.extend_from_slice(name.as_bytes());
        Ok(())
    }

    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let too_big = || "the archive is too large for a zip without zip64".to_string();
        let offset = u32::try_from(self.bytes.len()).map_err(|_| too_big())?;
        let size = u32::try_from(self.central.len()).map_err(|_| too_big())?;
        self.bytes.extend_from_slice(&self.central);
        // End of central directory record.
        let b = &mut self.bytes;
        put32(b, 0x0605_4b50);
        put16(b, 0); // this disk
        put16(b, 0); // disk with the central directory
        put16(b, self.entries);
        put16(b, self.entries);
        put32(b, size);
        put32(b, offset);
        put16(b, 0); // comment length
        Ok(self.bytes)
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
pub mod tests {
    //! The writer read back by a reader written from the format's specification (APPNOTE.TXT), not
    //! from the writer.

    use super::*;

    fn u16_at(b: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([b[at], b[at + 1]])
    }
    fn u32_at(b: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
    }

    /// (name, data) of every entry, found through the end record and the central directory, with
    /// each entry's local header cross-checked and its CRC recomputed.
    pub fn unzip(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = zip.len() - 22;
        assert_eq!(u32_at(zip, end), 0x0605_4b50, "end of central directory record");
        let (count, cd_size, cd_offset) =
            (u16_at(zip, end + 10) as usize, u32_at(zip, end + 12) as usize, u32_at(zip, end + 16) as usize);
        assert_eq!(cd_offset + cd_size, end, "the central directory ends where the end record starts");
        let mut at = cd_offset;
        let mut entries = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(zip, at), 0x0201_4b50, "central directory header");
            let (method, crc, csize, usize_) =
                (u16_at(zip, at + 10), u32_at(zip, at + 16), u32_at(zip, at + 20), u32_at(zip, at + 24));
            let (name_len, extra_len, comment_len) =
                (u16_at(zip, at + 28) as usize, u16_at(zip, at + 30) as usize, u16_at(zip, at + 32) as usize);
            let local = u32_at(zip, at + 42) as usize;
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!((method, csize), (0, usize_), "{name}: stored");

            assert_eq!(u32_at(zip, local), 0x0403_4b50, "{name}: local header");
            assert_eq!(u32_at(zip, local + 14), crc, "{name}: local and central CRCs agree");
            let local_name_len = u16_at(zip, local + 26) as usize;
            let data_at = local + 30 + local_name_len + u16_at(zip, local + 28) as usize;
            assert_eq!(&zip[local + 30..local + 30 + local_name_len], name.as_bytes());
            let data = zip[data_at..data_at + csize as usize].to_vec();
            assert_eq!(crc32(&data), crc, "{name}: CRC");
            entries.push((name, data));
            at += 46 + name_len + extra_len + comment_len;
        }
        assert_eq!(at, end);
        entries
    }

    #[test]
    fn crc32_matches_the_standard_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    #[test]
    fn zip_entries_read_back_byte_for_byte() {
        let big: Vec<u8> = (0..70_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let files = [
            ("a.txt", b"hello\n".to_vec()),
            ("dir/empty", Vec::new()),
            ("dir/sub/big.bin", big),
            ("ünïcode.txt", b"x".to_vec()),
        ];
        let mut zip = Zip::default();
        for (name, data) in &files {
            zip.add(name, data).unwrap();
        }
        let bytes = zip.finish().unwrap();
        let back = unzip(&bytes);
        assert_eq!(back, files.iter().map(|(n, d)| (n.to_string(), d.clone())).collect::<Vec<_>>());
    }

    #[test]
    fn zip_of_nothing_is_an_empty_archive() {
        let bytes = Zip::default().finish().unwrap();
        assert_eq!(bytes.len(), 22);
        assert!(unzip(&bytes).is_empty());
    }
}
