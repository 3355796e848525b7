//! TEST ONLY. A stand-in for the LayerZero V2 endpoint on Solana (LayerZero's program cannot
//! be built or downloaded here). The instructions an OApp and an OFT call have the real
//! endpoint's names (so discriminators), parameters, account lists, account layouts,
//! seeds, error codes and semantics, so `lz_receive` and `lz_compose` run through real CPIs:
//!
//! - `register_oapp` / `set_delegate`: the OApp's registry `["OApp", oapp]` and delegate;
//! - `verify`: stands in for the ULN/DVN path — stores `keccak256(guid ‖ message)` at
//!   `["PayloadHash", receiver, src_eid BE, sender, nonce BE]` and raises the inbound nonce;
//! - `clear`: the receiver (or its delegate) proves it delivers exactly the verified
//!   message; the payload-hash account is closed (to the endpoint settings), so the same
//!   message never clears twice;
//! - `send_compose`: an OApp (the OFT) queues a compose for `to` at `["ComposedMessageHash",
//!   from, to, guid, index BE, keccak256(message)]`;
//! - `clear_compose`: `to` proves it runs exactly that compose; it is marked received.
//!
//! Not part of the deployed suite (not in Anchor.toml, not deployed by any script).
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;
#[cfg(feature = "sbf-int128")]
use sbf_int128 as _;

declare_id!("4dPYhcANTEjnPjYaHhbXHPz1ZzMyESTuX8sXMqKyATxE");

pub const ENDPOINT_SEED: &[u8] = b"Endpoint";
pub const OAPP_SEED: &[u8] = b"OApp";
pub const NONCE_SEED: &[u8] = b"Nonce";
pub const PAYLOAD_HASH_SEED: &[u8] = b"PayloadHash";
pub const COMPOSED_MESSAGE_HASH_SEED: &[u8] = b"ComposedMessageHash";

pub fn payload_hash(guid: &[u8; 32], message: &[u8]) -> [u8; 32] {
    solana_keccak_hasher::hashv(&[guid, message]).to_bytes()
}

#[program]
pub mod lz_endpoint_mock {
    use super::*;

    /// Test set-up: the endpoint settings account.
    pub fn initialize(ctx: Context<Initialize>, eid: u32) -> Result<()> {
        let settings = &mut ctx.accounts.endpoint;
        settings.eid = eid;
        settings.bump = ctx.bumps.endpoint;
        settings.admin = ctx.accounts.payer.key();
        Ok(())
    }

    pub fn register_oapp(ctx: Context<RegisterOApp>, params: RegisterOAppParams) -> Result<()> {
        ctx.accounts.oapp_registry.set_inner(OAppRegistry { delegate: params.delegate, bump: ctx.bumps.oapp_registry });
        emit_cpi!(OAppRegisteredEvent { oapp: ctx.accounts.oapp.key(), delegate: params.delegate });
        Ok(())
    }

    pub fn set_delegate(ctx: Context<SetDelegate>, params: SetDelegateParams) -> Result<()> {
        ctx.accounts.oapp_registry.delegate = params.delegate;
        emit_cpi!(DelegateSetEvent { oapp: ctx.accounts.oapp.key(), delegate: params.delegate });
        Ok(())
    }

    /// Test-only: what the ULN and DVNs do on a real endpoint.
    pub fn verify(ctx: Context<Verify>, params: VerifyParams) -> Result<()> {
        let nonce = &mut ctx.accounts.nonce;
        nonce.bump = ctx.bumps.nonce;
        nonce.inbound_nonce = nonce.inbound_nonce.max(params.nonce);
        ctx.accounts.payload_hash.set_inner(PayloadHash { hash: params.payload_hash, bump: ctx.bumps.payload_hash });
        Ok(())
    }

    pub fn clear(ctx: Context<Clear>, params: ClearParams) -> Result<[u8; 32]> {
        let signer = ctx.accounts.signer.key();
        require!(signer == params.receiver || signer == ctx.accounts.oapp_registry.delegate, LayerZeroError::Unauthorized);
        let hash = payload_hash(&params.guid, &params.message);
        require!(hash == ctx.accounts.payload_hash.hash, LayerZeroError::PayloadHashNotFound);
        emit_cpi!(PacketDeliveredEvent { src_eid: params.src_eid, sender: params.sender, receiver: params.receiver, nonce: params.nonce });
        Ok(hash)
    }

    pub fn send_compose(ctx: Context<SendCompose>, params: SendComposeParams) -> Result<()> {
        ctx.accounts.compose_message.set_inner(ComposeMessageState { received: false, bump: ctx.bumps.compose_message });
        emit_cpi!(ComposeSentEvent { from: ctx.accounts.from.key(), to: params.to, guid: params.guid, index: params.index, message: params.message });
        Ok(())
    }

    pub fn clear_compose(ctx: Context<ClearCompose>, params: ClearComposeParams) -> Result<()> {
        // Marked received rather than closed: a closed account could be composed again.
        ctx.accounts.compose_message.received = true;
        emit_cpi!(ComposeDeliveredEvent { from: params.from, to: ctx.accounts.to.key(), guid: params.guid, index: params.index });
        Ok(())
    }
}

// The real endpoint's accounts (`state/`), field for field.

#[account]
#[derive(InitSpace)]
pub struct EndpointSettings {
    pub eid: u32,
    pub bump: u8,
    pub admin: Pubkey,
    pub lz_token_mint: Option<Pubkey>,
}

#[account]
#[derive(InitSpace)]
pub struct OAppRegistry {
    pub delegate: Pubkey,
    pub bump: u8,
}

#[account]
#[derive(InitSpace)]
pub struct Nonce {
    pub bump: u8,
    pub outbound_nonce: u64,
    pub inbound_nonce: u64,
}

#[account]
#[derive(InitSpace)]
pub struct PayloadHash {
    pub hash: [u8; 32],
    pub bump: u8,
}

#[account]
#[derive(InitSpace)]
pub struct ComposeMessageState {
    pub received: bool,
    pub bump: u8,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone)]
pub struct RegisterOAppParams {
    pub delegate: Pubkey,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone)]
pub struct SetDelegateParams {
    pub delegate: Pubkey,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone)]
pub struct VerifyParams {
    pub receiver: Pubkey,
    pub src_eid: u32,
    pub sender: [u8; 32],
    pub nonce: u64,
    pub payload_hash: [u8; 32],
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone)]
pub struct ClearParams {
    pub receiver: Pubkey,
    pub src_eid: u32,
    pub sender: [u8; 32],
    pub nonce: u64,
    pub guid: [u8; 32],
    pub message: Vec<u8>,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone)]
pub struct SendComposeParams {
    pub to: Pubkey,
    pub guid: [u8; 32],
    pub index: u16,
    pub message: Vec<u8>,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone)]
pub struct ClearComposeParams {
    pub from: Pubkey,
    pub guid: [u8; 32],
    pub index: u16,
    pub message: Vec<u8>,
}

#[derive(Accounts)]
pub struct Initialize<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(init, payer = payer, space = 8 + EndpointSettings::INIT_SPACE, seeds = [ENDPOINT_SEED], bump)]
    pub endpoint: Account<'info, EndpointSettings>,
    pub system_program: Program<'info, System>,
}

#[event_cpi]
#[derive(Accounts)]
pub struct RegisterOApp<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    pub oapp: Signer<'info>,
    #[account(init, payer = payer, space = 8 + OAppRegistry::INIT_SPACE, seeds = [OAPP_SEED, oapp.key().as_ref()], bump)]
    pub oapp_registry: Account<'info, OAppRegistry>,
    pub system_program: Program<'info, System>,
}

#[event_cpi]
#[derive(Accounts)]
pub struct SetDelegate<'info> {
    pub oapp: Signer<'info>,
    #[account(mut, seeds = [OAPP_SEED, oapp.key().as_ref()], bump = oapp_registry.bump)]
    pub oapp_registry: Account<'info, OAppRegistry>,
}

#[derive(Accounts)]
#[instruction(params: VerifyParams)]
pub struct Verify<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(
        init_if_needed,
        payer = payer,
        space = 8 + Nonce::INIT_SPACE,
        seeds = [NONCE_SEED, params.receiver.as_ref(), &params.src_eid.to_be_bytes(), &params.sender],
        bump,
    )]
    pub nonce: Account<'info, Nonce>,
    #[account(
        init,
        payer = payer,
        space = 8 + PayloadHash::INIT_SPACE,
        seeds = [PAYLOAD_HASH_SEED, params.receiver.as_ref(), &params.src_eid.to_be_bytes(), &params.sender, &params.nonce.to_be_bytes()],
        bump,
    )]
    pub payload_hash: Account<'info, PayloadHash>,
    pub system_program: Program<'info, System>,
}

#[event_cpi]
#[derive(Accounts)]
#[instruction(params: ClearParams)]
pub struct Clear<'info> {
    pub signer: Signer<'info>,
    #[account(seeds = [OAPP_SEED, params.receiver.as_ref()], bump = oapp_registry.bump)]
    pub oapp_registry: Account<'info, OAppRegistry>,
    #[account(
        seeds = [NONCE_SEED, params.receiver.as_ref(), &params.src_eid.to_be_bytes(), &params.sender],
        bump = nonce.bump,
        constraint = params.nonce <= nonce.inbound_nonce @ LayerZeroError::InvalidNonce,
    )]
    pub nonce: Account<'info, Nonce>,
    #[account(
        mut,
        seeds = [PAYLOAD_HASH_SEED, params.receiver.as_ref(), &params.src_eid.to_be_bytes(), &params.sender, &params.nonce.to_be_bytes()],
        bump = payload_hash.bump,
        close = endpoint,
    )]
    pub payload_hash: Account<'info, PayloadHash>,
    #[account(mut, seeds = [ENDPOINT_SEED], bump = endpoint.bump)]
    pub endpoint: Account<'info, EndpointSettings>,
}

#[event_cpi]
#[derive(Accounts)]
#[instruction(params: SendComposeParams)]
pub struct SendCompose<'info> {
    pub from: Signer<'info>,
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(
        init,
        payer = payer,
        space = 8 + ComposeMessageState::INIT_SPACE,
        seeds = [COMPOSED_MESSAGE_HASH_SEED, from.key().as_ref(), params.to.as_ref(), &params.guid, &params.index.to_be_bytes(), &solana_keccak_hasher::hash(&params.message).to_bytes()],
        bump,
    )]
    pub compose_message: Account<'info, ComposeMessageState>,
    pub system_program: Program<'info, System>,
}

#[event_cpi]
#[derive(Accounts)]
#[instruction(params: ClearComposeParams)]
pub struct ClearCompose<'info> {
    pub to: Signer<'info>,
    #[account(
        mut,
        seeds = [COMPOSED_MESSAGE_HASH_SEED, params.from.as_ref(), to.key().as_ref(), &params.guid, &params.index.to_be_bytes(), &solana_keccak_hasher::hash(&params.message).to_bytes()],
        bump = compose_message.bump,
        constraint = !compose_message.received @ LayerZeroError::ComposeNotFound,
    )]
    pub compose_message: Account<'info, ComposeMessageState>,
}

#[event]
pub struct OAppRegisteredEvent {
    pub oapp: Pubkey,
    pub delegate: Pubkey,
}

#[event]
pub struct DelegateSetEvent {
    pub oapp: Pubkey,
    pub delegate: Pubkey,
}

#[event]
pub struct PacketDeliveredEvent {
    pub src_eid: u32,
    pub sender: [u8; 32],
    pub receiver: Pubkey,
    pub nonce: u64,
}

#[event]
pub struct ComposeSentEvent {
    pub from: Pubkey,
    pub to: Pubkey,
    pub guid: [u8; 32],
    pub index: u16,
    pub message: Vec<u8>,
}

#[event]
pub struct ComposeDeliveredEvent {
    pub from: Pubkey,
    pub to: Pubkey,
    pub guid: [u8; 32],
    pub index: u16,
}

/// The real endpoint's errors, in its order (so the same codes: InvalidNonce 6009 …).
#[error_code]
pub enum LayerZeroError {
    InvalidSendLibrary,
    InvalidReceiveLibrary,
    SameValue,
    AccountNotFound,
    OnlySendLib,
    OnlyReceiveLib,
    InvalidExpiry,
    OnlyNonDefaultLib,
    InvalidAmount,
    InvalidNonce,
    Unauthorized,
    PayloadHashNotFound,
    ComposeNotFound,
    InvalidPayloadHash,
    LzTokenUnavailable,
    ReadOnlyAccount,
    InvalidMessageLib,
    WritableAccountNotAllowed,
}
