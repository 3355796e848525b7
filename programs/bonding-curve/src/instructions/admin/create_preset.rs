use agentpad_common::mint_screen::screen_mint;
use agentpad_common::account::{create_rent_exempt, init_zero_copy};
use agentpad_common::emit_event;
use agentpad_math::segment::Segment;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::Mint;

use crate::constants::{CONFIG_ADDRESS, seeds};
use crate::error::BondingCurveError;
use crate::event::PresetCreated;
use crate::state::{Config, PoolParams, Preset, SegmentSpec, StakingParams, space_with_segments};

/// Creates an immutable launch preset. There is no instruction that edits or closes a
/// preset: a different economy is a new preset id.
#[event_cpi]
#[derive(Accounts)]
#[instruction(preset_id: u16, params: PoolParams, staking: StakingParams, segments: Vec<SegmentSpec>)]
pub struct CreatePreset<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(address = CONFIG_ADDRESS, has_one = admin @ BondingCurveError::NotAdmin)]
    pub config: Account<'info, Config>,
    /// The preset, created here at its PDA (the seeds constraint checks the address; a
    /// second call with the same id finds it in use).
    /// CHECK: created here.
    #[account(mut, seeds = [seeds::PRESET, &preset_id.to_le_bytes()], bump)]
    pub preset: UncheckedAccount<'info>,
    pub quote_mint: InterfaceAccount<'info, Mint>,
    pub system_program: Program<'info, System>,
}

/// The stored form of the curve's further segments: each with the quote the curve holds
/// when it starts, computed here, never taken from the caller.
fn build_segments(params: &PoolParams, specs: &[SegmentSpec]) -> Result<Vec<Segment>> {
    let specs: Vec<_> = specs.iter().map(|&s| s.into()).collect();
    Ok(params.curve().build_segments(&specs).map_err(BondingCurveError::from)?)
}

impl CreatePreset<'_> {
    fn validate(&self, params: &PoolParams, staking: &StakingParams, segments: &[SegmentSpec]) -> Result<()> {
        screen_mint(&self.quote_mint.to_account_info()).map_err(BondingCurveError::from)?;
        params.validate(&build_segments(params, segments)?)?;
        require!(staking.terms().is_valid(), BondingCurveError::InvalidStakingTerms);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(&params, &staking, &segments))]
pub fn handle_create_preset(ctx: Context<CreatePreset>, preset_id: u16, params: PoolParams, staking: StakingParams, segments: Vec<SegmentSpec>) -> Result<()> {
    let a = &ctx.accounts;
    let quote_mint = a.quote_mint.key();
    let stored = build_segments(&params, &segments)?;
    let id = preset_id.to_le_bytes();
    let preset_seeds: &[&[u8]] = &[seeds::PRESET, &id, &[ctx.bumps.preset]];
    let space = space_with_segments::<Preset>(stored.len());
    create_rent_exempt(&a.system_program, &a.admin, &a.preset, space, &crate::ID, preset_seeds, &Rent::get()?)?;
    *init_zero_copy::<Preset>(&a.preset)? = Preset { quote_mint, params, staking, id: preset_id, bump: ctx.bumps.preset, _padding: [0; 1], _reserved: [0; 8] };
    a.preset.try_borrow_mut_data()?[space_with_segments::<Preset>(0)..].copy_from_slice(bytemuck::cast_slice(&stored));
    emit_event!(ctx, PresetCreated { preset: ctx.accounts.preset.key(), preset_id, quote_mint, params, staking, segments });
    Ok(())
}
