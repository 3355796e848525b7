//! The three trade instructions share one account list and one settlement path: the
//! math crate computes the whole trade, the pool applies it, then tokens move.

pub mod buy_exact_in;
pub mod buy_exact_out;
pub mod sell_exact_in;

pub use buy_exact_in::*;
pub use buy_exact_out::*;
pub use sell_exact_in::*;

use agentpad_common::token::transfer;
use agentpad_math::MathResult;
use agentpad_math::pool::{Limit, Market, Phase, Side, Trade};
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::TokenAccount;

use crate::error::BondingCurveError;
use crate::event::TradeExecuted;
use crate::instructions::groups::*;
use crate::state::{load_pool_mut, pool_signer_seeds};

/// Accounts of every trade. No config or other shared account is written (or even
/// read): two agents' trades never contend for a lock.
#[event_cpi]
#[derive(Accounts)]
pub struct Swap<'info> {
    pub user: Signer<'info>,
    pub pool_quote: PoolQuoteSide<'info>,
    /// CHECK: the pool's base mint (its stored key); `transfer_checked` checks its decimals.
    #[account(constraint = pool_quote.pool.load()?.base_mint == base_mint.key() @ BondingCurveError::InvalidMint)]
    pub base_mint: UncheckedAccount<'info>,
    /// CHECK: the pool's base vault (its stored key); the token program moves its tokens.
    #[account(mut, constraint = pool_quote.pool.load()?.base_vault == base_vault.key() @ BondingCurveError::VaultMismatch)]
    pub base_vault: UncheckedAccount<'info>,
    /// Not the pool's vault: a transfer to itself would move the books but no tokens.
    /// `dup`: token accounts are never written back by this program, so Anchor's
    /// duplicate-mutable check (a hash set per instruction) has nothing to protect; the two
    /// user accounts hold different mints anyway.
    #[account(
        mut,
        dup,
        constraint = user_base_account.mint == base_mint.key() @ BondingCurveError::TokenAccountMintMismatch,
        constraint = user_base_account.key() != base_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount,
    )]
    pub user_base_account: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut,
        dup,
        constraint = user_quote_account.mint == pool_quote.quote_mint.key() @ BondingCurveError::TokenAccountMintMismatch,
        constraint = user_quote_account.key() != pool_quote.quote_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount,
    )]
    pub user_quote_account: Box<InterfaceAccount<'info, TokenAccount>>,
    pub base_token_program: Program<'info, Token2022>,
}

impl<'info> Swap<'info> {
    /// Moves the tokens of a trade already applied to the pool.
    fn settle(&self, trade: &Trade, base_mint: &Pubkey, bump: &[u8; 1], decimals: (u8, u8)) -> Result<()> {
        let (base_decimals, quote_decimals) = decimals;
        let pool_seeds = pool_signer_seeds(base_mint, bump);
        let pool_signer: &[&[&[u8]]] = &[&pool_seeds];
        let user = self.user.to_account_info();
        let base_program = self.base_token_program.to_account_info();
        let base = self.base_mint.to_account_info();
        let (user_base, user_quote) = (self.user_base_account.to_account_info(), self.user_quote_account.to_account_info());
        let base_vault = self.base_vault.to_account_info();
        let pool = &self.pool_quote;
        match trade.side {
            Side::Buy => {
                pool.transfer_in(&user_quote, &user, trade.quote_amount, quote_decimals)?;
                transfer(&base_program, &base_vault, &base, &user_base, &pool.pool.to_account_info(), trade.base_amount, base_decimals, pool_signer)
            }
            Side::Sell => {
                transfer(&base_program, &user_base, &base, &base_vault, &user, trade.base_amount, base_decimals, &[])?;
                pool.transfer_out(&user_quote, trade.quote_amount, quote_decimals, pool_signer)
            }
        }
    }
}

/// Quotes a trade against the pool, checks the caller's limit, applies it, settles it and
/// emits the event.
pub(crate) fn execute_swap(ctx: Context<Swap>, quote: impl FnOnce(&Market, u16) -> MathResult<Trade>, limit: Limit) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let (trade, after, base_mint, bump, decimals) = {
        let (mut pool, segments) = load_pool_mut(ctx.accounts.pool_quote.pool.as_ref())?;
        let trade = quote(&pool.market(&segments)?, pool.fee_bps_at(now)).map_err(BondingCurveError::from)?;
        require!(limit.allows(&trade), BondingCurveError::SlippageExceeded);
        pool.apply_trade(&trade)?;
        let after = pool.market(&segments)?;
        let after = (after.reserves, after.price_q64().map_err(BondingCurveError::from)?, after.progress_bps(), after.phase);
        (trade, after, pool.base_mint, [pool.bump], (pool.base_decimals, pool.quote_decimals))
    };
    let (reserves_after, price_q64, progress_bps, phase_after) = after;
    ctx.accounts.settle(&trade, &base_mint, &bump, decimals)?;
    emit_event!(ctx, TradeExecuted {
        pool: ctx.accounts.pool_quote.pool.key(),
        base_mint,
        user: ctx.accounts.user.key(),
        is_buy: trade.side == Side::Buy,
        base_amount: trade.base_amount,
        quote_amount: trade.quote_amount,
        fee: trade.fee,
        fee_bps: trade.fee_bps,
        protocol_fee: trade.fee_parts.protocol,
        creator_fee: trade.fee_parts.creator,
        agent_fee: trade.fee_parts.agent,
        quote_reserve: reserves_after.quote,
        base_reserve: reserves_after.base,
        price_q64,
        progress_bps,
        // No trade runs in the Complete phase, so ending in it means this trade got there.
        completed_curve: trade.phase_after == Phase::Complete,
        graduated: phase_after == Phase::Graduated,
        timestamp: now,
    });
    Ok(())
}
