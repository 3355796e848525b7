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
        // Only agent-factory ever owns the record's address: lamports sent there do not count.
        require!(*self.agent.owner != crate::ID, AgentFactoryError::AlreadyRegistered);
        require_keys_eq!(*self.mint.owner, Token2022::id(), AgentFactoryError::NotToken2022Mint);
        {
            let data = self.mint.try_borrow_data()?;
            let mint = StateWithExtensions::<MintState>::unpack(&data).map_err(|_| error!(AgentFactoryError::NotToken2022Mint))?.base;
            require!(Option::<Pubkey>::from(mint.mint_authority) == Some(link.oft_store), AgentFactoryError::NotOftMint);
            require!(mint.freeze_authority.is_none(), AgentFactoryError::MintFreezeAuthority);
        }
        screen_mint(&self.mint).map_err(AgentFactoryError::from)?;
        read_preset(&self.preset, Some(preset_id))?;
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(preset_id))]
pub fn handle_register_bridged_agent(ctx: Context<RegisterBridgedAgent>, preset_id: u16, unstake_cooldown: Option<u32>) -> Result<()> {
    let a = &ctx.accounts;
    let link = a.link()?;
    let staking = read_preset(&a.preset, None)?.staking.terms();
    let unstake_cooldown = staking.cooldown(unstake_cooldown).ok_or(AgentFactoryError::CooldownOutOfBounds)?;
    let (creator, mint_key, preset) = (a.creator.key(), a.mint.key(), a.preset.key());
    let clock = Clock::get()?;
    let (system, agent) = (a.system_program.to_account_info(), a.agent.to_account_info());

    // The record first: fee-aggregator's `create_vault` reads it as proof of the agent.
    let agent_seeds: &[&[u8]] = &[seeds::AGENT, mint_key.as_ref(), &[ctx.bumps.agent]];
    create_rent_exempt(&system, &a.creator, &agent, Agent::SPACE, &crate::ID, agent_seeds, &Rent::get()?)?;
    write_borsh(&agent, &Agent {
        mint: mint_key,
        pool: Pubkey::default(),
        preset,
        creator,
        pending_creator: Pubkey::default(),
        created_slot: clock.slot,
        created_at: clock.unix_timestamp,
        preset_id,
        bump: ctx.bumps.agent,
        origin_eid: link.origin_eid,
        origin_token: link.origin_token,
    })?;

    let launcher_bump = [agentpad_common::ids::LAUNCHER_BUMP];
    let launcher_seeds: &[&[u8]] = &[seeds::LAUNCHER, &launcher_bump];
    let parties = RevenueParties {
        payer: &a.creator.to_account_info(),
        agent: &agent,
        agent_mint: &a.mint.to_account_info(),
        launcher: &a.launcher.to_account_info(),
        launcher_seeds,
        reward_mint: &a.reward_mint.to_account_info(),
        agent_token_program: &a.token_2022_program.to_account_info(),
        reward_token_program: &a.reward_token_program.to_account_info(),
        system_program: &system,
    };
    a.revenue.create(&parties, unstake_cooldown, staking.reward_window)?;

    emit_event!(ctx, BridgedAgentRegistered {
        agent: agent.key(),
        mint: mint_key,
        creator,
        origin_eid: link.origin_eid,
        origin_token: link.origin_token,
        link_id: link.link_id,
        oft_store: link.oft_store,
        preset,
        preset_id,
        reward_mint: a.reward_mint.key(),
        slot: clock.slot,
        timestamp: clock.unix_timestamp,
    });
    Ok(())
}
