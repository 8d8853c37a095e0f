//! Page furniture: whole lines that belong to the page, not to the article.
//!
//! Each rule is a name and a case-insensitive pattern that must match the whole
//! line. Rules only look at short lines ([`MAX_FURNITURE_CHARS`]): a paragraph of
//! article text is never dropped for containing one of these phrases.

use crate::per_thread::PerThread;
use regex::RegexSet;
use std::sync::LazyLock;

/// Lines longer than this are article text, whatever they contain.
pub const MAX_FURNITURE_CHARS: usize = 240;

const SOCIAL: &str =
    "facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|print|copy link|flipboard";

/// The furniture rules (ASCII word boundaries `(?-u:\b)`: the Unicode ones keep
/// the regex engines off their fast paths): a name (reported by [`furniture_rule`]) and a pattern.
pub static RULES: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    vec![
        // "Share", "Share this article", "Facebook | Twitter | Email".
        (
            "share",
            format!(
                r"(share|share this( article| story| post| page)?|share (on|via) ({SOCIAL})|tweet( this)?|({SOCIAL})( ?[|·•,/] ?({SOCIAL}))*)[:.!]?"
            ),
        ),
        (
            "comments",
            r"(leave a (reply|comment)|post a comment|add a comment|cancel reply|\d+ comments?|comments?( \(\d+\))?|(view|show|load) (all )?comments|your email address will not be published.*|required fields are marked.*)".into(),
        ),
        ("source_link", r"source link".into()),
        ("copyright", r"(©|\(c\) |copyright(?-u:\b)).*|.*(?-u:\b)all rights reserved\.?".into()),
        // Shortcodes left by CMS exports: `[time-brightcove not-tgx="true"]`, `[embed]...[/embed]`.
        (
            "embed_code",
            r#"\[[a-z][a-z0-9_-]*( [^\]]*)?\](.*\[/[a-z][a-z0-9_-]*\])?"#.into(),
        ),
        (
            "read_more",
            r"(read more|read also|also read|related|related articles?|related stories|see also|recommended|you may also like|more from [^:]{1,40}|watch|listen)\s*[:>»-].*".into(),
        ),
        (
            "sign_up",
            r"((sign up|subscribe|register|join)(?-u:\b).{0,120}(?-u:\b)(newsletter|inbox|updates|free|today|now)(?-u:\b).*|(get|receive)(?-u:\b).{0,120}(?-u:\b)in your inbox(?-u:\b).*)".into(),
        ),
        (
            "trading_reward",
            r"((get|claim|earn|unlock|receive|win|grab|enjoy)(?-u:\b).{0,60}(?-u:\b)(trading rewards?|bonus(es)?)(?-u:\b).*|.*(?-u:\b)(sign-?up bonus|welcome bonus|deposit bonus|bonus code|referral code)(?-u:\b).*)".into(),
        ),
        ("breadcrumb", r"home\s*[/>»|]\s*.*".into()),
        ("post_appeared", r"the post .+ appeared first on .+".into()),
        ("advertisement", r"(advertisement|advert|sponsored( content)?|ad|story continues below( advertisement)?)".into()),
        // Slideshow controls: "Image 1 of 5", "This slideshow requires JavaScript."
        ("slideshow", r"(image|photo|slide) \d+ of \d+|this slideshow requires javascript\.?".into()),
        ("follow_us", r"follow us (on|at)(?-u:\b).*".into()),
        ("click_here", r"click here(?-u:\b).*".into()),
    ]
});

static SET: PerThread<RegexSet> = PerThread::new(|| {
    RegexSet::new(RULES.iter().map(|(_, pattern)| format!(r"(?i)^(?:{pattern})$"))).expect("furniture patterns compile")
});

/// The name of the furniture rule a line matches, if any. `line` is one trimmed,
/// whitespace-collapsed line of text.
pub fn furniture_rule(line: &str) -> Option<&'static str> {
    // A line of at most that many bytes has at most that many characters:
    // only longer ones are counted.
    if line.len() > MAX_FURNITURE_CHARS * 4
        || (line.len() > MAX_FURNITURE_CHARS && line.chars().count() > MAX_FURNITURE_CHARS)
    {
        return None;
    }
    // `is_match` runs on the fast DFA engines; finding which rule matched needs
    // the slow one, so it only runs on the rare line that is furniture.
    if !SET.is_match(line) {
        return None;
    }
    SET.matches(line).iter().next().map(|i| RULES[i].0)
}

#[cfg(test)]
mod tests {
    use super::furniture_rule;

    #[test]
    fn furniture_lines() {
        let cases = [
            ("Share", "share"),
            ("Share this article", "share"),
            ("Facebook | Twitter | Email", "share"),
            ("Leave a Reply", "comments"),
            (
                "Your email address will not be published. Required fields are marked *",
                "comments",
            ),
            ("12 Comments", "comments"),
            ("Source link", "source_link"),
            (
                "© The Asia Business Daily(www.asiae.co.kr). All rights reserved.",
                "copyright",
            ),
            ("Copyright 2024 Reuters", "copyright"),
            ("Reporting by Jane Doe. All Rights Reserved.", "copyright"),
            ("[time-brightcove not-tgx=\"true\"]", "embed_code"),
            ("[embed]https://www.youtube.com/watch?v=x[/embed]", "embed_code"),
            (
                "Read More: The Risk of Nuclear War is Now a Daily Issue for the Biden Administration",
                "read_more",
            ),
            ("Related: Treasury targets DPRK IT workers", "read_more"),
            ("Sign up for our daily newsletter", "sign_up"),
            ("Get the latest crypto news in your inbox", "sign_up"),
            (
                "Get up to $30,050 in trading rewards when you join Bybit today",
                "trading_reward",
            ),
            ("Home / CRYPTO / Seoul Considers Sanctions on North Korea", "breadcrumb"),
            ("Home > National > Politics", "breadcrumb"),
            (
                "The post Seoul weighs sanctions appeared first on Crypto News.",
                "post_appeared",
            ),
            ("ADVERTISEMENT", "advertisement"),
            ("Advert", "advertisement"),
            ("Image 1 of 5", "slideshow"),
            ("This slideshow requires JavaScript.", "slideshow"),
            ("Follow us on Twitter for more", "follow_us"),
        ];
        for (line, rule) in cases {
            assert_eq!(furniture_rule(line), Some(rule), "line: {line:?}");
        }
    }

    #[test]
    fn article_lines_are_kept() {
        let lines = [
            "Share prices of sanctioned banks fell sharply on Monday.",
            "Home Secretary James Cleverly said the measures would apply from Friday.",
            "Related entities were also designated by the Treasury.",
            "Today the Council added six more individuals and three entities to its list.",
            "[Asia Economy Reporter Yoo In-ho] South Korea and the United States have stepped up pressure.",
            "Comments by the minister drew criticism from Pyongyang.",
            "Kim Jong Un's copyright on the slogan was never tested.",
            "Among those named is Kim Su-kwang, a North Korean agent posted to Belarus.",
            "Advertisement revenue fell as the regime tightened control of media.",
            "Watchdogs say the rule is weak.",
            "Photo 3 of the leaked set shows the vessel in Nampo.",
            "The newsletter reported that the exchange had frozen the accounts.",
            "The exchange paid trading rewards to users in North Korea, investigators said.",
            "North Korea stole $3 billion, Treasury said, in what it called a signup bonus scheme for hackers spread over many exchanges and years of laundering through mixers and bridges, with the funds moving through dozens of wallets before reaching accounts that officials in Pyongyang control directly or through intermediaries abroad.",
        ];
        for line in lines {
            assert_eq!(furniture_rule(line), None, "line: {line:?}");
        }
    }
}
