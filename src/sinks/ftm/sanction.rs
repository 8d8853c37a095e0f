//! `Sanction` entities: one per event of an article, or, with `--events`, one
//! per canonical event with every article that reports it.
//!
//! A `Sanction` points at what it targets (`entity`, which FtM requires): the
//! named targets, or the targeted country as a `Territory` when the text names
//! none. An action that targets neither is left out. What the model has no
//! property for (counts, sums, the officials quoted, the target country beside
//! named targets) is said in `description`.

use super::model::{Entity, Schema, id};
use crate::assemble::canonical::CanonicalEvent;
use crate::extract::lexicon;
use crate::record::{CountCategory, EventAmount, EventCount, EventStatus, Record};

/// One article's report of an event: what a `Sanction` takes from it.
#[derive(Debug, Clone)]
pub struct Report {
    /// `DOC_ID#IDX`, as canonical events name their reports.
    pub key: String,
    /// The id of the article's `Article`.
    article: String,
    /// The article's URL, as written on the `Article`.
    url: Option<String>,
    /// The ids of the named targets' entities.
    targets: Vec<String>,
    authority: String,
    agency: Option<String>,
    status: EventStatus,
    target: Option<String>,
    counts: Vec<EventCount>,
    date: Option<String>,
    amounts: Vec<EventAmount>,
    reason: Option<String>,
    officials: Vec<String>,
    /// The evidence sentences.
    summary: String,
}

impl Report {
    pub fn new(record: &Record, idx: usize, article: &Entity, targets: Vec<String>, summary: String) -> Self {
        let event = &record.events[idx];
        Report {
            key: key(&record.doc_id, idx),
            article: article.id.clone(),
            url: article.properties.get("sourceUrl").and_then(|u| u.first()).cloned(),
            targets,
            authority: event.authority.clone(),
            agency: event.agency.clone(),
            status: event.status,
            target: event.target.clone(),
            counts: event.counts.clone(),
            date: event.date.clone(),
            amounts: event.amounts.clone(),
            reason: event.reason.clone(),
            officials: event.officials.clone(),
            summary,
        }
    }

    /// The action as this report alone tells it.
    pub fn action(&self) -> Action<'_> {
        Action {
            key: &self.key,
            authority: &self.authority,
            status: self.status,
            target: self.target.as_deref(),
            counts: &self.counts,
            date: self.date.as_deref(),
        }
    }
}

/// How an event's report is named: `DOC_ID#IDX`.
pub fn key(doc_id: &str, event_idx: usize) -> String {
    format!("{doc_id}#{event_idx}")
}

/// The action a `Sanction` stands for: one report's, or a canonical event's.
#[derive(Debug, Clone, Copy)]
pub struct Action<'a> {
    /// The event's key (a canonical event's is that of its earliest report),
    /// hashed into the `Sanction`'s id.
    pub key: &'a str,
    pub authority: &'a str,
    pub status: EventStatus,
    pub target: Option<&'a str>,
    pub counts: &'a [EventCount],
    pub date: Option<&'a str>,
}

impl<'a> From<&'a CanonicalEvent> for Action<'a> {
    fn from(e: &'a CanonicalEvent) -> Self {
        Action {
            key: &e.id,
            authority: &e.authority,
            status: e.status,
            target: e.target.as_deref(),
            counts: &e.counts,
            date: e.date.as_deref(),
        }
    }
}

/// FtM's codes of authorities that are no country of the lexicon.
const AUTHORITY_CODES: &[(&str, &str)] = &[("European Union", "eu")];

/// The `Sanction` for an action and its reports, and the `Territory` it
/// points at when no target is named; `None` when it targets nothing.
pub fn sanction(action: &Action, reports: &[&Report]) -> Option<(Entity, Option<Entity>)> {
    let mut s = Entity::new(Schema::Sanction, id("sanction", action.key));
    for report in reports {
        s.add_all("entity", report.targets.iter().map(String::as_str));
    }
    let territory = match s.has("entity") {
        true => None,
        false => {
            let territory = territory(action.target?)?;
            s.add("entity", &territory.id);
            Some(territory)
        }
    };
    s.add("authority", action.authority);
    for report in reports {
        s.add_all("authority", report.agency.as_deref());
    }
    let code = AUTHORITY_CODES
        .iter()
        .find(|(name, _)| *name == action.authority)
        .map(|&(_, code)| code)
        .or_else(|| lexicon::country_by_name(action.authority).map(|c| c.code));
    s.add_all("country", code);
    s.add("status", action.status.as_str());
    // The date of an imposition is when the sanctions started, of a lifting
    // when they ended; of a plan, only a date it is associated with.
    let date_property = match action.status {
        EventStatus::Imposed => "startDate",
        EventStatus::Lifted => "endDate",
        EventStatus::Planned => "date",
    };
    s.add_all(date_property, action.date.and_then(super::values::date).as_deref());
    for report in reports {
        s.add_all("reason", report.reason.as_deref());
        s.add("summary", &report.summary);
        s.add_all("sourceUrl", report.url.as_deref());
        s.add("proof", &report.article);
        s.add("recordId", &report.key);
    }
    s.add("description", &describe(action, reports));
    Some((s, territory))
}

/// A country as a `Territory`, with an id made of its code (territories are
/// reference data: one entity per country, whatever the article).
fn territory(name: &str) -> Option<Entity> {
    let country = lexicon::country_by_name(name)?;
    let code = super::values::country(country.code)?;
    let mut t = Entity::new(Schema::Territory, format!("sx-territory-{code}"));
    t.add("name", country.name);
    t.add("territoryCode", &code);
    t.add("level", "country");
    t.add("country", country.code);
    Some(t)
}

/// One line saying the action in full: `United States imposed sanctions on
/// North Korea: 8 individuals, 2 entities; sums: 3000000 USD; officials
/// quoted: John Hurley.`
fn describe(action: &Action, reports: &[&Report]) -> String {
    let mut out = format!("{} {} sanctions", action.authority, action.status.as_str());
    if let Some(target) = action.target {
        out += &format!(" on {target}");
    }
    let counts: Vec<String> = action.counts.iter().map(count).collect();
    if !counts.is_empty() {
        out += &format!(": {}", counts.join(", "));
    }
    let mut sums: Vec<String> = Vec::new();
    let mut officials: Vec<&str> = Vec::new();
    for report in reports {
        for a in &report.amounts {
            let sum = format!("{} {}", a.value, a.currency);
            if !sums.contains(&sum) {
                sums.push(sum);
            }
        }
        for o in &report.officials {
            if !officials.contains(&o.as_str()) {
                officials.push(o);
            }
        }
    }
    if !sums.is_empty() {
        out += &format!("; sums: {}", sums.join(", "));
    }
    if !officials.is_empty() {
        out += &format!("; officials quoted: {}", officials.join(", "));
    }
    out.push('.');
    out
}

/// `8 individuals`, `1 entity`.
fn count(c: &EventCount) -> String {
    let (one, many) = match c.category {
        CountCategory::Individual => ("individual", "individuals"),
        CountCategory::Entity => ("entity", "entities"),
        CountCategory::Vessel => ("vessel", "vessels"),
        CountCategory::Aircraft => ("aircraft", "aircraft"),
        CountCategory::Other => ("other", "others"),
    };
    format!("{} {}", c.value, if c.value == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Event, Source, Status};

    fn report(
        authority: &str,
        status: EventStatus,
        target: Option<&str>,
        date: Option<&str>,
        targets: &[&str],
    ) -> Report {
        let mut record = Record::new("doc".into(), Source::default(), Status::Ok, None);
        record.events.push(Event {
            authority: authority.into(),
            agency: None,
            status,
            target: target.map(Into::into),
            counts: vec![EventCount {
                value: 1,
                category: CountCategory::Entity,
            }],
            named_targets: Vec::new(),
            date: date.map(Into::into),
            amounts: Vec::new(),
            reason: None,
            officials: Vec::new(),
            evidence: Vec::new(),
            rule: "test".into(),
        });
        let article = Entity::new(Schema::Article, id("article", "doc"));
        let targets = targets.iter().map(|t| t.to_string()).collect();
        Report::new(&record, 0, &article, targets, "It happened.".into())
    }

    #[test]
    fn the_date_goes_where_the_status_says() {
        for (status, property) in [
            (EventStatus::Imposed, "startDate"),
            (EventStatus::Lifted, "endDate"),
            (EventStatus::Planned, "date"),
        ] {
            let r = report("European Union", status, None, Some("2025-W46"), &["sx-org-x"]);
            let (s, territory) = sanction(&r.action(), &[&r]).unwrap();
            assert_eq!(s.properties[property], ["2025-11"], "{status:?}");
            assert_eq!(s.properties["entity"], ["sx-org-x"]);
            assert_eq!(s.properties["country"], ["eu"]);
            assert_eq!(s.properties["recordId"], ["doc#0"]);
            assert!(territory.is_none());
        }
    }

    #[test]
    fn a_country_is_the_target_only_when_no_one_is_named() {
        let r = report("United States", EventStatus::Imposed, Some("North Korea"), None, &[]);
        let (s, territory) = sanction(&r.action(), &[&r]).unwrap();
        let territory = territory.expect("a Territory");
        assert_eq!(territory.id, "sx-territory-kp");
        assert_eq!(territory.properties["territoryCode"], ["kp"]);
        assert_eq!(s.properties["entity"], [territory.id.as_str()]);
        assert_eq!(s.properties["country"], ["us"]);
        assert_eq!(
            s.properties["description"],
            ["United States imposed sanctions on North Korea: 1 entity."]
        );
        let nothing = report("United Nations", EventStatus::Imposed, None, None, &[]);
        assert!(
            sanction(&nothing.action(), &[&nothing]).is_none(),
            "no target, no Sanction"
        );
    }
}
