//! FILEPASS: an encrypted xls workbook (MS-XLS 2.4.117, 2.2.10; MS-OFFCRYPTO 2.3.5, 2.3.6).
//!
//! Excel encrypts a workbook whose structure is protected without a password to open with a
//! built-in password, "VelvetSweatshop", and opens it without asking. Such a workbook is
//! decrypted here (RC4, RC4 CryptoAPI, and the XOR obfuscation of Excel 95, [`super::xor`]) and
//! read like any other. Any other password is `file-password-protected`: nothing is guessed.
//!
//! How the stream is encrypted: record headers are left plain, and so are the records BOF,
//! FILEPASS, INTERFACEHDR, USREXCL, FILELOCK, RRDINFO, RRDHEAD and the first four bytes of
//! BOUNDSHEET (the sheet's offset). Every other byte is XORed with an RC4 key stream chosen by
//! its offset in the stream: a new key for each 1,024-byte block, derived from the password,
//! the salt and the block's number.

use super::xor::Obfuscation;
use crate::issue::Problem;
use md5::{Digest, Md5};
use sha1::Sha1;

/// The password Excel uses when the user gave none (MS-OFFCRYPTO 2.3.6.2 / MS-XLS 2.2.10).
pub(super) const DEFAULT_PASSWORD: &str = "VelvetSweatshop";

/// Bytes of the stream under one RC4 key.
const BLOCK: usize = 1024;

/// Decrypts `stream` in place from `from` on (the record after FILEPASS), when `filepass`
/// says it was encrypted with Excel's default password; otherwise the workbook is
/// password-protected.
pub(super) fn decrypt(stream: &mut [u8], from: usize, filepass: &[u8]) -> Result<(), Problem> {
    let mut cipher = Cipher::of(filepass).ok_or(Problem::FilePasswordProtected)?;
    let mut pos = from;
    while let Some(header) = stream.get(pos..pos + 4) {
        let typ = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let end = stream.len().min(pos + 4 + len);
        let start = match typ {
            // BOF, FILEPASS, INTERFACEHDR, USREXCL, FILELOCK, RRDINFO, RRDHEAD: plain.
            0x0809 | 0x002F | 0x00E1 | 0x0194 | 0x0195 | 0x0196 | 0x0138 => end,
            // BOUNDSHEET: the sheet's offset is plain.
            0x0085 => end.min(pos + 8),
            _ => pos + 4,
        };
        if let Some(data) = stream.get_mut(start..end) {
            for (at, b) in (start..).zip(data) {
                *b = cipher.plain(*b, at, len);
            }
        }
        pos += 4 + len;
    }
    Ok(())
}

/// How the stream is encrypted, with Excel's default password.
enum Cipher {
    Rc4(Box<KeyStream>),
    Xor(Obfuscation),
}

impl Cipher {
    /// The cipher of a FILEPASS record, when Excel's default password opens it.
    fn of(filepass: &[u8]) -> Option<Cipher> {
        if let Some(xor) = Obfuscation::from_filepass(filepass, DEFAULT_PASSWORD.as_bytes()) {
            return Some(Cipher::Xor(xor));
        }
        let key = Key::from_filepass(filepass, DEFAULT_PASSWORD)?;
        Some(Cipher::Rc4(Box::new(KeyStream { key, block: None })))
    }

    /// The plain byte of `byte`, found at `at` in the stream, in a record of `len` data bytes.
    fn plain(&mut self, byte: u8, at: usize, len: usize) -> u8 {
        match self {
            Cipher::Rc4(keystream) => byte ^ keystream.byte(at),
            Cipher::Xor(xor) => xor.plain(byte, at, len),
        }
    }
}

/// The RC4 key of each block of the stream.
enum Key {
    /// RC4 (MS-OFFCRYPTO 2.3.6): MD5, 128-bit keys.
    Rc4 { truncated: [u8; 5] },
    /// RC4 CryptoAPI (MS-OFFCRYPTO 2.3.5): SHA-1, keys of `bytes` bytes (40-bit keys padded
    /// to 128 bits with zeros).
    CryptoApi { base: [u8; 20], bytes: usize },
}

impl Key {
    /// The key for `password`, if the FILEPASS record is RC4 and its verifier accepts it.
    fn from_filepass(filepass: &[u8], password: &str) -> Option<Key> {
        let word = |at: usize| {
            filepass
                .get(at..at + 2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
        };
        let dword = |at: usize| {
            let b = filepass.get(at..at + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        // wEncryptionType 1 (RC4), then the version: 1.1 RC4; 2.2, 3.2, 4.2 CryptoAPI.
        if word(0)? != 1 {
            return None;
        }
        let utf16: Vec<u8> = password.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let (key, verifier, hash) = match (word(2)?, word(4)?) {
            (1, 1) => {
                let salt = filepass.get(6..22)?;
                let h0 = Md5::digest(&utf16);
                let mut buf = Vec::with_capacity(336);
                for _ in 0..16 {
                    buf.extend_from_slice(&h0[..5]);
                    buf.extend_from_slice(salt);
                }
                let mut truncated = [0u8; 5];
                truncated.copy_from_slice(&Md5::digest(&buf)[..5]);
                let key = Key::Rc4 { truncated };
                (key, filepass.get(22..38)?, filepass.get(38..54)?)
            }
            (2..=4, 2) => {
                let header_size = dword(10)?;
                let header = filepass.get(14..14usize.checked_add(header_size)?)?;
                let bits = header
                    .get(16..20)
                    .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
                let bytes = match bits {
                    0 | 40 => 5,
                    bits if bits % 8 == 0 && (40..=128).contains(&bits) => bits as usize / 8,
                    _ => return None,
                };
                let at = 14 + header_size;
                let salt = filepass.get(at + 4..at + 20)?;
                let mut h = Sha1::new();
                h.update(salt);
                h.update(&utf16);
                let base: [u8; 20] = h.finalize().into();
                let key = Key::CryptoApi { base, bytes };
                (
                    key,
                    filepass.get(at + 20..at + 36)?,
                    filepass.get(at + 40..at + 60)?,
                )
            }
            _ => return None,
        };
        key.verifies(verifier, hash).then_some(key)
    }

    /// The RC4 key of block `n`.
    fn of_block(&self, n: u32) -> Vec<u8> {
        match self {
            Key::Rc4 { truncated } => {
                let mut h = Md5::new();
                h.update(truncated);
                h.update(n.to_le_bytes());
                h.finalize().to_vec()
            }
            Key::CryptoApi { base, bytes } => {
                let mut h = Sha1::new();
                h.update(base);
                h.update(n.to_le_bytes());
                let mut key = h.finalize()[..*bytes].to_vec();
                if *bytes == 5 {
                    key.resize(16, 0);
                }
                key
            }
        }
    }

    /// Whether the verifier, decrypted with block 0's key, hashes to the decrypted hash.
    fn verifies(&self, verifier: &[u8], hash: &[u8]) -> bool {
        let mut rc4 = Rc4::new(&self.of_block(0));
        let mut verifier = verifier.to_vec();
        let mut hash = hash.to_vec();
        rc4.apply(&mut verifier);
        rc4.apply(&mut hash);
        match self {
            Key::Rc4 { .. } => Md5::digest(&verifier)[..] == hash[..],
            Key::CryptoApi { .. } => Sha1::digest(&verifier)[..] == hash[..],
        }
    }
}

/// The key stream at any offset of the stream (one block kept).
struct KeyStream {
    key: Key,
    block: Option<(usize, [u8; BLOCK])>,
}

impl KeyStream {
    fn byte(&mut self, at: usize) -> u8 {
        let n = at / BLOCK;
        if self.block.as_ref().is_none_or(|(b, _)| *b != n) {
            let mut bytes = [0u8; BLOCK];
            Rc4::new(&self.key.of_block(n as u32)).apply(&mut bytes);
            self.block = Some((n, bytes));
        }
        self.block
            .as_ref()
            .map_or(0, |(_, bytes)| bytes[at % BLOCK])
    }
}

/// The RC4 stream cipher (a few lines; no crate needed).
struct Rc4 {
    s: [u8; 256],
    i: u8,
    j: u8,
}

impl Rc4 {
    fn new(key: &[u8]) -> Rc4 {
        let mut s = [0u8; 256];
        for (i, b) in s.iter_mut().enumerate() {
            *b = i as u8;
        }
        let mut j = 0u8;
        for i in 0..256 {
            j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
            s.swap(i, usize::from(j));
        }
        Rc4 { s, i: 0, j: 0 }
    }

    fn apply(&mut self, data: &mut [u8]) {
        for b in data {
            self.i = self.i.wrapping_add(1);
            self.j = self.j.wrapping_add(self.s[usize::from(self.i)]);
            self.s.swap(usize::from(self.i), usize::from(self.j));
            let k = self.s[usize::from(
                self.s[usize::from(self.i)].wrapping_add(self.s[usize::from(self.j)]),
            )];
            *b ^= k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_matches_the_published_test_vector() {
        // RFC 6229-style vector: key "Key", plaintext "Plaintext".
        let mut data = *b"Plaintext";
        Rc4::new(b"Key").apply(&mut data);
        assert_eq!(data, [0xBB, 0xF3, 0x16, 0xE8, 0xD9, 0x40, 0xAF, 0x0A, 0xD3]);
    }

    #[test]
    fn xor_obfuscation_with_another_password_and_unknown_versions_are_password_protected() {
        let mut stream = vec![0u8; 8];
        assert_eq!(
            decrypt(&mut stream, 0, &[0, 0, 0x12, 0x34, 0x56, 0x78]),
            Err(Problem::FilePasswordProtected)
        );
        assert_eq!(
            decrypt(&mut stream, 0, &[1, 0, 9, 0, 9, 0]),
            Err(Problem::FilePasswordProtected)
        );
    }
}
