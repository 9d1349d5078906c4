//! `cargo xtask package`: the lesson as SCORM packages for course platforms, one for SCORM 1.2 and
//! one for SCORM 2004 4th edition, each a zip with `imsmanifest.xml` (a single SCO) at its root
//! beside the files of dist/.
//!
//! The zips are written here, without a zip crate, to keep the xtask free of dependencies: entries
//! are *stored* (not compressed), which needs only CRC-32 and three record layouts. The package is
//! about 1.6 MB instead of about 0.6 MB deflated, which course platforms take without complaint.
//! Timestamps are fixed, so the same dist/ always gives byte-identical zips.

use std::path::{Path, PathBuf};

use crate::util::root;

/// What the launched SCO's URL adds: the compact layout, and the hint that a course package started
/// it (the SCORM API itself is still found the standard way, in the parent frames).
const LAUNCH_PARAMETERS: &str = "?embed&scorm";
const IDENTIFIER: &str = "concurrency-playground-lesson-17";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scorm {
    V12,
    V2004,
}

impl Scorm {
    fn file_name(self) -> &'static str {
        match self {
            Scorm::V12 => "concurrency-playground-scorm12.zip",
            Scorm::V2004 => "concurrency-playground-scorm2004.zip",
        }
    }
}

/// Builds dist/ and writes both packages to target/package/.
pub fn run() -> Result<(), String> {
    crate::build()?;
    write_built()
}

/// Packages dist/ as it is (`cargo xtask test` has just built it) into target/package/.
pub fn write_built() -> Result<(), String> {
    let out = root().join("target/package");
    for path in write(&root().join("dist"), &out, &lesson_title()?)? {
        println!("xtask: wrote {}", path.display());
    }
    Ok(())
}

/// Writes both packages of `dist` into `out`; returns their paths.
pub fn write(dist: &Path, out: &Path, title: &str) -> Result<Vec<PathBuf>, String> {
    let files = list_files(dist)?;
    if !files.iter().any(|f| f == "index.html") {
        return Err(format!("{} has no index.html: build it first", dist.display()));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("creating {}: {e}", out.display()))?;
    let mut written = Vec::new();
    for version in [Scorm::V12, Scorm::V2004] {
        let mut zip = Zip::default();
        zip.add("imsmanifest.xml", manifest(version, title, &files).as_bytes())?;
        for file in &files {
            let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("reading {file}: {e}"))?;
            zip.add(file, &bytes)?;
        }
        let path = out.join(version.file_name());
        std::fs::write(&path, zip.finish()?).map_err(|e| format!("writing {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// "Lesson 17: Concurrency: …", from the content's front matter, so a retitled lesson is packaged
/// under its new title.
fn lesson_title() -> Result<String, String> {
    let path = root().join("content/lesson-17.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let value = |key: &str| {
        // Top-level keys come before the first [table] header.
        text.lines()
            .take_while(|l| !l.starts_with('['))
            .find_map(|l| l.strip_prefix(key)?.trim_start().strip_prefix('=').map(|v| v.trim().trim_matches('"').to_string()))
    };
    match (value("lesson"), value("title")) {
        (Some(lesson), Some(title)) => Ok(format!("Lesson {lesson}: {title}")),
        _ => Err(format!("{} has no `lesson` and `title` in its front matter", path.display())),
    }
}

/// Every file under `dir`, as sorted '/'-separated paths; dot files (Trunk's lock) are not part of the site.
fn list_files(dir: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
        for entry in std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))? {
            let entry = entry.map_err(|e| e.to_string())?;
            let name = entry.file_name().into_string().map_err(|n| format!("{n:?} is not UTF-8"))?;
            if name.starts_with('.') {
                continue;
            }
            let path = format!("{prefix}{name}");
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{path}/"), out)?;
            } else {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, "", &mut files)?;
    files.sort();
    Ok(files)
}

/// The package's `imsmanifest.xml`: one organization with one item, launching one SCO resource
/// that lists every file.
fn manifest(version: Scorm, title: &str, files: &[String]) -> String {
    let title = xml_escape(title);
    let parameters = xml_escape(LAUNCH_PARAMETERS);
    let file_list: String = files.iter().map(|f| format!("      <file href=\"{}\"/>\n", xml_escape(f))).collect();
    let (root_attributes, schemaversion, scorm_type) = match version {
        Scorm::V12 => (
            r#"version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
                              http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd
                              http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd""#,
            "1.2",
            "adlcp:scormtype",
        ),
        Scorm::V2004 => (
            r#"version="1"
          xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
          xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
          xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
          xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd
                              http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd
                              http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd
                              http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd
                              http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd""#,
            "2004 4th Edition",
            "adlcp:scormType",
        ),
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{IDENTIFIER}" {root_attributes}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{schemaversion}</schemaversion>
  </metadata>
  <organizations default="lesson-17-organization">
    <organization identifier="lesson-17-organization">
      <title>{title}</title>
      <item identifier="lesson-17-item" identifierref="lesson-17-sco" isvisible="true" parameters="{parameters}">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="lesson-17-sco" type="webcontent" {scorm_type}="sco" href="index.html">
{file_list}    </resource>
  </resources>
</manifest>
"#
    )
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// CRC-32 as zip uses it (IEEE 802.3, reflected, polynomial 0xEDB88320), one table lookup per byte.
fn crc32(bytes: &[u8]) -> u32 {
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
struct Zip {
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
    fn add(&mut self, name: &str, data: &[u8]) -> Result<(), String> {
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

    fn finish(mut self) -> Result<Vec<u8>, String> {
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
mod tests {
    //! The zip writer read back by a reader written from the format's specification (APPNOTE.TXT),
    //! not from the writer; the manifests' required structure; the whole package from a small dist.

    use super::*;

    fn u16_at(b: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([b[at], b[at + 1]])
    }
    fn u32_at(b: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
    }

    /// (name, data) of every entry, found through the end record and the central directory, with
    /// each entry's local header cross-checked and its CRC recomputed.
    fn unzip(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = zip.len() - 22;
        assert_eq!(u32_at(zip, end), 0x0605_4b50, "end of central directory record");
        let (count, cd_size, cd_offset) = (u16_at(zip, end + 10) as usize, u32_at(zip, end + 12) as usize, u32_at(zip, end + 16) as usize);
        assert_eq!(cd_offset + cd_size, end, "the central directory ends where the end record starts");
        let mut at = cd_offset;
        let mut entries = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(zip, at), 0x0201_4b50, "central directory header");
            let (method, crc, csize, usize_) = (u16_at(zip, at + 10), u32_at(zip, at + 16), u32_at(zip, at + 20), u32_at(zip, at + 24));
            let (name_len, extra_len, comment_len) = (u16_at(zip, at + 28) as usize, u16_at(zip, at + 30) as usize, u16_at(zip, at + 32) as usize);
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
        let files = [("a.txt", b"hello\n".to_vec()), ("dir/empty", Vec::new()), ("dir/sub/big.bin", big), ("ünïcode.txt", b"x".to_vec())];
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

    const FILES: &[&str] = &["engine/worker.js", "index.html", "style-1.css"];

    fn files() -> Vec<String> {
        FILES.iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn manifest_12_has_scorm_12s_required_structure() {
        let xml = manifest(Scorm::V12, "Lesson 17: Threads & the GIL", &files());
        for needle in [
            r#"<manifest identifier="concurrency-playground-lesson-17" version="1.0""#,
            r#"xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2""#,
            r#"xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2""#,
            "<schema>ADL SCORM</schema>",
            "<schemaversion>1.2</schemaversion>",
            r#"<organizations default="lesson-17-organization">"#,
            r#"<organization identifier="lesson-17-organization">"#,
            r#"<item identifier="lesson-17-item" identifierref="lesson-17-sco" isvisible="true" parameters="?embed&amp;scorm">"#,
            "<title>Lesson 17: Threads &amp; the GIL</title>",
            r#"<resource identifier="lesson-17-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">"#,
            "<file href=\"engine/worker.js\"/>\n      <file href=\"index.html\"/>\n      <file href=\"style-1.css\"/>\n    </resource>",
        ] {
            assert!(xml.contains(needle), "missing {needle}\n{xml}");
        }
        assert!(!xml.contains("scormType"), "1.2 spells it scormtype");
    }

    #[test]
    fn manifest_2004_has_scorm_2004_4th_editions_required_structure() {
        let xml = manifest(Scorm::V2004, "Lesson 17", &files());
        for needle in [
            r#"<manifest identifier="concurrency-playground-lesson-17" version="1""#,
            r#"xmlns="http://www.imsglobal.org/xsd/imscp_v1p1""#,
            r#"xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3""#,
            r#"xmlns:imsss="http://www.imsglobal.org/xsd/imsss""#,
            "<schemaversion>2004 4th Edition</schemaversion>",
            r#"identifierref="lesson-17-sco""#,
            r#"adlcp:scormType="sco" href="index.html""#,
            "<file href=\"style-1.css\"/>",
        ] {
            assert!(xml.contains(needle), "missing {needle}\n{xml}");
        }
    }

    #[test]
    fn package_holds_the_manifest_first_and_every_file_of_dist() {
        let dir = std::env::temp_dir().join(format!("xtask-package-test-{}", std::process::id()));
        let (dist, out) = (dir.join("dist"), dir.join("out"));
        std::fs::create_dir_all(dist.join("engine")).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dist.join("engine/worker.js"), "// worker").unwrap();
        std::fs::write(dist.join(".trunk-lock"), "").unwrap();

        let written = write(&dist, &out, "Lesson 17").unwrap();
        assert_eq!(written, [out.join("concurrency-playground-scorm12.zip"), out.join("concurrency-playground-scorm2004.zip")]);
        for path in &written {
            let entries = unzip(&std::fs::read(path).unwrap());
            let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(names, ["imsmanifest.xml", "engine/worker.js", "index.html"], "no dot files");
            assert_eq!(entries[2].1, b"<!doctype html>");
        }
        // Reproducible: the same dist gives the same bytes.
        let first = std::fs::read(&written[0]).unwrap();
        write(&dist, &out, "Lesson 17").unwrap();
        assert_eq!(std::fs::read(&written[0]).unwrap(), first);

        std::fs::remove_dir_all(&dist).unwrap();
        std::fs::create_dir_all(&dist).unwrap();
        assert!(write(&dist, &out, "Lesson 17").unwrap_err().contains("no index.html"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn lesson_title_comes_from_the_contents_front_matter() {
        assert_eq!(lesson_title().unwrap(), "Lesson 17: Concurrency: Threading, Multiprocessing & the GIL");
    }
}
