//! XOR obfuscation (MS-OFFCRYPTO 2.3.7, "method 1"; MS-XLS 2.2.10), Excel 95's encryption,
//! which later Excel still writes for a workbook saved in the Excel 5.0/95 format. The FILEPASS
//! record holds a 16-bit key and a 16-bit verifier of the password; each byte of record data is
//! XORed with one of 16 bytes derived from the password, chosen by the byte's place in the
//! stream, and rotated. As for RC4, only Excel's built-in password is tried.

/// Pads a password shorter than 15 characters to the 16 bytes of the XOR array.
const PAD: [u8; 15] = [
    0xBB, 0xFF, 0xFF, 0xBA, 0xFF, 0xFF, 0xB9, 0x80, 0x00, 0xBE, 0x0F, 0x00, 0xBF, 0x0F, 0x00,
];

/// The key's starting value, by password length (1–15).
const INITIAL_CODE: [u16; 15] = [
    0xE1F0, 0x1D0F, 0xCC9C, 0x84C0, 0x110C, 0x0E10, 0xF1CE, 0x313E, 0x1872, 0xE139, 0xD40F, 0x84F9,
    0x280C, 0xA96A, 0x4EC3,
];

/// What each bit of the password adds to the key (7 bits of each of 15 characters).
const XOR_MATRIX: [u16; 105] = [
    0xAEFC, 0x4DD9, 0x9BB2, 0x2745, 0x4E8A, 0x9D14, 0x2A09, 0x7B61, 0xF6C2, 0xFDA5, 0xEB6B, 0xC6F7,
    0x9DCF, 0x2BBF, 0x4563, 0x8AC6, 0x05AD, 0x0B5A, 0x16B4, 0x2D68, 0x5AD0, 0x0375, 0x06EA, 0x0DD4,
    0x1BA8, 0x3750, 0x6EA0, 0xDD40, 0xD849, 0xA0B3, 0x5147, 0xA28E, 0x553D, 0xAA7A, 0x44D5, 0x6F45,
    0xDE8A, 0xAD35, 0x4A4B, 0x9496, 0x390D, 0x721A, 0xEB23, 0xC667, 0x9CEF, 0x29FF, 0x53FE, 0xA7FC,
    0x5FD9, 0x47D3, 0x8FA6, 0x0F6D, 0x1EDA, 0x3DB4, 0x7B68, 0xF6D0, 0xB861, 0x60E3, 0xC1C6, 0x93AD,
    0x377B, 0x6EF6, 0xDDEC, 0x45A0, 0x8B40, 0x06A1, 0x0D42, 0x1A84, 0x3508, 0x6A10, 0xAA51, 0x4483,
    0x8906, 0x022D, 0x045A, 0x08B4, 0x1168, 0x76B4, 0xED68, 0xCAF1, 0x85C3, 0x1BA7, 0x374E, 0x6E9C,
    0x3730, 0x6E60, 0xDCC0, 0xA9A1, 0x4363, 0x86C6, 0x1DAD, 0x3331, 0x6662, 0xCCC4, 0x89A9, 0x0373,
    0x06E6, 0x0DCC, 0x1021, 0x2042, 0x4084, 0x8108, 0x1231, 0x2462, 0x48C4,
];

/// The 16 bytes a workbook's data is XORed with.
pub(super) struct Obfuscation {
    array: [u8; 16],
}

impl Obfuscation {
    /// The obfuscation of `password` (ASCII, 1–15 characters), when the FILEPASS record is XOR
    /// obfuscation — BIFF5: key and verifier; BIFF8: type 0, key, verifier — and its key and
    /// verifier are those of `password`.
    pub(super) fn from_filepass(filepass: &[u8], password: &[u8]) -> Option<Obfuscation> {
        let word = |at: usize| {
            filepass
                .get(at..at + 2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
        };
        let (key, verifier) = match filepass.len() {
            4 => (word(0)?, word(2)?),
            6 if word(0)? == 0 => (word(2)?, word(4)?),
            _ => return None,
        };
        if !(1..=15).contains(&password.len()) {
            return None;
        }
        let ours = xor_key(password);
        (key == ours && verifier == password_verifier(password)).then(|| Obfuscation {
            array: xor_array(password, ours),
        })
    }

    /// The plain byte of `byte`, found at `at` in the stream, in a record of `len` data bytes.
    pub(super) fn plain(&self, byte: u8, at: usize, len: usize) -> u8 {
        byte.rotate_left(3) ^ self.array[(at + len) % 16]
    }
}

/// The 16-bit key of `password` (MS-OFFCRYPTO 2.3.7.2 CreateXorKey_Method1).
fn xor_key(password: &[u8]) -> u16 {
    let mut key = INITIAL_CODE[password.len() - 1];
    let mut element = XOR_MATRIX.len() - 1;
    for &c in password.iter().rev() {
        let mut c = c;
        for _ in 0..7 {
            if c & 0x40 != 0 {
                key ^= XOR_MATRIX[element];
            }
            c = c.wrapping_mul(2);
            element = element.saturating_sub(1);
        }
    }
    key
}

/// The 16-bit verifier of `password` (MS-OFFCRYPTO 2.3.7.1 CreatePasswordVerifier_Method1).
fn password_verifier(password: &[u8]) -> u16 {
    let length = password.len() as u8;
    let mut verifier: u16 = 0;
    for &byte in password.iter().rev().chain(std::iter::once(&length)) {
        let high = u16::from(verifier & 0x4000 != 0);
        verifier = (((verifier << 1) & 0x7FFF) | high) ^ u16::from(byte);
    }
    verifier ^ 0xCE4B
}

/// The password, padded to 16 bytes, XORed with the key's bytes in turn and rotated.
fn xor_array(password: &[u8], key: u16) -> [u8; 16] {
    let mut array = [0u8; 16];
    for (i, b) in array.iter_mut().enumerate() {
        let plain = password
            .get(i)
            .or_else(|| PAD.get(i - password.len()))
            .copied()
            .unwrap_or(0);
        let key_byte = key.to_le_bytes()[i % 2];
        *b = (plain ^ key_byte).rotate_left(2);
    }
    array
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Excel's built-in password gives the key and verifier found in the FILEPASS record of
    /// an Excel-written workbook (Apache POI's test file 60284.xls: `59 b3 0a 9a`).
    #[test]
    fn the_default_password_gives_excels_key_and_verifier() {
        assert_eq!(xor_key(b"VelvetSweatshop"), 0xB359);
        assert_eq!(password_verifier(b"VelvetSweatshop"), 0x9A0A);
        let filepass = [0x59, 0xB3, 0x0A, 0x9A];
        assert!(Obfuscation::from_filepass(&filepass, b"VelvetSweatshop").is_some());
        let biff8 = [0x00, 0x00, 0x59, 0xB3, 0x0A, 0x9A];
        assert!(Obfuscation::from_filepass(&biff8, b"VelvetSweatshop").is_some());
        // Another password's key and verifier: not ours.
        let other = [0x7A, 0x14, 0xAF, 0x83];
        assert!(Obfuscation::from_filepass(&other, b"VelvetSweatshop").is_none());
    }
}
