//! Fee claims. Each empties one bucket of the pool's quote vault.

pub mod claim_agent_fees;
pub mod claim_creator_fees;
pub mod claim_protocol_fees;

pub use claim_agent_fees::*;
pub use claim_creator_fees::*;
pub use claim_protocol_fees::*;

use agentpad_common::token::transfer;
use anchor_lang::prelude::*;

use crate::state::{FeeBucket, Pool, pool_signer_seeds};

/// Empties `bucket` into `destination`, signed by the pool. Returns the amount paid.
pub(crate) fn pay_out_bucket<'info>(
    pool: &AccountLoader<'info, Pool>,
    bucket: FeeBucket,
    quote_vault: &AccountInfo<'info>,
    quote_mint: &AccountInfo<'info>,
    destination: &AccountInfo<'info>,
    quote_token_program: &AccountInfo<'info>,
) -> Result<u64> {
    let (amount, base_mint, bump, decimals) = {
        let mut state = pool.load_mut()?;
        (state.take_fees(bucket)?, state.base_mint, [state.bump], state.quote_decimals)
    };
    let seeds = pool_signer_seeds(&base_mint, &bump);
    transfer(quote_token_program, quote_vault, quote_mint, destination, &pool.to_account_info(), amount, decimals, &[&seeds])?;
    Ok(amount)
}
