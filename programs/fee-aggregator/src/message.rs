//! The bridge messages `AgentRevenueRouter` on Base sends (`docs/bridge-messages.md`).
//! Integers are big-endian, as the EVM side packs them.
//!
//! A **fee report** travels as a plain OApp message to `lz_receive`:
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0  | 1  | version (2) |
//! | 1  | 1  | kind: 1 fee report |
//! | 2  | 32 | agent: the agent token mint on Solana |
//! | 34 | 32 | reward mint on Solana the fees are denominated in |
//! | 66 | 1  | shared decimals of `amount` (6: the encoder states its unit) |
//! | 67 | 8  | amount, in shared decimals |
//! | 75 | 8  | report id, unique per source chain |
//! | 83 | 8  | source epoch (the remote period the amount covers) |
//!
//! A **value transfer** is an OFT send whose compose message (the OFT's `composeMsg`)
//! names the agent; the amount is what the OFT delivered:
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0  | 1  | version (2) |
//! | 1  | 1  | kind: 2 value transfer |
//! | 2  | 32 | agent: the agent token mint on Solana |
//! | 34 | 8  | transfer id, unique per source chain |
//! | 42 | 8  | source epoch |
//!
//! An **agent link** travels as a plain OApp message to `lz_receive`: the Base side names the
//! Solana mint of one of its agent tokens (an OFT mint), who may register it as an agent,
//! and the OFT store that must be its mint authority:
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0  | 1  | version (2) |
//! | 1  | 1  | kind: 3 agent link |
//! | 2  | 32 | agent: the agent token mint on Solana |
//! | 34 | 32 | creator on Solana: the only key that may register the agent |
//! | 66 | 32 | OFT store on Solana: the mint's mint authority |
//! | 98 | 32 | the agent token on the source chain (an EVM address, left-padded) |
//! | 130 | 8 | link id, unique per source chain (the same counter as report ids) |
//!
//! It reaches `lz_compose` inside LayerZero's OFT compose message, Solana layout
//! ([`OftCompose`]): `nonce u64 | src_eid u32 | amount_ld u64 | composeFrom[32] | composeMsg`.

use agentpad_math::revenue::SHARED_DECIMALS;
use anchor_lang::prelude::Pubkey;

pub const VERSION: u8 = 2;

pub mod kind {
    pub const FEE_REPORT: u8 = 1;
    pub const VALUE_TRANSFER: u8 = 2;
    pub const AGENT_LINK: u8 = 3;
}

/// The kind byte of an OApp message, once its version is checked (the length is checked
/// by the kind's decoder).
pub fn kind_of(bytes: &[u8]) -> Result<u8, MessageError> {
    match bytes {
        [VERSION, kind, ..] => Ok(*kind),
        [_, _, ..] => Err(MessageError::UnsupportedVersion),
        _ => Err(MessageError::Malformed),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageError {
    Malformed,
    UnsupportedVersion,
    UnknownKind,
    /// The amount is not in the bridge's shared decimals.
    SharedDecimals,
    /// The OFT compose message is shorter than its header.
    MalformedCompose,
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_be_bytes(bytes[at..at + 8].try_into().unwrap())
}

fn key_at(bytes: &[u8], at: usize) -> Pubkey {
    Pubkey::new_from_array(bytes[at..at + 32].try_into().unwrap())
}

/// Checks length, version and kind of an agentpad message.
fn header(bytes: &[u8], len: usize, expected_kind: u8) -> Result<(), MessageError> {
    if bytes.len() != len {
        return Err(MessageError::Malformed);
    }
    if bytes[0] != VERSION {
        return Err(MessageError::UnsupportedVersion);
    }
    if bytes[1] != expected_kind {
        return Err(MessageError::UnknownKind);
    }
    Ok(())
}

/// Fees an agent earned and kept on the source chain: statistics, no tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeeReport {
    pub agent: Pubkey,
    pub reward_mint: Pubkey,
    pub amount_sd: u64,
    pub report_id: u64,
    pub source_epoch: u64,
}

impl FeeReport {
    pub const LEN: usize = 91;

    pub fn decode(bytes: &[u8]) -> Result<Self, MessageError> {
        header(bytes, Self::LEN, kind::FEE_REPORT)?;
        if bytes[66] != SHARED_DECIMALS {
            return Err(MessageError::SharedDecimals);
        }
        Ok(FeeReport {
            agent: key_at(bytes, 2),
            reward_mint: key_at(bytes, 34),
            amount_sd: u64_at(bytes, 67),
            report_id: u64_at(bytes, 75),
            source_epoch: u64_at(bytes, 83),
        })
    }

    pub fn encode(&self) -> [u8; Self::LEN] {
        let mut out = [0u8; Self::LEN];
        out[0] = VERSION;
        out[1] = kind::FEE_REPORT;
        out[2..34].copy_from_slice(self.agent.as_ref());
        out[34..66].copy_from_slice(self.reward_mint.as_ref());
        out[66] = SHARED_DECIMALS;
        out[67..75].copy_from_slice(&self.amount_sd.to_be_bytes());
        out[75..83].copy_from_slice(&self.report_id.to_be_bytes());
        out[83..91].copy_from_slice(&self.source_epoch.to_be_bytes());
        out
    }
}

/// The agentpad part of a value transfer: which agent the OFT's tokens are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueTransfer {
    pub agent: Pubkey,
    pub transfer_id: u64,
    pub source_epoch: u64,
}

impl ValueTransfer {
    pub const LEN: usize = 50;

    pub fn decode(bytes: &[u8]) -> Result<Self, MessageError> {
        header(bytes, Self::LEN, kind::VALUE_TRANSFER)?;
        Ok(ValueTransfer { agent: key_at(bytes, 2), transfer_id: u64_at(bytes, 34), source_epoch: u64_at(bytes, 42) })
    }

    pub fn encode(&self) -> [u8; Self::LEN] {
        let mut out = [0u8; Self::LEN];
        out[0] = VERSION;
        out[1] = kind::VALUE_TRANSFER;
        out[2..34].copy_from_slice(self.agent.as_ref());
        out[34..42].copy_from_slice(&self.transfer_id.to_be_bytes());
        out[42..50].copy_from_slice(&self.source_epoch.to_be_bytes());
        out
    }
}

/// A Base agent token's Solana mint, who may register it, and its OFT store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgentLink {
    pub agent: Pubkey,
    pub creator: Pubkey,
    pub oft_store: Pubkey,
    pub origin_token: [u8; 32],
    pub link_id: u64,
}

impl AgentLink {
    pub const LEN: usize = 138;

    pub fn decode(bytes: &[u8]) -> Result<Self, MessageError> {
        header(bytes, Self::LEN, kind::AGENT_LINK)?;
        Ok(AgentLink {
            agent: key_at(bytes, 2),
            creator: key_at(bytes, 34),
            oft_store: key_at(bytes, 66),
            origin_token: bytes[98..130].try_into().unwrap(),
            link_id: u64_at(bytes, 130),
        })
    }

    pub fn encode(&self) -> [u8; Self::LEN] {
        let mut out = [0u8; Self::LEN];
        out[0] = VERSION;
        out[1] = kind::AGENT_LINK;
        out[2..34].copy_from_slice(self.agent.as_ref());
        out[34..66].copy_from_slice(self.creator.as_ref());
        out[66..98].copy_from_slice(self.oft_store.as_ref());
        out[98..130].copy_from_slice(&self.origin_token);
        out[130..138].copy_from_slice(&self.link_id.to_be_bytes());
        out
    }
}

/// LayerZero's OFT compose message as the Solana OFT sends it (its `compose_msg_codec`):
/// the packet's nonce and source eid, the amount delivered in local units (after any
/// transfer fee), the remote caller of the OFT send, and that caller's compose message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OftCompose<'a> {
    pub nonce: u64,
    pub src_eid: u32,
    pub amount_ld: u64,
    pub compose_from: [u8; 32],
    pub compose_msg: &'a [u8],
}

impl<'a> OftCompose<'a> {
    pub const HEADER_LEN: usize = 52;

    pub fn decode(bytes: &'a [u8]) -> Result<Self, MessageError> {
        if bytes.len() < Self::HEADER_LEN {
            return Err(MessageError::MalformedCompose);
        }
        Ok(OftCompose {
            nonce: u64_at(bytes, 0),
            src_eid: u32::from_be_bytes(bytes[8..12].try_into().unwrap()),
            amount_ld: u64_at(bytes, 12),
            compose_from: bytes[20..52].try_into().unwrap(),
            compose_msg: &bytes[52..],
        })
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(Self::HEADER_LEN + self.compose_msg.len());
        out.extend_from_slice(&self.nonce.to_be_bytes());
        out.extend_from_slice(&self.src_eid.to_be_bytes());
        out.extend_from_slice(&self.amount_ld.to_be_bytes());
        out.extend_from_slice(&self.compose_from);
        out.extend_from_slice(self.compose_msg);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> FeeReport {
        FeeReport {
            agent: Pubkey::new_from_array([7; 32]),
            reward_mint: Pubkey::new_from_array([9; 32]),
            amount_sd: 123_456_789,
            report_id: 42,
            source_epoch: 2026_11,
        }
    }

    fn transfer() -> ValueTransfer {
        ValueTransfer { agent: Pubkey::new_from_array([7; 32]), transfer_id: 43, source_epoch: 2026_11 }
    }

    fn link() -> AgentLink {
        let mut origin_token = [0u8; 32];
        origin_token[12..].copy_from_slice(&[0xBA; 20]);
        AgentLink {
            agent: Pubkey::new_from_array([7; 32]),
            creator: Pubkey::new_from_array([8; 32]),
            oft_store: Pubkey::new_from_array([9; 32]),
            origin_token,
            link_id: 44,
        }
    }

    #[test]
    fn round_trips() {
        assert_eq!(AgentLink::decode(&link().encode()), Ok(link()));
        assert_eq!(FeeReport::decode(&report().encode()), Ok(report()));
        assert_eq!(ValueTransfer::decode(&transfer().encode()), Ok(transfer()));
        let payload = transfer().encode();
        let compose = OftCompose { nonce: 5, src_eid: 30184, amount_ld: 10_000_000_000, compose_from: [0xBA; 32], compose_msg: &payload };
        assert_eq!(OftCompose::decode(&compose.encode()), Ok(compose));
    }

    #[test]
    fn every_truncation_and_extension_is_malformed() {
        // Each message against its own kind's decoder: every other length is malformed.
        type Decode = fn(&[u8]) -> Result<(), MessageError>;
        let cases: [(Vec<u8>, Decode); 3] = [
            (report().encode().to_vec(), |b| FeeReport::decode(b).map(|_| ())),
            (transfer().encode().to_vec(), |b| ValueTransfer::decode(b).map(|_| ())),
            (link().encode().to_vec(), |b| AgentLink::decode(b).map(|_| ())),
        ];
        for (bytes, decode) in cases {
            for len in 0..bytes.len() {
                assert_eq!(decode(&bytes[..len]), Err(MessageError::Malformed), "{len} of {} bytes", bytes.len());
            }
            let mut longer = bytes.clone();
            longer.push(0);
            assert_eq!(decode(&longer), Err(MessageError::Malformed));
            assert_eq!(decode(&bytes), Ok(()));
        }
        assert_eq!(kind_of(&[VERSION]), Err(MessageError::Malformed));
        assert_eq!(kind_of(&[1, kind::AGENT_LINK]), Err(MessageError::UnsupportedVersion));
        assert_eq!(kind_of(&link().encode()), Ok(kind::AGENT_LINK));
        assert_eq!(OftCompose::decode(&[0; 51]), Err(MessageError::MalformedCompose));
    }

    #[test]
    fn version_kind_and_decimals_are_checked() {
        let mut bytes = report().encode();
        bytes[0] = 1;
        assert_eq!(FeeReport::decode(&bytes), Err(MessageError::UnsupportedVersion));
        let mut bytes = report().encode();
        bytes[1] = kind::VALUE_TRANSFER;
        assert_eq!(FeeReport::decode(&bytes), Err(MessageError::UnknownKind));
        for decimals in [0, 8, 9, 18] {
            let mut bytes = report().encode();
            bytes[66] = decimals;
            assert_eq!(FeeReport::decode(&bytes), Err(MessageError::SharedDecimals), "{decimals} decimals");
        }
        let mut bytes = transfer().encode();
        bytes[1] = kind::FEE_REPORT;
        assert_eq!(ValueTransfer::decode(&bytes), Err(MessageError::UnknownKind));
    }

    #[test]
    fn fields_sit_at_their_documented_offsets() {
        let bytes = report().encode();
        assert_eq!((bytes[2], bytes[34], bytes[66]), (7, 9, 6));
        assert_eq!(&bytes[67..75], &123_456_789u64.to_be_bytes());
        assert_eq!(&bytes[75..83], &42u64.to_be_bytes());
        assert_eq!(&bytes[83..91], &2026_11u64.to_be_bytes());
        let bytes = transfer().encode();
        assert_eq!(&bytes[34..42], &43u64.to_be_bytes());
        let bytes = link().encode();
        assert_eq!((bytes[1], bytes[2], bytes[34], bytes[66], bytes[98], bytes[110], bytes[129]), (3, 7, 8, 9, 0, 0xBA, 0xBA));
        assert_eq!(&bytes[130..138], &44u64.to_be_bytes());
        let payload = transfer().encode();
        let compose = OftCompose { nonce: 5, src_eid: 30184, amount_ld: 77, compose_from: [0xBA; 32], compose_msg: &payload }.encode();
        assert_eq!(&compose[0..8], &5u64.to_be_bytes());
        assert_eq!(&compose[8..12], &30184u32.to_be_bytes());
        assert_eq!(&compose[12..20], &77u64.to_be_bytes());
        assert_eq!(compose[20], 0xBA);
        assert_eq!(&compose[52..], &payload[..]);
    }
}
