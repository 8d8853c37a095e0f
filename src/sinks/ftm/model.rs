//! The part of the FollowTheMoney model this writer fills, as data: each
//! schema with the properties it writes and their types, and the entity that
//! holds values for them. docs/ftm.md lists the same table (a test keeps the
//! two alike) and `tests/ftm/check_ftm.py` checks it against the model.

use super::values;
use serde::ser::{Serialize, SerializeMap, Serializer};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// FtM property types, as far as the writer uses them: each says how a value
/// is put in the form FtM keeps ([`values`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Name,
    String,
    Text,
    /// Already an FtM date ([`values::published`], [`values::date`]).
    Date,
    Url,
    /// ISO 3166 alpha-2, as records write it.
    Country,
    /// ISO 639-3, as records write it.
    Language,
    /// The id of an entity of the same output.
    Entity,
    Identifier,
}

use Type as T;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Schema {
    Article,
    Person,
    Company,
    Organization,
    PublicBody,
    LegalEntity,
    Territory,
    Mention,
    Sanction,
}

/// Properties of the named parties (people and organizations).
const PARTY: &[(&str, Type)] = &[
    ("name", T::Name),
    ("alias", T::Name),
    ("abbreviation", T::Name),
    ("country", T::Country),
    ("proof", T::Entity),
    ("sourceUrl", T::Url),
];

impl Schema {
    #[cfg(test)]
    pub const ALL: [Schema; 9] = [
        Schema::Article,
        Schema::Person,
        Schema::Company,
        Schema::Organization,
        Schema::PublicBody,
        Schema::LegalEntity,
        Schema::Territory,
        Schema::Mention,
        Schema::Sanction,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Schema::Article => "Article",
            Schema::Person => "Person",
            Schema::Company => "Company",
            Schema::Organization => "Organization",
            Schema::PublicBody => "PublicBody",
            Schema::LegalEntity => "LegalEntity",
            Schema::Territory => "Territory",
            Schema::Mention => "Mention",
            Schema::Sanction => "Sanction",
        }
    }

    /// The properties the writer fills, with their FtM types.
    pub fn properties(self) -> &'static [(&'static str, Type)] {
        match self {
            Schema::Article => &[
                ("title", T::String),
                ("publishedAt", T::Date),
                ("sourceUrl", T::Url),
                ("fileName", T::String),
                ("author", T::String),
                ("language", T::Language),
                ("detectedCountry", T::Country),
                ("processingAgent", T::String),
            ],
            Schema::Person => &[
                ("name", T::Name),
                ("weakAlias", T::Name),
                ("position", T::String),
                ("country", T::Country),
                ("proof", T::Entity),
                ("sourceUrl", T::Url),
            ],
            Schema::Company | Schema::Organization | Schema::PublicBody | Schema::LegalEntity => PARTY,
            Schema::Territory => &[
                ("name", T::Name),
                ("territoryCode", T::Identifier),
                ("level", T::String),
                ("country", T::Country),
            ],
            Schema::Mention => &[
                ("document", T::Entity),
                ("resolved", T::Entity),
                ("name", T::Name),
                ("detectedSchema", T::String),
                ("contextCountry", T::Country),
            ],
            Schema::Sanction => &[
                ("entity", T::Entity),
                ("authority", T::String),
                ("country", T::Country),
                ("status", T::String),
                ("reason", T::Text),
                ("startDate", T::Date),
                ("endDate", T::Date),
                ("date", T::Date),
                ("summary", T::Text),
                ("description", T::Text),
                ("sourceUrl", T::Url),
                ("proof", T::Entity),
                ("recordId", T::String),
            ],
        }
    }

    fn property(self, name: &str) -> Option<Type> {
        self.properties().iter().find(|(p, _)| *p == name).map(|&(_, t)| t)
    }
}

/// An FtM entity: id, schema and properties, each a list of distinct values in
/// the order added. Serialises as FtM's JSON lines do (`id` first, so that
/// `sort` orders fragments for `ftm sorted-aggregate`).
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: String,
    pub schema: Schema,
    pub properties: BTreeMap<&'static str, Vec<String>>,
}

impl Entity {
    pub fn new(schema: Schema, id: String) -> Self {
        Entity {
            id,
            schema,
            properties: BTreeMap::new(),
        }
    }

    /// Adds a value in the form FtM keeps it; a value the model cannot hold
    /// (an unknown country, a date in no FtM form) is left out.
    ///
    /// # Panics
    /// On a property the schema's table does not list: writing one would be a
    /// bug, which FtM would silently drop.
    pub fn add(&mut self, property: &'static str, raw: &str) {
        let kind = self.schema.property(property).unwrap_or_else(|| {
            panic!(
                "{} has no property {property} in the writer's table",
                self.schema.name()
            )
        });
        let value = match kind {
            T::Name => values::name(raw),
            T::String | T::Identifier => values::text(raw, values::MAX_STRING),
            T::Text => values::text(raw, values::MAX_TEXT),
            T::Date | T::Entity => (!raw.is_empty()).then(|| raw.to_string()),
            T::Url => values::url(raw),
            T::Country => values::country(raw),
            T::Language => values::language(raw),
        };
        if let Some(value) = value {
            let list = self.properties.entry(property).or_default();
            if !list.contains(&value) {
                list.push(value);
            }
        }
    }

    /// [`add`](Self::add) for each value.
    pub fn add_all<'a>(&mut self, property: &'static str, raw: impl IntoIterator<Item = &'a str>) {
        for value in raw {
            self.add(property, value);
        }
    }

    pub fn has(&self, property: &str) -> bool {
        self.properties.contains_key(property)
    }
}

impl Serialize for Entity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("schema", self.schema.name())?;
        map.serialize_entry("properties", &self.properties)?;
        map.end()
    }
}

/// The namespace hashed into every id, so that ours never meet another
/// tool's.
const NAMESPACE: &str = "sanctions-extract";

/// A content-derived id: `sx-KIND-` and 40 hex digits of the SHA-256 of the
/// namespace, the kind and the key. The same key gives the same id on every
/// run, whatever the thread count or the order of the input.
pub fn id(kind: &str, key: &str) -> String {
    let mut hash = Sha256::new();
    for part in [NAMESPACE, kind, key] {
        hash.update(part.as_bytes());
        hash.update([0u8]);
    }
    let digest = hash.finalize();
    let mut out = format!("sx-{kind}-");
    for byte in &digest[..20] {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_pinned() {
        // A change here changes every id users may have stored: never, or
        // with a note in docs/ftm.md.
        assert_ne!(id("person", "kim ji na"), id("org", "kim ji na"));
        let pinned = id("article", "seed-001");
        assert!(pinned.starts_with("sx-article-") && pinned.len() == "sx-article-".len() + 40);
        // SHA-256 of "sanctions-extract\0article\0seed-001\0", as Python's
        // hashlib computes it.
        assert_eq!(pinned, "sx-article-bf67ca19bac930dca193069e7707fdee41d3b118");
    }

    #[test]
    fn values_are_cleaned_deduplicated_and_unknown_properties_refused() {
        let mut e = Entity::new(Schema::Person, id("person", "x"));
        e.add("name", "Kim  Ji-na");
        e.add("name", "Kim Ji-na");
        e.add("country", "KR");
        e.add("country", "Korea");
        e.add("sourceUrl", "ftp://x.example/a");
        assert_eq!(e.properties["name"], ["Kim Ji-na"]);
        assert_eq!(e.properties["country"], ["kr"]);
        assert!(!e.has("sourceUrl"));
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.starts_with(&format!("{{\"id\":\"{}\",\"schema\":\"Person\",", e.id)));
        let refused = std::panic::catch_unwind(move || e.clone().add("birthDate", "2000"));
        assert!(refused.is_err());
    }

    #[test]
    fn docs_list_every_property_the_writer_fills() {
        // The table of docs/ftm.md's section "Schemas and properties": rows
        // `| `Schema`, `Schema` | `property` | ...`.
        let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ftm.md")).unwrap();
        let section = docs.split("\n## Schemas and properties\n").nth(1).expect("the section");
        let section = section.split("\n## ").next().unwrap_or(section);
        let mut listed = std::collections::BTreeSet::new();
        for row in section.lines().filter(|l| l.starts_with("| `")) {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let property = cells[2].trim_matches('`').to_string();
            for schema in cells[1].split(',') {
                listed.insert((schema.trim().trim_matches('`').to_string(), property.clone()));
            }
        }
        let filled: std::collections::BTreeSet<(String, String)> = Schema::ALL
            .iter()
            .flat_map(|s| {
                s.properties()
                    .iter()
                    .map(|(p, _)| (s.name().to_string(), p.to_string()))
            })
            .collect();
        assert_eq!(listed, filled, "docs/ftm.md's table and the writer's differ");
    }
}
