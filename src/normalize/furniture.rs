//! Page furniture: whole lines that belong to the page, not to the article.
//!
//! Each rule is a name and a case-insensitive pattern that must match the whole
//! line. Rules only look at short lines ([`MAX_FURNITURE_CHARS`]): a paragraph of
//! article text is never dropped for containing one of these phrases.

use crate::per_thread::PerThread;
use crate::rule::Spec;
use regex::RegexSet;
use std::sync::LazyLock;

/// Lines longer than this are article text, whatever they contain.
pub const MAX_FURNITURE_CHARS: usize = 240;

const SOCIAL: &str =
    "facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|print|copy link|flipboard";

/// The furniture rules (ASCII word boundaries `(?-u:\b)`: the Unicode ones keep
/// the regex engines off their fast paths): name, examples and negatives (the
/// name reported by [`furniture_rule`]), and a pattern. The production is
/// the line's removal.
pub(crate) static RULES: LazyLock<Vec<(Spec, String)>> = LazyLock::new(|| {
    vec![
        // "Share", "Share this article", "Facebook | Twitter | Email".
        (
            Spec::new("share", &[("Share", ""), ("Share this article", ""), ("Facebook | Twitter | Email", "")], &["Share prices of sanctioned banks fell sharply on Monday."]),
            format!(
                r"(share|share this( article| story| post| page)?|share (on|via) ({SOCIAL})|tweet( this)?|({SOCIAL})( ?[|·•,/] ?({SOCIAL}))*)[:.!]?"
            ),
        ),
        (
            Spec::new("comments", &[("Leave a Reply", ""), ("Your email address will not be published. Required fields are marked *", ""), ("12 Comments", "")], &["Comments by the minister drew criticism from Pyongyang."]),
            r"(leave a (reply|comment)|post a comment|add a comment|cancel reply|\d+ comments?|comments?( \(\d+\))?|(view|show|load) (all )?comments|your email address will not be published.*|required fields are marked.*)".into(),
        ),
        (
            Spec::new("source_link", &[("Source link", "")], &["Source links to the ministry were cut."]), r"source link".into()),
        (
            Spec::new("copyright", &[("© The Asia Business Daily(www.asiae.co.kr). All rights reserved.", ""), ("Copyright 2024 Reuters", ""), ("Reporting by Jane Doe. All Rights Reserved.", "")], &["Kim Jong Un's copyright on the slogan was never tested."]), r"(©|\(c\) |copyright(?-u:\b)).*|.*(?-u:\b)all rights reserved\.?".into()),
        // Shortcodes left by CMS exports: `[time-brightcove not-tgx="true"]`, `[embed]...[/embed]`.
        (
            Spec::new("embed_code", &[("[time-brightcove not-tgx=\"true\"]", ""), ("[embed]https://www.youtube.com/watch?v=x[/embed]", "")], &["[Asia Economy Reporter Yoo In-ho] South Korea and the United States have stepped up pressure."]),
            r#"\[[a-z][a-z0-9_-]*( [^\]]*)?\](.*\[/[a-z][a-z0-9_-]*\])?"#.into(),
        ),
        (
            Spec::new("read_more", &[("Read More: The Risk of Nuclear War is Now a Daily Issue for the Biden Administration", ""), ("Related: Treasury targets DPRK IT workers", "")], &["Related entities were also designated by the Treasury."]),
            r"(read more|read also|also read|related|related articles?|related stories|see also|recommended|you may also like|more from [^:]{1,40}|watch|listen)\s*[:>»-].*".into(),
        ),
        (
            Spec::new("sign_up", &[("Sign up for our daily newsletter", ""), ("Get the latest crypto news in your inbox", "")], &["The newsletter reported that the exchange had frozen the accounts."]),
            r"((sign up|subscribe|register|join)(?-u:\b).{0,120}(?-u:\b)(newsletter|inbox|updates|free|today|now)(?-u:\b).*|(get|receive)(?-u:\b).{0,120}(?-u:\b)in your inbox(?-u:\b).*)".into(),
        ),
        (
            Spec::new("trading_reward", &[("Get up to $30,050 in trading rewards when you join Bybit today", "")], &["The exchange paid trading rewards to users in North Korea, investigators said.", "North Korea stole $3 billion, Treasury said, in what it called a signup bonus scheme for hackers spread over many exchanges and years of laundering through mixers and bridges, with the funds moving through dozens of wallets before reaching accounts that officials in Pyongyang control directly or through intermediaries abroad."]),
            r"((get|claim|earn|unlock|receive|win|grab|enjoy)(?-u:\b).{0,60}(?-u:\b)(trading rewards?|bonus(es)?)(?-u:\b).*|.*(?-u:\b)(sign-?up bonus|welcome bonus|deposit bonus|bonus code|referral code)(?-u:\b).*)".into(),
        ),
        (
            Spec::new("breadcrumb", &[("Home / CRYPTO / Seoul Considers Sanctions on North Korea", ""), ("Home > National > Politics", "")], &["Home Secretary James Cleverly said the measures would apply from Friday."]), r"home\s*[/>»|]\s*.*".into()),
        (
            Spec::new("post_appeared", &[("The post Seoul weighs sanctions appeared first on Crypto News.", "")], &["The post of envoy appeared vacant for months."]), r"the post .+ appeared first on .+".into()),
        (
            Spec::new("advertisement", &[("ADVERTISEMENT", ""), ("Advert", "")], &["Advertisement revenue fell as the regime tightened control of media."]), r"(advertisement|advert|sponsored( content)?|ad|story continues below( advertisement)?)".into()),
        // Slideshow controls: "Image 1 of 5", "This slideshow requires JavaScript."
        (
            Spec::new("slideshow", &[("Image 1 of 5", ""), ("This slideshow requires JavaScript.", "")], &["Photo 3 of the leaked set shows the vessel in Nampo."]), r"(image|photo|slide) \d+ of \d+|this slideshow requires javascript\.?".into()),
        (
            Spec::new("follow_us", &[("Follow us on Twitter for more", "")], &["Others follow us on this, the minister said."]), r"follow us (on|at)(?-u:\b).*".into()),
        (
            Spec::new("click_here", &[("Click here to subscribe", "")], &["Click-throughs here fell by half."]), r"click here(?-u:\b).*".into()),
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
    SET.matches(line).iter().next().map(|i| RULES[i].0.name)
}

/// The furniture rules and how the corpus test finds their items: a whole
/// line, with no value.
#[cfg(test)]
pub(crate) fn rule_dimension() -> crate::rule::tests::Dimension {
    crate::rule::tests::Dimension {
        name: "furniture",
        marked: false,
        specs: RULES.iter().map(|(spec, _)| *spec).collect(),
        find: |line| {
            furniture_rule(line)
                .map(|rule| crate::rule::tests::Found {
                    rule: rule.to_string(),
                    bytes: 0..line.len(),
                    value: String::new(),
                })
                .into_iter()
                .collect()
        },
    }
}
