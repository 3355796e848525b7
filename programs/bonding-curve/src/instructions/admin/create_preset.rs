use agentpad_common::mint_screen::screen_mint;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::Mint;

use crate::constants::{CONFIG_ADDRESS, seeds};
use crate::error::BondingCurveError;
use crate::event::PresetCreated;
use crate::state::{Config, PoolParams, Preset, StakingParams};

/// Creates an immutable launch preset. There is no instruction that edits or closes a
/// preset: a different economy is a new preset id.
#[event_cpi]
#[derive(Accounts)]
#[instruction(preset_id: u16)]
pub struct CreatePreset<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(address = CONFIG_ADDRESS, has_one = admin @ BondingCurveError::NotAdmin)]
    pub config: Account<'info, Config>,
    #[account(
        init,
        payer = admin,
        space = 8 + core::mem::size_of::<Preset>(),
        seeds = [seeds::PRESET, &preset_id.to_le_bytes()],
        bump,
    )]
    pub preset: AccountLoader<'info, Preset>,
    pub quote_mint: InterfaceAccount<'info, Mint>,
    pub system_program: Program<'info, System>,
}

impl CreatePreset<'_> {
    fn validate(&self, params: &PoolParams, staking: &StakingParams) -> Result<()> {
        screen_mint(&self.quote_mint.to_account_info()).map_err(BondingCurveError::from)?;
        params.validate()?;
        require!(staking.terms().is_valid(), BondingCurveError::InvalidStakingTerms);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(&params, &staking))]
pub fn handle_create_preset(ctx: Context<CreatePreset>, preset_id: u16, params: PoolParams, staking: StakingParams) -> Result<()> {
    let quote_mint = ctx.accounts.quote_mint.key();
    let mut preset = ctx.accounts.preset.load_init()?;
    *preset = Preset { quote_mint, params, staking, id: preset_id, bump: ctx.bumps.preset, _padding: [0; 1], _reserved: [0; 8] };
    drop(preset);
    emit_event!(ctx, PresetCreated { preset: ctx.accounts.preset.key(), preset_id, quote_mint, params, staking });
    Ok(())
}
