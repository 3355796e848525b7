use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::CONFIG_ADDRESS;
use crate::error::BondingCurveError;
use crate::event::ProtocolFeeRecipientSet;
use crate::state::Config;

/// Changes who receives protocol fees from now on (already-accrued fees included: they
/// are paid to whoever is recipient at claim time).
#[event_cpi]
#[derive(Accounts)]
pub struct SetProtocolFeeRecipient<'info> {
    pub admin: Signer<'info>,
    #[account(mut, address = CONFIG_ADDRESS, has_one = admin @ BondingCurveError::NotAdmin)]
    pub config: Account<'info, Config>,
}

pub fn handle_set_protocol_fee_recipient(ctx: Context<SetProtocolFeeRecipient>, new_recipient: Pubkey) -> Result<()> {
    let config = &mut ctx.accounts.config;
    let previous_recipient = core::mem::replace(&mut config.protocol_fee_recipient, new_recipient);
    emit_event!(ctx, ProtocolFeeRecipientSet { previous_recipient, new_recipient });
    Ok(())
}
