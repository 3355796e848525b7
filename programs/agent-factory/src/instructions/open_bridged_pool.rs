use agentpad_common::cpi::invoke_program;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::TokenInterface;
use bonding_curve::program::BondingCurve;

use crate::constants::seeds;
use crate::error::AgentFactoryError;
use crate::event::BridgedPoolOpened;
use crate::state::Agent;

/// Gives a bridged agent its Solana market: a constant-product pool against its preset's
/// quote mint (bonding-curve's `create_seeded_pool`), seeded with liquidity the creator
/// provides and locked forever. The agent record is the pool's creator-fee authority, as for
/// a launched agent, so its trades feed the same three fee buckets and the agent's vault.
#[event_cpi]
#[derive(Accounts)]
pub struct OpenBridgedPool<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    #[account(
        mut,
        has_one = creator @ AgentFactoryError::NotCreator,
        has_one = mint @ AgentFactoryError::AgentMintMismatch,
        has_one = preset @ AgentFactoryError::UnknownPreset,
        constraint = agent.origin_eid != 0 @ AgentFactoryError::NotBridgedAgent,
        constraint = agent.pool == Pubkey::default() @ AgentFactoryError::PoolExists,
    )]
    pub agent: Account<'info, Agent>,
    /// CHECK: PDA that signs pool creation in bonding-curve; holds no data.
    #[account(address = agentpad_common::ids::LAUNCHER)]
    pub launcher: UncheckedAccount<'info>,
    /// CHECK: the agent's preset (`has_one`); bonding-curve types it.
    pub preset: UncheckedAccount<'info>,
    /// CHECK: the agent's mint (`has_one`); bonding-curve checks it is a 6-decimal Token-2022 mint.
    pub mint: UncheckedAccount<'info>,
    /// CHECK: bonding-curve checks it against the preset and screens it.
    pub quote_mint: UncheckedAccount<'info>,
    /// CHECK: created by bonding-curve (it checks the seeds).
    #[account(mut)]
    pub pool: UncheckedAccount<'info>,
    /// CHECK: created by bonding-curve.
    #[account(mut)]
    pub base_vault: UncheckedAccount<'info>,
    /// CHECK: created by bonding-curve.
    #[account(mut)]
    pub quote_vault: UncheckedAccount<'info>,
    /// CHECK: the creator's agent tokens; bonding-curve and the token program check them.
    #[account(mut)]
    pub creator_base_account: UncheckedAccount<'info>,
    /// CHECK: the creator's quote tokens; bonding-curve and the token program check them.
    #[account(mut)]
    pub creator_quote_account: UncheckedAccount<'info>,
    /// CHECK: bonding-curve's event authority, checked by bonding-curve.
    pub bonding_curve_event_authority: UncheckedAccount<'info>,
    pub bonding_curve_program: Program<'info, BondingCurve>,
    pub token_2022_program: Program<'info, Token2022>,
    pub quote_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

pub fn handle_open_bridged_pool(ctx: Context<OpenBridgedPool>, base_amount: u64, quote_amount: u64) -> Result<()> {
    let a = &ctx.accounts;
    let launcher_bump = [agentpad_common::ids::LAUNCHER_BUMP];
    let launcher_seeds: &[&[u8]] = &[seeds::LAUNCHER, &launcher_bump];
    invoke_program(
        bonding_curve::ID,
        bonding_curve::cpi::accounts::CreateSeededPool {
            new_pool: bonding_curve::cpi::accounts::NewPool {
                payer: a.creator.to_account_info(),
                launcher: a.launcher.to_account_info(),
                preset: a.preset.to_account_info(),
                base_mint: a.mint.to_account_info(),
                quote_mint: a.quote_mint.to_account_info(),
                pool: a.pool.to_account_info(),
                base_vault: a.base_vault.to_account_info(),
                quote_vault: a.quote_vault.to_account_info(),
                base_token_program: a.token_2022_program.to_account_info(),
                quote_token_program: a.quote_token_program.to_account_info(),
                system_program: a.system_program.to_account_info(),
            },
            provider: a.creator.to_account_info(),
            provider_base_account: a.creator_base_account.to_account_info(),
            provider_quote_account: a.creator_quote_account.to_account_info(),
            event_authority: a.bonding_curve_event_authority.to_account_info(),
            program: a.bonding_curve_program.to_account_info(),
        },
        bonding_curve::instruction::CreateSeededPool { base_amount, quote_amount, creator_fee_authority: a.agent.key() },
        &[launcher_seeds],
    )?;
    let pool = a.pool.key();
    let (agent_key, mint, quote_mint) = (a.agent.key(), a.mint.key(), a.quote_mint.key());
    ctx.accounts.agent.pool = pool;
    emit_event!(ctx, BridgedPoolOpened { agent: agent_key, mint, pool, quote_mint, base_amount, quote_amount });
    Ok(())
}
