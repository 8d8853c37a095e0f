//! The count corpus: texts and the counts [`find`] must read in them, in order
//! (surface text, value, category, modifier). An empty list is a negative
//! example.

use super::*;
use crate::extract::money;
use crate::extract::numeral::scan;
use crate::record::CountCategory::{self, Aircraft, Entity, Individual, Other, Vessel};

fn check(text: &str, expected: &[(&str, u64, CountCategory, Option<&str>)]) {
    let numerals = scan(text);
    let taken = crate::extract::spans::Claimed::new(money::find(text, &numerals).into_iter().map(|m| m.bytes));
    let found = find(text, &numerals, &taken);
    let got: Vec<(&str, u64, CountCategory, Option<&str>)> = found
        .iter()
        .map(|c| {
            (
                &text[c.bytes.clone()],
                c.value,
                c.category,
                c.modifier.clone().map(|m| &text[m]),
            )
        })
        .collect();
    assert_eq!(got, expected, "{text:?}");
}

#[test]
fn number_and_noun() {
    check(
        "sanctions targeting eight North Korean individuals",
        &[("eight North Korean individuals", 8, Individual, Some("North Korean"))],
    );
    check("designated 16 entities", &[("16 entities", 16, Entity, None)]);
    // Whole, though `4.1 * 1e6` in f64 is 4099999.9999999995 (such a count was
    // dropped as a fraction).
    check(
        "some 4.1 million people and 16.4 million refugees",
        &[
            ("4.1 million people", 4_100_000, Individual, None),
            ("16.4 million refugees", 16_400_000, Individual, None),
        ],
    );
    // `said` before a number is the verb of a quotation, not legal `the said`.
    check(
        "Union officials said 14,000 employees walked out.",
        &[("14,000 employees", 14000, Individual, None)],
    );
    check(
        "Only ten Republicans joined forty Democrats in voting for the bill.",
        &[
            ("ten Republicans", 10, Individual, None),
            ("forty Democrats", 40, Individual, None),
        ],
    );
    check(
        "blacklisting seven institutions.",
        &[("seven institutions", 7, Entity, None)],
    );
    check(
        "penalized 29 shadow vessels on Thursday",
        &[("29 shadow vessels", 29, Vessel, Some("shadow"))],
    );
    check(
        "targeting seven named Iranian or Iranian-linked officials",
        &[(
            "seven named Iranian or Iranian-linked officials",
            7,
            Individual,
            Some("named Iranian or Iranian-linked"),
        )],
    );
    check(
        "sanctions 20 North Korean organizations and 12 North Koreans",
        &[
            ("20 North Korean organizations", 20, Entity, Some("North Korean")),
            ("12 North Koreans", 12, Individual, Some("North")),
        ],
    );
    check(
        "widen sanctions to 4 more Iranian entities",
        &[("4 more Iranian entities", 4, Entity, Some("more Iranian"))],
    );
    check(
        "against three North Korean party officials",
        &[(
            "three North Korean party officials",
            3,
            Individual,
            Some("North Korean party"),
        )],
    );
    check("Russia killed four people", &[("four people", 4, Individual, None)]);
    check(
        "some 100,000 North Korean laborers",
        &[(
            "100,000 North Korean laborers",
            100_000,
            Individual,
            Some("North Korean"),
        )],
    );
    check(
        "two journalists and one organisation",
        &[
            ("two journalists", 2, Individual, None),
            ("one organisation", 1, Entity, None),
        ],
    );
    check(
        "seized 3 aircraft and 2 helicopters",
        &[("3 aircraft", 3, Aircraft, None), ("2 helicopters", 2, Aircraft, None)],
    );
    check(
        "has conducted 11 missile tests",
        &[("11 missile tests", 11, Other, Some("missile"))],
    );
    check(
        "one bank official",
        &[("one bank official", 1, Individual, Some("bank"))],
    );
    check("a dozen companies", &[("a dozen companies", 12, Entity, None)]);
    check(
        "Three U.S. citizens and five U.S.-sanctioned tankers",
        &[
            ("Three U.S. citizens", 3, Individual, Some("U.S.")),
            ("five U.S.-sanctioned tankers", 5, Vessel, Some("U.S.-sanctioned")),
        ],
    );
}

#[test]
fn lists() {
    check(
        "designating six North Korean nationals, one Russian individual, and one Russian company as SDNs",
        &[
            ("six North Korean nationals", 6, Individual, Some("North Korean")),
            ("one Russian individual", 1, Individual, Some("Russian")),
            ("one Russian company", 1, Entity, Some("Russian")),
        ],
    );
    check(
        "one individual, two banks, and a trading company",
        &[
            ("one individual", 1, Individual, None),
            ("two banks", 2, Entity, None),
            ("a trading company", 1, Entity, Some("trading")),
        ],
    );
    check(
        "a front company and two individuals",
        &[
            ("a front company", 1, Entity, Some("front")),
            ("two individuals", 2, Individual, None),
        ],
    );
    check(
        "penalties on 40 individuals, companies and vessels involved",
        &[("40 individuals", 40, Other, None)],
    );
    check("nine individuals and entities", &[("nine individuals", 9, Other, None)]);
    check("10 companies and banks", &[("10 companies", 10, Entity, None)]);
    check(
        "two Iranian officials and a network of 12 front companies",
        &[
            ("two Iranian officials", 2, Individual, Some("Iranian")),
            ("12 front companies", 12, Entity, Some("front")),
        ],
    );
}

#[test]
fn not_counts() {
    for text in [
        "between the two nations",
        "Seven of the 29 sanctioned vessels",
        "two of the sanctioned entities",
        "pursuant to Executive Order 13382, which covers",
        "Executive Orders 13722, 13551, 13810, and 13687",
        "designated pursuant to E.O. 13810, as persons",
        "The 17-page resolution was adopted by the 15-member council",
        "a 50 percent or larger stake held by one or more blocked persons",
        "over the past 18 months and five years ago",
        "IRGC Unit 840 and Shahed-136 drones",
        "Ozra Edalat, 63, an exasperated shopper",
        "an Iranian engineering corporation and its subsidiary",
        "a trading company",
        "the sixth nuclear test and the first time",
        "3 times more",
        "All 70 of us.",
        "a 22-year-old man",
        "these 12 vessels and their 3 owners",
        "purchase 20 Boeing 737 jets",
        "refunds to iPhone 4 owners",
        "the big three American car manufacturers",
    ] {
        check(text, &[]);
    }
    check(
        "stole $400 million from 3 exchanges",
        &[("3 exchanges", 3, Entity, None)],
    );
}

#[test]
fn nouns_of_nationality() {
    // Every demonym of the country lexicon with a plural of its own.
    check(
        "In all, two Paraguayans and a Brazilian were designated.",
        &[
            ("two Paraguayans", 2, Individual, None),
            ("a Brazilian", 1, Individual, None),
        ],
    );
    // A singular demonym before a noun phrase is its adjective.
    check(
        "one individual, two banks, and a Rwandan government minister",
        &[
            ("one individual", 1, Individual, None),
            ("two banks", 2, Entity, None),
            (
                "a Rwandan government minister",
                1,
                Individual,
                Some("Rwandan government"),
            ),
        ],
    );
    // Adjectives without a plural of their own are no nouns.
    check(
        "It named two Chinese and Swiss firms.",
        &[("two Chinese and Swiss firms", 2, Entity, Some("Chinese and Swiss"))],
    );
}
