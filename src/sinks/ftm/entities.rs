//! One article's record as FtM entities: the `Article`, its people and
//! organizations with a `Mention` each, and the reports of its events that
//! `Sanction`s are made of (sanction.rs).
//!
//! People and organizations are fragments: the same name in several articles
//! gets the same id (a hash of the normalised name, not of the article), and
//! each article's fragment carries that article as its `proof`, so
//! `ftm aggregate` joins them into one entity with every source. Ids are
//! keyed by family (people, public bodies, other organizations) and the
//! schemas of one family are one line of the model (`LegalEntity` >
//! `Organization` > `Company`), so fragments always combine.

use super::model::{Entity, Schema, id};
use super::sanction::Report;
use crate::extract::entity::key_text;
use crate::extract::lexicon;
use crate::record::{Entity as Found, EntityType, Official, Record, Span, Status};

/// What the writer says of itself on every `Article` (`processingAgent`).
const AGENT: &str = concat!("sanctions-extract ", env!("CARGO_PKG_VERSION"));

/// The entities of one article, in the order written, and the reports of its
/// events; `None` for a record that is not `ok` (nothing was read from it).
pub fn of_record(record: &Record, text: &str) -> Option<(Vec<Entity>, Vec<Report>)> {
    if record.status != Status::Ok {
        return None;
    }
    let article = article(record);
    let countries: Vec<&str> = record
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Country)
        .filter_map(|e| e.country.as_deref())
        .collect();
    let mut parties = Parties {
        doc_id: &record.doc_id,
        article: &article,
        countries,
        named: Vec::new(),
        entities: Vec::new(),
    };
    for official in &record.officials {
        parties.official(official, record);
    }
    for found in record.entities.iter().filter(|e| e.kind != EntityType::Country) {
        parties.organization(found);
    }
    let mut reports = Vec::with_capacity(record.events.len());
    for (idx, event) in record.events.iter().enumerate() {
        let targets = event.named_targets.iter().filter_map(|n| parties.target(n)).collect();
        reports.push(Report::new(
            record,
            idx,
            &article,
            targets,
            evidence(text, &event.evidence),
        ));
    }
    let parties = parties.entities;
    let mut entities = Vec::with_capacity(parties.len() + 1);
    entities.push(article);
    entities.extend(parties);
    Some((entities, reports))
}

/// The `Article`: title, publication date, URL, the file it was, author,
/// language, and the countries it names.
fn article(record: &Record) -> Entity {
    let source = &record.source;
    let mut a = Entity::new(Schema::Article, id("article", &record.doc_id));
    a.add_all("title", source.title.as_deref());
    a.add_all(
        "publishedAt",
        source
            .published
            .as_deref()
            .and_then(super::values::published)
            .as_deref(),
    );
    a.add_all("sourceUrl", source.url.as_deref());
    a.add_all("fileName", whole_file_name(record));
    a.add_all("author", source.extra.get("author").and_then(|v| v.as_str()));
    a.add_all("language", record.language.as_ref().map(|l| l.code.as_str()));
    for found in record.entities.iter().filter(|e| e.kind == EntityType::Country) {
        a.add_all("detectedCountry", found.country.as_deref());
    }
    a.add("processingAgent", AGENT);
    a
}

/// The file name of an article that is a whole file (a page, a `.txt`), not a
/// line of a dump or a record of a WARC file.
fn whole_file_name(record: &Record) -> Option<&str> {
    let path = std::path::Path::new(record.source.path.as_deref()?);
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let inner = lower
        .strip_suffix(".gz")
        .or_else(|| lower.strip_suffix(".zst"))
        .unwrap_or(&lower);
    [".txt", ".html", ".htm"]
        .iter()
        .any(|ext| inner.ends_with(ext))
        .then_some(name)
}

/// The text of an event's evidence spans (code points of the clean text),
/// joined by a space.
fn evidence(text: &str, spans: &[Span]) -> String {
    let offset = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    let mut out = String::new();
    for span in spans {
        let (start, end) = (offset(span[0]), offset(span[1]));
        if start < end {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(text[start..end].trim());
        }
    }
    out
}

/// The people and organizations of one article, as they are written.
struct Parties<'a> {
    doc_id: &'a str,
    article: &'a Entity,
    /// ISO codes of the countries the article names.
    countries: Vec<&'a str>,
    /// Every name and alias of a party written (normalised), with its id.
    named: Vec<(String, String)>,
    entities: Vec<Entity>,
}

impl Parties<'_> {
    /// An official: a `Person` with the position the article gives.
    fn official(&mut self, official: &Official, record: &Record) {
        let mut key = key_text(&official.name);
        // A lone surname says too little to join articles: it is this
        // article's person only.
        if !key.contains(' ') {
            key = format!("{key}\u{0}{}", self.doc_id);
        }
        let mut person = self.fragment(Schema::Person, "person", &key, &official.name);
        person.add_all("weakAlias", official.aliases.iter().map(String::as_str));
        // The affiliation: a country is the person's, an organization goes
        // into the position (and lends its country, when known).
        let affiliation = official.affiliation.as_deref();
        let country = affiliation.and_then(lexicon::country_by_name);
        match (&official.title, affiliation) {
            (Some(title), Some(org)) if country.is_none() => person.add("position", &format!("{title}, {org}")),
            (Some(title), _) => person.add("position", title),
            _ => {}
        }
        let org_country = || {
            let org = record.entities.iter().find(|e| Some(e.name.as_str()) == affiliation)?;
            org.country.as_deref()
        };
        person.add_all("country", country.map(|c| c.code).or_else(org_country));
        let names = std::iter::once(&official.name).chain(&official.aliases);
        self.push(person, names.map(String::as_str));
    }

    /// An organization the article names: a `PublicBody` for a government
    /// body, a `Company`, or an `Organization`.
    fn organization(&mut self, found: &Found) {
        let (schema, kind, key) = match found.kind {
            // Bodies of the lexicon are keyed by its canonical name (found by
            // the name or an alias), so that `Treasury Department` and `U.S.
            // Department of the Treasury` meet.
            EntityType::GovernmentBody => {
                let body = std::iter::once(&found.name)
                    .chain(&found.aliases)
                    .find_map(|n| lexicon::body(n));
                let canonical = body.map_or(found.name.as_str(), |b| b.name);
                (Schema::PublicBody, "body", key_text(canonical))
            }
            EntityType::Company => (Schema::Company, "org", key_text(&found.name)),
            _ => (Schema::Organization, "org", key_text(&found.name)),
        };
        let mut org = self.fragment(schema, kind, &key, &found.name);
        for alias in &found.aliases {
            let property = if is_acronym(alias) { "abbreviation" } else { "alias" };
            org.add(property, alias);
        }
        org.add_all("country", found.country.as_deref());
        let names = std::iter::once(&found.name).chain(&found.aliases);
        self.push(org, names.map(String::as_str));
    }

    /// The id of a named target: the party of that name, or a `LegalEntity`
    /// written for it (assembly names targets by the names of officials and
    /// organizations, so this is rare). `None` for a name FtM cannot hold.
    fn target(&mut self, name: &str) -> Option<String> {
        let key = key_text(name);
        if let Some((_, id)) = self.named.iter().find(|(n, _)| *n == key) {
            return Some(id.clone());
        }
        let entity = self.fragment(Schema::LegalEntity, "org", &key, name);
        let id = entity.id.clone();
        entity.has("name").then(|| {
            self.push(entity, [name]);
            id
        })
    }

    /// A party's fragment: its id, name, this article as proof and source.
    fn fragment(&self, schema: Schema, kind: &str, key: &str, name: &str) -> Entity {
        let key = if key.is_empty() { name } else { key };
        let mut e = Entity::new(schema, id(kind, key));
        e.add("name", name);
        e.add("proof", &self.article.id);
        e.add_all(
            "sourceUrl",
            self.article
                .properties
                .get("sourceUrl")
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
        e
    }

    /// Writes a party (unless FtM could not hold its name) with a `Mention`
    /// linking it to the article under the names the article uses.
    fn push<'n>(&mut self, party: Entity, names: impl IntoIterator<Item = &'n str> + Clone) {
        if !party.has("name") {
            return;
        }
        let mut mention = Entity::new(
            Schema::Mention,
            id("mention", &format!("{}\u{0}{}", self.doc_id, party.id)),
        );
        mention.add("document", &self.article.id);
        mention.add("resolved", &party.id);
        mention.add_all("name", names.clone());
        mention.add("detectedSchema", party.schema.name());
        mention.add_all("contextCountry", self.countries.iter().copied());
        for name in names {
            self.named.push((key_text(name), party.id.clone()));
        }
        // Two entities of the article with one id (two spellings of a body
        // the lexicon knows): one fragment.
        match self
            .entities
            .iter_mut()
            .find(|e| e.id == party.id && e.schema == party.schema)
        {
            Some(earlier) => {
                for (property, values) in party.properties {
                    earlier.add_all(property, values.iter().map(String::as_str));
                }
                let earlier_mention = self.entities.iter_mut().find(|e| e.id == mention.id);
                if let Some(m) = earlier_mention {
                    m.add_all("name", mention.properties["name"].iter().map(String::as_str));
                }
            }
            None => {
                self.entities.push(party);
                self.entities.push(mention);
            }
        }
    }
}

/// `OFAC`, `KMCTC`, `U.S.`: an abbreviation rather than another name.
fn is_acronym(name: &str) -> bool {
    !name.contains(' ')
        && name.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !name.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_the_text_of_the_spans() {
        let text = "Über alles. The EU acted. Then more.";
        assert_eq!(evidence(text, &[[12, 25]]), "The EU acted.");
        assert_eq!(evidence(text, &[[0, 11], [26, 36]]), "Über alles. Then more.");
        assert_eq!(
            evidence(text, &[[26, 99]]),
            "Then more.",
            "a span past the end stops there"
        );
        assert_eq!(evidence(text, &[[99, 100]]), "");
    }

    #[test]
    fn only_a_whole_file_gives_a_file_name() {
        let cases = [
            (Some("corpus/articles/seeds/001_4de9.txt"), Some("001_4de9.txt")),
            (Some("pages/Story.HTML.gz"), Some("Story.HTML.gz")),
            (Some("dump.jsonl"), None),
            (Some("crawl.warc.gz"), None),
            (Some("-"), None),
            (None, None),
        ];
        for (path, expected) in cases {
            let source = crate::record::Source {
                path: path.map(str::to_string),
                ..Default::default()
            };
            let record = Record::new("a".into(), source, Status::Ok, None);
            assert_eq!(whole_file_name(&record), expected, "{path:?}");
        }
    }

    #[test]
    fn acronyms_are_abbreviations() {
        for (name, acronym) in [
            ("OFAC", true),
            ("U.S.", true),
            ("KMCTC", true),
            ("Treasury", false),
            ("U.S. Treasury", false),
            ("X", false),
        ] {
            assert_eq!(is_acronym(name), acronym, "{name}");
        }
    }
}
