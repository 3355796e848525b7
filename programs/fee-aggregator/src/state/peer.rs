use agentpad_math::revenue::shared_to_local_saturating;
use anchor_lang::prelude::*;

use crate::error::FeeAggregatorError;

/// The one remote OApp trusted for a source endpoint id, and what its fee reports may
/// carry. PDA `["Peer", store, eid BE]`.
#[account]
#[derive(InitSpace)]
pub struct Peer {
    pub src_eid: u32,
    /// The remote sender as 32 bytes (an EVM address is left-padded with zeros).
    pub address: [u8; 32],
    /// Largest amount one fee report may carry, in shared decimals.
    pub max_report_sd: u64,
    /// Largest reported total per vault from this chain, in shared decimals.
    pub max_reported_total_sd: u64,
    pub bump: u8,
}

impl Peer {
    /// Account size: discriminator and the Borsh layout.
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    /// Reads the peer of `src_eid` from an account the caller names, by owner, type and
    /// stored eid: a peer exists only at its PDA `["Peer", store, eid]` (there is one
    /// store), so that proves what re-deriving the address would, without the 1,500-CU
    /// syscall. An account of another program, another eid, or one never set up, is an
    /// unknown peer.
    pub fn load(info: &AccountInfo, src_eid: u32) -> Result<Peer> {
        require!(*info.owner == crate::ID, FeeAggregatorError::UnknownPeer);
        let peer = Peer::try_deserialize(&mut &info.try_borrow_data()?[..]).map_err(|_| error!(FeeAggregatorError::UnknownPeer))?;
        require!(peer.src_eid == src_eid && peer.address != [0; 32], FeeAggregatorError::UnknownPeer);
        Ok(peer)
    }

    /// The sender must be the registered remote OApp.
    pub fn check_sender(&self, sender: &[u8; 32]) -> Result<()> {
        require!(self.address == *sender, FeeAggregatorError::InvalidSender);
        Ok(())
    }

    /// A fee report of `amount_sd` that brings a vault's reported total (local units, with
    /// `decimals`) to `total_after` must fit this peer's limits.
    pub fn check_report(&self, amount_sd: u64, total_after: u64, decimals: u8) -> Result<()> {
        require!(amount_sd <= self.max_report_sd, FeeAggregatorError::ReportAboveLimit);
        require!(total_after <= shared_to_local_saturating(self.max_reported_total_sd, decimals), FeeAggregatorError::ReportedTotalAboveLimit);
        Ok(())
    }
}

/// What `set_peer_config` changes, as LayerZero's OApps configure peers.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeerConfigParam {
    /// The trusted remote OApp (32 bytes, not zero).
    PeerAddress([u8; 32]),
    /// Bounds on fee reports from this chain, in shared decimals.
    ReportLimits { max_report_sd: u64, max_reported_total_sd: u64 },
}
