//! Language check: the pipeline reads English; other languages are recorded as
//! skipped, never guessed at.

use crate::record::Language;

/// How much text the detector looks at: a few paragraphs are enough to be
/// reliable (all dev articles are at 512 bytes); the cost grows with the sample.
const SAMPLE_BYTES: usize = 2 * 1024;

/// The first look of the fast path: a text plainly English over its first
/// kilobyte (150 words or so) is English, and the rest of the sample is not
/// read; other texts are judged on the whole sample.
const FIRST_LOOK_BYTES: usize = 1024;

/// The outcome of the check.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// The most likely language and the detector's confidence, as the record holds it.
    pub language: Language,
    /// Whether the detector is confident enough to skip a non-English article.
    pub reliable: bool,
}

impl Detection {
    /// True when the article should be skipped as reliably not English.
    pub fn is_foreign(&self) -> bool {
        self.reliable && self.language.code != "eng"
    }
}

/// English function words that other languages written in Latin letters do
/// not share (`was` and `will` are German words, `in` and `is` Dutch, `a`
/// Italian: none of them is here). In English news they are about a fifth of
/// all words; in other languages, next to none.
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "to", "that", "for", "with", "said", "from", "by", "which", "their", "would", "been", "were",
    "this", "have", "has",
];

/// The fast path: at least this many words in the sample...
const MIN_WORDS: usize = 30;
/// ...of which at least this share are `ENGLISH_WORDS`.
const MIN_SHARE: f64 = 0.12;

/// Detects the language of `text`; `None` when there is nothing to judge.
///
/// Plainly English text is recognised by its function words without running
/// the statistical detector (whatlang costs about as much as all extractors
/// together on a short article); anything else goes to whatlang.
pub fn detect(text: &str) -> Option<Detection> {
    let sample = &text[..text.floor_char_boundary(SAMPLE_BYTES)];
    let first_look = &sample[..sample.floor_char_boundary(FIRST_LOOK_BYTES)];
    if plainly_english(first_look) || (sample.len() > first_look.len() && plainly_english(sample)) {
        return Some(Detection {
            language: Language {
                code: "eng".to_string(),
                confidence: 1.0,
            },
            reliable: true,
        });
    }
    let info = whatlang::detect(sample)?;
    Some(Detection {
        language: Language {
            code: info.lang().code().to_string(),
            // Three decimals: enough to read, stable across platforms.
            confidence: (info.confidence() * 1000.0).round() / 1000.0,
        },
        reliable: info.is_reliable(),
    })
}

/// At least `MIN_WORDS` words, `MIN_SHARE` of them English function words.
fn plainly_english(sample: &str) -> bool {
    let (words, english) = english_counts(sample);
    words >= MIN_WORDS && english as f64 >= MIN_SHARE * words as f64
}

/// The words of `sample` (runs of letters) and how many are `ENGLISH_WORDS`
/// in any case. One pass over the bytes: ASCII letters are lower-cased into a
/// packed key while the word is read, and the key is compared with the
/// English words' keys (no copy, no string compare); a non-ASCII character is
/// decoded only to tell whether it is a letter.
fn english_counts(sample: &str) -> (usize, usize) {
    let bytes = sample.as_bytes();
    let letter_len = |i: usize| {
        let c = sample[i..].chars().next().expect("in bounds");
        (c.is_alphabetic(), c.len_utf8())
    };
    let (mut words, mut english) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if !b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
        } else {
            let (letter, len) = letter_len(i);
            if !letter {
                i += len;
                continue;
            }
        }
        // A word starts at `i`.
        let start = i;
        let mut key = 0u64;
        let mut ascii = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphabetic() {
                key = key << 8 | u64::from(b | 0x20);
                i += 1;
            } else if b.is_ascii() {
                break;
            } else {
                let (letter, len) = letter_len(i);
                if !letter {
                    break;
                }
                ascii = false;
                i += len;
            }
        }
        words += 1;
        english += usize::from(ascii && i - start <= MAX_ENGLISH_LEN && ENGLISH_KEYS.contains(&key));
    }
    (words, english)
}

/// The longest of `ENGLISH_WORDS`: a key holds that many letters.
const MAX_ENGLISH_LEN: usize = 5;

/// `ENGLISH_WORDS` as keys: their letters, one byte each, the last in the
/// lowest byte. Letters are never zero, so words of different lengths never
/// share a key.
const ENGLISH_KEYS: [u64; ENGLISH_WORDS.len()] = {
    let mut keys = [0u64; ENGLISH_WORDS.len()];
    let mut w = 0;
    while w < ENGLISH_WORDS.len() {
        let word = ENGLISH_WORDS[w].as_bytes();
        assert!(word.len() <= MAX_ENGLISH_LEN);
        let mut k = 0;
        while k < word.len() {
            keys[w] = keys[w] << 8 | word[k] as u64;
            k += 1;
        }
        w += 1;
    }
    keys
};

#[cfg(test)]
mod tests {
    use super::{ENGLISH_WORDS, FIRST_LOOK_BYTES, SAMPLE_BYTES, detect, english_counts, plainly_english};
    use crate::testing::picker;

    /// Whether `word` is one of `ENGLISH_WORDS`, in any case: what the packed
    /// keys of `english_counts` answer.
    fn is_english_word(word: &str) -> bool {
        ENGLISH_WORDS.iter().any(|e| e.eq_ignore_ascii_case(word))
    }

    /// Words as runs of letters, read char by char: the definition of
    /// `english_counts`.
    fn english_counts_by_chars(sample: &str) -> (usize, usize) {
        let (mut words, mut english) = (0, 0);
        for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            words += 1;
            english += usize::from(is_english_word(word));
        }
        (words, english)
    }

    #[test]
    fn counts_agree_with_reading_char_by_char() {
        // Function words, their neighbours in spelling, letters of other
        // scripts and cases, digits and punctuation, glued or spaced.
        let pieces = [
            "the",
            "The",
            "THE",
            "tHe",
            "of",
            "OF",
            "and",
            "with",
            "WHICH",
            "their",
            "been",
            "has",
            "have",
            "thee",
            "th",
            "t",
            "he",
            "said",
            "saidx",
            "fromage",
            "é",
            "É",
            "ß",
            "über",
            "the\u{301}",
            "ſ",
            "K",
            "한국",
            "日本",
            "٣",
            "1",
            "42",
            "-",
            "'",
            ".",
            ",",
            "\n",
            "\u{a0}",
            "\u{2019}",
            "s",
            "a",
            "xyz",
            "anD",
            "wITh",
        ];
        let mut next = picker(3);
        let mut english = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..1 + next(12) {
                match next(3) {
                    0 => {}
                    1 => text.push(' '),
                    _ => text.push_str([" ", "  ", ", ", "-", "\n", "'", "1"][next(7)]),
                }
                text.push_str(pieces[next(pieces.len())]);
            }
            let counts = english_counts(&text);
            assert_eq!(counts, english_counts_by_chars(&text), "text: {text:?}");
            english += counts.1;
        }
        assert!(english > 10_000, "{english} English words in all");
    }

    #[test]
    fn english_news_takes_the_fast_path_and_other_languages_do_not() {
        let english = "The United States on Tuesday imposed sanctions on eight individuals and two entities \
            that it said were involved in laundering money for North Korea, the Treasury Department said, \
            adding that the funds had been used to pay for the country's weapons programmes.";
        assert!(plainly_english(english));
        // Too short to judge by function words: whatlang decides.
        assert!(!plainly_english("The Treasury sanctioned the bank."));
        let german = "Die Bundesregierung hat am Dienstag neue Sanktionen gegen Nordkorea verhängt. Was die \
            Regierung will, ist klar: Sie will den Druck auf Pjöngjang erhöhen, sagte ein Sprecher des \
            Auswärtigen Amtes in Berlin, und die Europäische Union werde folgen.";
        let spanish = "El Gobierno de Estados Unidos anunció el martes nuevas sanciones contra ocho personas y dos \
            entidades de Corea del Norte por su participación en el lavado de dinero, según informó el \
            Departamento del Tesoro en un comunicado publicado en Washington.";
        let dutch = "De Verenigde Staten hebben dinsdag sancties opgelegd aan acht personen en twee bedrijven die \
            geld witwasten voor Noord-Korea. Dat was volgens het ministerie van Financiën in Washington \
            een reactie op de lancering van raketten, en het is niet de laatste keer.";
        for foreign in [german, spanish, dutch] {
            assert!(!plainly_english(foreign), "{foreign}");
            assert!(detect(foreign).unwrap().is_foreign(), "{foreign}");
        }
        let d = detect(english).unwrap();
        assert_eq!((d.language.code.as_str(), d.language.confidence), ("eng", 1.0));
    }

    /// A text plainly English in its first kilobyte is English without
    /// reading on; one that is not (here: too few words) is judged on the
    /// whole sample, where its English may still show.
    #[test]
    fn the_first_kilobyte_decides_when_it_is_plainly_english() {
        let english = "Washington on Tuesday imposed sanctions on eight individuals and two entities linked to \
            North Korea, the Treasury Department said in Washington on Tuesday, naming banks, traders and \
            shipping agents in Pyongyang, Dandong, Vladivostok and Singapore. ";
        let german = "Die Bundesregierung hat am Dienstag neue Sanktionen gegen Nordkorea verhängt, sagte ein \
            Sprecher des Auswärtigen Amtes in Berlin, und die Europäische Union werde folgen. ";
        // English over the first kilobyte, German after it: English.
        let text = english.repeat(1024 / english.len() + 1) + &german.repeat(8);
        assert!(!plainly_english(&text[..text.floor_char_boundary(SAMPLE_BYTES)]));
        let d = detect(&text).unwrap();
        // The fast path's certainty: whatlang, on the whole sample, is less sure.
        assert_eq!((d.language.code.as_str(), d.language.confidence), ("eng", 1.0));
        // A first kilobyte of figures and names, English after it: English
        // by the whole sample.
        let table = "NK-1 1,024 | NK-2 2,048 | ".repeat(1024 / 26 + 1);
        let text = table + &english.repeat(6);
        assert!(!plainly_english(&text[..text.floor_char_boundary(FIRST_LOOK_BYTES)]));
        let d = detect(&text).unwrap();
        assert_eq!((d.language.code.as_str(), d.language.confidence), ("eng", 1.0));
    }

    #[test]
    fn function_words_in_any_case() {
        assert_eq!(english_counts("the The WHICH said Have"), (5, 5));
        assert_eq!(english_counts("thee th sayings überhaupt whichever, the-the"), (7, 2));
    }

    #[test]
    fn english_is_not_foreign() {
        let d = detect("For a second time in under two months, South Korea has put its own sanctions on North Korea, listing eight individuals and seven institutions.").unwrap();
        assert_eq!(d.language.code, "eng");
        assert!(!d.is_foreign());
    }

    #[test]
    fn korean_and_french_are_foreign() {
        let ko = detect("한국 정부는 북한의 대륙간탄도미사일 발사에 대응해 개인 8명과 기관 7곳을 독자 제재 대상으로 지정했다고 밝혔다.").unwrap();
        assert_eq!(ko.language.code, "kor");
        assert!(ko.is_foreign());
        let fr = detect("Le Conseil a décidé aujourd'hui d'imposer des mesures restrictives à l'encontre de six personnes et de trois entités en raison de leurs activités.").unwrap();
        assert_eq!(fr.language.code, "fra");
        assert!(fr.is_foreign());
    }
}
