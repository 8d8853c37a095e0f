//! Character repair: one pass that maps typographic quotes, dashes and spaces to
//! their ASCII forms and drops invisible characters.
//!
//! Extractors match plain ASCII punctuation, so every curly quote or en dash that
//! survives here is a pattern some rule would have to spell twice.

/// What a character becomes in the clean text.
enum Repair {
    Keep,
    Drop,
    Into(&'static str),
}

fn repair(c: char) -> Repair {
    match c {
        // Quotes and primes.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => Repair::Into("'"),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' | '\u{00AB}' | '\u{00BB}' => {
            Repair::Into("\"")
        }
        // Hyphens, dashes and minus signs.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Repair::Into("-"),
        // Spaces of every width.
        '\t'
        | '\u{000B}'
        | '\u{000C}'
        | '\u{00A0}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Repair::Into(" "),
        // Line and paragraph separators.
        '\u{0085}' | '\u{2028}' | '\u{2029}' => Repair::Into("\n"),
        '\u{2026}' => Repair::Into("..."),
        // Soft hyphen, zero-width characters, byte order mark.
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}' => Repair::Drop,
        '\n' => Repair::Keep,
        c if is_stray_control(c) => Repair::Drop,
        _ => Repair::Keep,
    }
}

/// A control character that cleaning drops (not a line break, tab or other
/// whitespace, which become spaces or newlines).
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{000B}' | '\u{000C}' | '\u{0085}')
}

/// Whether `text` holds a character [`is_stray_control`] drops, read from
/// the bytes: control characters are ASCII bytes or, from U+0080 to U+009F,
/// two bytes led by 0xC2. Printable ASCII is passed over eight bytes at a time.
pub fn has_stray_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    let stray_at = |i: usize| match bytes[i] {
        b @ 0x00..=0x1F => !matches!(b, b'\n' | b'\r' | b'\t' | 0x0B | 0x0C),
        0x7F => true,
        0xC2 => bytes
            .get(i + 1)
            .is_some_and(|&next| (0x80..=0x9F).contains(&next) && next != 0x85),
        _ => false,
    };
    let mut i = 0;
    while i + 8 <= bytes.len() {
        if !printable_chunk(&bytes[i..i + 8]) && (i..i + 8).any(stray_at) {
            return true;
        }
        i += 8;
    }
    (i..bytes.len()).any(stray_at)
}

/// Whether eight bytes are all printable ASCII (0x20 to 0x7E), tested at once.
fn printable_chunk(eight: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let chunk = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
    // A byte below 0x20, or from 0x7F up, sets its high bit in one of these.
    let low = chunk.wrapping_sub(ONES * 0x20) & !chunk & HIGHS;
    let high = (chunk.wrapping_add(ONES) | chunk) & HIGHS;
    low | high == 0
}

/// The length of the run of printable ASCII and line feeds `bytes` starts with.
fn printable_run(bytes: &[u8]) -> usize {
    let kept = |b: u8| b == b'\n' || (0x20..0x7f).contains(&b);
    let mut i = 0;
    while i + 8 <= bytes.len() {
        if !printable_chunk(&bytes[i..i + 8])
            && let Some(k) = bytes[i..i + 8].iter().position(|&b| !kept(b))
        {
            return i + k;
        }
        i += 8;
    }
    i + bytes[i..].iter().position(|&b| !kept(b)).unwrap_or(bytes.len() - i)
}

/// Repairs characters and line endings (`\r\n` and `\r` become `\n`).
pub fn repair_chars(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut at = 0;
    while at < bytes.len() {
        // Printable ASCII and line breaks stay as they are: copied by runs.
        let run = printable_run(&bytes[at..]);
        out.push_str(&raw[at..at + run]);
        at += run;
        let Some(c) = raw[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if c == '\r' {
            if bytes.get(at) != Some(&b'\n') {
                out.push('\n');
            }
            continue;
        }
        match repair(c) {
            Repair::Keep => out.push(c),
            Repair::Drop => {}
            Repair::Into(s) => out.push_str(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{has_stray_control, is_stray_control, printable_run, repair_chars};

    #[test]
    fn printable_runs_end_where_a_byte_scan_ends_them() {
        let pieces = [
            "a",
            "The ",
            "\n",
            "\r",
            "\t",
            "~",
            "\u{7f}",
            "é",
            "\u{201c}",
            "\0",
            "0123456789",
        ];
        let mut next = crate::testing::picker(3);
        for _ in 0..5_000 {
            let text: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let bytes = text.as_bytes();
            let expected = bytes
                .iter()
                .position(|&b| !(b == b'\n' || (0x20..0x7f).contains(&b)))
                .unwrap_or(bytes.len());
            assert_eq!(printable_run(bytes), expected, "{text:?}");
        }
    }

    #[test]
    fn stray_controls_are_found_in_bytes_as_in_characters() {
        let mut wrong = Vec::new();
        for c in (0..0x3000).filter_map(char::from_u32) {
            for before in 0..10 {
                let text = format!("{}{c}{}", "a".repeat(before), "b".repeat(10 - before));
                if has_stray_control(&text) != text.contains(is_stray_control) {
                    wrong.push(c as u32);
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:x?}");
        assert!(has_stray_control("tab\tand bell\u{7}") && !has_stray_control("line\r\nnext\u{85}é"));
    }

    #[test]
    fn examples() {
        let cases = [
            (
                "the United States\u{2019} recent crackdown",
                "the United States' recent crackdown",
            ),
            (
                "\u{201C}coordination\u{201D} is important",
                "\"coordination\" is important",
            ),
            ("is clear \u{2014} it urges", "is clear - it urges"),
            ("$3\u{2013}4 billion", "$3-4 billion"),
            ("state\u{2011}sanctioned", "state-sanctioned"),
            ("a\u{00A0}b\tc", "a b c"),
            ("\u{FEFF}text\u{200B}with\u{00AD}out", "textwithout"),
            ("line\r\nnext\rlast", "line\nnext\nlast"),
            ("NUL\u{0}byte", "NULbyte"),
            ("approaching \u{2026} a threat", "approaching ... a threat"),
            ("한국 emoji 🎉 and e\u{0301}", "한국 emoji 🎉 and e\u{0301}"),
            // Runs of ASCII are copied whole: edges next to repaired characters.
            ("\r", "\n"),
            ("\r\n", "\n"),
            ("end\r", "end\n"),
            ("\u{7f}del\u{1}\u{2019}s\r\r\nx\u{a0}", "del's\n\nx "),
            ("~ \u{0b}\u{0c}\u{85}", "~   \n"),
        ];
        for (input, expected) in cases {
            assert_eq!(repair_chars(input), expected, "input: {input:?}");
        }
    }
}
