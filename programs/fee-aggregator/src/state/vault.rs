use anchor_lang::prelude::*;

use crate::constants::MAX_CHAINS;
use crate::error::FeeAggregatorError;
use crate::event::RevenueCredited;

/// Totals from one remote chain.
#[zero_copy]
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ChainTotals {
    /// LayerZero endpoint id; 0 marks a free slot.
    pub eid: u32,
    pub _padding: [u8; 4],
    /// Value bridged in and credited to this vault (local units).
    pub credited: u64,
    /// Fees reported as earned and kept on that chain (local units; statistics only).
    pub reported: u64,
    /// Reports received (both kinds).
    pub reports: u64,
}

/// Where revenue came from, with what identifies it there. A new source is a new variant
/// (its ledger total goes in the vault's reserved bytes); no other caller changes.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevenueSource {
    /// Swept from the agent's bonding-curve pool.
    Local,
    /// Deposited directly (the agent's own business revenue).
    Direct,
    /// Bridged from another chain through LayerZero: an OFT transfer from `src_eid`, with
    /// the router's `transfer_id`.
    Bridged { src_eid: u32, transfer_id: u64 },
    /// Paid for a job the agent did (agent-commerce, from the job's escrow).
    Commerce { job: Pubkey },
}

/// One agent's revenue in one reward mint. PDA `["vault", agent_mint, reward_mint]`.
///
/// The ledger is internal: tokens sent to the vault's token account outside these
/// instructions are never counted. Invariant:
/// `total_local + total_direct + total_bridged + total_commerce == undistributed + distributed_*`.
#[account(zero_copy)]
#[derive(Debug)]
pub struct AgentVault {
    pub agent_mint: Pubkey,
    pub reward_mint: Pubkey,
    pub token_account: Pubkey,
    pub reward_token_program: Pubkey,
    pub total_local: u64,
    pub total_direct: u64,
    pub total_bridged: u64,
    pub undistributed: u64,
    pub distributed_holders: u64,
    pub distributed_creator: u64,
    pub distributed_protocol: u64,
    pub chains: [ChainTotals; MAX_CHAINS as usize],
    pub bump: u8,
    pub reward_decimals: u8,
    pub _padding: [u8; 6],
    /// Paid for jobs the agent did (agent-commerce); taken from the reserved bytes.
    pub total_commerce: u64,
    /// Room for later fields (e.g. another revenue source's total) without a layout
    /// migration; zero.
    pub _reserved: [u64; 7],
}

const _: () = assert!(core::mem::size_of::<AgentVault>() == 4 * 32 + 7 * 8 + MAX_CHAINS as usize * 32 + 8 + 8 + 56);

fn add(a: u64, b: u64) -> Result<u64> {
    a.checked_add(b).ok_or_else(|| error!(FeeAggregatorError::MathOverflow))
}

impl AgentVault {
    /// Account size: discriminator and the fixed layout.
    pub const SPACE: usize = 8 + core::mem::size_of::<Self>();

    /// Credits revenue that is now in the vault's token account; returns the event that
    /// reports it.
    pub fn credit(&mut self, source: RevenueSource, amount: u64) -> Result<RevenueCredited> {
        let source_total = self.add_to_source(source, amount)?;
        self.undistributed = add(self.undistributed, amount)?;
        Ok(RevenueCredited {
            agent_mint: self.agent_mint,
            reward_mint: self.reward_mint,
            source,
            amount,
            source_total,
            undistributed: self.undistributed,
        })
    }

    /// Adds to one source's total; returns that total (for bridged: the chain's).
    fn add_to_source(&mut self, source: RevenueSource, amount: u64) -> Result<u64> {
        let total = match source {
            RevenueSource::Local => {
                self.total_local = add(self.total_local, amount)?;
                self.total_local
            }
            RevenueSource::Direct => {
                self.total_direct = add(self.total_direct, amount)?;
                self.total_direct
            }
            RevenueSource::Bridged { src_eid, .. } => {
                let chain = self.chain_mut(src_eid)?;
                chain.credited = add(chain.credited, amount)?;
                chain.reports = add(chain.reports, 1)?;
                let credited = chain.credited;
                self.total_bridged = add(self.total_bridged, amount)?;
                credited
            }
            RevenueSource::Commerce { .. } => {
                self.total_commerce = add(self.total_commerce, amount)?;
                self.total_commerce
            }
        };
        Ok(total)
    }

    /// Records fees reported as earned on `eid`; returns that chain's reported total.
    pub fn record_report(&mut self, eid: u32, amount: u64) -> Result<u64> {
        let chain = self.chain_mut(eid)?;
        chain.reported = add(chain.reported, amount)?;
        chain.reports = add(chain.reports, 1)?;
        Ok(chain.reported)
    }

    /// The slot of `eid`, claiming a free one on first use.
    fn chain_mut(&mut self, eid: u32) -> Result<&mut ChainTotals> {
        let index = self
            .chains
            .iter()
            .position(|c| c.eid == eid)
            .or_else(|| self.chains.iter().position(|c| c.eid == 0))
            .ok_or_else(|| error!(FeeAggregatorError::ChainSlotsFull))?;
        let slot = &mut self.chains[index];
        slot.eid = eid;
        Ok(slot)
    }

    pub fn chain(&self, eid: u32) -> Option<&ChainTotals> {
        self.chains.iter().find(|c| c.eid == eid && eid != 0)
    }
}

impl AgentVault {
    /// Loads the vault of `(agent_mint, reward_mint)` from an account a message names, with
    /// the checks `AccountLoader` makes (owned by this program, right discriminator and
    /// size) and its PDA checked with the stored bump. An agent that was never launched (or
    /// has no vault for this mint) is `UnknownAgent`; any other account is `VaultMismatch`.
    pub fn load_checked<'a>(info: &'a AccountInfo<'_>, agent_mint: &Pubkey, reward_mint: &Pubkey) -> Result<core::cell::RefMut<'a, AgentVault>> {
        require!(*info.owner == crate::ID, FeeAggregatorError::UnknownAgent);
        let data = info.try_borrow_mut_data()?;
        let end = 8 + core::mem::size_of::<AgentVault>();
        require!(data.len() >= end && data[..8] == *AgentVault::DISCRIMINATOR, FeeAggregatorError::VaultMismatch);
        let vault = core::cell::RefMut::map(data, |d| bytemuck::from_bytes_mut::<AgentVault>(&mut d[8..end]));
        require!(vault.agent_mint == *agent_mint && vault.reward_mint == *reward_mint, FeeAggregatorError::VaultMismatch);
        let address = Pubkey::create_program_address(&[crate::constants::seeds::VAULT, agent_mint.as_ref(), reward_mint.as_ref(), &[vault.bump]], &crate::ID)
            .map_err(|_| error!(FeeAggregatorError::VaultMismatch))?;
        require_keys_eq!(address, info.key(), FeeAggregatorError::VaultMismatch);
        Ok(vault)
    }
}
