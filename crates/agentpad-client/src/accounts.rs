//! Account readers: an account's bytes to the program's type, its discriminator checked.

use agentpad_math::segment::{SEGMENT_LEN, Segment};
use anchor_lang::{AccountDeserialize, Discriminator};

/// Why an account's bytes are not the type asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The data does not start with the type's discriminator.
    WrongDiscriminator,
    /// The data is shorter than the discriminator and the type.
    TooShort { len: usize, need: usize },
    /// Borsh could not decode the data.
    Decode(String),
}

impl core::fmt::Display for ReadError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::WrongDiscriminator => write!(f, "the account is not of the expected type (discriminator)"),
            Self::TooShort { len, need } => write!(f, "the account holds {len} bytes, the type needs {need}"),
            Self::Decode(e) => write!(f, "the account does not decode: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// A zero-copy account (`Pool`, `Preset`, `AgentVault`, `StakePool`, `Position`).
pub fn zero_copy<T: bytemuck::Pod + Discriminator>(data: &[u8]) -> Result<T, ReadError> {
    let disc = T::DISCRIMINATOR;
    let need = disc.len() + core::mem::size_of::<T>();
    if data.len() < need {
        return Err(ReadError::TooShort { len: data.len(), need });
    }
    if &data[..disc.len()] != disc {
        return Err(ReadError::WrongDiscriminator);
    }
    Ok(bytemuck::pod_read_unaligned(&data[disc.len()..need]))
}

/// The curve segments a preset or pool account (`T`) stores after its fixed part.
pub fn curve_segments<T: bytemuck::Pod + Discriminator>(data: &[u8], count: u8) -> Result<Vec<Segment>, ReadError> {
    let start = T::DISCRIMINATOR.len() + core::mem::size_of::<T>();
    let need = start + count as usize * SEGMENT_LEN;
    let bytes = data.get(start..need).ok_or(ReadError::TooShort { len: data.len(), need })?;
    Ok(bytes.chunks_exact(SEGMENT_LEN).map(bytemuck::pod_read_unaligned).collect())
}

/// A Borsh account (`Config`, `Agent`, `Store`, `Peer`, `Policy`, `OftConfig`).
pub fn borsh<T: AccountDeserialize + Discriminator>(data: &[u8]) -> Result<T, ReadError> {
    if !data.starts_with(T::DISCRIMINATOR) {
        return Err(ReadError::WrongDiscriminator);
    }
    T::try_deserialize(&mut &data[..]).map_err(|e| ReadError::Decode(e.to_string()))
}
