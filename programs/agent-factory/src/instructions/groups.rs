//! Account groups more than one instruction takes, written once (Anchor composite
//! `Accounts`: the group's accounts sit together in each instruction's list, and the IDL
//! and clients name them under the group's field).

use agentpad_common::account::{create_rent_exempt, write_borsh};
use agentpad_common::cpi::invoke_program;
use agentpad_common::mint_screen::screen_mint;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_2022::spl_token_2022::{extension::StateWithExtensions, state::Mint as MintState};
use anchor_spl::token_interface::TokenInterface;
use fee_aggregator::program::FeeAggregator;
use revenue_share::program::RevenueShare;

use super::launch_agent::read_preset;
use crate::constants::seeds;
use crate::error::AgentFactoryError;
use crate::event::BridgedAgentRegistered;
use crate::state::Agent;

/// What makes an agent earn: its fee vault and revenue policy in fee-aggregator and its
/// stake pool in revenue-share, each created by CPI (those programs check the addresses).
/// A launch and a bridged agent's registration create the same accounts.
#[derive(Accounts)]
pub struct AgentRevenue<'info> {
    /// CHECK: fee-aggregator's store; fee-aggregator checks it.
    pub fee_store: UncheckedAccount<'info>,
    /// CHECK: the agent's fee vault for the reward mint, created by fee-aggregator.
    #[account(mut)]
    pub fee_vault: UncheckedAccount<'info>,
    /// CHECK: created by fee-aggregator.
    #[account(mut)]
    pub fee_vault_token_account: UncheckedAccount<'info>,
    /// CHECK: the agent's revenue policy, created by fee-aggregator.
    #[account(mut)]
    pub revenue_policy: UncheckedAccount<'info>,
    /// CHECK: fee-aggregator's event authority, checked by fee-aggregator.
    pub fee_aggregator_event_authority: UncheckedAccount<'info>,
    pub fee_aggregator_program: Program<'info, FeeAggregator>,
    /// CHECK: the agent's stake pool, created by revenue-share.
    #[account(mut)]
    pub stake_pool: UncheckedAccount<'info>,
    /// CHECK: created by revenue-share.
    #[account(mut)]
    pub stake_vault: UncheckedAccount<'info>,
    /// CHECK: the stake pool's vault for the reward mint, created by revenue-share.
    #[account(mut)]
    pub stake_reward_vault: UncheckedAccount<'info>,
    /// CHECK: revenue-share's event authority, checked by revenue-share.
    pub revenue_share_event_authority: UncheckedAccount<'info>,
    pub revenue_share_program: Program<'info, RevenueShare>,
}

/// The accounts an agent's revenue accounts are created for and paid by.
pub struct RevenueParties<'a, 'info> {
    pub payer: &'a AccountInfo<'info>,
    /// The agent record, written before: fee-aggregator reads it as proof of the agent.
    pub agent: &'a AccountInfo<'info>,
    pub agent_mint: &'a AccountInfo<'info>,
    /// agent-factory's launcher PDA, which alone may create a stake pool.
    pub launcher: &'a AccountInfo<'info>,
    pub launcher_seeds: &'a [&'a [u8]],
    pub reward_mint: &'a AccountInfo<'info>,
    pub agent_token_program: &'a AccountInfo<'info>,
    pub reward_token_program: &'a AccountInfo<'info>,
    pub system_program: &'a AccountInfo<'info>,
}

impl<'info> AgentRevenue<'info> {
    /// The fee vault and policy, then the stake pool paying out in `reward_mint` first.
    pub fn create(&self, p: &RevenueParties<'_, 'info>, unstake_cooldown: u32, reward_window: u32) -> Result<()> {
        invoke_program(
            fee_aggregator::ID,
            fee_aggregator::cpi::accounts::CreateVault {
                payer: p.payer.clone(),
                store: self.fee_store.to_account_info(),
                agent: p.agent.clone(),
                agent_mint: p.agent_mint.clone(),
                reward_mint: p.reward_mint.clone(),
                vault: self.fee_vault.to_account_info(),
                vault_token_account: self.fee_vault_token_account.to_account_info(),
                policy: self.revenue_policy.to_account_info(),
                token_program: p.reward_token_program.clone(),
                system_program: p.system_program.clone(),
                event_authority: self.fee_aggregator_event_authority.to_account_info(),
                program: self.fee_aggregator_program.to_account_info(),
            },
            fee_aggregator::instruction::CreateVault {},
            &[],
        )?;
        invoke_program(
            revenue_share::ID,
            revenue_share::cpi::accounts::CreateStakePool {
                payer: p.payer.clone(),
                launcher: p.launcher.clone(),
                agent_mint: p.agent_mint.clone(),
                stake_pool: self.stake_pool.to_account_info(),
                stake_vault: self.stake_vault.to_account_info(),
                reward_mint: p.reward_mint.clone(),
                reward_vault: self.stake_reward_vault.to_account_info(),
                agent_token_program: p.agent_token_program.clone(),
                reward_token_program: p.reward_token_program.clone(),
                system_program: p.system_program.clone(),
                event_authority: self.revenue_share_event_authority.to_account_info(),
                program: self.revenue_share_program.to_account_info(),
            },
            revenue_share::instruction::CreateStakePool { unstake_cooldown, reward_window },
            &[p.launcher_seeds],
        )
    }
}

/// A bridged agent's accounts, whatever grants its registration (a link from its origin
/// chain, or the admin): its existing mint, the record created for it, and what a launch
/// also creates (`AgentRevenue`).
#[derive(Accounts)]
pub struct NewBridgedAgent<'info> {
    /// CHECK: the agent token mint: Token-2022, screened, its authority the granted OFT store
    /// (`check`).
    pub mint: UncheckedAccount<'info>,
    /// The agent record, created here at its PDA (the seeds constraint checks the address).
    /// CHECK: created here; refused if it exists (`check`).
    #[account(mut, seeds = [seeds::AGENT, mint.key().as_ref()], bump)]
    pub agent: UncheckedAccount<'info>,
    /// CHECK: PDA that signs stake-pool creation in revenue-share; holds no data.
    #[account(address = agentpad_common::ids::LAUNCHER)]
    pub launcher: UncheckedAccount<'info>,
    /// The bonding-curve preset whose staking terms (and, for a pool, fees) the agent takes.
    /// CHECK: owned by bonding-curve, typed `Preset`, storing the id (`check`).
    #[account(owner = bonding_curve::ID @ AgentFactoryError::UnknownPreset)]
    pub preset: UncheckedAccount<'info>,
    /// CHECK: the agent's first reward mint (fees from its origin chain arrive in it);
    /// fee-aggregator and revenue-share screen it.
    pub reward_mint: UncheckedAccount<'info>,
    /// The agent's fee vault and stake pool, created by CPI.
    pub revenue: AgentRevenue<'info>,
    pub token_2022_program: Program<'info, Token2022>,
    pub reward_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

/// Where a bridged agent comes from, and who its creator is.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct BridgedOrigin {
    pub creator: Pubkey,
    /// The LayerZero OFT store that must be the mint's authority.
    pub oft_store: Pubkey,
    pub origin_eid: u32,
    pub origin_token: [u8; 32],
}

/// What grants a bridged agent's registration: its origin, and the link message that named
/// it (`None` when the protocol admin registered it).
pub struct Grant {
    pub origin: BridgedOrigin,
    pub link_id: Option<u64>,
}

impl<'info> NewBridgedAgent<'info> {
    /// What every bridged registration checks: the record does not exist yet, the mint is a
    /// Token-2022 mint whose authority is `oft_store` with no freeze authority and passes the
    /// screening every pool mint passes, and the preset is `preset_id`.
    pub fn check(&self, oft_store: &Pubkey, preset_id: u16) -> Result<()> {
        // Only agent-factory ever owns the record's address: lamports sent there do not count.
        require!(*self.agent.owner != crate::ID, AgentFactoryError::AlreadyRegistered);
        require_keys_eq!(*self.mint.owner, Token2022::id(), AgentFactoryError::NotToken2022Mint);
        {
            let data = self.mint.try_borrow_data()?;
            let state = StateWithExtensions::<MintState>::unpack(&data).map_err(|_| error!(AgentFactoryError::NotToken2022Mint))?.base;
            require!(Option::<Pubkey>::from(state.mint_authority) == Some(*oft_store), AgentFactoryError::NotOftMint);
            require!(state.freeze_authority.is_none(), AgentFactoryError::MintFreezeAuthority);
        }
        screen_mint(&self.mint).map_err(AgentFactoryError::from)?;
        read_preset(&self.preset, Some(preset_id))?;
        Ok(())
    }

    /// The record (marked with its origin), then the fee vault and the stake pool, paid by
    /// `payer`; returns the event to emit.
    pub fn register(&self, payer: &AccountInfo<'info>, agent_bump: u8, grant: &Grant, preset_id: u16, unstake_cooldown: Option<u32>) -> Result<BridgedAgentRegistered> {
        let g = &grant.origin;
        let staking = read_preset(&self.preset, None)?.staking.terms();
        let unstake_cooldown = staking.cooldown(unstake_cooldown).ok_or(AgentFactoryError::CooldownOutOfBounds)?;
        let (mint_key, preset) = (self.mint.key(), self.preset.key());
        let (agent, system) = (self.agent.to_account_info(), self.system_program.to_account_info());
        let clock = Clock::get()?;

        // The record first: fee-aggregator's `create_vault` reads it as proof of the agent.
        let agent_seeds: &[&[u8]] = &[seeds::AGENT, mint_key.as_ref(), &[agent_bump]];
        create_rent_exempt(&system, payer, &agent, Agent::SPACE, &crate::ID, agent_seeds, &Rent::get()?)?;
        write_borsh(&agent, &Agent {
            mint: mint_key,
            pool: Pubkey::default(),
            preset,
            creator: g.creator,
            pending_creator: Pubkey::default(),
            created_slot: clock.slot,
            created_at: clock.unix_timestamp,
            preset_id,
            bump: agent_bump,
            origin_eid: g.origin_eid,
            origin_token: g.origin_token,
        })?;

        let launcher_bump = [agentpad_common::ids::LAUNCHER_BUMP];
        let launcher_seeds: &[&[u8]] = &[seeds::LAUNCHER, &launcher_bump];
        let parties = RevenueParties {
            payer,
            agent: &agent,
            agent_mint: &self.mint.to_account_info(),
            launcher: &self.launcher.to_account_info(),
            launcher_seeds,
            reward_mint: &self.reward_mint.to_account_info(),
            agent_token_program: &self.token_2022_program.to_account_info(),
            reward_token_program: &self.reward_token_program.to_account_info(),
            system_program: &system,
        };
        self.revenue.create(&parties, unstake_cooldown, staking.reward_window)?;

        Ok(BridgedAgentRegistered {
            agent: agent.key(),
            mint: mint_key,
            creator: g.creator,
            origin_eid: g.origin_eid,
            origin_token: g.origin_token,
            link_id: grant.link_id.unwrap_or(0),
            oft_store: g.oft_store,
            by_admin: grant.link_id.is_none(),
            preset,
            preset_id,
            reward_mint: self.reward_mint.key(),
            slot: clock.slot,
            timestamp: clock.unix_timestamp,
        })
    }
}
