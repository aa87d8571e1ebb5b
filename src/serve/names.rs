//! Which division a name typed or a file's name means, against the divisions known (report.toml's
//! `divisions`, else the previous round's and those that have sent): a shortened form of a known
//! name (`กองการศึกษาฯ`), a name like another (`กองช่าง` beside `กองช่างสุขาภิบาล`, two divisions),
//! the listed name a slip of the keyboard meant, and the division a file's own name says it is.
//! Judgement only: what to answer is the upload's.

use crate::schema::text::normalize;
use std::path::Path;

/// A name as compared: normalised (spaces set aside), a closing ฯ and dots (the marks Thai
/// shortens a name with) too.
fn bare(name: &str) -> String {
    normalize(name)
        .trim_end_matches(['ฯ', '…', '.'])
        .to_string()
}

/// The known division a shortened name means: typed with a closing ฯ or dots (`กองการศึกษาฯ`,
/// `สำนักปลัด...`), when a known name begins with what precedes it. A name typed in full is
/// never taken for another: `กองช่าง` beside กองช่างสุขาภิบาล may well be a division of its own
/// (see [`similar`]).
pub fn abbreviated(typed: &str, known: &[String]) -> Option<String> {
    if known.iter().any(|k| k == typed) {
        return None;
    }
    let stem = bare(typed);
    if stem == normalize(typed) || stem.chars().count() < 4 {
        return None;
    }
    let exact = known.iter().find(|k| bare(k) == stem);
    exact
        .or_else(|| known.iter().find(|k| bare(k).starts_with(&stem)))
        .cloned()
}

/// A known division named like `division` (one name begins with the other: `กองช่าง`,
/// `กองช่างสุขาภิบาล`), to tell the sender of rather than to refuse: both may be divisions.
pub fn similar(division: &str, known: &[String]) -> Option<String> {
    let mine = bare(division);
    if mine.chars().count() < 4 {
        return None;
    }
    known
        .iter()
        .filter(|k| bare(k) != mine)
        .find(|k| {
            let theirs = bare(k);
            theirs.chars().count() >= 4 && (theirs.starts_with(&mine) || mine.starts_with(&theirs))
        })
        .cloned()
}

/// The listed division a name not on the list most likely means: one that begins with it or
/// that it begins with, else the nearest by edit distance (within a third of its letters).
pub fn nearest_listed(typed: &str, listed: &[String]) -> Option<String> {
    if let Some(found) = abbreviated(typed, listed).or_else(|| similar(typed, listed)) {
        return Some(found);
    }
    let mine = bare(typed);
    let limit = (mine.chars().count() / 3).max(1);
    listed
        .iter()
        .map(|name| (strsim::levenshtein(&mine, &bare(name)), name))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name.clone())
}

/// Whether a file's own name says it is `division`'s (`กองคลัง (1).xlsx` for กองคลัง).
pub fn named_for(file_name: &str, division: &str) -> bool {
    let file = crate::schema::division_of(Path::new(file_name));
    normalize(&file).contains(normalize(division).as_str())
}

/// The division a file's own name says it is, when that is another than `division`: a file
/// named `สำนักปลัด.xlsx` sent as กองคลัง's would replace กองคลัง's file with สำนักปลัด's
/// projects. Only the divisions `known` are named.
pub fn another_division(known: &[String], file_name: &str, division: &str) -> Option<String> {
    if named_for(file_name, division) {
        return None;
    }
    let named = crate::schema::division_listed(Path::new(file_name), known);
    known.contains(&named).then_some(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn only_a_shortened_name_is_taken_for_a_known_one() {
        let k = known(&["กองการศึกษา ศาสนาและวัฒนธรรม", "กองช่างสุขาภิบาล"]);
        let education = Some("กองการศึกษา ศาสนาและวัฒนธรรม".to_string());
        assert_eq!(abbreviated("กองการศึกษาฯ", &k), education);
        assert_eq!(abbreviated("กองการศึกษา...", &k), education);
        assert_eq!(abbreviated("กองการศึกษา ศาสนาและวัฒนธรรมฯ", &k), education);
        assert_eq!(abbreviated("กองช่าง", &k), None, "a name in full");
        assert_eq!(abbreviated("กองการศึกษา", &k), None, "a name in full");
        assert_eq!(abbreviated("กองช่างสุขาภิบาล", &k), None, "itself");
        let both = known(&["กองช่างสุขาภิบาล", "กองช่าง"]);
        assert_eq!(abbreviated("กองช่างฯ", &both).as_deref(), Some("กองช่าง"));
    }

    #[test]
    fn names_one_begins_with_are_similar_not_the_same() {
        let k = known(&["กองช่างสุขาภิบาล", "กองคลัง"]);
        assert_eq!(similar("กองช่าง", &k).as_deref(), Some("กองช่างสุขาภิบาล"));
        assert_eq!(
            similar("กองช่างสุขาภิบาลและสิ่งแวดล้อม", &k).as_deref(),
            Some("กองช่างสุขาภิบาล")
        );
        assert_eq!(similar("กองคลัง", &k), None, "itself");
        assert_eq!(similar("สำนักปลัด", &k), None);
    }

    #[test]
    fn a_slip_of_the_keyboard_finds_the_listed_name() {
        let k = known(&["กองคลัง", "กองช่าง", "สำนักปลัด"]);
        assert_eq!(nearest_listed("กองคลง", &k).as_deref(), Some("กองคลัง"));
        assert_eq!(nearest_listed("สำนักปลัดฯ", &k).as_deref(), Some("สำนักปลัด"));
        assert_eq!(nearest_listed("หน่วยตรวจสอบภายใน", &k), None);
    }
}
