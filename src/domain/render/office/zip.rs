//! The ZIP container of the office files: entries stored as they are (no compression), each with
//! its CRC-32, and the same fixed date (1980-01-01, the first ZIP date) so that the same document
//! always gives the same bytes. Word, LibreOffice and every unzip tool read stored entries; a
//! compressing library would cost about 44 KB gzip in the widget for files that are a few hundred
//! KB at most.

/// CRC-32 (IEEE 802.3, reflected, as ZIP uses it), table computed at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc = CRC_TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// 1980-01-01 00:00 in MS-DOS date format (day 1, month 1, year 0).
const DOS_DATE: u16 = 0x0021;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Fields every header shares: version needed, flags, method, time, date, CRC, sizes, name length.
fn common(out: &mut Vec<u8>, name: &str, crc: u32, size: u32) {
    u16le(out, 20); // version needed to extract: 2.0
    u16le(out, 0x0800); // flags: names in UTF-8
    u16le(out, 0); // stored
    u16le(out, 0); // time 00:00
    u16le(out, DOS_DATE);
    u32le(out, crc);
    u32le(out, size); // compressed size
    u32le(out, size); // uncompressed size
    u16le(out, name.len() as u16);
}

/// A ZIP file of these entries, in this order (the OpenDocument `mimetype` must come first).
/// Entries and the archive stay far below the 4 GB that would need ZIP64.
pub fn archive(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        u32le(&mut out, 0x0403_4b50);
        common(&mut out, name, crc, size);
        u16le(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // made by: MS-DOS, 2.0
        common(&mut central, name, crc, size);
        u16le(&mut central, 0); // extra field length
        u16le(&mut central, 0); // comment length
        u16le(&mut central, 0); // disk number
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    let length = central.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0); // this disk
    u16le(&mut out, 0); // disk with the central directory
    u16le(&mut out, entries.len() as u16);
    u16le(&mut out, entries.len() as u16);
    u32le(&mut out, length);
    u32le(&mut out, start);
    u16le(&mut out, 0); // comment length
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_the_check_string() {
        // The CRC-32 check value of "123456789".
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
