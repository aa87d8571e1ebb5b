//! Copies of the committed seeds changed by code, for what LibreOffice will not write: an xls
//! whose workbook stream gets a FILEPASS record (RC4 with a chosen password, or XOR
//! obfuscation, with Excel's default password or another); an ods whose `content.xml` is indented as odfpy and PhpSpreadsheet write it;
//! far formatting (a formatted empty cell at IV65536 in xls, formatted rows down to XFD1048576
//! in ods), which LibreOffice drops when it converts.

use md5::{Digest, Md5};
use std::io::{Cursor, Read, Write};

/// Records left plain in an encrypted stream (MS-XLS 2.2.10): BOF, FILEPASS, INTERFACEHDR,
/// USREXCL, FILELOCK, RRDINFO, RRDHEAD. BOUNDSHEET keeps its first four bytes plain.
const PLAIN: [u16; 7] = [0x0809, 0x002F, 0x00E1, 0x0194, 0x0195, 0x0196, 0x0138];

/// How to encrypt.
#[derive(Debug, Clone, Copy)]
pub enum Cipher<'a> {
    /// RC4 (MS-OFFCRYPTO 2.3.6) with this password; "VelvetSweatshop" is Excel's default.
    Rc4(&'a str),
    /// RC4 CryptoAPI (MS-OFFCRYPTO 2.3.5, Excel 2002–2003's default), 128-bit, with this password.
    CryptoApi(&'a str),
    /// XOR obfuscation (Excel 95) with Excel's default password: its key and verifier as
    /// Excel writes them (Apache POI's 60284.xls: `59 b3 0a 9a`).
    XorDefault,
    /// XOR obfuscation with the password "password": its key and verifier as SheetJS's
    /// `password_2002_40_xor.xls` holds them (`7a 14 af 83`).
    XorOther,
}

/// Pads a password to the 16 bytes of the XOR array (MS-OFFCRYPTO 2.3.7.2).
const XOR_PAD: [u8; 15] = [
    0xBB, 0xFF, 0xFF, 0xBA, 0xFF, 0xFF, 0xB9, 0x80, 0x00, 0xBE, 0x0F, 0x00, 0xBF, 0x0F, 0x00,
];

/// The XOR array of `password` under `key`: each padded byte XORed with a byte of the key and
/// rotated left by two.
fn xor_array(password: &[u8], key: u16) -> Vec<u8> {
    let padded = password.iter().chain(&XOR_PAD).take(16);
    padded
        .enumerate()
        .map(|(i, b)| (b ^ key.to_le_bytes()[i % 2]).rotate_left(2))
        .collect()
}

/// The Workbook stream of an xls.
pub fn workbook_stream(xls: &[u8]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::open(Cursor::new(xls)).expect("compound file");
    let mut out = Vec::new();
    file.open_stream("Workbook")
        .expect("Workbook stream")
        .read_to_end(&mut out)
        .expect("read");
    out
}

/// A compound file holding only `stream` as its Workbook stream.
pub fn xls_with_stream(stream: &[u8]) -> Vec<u8> {
    let mut file =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
            .expect("create");
    file.create_stream("Workbook")
        .expect("stream")
        .write_all(stream)
        .expect("write");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

/// Each record of a stream: (offset, type, length).
fn records(stream: &[u8]) -> Vec<(usize, u16, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]));
        out.push((pos, typ, len));
        pos += 4 + len;
    }
    out
}

/// `xls` with its workbook stream encrypted: a FILEPASS record after the first BOF, every
/// BOUNDSHEET offset moved past it, and the data of every other record encrypted.
pub fn encrypt_xls(xls: &[u8], cipher: Cipher<'_>) -> Vec<u8> {
    let plain = workbook_stream(xls);
    let (filepass, key) = match cipher {
        Cipher::Rc4(password) => rc4_filepass(password),
        Cipher::CryptoApi(password) => crypto_api_filepass(password),
        Cipher::XorDefault => (vec![0, 0, 0x59, 0xB3, 0x0A, 0x9A], None),
        Cipher::XorOther => (vec![0, 0, 0x7A, 0x14, 0xAF, 0x83], None),
    };
    let xor = match cipher {
        Cipher::XorDefault => xor_array(b"VelvetSweatshop", 0xB359),
        _ => xor_array(b"password", 0x147A),
    };
    let bof_end = 4 + records(&plain)[0].2;
    let shift = 4 + filepass.len();
    let mut stream = plain[..bof_end].to_vec();
    stream.extend(0x002Fu16.to_le_bytes());
    stream.extend((filepass.len() as u16).to_le_bytes());
    stream.extend(&filepass);
    stream.extend(&plain[bof_end..]);
    let mut blocks = std::collections::HashMap::new();
    for (pos, typ, len) in records(&stream) {
        if pos < bof_end + shift {
            continue;
        }
        let mut start = pos + 4;
        if typ == 0x0085 {
            let at = pos + 4;
            let offset = u32::from_le_bytes(stream[at..at + 4].try_into().expect("4 bytes"));
            let moved = offset + shift as u32;
            stream[at..at + 4].copy_from_slice(&moved.to_le_bytes());
            start += 4;
        }
        if PLAIN.contains(&typ) {
            continue;
        }
        for (at, b) in (start..).zip(&mut stream[start..pos + 4 + len]) {
            *b = match &key {
                Some(key) => {
                    *b ^ blocks
                        .entry(at / 1024)
                        .or_insert_with(|| rc4_keystream(&key.block((at / 1024) as u32), 1024))
                        [at % 1024]
                }
                // XOR obfuscation: by the byte's place and the record's length.
                None => (*b ^ xor[(at + len) % 16]).rotate_right(3),
            };
        }
    }
    xls_with_stream(&stream)
}

/// Where each block's RC4 key comes from.
enum BlockKey {
    /// RC4 1.1: MD5 of the truncated password hash and the block number.
    Md5([u8; 5]),
    /// CryptoAPI: SHA-1 of the salted password hash and the block number, 128 bits.
    Sha1([u8; 20]),
}

impl BlockKey {
    fn block(&self, block: u32) -> Vec<u8> {
        match self {
            BlockKey::Md5(truncated) => block_key(truncated, block),
            BlockKey::Sha1(base) => {
                let mut h = sha1::Sha1::new();
                h.update(base);
                h.update(block.to_le_bytes());
                h.finalize()[..16].to_vec()
            }
        }
    }
}

/// Fixed salt and verifier, so fixtures are repeatable.
const SALT: [u8; 16] = *b"planmerge salt!!";
const VERIFIER: [u8; 16] = *b"verifier 16 byte";

/// `plain` encrypted with block 0's key (the verifier and its hash, one key stream).
fn encrypt_verifier(key: &BlockKey, plain: &[u8]) -> Vec<u8> {
    let keystream = rc4_keystream(&key.block(0), plain.len());
    plain.iter().zip(keystream).map(|(b, k)| b ^ k).collect()
}

/// FILEPASS for RC4 CryptoAPI 4.2 with `password`: header (RC4, SHA-1, 128-bit key) and
/// verifier.
fn crypto_api_filepass(password: &str) -> (Vec<u8>, Option<BlockKey>) {
    let utf16: Vec<u8> = password.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut h = sha1::Sha1::new();
    h.update(SALT);
    h.update(&utf16);
    let key = BlockKey::Sha1(h.finalize().into());
    let csp: Vec<u8> = "Microsoft Enhanced Cryptographic Provider v1.0\0"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut header = Vec::new();
    for word in [0x04u32, 0, 0x6801, 0x8004, 128, 1, 0, 0] {
        header.extend(word.to_le_bytes());
    }
    header.extend(csp);
    let mut filepass = vec![1, 0, 4, 0, 2, 0];
    filepass.extend(0x04u32.to_le_bytes());
    filepass.extend((header.len() as u32).to_le_bytes());
    filepass.extend(header);
    filepass.extend(16u32.to_le_bytes());
    filepass.extend(SALT);
    let mut secret = VERIFIER.to_vec();
    secret.extend(sha1::Sha1::digest(VERIFIER));
    let secret = encrypt_verifier(&key, &secret);
    filepass.extend(&secret[..16]);
    filepass.extend(20u32.to_le_bytes());
    filepass.extend(&secret[16..]);
    (filepass, Some(key))
}

/// FILEPASS for RC4 1.1 with `password`, and the block keys.
fn rc4_filepass(password: &str) -> (Vec<u8>, Option<BlockKey>) {
    let (salt, verifier) = (SALT, VERIFIER);
    let utf16: Vec<u8> = password.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let h0 = Md5::digest(&utf16);
    let mut buf = Vec::new();
    for _ in 0..16 {
        buf.extend_from_slice(&h0[..5]);
        buf.extend_from_slice(&salt);
    }
    let truncated: [u8; 5] = Md5::digest(&buf)[..5].try_into().expect("5 bytes");
    let key = BlockKey::Md5(truncated);
    let mut secret = verifier.to_vec();
    secret.extend(Md5::digest(verifier));
    let mut filepass = vec![1, 0, 1, 0, 1, 0];
    filepass.extend(salt);
    filepass.extend(encrypt_verifier(&key, &secret));
    (filepass, Some(key))
}

fn block_key(truncated: &[u8; 5], block: u32) -> Vec<u8> {
    let mut h = Md5::new();
    h.update(truncated);
    h.update(block.to_le_bytes());
    h.finalize().to_vec()
}

/// The first `n` bytes of RC4's key stream for `key`.
fn rc4_keystream(key: &[u8], n: usize) -> Vec<u8> {
    let mut s: Vec<u8> = (0..=255).collect();
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, j as usize);
    }
    let (mut i, mut j) = (0u8, 0u8);
    (0..n)
        .map(|_| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[i as usize]);
            s.swap(i as usize, j as usize);
            s[s[i as usize].wrapping_add(s[j as usize]) as usize]
        })
        .collect()
}

/// `content.xml` indented: a new line and two spaces a level before every tag that follows
/// another tag, except inside `<text:p>` (where whitespace would be the cell's text).
pub fn indent_content_xml(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(xml.to_vec()).expect("utf-8");
    let mut out = String::with_capacity(text.len() * 2);
    let (mut depth, mut in_paragraph) = (0usize, 0usize);
    let mut rest = text.as_str();
    while let Some(open) = rest.find('<') {
        let close = open + rest[open..].find('>').expect("tag closed");
        let (before, tag) = (&rest[..open], &rest[open..=close]);
        out.push_str(before);
        let closing = tag.starts_with("</");
        let empty = tag.ends_with("/>") || tag.starts_with("<?");
        if closing {
            depth = depth.saturating_sub(1);
        }
        if before.is_empty() && in_paragraph == 0 && !out.is_empty() {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        }
        out.push_str(tag);
        let name = tag.trim_start_matches("</").trim_start_matches('<');
        if name.starts_with("text:p")
            && (name.as_bytes().get(6) == Some(&b'>') || name.as_bytes().get(6) == Some(&b' '))
        {
            if closing {
                in_paragraph = in_paragraph.saturating_sub(1);
            } else if !empty {
                in_paragraph += 1;
            }
        }
        if !closing && !empty {
            depth += 1;
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// `xls` with one formatted empty cell (a BLANK record) at IV65536 before its sheet's EOF, and
/// its DIMENSIONS widened to A1:IV65536 as Excel writes it.
pub fn xls_with_far_format(xls: &[u8]) -> Vec<u8> {
    let mut stream = workbook_stream(xls);
    let all = records(&stream);
    for &(pos, typ, len) in &all {
        if typ == 0x0200 && len == 14 {
            stream[pos + 8..pos + 12].copy_from_slice(&65536u32.to_le_bytes());
            stream[pos + 14..pos + 16].copy_from_slice(&256u16.to_le_bytes());
        }
    }
    let (eof, _, _) = *all.iter().rev().find(|r| r.1 == 0x000A).expect("EOF");
    // BLANK: row 65535, column 255, XF 15 (the default cell format).
    let blank = [0x01, 0x02, 6, 0, 0xFF, 0xFF, 0xFF, 0x00, 15, 0];
    stream.splice(eof..eof, blank);
    xls_with_stream(&stream)
}

/// `content.xml` with formatted, empty rows after the table, down to XFD1048576 (a clerk who
/// formatted whole columns).
pub fn ods_with_far_format(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(xml.to_vec()).expect("utf-8");
    let formatted = concat!(
        r#"<table:table-row table:number-rows-repeated="1048573">"#,
        r#"<table:table-cell table:style-name="Default" table:number-columns-repeated="16384"/>"#,
        r#"</table:table-row></table:table>"#
    );
    text.replacen("</table:table>", formatted, 1).into_bytes()
}
