//! agentpad pools as a Jupiter AMM (`jupiter-amm-interface`'s [`Amm`]): one adapter for
//! a pool in either phase — on its bonding curve, or graduated into its constant-product
//! pool (a bridged agent's pool starts there).
//!
//! - The pool account is all a quote needs: reserves, the snapshotted economics (fee
//!   schedule, split, threshold) and the curve's segments live in it. The clock comes from
//!   the aggregator's [`AmmContext`] (the anti-sniper fee depends on the time since launch).
//! - Quotes run the program's own code: `bonding_curve::state::Pool::{market, fee_bps_at}`
//!   and `agentpad_math::pool::Market`, so a quote is the program's trade to the unit.
//! - The swap is the program's trade instruction built by `agentpad-client`: its account
//!   list, after the program id (Jupiter's convention for the CPI target).
//! - A trade the program would refuse is not quoted, and neither is one it would fill only
//!   in part (a buy that reaches the graduation threshold is cut there): an aggregator
//!   routes the whole amount or nothing.
//!
//! Layout and discovery: [`layout`]; the integration guide: docs/integrations.md.

pub mod layout;

/// The interface's types, as this crate uses them.
pub use jupiter_amm_interface;

use std::sync::atomic::Ordering;

use agentpad_client::PoolKeys;
use agentpad_client::accounts::{curve_segments, zero_copy};
use agentpad_client::instructions::bonding_curve as ix;
use agentpad_math::pool::{Market, Phase, Trade};
use agentpad_math::segment::Segment;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anyhow::{Context, Result, anyhow, bail, ensure};
use bonding_curve::state::Pool;
use jupiter_amm_interface::{
    AccountMap, Amm, AmmContext, ClockRef, KeyedAccount, Quote, QuoteParams, Swap, SwapAndAccountMetas, SwapMode, SwapParams,
};
use rust_decimal::Decimal;

pub const LABEL: &str = "agentpad";

/// The `Swap` step reported to Jupiter's router. `Swap` is Jupiter's closed list of the
/// programs its on-chain router can call, and has no agentpad entry yet: Jupiter adds one
/// (and the router's CPI into bonding-curve) when it lists the program — a step outside
/// this repository (docs/integrations.md). Until then this placeholder stands in its
/// place; the accounts and [`AgentpadAmm::swap_instruction`] are the real trade.
pub const UNLISTED_SWAP: Swap = Swap::TokenSwap;

/// One agentpad pool, as Jupiter's router sees it.
#[derive(Clone)]
pub struct AgentpadAmm {
    keys: PoolKeys,
    pool: Pool,
    /// The curve's segments after the first (snapshotted at creation, never changed).
    segments: Vec<Segment>,
    clock: ClockRef,
}

/// Buy: quote in, agent token out. Sell: agent token in, quote out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Buy,
    Sell,
}

impl AgentpadAmm {
    /// Decodes a pool account: owned by bonding-curve, a `Pool`, with its segments.
    pub fn from_pool_account(key: Pubkey, owner: &Pubkey, data: &[u8], clock: ClockRef) -> Result<Self> {
        let (pool, segments) = decode(&key, owner, data)?;
        let keys = PoolKeys {
            pool: key,
            base_mint: pool.base_mint,
            quote_mint: pool.quote_mint,
            base_vault: pool.base_vault,
            quote_vault: pool.quote_vault,
            quote_token_program: pool.quote_token_program,
            // Trades never name the agent record.
            agent: Pubkey::default(),
        };
        Ok(AgentpadAmm { keys, pool, segments, clock })
    }

    /// The pool as last decoded.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    pub fn phase(&self) -> Phase {
        // `decode` accepted only stored phases.
        Phase::from_stored(self.pool.phase).expect("a decoded pool's phase")
    }

    /// Which way a trade from `input` to `output` goes; any other pair is not this pool's.
    pub fn direction(&self, input: &Pubkey, output: &Pubkey) -> Result<Direction> {
        let (base, quote) = (&self.keys.base_mint, &self.keys.quote_mint);
        match (input, output) {
            (i, o) if i == quote && o == base => Ok(Direction::Buy),
            (i, o) if i == base && o == quote => Ok(Direction::Sell),
            _ => bail!("pool {} trades {} against {}, not {} for {}", self.keys.pool, base, quote, input, output),
        }
    }

    /// The fee rate a trade executed now pays, in bps (the clock is the aggregator's).
    pub fn fee_bps_now(&self) -> u16 {
        self.pool.fee_bps_at(self.clock.unix_timestamp.load(Ordering::Relaxed))
    }

    /// The pool's market as the program computes it (`bonding_curve::state::Pool::market`).
    pub fn market(&self) -> Result<Market<'_>> {
        self.pool.market(&self.segments).map_err(|e| anyhow!("pool {}: {e}", self.keys.pool))
    }

    /// The whole trade the program would execute now for `amount` in `mode` — reserves,
    /// fee and its split — or why it is not offered (refused, or only part would fill).
    pub fn trade(&self, direction: Direction, mode: SwapMode, amount: u64) -> Result<Trade> {
        ensure!(self.is_active(), "pool {} has completed its curve: no trade until `graduate` opens its pool", self.keys.pool);
        let market = self.market()?;
        let fee_bps = self.fee_bps_now();
        let refused = |e| anyhow!("pool {} refuses the trade: {e}", self.keys.pool);
        match (direction, mode) {
            (Direction::Buy, SwapMode::ExactIn) => {
                let trade = market.buy_exact_in(amount, fee_bps).map_err(refused)?;
                // The anti-sniper fee only falls until the trade lands, and at a lower rate
                // the same input buys more: it must not reach the threshold at the lowest.
                let lowest_fee = self.pool.fee_bps_at(i64::MAX);
                let whole_at_lowest = || fee_bps == lowest_fee || market.buy_exact_in(amount, lowest_fee).is_ok_and(|t| t.quote_amount == amount);
                ensure!(
                    trade.quote_amount == amount && whole_at_lowest(),
                    "pool {}: {amount} in would reach the graduation threshold and fill only in part ({} more completes the curve)",
                    self.keys.pool,
                    market.params.graduation_threshold - market.reserves.quote,
                );
                Ok(trade)
            }
            (Direction::Buy, SwapMode::ExactOut) => {
                let trade = market.buy_exact_out(amount, fee_bps).map_err(refused)?;
                ensure!(
                    trade.base_amount == amount,
                    "pool {}: the curve completes after {} of the {amount} tokens asked for",
                    self.keys.pool,
                    trade.base_amount,
                );
                Ok(trade)
            }
            (Direction::Sell, SwapMode::ExactIn) => market.sell_exact_in(amount, fee_bps).map_err(refused),
            (Direction::Sell, SwapMode::ExactOut) => bail!("pool {}: sells take an exact input only (the program has no exact-out sell)", self.keys.pool),
        }
    }

    /// The program's trade instruction for `params`: the accounts of
    /// [`get_swap_and_account_metas`](Amm::get_swap_and_account_metas) after the program
    /// id, and the amounts as the program's limits — exact in: spend `in_amount` for at
    /// least `out_amount`; exact out: receive `out_amount` for at most `in_amount`.
    pub fn swap_instruction(&self, params: &SwapParams) -> Result<Instruction> {
        let direction = self.direction(&params.source_mint, &params.destination_mint)?;
        let (user_base, user_quote) = match direction {
            Direction::Buy => (params.destination_token_account, params.source_token_account),
            Direction::Sell => (params.source_token_account, params.destination_token_account),
        };
        let accounts = ix::swap_accounts_with(&params.token_transfer_authority, &self.keys, user_base, user_quote);
        Ok(match (direction, params.swap_mode) {
            (Direction::Buy, SwapMode::ExactIn) => ix::buy_exact_in(accounts, params.in_amount, params.out_amount),
            (Direction::Buy, SwapMode::ExactOut) => ix::buy_exact_out(accounts, params.out_amount, params.in_amount),
            (Direction::Sell, SwapMode::ExactIn) => ix::sell_exact_in(accounts, params.in_amount, params.out_amount),
            (Direction::Sell, SwapMode::ExactOut) => bail!("pool {}: sells take an exact input only (the program has no exact-out sell)", self.keys.pool),
        })
    }
}

/// A pool account's fixed part and segments, after checking it is one.
fn decode(key: &Pubkey, owner: &Pubkey, data: &[u8]) -> Result<(Pool, Vec<Segment>)> {
    ensure!(*owner == bonding_curve::ID, "account {key} is owned by {owner}, not by bonding-curve ({})", bonding_curve::ID);
    let pool: Pool = zero_copy(data).map_err(|e| anyhow!("account {key} is not an agentpad pool: {e}"))?;
    Phase::from_stored(pool.phase).map_err(|_| anyhow!("pool {key} stores an unknown phase {}", pool.phase))?;
    let segments = curve_segments::<Pool>(data, pool.params.extra_segments).map_err(|e| anyhow!("pool {key}'s segments: {e}"))?;
    Ok((pool, segments))
}

impl Amm for AgentpadAmm {
    fn from_keyed_account(keyed_account: &KeyedAccount, amm_context: &AmmContext) -> Result<Self> {
        let account = &keyed_account.account;
        Self::from_pool_account(keyed_account.key, &account.owner, &account.data, amm_context.clock_ref.clone())
    }

    fn label(&self) -> String {
        LABEL.into()
    }

    fn program_id(&self) -> Pubkey {
        bonding_curve::ID
    }

    fn key(&self) -> Pubkey {
        self.keys.pool
    }

    fn get_reserve_mints(&self) -> Vec<Pubkey> {
        vec![self.keys.quote_mint, self.keys.base_mint]
    }

    /// The pool alone: its reserves are booked in it (a donation to a vault moves no price).
    fn get_accounts_to_update(&self) -> Vec<Pubkey> {
        vec![self.keys.pool]
    }

    fn update(&mut self, account_map: &AccountMap) -> Result<()> {
        let account = account_map.get(&self.keys.pool).with_context(|| format!("pool {} is missing from the update", self.keys.pool))?;
        let (pool, segments) = decode(&self.keys.pool, &account.owner, &account.data)?;
        ensure!(
            (pool.base_mint, pool.quote_mint) == (self.keys.base_mint, self.keys.quote_mint),
            "account {} is no longer the pool of {}",
            self.keys.pool,
            self.keys.base_mint,
        );
        (self.pool, self.segments) = (pool, segments);
        Ok(())
    }

    fn quote(&self, params: &QuoteParams) -> Result<Quote> {
        let direction = self.direction(&params.input_mint, &params.output_mint)?;
        let trade = self.trade(direction, params.swap_mode, params.amount)?;
        let (in_amount, out_amount) = match direction {
            Direction::Buy => (trade.quote_amount, trade.base_amount),
            Direction::Sell => (trade.base_amount, trade.quote_amount),
        };
        Ok(Quote {
            in_amount,
            out_amount,
            fee_amount: trade.fee,
            // Both ways the fee is taken in the quote token: from what a buyer pays, from
            // what a seller receives.
            fee_mint: self.keys.quote_mint,
            fee_pct: Decimal::new(trade.fee_bps.into(), 4),
        })
    }

    fn get_swap_and_account_metas(&self, params: &SwapParams) -> Result<SwapAndAccountMetas> {
        let instruction = self.swap_instruction(params)?;
        let mut account_metas = vec![AccountMeta::new_readonly(instruction.program_id, false)];
        account_metas.extend(instruction.accounts);
        Ok(SwapAndAccountMetas { swap: UNLISTED_SWAP, account_metas })
    }

    /// Buys: exact in and exact out; sells: exact in only (`quote` refuses the other).
    fn supports_exact_out(&self) -> bool {
        true
    }

    fn clone_amm(&self) -> Box<dyn Amm + Send + Sync> {
        Box::new(self.clone())
    }

    /// The program id, then the trade's accounts.
    fn get_accounts_len(&self) -> usize {
        1 + ACCOUNTS_PER_TRADE
    }

    /// No trade runs while a completed curve waits for `graduate`.
    fn is_active(&self) -> bool {
        self.phase() != Phase::Complete
    }
}

/// The accounts of bonding-curve's `Swap` (user, the pool's quote side, base mint and
/// vault, the user's two token accounts, Token-2022, and `emit_cpi!`'s two).
pub const ACCOUNTS_PER_TRADE: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::ToAccountMetas;

    #[test]
    fn the_account_count_is_the_trade_instructions() {
        let keys = PoolKeys::for_mint(Pubkey::new_unique(), Pubkey::new_unique(), anchor_lang::prelude::Pubkey::new_unique());
        assert_eq!(ix::swap_accounts(&Pubkey::new_unique(), &keys).to_account_metas(None).len(), ACCOUNTS_PER_TRADE);
    }
}
