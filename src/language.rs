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

/// Detects the language of `text`; `None` when there is nothing to judge.
pub fn detect(text: &str) -> Option<Detection> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    Some(Detection {
        language: Language {
            code: info.lang().code().to_string(),
            // Three decimals: enough to read, stable across platforms.
            confidence: (info.confidence() * 1000.0).round() / 1000.0,
        },
        reliable: info.is_reliable(),
    })
}

#[cfg(test)]
mod tests {
    use super::detect;

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
