//! Language check: the pipeline reads English; other languages are recorded as
//! skipped, never guessed at.

use crate::record::Language;

/// How much text the detector looks at: a few paragraphs are enough to be
/// reliable (all dev articles are at 512 bytes); the cost grows with the sample.
const SAMPLE_BYTES: usize = 2 * 1024;

/// The outcome of the check.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
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
    if plainly_english(sample) {
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
    let (mut words, mut english) = (0usize, 0usize);
    let mut count = |word: &str| {
        words += 1;
        english += usize::from(is_english_word(word));
    };
    // Words are runs of letters; ASCII bytes are told apart without decoding.
    let bytes = sample.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let (letter, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphabetic(), 1)
        } else {
            let c = sample[i..].chars().next().expect("in bounds");
            (c.is_alphabetic(), c.len_utf8())
        };
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                count(&sample[s..i]);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        count(&sample[s..]);
    }
    words >= MIN_WORDS && english as f64 >= MIN_SHARE * words as f64
}

/// Whether `word` is one of `ENGLISH_WORDS`, in any case.
fn is_english_word(word: &str) -> bool {
    let mut lower = [0u8; 5];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ENGLISH_WORDS.iter().any(|e| e.as_bytes() == lower)
}

#[cfg(test)]
mod tests {
    use super::{detect, is_english_word, plainly_english};

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

    #[test]
    fn function_words_in_any_case() {
        for word in ["the", "The", "WHICH", "said", "Have"] {
            assert!(is_english_word(word), "{word}");
        }
        for word in ["thee", "th", "", "sayings", "überhaupt", "whichever"] {
            assert!(!is_english_word(word), "{word}");
        }
    }

    #[test]
    fn english_is_not_foreign() {
        let d = detect("South Korea has announced its own sanctions against North Korea for the second time in less than two months, blacklisting eight individuals and seven institutions.").unwrap();
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
