use agentpad_common::account::{create_rent_exempt, write_borsh};
use agentpad_common::emit_event;
use agentpad_common::mint_screen::screen_mint;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_2022::spl_token_2022::{extension::StateWithExtensions, state::Mint as MintState};
use anchor_spl::token_interface::TokenInterface;
use fee_aggregator::state::AgentLink;

use super::launch_agent::read_preset;
use super::groups::*;
use crate::constants::seeds;
use crate::error::AgentFactoryError;
use crate::event::BridgedAgentRegistered;
use crate::state::Agent;

/// Makes an agent token from another chain an agent here: its record (marked with its
/// origin chain and token), fee vault and stake pool, for a mint that already exists — a
/// LayerZero OFT mint whose mint authority is its OFT store.
///
/// Registration is granted by the origin chain, never to whoever calls first: the Base side
/// sends a link (fee-aggregator records it from its peer) naming the mint, the creator who
/// may register it, and the OFT store. Only that creator, for that mint, once.
#[event_cpi]
#[derive(Accounts)]
pub struct RegisterBridgedAgent<'info> {
    /// The creator the link names; pays for the accounts.
    #[account(mut)]
    pub creator: Signer<'info>,
    /// CHECK: the agent token mint: a Token-2022 mint, screened, whose mint authority is
    /// the link's OFT store (`validate`).
    pub mint: UncheckedAccount<'info>,
    /// The mint's link, written by fee-aggregator from a message of its peer: owned by
    /// fee-aggregator, typed `AgentLink`, storing this mint (`validate`; fee-aggregator
    /// writes a link only at its PDA).
    /// CHECK: as above.
    #[account(owner = fee_aggregator::ID @ AgentFactoryError::NoLink)]
    pub link: UncheckedAccount<'info>,
    /// The agent record, created here at its PDA (the seeds constraint checks the address).
    /// CHECK: created here; refused if it exists (`validate`).
    #[account(mut, seeds = [seeds::AGENT, mint.key().as_ref()], bump)]
    pub agent: UncheckedAccount<'info>,
    /// CHECK: PDA that signs stake-pool creation in revenue-share; holds no data.
    #[account(address = agentpad_common::ids::LAUNCHER)]
    pub launcher: UncheckedAccount<'info>,
    /// The bonding-curve preset `preset_id`, whose staking terms the agent takes.
    /// CHECK: owned by bonding-curve, typed `Preset`, storing that id (`validate`).
    #[account(owner = bonding_curve::ID @ AgentFactoryError::UnknownPreset)]
    pub preset: UncheckedAccount<'info>,
    /// CHECK: the agent's first reward mint (fees from Base arrive in it); fee-aggregator
    /// and revenue-share screen it.
    pub reward_mint: UncheckedAccount<'info>,
    /// The agent's fee vault and stake pool, created by CPI.
    pub revenue: AgentRevenue<'info>,
    pub token_2022_program: Program<'info, Token2022>,
    pub reward_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl RegisterBridgedAgent<'_> {
    /// The link, typed by fee-aggregator's own `AgentLink` (owner checked by the constraint).
    fn link(&self) -> Result<AgentLink> {
        AgentLink::try_deserialize(&mut &self.link.try_borrow_data()?[..]).map_err(|_| error!(AgentFactoryError::NoLink))
    }

    fn validate(&self, preset_id: u16) -> Result<()> {
        let link = self.link()?;
        require_keys_eq!(link.mint, self.mint.key(), AgentFactoryError::LinkForAnotherMint);
        require_keys_eq!(link.creator, self.creator.key(), AgentFactoryError::NotLinkedCreator);
        check_new_agent(&self.mint, &self.agent, &self.preset, &link.oft_store, preset_id)
    }
}

/// What every bridged registration checks, however it is granted: the record does not exist
/// yet, the mint is a Token-2022 mint whose authority is `oft_store` with no freeze
/// authority and passes the screening, and the preset is `preset_id`.
pub(crate) fn check_new_agent(mint: &AccountInfo, agent: &AccountInfo, preset: &AccountInfo, oft_store: &Pubkey, preset_id: u16) -> Result<()> {
    // Only agent-factory ever owns the record's address: lamports sent there do not count.
    require!(*agent.owner != crate::ID, AgentFactoryError::AlreadyRegistered);
    require_keys_eq!(*mint.owner, Token2022::id(), AgentFactoryError::NotToken2022Mint);
    {
        let data = mint.try_borrow_data()?;
        let state = StateWithExtensions::<MintState>::unpack(&data).map_err(|_| error!(AgentFactoryError::NotToken2022Mint))?.base;
        require!(Option::<Pubkey>::from(state.mint_authority) == Some(*oft_store), AgentFactoryError::NotOftMint);
        require!(state.freeze_authority.is_none(), AgentFactoryError::MintFreezeAuthority);
    }
    screen_mint(mint).map_err(AgentFactoryError::from)?;
    read_preset(preset, Some(preset_id))?;
    Ok(())
}

/// Where a bridged agent comes from and who granted its registration.
pub(crate) struct Grant {
    pub creator: Pubkey,
    pub oft_store: Pubkey,
    pub origin_eid: u32,
    pub origin_token: [u8; 32],
    /// The link message that granted it; 0 when the protocol admin registered it.
    pub link_id: u64,
    pub by_admin: bool,
}

/// The accounts a bridged registration creates and is paid by.
pub(crate) struct NewAgent<'a, 'info> {
    pub payer: &'a AccountInfo<'info>,
    pub mint: &'a AccountInfo<'info>,
    pub agent: &'a AccountInfo<'info>,
    pub agent_bump: u8,
    pub launcher: &'a AccountInfo<'info>,
    pub preset: &'a AccountInfo<'info>,
    pub reward_mint: &'a AccountInfo<'info>,
    pub revenue: &'a AgentRevenue<'info>,
    pub token_2022_program: &'a AccountInfo<'info>,
    pub reward_token_program: &'a AccountInfo<'info>,
    pub system_program: &'a AccountInfo<'info>,
}

/// The record (marked with its origin), then the fee vault and the stake pool; returns the
/// event to emit.
pub(crate) fn register(a: &NewAgent, g: &Grant, preset_id: u16, unstake_cooldown: Option<u32>) -> Result<BridgedAgentRegistered> {
    let staking = read_preset(a.preset, None)?.staking.terms();
    let unstake_cooldown = staking.cooldown(unstake_cooldown).ok_or(AgentFactoryError::CooldownOutOfBounds)?;
    let (mint_key, preset) = (a.mint.key(), a.preset.key());
    let clock = Clock::get()?;

    // The record first: fee-aggregator's `create_vault` reads it as proof of the agent.
    let agent_seeds: &[&[u8]] = &[seeds::AGENT, mint_key.as_ref(), &[a.agent_bump]];
    create_rent_exempt(a.system_program, a.payer, a.agent, Agent::SPACE, &crate::ID, agent_seeds, &Rent::get()?)?;
    write_borsh(a.agent, &Agent {
        mint: mint_key,
        pool: Pubkey::default(),
        preset,
        creator: g.creator,
        pending_creator: Pubkey::default(),
        created_slot: clock.slot,
        created_at: clock.unix_timestamp,
        preset_id,
        bump: a.agent_bump,
        origin_eid: g.origin_eid,
        origin_token: g.origin_token,
    })?;

    let launcher_bump = [agentpad_common::ids::LAUNCHER_BUMP];
    let launcher_seeds: &[&[u8]] = &[seeds::LAUNCHER, &launcher_bump];
    let parties = RevenueParties {
        payer: a.payer,
        agent: a.agent,
        agent_mint: a.mint,
        launcher: a.launcher,
        launcher_seeds,
        reward_mint: a.reward_mint,
        agent_token_program: a.token_2022_program,
        reward_token_program: a.reward_token_program,
        system_program: a.system_program,
    };
    a.revenue.create(&parties, unstake_cooldown, staking.reward_window)?;

    Ok(BridgedAgentRegistered {
        agent: a.agent.key(),
        mint: mint_key,
        creator: g.creator,
        origin_eid: g.origin_eid,
        origin_token: g.origin_token,
        link_id: g.link_id,
        oft_store: g.oft_store,
        by_admin: g.by_admin,
        preset,
        preset_id,
        reward_mint: a.reward_mint.key(),
        slot: clock.slot,
        timestamp: clock.unix_timestamp,
    })
}

#[access_control(ctx.accounts.validate(preset_id))]
pub fn handle_register_bridged_agent(ctx: Context<RegisterBridgedAgent>, preset_id: u16, unstake_cooldown: Option<u32>) -> Result<()> {
    let a = &ctx.accounts;
    let link = a.link()?;
    let grant = Grant {
        creator: link.creator,
        oft_store: link.oft_store,
        origin_eid: link.origin_eid,
        origin_token: link.origin_token,
        link_id: link.link_id,
        by_admin: false,
    };
    let new_agent = NewAgent {
        payer: &a.creator.to_account_info(),
        mint: &a.mint.to_account_info(),
        agent: &a.agent.to_account_info(),
        agent_bump: ctx.bumps.agent,
        launcher: &a.launcher.to_account_info(),
        preset: &a.preset.to_account_info(),
        reward_mint: &a.reward_mint.to_account_info(),
        revenue: &a.revenue,
        token_2022_program: &a.token_2022_program.to_account_info(),
        reward_token_program: &a.reward_token_program.to_account_info(),
        system_program: &a.system_program.to_account_info(),
    };
    let event = register(&new_agent, &grant, preset_id, unstake_cooldown)?;
    emit_event!(ctx, event);
    Ok(())
}
