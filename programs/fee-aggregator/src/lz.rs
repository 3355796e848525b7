//! The LayerZero V2 endpoint interface an OApp receiver uses on Solana: the parameter
//! types (Borsh layouts as the endpoint and executor expect them), the accounts `clear`
//! takes, and the CPIs to `register_oapp` and `clear`.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program::invoke_signed;

use crate::constants::endpoint_seeds;

/// What the executor passes to `lz_receive` (and `lz_receive_types`).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LzReceiveParams {
    pub src_eid: u32,
    pub sender: [u8; 32],
    pub nonce: u64,
    pub guid: [u8; 32],
    pub message: Vec<u8>,
    pub extra_data: Vec<u8>,
}

/// One account of the list `lz_receive_types` returns. A signer with the default key is a
/// placeholder the executor fills with its own payer.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LzAccount {
    pub pubkey: Pubkey,
    pub is_signer: bool,
    pub is_writable: bool,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ClearParams {
    pub receiver: Pubkey,
    pub src_eid: u32,
    pub sender: [u8; 32],
    pub nonce: u64,
    pub guid: [u8; 32],
    pub message: Vec<u8>,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct RegisterOAppParams {
    pub delegate: Pubkey,
}

/// Anchor discriminators of the endpoint's instructions (sha256("global:<name>")[..8]).
const CLEAR_DISCRIMINATOR: [u8; 8] = [250, 39, 28, 213, 123, 163, 133, 5];
const REGISTER_OAPP_DISCRIMINATOR: [u8; 8] = [129, 89, 71, 68, 11, 82, 210, 125];

/// `clear` takes the endpoint program then 7 accounts: signer (the OApp store), OApp
/// registry, nonce, payload hash, endpoint settings, event authority, endpoint program.
pub const CLEAR_ACCOUNTS_LEN: usize = 8;

/// The accounts `clear` needs for one message, in order, as `lz_receive_types` lists them.
pub fn clear_accounts(endpoint: &Pubkey, receiver: &Pubkey, src_eid: u32, sender: &[u8; 32], nonce: u64) -> Vec<LzAccount> {
    let pda = |seeds: &[&[u8]]| Pubkey::find_program_address(seeds, endpoint).0;
    let eid = src_eid.to_be_bytes();
    let account = |pubkey, is_writable| LzAccount { pubkey, is_signer: false, is_writable };
    vec![
        account(*endpoint, false),
        account(*receiver, false),
        account(pda(&[endpoint_seeds::OAPP, receiver.as_ref()]), false),
        account(pda(&[endpoint_seeds::NONCE, receiver.as_ref(), &eid, sender]), true),
        account(pda(&[endpoint_seeds::PAYLOAD_HASH, receiver.as_ref(), &eid, sender, &nonce.to_be_bytes()]), true),
        account(pda(&[endpoint_seeds::ENDPOINT]), true),
        account(pda(&[endpoint_seeds::EVENT_AUTHORITY]), false),
        account(*endpoint, false),
    ]
}

fn anchor_ix_data(discriminator: [u8; 8], args: &impl AnchorSerialize) -> Result<Vec<u8>> {
    let mut data = discriminator.to_vec();
    args.serialize(&mut data)?;
    Ok(data)
}

/// CPI to the endpoint's `clear`: it checks `hash(guid ‖ message)` against the verified
/// payload hash and closes that account, so a message is delivered at most once.
/// `accounts` are the [`CLEAR_ACCOUNTS_LEN`] accounts from `clear_accounts`; the store
/// (second) signs with `store_seeds`.
pub fn clear<'info>(accounts: &[AccountInfo<'info>], store_seeds: &[&[u8]], params: &ClearParams) -> Result<()> {
    let endpoint = accounts[0].key();
    let metas = accounts[1..CLEAR_ACCOUNTS_LEN]
        .iter()
        .enumerate()
        .map(|(i, a)| AccountMeta { pubkey: a.key(), is_signer: i == 0, is_writable: a.is_writable })
        .collect();
    let ix = Instruction { program_id: endpoint, accounts: metas, data: anchor_ix_data(CLEAR_DISCRIMINATOR, params)? };
    invoke_signed(&ix, &accounts[1..CLEAR_ACCOUNTS_LEN], &[store_seeds]).map_err(Into::into)
}

/// CPI to the endpoint's `register_oapp`, making the store a LayerZero receiver.
/// `accounts`: payer, store (signs), OApp registry, system program, event authority,
/// endpoint program.
pub fn register_oapp<'info>(endpoint: &Pubkey, accounts: &[AccountInfo<'info>], store_seeds: &[&[u8]], delegate: Pubkey) -> Result<()> {
    let metas = accounts
        .iter()
        .enumerate()
        .map(|(i, a)| AccountMeta { pubkey: a.key(), is_signer: i <= 1, is_writable: a.is_writable })
        .collect();
    let data = anchor_ix_data(REGISTER_OAPP_DISCRIMINATOR, &RegisterOAppParams { delegate })?;
    invoke_signed(&Instruction { program_id: *endpoint, accounts: metas, data }, accounts, &[store_seeds]).map_err(Into::into)
}
