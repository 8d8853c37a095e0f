//! Entity examples: sentences of news writing with the entities they must
//! give (name, type, country, aliases), and sentences that must give none.

use super::find;
use crate::extract::Article;
use crate::record::EntityType::{self, *};

/// The entities of `text` as (name, type, country, aliases).
fn entities(text: &str) -> Vec<(String, EntityType, Option<String>, Vec<String>)> {
    let article = Article::new(text, None);
    find(&article)
        .entities
        .into_iter()
        .map(|e| (e.name, e.kind, e.country, e.aliases))
        .collect()
}

fn check(text: &str, expected: &[(&str, EntityType, Option<&str>, &[&str])]) {
    let got = entities(text);
    let want: Vec<(String, EntityType, Option<String>, Vec<String>)> = expected
        .iter()
        .map(|(n, t, c, a)| {
            (
                n.to_string(),
                *t,
                c.map(str::to_string),
                a.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(got, want, "{text}");
}

fn names(text: &str) -> Vec<String> {
    entities(text).into_iter().map(|e| e.0).collect()
}

#[test]
fn lexicon_bodies_with_country_prefixes() {
    check(
        "The U.S. Treasury Department said OFAC acted. The Treasury added more.",
        &[
            (
                "U.S. Treasury Department",
                GovernmentBody,
                Some("US"),
                &["Treasury Department", "Treasury"],
            ),
            ("United States", Country, Some("US"), &["U.S."]),
            ("OFAC", GovernmentBody, Some("US"), &[]),
        ],
    );
}

#[test]
fn acronym_definitions_tie_short_to_long() {
    check(
        "Companies like the Korea Mangyongdae Computer Technology Company (KMCTC) were named. KMCTC denied it.",
        &[(
            "Korea Mangyongdae Computer Technology Company",
            Company,
            None,
            &["KMCTC"],
        )],
    );
    check(
        "The Korea International Trade Association (KITA) said so.",
        &[("Korea International Trade Association", Organization, None, &["KITA"])],
    );
    // A list is not an organization, whatever its acronym.
    assert!(names("They were designated as Specially Designated Nationals (SDN) in January.").is_empty());
}

#[test]
fn name_shapes_with_heads() {
    check(
        "Russian banks, Far East Bank and Sputnik Bank, were added.",
        &[
            ("Far East Bank", Company, None, &[]),
            ("Sputnik Bank", Company, None, &[]),
        ],
    );
    check(
        "Ryan Yoon of Tiger Research and Angela Ang of TRM Labs spoke.",
        &[
            ("Tiger Research", Organization, None, &[]),
            ("TRM Labs", Company, None, &[]),
        ],
    );
    check(
        "an arm of the DPRK Ministry of People's Armed Forces (itself under sanctions)",
        &[
            (
                "DPRK Ministry of People's Armed Forces",
                GovernmentBody,
                Some("KP"),
                &["Ministry of People's Armed Forces"],
            ),
            ("North Korea", Country, Some("KP"), &["DPRK"]),
        ],
    );
    check(
        "South Korea's Foreign Ministry announced it. The South Korean Foreign Ministry said more.",
        &[
            ("South Korea", Country, Some("KR"), &[]),
            (
                "South Korean Foreign Ministry",
                GovernmentBody,
                Some("KR"),
                &["Foreign Ministry"],
            ),
        ],
    );
    check(
        "speaking at a Center for Strategic and International Studies forum",
        &[(
            "Center for Strategic and International Studies",
            Organization,
            None,
            &[],
        )],
    );
    check(
        "representative Lee Yang-soo of the ruling People Power Party said",
        &[("People Power Party", Group, None, &[])],
    );
    check(
        "Mammut Industrial Group and its subsidiary, Mammut Diesel, were removed.",
        &[
            ("Mammut Industrial Group", Company, None, &[]),
            ("Mammut Diesel", Company, None, &[]),
        ],
    );
}

#[test]
fn names_around_other_names() {
    check(
        "the state-run Xinhua News Agency reported",
        &[("Xinhua News Agency", Organization, None, &[])],
    );
    check(
        "an analyst with the Delhi-based Council on Energy told reporters",
        &[("Council on Energy", GovernmentBody, None, &[])],
    );
    check(
        "Xi's Communist Party and the U.S. Attorney's Office",
        &[
            ("Communist Party", Group, None, &[]),
            (
                "U.S. Attorney's Office",
                GovernmentBody,
                Some("US"),
                &["Attorney's Office"],
            ),
            ("United States", Country, Some("US"), &["U.S."]),
        ],
    );
    assert!(names("Rusmik Oza, Head of Fundamental Research at the firm, added").is_empty());
    assert!(names("settlements in the West Bank, the Oval Office said").is_empty());
}

#[test]
fn central_banks_are_government_bodies() {
    check(
        "the Bank of Japan and Russia's Central Bank",
        &[
            ("Bank of Japan", GovernmentBody, None, &[]),
            ("Japan", Country, Some("JP"), &[]),
            ("Russia", Country, Some("RU"), &[]),
            ("Central Bank", GovernmentBody, Some("RU"), &[]),
        ],
    );
}

#[test]
fn descriptors_introduce_names() {
    check(
        "A report from blockchain research firm Chainalysis said",
        &[("Chainalysis", Company, None, &[])],
    );
    check(
        "hacking groups like Lazarus and Kimsuky target exchanges",
        &[("Lazarus", Group, Some("KP"), &[]), ("Kimsuky", Group, Some("KP"), &[])],
    );
    check(
        "Acme Trading, a Dubai-based shipping firm, was named.",
        &[("Acme Trading", Company, None, &[])],
    );
}

#[test]
fn alias_cues_and_units() {
    check(
        "Japan listed Lazarus Group, which also goes under aliases including the New Romantic Cyber Army Team.",
        &[
            ("Japan", Country, Some("JP"), &[]),
            ("Lazarus Group", Group, Some("KP"), &["New Romantic Cyber Army Team"]),
        ],
    );
    check(
        "individuals connected to IRGC Unit 840 were named",
        &[("IRGC Unit 840", GovernmentBody, Some("IR"), &[])],
    );
}

#[test]
fn countries_by_name_abbreviation_and_capital() {
    check(
        "Seoul and Washington agreed; the DPRK and N. Korea's allies in the UAE disagreed.",
        &[
            ("South Korea", Country, Some("KR"), &["Seoul"]),
            ("United States", Country, Some("US"), &["Washington"]),
            ("North Korea", Country, Some("KP"), &["DPRK", "N. Korea"]),
            ("United Arab Emirates", Country, Some("AE"), &["UAE"]),
        ],
    );
}

#[test]
fn international_organizations() {
    check(
        "The United Nations Security Council acted; the Security Council and the U.N. agreed, as did the EU.",
        &[
            (
                "United Nations Security Council",
                InternationalOrg,
                None,
                &["Security Council"],
            ),
            ("U.N.", InternationalOrg, None, &[]),
            ("EU", InternationalOrg, None, &[]),
        ],
    );
}

#[test]
fn not_entities() {
    // Demonyms alone, generic descriptions, bare heads, titles, headlines.
    for text in [
        "North Korean hackers and Russian individuals were sanctioned.",
        "The two governments and hacking groups met the bank.",
        "The Council today sanctioned six individuals.",
        "Deputy Under Secretary for Terrorism and Financial Intelligence",
        "U.S. Sanctions and the North Korean Crypto Network",
        "He said the company Monday was fine.",
        "The Vice President and top lawyer of the company, Mark Chandler, disagreed.",
        "selling off the companies SUV brands",
        "imported US$270.9 million of goods",
    ] {
        let found = entities(text);
        assert!(found.iter().all(|e| e.1 == Country), "{text}: {found:?}");
        assert!(!found.iter().any(|e| e.0 == "North Korea"), "{text}: {found:?}");
    }
}

#[test]
fn mentions_index_the_text() {
    let text = "Pyongyang said the U.S. Treasury's OFAC acted.";
    let article = Article::new(text, None);
    let found = find(&article);
    let shown: Vec<(&str, &str)> = found
        .mentions
        .iter()
        .map(|m| (&text[m.range.clone()], found.entities[m.entity].name.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Pyongyang", "North Korea"),
            ("U.S.", "United States"),
            ("U.S. Treasury", "U.S. Treasury"),
            ("OFAC", "OFAC"),
        ]
    );
    let ofac = found.by_name("OFAC").unwrap();
    assert_eq!(found.country_of(ofac).unwrap().name, "United States");
    assert_eq!(found.bodies[ofac].unwrap().name, "Office of Foreign Assets Control");
    assert_eq!(
        found.entity_at(text.find("Treasury").unwrap()),
        found.by_name("Treasury")
    );
    let demonyms = find(&Article::new("eight North Korean individuals", None)).demonyms;
    assert_eq!(demonyms[0].country.name, "North Korea");
}

#[test]
fn bare_names_from_how_the_article_uses_them() {
    // What firms have, after a possessive.
    check(
        "Boeing's chairman resigned on Monday.",
        &[("Boeing", Company, None, &[])],
    );
    // A corporate title or `shares` after the name.
    check(
        "UBS analyst David Strauss said the decision was about fuel.",
        &[("UBS", Company, None, &[])],
    );
    // A relation before the name; its other uses are mentions too.
    check(
        "Shares of Voltreno fell. Voltreno said it would appeal.",
        &[("Voltreno", Company, None, &[])],
    );
    check(
        "Ron Sugar, chief executive of Huntington Ingalls, said so.",
        &[("Huntington Ingalls", Company, None, &[])],
    );
    // The subject of firms' verbs, twice.
    check(
        "Apple released a new phone. Apple also announced a watch.",
        &[("Apple", Company, None, &[])],
    );
    // Joined to an organization by `and`.
    check(
        "Boeing and Lockheed Martin Corp. bid for the contract.",
        &[
            ("Boeing", Company, None, &[]),
            ("Lockheed Martin Corp.", Company, Some("US"), &["Lockheed Martin"]),
        ],
    );
    // The maker of a model, and a firm's noun after the name.
    check(
        "The first Embraer E195 flew. Embraer said the tests went well.",
        &[("Embraer", Company, None, &[])],
    );
    check(
        "The strongest gain came from the Old Mutual insurance company.",
        &[("Old Mutual", Company, None, &[])],
    );
    // Descriptors before, with a comma, and appositions with `another`.
    check(
        "Brazilian aircraft manufacturer, Embraer, has won an order.",
        &[("Embraer", Company, None, &[])],
    );
    check(
        "Shortly after Rivian, another U.S. car maker, published a list.",
        &[
            ("Rivian", Company, None, &[]),
            ("United States", Country, Some("US"), &["U.S."]),
        ],
    );
}

#[test]
fn bare_names_that_are_no_organizations() {
    for text in [
        // People: a title before, the end of a full name, an age, `who`,
        // what people have, a pronoun after their verb.
        "President Obama spoke. Obama said it. Obama announced a plan.",
        "Lewis Ward, research director, spoke. \"It is early,\" says Ward. Ward said it was.",
        "Trump's wife spoke. Trump said the vote was rigged. Trump announced a rally.",
        "Vogel said he was ready. Vogel announced the lineup.",
        "Papermaster, who led the team, left. Papermaster said nothing. Papermaster announced it.",
        // A capitalised word once, at the start of a sentence.
        "Aviation analysts said an era had ended.",
        // Products and models.
        "Acme Labs launched Keep this week. Keep announced nothing. Keep said so.",
        "The 12-inch MacBook from 2015 was very thin. The MacBook said little.",
        // Laws, places, lists, regions, contractions.
        "The Affordable Care Act (ACA) changed. Shares of Wall Street fell.",
        "Those with BED reported more stress. BED is common. People with BED eat more.",
        "\"We've got to fix this,\" he said. \"I've learned,\" she said.",
        "MSCI's widest gauge of Asia-Pacific shares slipped.",
        "Jupiter's 79 moons and Rs 300 for air.",
        "They were designated as Specially Designated Nationals (SDN) in January.",
    ] {
        let found = entities(text);
        assert!(
            found.iter().all(|e| e.1 == Country || e.0 == "Acme Labs"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn short_forms_join_their_names() {
    check(
        "Shares of Northrop Grumman rose, and Northrop said it was pleased.",
        &[("Northrop Grumman", Company, Some("US"), &["Northrop"])],
    );
    check(
        "The United Auto Workers will own 55 percent; the UAW agreed.",
        &[("United Auto Workers", Organization, None, &["UAW"])],
    );
    check(
        "AirTran Airways thanked its staff, and AirTran flies on.",
        &[("AirTran Airways", Company, None, &["AirTran"])],
    );
    // A division's first word is its parent, not a short form.
    check(
        "The 777 is built by Boeing Commercial Airplanes. Shares of Boeing fell.",
        &[
            ("Boeing Commercial Airplanes", Company, None, &[]),
            ("Boeing", Company, None, &[]),
        ],
    );
    // Two names with one first word: no short form.
    check(
        "Mammut Industrial Group and its subsidiary, Mammut Diesel, were removed. Mammut agreed.",
        &[
            ("Mammut Industrial Group", Company, None, &[]),
            ("Mammut Diesel", Company, None, &[]),
        ],
    );
    check(
        "General Motors asked for loans. GM said it would survive.",
        &[("General Motors", Company, Some("US"), &["GM"])],
    );
}

#[test]
fn names_with_and_hyphens_and_following_names() {
    check(
        "The Senate Environment and Public Works Committee held a hearing.",
        &[(
            "Senate Environment and Public Works Committee",
            GovernmentBody,
            None,
            &[],
        )],
    );
    check(
        "The Boeing-Air Force deal collapsed.",
        &[("Air Force", GovernmentBody, None, &[])],
    );
    check(
        "Assistant Secretary of the Air Force for Acquisition Sue Payton named the winner.",
        &[("Air Force", GovernmentBody, None, &[])],
    );
    check(
        "according to vice president and chairman of Chrysler LLC Jim Press.",
        &[("Chrysler LLC", Company, None, &[])],
    );
    check(
        "Microsoft Corp. broke sales records; Microsoft said so.",
        &[("Microsoft Corp.", Company, Some("US"), &["Microsoft"])],
    );
    // A lexicon body inside a longer name gives way to it.
    check(
        "Delegates to the National People's Congress met in Beijing.",
        &[
            ("National People's Congress", GovernmentBody, None, &[]),
            ("China", Country, Some("CN"), &["Beijing"]),
        ],
    );
    // A list is no name: `and` joins words only before a body's head.
    assert_eq!(
        names("Boeing and Lockheed Martin Corp. bid."),
        ["Boeing", "Lockheed Martin Corp."]
    );
}
