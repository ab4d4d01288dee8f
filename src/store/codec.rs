//! The record codec: `[format version: u8][bincode 2 standard() payload]`.
//!
//! bincode is not self-describing, so each version of a record is a frozen struct and a new
//! layout gets a new version byte. Decoding is bounded and must consume the whole value.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// No single value is larger than this; a person's grouped records stay far below it.
pub const DECODE_LIMIT: usize = 16 * 1024 * 1024;

type Config = bincode::config::Configuration<
    bincode::config::LittleEndian,
    bincode::config::Varint,
    bincode::config::Limit<DECODE_LIMIT>,
>;

fn config() -> Config {
    bincode::config::standard().with_limit::<DECODE_LIMIT>()
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the value is empty")]
    Empty,
    #[error("unknown format version {0} (written by a newer kinerja?)")]
    UnknownVersion(u8),
    #[error("the value is damaged: {0}")]
    Malformed(String),
    #[error("{0} bytes are left over after the record")]
    TrailingBytes(usize),
    #[error("a field is invalid: {0}")]
    Invalid(String),
    #[error("the record is too large to store ({0})")]
    TooLarge(String),
}

/// Encodes a payload behind its version byte.
pub fn encode<T: Serialize>(version: u8, value: &T) -> Result<Vec<u8>, DecodeError> {
    let bytes = bincode::serde::encode_to_vec(value, config())
        .map_err(|e| DecodeError::TooLarge(e.to_string()))?;
    if bytes.len() > DECODE_LIMIT {
        return Err(DecodeError::TooLarge(format!("{} bytes", bytes.len())));
    }
    let mut out = Vec::with_capacity(bytes.len() + 1);
    out.push(version);
    out.extend_from_slice(&bytes);
    Ok(out)
}

/// Splits a value into its version byte and payload.
pub fn split(bytes: &[u8]) -> Result<(u8, &[u8]), DecodeError> {
    match bytes.split_first() {
        Some((v, rest)) => Ok((*v, rest)),
        None => Err(DecodeError::Empty),
    }
}

/// Decodes a payload that must fill the whole slice.
pub fn decode_payload<T: DeserializeOwned>(payload: &[u8]) -> Result<T, DecodeError> {
    let (value, used) = bincode::serde::decode_from_slice::<T, _>(payload, config())
        .map_err(|e| DecodeError::Malformed(e.to_string()))?;
    if used != payload.len() {
        return Err(DecodeError::TrailingBytes(payload.len() - used));
    }
    Ok(value)
}

/// As [`decode_payload`], for a type that borrows its text from `payload` (no copies): for
/// passes that read one field of many records.
pub fn decode_payload_borrowed<'a, T: serde::Deserialize<'a>>(
    payload: &'a [u8],
) -> Result<T, DecodeError> {
    let (value, used) = bincode::serde::borrow_decode_from_slice::<T, _>(payload, config())
        .map_err(|e| DecodeError::Malformed(e.to_string()))?;
    if used != payload.len() {
        return Err(DecodeError::TrailingBytes(payload.len() - used));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_round_trips_behind_its_version() {
        let bytes = encode(7, &("abc".to_string(), 42u32)).unwrap();
        assert_eq!(bytes[0], 7);
        let (v, payload) = split(&bytes).unwrap();
        assert_eq!(v, 7);
        let back: (String, u32) = decode_payload(payload).unwrap();
        assert_eq!(back, ("abc".to_string(), 42));
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut bytes = encode(1, &5u32).unwrap();
        bytes.push(0);
        let (_, payload) = split(&bytes).unwrap();
        assert_eq!(
            decode_payload::<u32>(payload),
            Err(DecodeError::TrailingBytes(1))
        );
    }

    #[test]
    fn an_empty_value_is_refused() {
        assert_eq!(split(&[]), Err(DecodeError::Empty));
    }

    #[test]
    fn a_huge_declared_length_is_refused_not_allocated() {
        // A string whose varint length says 2^40 bytes.
        let payload = [253u8, 0, 0, 0, 0, 0, 1, 0, 0];
        assert!(matches!(
            decode_payload::<String>(&payload),
            Err(DecodeError::Malformed(_))
        ));
    }
}
