//! A serde serializer that writes serde_json's pretty JSON (2-space indent)
//! straight into a byte buffer, byte for byte what `serde_json` writes with
//! [`super::json`]'s formatter. serde_json escapes strings one byte at a
//! time through a table and calls its formatter for every fragment; most of
//! `entitlements.json` is strings (labels in two scripts, segment ids), so
//! here a string is scanned eight bytes at a time and copied in runs.
//!
//! What the records of `entitlements.json` never hold (byte strings,
//! non-string map keys, enum variants with data outside a tagged struct)
//! is refused with [`Unsupported`]; [`super::json::write_pretty`]
//! then writes that value through serde_json instead.

use std::fmt;

use serde::ser::{self, Serialize};

/// A value this serializer leaves to serde_json.
#[derive(Debug)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Unsupported
    }
}

type Result<T = ()> = std::result::Result<T, Unsupported>;

/// A newline, then the deepest indentation written in one piece (deeper
/// levels write the rest level by level).
const BREAK: &[u8] = b",\n                                                                ";

/// Appends `value` as pretty JSON to `out`, as if it stood `level` levels
/// deep (see [`super::json::write_pretty`]); `Err` leaves a partial value
/// behind, for the caller to cut.
pub fn write<T: Serialize + ?Sized>(value: &T, level: usize, out: &mut Vec<u8>) -> Result {
    value.serialize(&mut Pretty {
        out,
        level,
        compact: false,
    })
}

/// Appends `value` as compact JSON (serde_json's `to_vec`) to `out`;
/// `Err` leaves a partial value behind, for the caller to cut.
pub fn write_compact<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result {
    value.serialize(&mut Pretty {
        out,
        level: 0,
        compact: true,
    })
}

/// The output and the depth of the value being written.
pub struct Pretty<'a> {
    out: &'a mut Vec<u8>,
    level: usize,
    /// No line breaks, indentation or space after colons.
    compact: bool,
}

impl<'a> Pretty<'a> {
    /// `,\n` (or `\n` before the first element) and the indentation of `level`.
    fn line(&mut self, first: bool) {
        if self.compact {
            if !first {
                self.out.push(b',');
            }
            return;
        }
        let from = usize::from(first);
        let width = 2 + self.level * 2;
        match BREAK.get(from..width) {
            Some(bytes) => self.out.extend_from_slice(bytes),
            None => {
                self.out
                    .extend_from_slice(BREAK.get(from..2).unwrap_or(b"\n"));
                for _ in 0..self.level {
                    self.out.extend_from_slice(b"  ");
                }
            }
        }
    }

    /// Opens an array or object; `Some(0)` elements closes it at once.
    fn open<'s>(&'s mut self, open: u8, close: u8, len: Option<usize>) -> Compound<'s, 'a> {
        self.out.push(open);
        let empty = len == Some(0);
        if empty {
            self.out.push(close);
        } else {
            self.level += 1;
        }
        Compound {
            close: if empty { None } else { Some(close) },
            first: true,
            ser: self,
        }
    }

    /// Between a key and its value.
    fn colon(&mut self) {
        self.out
            .extend_from_slice(if self.compact { b":" } else { b": " });
    }

    fn integer(&mut self, v: impl decimal::Integer) -> Result {
        v.push_to(self.out);
        Ok(())
    }
}

/// Decimal integers without `format!`'s machinery.
mod decimal {
    pub trait Integer: Copy {
        fn push_to(self, out: &mut Vec<u8>);
    }

    macro_rules! unsigned {
        ($($t:ty),*) => {$(
            impl Integer for $t {
                fn push_to(self, out: &mut Vec<u8>) {
                    push_unsigned(out, self as u128);
                }
            }
        )*};
    }
    macro_rules! signed {
        ($($t:ty),*) => {$(
            impl Integer for $t {
                fn push_to(self, out: &mut Vec<u8>) {
                    if self < 0 {
                        out.push(b'-');
                    }
                    push_unsigned(out, (self as i128).unsigned_abs());
                }
            }
        )*};
    }
    unsigned!(u8, u16, u32, u64, u128);
    signed!(i8, i16, i32, i64, i128);

    fn push_unsigned(out: &mut Vec<u8>, mut n: u128) {
        const CHUNK: u128 = 10_000_000_000_000_000_000;
        let mut digits = [0u8; 39];
        let mut start = digits.len();
        // 128-bit division is a library call: it only peels off chunks of
        // 19 digits, which are written with 64-bit division.
        loop {
            let (rest, mut chunk) = match u64::try_from(n) {
                Ok(small) => (0, small),
                Err(_) => (n / CHUNK, (n % CHUNK) as u64),
            };
            let mut width = 0;
            while start > 0 {
                start -= 1;
                if let Some(d) = digits.get_mut(start) {
                    *d = b'0' + (chunk % 10) as u8;
                }
                chunk /= 10;
                width += 1;
                if chunk == 0 && (rest == 0 || width == 19) {
                    break;
                }
            }
            n = rest;
            if n == 0 || start == 0 {
                break;
            }
        }
        out.extend_from_slice(digits.get(start..).unwrap_or_default());
    }
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it: `"`,
/// `\` and control characters (short forms for `\b \t \n \f \r`, else
/// `\u00xx` in lowercase hex); everything else as it is.
pub fn push_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    while let Some(i) = next_special(bytes, start) {
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        let b = bytes.get(i).copied().unwrap_or_default();
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            _ => 0,
        };
        if short == 0 {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.push(b'\\');
            out.push(short);
        }
        start = i + 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// Whether [`push_str`] escapes byte `b`.
fn is_special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The first byte at or after `from` that [`push_str`] escapes. Eight bytes
/// are tested at once: bytes below 0x20, `"` and `\` by the classic "has a
/// zero byte" test, whose lowest hit is exact (borrows run upwards); the
/// word with a hit is then searched byte by byte.
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    let rest = bytes.get(from..)?;
    let mut at = from;
    for word in rest.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(word) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        let below = x.wrapping_sub(ONES * 0x20) & !x;
        let quote = zero(x ^ (ONES * u64::from(b'"')));
        let backslash = zero(x ^ (ONES * u64::from(b'\\')));
        if (below | quote | backslash) & HIGHS != 0 {
            break;
        }
        at += 8;
    }
    let found = bytes.get(at..)?.iter().position(|&b| is_special(b));
    found.map(|i| at + i)
}

/// An open array or object.
pub struct Compound<'s, 'a> {
    ser: &'s mut Pretty<'a>,
    /// The closing bracket; `None` when the value was empty and is closed.
    close: Option<u8>,
    first: bool,
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.ser.line(self.first);
        self.first = false;
        value.serialize(&mut *self.ser)
    }

    fn entry<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result {
        self.ser.line(self.first);
        self.first = false;
        push_str(self.ser.out, key);
        self.ser.colon();
        value.serialize(&mut *self.ser)
    }

    fn close(self) -> Result {
        if let Some(close) = self.close {
            self.ser.level -= 1;
            if !self.first && !self.ser.compact {
                self.ser.line(true);
            }
            self.ser.out.push(close);
        }
        Ok(())
    }
}

impl<'s, 'a> ser::Serializer for &'s mut Pretty<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result {
        self.integer(v)
    }

    fn serialize_i16(self, v: i16) -> Result {
        self.integer(v)
    }

    fn serialize_i32(self, v: i32) -> Result {
        self.integer(v)
    }

    fn serialize_i64(self, v: i64) -> Result {
        self.integer(v)
    }

    fn serialize_u8(self, v: u8) -> Result {
        self.integer(v)
    }

    fn serialize_u16(self, v: u16) -> Result {
        self.integer(v)
    }

    fn serialize_u32(self, v: u32) -> Result {
        self.integer(v)
    }

    fn serialize_u64(self, v: u64) -> Result {
        self.integer(v)
    }

    fn serialize_i128(self, v: i128) -> Result {
        self.integer(v)
    }

    fn serialize_u128(self, v: u128) -> Result {
        self.integer(v)
    }

    /// Floats as serde_json formats them (shortest round-trip, `null` for
    /// NaN and infinities).
    fn serialize_f32(self, v: f32) -> Result {
        serde_json::to_writer(&mut *self.out, &v).map_err(|_| Unsupported)
    }

    fn serialize_f64(self, v: f64) -> Result {
        serde_json::to_writer(&mut *self.out, &v).map_err(|_| Unsupported)
    }

    fn serialize_char(self, v: char) -> Result {
        push_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result {
        push_str(self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result {
        Err(Unsupported)
    }

    fn serialize_none(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_none()
    }

    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        Err(Unsupported)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'s, 'a>> {
        Ok(self.open(b'[', b']', len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'s, 'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'s, 'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Unsupported)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'s, 'a>> {
        Ok(self.open(b'{', b'}', len))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'s, 'a>> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Unsupported)
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.ser.line(self.first);
        self.first = false;
        key.serialize(Key(self.ser.out))?;
        self.ser.colon();
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.entry(key, value)
    }

    fn end(self) -> Result {
        self.close()
    }
}

/// Writes a map key that is a string (escaped, as serde_json writes it);
/// refuses any other.
struct Key<'o>(&'o mut Vec<u8>);

/// Serializer methods that refuse their value.
macro_rules! refuse {
    ($($name:ident($($arg:ty),*) -> $ok:ty;)*) => {$(
        fn $name(self, $(_: $arg),*) -> Result<$ok> {
            Err(Unsupported)
        }
    )*};
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Result {
        push_str(self.0, v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result {
        push_str(self.0, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    refuse! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result {
        Err(Unsupported)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        Err(Unsupported)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// What serde_json's pretty printer writes for `value`.
    fn serde_json_pretty<T: Serialize + ?Sized>(value: &T) -> String {
        serde_json::to_string_pretty(value).unwrap()
    }

    fn direct<T: Serialize + ?Sized>(value: &T) -> String {
        let mut out = Vec::new();
        write(value, 0, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn matches_serde_json_on_nested_values() {
        let deep = (0..40).fold(
            serde_json::json!("leaf\n\"x\""),
            |v, i| serde_json::json!({ "k": [v, i, -i, 1.5, 1e300, null, true, false, {}, []] }),
        );
        assert_eq!(direct(&deep), serde_json_pretty(&deep));
        for n in [f64::NAN, f64::INFINITY, -0.0, 0.1, 123456789.125, 5e-324] {
            assert_eq!(direct(&n), serde_json_pretty(&n));
        }
        for n in [i64::MIN, -1, 0, i64::MAX] {
            assert_eq!(direct(&n), serde_json_pretty(&n));
        }
        assert_eq!(direct(&u64::MAX), serde_json_pretty(&u64::MAX));
        let padded = [
            10_000_000_000_000_000_000,
            100_000_000_000_000_000_000_000_005,
        ];
        for n in [i128::MIN, -1, 0, 1_795_422_726_280_717_394, i128::MAX]
            .into_iter()
            .chain(padded)
        {
            assert_eq!(direct(&n), serde_json_pretty(&n));
        }
        assert_eq!(direct(&u128::MAX), serde_json_pretty(&u128::MAX));
        assert_eq!(direct(&'\u{7}'), serde_json_pretty(&'\u{7}'));
        let tuple = (1u8, "a", (), Some(2i16), None::<u32>, vec![(); 0]);
        assert_eq!(direct(&tuple), serde_json_pretty(&tuple));
    }

    fn compact<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
        let mut out = Vec::new();
        write_compact(value, &mut out).unwrap();
        out
    }

    #[test]
    fn compact_matches_serde_json_to_vec() {
        let deep = (0..10).fold(
            serde_json::json!("leaf\n\"x\""),
            |v, i| serde_json::json!({ "k": [v, i, 1.5, null, true, {}, [], {"a": []}] }),
        );
        assert_eq!(compact(&deep), serde_json::to_vec(&deep).unwrap());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let all = crate::extract::run(&root).unwrap();
        assert_eq!(
            compact(&all.entitlements),
            serde_json::to_vec(&all.entitlements).unwrap()
        );
        assert_eq!(
            compact(&all.diagnostics),
            serde_json::to_vec(&all.diagnostics).unwrap()
        );
    }

    #[test]
    fn escapes_every_byte_as_serde_json_does() {
        for b in 0..=127u8 {
            for pad in 0..17 {
                let text = format!("{}{}{}", "x".repeat(pad), char::from(b), "한".repeat(3));
                assert_eq!(direct(&text), serde_json_pretty(&text), "{b} at {pad}");
            }
        }
    }

    #[test]
    fn refuses_what_it_leaves_to_serde_json() {
        let mut out = Vec::new();
        let keys: BTreeMap<u32, &str> = [(1, "a")].into();
        assert!(write(&keys, 0, &mut out).is_err());
        #[derive(serde::Serialize)]
        enum Variant {
            Data(u8),
        }
        assert!(write(&Variant::Data(1), 0, &mut out).is_err());
        // The writer of `entitlements.json` falls back to serde_json.
        let mut out = Vec::new();
        super::super::json::write_pretty(&keys, 0, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), serde_json_pretty(&keys));
    }

    #[test]
    fn matches_serde_json_on_the_bundled_entitlements() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let all = crate::extract::run(&root).unwrap().entitlements;
        assert!(!all.procedures.is_empty() && !all.entitlements.is_empty());
        assert_eq!(direct(&all), serde_json_pretty(&all));
    }

    proptest! {
        #[test]
        fn any_text_is_escaped_as_serde_json_escapes_it(text in any::<String>()) {
            prop_assert_eq!(direct(&text), serde_json_pretty(&text));
            let map: BTreeMap<&str, Vec<&str>> = [(text.as_str(), vec![text.as_str(); 2])].into();
            prop_assert_eq!(direct(&map), serde_json_pretty(&map));
            prop_assert_eq!(compact(&map), serde_json::to_vec(&map).unwrap());
        }
    }
}
