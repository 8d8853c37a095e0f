//! Resolution: a [`Partial`] and the article's publication date make a TIMEX3
//! value. What the text leaves out comes from the publication date, chosen by
//! the tense of the clause: `Thursday` in `said Thursday` is the last Thursday
//! on or before publication, in `will meet Thursday` the next one; `May 27`
//! without a year is the last May 27 in a past clause, the next in a future
//! one, and the nearer one when the clause does not say. Without a
//! publication date the unknown parts are `X` (`XXXX-11-06`, `XXXX-XX-XX`); a
//! week, a weekend or a quarter without one is no date the contract can write.

use chrono::{Datelike, Duration, NaiveDate};

/// How the year of a partial date is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearSpec {
    /// Written (`2022`).
    Explicit(i32),
    /// Relative to the publication year (`this year` = 0, `last year` = -1).
    Relative(i32),
    /// Left out (`May 27`): chosen from the publication date and the tense.
    Infer,
}

/// Units of relative dates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
}

/// What a date expression says, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Partial {
    /// A year, a month of a year, or a day (`2016`, `May 2010`, `May 27`).
    Ymd {
        year: YearSpec,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// `on the 2nd`, `the 30th of last month` (offset in months when given).
    DayOfMonth {
        day: u32,
        month_offset: Option<i32>,
    },
    /// `Thursday`, `last Friday` (offset: -1 last, 0 this, 1 next).
    Weekday {
        weekday: u32,
        offset: Option<i32>,
    },
    /// `last May`, `next March`.
    MonthRel {
        month: u32,
        offset: i32,
    },
    /// `today`, `last week`, `this year`, `five years ago`.
    Relative {
        unit: Unit,
        offset: i32,
    },
    /// A quarter of a year, resolved as the range of its months.
    Quarter {
        quarter: u32,
        year: YearSpec,
    },
    /// A half of a year, resolved as the range of its months.
    Half {
        half: u32,
        year: YearSpec,
    },
    Range(Box<Partial>, Box<Partial>),
}

impl Partial {
    pub fn year(year: YearSpec) -> Partial {
        Partial::Ymd {
            year,
            month: None,
            day: None,
        }
    }
}

/// Which way the clause around a date looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// Only a generic `-ed` word says past (`slapped`, but also adjectives):
    /// past, unless the nearer reading is only days ahead.
    LeaningPast,
    /// Only a modal says future (`would remain`, which also speaks from a
    /// past): future, unless the nearer reading is a recent past.
    LeaningFuture,
    Unknown,
}

/// A resolved date: its TIMEX3 value, and the calendar day it starts on when
/// known (ranges resolve their end from their start).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub value: String,
    pub anchor: Option<NaiveDate>,
}

/// The TIMEX3 value of `partial`, or `None` when it names no valid date.
pub fn resolve(partial: &Partial, dct: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    match partial {
        Partial::Range(a, b) => {
            let start = resolve(a, dct, tense)?;
            // The end takes what it leaves out from the start.
            let end = resolve_after(b, &start, dct, tense)?;
            Some(Resolved {
                value: format!("{}/{}", start.value, end.value),
                anchor: start.anchor,
            })
        }
        _ => resolve_one(partial, dct, tense),
    }
}

fn resolve_after(b: &Partial, start: &Resolved, dct: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    let Some(anchor) = start.anchor else {
        return resolve_one(b, dct, tense);
    };
    match b {
        Partial::Ymd {
            year: YearSpec::Infer,
            month: Some(m),
            day,
        } => {
            let mut y = anchor.year();
            let first = NaiveDate::from_ymd_opt(y, *m, day.unwrap_or(1))?;
            if first < anchor.with_day(1)? {
                y += 1;
            }
            Some(ymd_value(y, *m, *day)?)
        }
        Partial::DayOfMonth {
            day,
            month_offset: None,
        } => {
            let mut date = NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), *day);
            if date.is_none_or(|d| d < anchor) {
                let next = add_months(anchor.with_day(1)?, 1);
                date = NaiveDate::from_ymd_opt(next.year(), next.month(), *day);
            }
            let date = date?;
            Some(Resolved {
                value: date.format("%Y-%m-%d").to_string(),
                anchor: Some(date),
            })
        }
        _ => resolve_one(b, Some(dct.unwrap_or(anchor)), tense),
    }
}

fn ymd_value(y: i32, m: u32, d: Option<u32>) -> Option<Resolved> {
    match d {
        Some(d) => {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            Some(Resolved {
                value: format!("{y:04}-{m:02}-{d:02}"),
                anchor: Some(date),
            })
        }
        None => Some(Resolved {
            value: format!("{y:04}-{m:02}"),
            anchor: NaiveDate::from_ymd_opt(y, m, 1),
        }),
    }
}

/// Months `first` to `last` of year `y` as a range (`2009-01/2009-03`).
fn month_range(y: i32, first: u32, last: u32) -> Option<Resolved> {
    Some(Resolved {
        value: format!("{y:04}-{first:02}/{y:04}-{last:02}"),
        anchor: NaiveDate::from_ymd_opt(y, first, 1),
    })
}

fn year_value(y: i32) -> Resolved {
    Resolved {
        value: format!("{y:04}"),
        anchor: NaiveDate::from_ymd_opt(y, 1, 1),
    }
}

fn unknown(value: String) -> Option<Resolved> {
    Some(Resolved { value, anchor: None })
}

/// The value of one partial date (or of a range, by [`resolve`]): each kind
/// of partial by its own step.
fn resolve_one(partial: &Partial, dct: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    match partial {
        Partial::Ymd { year, month, day } => ymd(*year, *month, *day, dct, tense),
        Partial::DayOfMonth { day, month_offset } => day_of_month(*day, *month_offset, dct, tense),
        Partial::Weekday { weekday, offset } => weekday_date(*weekday, *offset, dct, tense),
        Partial::MonthRel { month, offset } => {
            let Some(dct) = dct else {
                return unknown(format!("XXXX-{month:02}"));
            };
            let y = match offset {
                -1 if *month >= dct.month() => dct.year() - 1,
                1 if *month <= dct.month() => dct.year() + 1,
                _ => dct.year(),
            };
            ymd_value(y, *month, None)
        }
        Partial::Relative { unit, offset } => relative(*unit, *offset, dct),
        Partial::Quarter { quarter, year } => {
            let y = match (year, dct) {
                (YearSpec::Explicit(y), _) => *y,
                (YearSpec::Relative(k), Some(d)) => d.year() + k,
                (YearSpec::Infer, Some(d)) => {
                    let current = d.month0() / 3 + 1;
                    match tense {
                        Tense::Past if *quarter > current => d.year() - 1,
                        _ => d.year(),
                    }
                }
                (_, None) => return None,
            };
            month_range(y, (quarter - 1) * 3 + 1, quarter * 3)
        }
        Partial::Half { half, year } => {
            let y = match (year, dct) {
                (YearSpec::Explicit(y), _) => *y,
                (YearSpec::Relative(k), Some(d)) => d.year() + k,
                (YearSpec::Infer, Some(d)) => d.year(),
                (_, None) => return None,
            };
            month_range(y, (half - 1) * 6 + 1, half * 6)
        }
        Partial::Range(..) => resolve(partial, dct, tense),
    }
}

/// A day as a value (`2016-05-27`) anchored at itself.
fn day_value(date: NaiveDate) -> Resolved {
    Resolved {
        value: date.format("%Y-%m-%d").to_string(),
        anchor: Some(date),
    }
}

/// A year, a month of a year or a day (`2016`, `May 2010`, `May 27`): a year
/// left out is inferred from the publication date and the tense; without a
/// publication date it is `XXXX`.
fn ymd(year: YearSpec, month: Option<u32>, day: Option<u32>, dct: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    if let (Some(m), Some(d)) = (month, day) {
        // Invalid days (`February 30`) are no dates.
        NaiveDate::from_ymd_opt(2000, m, d)?;
    }
    let y = match (year, dct) {
        (YearSpec::Explicit(y), _) => y,
        (YearSpec::Relative(k), Some(dct)) => dct.year() + k,
        (YearSpec::Infer, Some(dct)) => match month {
            Some(m) => infer_year(dct, m, day, tense),
            None => dct.year(),
        },
        (_, None) => {
            return match (month, day) {
                (Some(m), Some(d)) => unknown(format!("XXXX-{m:02}-{d:02}")),
                (Some(m), None) => unknown(format!("XXXX-{m:02}")),
                _ => unknown("XXXX".into()),
            };
        }
    };
    match month {
        Some(m) => ymd_value(y, m, day),
        None => Some(year_value(y)),
    }
}

/// `on the 2nd`, `the 30th of last month`: the day of the month `month_offset`
/// months from publication, or, without one, of the publication month or the
/// one before (after, in a future clause), whichever the tense points to.
fn day_of_month(day: u32, month_offset: Option<i32>, dct: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    let Some(dct) = dct else {
        return unknown(format!("XXXX-XX-{day:02}"));
    };
    let date = match month_offset {
        Some(k) => {
            let first = add_months(dct.with_day(1)?, k);
            NaiveDate::from_ymd_opt(first.year(), first.month(), day)?
        }
        None => {
            let this = NaiveDate::from_ymd_opt(dct.year(), dct.month(), day);
            let first = dct.with_day(1)?;
            let prev = add_months(first, -1);
            let next = add_months(first, 1);
            let prev = NaiveDate::from_ymd_opt(prev.year(), prev.month(), day);
            let next = NaiveDate::from_ymd_opt(next.year(), next.month(), day);
            match tense {
                Tense::Future | Tense::LeaningFuture => [this, next].into_iter().flatten().find(|d| *d >= dct)?,
                _ => [this, prev].into_iter().flatten().find(|d| *d <= dct)?,
            }
        }
    };
    Some(day_value(date))
}

/// `Thursday`, `last Friday`, `next Monday`, `this Tuesday`: the weekday
/// before or after publication (by the offset, or else by the tense).
fn weekday_date(weekday: u32, offset: Option<i32>, dct: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    let Some(dct) = dct else {
        return unknown("XXXX-XX-XX".into());
    };
    let today = dct.weekday().num_days_from_monday();
    let back = (7 + today - weekday) % 7;
    let ahead = (7 + weekday - today) % 7;
    let date = match (offset, tense) {
        (Some(-1), _) => dct - Duration::days(if back == 0 { 7 } else { back } as i64),
        (Some(1), _) => dct + Duration::days(if ahead == 0 { 7 } else { ahead } as i64),
        (Some(_), _) => dct - Duration::days(today as i64) + Duration::days(weekday as i64),
        (None, Tense::Future | Tense::LeaningFuture) => dct + Duration::days(ahead as i64),
        (None, _) => dct - Duration::days(back as i64),
    };
    Some(day_value(date))
}

/// `today`, `last week`, `this weekend`, `next quarter`, `five years ago`:
/// `offset` units from publication.
fn relative(unit: Unit, k: i32, dct: Option<NaiveDate>) -> Option<Resolved> {
    let Some(dct) = dct else {
        // Only days, months and years have an unknown form in the
        // contract (`XXXX-XX-XX`, `XXXX-XX`, `XXXX`).
        return match unit {
            Unit::Day => unknown("XXXX-XX-XX".into()),
            Unit::Month => unknown("XXXX-XX".into()),
            Unit::Year => unknown("XXXX".into()),
            Unit::Week | Unit::Weekend | Unit::Quarter => None,
        };
    };
    match unit {
        Unit::Day => Some(day_value(dct + Duration::days(k as i64))),
        Unit::Week => {
            let date = dct + Duration::weeks(k as i64);
            let week = date.iso_week();
            Some(Resolved {
                value: format!("{:04}-W{:02}", week.year(), week.week()),
                anchor: NaiveDate::from_isoywd_opt(week.year(), week.week(), chrono::Weekday::Mon),
            })
        }
        Unit::Weekend => {
            // The Saturday and Sunday of that week.
            let week = (dct + Duration::weeks(k as i64)).iso_week();
            let saturday = NaiveDate::from_isoywd_opt(week.year(), week.week(), chrono::Weekday::Sat)?;
            let sunday = saturday + Duration::days(1);
            Some(Resolved {
                value: format!("{}/{}", saturday.format("%Y-%m-%d"), sunday.format("%Y-%m-%d")),
                anchor: Some(saturday),
            })
        }
        Unit::Month => {
            let first = add_months(dct.with_day(1)?, k);
            ymd_value(first.year(), first.month(), None)
        }
        Unit::Quarter => {
            let index = dct.year() * 4 + (dct.month0() / 3) as i32 + k;
            let (y, q) = (index.div_euclid(4), index.rem_euclid(4) as u32 + 1);
            month_range(y, (q - 1) * 3 + 1, q * 3)
        }
        Unit::Year => Some(year_value(dct.year() + k)),
    }
}

/// Days ahead of publication within which a date only leaning to the past
/// keeps its nearer, future reading (`on November 11, maybe eliminated`
/// written on November 5).
const LEANING_PAST_HORIZON: i64 = 30;

/// Days before publication within which a date only leaning to the future
/// keeps its nearer, past reading (`a tariff imposed in September would
/// remain`, written in November). News looks back more often than ahead, so
/// this horizon is the wider one.
const LEANING_FUTURE_HORIZON: i64 = 92;

/// The year of a month (and day) the text gives without one.
fn infer_year(dct: NaiveDate, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    // Compare in days from the publication date; a month counts as its
    // first day when the publication falls in another month.
    let key = |y: i32| -> Option<i64> {
        let d = match day {
            Some(d) => NaiveDate::from_ymd_opt(y, month, d)?,
            None if y == dct.year() && month == dct.month() => dct,
            None => NaiveDate::from_ymd_opt(y, month, 1)?,
        };
        Some((d - dct).num_days())
    };
    let candidates: Vec<(i32, i64)> = (dct.year() - 1..=dct.year() + 1)
        .filter_map(|y| key(y).map(|k| (y, k)))
        .collect();
    let past = candidates.iter().filter(|(_, k)| *k <= 0).max_by_key(|(_, k)| *k);
    let future = candidates.iter().filter(|(_, k)| *k >= 0).min_by_key(|(_, k)| *k);
    let nearest = candidates.iter().min_by_key(|(_, k)| (k.abs(), *k > 0));
    let pick = match tense {
        Tense::Past => past,
        Tense::Future => future,
        Tense::LeaningPast => match nearest {
            Some((_, k)) if *k > LEANING_PAST_HORIZON => past,
            _ => nearest,
        },
        Tense::LeaningFuture => match nearest {
            Some((_, k)) if *k < -LEANING_FUTURE_HORIZON => future,
            _ => nearest,
        },
        Tense::Unknown => nearest,
    };
    pick.map_or(dct.year(), |(y, _)| *y)
}

fn add_months(first: NaiveDate, k: i32) -> NaiveDate {
    let index = first.year() * 12 + first.month0() as i32 + k;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1).unwrap_or(first)
}
