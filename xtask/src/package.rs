//! `cargo xtask package`: the lesson as SCORM packages for course platforms, one for SCORM 1.2 and
//! one for SCORM 2004 4th edition, each a zip with `imsmanifest.xml` (a single SCO) at its root
//! beside the files of dist/.
//!
//! The zips are written by the `zip` crate with deflated entries (the wasm and the lesson's HTML
//! shrink to about a third), a fixed date and fixed permissions on every entry, so the same dist/
//! always gives byte-identical packages.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use lesson_content::page::escape;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

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
        let mut entries = vec![("imsmanifest.xml".to_string(), manifest(version, title, &files).into_bytes())];
        for file in &files {
            let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("reading {file}: {e}"))?;
            entries.push((file.clone(), bytes));
        }
        let path = out.join(version.file_name());
        std::fs::write(&path, zip(&entries)?).map_err(|e| format!("writing {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// A zip of `entries`, in their order: deflated at flate2's best level, every entry dated
/// 1980-01-01 (the earliest date zip has) and `rw-r--r--`, so nothing of the machine or the moment
/// that wrote it gets in.
fn zip(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(name, options).map_err(|e| format!("zipping {name}: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("zipping {name}: {e}"))?;
    }
    Ok(zip.finish().map_err(|e| format!("finishing the zip: {e}"))?.into_inner())
}

/// "Lesson 17: Concurrency: …", from the content's front matter as the page's own parser reads it,
/// so a retitled lesson is packaged under its new title.
fn lesson_title() -> Result<String, String> {
    let path = root().join("content/lesson-17.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let meta = lesson_content::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?.meta;
    Ok(format!("Lesson {}: {}", meta.lesson, meta.title))
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
/// that lists every file. Text and attribute values go through the page's own escaper: XML needs
/// no more than HTML's `&`, `<`, `>` and `"` where every attribute is double-quoted.
fn manifest(version: Scorm, title: &str, files: &[String]) -> String {
    let title = escape(title);
    let parameters = escape(LAUNCH_PARAMETERS);
    let file_list: String = files.iter().map(|f| format!("      <file href=\"{}\"/>\n", escape(f))).collect();
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

#[cfg(test)]
mod tests {
    //! The manifests' required structure, and the whole package from a small dist. The browser
    //! suite's `tests/support/unzip.mjs` reads the real packages again with a reader of its own.

    use std::io::Read;

    use super::*;

    /// (name, data) of every entry in the archive's order, checking that each is deflated, dated
    /// 1980-01-01 and `rw-r--r--`, so that nothing of the moment or machine that wrote it got in.
    fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut entry = archive.by_index(i).unwrap();
                let name = entry.name().unwrap().to_string();
                assert_eq!(entry.compression(), CompressionMethod::Deflated, "{name}");
                assert_eq!(entry.last_modified(), Some(DateTime::DEFAULT), "{name}");
                assert_eq!(entry.unix_mode().map(|m| m & 0o777), Some(0o644), "{name}");
                let mut data = Vec::new();
                entry.read_to_end(&mut data).unwrap();
                (name, data)
            })
            .collect()
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
        let page = "<!doctype html><p>A page that deflates well.</p>\n".repeat(200);
        std::fs::write(dist.join("index.html"), &page).unwrap();
        std::fs::write(dist.join("engine/worker.js"), "// worker").unwrap();
        std::fs::write(dist.join(".trunk-lock"), "").unwrap();

        let written = write(&dist, &out, "Lesson 17").unwrap();
        assert_eq!(
            written,
            [out.join("concurrency-playground-scorm12.zip"), out.join("concurrency-playground-scorm2004.zip")]
        );
        for path in &written {
            let entries = unzip(&std::fs::read(path).unwrap());
            let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(names, ["imsmanifest.xml", "engine/worker.js", "index.html"], "no dot files");
            assert_eq!(entries[2].1, page.as_bytes());
            assert!(std::fs::metadata(path).unwrap().len() < page.len() as u64 / 4, "deflated, not stored");
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
