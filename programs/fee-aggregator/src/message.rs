//! The bridge message format (see `docs/bridge-messages.md`): fixed 90 bytes, integers
//! big-endian as the EVM side packs them.
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0  | 1  | version (1) |
//! | 1  | 1  | kind: 1 fee report, 2 value transfer |
//! | 2  | 32 | agent: the agent token mint on Solana |
//! | 34 | 32 | token: the reward mint on Solana the amount is in |
//! | 66 | 8  | amount, in shared decimals (6) |
//! | 74 | 8  | report id, unique per source chain |
//! | 82 | 8  | source epoch (the remote period the amount covers) |

use anchor_lang::prelude::Pubkey;

pub const VERSION: u8 = 1;
pub const LEN: usize = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Fees earned and kept on the remote chain: statistics only, no tokens.
    FeeReport = 1,
    /// Fee tokens bridged as an OFT into the inbox: credit the agent's vault.
    ValueTransfer = 2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BridgeMessage {
    pub kind: Kind,
    pub agent: Pubkey,
    pub token: Pubkey,
    pub amount_sd: u64,
    pub report_id: u64,
    pub source_epoch: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageError {
    Malformed,
    UnsupportedVersion,
    UnknownKind,
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_be_bytes(bytes[at..at + 8].try_into().unwrap())
}

fn key_at(bytes: &[u8], at: usize) -> Pubkey {
    Pubkey::new_from_array(bytes[at..at + 32].try_into().unwrap())
}

impl BridgeMessage {
    pub fn decode(bytes: &[u8]) -> Result<Self, MessageError> {
        if bytes.len() != LEN {
            return Err(MessageError::Malformed);
        }
        if bytes[0] != VERSION {
            return Err(MessageError::UnsupportedVersion);
        }
        let kind = match bytes[1] {
            1 => Kind::FeeReport,
            2 => Kind::ValueTransfer,
            _ => return Err(MessageError::UnknownKind),
        };
        Ok(BridgeMessage {
            kind,
            agent: key_at(bytes, 2),
            token: key_at(bytes, 34),
            amount_sd: u64_at(bytes, 66),
            report_id: u64_at(bytes, 74),
            source_epoch: u64_at(bytes, 82),
        })
    }

    pub fn encode(&self) -> [u8; LEN] {
        let mut out = [0u8; LEN];
        out[0] = VERSION;
        out[1] = self.kind as u8;
        out[2..34].copy_from_slice(self.agent.as_ref());
        out[34..66].copy_from_slice(self.token.as_ref());
        out[66..74].copy_from_slice(&self.amount_sd.to_be_bytes());
        out[74..82].copy_from_slice(&self.report_id.to_be_bytes());
        out[82..90].copy_from_slice(&self.source_epoch.to_be_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> BridgeMessage {
        BridgeMessage {
            kind: Kind::ValueTransfer,
            agent: Pubkey::new_from_array([7; 32]),
            token: Pubkey::new_from_array([9; 32]),
            amount_sd: 123_456_789,
            report_id: 42,
            source_epoch: 2026_11,
        }
    }

    #[test]
    fn round_trips() {
        let m = sample();
        assert_eq!(BridgeMessage::decode(&m.encode()), Ok(m));
        let r = BridgeMessage { kind: Kind::FeeReport, ..m };
        assert_eq!(BridgeMessage::decode(&r.encode()), Ok(r));
    }

    #[test]
    fn every_truncation_and_extension_is_malformed() {
        let bytes = sample().encode();
        for len in 0..LEN {
            assert_eq!(BridgeMessage::decode(&bytes[..len]), Err(MessageError::Malformed), "len {len}");
        }
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert_eq!(BridgeMessage::decode(&longer), Err(MessageError::Malformed));
    }

    #[test]
    fn version_and_kind_are_checked() {
        let mut bytes = sample().encode();
        bytes[0] = 2;
        assert_eq!(BridgeMessage::decode(&bytes), Err(MessageError::UnsupportedVersion));
        let mut bytes = sample().encode();
        bytes[1] = 3;
        assert_eq!(BridgeMessage::decode(&bytes), Err(MessageError::UnknownKind));
        bytes[1] = 0;
        assert_eq!(BridgeMessage::decode(&bytes), Err(MessageError::UnknownKind));
    }

    #[test]
    fn fields_sit_at_their_documented_offsets() {
        let bytes = sample().encode();
        assert_eq!(&bytes[66..74], &123_456_789u64.to_be_bytes());
        assert_eq!(&bytes[74..82], &42u64.to_be_bytes());
        assert_eq!(bytes[2], 7);
        assert_eq!(bytes[34], 9);
    }
}
