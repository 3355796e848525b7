//! TEST ONLY. A stand-in for LayerZero's Solana OFT (the devtools `oft` program, "OFT302")
//! on the receive side: LayerZero's program cannot be built or downloaded here. It has the
//! real OFT's store PDA (`["OFT", token_escrow]`) and store layout, and its `lz_receive`
//! does what the real one does for a native (mint-and-burn) OFT:
//!
//! 1. `clear` at the endpoint, the store signing as receiver;
//! 2. mint `amountSD × ld2sd_rate` to the associated token account of `sendTo` (creating it);
//! 3. if the message carries a compose, `send_compose` to `sendTo`, index 0, with the OFT
//!    compose message `nonce u64 | src_eid u32 | amount_ld u64 | composeFrom[32] | composeMsg`
//!    (written here from LayerZero's `compose_msg_codec`, independently of the receiver's
//!    decoder).
//!
//! Left out (no effect on the receiver): peers, rate limits, fees, pausing, sending.
//! Not part of the deployed suite (not in Anchor.toml, not deployed by any script).
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;
use anchor_spl::associated_token::AssociatedToken;
use anchor_spl::token_interface::{self, Mint, MintTo, TokenAccount, TokenInterface};
use lz_endpoint_mock::program::LzEndpointMock;
#[cfg(feature = "sbf-int128")]
use sbf_int128 as _;

declare_id!("GgjGvgpajzQk4aHCPBA1hWXTvpSG3MGHM4NxYWefPX7J");

pub const OFT_SEED: &[u8] = b"OFT";
pub const SHARED_DECIMALS: u8 = 6;

/// The OFT message (LayerZero's `msg_codec`): `sendTo[32] | amountSD u64 BE` and, with a
/// compose, `composeFrom[32] | composeMsg`.
pub fn encode_oft_message(send_to: &Pubkey, amount_sd: u64, compose: Option<(&[u8; 32], &[u8])>) -> Vec<u8> {
    let mut out = send_to.to_bytes().to_vec();
    out.extend_from_slice(&amount_sd.to_be_bytes());
    if let Some((from, msg)) = compose {
        out.extend_from_slice(from);
        out.extend_from_slice(msg);
    }
    out
}

#[program]
pub mod oft_mock {
    use super::*;

    /// Test set-up: a native OFT for `token_mint` (whose mint authority becomes the store),
    /// registered with the endpoint as an OApp.
    pub fn init_oft(ctx: Context<InitOft>) -> Result<()> {
        let decimals = ctx.accounts.token_mint.decimals;
        let bump = ctx.bumps.oft_store;
        ctx.accounts.oft_store.set_inner(OFTStore {
            oft_type: OFTType::Native,
            ld2sd_rate: 10u64.pow((decimals - SHARED_DECIMALS) as u32),
            token_mint: ctx.accounts.token_mint.key(),
            token_escrow: ctx.accounts.token_escrow.key(),
            endpoint_program: lz_endpoint_mock::ID,
            bump,
            tvl_ld: 0,
            admin: ctx.accounts.payer.key(),
            default_fee_bps: 0,
            paused: false,
            pauser: None,
            unpauser: None,
        });
        let escrow = ctx.accounts.token_escrow.key();
        let seeds: &[&[u8]] = &[OFT_SEED, escrow.as_ref(), &[bump]];
        lz_endpoint_mock::cpi::register_oapp(
            CpiContext::new_with_signer(
                lz_endpoint_mock::ID,
                lz_endpoint_mock::cpi::accounts::RegisterOApp {
                    payer: ctx.accounts.payer.to_account_info(),
                    oapp: ctx.accounts.oft_store.to_account_info(),
                    oapp_registry: ctx.accounts.oapp_registry.to_account_info(),
                    system_program: ctx.accounts.system_program.to_account_info(),
                    event_authority: ctx.accounts.endpoint_event_authority.to_account_info(),
                    program: ctx.accounts.endpoint_program.to_account_info(),
                },
                &[seeds],
            ),
            lz_endpoint_mock::RegisterOAppParams { delegate: ctx.accounts.payer.key() },
        )
    }

    /// What LayerZero's executor calls for an OFT packet. Remaining accounts: the endpoint's
    /// `clear` (signer = the store, registry, nonce, payload hash, settings, event authority,
    /// endpoint) and, with a compose, its `send_compose` compose-message PDA.
    pub fn lz_receive<'info>(ctx: Context<'info, LzReceive<'info>>, params: LzReceiveParams) -> Result<()> {
        let store = &ctx.accounts.oft_store;
        let escrow = store.token_escrow;
        let seeds: &[&[u8]] = &[OFT_SEED, escrow.as_ref(), &[store.bump]];
        let [registry, nonce, payload_hash, settings, compose_message @ ..] = ctx.remaining_accounts else {
            return err!(OftError::MissingEndpointAccounts);
        };
        let endpoint = ctx.accounts.endpoint_program.to_account_info();
        let event_authority = ctx.accounts.endpoint_event_authority.to_account_info();
        lz_endpoint_mock::cpi::clear(
            CpiContext::new_with_signer(
                lz_endpoint_mock::ID,
                lz_endpoint_mock::cpi::accounts::Clear {
                    signer: store.to_account_info(),
                    oapp_registry: registry.clone(),
                    nonce: nonce.clone(),
                    payload_hash: payload_hash.clone(),
                    endpoint: settings.clone(),
                    event_authority: event_authority.clone(),
                    program: endpoint.clone(),
                },
                &[seeds],
            ),
            lz_endpoint_mock::ClearParams {
                receiver: store.key(),
                src_eid: params.src_eid,
                sender: params.sender,
                nonce: params.nonce,
                guid: params.guid,
                message: params.message.clone(),
            },
        )?;

        let m = &params.message;
        require!(m.len() == 40 || m.len() > 72, OftError::MalformedMessage);
        require_keys_eq!(Pubkey::new_from_array(m[..32].try_into().unwrap()), ctx.accounts.to_address.key(), OftError::WrongRecipient);
        let amount_sd = u64::from_be_bytes(m[32..40].try_into().unwrap());
        let amount_ld = amount_sd.checked_mul(store.ld2sd_rate).ok_or(OftError::MalformedMessage)?;
        token_interface::mint_to(
            CpiContext::new_with_signer(
                ctx.accounts.token_program.key(),
                MintTo {
                    mint: ctx.accounts.token_mint.to_account_info(),
                    to: ctx.accounts.token_dest.to_account_info(),
                    authority: store.to_account_info(),
                },
                &[seeds],
            ),
            amount_ld,
        )?;

        if m.len() > 40 {
            // LayerZero's compose_msg_codec::encode(nonce, src_eid, amount_ld, compose_msg).
            let mut compose = params.nonce.to_be_bytes().to_vec();
            compose.extend_from_slice(&params.src_eid.to_be_bytes());
            compose.extend_from_slice(&amount_ld.to_be_bytes());
            compose.extend_from_slice(&m[40..]);
            let compose_message = compose_message.first().ok_or(OftError::MissingEndpointAccounts)?;
            lz_endpoint_mock::cpi::send_compose(
                CpiContext::new_with_signer(
                    lz_endpoint_mock::ID,
                    lz_endpoint_mock::cpi::accounts::SendCompose {
                        from: store.to_account_info(),
                        payer: ctx.accounts.payer.to_account_info(),
                        compose_message: compose_message.clone(),
                        system_program: ctx.accounts.system_program.to_account_info(),
                        event_authority,
                        program: endpoint,
                    },
                    &[seeds],
                ),
                lz_endpoint_mock::SendComposeParams { to: ctx.accounts.to_address.key(), guid: params.guid, index: 0, message: compose },
            )?;
        }
        Ok(())
    }
}

/// The real OFT store's layout (`state/oft.rs`), field for field.
#[account]
#[derive(InitSpace)]
pub struct OFTStore {
    pub oft_type: OFTType,
    pub ld2sd_rate: u64,
    pub token_mint: Pubkey,
    pub token_escrow: Pubkey,
    pub endpoint_program: Pubkey,
    pub bump: u8,
    pub tvl_ld: u64,
    pub admin: Pubkey,
    pub default_fee_bps: u16,
    pub paused: bool,
    pub pauser: Option<Pubkey>,
    pub unpauser: Option<Pubkey>,
}

#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, PartialEq, Eq)]
pub enum OFTType {
    Native,
    Adapter,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone)]
pub struct LzReceiveParams {
    pub src_eid: u32,
    pub sender: [u8; 32],
    pub nonce: u64,
    pub guid: [u8; 32],
    pub message: Vec<u8>,
    pub extra_data: Vec<u8>,
}

#[derive(Accounts)]
pub struct InitOft<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(init, payer = payer, space = 8 + OFTStore::INIT_SPACE, seeds = [OFT_SEED, token_escrow.key().as_ref()], bump)]
    pub oft_store: Account<'info, OFTStore>,
    pub token_mint: InterfaceAccount<'info, Mint>,
    /// The OFT's escrow token account (created by the test; a native OFT keeps it empty).
    pub token_escrow: InterfaceAccount<'info, TokenAccount>,
    /// CHECK: the endpoint's registry of the store, created by `register_oapp`.
    #[account(mut)]
    pub oapp_registry: UncheckedAccount<'info>,
    /// CHECK: the endpoint's event authority, checked by the endpoint.
    pub endpoint_event_authority: UncheckedAccount<'info>,
    pub endpoint_program: Program<'info, LzEndpointMock>,
    pub system_program: Program<'info, System>,
}

#[derive(Accounts)]
#[instruction(params: LzReceiveParams)]
pub struct LzReceive<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(mut, seeds = [OFT_SEED, oft_store.token_escrow.as_ref()], bump = oft_store.bump)]
    pub oft_store: Account<'info, OFTStore>,
    /// CHECK: the message's `sendTo` (checked in the handler).
    pub to_address: UncheckedAccount<'info>,
    #[account(
        init_if_needed,
        payer = payer,
        associated_token::mint = token_mint,
        associated_token::authority = to_address,
        associated_token::token_program = token_program,
    )]
    pub token_dest: InterfaceAccount<'info, TokenAccount>,
    #[account(mut, address = oft_store.token_mint)]
    pub token_mint: InterfaceAccount<'info, Mint>,
    pub token_program: Interface<'info, TokenInterface>,
    pub associated_token_program: Program<'info, AssociatedToken>,
    pub system_program: Program<'info, System>,
    /// CHECK: the endpoint's event authority, checked by the endpoint.
    pub endpoint_event_authority: UncheckedAccount<'info>,
    pub endpoint_program: Program<'info, LzEndpointMock>,
}

#[error_code]
pub enum OftError {
    #[msg("OFT message is neither 40 bytes nor a compose")]
    MalformedMessage,
    #[msg("to_address is not the message's sendTo")]
    WrongRecipient,
    #[msg("Endpoint accounts are missing")]
    MissingEndpointAccounts,
}
