//! Official examples: sentences with the (name, title, affiliation, aliases)
//! they must give, and sentences that must give none.

use crate::extract::{Article, entity, official};

type Row = (String, Option<String>, Option<String>, Vec<String>);
type Expected<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a [&'a str]);

fn officials(text: &str) -> Vec<Row> {
    let article = Article::new(text, None);
    let found = entity::find(&article);
    official::extract(&article, &found)
        .into_iter()
        .map(|o| (o.name, o.title, o.affiliation, o.aliases))
        .collect()
}

fn check(text: &str, expected: &[Expected]) {
    let want: Vec<Row> = expected
        .iter()
        .map(|(n, t, a, al)| {
            (
                n.to_string(),
                t.map(str::to_string),
                a.map(str::to_string),
                al.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(officials(text), want, "{text}");
}

#[test]
fn title_before_name() {
    check(
        "U.S. Treasury Secretary Janet Yellen will visit. Secretary Yellen said so.",
        &[(
            "Janet Yellen",
            Some("Treasury Secretary"),
            Some("United States"),
            &["Yellen"],
        )],
    );
    check(
        "Second Vice Foreign Minister Kim Ji-na stated that it mattered.",
        &[("Kim Ji-na", Some("Second Vice Foreign Minister"), None, &[])],
    );
    check(
        "Under Secretary of the Treasury for Terrorism and Financial Intelligence John Hurley said it.",
        &[(
            "John Hurley",
            Some("Under Secretary of the Treasury for Terrorism and Financial Intelligence"),
            None,
            &[],
        )],
    );
    check(
        "North Korean President Kim Jong Un believes these measures are hostile.",
        &[("Kim Jong Un", Some("President"), Some("North Korea"), &[])],
    );
    check(
        "Treasury Under Secretary for Terrorism and Financial Intelligence John K. Hurley spoke.",
        &[(
            "John K. Hurley",
            Some("Treasury Under Secretary for Terrorism and Financial Intelligence"),
            None,
            &[],
        )],
    );
    check(
        "Relatedly, Advisor Sullivan stated the plan.",
        &[("Sullivan", Some("Advisor"), None, &[])],
    );
}

#[test]
fn lower_case_roles() {
    check(
        "representative Lee Yang-soo of the ruling People Power Party has called",
        &[("Lee Yang-soo", Some("representative"), Some("People Power Party"), &[])],
    );
    check(
        "European Council chief Charles Michel praised the decision",
        &[("Charles Michel", Some("chief"), Some("European Council"), &[])],
    );
    check(
        "and have shown no intent to punish leader Kim Jong Un with extra sanctions",
        &[("Kim Jong Un", Some("leader"), None, &[])],
    );
}

#[test]
fn appositions() {
    check(
        "Ryan Yoon, a Senior Analyst at Tiger Research, said. Yoon pointed out more.",
        &[("Ryan Yoon", Some("Senior Analyst"), Some("Tiger Research"), &["Yoon"])],
    );
    check(
        "Angela Ang, Head of Policy and Strategic Partnerships for Asia Pacific at TRM Labs, stated",
        &[(
            "Angela Ang",
            Some("Head of Policy and Strategic Partnerships for Asia Pacific"),
            Some("TRM Labs"),
            &[],
        )],
    );
    check(
        "said Anthony Ruggiero, a former North Korea director on the White House National Security Council",
        &[(
            "Anthony Ruggiero",
            Some("former North Korea director"),
            Some("White House National Security Council"),
            &[],
        )],
    );
    check(
        "Among those listed are Kim Su-kwang, a North Korean intelligence agent who works in Belarus; \
         and Kim Kyong-Hyok, a First Credit Bank representative working in Shanghai.",
        &[
            ("Kim Su-kwang", Some("intelligence agent"), Some("North Korea"), &[]),
            ("Kim Kyong-Hyok", Some("representative"), Some("First Credit Bank"), &[]),
        ],
    );
    check(
        "seven tankers are run by Hatem Elsaid Farid Ibrahim Sakr, the Treasury said, an Egyptian businessman whose",
        &[(
            "Hatem Elsaid Farid Ibrahim Sakr",
            Some("businessman"),
            Some("Egypt"),
            &[],
        )],
    );
}

#[test]
fn brackets_lists_and_affiliations() {
    check(
        "George Brandis (Queensland, Liberal Party, Attorney-General) Share this\nThank you, Senator Wong. Senator Brandis replied.",
        &[
            ("George Brandis", Some("Attorney-General"), None, &["Brandis"]),
            ("Wong", Some("Senator"), None, &[]),
        ],
    );
    check(
        "Those listed:\n• Mohammed Ansari: IRGC-QF official linked to threats against a broadcaster.",
        &[("Mohammed Ansari", Some("official"), Some("IRGC-QF"), &[])],
    );
    check(
        "Experts, including Ryan Yoon of Tiger Research, anticipate it.",
        &[("Ryan Yoon", None, Some("Tiger Research"), &[])],
    );
}

#[test]
fn surnames_join_the_right_person() {
    check(
        "Second Vice Foreign Minister Kim Ji-na announced it. North Korean President Kim Jong Un objected. \
         Second Vice Foreign Minister Kim disclosed more.",
        &[
            ("Kim Ji-na", Some("Second Vice Foreign Minister"), None, &["Kim"]),
            ("Kim Jong Un", Some("President"), Some("North Korea"), &[]),
        ],
    );
    check(
        "Deputy Secretary Brian Nelson visited. Deputy Under Secretary for Terrorism and Financial Intelligence Nelson said it.",
        &[(
            "Brian Nelson",
            Some("Deputy Under Secretary for Terrorism and Financial Intelligence"),
            None,
            &["Nelson"],
        )],
    );
}

#[test]
fn not_officials() {
    for text in [
        "The Vice Minister highlighted the risks.",
        "South Korea's Foreign Ministry said on Sunday.",
        "Japanese officials and Experts said the North Korean hackers struck.",
        "The Secretary of the Treasury, after talks with the Secretary of State, decided.",
        "The Korea International Trade Association said in a report.",
        "Seoul Considers Sanctions on North Korea Following US Crypto Crackdown",
        "Deputy Under Secretary for Terrorism and Financial Intelligence visited Seoul.",
        "bought a share of the carmaker Automobile Craiova, a Romanian official said on Friday.",
        "The premier of the western German state of North Rhine-Westphalia complained that it was bad.",
        "Apple Computer announced today that a special event is coming.",
        "Intel has recently added Digital Rights Management to its processors.",
        "imposed pursuant to Executive Order 13382 and Executive Orders 13722",
    ] {
        assert_eq!(officials(text), Vec::<Row>::new(), "{text}");
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let cases = [
        "",
        "'",
        "''s",
        "s'",
        "(",
        ")",
        "( OFAC",
        "U.S.",
        "A.",
        "Mr.",
        "Kim,",
        "Secretary of",
        "Secretary of the",
        "• : x",
        "é'ś",
        "Minister\nKim Lee",
        "said Ürün Çelik",
        "President 🎉 Kim",
        "Bank of",
        "(KMCTC)",
        "Foo Bank (FB",
        "Head of",
        "leader",
        "Kim Jong Un, a",
        "John Smith (",
        "John Smith (Minister",
        "X, the ministry said,",
        "Rt. Hon.",
        "Rt. Hon. B. U.",
        "Unit 840",
        "IRGC Unit",
        "also known as",
        "groups like",
        "firm",
        "its subsidiary,",
        "Seoul",
        "SEOUL",
        "the North Korean",
        "Workers' Party of",
    ];
    for text in cases {
        let article = Article::new(text, None);
        let found = entity::find(&article);
        let chars: Vec<char> = text.chars().collect();
        for e in &found.entities {
            for m in &e.mentions {
                assert!(m[0] <= m[1] && m[1] <= chars.len(), "{text:?}");
            }
        }
        for o in official::extract(&article, &found) {
            for m in &o.mentions {
                let surface: String = chars[m[0]..m[1]].iter().collect();
                assert!(surface == o.name || o.aliases.contains(&surface), "{text:?}");
            }
        }
    }
}

#[test]
fn lower_case_roles_with_modifiers_and_complements() {
    check(
        "The party treasurer John Smith resigned on Monday.",
        &[("John Smith", Some("party treasurer"), None, &[])],
    );
    check(
        "Later, head of research Jane Doe left the bank.",
        &[("Jane Doe", Some("head of research"), None, &[])],
    );
    check(
        "according to vice president and chairman of Chrysler LLC Jim Press.",
        &[(
            "Jim Press",
            Some("vice president and chairman"),
            Some("Chrysler LLC"),
            &[],
        )],
    );
    check(
        "Chief executive Thomas Enders called it bad in a statement.",
        &[("Thomas Enders", Some("Chief executive"), None, &[])],
    );
    check(
        "Former prime minister Silvio Berlusconi said the vote was rigged.",
        &[("Silvio Berlusconi", Some("former prime minister"), None, &[])],
    );
}

#[test]
fn titles_before_a_comma() {
    check(
        "\"We are on track,\" added the carmaker's chief executive officer, Alan Mulally.",
        &[("Alan Mulally", Some("chief executive officer"), None, &[])],
    );
    check(
        "At the airport he met the Prime Minister of Singapore, Mr. Lee Hsien Loong, for talks.",
        &[("Lee Hsien Loong", Some("Prime Minister"), Some("Singapore"), &[])],
    );
    check(
        "The former Chief Operating Officer, Tim Cook is expected to take over.",
        &[("Tim Cook", Some("former Chief Operating Officer"), None, &[])],
    );
    check(
        "The bank's CEO, Ken Lewis, warned that costs would stay high.",
        &[("Ken Lewis", Some("CEO"), None, &[])],
    );
    // A lone title after a sentence start is too little.
    assert_eq!(officials("Senator, John Smith is here."), Vec::<Row>::new());
}

#[test]
fn appositions_with_companies_and_joined_titles() {
    check(
        "Joe Leonard, Chairman and Chief Operating Officer of AirTran Airways, agreed.",
        &[(
            "Joe Leonard",
            Some("Chairman and Chief Operating Officer"),
            Some("AirTran Airways"),
            &[],
        )],
    );
    check(
        "Mark Papermaster, formerly an Apple Inc. executive running hardware teams, is departing.",
        &[("Mark Papermaster", Some("executive"), Some("Apple Inc."), &[])],
    );
    // A surname that is also a title word.
    check(
        "\"It is a hard moment,\" remarked Jim Press, the Vice Chairman of Chrysler.",
        &[("Jim Press", Some("Vice Chairman"), Some("Chrysler"), &[])],
    );
    // A company before a title is the affiliation.
    check(
        "Shares of Boeing fell. Boeing CEO Jim McNerney said so.",
        &[("Jim McNerney", Some("CEO"), Some("Boeing"), &[])],
    );
    // An organization and a title are no name.
    assert!(
        officials("noted Airbus President and Chief Executive Officer, Tom Enders.")
            .iter()
            .all(|o| o.0 == "Tom Enders")
    );
}

#[test]
fn hyphenated_military_ranks() {
    check(
        "Major-General Qasem Soleimani met Brigadier-General Esmail Qaani.",
        &[
            ("Qasem Soleimani", Some("Major-General"), None, &[]),
            ("Esmail Qaani", Some("Brigadier-General"), None, &[]),
        ],
    );
}
