//! Records (any `Serialize` value) to Python objects, exactly as `json.loads`
//! makes them of the value's JSON line: objects become dicts with their keys in
//! the line's order, arrays (spans too) lists, numbers ints or floats, `null`
//! None, and a float JSON cannot hold (NaN, infinities) None, as serde_json
//! writes it `null`.
//!
//! A serde serializer that builds the objects directly, on the one thread
//! that holds the GIL while the workers extract: `json.loads` of a typical
//! record's line takes some 400,000 instructions, 2.4 times this thread's
//! whole share of a record (taking it from the channel, building its objects
//! with the kept keys, ints and short strings below, freeing it), measured
//! with callgrind.

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};
use std::fmt;
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

/// The Python object of `value`, as `json.loads(serde_json.to_string(value))`.
pub fn to_python<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(ToPython { py }).map_err(|e| e.0)
}

/// A failure to build an object (Python out of memory, a map key that is no
/// string), carried through serde as its error.
#[derive(Debug)]
pub struct ConvertError(PyErr);

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for ConvertError {}

impl ser::Error for ConvertError {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        ConvertError(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for ConvertError {
    fn from(err: PyErr) -> Self {
        ConvertError(err)
    }
}

type Result<T> = std::result::Result<T, ConvertError>;

/// Python objects made once and kept for good: the strings of field names
/// and the ints of span offsets. A record has some 150 keys and 80 offsets
/// above CPython's cached small ints; making each anew (and freeing it with
/// the dict) cost as much as the rest of the record. The tables are read and
/// filled only by threads that hold the GIL; each entry holds a strong
/// reference, never given back.
struct Kept<const N: usize> {
    /// What an entry stands for (a name's address and length, or the int).
    keys: [AtomicUsize; N],
    objects: [AtomicPtr<pyo3::ffi::PyObject>; N],
}

impl<const N: usize> Kept<N> {
    const fn new() -> Self {
        Kept {
            keys: [const { AtomicUsize::new(usize::MAX) }; N],
            objects: [const { AtomicPtr::new(std::ptr::null_mut()) }; N],
        }
    }

    /// The object kept in `slot` for `key`, else one made by `make` and kept
    /// there instead of what the slot held.
    fn get<'py>(
        &self,
        py: Python<'py>,
        slot: usize,
        key: usize,
        make: impl FnOnce() -> Bound<'py, PyAny>,
    ) -> Bound<'py, PyAny> {
        let kept = self.objects[slot].load(Ordering::Relaxed);
        if !kept.is_null() && self.keys[slot].load(Ordering::Relaxed) == key {
            // SAFETY: the entry holds a strong reference to `kept`, and the
            // GIL, which is held, keeps other threads from replacing it now.
            return unsafe { Bound::from_borrowed_ptr(py, kept) };
        }
        let made = make();
        let old = self.objects[slot].swap(made.clone().into_ptr(), Ordering::Relaxed);
        self.keys[slot].store(key, Ordering::Relaxed);
        if !old.is_null() {
            // SAFETY: the entry's reference to the object it held.
            drop(unsafe { Bound::from_owned_ptr(py, old) });
        }
        made
    }
}

/// Field names, by the address of their `&'static str` (a slot of the table
/// by address, the length checked too).
static KEYS: Kept<1024> = Kept::new();
/// Ints below 65,536: offsets into texts of up to 64 KB.
static INTS: Kept<65536> = Kept::new();

/// The interned Python string of a field name.
fn key<'py>(py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
    let address = name.as_ptr() as usize;
    let slot = (address ^ (address >> 10) ^ name.len()) % 1024;
    let id = address.wrapping_add(name.len() << 48);
    let kept = KEYS.get(py, slot, id, || PyString::intern(py, name).into_any());
    // SAFETY: KEYS holds only strings.
    unsafe { kept.cast_into_unchecked() }
}

/// Strings of up to this many bytes are kept (field values such as `country`,
/// `body.lexicon`, `US`, `United States`: nine in ten of a record's strings
/// repeat those of records before).
const SHORT: usize = 32;
const SHORT_SLOTS: usize = 4096;

/// A kept short string: its UTF-8 bytes, and a strong reference to its object
/// (never given back, also when the thread ends: a few KB at most).
#[derive(Clone, Copy)]
struct Short {
    len: u8,
    bytes: [u8; SHORT],
    object: *mut pyo3::ffi::PyObject,
}

thread_local! {
    /// Per thread, so that only the thread that holds it reads or writes an
    /// entry (and holds the GIL while it does).
    static SHORTS: std::cell::RefCell<Vec<Short>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A Python str of `v`; a short one is the object kept for the same bytes, if
/// the slot its hash picks holds it, else made and kept there. Sharing a str
/// is invisible (it is immutable), and it saves making and freeing one.
fn string<'py>(py: Python<'py>, v: &str) -> Bound<'py, PyAny> {
    if v.len() > SHORT {
        return PyString::new(py, v).into_any();
    }
    let slot = {
        use std::hash::Hasher;
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(v.as_bytes());
        (hasher.finish() >> 20) as usize % SHORT_SLOTS
    };
    SHORTS.with_borrow_mut(|shorts| {
        if shorts.is_empty() {
            shorts.resize(
                SHORT_SLOTS,
                Short {
                    len: 0,
                    bytes: [0; SHORT],
                    object: std::ptr::null_mut(),
                },
            );
        }
        let entry = &mut shorts[slot];
        if !entry.object.is_null() && entry.bytes[..usize::from(entry.len)] == *v.as_bytes() {
            // SAFETY: the entry holds a strong reference to its object.
            return unsafe { Bound::from_borrowed_ptr(py, entry.object) };
        }
        let made = PyString::new(py, v).into_any();
        let old = std::mem::replace(&mut entry.object, made.clone().into_ptr());
        entry.len = v.len() as u8;
        entry.bytes[..v.len()].copy_from_slice(v.as_bytes());
        if !old.is_null() {
            // SAFETY: the entry's reference to the object it held.
            drop(unsafe { Bound::from_owned_ptr(py, old) });
        }
        made
    })
}

/// A Python int, the same object for every small one.
fn int<'py>(py: Python<'py>, value: u64) -> Result<Bound<'py, PyAny>> {
    if value < 65536 {
        let n = value as usize;
        return Ok(INTS.get(py, n, n, || value.into_pyobject(py).expect("an int").into_any()));
    }
    Ok(value.into_bound_py_any(py)?)
}

#[derive(Clone, Copy)]
struct ToPython<'py> {
    py: Python<'py>,
}

impl<'py> ToPython<'py> {
    fn object(self, value: impl IntoPyObject<'py>) -> Result<Bound<'py, PyAny>> {
        Ok(value.into_bound_py_any(self.py)?)
    }

    /// `{variant: value}`, as serde_json writes an enum variant with data.
    fn variant(self, variant: &'static str, value: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>> {
        let dict = PyDict::new(self.py);
        dict.set_item(key(self.py, variant), value)?;
        Ok(dict.into_any())
    }
}

impl<'py> ser::Serializer for ToPython<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    type SerializeSeq = Seq<'py>;
    type SerializeTuple = Seq<'py>;
    type SerializeTupleStruct = Seq<'py>;
    type SerializeTupleVariant = Variant<Seq<'py>>;
    type SerializeMap = Map<'py>;
    type SerializeStruct = Map<'py>;
    type SerializeStructVariant = Variant<Map<'py>>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        match u64::try_from(v) {
            Ok(v) => int(self.py, v),
            Err(_) => self.object(v),
        }
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        int(self.py, u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        int(self.py, u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        int(self.py, u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        int(self.py, v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        if v.is_finite() {
            self.object(v)
        } else {
            self.serialize_none()
        }
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(string(self.py, v))
    }
    /// A list of ints, as serde_json writes bytes.
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<Self::Ok> {
        Ok(key(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let value = value.serialize(self)?;
        self.variant(variant, value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'py>> {
        let len = len.unwrap_or(0);
        // SAFETY: PyList_New gives a new reference (or null, with the error
        // set); its `len` slots are null until filled, which list_dealloc and
        // PyList_SetSlice allow.
        let list = unsafe { Bound::from_owned_ptr_or_err(self.py, ffi::PyList_New(len as ffi::Py_ssize_t))? };
        Ok(Seq {
            to: self,
            list: unsafe { list.cast_into_unchecked() },
            len,
            filled: 0,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Seq<'py>>> {
        Ok(Variant {
            variant,
            inner: self.serialize_seq(Some(len))?,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'py>> {
        Ok(Map {
            to: self,
            dict: PyDict::new(self.py),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'py>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Map<'py>>> {
        Ok(Variant {
            variant,
            inner: self.serialize_map(Some(len))?,
        })
    }
}

/// A list being built: made with the length serde announces (exact for the
/// records' Vecs and arrays), its slots filled in turn, without a Vec between.
pub struct Seq<'py> {
    to: ToPython<'py>,
    list: Bound<'py, PyList>,
    /// The slots the list was made with, and how many are filled.
    len: usize,
    filled: usize,
}

impl<'py> Seq<'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let item = value.serialize(self.to)?;
        if self.filled < self.len {
            // SAFETY: a slot of the list, still null; PyList_SetItem takes
            // over the reference given.
            let status =
                unsafe { ffi::PyList_SetItem(self.list.as_ptr(), self.filled as ffi::Py_ssize_t, item.into_ptr()) };
            if status != 0 {
                return Err(PyErr::fetch(self.to.py).into());
            }
        } else {
            // More items than announced.
            self.list.append(item)?;
        }
        self.filled += 1;
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>> {
        if self.filled < self.len {
            // Fewer items than announced: the null slots go.
            // SAFETY: deleting a slice of a list (a null value deletes).
            let status = unsafe {
                ffi::PyList_SetSlice(
                    self.list.as_ptr(),
                    self.filled as ffi::Py_ssize_t,
                    self.len as ffi::Py_ssize_t,
                    std::ptr::null_mut(),
                )
            };
            if status != 0 {
                return Err(PyErr::fetch(self.to.py).into());
            }
        }
        Ok(self.list.into_any())
    }
}

impl<'py> ser::SerializeSeq for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

/// A dict being built; `key` is a map's key waiting for its value.
pub struct Map<'py> {
    to: ToPython<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> Map<'py> {
    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<()> {
        let value = value.serialize(self.to)?;
        Ok(self.dict.set_item(key(self.to.py, name), value)?)
    }
}

impl<'py> ser::SerializeMap for Map<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        let key = key.serialize(self.to)?;
        if !key.is_instance_of::<PyString>() {
            return Err(ser::Error::custom("a map key that is not a string has no JSON form"));
        }
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self.key.take().expect("serde gives a key before its value");
        Ok(self.dict.set_item(key, value.serialize(self.to)?)?)
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<()> {
        self.field(name, value)
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

/// An enum variant with data: `{variant: inner}`.
pub struct Variant<T> {
    variant: &'static str,
    inner: T,
}

impl<'py> ser::SerializeTupleVariant for Variant<Seq<'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.inner.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        let to = self.inner.to;
        to.variant(self.variant, self.inner.finish()?)
    }
}

impl<'py> ser::SerializeStructVariant for Variant<Map<'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<()> {
        self.inner.field(name, value)
    }
    fn end(self) -> Result<Self::Ok> {
        let to = self.inner.to;
        to.variant(self.variant, self.inner.dict.into_any())
    }
}
