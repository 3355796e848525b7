//! TEST ONLY. A stand-in for the receive side of the LayerZero V2 endpoint on Solana, with
//! the real endpoint's account layouts, seeds and `clear` semantics, so an OApp's
//! `lz_receive` runs through a real CPI in tests:
//!
//! - `register_oapp`: the OApp (its store PDA signs) gets a registry `["OApp", oapp]`;
//! - `verify`: stands in for the DVN/ULN path — stores `keccak256(guid ‖ message)` at
//!   `["PayloadHash", receiver, src_eid BE, sender, nonce BE]` and raises the inbound nonce;
//! - `clear`: the receiver (or its delegate) proves it delivers exactly the verified
//!   message; the payload-hash account is closed, so the same message never clears twice.
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

pub fn payload_hash(guid: &[u8; 32], message: &[u8]) -> [u8; 32] {
    solana_keccak_hasher::hashv(&[guid, message]).to_bytes()
}

#[program]
pub mod lz_endpoint_mock {
    use super::*;

    pub fn initialize(ctx: Context<Initialize>) -> Result<()> {
        ctx.accounts.endpoint.bump = ctx.bumps.endpoint;
        Ok(())
    }

    pub fn register_oapp(ctx: Context<RegisterOApp>, params: RegisterOAppParams) -> Result<()> {
        ctx.accounts.oapp_registry.set_inner(OAppRegistry { delegate: params.delegate, bump: ctx.bumps.oapp_registry });
        Ok(())
    }

    pub fn verify(ctx: Context<Verify>, params: VerifyParams) -> Result<()> {
        let nonce = &mut ctx.accounts.nonce;
        nonce.bump = ctx.bumps.nonce;
        nonce.inbound_nonce = nonce.inbound_nonce.max(params.nonce);
        ctx.accounts.payload_hash.set_inner(PayloadHash { hash: params.payload_hash, bump: ctx.bumps.payload_hash });
        Ok(())
    }

    pub fn clear(ctx: Context<Clear>, params: ClearParams) -> Result<()> {
        let signer = ctx.accounts.signer.key();
        require!(signer == params.receiver || signer == ctx.accounts.oapp_registry.delegate, EndpointError::Unauthorized);
        require!(params.nonce <= ctx.accounts.nonce.inbound_nonce, EndpointError::InvalidNonce);
        let hash = payload_hash(&params.guid, &params.message);
        require!(hash == ctx.accounts.payload_hash.hash, EndpointError::PayloadHashNotFound);
        Ok(())
    }
}

#[account]
#[derive(InitSpace)]
pub struct EndpointSettings {
    pub bump: u8,
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
    pub inbound_nonce: u64,
    pub bump: u8,
}

#[account]
#[derive(InitSpace)]
pub struct PayloadHash {
    pub hash: [u8; 32],
    pub bump: u8,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone)]
pub struct RegisterOAppParams {
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
        mut,
        seeds = [NONCE_SEED, params.receiver.as_ref(), &params.src_eid.to_be_bytes(), &params.sender],
        bump = nonce.bump,
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

#[error_code]
pub enum EndpointError {
    #[msg("Signer is neither the receiver nor its delegate")]
    Unauthorized,
    #[msg("Nonce has not been verified")]
    InvalidNonce,
    #[msg("Payload hash does not match a verified message")]
    PayloadHashNotFound,
}
