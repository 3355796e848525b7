//! Other agentpad programs' accounts, typed from their committed IDLs (`idls/*.json`,
//! links to `app/src/idl/`, read by Anchor's `declare_program!`).
//!
//! fee-aggregator and revenue-share must read agent-factory's `Agent` record, and
//! bonding-curve and revenue-share must recognise fee-aggregator's `AgentVault`, but none
//! of them can depend on those programs' crates (the dependency runs the other way, for
//! the launch's CPIs). The IDL is the contract instead: a layout change regenerates the
//! IDL (`cargo run -p agentpad-idl`; CI's `--check` refuses a stale one), and a field a
//! reader uses that is gone or retyped fails to compile here rather than misread.
//!
//! Both accounts are recognised by their stored keys, as each program recognises its own
//! (`docs/architecture.md`, "Identity by stored keys"): the owning program creates such an
//! account only at its PDA and stores the keys it is derived from, so owner + discriminator
//! + stored keys prove what re-deriving the address would, without the 1,500-CU syscall
//! per bump tried.

// `declare_program!` names `super::anchor_lang` in off-chain builds.
#[allow(clippy::single_component_path_imports, unused_imports)]
use anchor_lang;
use anchor_lang::prelude::*;

declare_program!(agent_factory);
declare_program!(fee_aggregator);

pub use agent_factory::accounts::Agent;
pub use fee_aggregator::accounts::AgentVault;

/// Why an account is not the agent record of a given mint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentRecordError {
    /// No agent-factory account here: the mint was never launched (or the account is
    /// someone else's).
    UnknownAgent,
    /// An agent-factory account that is not the record of this mint.
    NotAgentRecord,
}

/// Reads the agent record of `mint`: owned by agent-factory, typed `Agent`, and storing
/// `mint` (agent-factory writes a record only at `["agent", mint]`).
pub fn read_agent(info: &AccountInfo, mint: &Pubkey) -> core::result::Result<Agent, AgentRecordError> {
    if *info.owner != agent_factory::ID_CONST {
        return Err(AgentRecordError::UnknownAgent);
    }
    let data = info.try_borrow_data().map_err(|_| AgentRecordError::NotAgentRecord)?;
    let agent = Agent::try_deserialize(&mut &data[..]).map_err(|_| AgentRecordError::NotAgentRecord)?;
    if agent.mint != *mint {
        return Err(AgentRecordError::NotAgentRecord);
    }
    Ok(agent)
}

/// True when `info` is fee-aggregator's vault for `(agent_mint, reward_mint)`: owned by
/// fee-aggregator, typed `AgentVault`, storing both mints. Only fee-aggregator can make
/// its PDA sign, so a signer that passes this is "the agent's vault signed".
pub fn is_aggregator_vault(info: &AccountInfo, agent_mint: &Pubkey, reward_mint: &Pubkey) -> bool {
    if *info.owner != fee_aggregator::ID_CONST {
        return false;
    }
    let Ok(data) = info.try_borrow_data() else { return false };
    AgentVault::try_deserialize(&mut &data[..]).is_ok_and(|v| v.agent_mint == *agent_mint && v.reward_mint == *reward_mint)
}
