use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use agentpad_common::account::{create_account, create_rent_exempt, exempt_minimum, write_borsh, load_zero_copy};
use agentpad_common::cpi::{invoke, invoke_program};
use anchor_spl::associated_token::AssociatedToken;
use anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_2022::spl_token_2022::{
    extension::{ExtensionType, metadata_pointer},
    instruction::{self as token_ix, AuthorityType},
    state::Mint as MintState,
};
use anchor_spl::token_interface::{
    TokenInterface, spl_pod::optional_keys::OptionalNonZeroPubkey,
    spl_token_metadata_interface::{
        instruction as metadata_ix,
        state::{Field, TokenMetadata},
    },
};
use bonding_curve::program::BondingCurve;
use bonding_curve::state::Preset;

use crate::constants::{metadata, seeds};
use crate::error::AgentFactoryError;
use crate::event::AgentLaunched;
use crate::state::Agent;
use super::groups::*;

/// Launches an agent in one instruction: its Token-2022 mint with on-mint metadata, its
/// record, its pool (CPI into bonding-curve) holding the whole fixed supply, and, if
/// asked, the creator's first buy. The mint ends with no mint, freeze or metadata
/// authority: supply and metadata are fixed forever.
#[event_cpi]
#[derive(Accounts)]
#[instruction(name: String, symbol: String, uri: String, preset_id: u16)]
pub struct LaunchAgent<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    /// CHECK: a fresh keypair (signer) that becomes the agent token mint; created here.
    #[account(mut)]
    pub mint: Signer<'info>,
    /// The agent record, created here at its PDA (the seeds constraint checks the address);
    /// the mint's authority while the launch runs.
    /// CHECK: created here.
    #[account(mut, seeds = [seeds::AGENT, mint.key().as_ref()], bump)]
    pub agent: UncheckedAccount<'info>,
    /// CHECK: PDA that signs pool creation in bonding-curve; holds no data.
    #[account(address = agentpad_common::ids::LAUNCHER)]
    pub launcher: UncheckedAccount<'info>,
    /// The bonding-curve preset `preset_id`: owned by bonding-curve, typed `Preset` and
    /// storing that id (`validate`; bonding-curve creates a preset only at its PDA).
    /// CHECK: as above.
    #[account(owner = bonding_curve::ID @ AgentFactoryError::UnknownPreset)]
    pub preset: UncheckedAccount<'info>,
    /// CHECK: created by bonding-curve's `create_pool` (it checks the seeds).
    #[account(mut)]
    pub pool: UncheckedAccount<'info>,
    /// CHECK: created by bonding-curve's `create_pool`.
    #[account(mut)]
    pub base_vault: UncheckedAccount<'info>,
    /// CHECK: created by bonding-curve's `create_pool`.
    #[account(mut)]
    pub quote_vault: UncheckedAccount<'info>,
    /// CHECK: bonding-curve checks it against the preset and screens its extensions.
    pub quote_mint: UncheckedAccount<'info>,
    /// CHECK: the creator's quote token account, needed only for a first buy; checked by
    /// bonding-curve and the token program.
    #[account(mut)]
    pub creator_quote_account: Option<UncheckedAccount<'info>>,
    /// CHECK: the creator's agent-token ATA, created here for a first buy.
    #[account(mut)]
    pub creator_base_account: Option<UncheckedAccount<'info>>,
    /// CHECK: bonding-curve's event authority, checked by bonding-curve.
    pub bonding_curve_event_authority: UncheckedAccount<'info>,
    pub bonding_curve_program: Program<'info, BondingCurve>,
    /// The agent's fee vault and stake pool, created by CPI.
    pub revenue: AgentRevenue<'info>,
    pub token_2022_program: Program<'info, Token2022>,
    pub quote_token_program: Interface<'info, TokenInterface>,
    pub associated_token_program: Program<'info, AssociatedToken>,
    pub system_program: Program<'info, System>,
}

impl LaunchAgent<'_> {
    /// The preset, typed by bonding-curve's own `Preset` (owner checked by the constraint,
    /// discriminator and size here).
    fn preset(&self) -> Result<Preset> {
        read_preset(&self.preset, None)
    }

    fn validate(&self, name: &str, symbol: &str, uri: &str, preset_id: u16, first_buy: Option<u64>) -> Result<()> {
        read_preset(&self.preset, Some(preset_id))?;
        require!(!name.is_empty() && !symbol.is_empty() && !uri.is_empty(), AgentFactoryError::EmptyMetadataField);
        require!(name.len() <= metadata::MAX_NAME_LEN as usize, AgentFactoryError::NameTooLong);
        require!(symbol.len() <= metadata::MAX_SYMBOL_LEN as usize, AgentFactoryError::SymbolTooLong);
        require!(uri.len() <= metadata::MAX_URI_LEN as usize, AgentFactoryError::UriTooLong);
        if let Some(amount) = first_buy {
            require!(amount > 0, AgentFactoryError::ZeroFirstBuy);
            require!(
                self.creator_quote_account.is_some() && self.creator_base_account.is_some(),
                AgentFactoryError::MissingFirstBuyAccounts
            );
        }
        Ok(())
    }
}

/// A bonding-curve preset, typed by bonding-curve's own `Preset` (the owner is checked by
/// the caller's constraint; discriminator and size here), and, if given, storing `id`:
/// bonding-curve creates a preset only at its PDA, so the stored id names it.
pub(crate) fn read_preset(info: &AccountInfo, id: Option<u16>) -> Result<Preset> {
    let preset = *load_zero_copy::<Preset>(info)?;
    require!(id.is_none_or(|id| preset.id == id), AgentFactoryError::UnknownPreset);
    Ok(preset)
}

/// Bytes the metadata extension adds to the mint: Token-2022's 4-byte TLV header (u16
/// type, u16 length) plus the Borsh-encoded metadata. (`TokenMetadata::tlv_size_of`
/// assumes the generic 12-byte TLV header and would overpay 8 bytes of rent.)
fn metadata_extension_len(md: &TokenMetadata) -> usize {
    const TLV_HEADER: usize = 4;
    const STR_PREFIX: usize = 4;
    let fields: usize = md.additional_metadata.iter().map(|(k, v)| 2 * STR_PREFIX + k.len() + v.len()).sum();
    TLV_HEADER + 32 + 32 + 3 * STR_PREFIX + md.name.len() + md.symbol.len() + md.uri.len() + STR_PREFIX + fields
}

#[access_control(ctx.accounts.validate(&name, &symbol, &uri, preset_id, creator_first_buy))]
pub fn handle_launch_agent(
    ctx: Context<LaunchAgent>,
    name: String,
    symbol: String,
    uri: String,
    preset_id: u16,
    creator_first_buy: Option<u64>,
    unstake_cooldown: Option<u32>,
) -> Result<()> {
    let preset = ctx.accounts.preset()?;
    let staking = preset.staking.terms();
    let unstake_cooldown = staking.cooldown(unstake_cooldown).ok_or(AgentFactoryError::CooldownOutOfBounds)?;
    let a = &ctx.accounts;
    let (creator, mint_key) = (a.creator.key(), a.mint.key());
    let agent_bump = [ctx.bumps.agent];
    let agent_seeds: &[&[u8]] = &[seeds::AGENT, mint_key.as_ref(), &agent_bump];
    let agent_signer: &[&[&[u8]]] = &[agent_seeds];
    let (clock, rent) = (Clock::get()?, Rent::get()?);
    let system = a.system_program.to_account_info();
    let agent = a.agent.to_account_info();

    // 0. The agent record, written first: fee-aggregator's `create_vault` below reads it
    // (owner, type, stored mint) as proof that this mint is an agent.
    let (pool, preset_key) = (a.pool.key(), a.preset.key());
    create_rent_exempt(&system, &a.creator, &agent, Agent::SPACE, &crate::ID, agent_seeds, &rent)?;
    write_borsh(&agent, &Agent {
        mint: mint_key,
        pool,
        preset: preset_key,
        creator,
        pending_creator: Pubkey::default(),
        created_slot: clock.slot,
        created_at: clock.unix_timestamp,
        preset_id,
        bump: ctx.bumps.agent,
        origin_eid: 0,
        origin_token: [0; 32],
    })?;

    let token_program = a.token_2022_program.key();
    let mint = a.mint.to_account_info();

    // 1. The mint account, funded up front for the metadata Token-2022 appends to it.
    let token_metadata = TokenMetadata {
        update_authority: OptionalNonZeroPubkey(agent.key()),
        mint: mint_key,
        name: name.clone(),
        symbol: symbol.clone(),
        uri: uri.clone(),
        additional_metadata: vec![(metadata::CREATOR_FIELD.to_string(), agentpad_common::base58::encode_32(&creator.to_bytes()))],
    };
    let mint_len = ExtensionType::try_calculate_account_len::<MintState>(&[ExtensionType::MetadataPointer])?;
    let full_len = mint_len + metadata_extension_len(&token_metadata);
    // Funded for the full length, allocated for the mint alone (Token-2022 grows it).
    // The address may have been pre-funded by anyone who saw the transaction.
    create_account(&system, &a.creator, &mint, mint_len, exempt_minimum(&rent, full_len), &token_program, &[])?;

    // 2. Metadata lives on the mint itself; the pointer has no authority, so it is final.
    let mint_only = [mint.clone()];
    let mint_and_agent = [mint.clone(), agent.clone()];
    invoke(&metadata_pointer::instruction::initialize(&token_program, &mint_key, None, Some(mint_key))?, &mint_only, &[])?;
    let decimals = agentpad_common::ids::AGENT_TOKEN_DECIMALS;
    invoke(&token_ix::initialize_mint2(&token_program, &mint_key, &agent.key(), None, decimals)?, &mint_only, &[])?;
    let agent_key = agent.key();
    let init_metadata = metadata_ix::initialize(&token_program, &mint_key, &agent_key, &mint_key, &agent_key, name.clone(), symbol.clone(), uri.clone());
    invoke(&init_metadata, &mint_and_agent, agent_signer)?;
    let (creator_key, creator_value) = token_metadata.additional_metadata[0].clone();
    invoke(&metadata_ix::update_field(&token_program, &mint_key, &agent_key, Field::Key(creator_key), creator_value), &mint_and_agent, agent_signer)?;
    let no_authority = OptionalNonZeroPubkey::default();
    invoke(&metadata_ix::update_authority(&token_program, &mint_key, &agent_key, no_authority), &mint_and_agent, agent_signer)?;

    // 3. The pool and its vaults, signed by the launcher PDA.
    let launcher_bump = [agentpad_common::ids::LAUNCHER_BUMP];
    let launcher_seeds: &[&[u8]] = &[seeds::LAUNCHER, &launcher_bump];
    invoke_program(
        bonding_curve::ID,
        bonding_curve::cpi::accounts::CreatePool {
            new_pool: bonding_curve::cpi::accounts::NewPool {
                payer: a.creator.to_account_info(),
                launcher: a.launcher.to_account_info(),
                preset: a.preset.to_account_info(),
                base_mint: mint.clone(),
                quote_mint: a.quote_mint.to_account_info(),
                pool: a.pool.to_account_info(),
                base_vault: a.base_vault.to_account_info(),
                quote_vault: a.quote_vault.to_account_info(),
                base_token_program: a.token_2022_program.to_account_info(),
                quote_token_program: a.quote_token_program.to_account_info(),
                system_program: a.system_program.to_account_info(),
            },
            event_authority: a.bonding_curve_event_authority.to_account_info(),
            program: a.bonding_curve_program.to_account_info(),
        },
        bonding_curve::instruction::CreatePool { creator_fee_authority: agent.key() },
        &[launcher_seeds],
    )?;

    // 4. The whole fixed supply into the pool, then no one can ever mint again.
    let total_supply = preset.params.total_supply()?;
    let base_vault = a.base_vault.to_account_info();
    let mint_to = token_ix::mint_to(&token_program, &mint_key, base_vault.key, &agent_key, &[], total_supply)?;
    invoke(&mint_to, &[mint.clone(), base_vault, agent.clone()], agent_signer)?;
    let revoke = token_ix::set_authority(&token_program, &mint_key, None, AuthorityType::MintTokens, &agent_key, &[])?;
    invoke(&revoke, &mint_and_agent, agent_signer)?;

    // 5. The agent's fee vault and revenue policy (fee-aggregator) and its stake pool
    // (revenue-share), paying out in the quote token first.
    let parties = RevenueParties {
        payer: &a.creator.to_account_info(),
        agent: &agent,
        agent_mint: &mint,
        launcher: &a.launcher.to_account_info(),
        launcher_seeds,
        reward_mint: &a.quote_mint.to_account_info(),
        agent_token_program: &a.token_2022_program.to_account_info(),
        reward_token_program: &a.quote_token_program.to_account_info(),
        system_program: &system,
    };
    a.revenue.create(&parties, unstake_cooldown, staking.reward_window)?;

    // 6. The creator's first buy, on the same terms as any buyer at this second.
    if let Some(quote_in) = creator_first_buy {
        let (quote_account, base_account) = match (&a.creator_quote_account, &a.creator_base_account) {
            (Some(q), Some(b)) => (q.to_account_info(), b.to_account_info()),
            _ => return err!(AgentFactoryError::MissingFirstBuyAccounts),
        };
        let create_ata = create_associated_token_account_idempotent(&creator, &creator, &mint_key, &token_program);
        let ata_infos = [
            a.creator.to_account_info(),
            base_account.clone(),
            a.creator.to_account_info(),
            mint.clone(),
            a.system_program.to_account_info(),
            a.token_2022_program.to_account_info(),
        ];
        invoke(&create_ata, &ata_infos, &[])?;
        invoke_program(
            bonding_curve::ID,
            bonding_curve::cpi::accounts::Swap {
                user: a.creator.to_account_info(),
                pool_quote: bonding_curve::cpi::accounts::PoolQuoteSide {
                    pool: a.pool.to_account_info(),
                    quote_vault: a.quote_vault.to_account_info(),
                    quote_mint: a.quote_mint.to_account_info(),
                    quote_token_program: a.quote_token_program.to_account_info(),
                },
                base_mint: mint.clone(),
                base_vault: a.base_vault.to_account_info(),
                user_base_account: base_account,
                user_quote_account: quote_account,
                base_token_program: a.token_2022_program.to_account_info(),
                event_authority: a.bonding_curve_event_authority.to_account_info(),
                program: a.bonding_curve_program.to_account_info(),
            },
            bonding_curve::instruction::BuyExactIn { quote_in, min_base_out: 1 },
            &[],
        )?;
    }

    emit_event!(ctx, AgentLaunched {
        agent: ctx.accounts.agent.key(),
        mint: mint_key,
        pool,
        creator,
        preset: preset_key,
        preset_id,
        name,
        symbol,
        uri,
        total_supply,
        first_buy_quote_in: creator_first_buy.unwrap_or(0),
        slot: clock.slot,
        timestamp: clock.unix_timestamp,
    });
    Ok(())
}
