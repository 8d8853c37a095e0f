//! Python objects to what the pipeline reads: an input item becomes a JSONL
//! line (its text, or the JSON value of a dict), and records given back to
//! `canonical_events` become JSON values.
//!
//! A dict is taken as `json.dumps` would write it and serde_json read it back:
//! str, int, float, bool, None, list, tuple and dict (with str keys) have a
//! JSON form; a float NaN (pandas' missing value) or infinity is `null`, as
//! serde_json makes of it; anything else (a date, a set) has none, and an
//! article holding one becomes an `error` record saying where.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use sanctions_extract::sources::Line;
use serde_json::{Map, Number, Value};

/// An input item as a JSONL line: a str or bytes is the line's text, parsed
/// as the CLI parses a line; anything else is taken as the line's JSON value.
pub fn line(item: &Bound<'_, PyAny>) -> Line {
    if let Ok(text) = item.cast::<PyString>() {
        return Line::Bytes(string(text).into_bytes());
    }
    if let Ok(bytes) = item.cast::<PyBytes>() {
        return Line::Bytes(bytes.as_bytes().to_vec());
    }
    if let Ok(bytes) = item.cast::<PyByteArray>() {
        return Line::Bytes(bytes.to_vec());
    }
    let mut size = 0;
    match json(item, &mut size) {
        Ok(value) => Line::Parsed(value, size),
        Err(Unusable { type_name, at: None }) => {
            Line::Unusable(format!("expected a JSON object, found a Python {type_name}"))
        }
        Err(Unusable {
            type_name,
            at: Some(field),
        }) => Line::Unusable(format!("`{field}` holds a Python {type_name}, which has no JSON form")),
    }
}

/// A value without a JSON form: its type, and the top-level field of the
/// dict that holds it (`None` for the item itself).
pub struct Unusable {
    pub type_name: String,
    pub at: Option<String>,
}

/// The JSON value of a Python object; `size` grows by the bytes its strings
/// take (and eight for any other value), the input size the pipeline counts.
pub fn json(object: &Bound<'_, PyAny>, size: &mut u64) -> Result<Value, Unusable> {
    let value = if let Ok(text) = object.cast::<PyString>() {
        let text = string(text);
        *size += text.len() as u64;
        return Ok(Value::String(text));
    } else if let Ok(dict) = object.cast::<PyDict>() {
        let mut map = Map::new();
        for (key, value) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(unusable(&key, None));
            };
            let key = string(key);
            let value = json(&value, size).map_err(|mut e| {
                e.at.get_or_insert_with(|| key.clone());
                e
            })?;
            *size += key.len() as u64;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    } else if object.is_none() {
        Value::Null
    } else if let Ok(flag) = object.cast::<PyBool>() {
        Value::Bool(flag.is_true())
    } else if object.is_instance_of::<PyInt>() {
        integer(object).ok_or_else(|| unusable(object, None))?
    } else if object.is_instance_of::<PyFloat>() {
        let float: f64 = object.extract().map_err(|_| unusable(object, None))?;
        Number::from_f64(float).map_or(Value::Null, Value::Number)
    } else if object.is_instance_of::<PyList>() || object.is_instance_of::<PyTuple>() {
        let items = object.try_iter().map_err(|_| unusable(object, None))?;
        let mut array = Vec::new();
        for item in items {
            array.push(json(&item.map_err(|_| unusable(object, None))?, size)?);
        }
        return Ok(Value::Array(array));
    } else {
        return Err(unusable(object, None));
    };
    *size += 8;
    Ok(value)
}

/// A str as UTF-8; a lone surrogate (which UTF-8 cannot hold) becomes U+FFFD.
fn string(text: &Bound<'_, PyString>) -> String {
    // Strict first: the lossy conversion checks every byte again.
    match text.to_cow() {
        Ok(text) => text.into_owned(),
        Err(_) => text.to_string_lossy().into_owned(),
    }
}

/// An int as serde_json reads one: exact within 64 bits, else the nearest
/// float.
fn integer(object: &Bound<'_, PyAny>) -> Option<Value> {
    if let Ok(n) = object.extract::<i64>() {
        return Some(Value::from(n));
    }
    if let Ok(n) = object.extract::<u64>() {
        return Some(Value::from(n));
    }
    let float: f64 = object.call_method0("__float__").ok()?.extract().ok()?;
    Number::from_f64(float).map(Value::Number)
}

fn unusable(object: &Bound<'_, PyAny>, at: Option<String>) -> Unusable {
    let kind = object.get_type();
    let name = kind
        .fully_qualified_name()
        .map_or_else(|_| "object".to_string(), |n| n.to_string());
    Unusable { type_name: name, at }
}
