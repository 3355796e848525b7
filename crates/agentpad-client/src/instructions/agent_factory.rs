//! agent-factory: the one-transaction launch, creator transfers, creator-fee claims.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::system_program;

use super::ix;
use crate::pda::{self, PoolKeys};

fn event_authority() -> Pubkey {
    pda::event_authority(&agent_factory::ID)
}

/// What `launch_agent` needs to know.
pub struct Launch<'a> {
    pub creator: Pubkey,
    pub mint: Pubkey,
    pub preset_id: u16,
    pub quote_mint: Pubkey,
    pub quote_token_program: Pubkey,
    pub name: &'a str,
    pub symbol: &'a str,
    pub uri: &'a str,
    /// `(max quote in, creator's quote account)` for a first buy.
    pub first_buy: Option<(u64, Pubkey)>,
    /// The stake pool's unstake cooldown (default: revenue-share's).
    pub unstake_cooldown: Option<u32>,
}

pub fn launch_agent(l: &Launch) -> Instruction {
    let keys = PoolKeys::for_mint(l.mint, l.quote_mint, l.quote_token_program);
    let (first_buy, creator_quote_account, creator_base_account) = match l.first_buy {
        Some((amount, quote_account)) => (Some(amount), Some(quote_account), Some(keys.base_ata(&l.creator))),
        None => (None, None, None),
    };
    ix(
        agent_factory::ID,
        agent_factory::accounts::LaunchAgent {
            creator: l.creator,
            mint: l.mint,
            agent: keys.agent,
            launcher: pda::agent_factory::launcher(),
            preset: pda::bonding_curve::preset(l.preset_id),
            pool: keys.pool,
            base_vault: keys.base_vault,
            quote_vault: keys.quote_vault,
            quote_mint: l.quote_mint,
            creator_quote_account,
            creator_base_account,
            bonding_curve_event_authority: pda::event_authority(&bonding_curve::ID),
            bonding_curve_program: bonding_curve::ID,
            revenue: agent_revenue(&l.mint, &l.quote_mint),
            token_2022_program: anchor_spl::token_2022::ID,
            quote_token_program: l.quote_token_program,
            associated_token_program: anchor_spl::associated_token::ID,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: agent_factory::ID,
        },
        agent_factory::instruction::LaunchAgent {
            name: l.name.to_string(),
            symbol: l.symbol.to_string(),
            uri: l.uri.to_string(),
            preset_id: l.preset_id,
            creator_first_buy: first_buy,
            unstake_cooldown: l.unstake_cooldown,
        },
    )
}

/// An agent's fee vault and stake pool (paying out in `reward_mint`), as a launch and a
/// bridged agent's registration create them.
fn agent_revenue(mint: &Pubkey, reward_mint: &Pubkey) -> agent_factory::accounts::AgentRevenue {
    let fee_vault = pda::fee_aggregator::vault(mint, reward_mint);
    let stake_pool = pda::revenue_share::pool(mint);
    agent_factory::accounts::AgentRevenue {
        fee_store: pda::fee_aggregator::store(),
        fee_vault,
        fee_vault_token_account: pda::fee_aggregator::vault_tokens(&fee_vault),
        revenue_policy: pda::fee_aggregator::policy(mint),
        fee_aggregator_event_authority: pda::event_authority(&fee_aggregator::ID),
        fee_aggregator_program: fee_aggregator::ID,
        stake_pool,
        stake_vault: pda::revenue_share::vault(&stake_pool),
        stake_reward_vault: pda::revenue_share::reward_vault(&stake_pool, reward_mint),
        revenue_share_event_authority: pda::event_authority(&revenue_share::ID),
        revenue_share_program: revenue_share::ID,
    }
}

/// What `register_bridged_agent` needs to know: the OFT mint of an agent token from
/// another chain, linked from there to `creator`.
pub struct RegisterBridged {
    pub creator: Pubkey,
    pub mint: Pubkey,
    pub preset_id: u16,
    /// The agent's first reward mint, and its token program.
    pub reward_mint: Pubkey,
    pub reward_token_program: Pubkey,
    pub unstake_cooldown: Option<u32>,
}

/// The accounts every bridged registration creates or checks, however it is granted.
fn new_bridged_agent(r: &RegisterBridged) -> agent_factory::accounts::NewBridgedAgent {
    agent_factory::accounts::NewBridgedAgent {
        mint: r.mint,
        agent: pda::agent_factory::agent(&r.mint),
        launcher: pda::agent_factory::launcher(),
        preset: pda::bonding_curve::preset(r.preset_id),
        reward_mint: r.reward_mint,
        revenue: agent_revenue(&r.mint, &r.reward_mint),
        token_2022_program: anchor_spl::token_2022::ID,
        reward_token_program: r.reward_token_program,
        system_program: system_program::ID,
    }
}

pub fn register_bridged_agent(r: &RegisterBridged) -> Instruction {
    ix(
        agent_factory::ID,
        agent_factory::accounts::RegisterBridgedAgent {
            creator: r.creator,
            link: pda::fee_aggregator::link(&r.mint),
            bridged: new_bridged_agent(r),
            event_authority: event_authority(),
            program: agent_factory::ID,
        },
        agent_factory::instruction::RegisterBridgedAgent { preset_id: r.preset_id, unstake_cooldown: r.unstake_cooldown },
    )
}

/// The protocol admin registers a bridged agent without a link, naming its creator and origin.
pub fn admin_register_bridged_agent(admin: &Pubkey, r: &RegisterBridged, origin: agent_factory::instructions::BridgedOrigin) -> Instruction {
    ix(
        agent_factory::ID,
        agent_factory::accounts::AdminRegisterBridgedAgent {
            admin: *admin,
            config: pda::bonding_curve::config(),
            bridged: new_bridged_agent(r),
            event_authority: event_authority(),
            program: agent_factory::ID,
        },
        agent_factory::instruction::AdminRegisterBridgedAgent { preset_id: r.preset_id, unstake_cooldown: r.unstake_cooldown, origin },
    )
}

/// A bridged agent's constant-product pool against `keys.quote_mint`, seeded from the
/// creator's token accounts with `base_amount` agent tokens and `quote_amount` quote.
pub fn open_bridged_pool(creator: &Pubkey, keys: &PoolKeys, preset_id: u16, base_amount: u64, quote_amount: u64) -> Instruction {
    ix(
        agent_factory::ID,
        agent_factory::accounts::OpenBridgedPool {
            creator: *creator,
            agent: keys.agent,
            launcher: pda::agent_factory::launcher(),
            preset: pda::bonding_curve::preset(preset_id),
            mint: keys.base_mint,
            quote_mint: keys.quote_mint,
            pool: keys.pool,
            base_vault: keys.base_vault,
            quote_vault: keys.quote_vault,
            creator_base_account: keys.base_ata(creator),
            creator_quote_account: keys.quote_ata(creator),
            bonding_curve_event_authority: pda::event_authority(&bonding_curve::ID),
            bonding_curve_program: bonding_curve::ID,
            token_2022_program: anchor_spl::token_2022::ID,
            quote_token_program: keys.quote_token_program,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: agent_factory::ID,
        },
        agent_factory::instruction::OpenBridgedPool { base_amount, quote_amount },
    )
}

pub fn propose_creator(creator: &Pubkey, agent: &Pubkey, new_creator: Pubkey) -> Instruction {
    ix(
        agent_factory::ID,
        agent_factory::accounts::ProposeCreator {
            creator: *creator,
            agent: *agent,
            event_authority: event_authority(),
            program: agent_factory::ID,
        },
        agent_factory::instruction::ProposeCreator { new_creator },
    )
}

pub fn accept_creator(new_creator: &Pubkey, agent: &Pubkey) -> Instruction {
    ix(
        agent_factory::ID,
        agent_factory::accounts::AcceptCreator {
            new_creator: *new_creator,
            agent: *agent,
            event_authority: event_authority(),
            program: agent_factory::ID,
        },
        agent_factory::instruction::AcceptCreator {},
    )
}

pub fn claim_creator_fees(creator: &Pubkey, keys: &PoolKeys, destination: Pubkey) -> Instruction {
    ix(
        agent_factory::ID,
        agent_factory::accounts::ClaimCreatorFees {
            creator: *creator,
            agent: keys.agent,
            pool: keys.pool,
            quote_vault: keys.quote_vault,
            quote_mint: keys.quote_mint,
            destination,
            quote_token_program: keys.quote_token_program,
            bonding_curve_event_authority: pda::event_authority(&bonding_curve::ID),
            bonding_curve_program: bonding_curve::ID,
        },
        agent_factory::instruction::ClaimCreatorFees {},
    )
}

/// The accounts every launch on `preset_id` shares: a client keeps them in one address
/// lookup table, so a launch (with maximal metadata and a first buy) fits in one
/// transaction.
pub fn launch_lookup_addresses(preset_id: u16, quote_mint: &Pubkey, quote_token_program: &Pubkey) -> Vec<Pubkey> {
    vec![
        pda::agent_factory::launcher(),
        pda::bonding_curve::preset(preset_id),
        *quote_mint,
        *quote_token_program,
        anchor_spl::token_2022::ID,
        anchor_spl::associated_token::ID,
        system_program::ID,
        bonding_curve::ID,
        pda::event_authority(&bonding_curve::ID),
        fee_aggregator::ID,
        pda::event_authority(&fee_aggregator::ID),
        pda::fee_aggregator::store(),
        revenue_share::ID,
        pda::event_authority(&revenue_share::ID),
        event_authority(),
    ]
}
