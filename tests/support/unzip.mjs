// Reads a zip archive into memory, written from the format's specification (PKWARE's APPNOTE.TXT)
// rather than from the xtask's writer, so the SCORM test checks the packages with a second,
// independent reader: every entry's CRC-32 is recomputed with Node's zlib.

import { crc32, inflateRawSync } from 'node:zlib';

const u16 = (b, at) => b.readUInt16LE(at);
const u32 = (b, at) => b.readUInt32LE(at);

/** Returns a Map of entry name → Buffer, in the archive's order; throws on anything malformed. */
export function unzip(zip) {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let end = zip.length - 22;
  while (end >= 0 && u32(zip, end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory record');
  const count = u16(zip, end + 10);
  const cdSize = u32(zip, end + 12);
  let at = u32(zip, end + 16);
  if (at + cdSize !== end) throw new Error('the central directory does not end where the end record starts');
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (u32(zip, at) !== 0x02014b50) throw new Error(`entry ${i}: no central directory header`);
    const method = u16(zip, at + 10);
    const crc = u32(zip, at + 16);
    const compressed = u32(zip, at + 20);
    const size = u32(zip, at + 24);
    const nameLength = u16(zip, at + 28);
    const local = u32(zip, at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);

    if (u32(zip, local) !== 0x04034b50) throw new Error(`${name}: no local header`);
    const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`${name}: unknown compression method ${method}`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 mismatch`);
    if (entries.has(name)) throw new Error(`${name}: twice in the archive`);
    entries.set(name, Buffer.from(data));
  }
  return entries;
}
