//! A read-only view of agent-factory's `Agent` record, for programs that must know an
//! agent's current creator but cannot depend on agent-factory's crate (it depends on
//! them for its launch CPIs). The layout is checked against agent-factory's own type by
//! a test in the integration suite.

use anchor_lang::prelude::*;

use crate::ids::{AGENT_FACTORY, AGENT_SEED};

/// Anchor discriminator of `agent_factory::state::Agent`: sha256("account:Agent")[..8].
pub const AGENT_DISCRIMINATOR: [u8; 8] = [47, 166, 112, 147, 155, 197, 86, 7];

/// The fields other programs read. Offsets follow the Borsh layout after the discriminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgentRecord {
    pub mint: Pubkey,
    pub pool: Pubkey,
    pub creator: Pubkey,
}

/// Why an account is not the agent record of a given mint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentRecordError {
    /// No record at the agent PDA of this mint (never launched).
    UnknownAgent,
    /// The account is not that PDA, or not owned by agent-factory.
    NotAgentRecord,
}

/// The agent PDA of `mint` in agent-factory.
pub fn agent_address(mint: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[AGENT_SEED, mint.as_ref()], &AGENT_FACTORY).0
}

/// True when `info` is the agent-factory record of `mint` (it exists: agent-factory
/// created it). Usable during the launch itself, before the record's data is written.
pub fn is_agent_of(info: &AccountInfo, mint: &Pubkey) -> core::result::Result<(), AgentRecordError> {
    if info.key() != agent_address(mint) {
        return Err(AgentRecordError::NotAgentRecord);
    }
    if *info.owner != AGENT_FACTORY {
        return Err(AgentRecordError::UnknownAgent);
    }
    Ok(())
}

/// Reads a launched agent's record (ownership, PDA and discriminator checked).
pub fn read_agent(info: &AccountInfo, mint: &Pubkey) -> core::result::Result<AgentRecord, AgentRecordError> {
    is_agent_of(info, mint)?;
    let data = info.try_borrow_data().map_err(|_| AgentRecordError::NotAgentRecord)?;
    if data.len() < 8 + 32 * 4 || data[..8] != AGENT_DISCRIMINATOR {
        return Err(AgentRecordError::UnknownAgent);
    }
    let key = |i: usize| Pubkey::new_from_array(data[8 + 32 * i..8 + 32 * (i + 1)].try_into().unwrap());
    // Agent { mint, pool, preset, creator, .. }
    Ok(AgentRecord { mint: key(0), pool: key(1), creator: key(3) })
}
