use agentpad_common::mint_screen::screen_mint;
use agentpad_common::emit_event;
use agentpad_math::segment::{MAX_SEGMENTS, Segment};
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
    #[account(
        init,
        payer = admin,
        // Bounded: more than 16 segments is refused below, before anything is stored.
        space = space_with_segments::<Preset>(segments.len().min(MAX_SEGMENTS)),
        seeds = [seeds::PRESET, &preset_id.to_le_bytes()],
        bump,
    )]
    pub preset: AccountLoader<'info, Preset>,
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
    let quote_mint = ctx.accounts.quote_mint.key();
    let mut preset = ctx.accounts.preset.load_init()?;
    *preset = Preset { quote_mint, params, staking, id: preset_id, bump: ctx.bumps.preset, _padding: [0; 1], _reserved: [0; 8] };
    drop(preset);
    let stored = build_segments(&params, &segments)?;
    let info = ctx.accounts.preset.to_account_info();
    let mut data = info.try_borrow_mut_data()?;
    data[space_with_segments::<Preset>(0)..].copy_from_slice(bytemuck::cast_slice(&stored));
    drop(data);
    emit_event!(ctx, PresetCreated { preset: ctx.accounts.preset.key(), preset_id, quote_mint, params, staking, segments });
    Ok(())
}
