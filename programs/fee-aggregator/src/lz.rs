//! The LayerZero V2 endpoint interface this OApp uses on Solana, written out by hand:
//! LayerZero's own Solana crates pin Anchor 0.29/0.32, which cannot link into an Anchor 1.2
//! program. The parameter types are the Borsh layouts the endpoint and executor use; the
//! instruction builders give the exact data and account metas of LayerZero's endpoint
//! (`@layerzerolabs/lz-solana-sdk-v2` builds the same bytes: `tests/lz_abi.ts` compares
//! them); the CPIs invoke those instructions signed by the store.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::Instruction;

use crate::constants::endpoint_seeds;
use crate::error::FeeAggregatorError;

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

/// What the executor passes to `lz_compose` (and `lz_compose_types`).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LzComposeParams {
    pub from: Pubkey,
    pub to: Pubkey,
    pub guid: [u8; 32],
    pub index: u16,
    pub message: Vec<u8>,
    pub extra_data: Vec<u8>,
}

/// One account of the list `lz_receive_types` / `lz_compose_types` return. A signer with
/// the default key is a placeholder the executor fills with its own payer.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LzAccount {
    pub pubkey: Pubkey,
    pub is_signer: bool,
    pub is_writable: bool,
}

impl LzAccount {
    pub fn readonly(pubkey: Pubkey) -> Self {
        LzAccount { pubkey, is_signer: false, is_writable: false }
    }

    pub fn writable(pubkey: Pubkey) -> Self {
        LzAccount { pubkey, is_signer: false, is_writable: true }
    }

    /// The executor's payer.
    pub fn payer() -> Self {
        LzAccount { pubkey: Pubkey::default(), is_signer: true, is_writable: true }
    }
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct RegisterOAppParams {
    pub delegate: Pubkey,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct SetDelegateParams {
    pub delegate: Pubkey,
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
pub struct ClearComposeParams {
    pub from: Pubkey,
    pub guid: [u8; 32],
    pub index: u16,
    pub message: Vec<u8>,
}

/// Anchor discriminators of the endpoint's instructions (sha256("global:<name>")[..8]).
pub mod discriminator {
    pub const REGISTER_OAPP: [u8; 8] = [129, 89, 71, 68, 11, 82, 210, 125];
    pub const SET_DELEGATE: [u8; 8] = [242, 30, 46, 76, 108, 235, 128, 181];
    pub const CLEAR: [u8; 8] = [250, 39, 28, 213, 123, 163, 133, 5];
    pub const CLEAR_COMPOSE: [u8; 8] = [118, 1, 18, 142, 95, 175, 21, 125];
}

/// The endpoint's PDAs, as its program derives them.
pub struct EndpointPdas<'a> {
    pub endpoint: &'a Pubkey,
}

impl EndpointPdas<'_> {
    fn pda(&self, seeds: &[&[u8]]) -> Pubkey {
        Pubkey::find_program_address(seeds, self.endpoint).0
    }

    pub fn settings(&self) -> Pubkey {
        self.pda(&[endpoint_seeds::ENDPOINT])
    }

    pub fn event_authority(&self) -> Pubkey {
        self.pda(&[endpoint_seeds::EVENT_AUTHORITY])
    }

    pub fn oapp_registry(&self, oapp: &Pubkey) -> Pubkey {
        self.pda(&[endpoint_seeds::OAPP, oapp.as_ref()])
    }

    pub fn nonce(&self, receiver: &Pubkey, src_eid: u32, sender: &[u8; 32]) -> Pubkey {
        self.pda(&[endpoint_seeds::NONCE, receiver.as_ref(), &src_eid.to_be_bytes(), sender])
    }

    pub fn payload_hash(&self, receiver: &Pubkey, src_eid: u32, sender: &[u8; 32], nonce: u64) -> Pubkey {
        self.pda(&[endpoint_seeds::PAYLOAD_HASH, receiver.as_ref(), &src_eid.to_be_bytes(), sender, &nonce.to_be_bytes()])
    }

    /// `["ComposedMessageHash", from, to, guid, index BE, keccak256(message)]`.
    pub fn composed_message(&self, from: &Pubkey, to: &Pubkey, guid: &[u8; 32], index: u16, message: &[u8]) -> Pubkey {
        let hash = solana_keccak_hasher::hash(message).to_bytes();
        self.pda(&[endpoint_seeds::COMPOSED_MESSAGE_HASH, from.as_ref(), to.as_ref(), guid, &index.to_be_bytes(), &hash])
    }
}

fn data(discriminator: [u8; 8], args: &impl AnchorSerialize) -> Vec<u8> {
    let mut out = discriminator.to_vec();
    args.serialize(&mut out).expect("serialize into a Vec");
    out
}

/// Signer / writable flags of each account of an endpoint instruction, in order (the
/// endpoint's `#[event_cpi]` event authority and program id included).
pub mod layout {
    pub type Flags = (bool, bool);
    const S: Flags = (true, false);
    const SW: Flags = (true, true);
    const W: Flags = (false, true);
    const R: Flags = (false, false);
    /// payer, oapp, oapp registry, system program, event authority, endpoint.
    pub const REGISTER_OAPP: [Flags; 6] = [SW, S, W, R, R, R];
    /// oapp, oapp registry, event authority, endpoint.
    pub const SET_DELEGATE: [Flags; 4] = [S, W, R, R];
    /// receiver, oapp registry, nonce, payload hash, endpoint settings, event authority, endpoint.
    pub const CLEAR: [Flags; 7] = [S, R, R, W, W, R, R];
    /// to, compose message, event authority, endpoint.
    pub const CLEAR_COMPOSE: [Flags; 4] = [S, W, R, R];
}

fn instruction(endpoint: &Pubkey, keys: &[Pubkey], flags: &[layout::Flags], data: Vec<u8>) -> Instruction {
    let accounts = keys
        .iter()
        .zip(flags)
        .map(|(k, &(is_signer, is_writable))| AccountMeta { pubkey: *k, is_signer, is_writable })
        .collect();
    Instruction { program_id: *endpoint, accounts, data }
}

/// The instructions the store sends the endpoint, with every account derived (for
/// clients, the `lz_*_types` lists and the ABI check). The CPIs below build the same
/// instructions from the accounts they are given: the endpoint checks its own PDAs.
pub mod ix {
    use super::*;

    pub fn register_oapp(endpoint: &Pubkey, payer: &Pubkey, oapp: &Pubkey, delegate: Pubkey) -> Instruction {
        let p = EndpointPdas { endpoint };
        let keys = [*payer, *oapp, p.oapp_registry(oapp), anchor_lang::system_program::ID, p.event_authority(), *endpoint];
        instruction(endpoint, &keys, &layout::REGISTER_OAPP, data(discriminator::REGISTER_OAPP, &RegisterOAppParams { delegate }))
    }

    pub fn set_delegate(endpoint: &Pubkey, oapp: &Pubkey, delegate: Pubkey) -> Instruction {
        let p = EndpointPdas { endpoint };
        let keys = [*oapp, p.oapp_registry(oapp), p.event_authority(), *endpoint];
        instruction(endpoint, &keys, &layout::SET_DELEGATE, data(discriminator::SET_DELEGATE, &SetDelegateParams { delegate }))
    }

    pub fn clear(endpoint: &Pubkey, params: &ClearParams) -> Instruction {
        let p = EndpointPdas { endpoint };
        let r = &params.receiver;
        let keys = [
            *r,
            p.oapp_registry(r),
            p.nonce(r, params.src_eid, &params.sender),
            p.payload_hash(r, params.src_eid, &params.sender, params.nonce),
            p.settings(),
            p.event_authority(),
            *endpoint,
        ];
        instruction(endpoint, &keys, &layout::CLEAR, data(discriminator::CLEAR, params))
    }

    pub fn clear_compose(endpoint: &Pubkey, to: &Pubkey, params: &ClearComposeParams) -> Instruction {
        let p = EndpointPdas { endpoint };
        let keys = [*to, p.composed_message(&params.from, to, &params.guid, params.index, &params.message), p.event_authority(), *endpoint];
        instruction(endpoint, &keys, &layout::CLEAR_COMPOSE, data(discriminator::CLEAR_COMPOSE, params))
    }
}

/// The endpoint's accounts for one instruction as LayerZero's `oapp` helpers list them
/// after an OApp's own accounts: the endpoint program first, then the instruction's
/// accounts in order. These are the tails of the `lz_*_types` lists.
pub fn cpi_accounts(ix: &Instruction) -> Vec<LzAccount> {
    let program = LzAccount::readonly(ix.program_id);
    let accounts = ix.accounts.iter().map(|m| LzAccount { pubkey: m.pubkey, is_signer: false, is_writable: m.is_writable });
    core::iter::once(program).chain(accounts).collect()
}

/// Invokes an endpoint instruction with `accounts` laid out as [`cpi_accounts`] lists them
/// (endpoint program first), signed by the store (`store_seeds`), which must be the
/// instruction's `signer_at`-th account. Returns how many accounts it used.
fn invoke_endpoint(
    endpoint: &Pubkey,
    accounts: &[AccountInfo],
    flags: &[layout::Flags],
    signer_at: usize,
    store: &Pubkey,
    store_seeds: &[&[u8]],
    data: Vec<u8>,
) -> Result<usize> {
    let used = flags.len() + 1;
    let accounts = accounts.get(..used).ok_or(FeeAggregatorError::InvalidEndpointAccounts)?;
    require_keys_eq!(accounts[0].key(), *endpoint, FeeAggregatorError::InvalidEndpointProgram);
    let infos = &accounts[1..];
    require_keys_eq!(infos[signer_at].key(), *store, FeeAggregatorError::InvalidEndpointAccounts);
    let keys: Vec<Pubkey> = infos.iter().map(|a| a.key()).collect();
    agentpad_common::cpi::invoke(&instruction(endpoint, &keys, flags, data), infos, &[store_seeds])?;
    Ok(used)
}

/// CPI to `register_oapp`: `accounts` = endpoint program, payer, store, OApp registry,
/// system program, event authority, endpoint program.
pub fn register_oapp(endpoint: &Pubkey, accounts: &[AccountInfo], store: &Pubkey, store_seeds: &[&[u8]], delegate: Pubkey) -> Result<()> {
    let data = data(discriminator::REGISTER_OAPP, &RegisterOAppParams { delegate });
    invoke_endpoint(endpoint, accounts, &layout::REGISTER_OAPP, 1, store, store_seeds, data).map(|_| ())
}

/// CPI to `set_delegate`: `accounts` = endpoint program, store, OApp registry, event
/// authority, endpoint program.
pub fn set_delegate(endpoint: &Pubkey, accounts: &[AccountInfo], store: &Pubkey, store_seeds: &[&[u8]], delegate: Pubkey) -> Result<()> {
    let data = data(discriminator::SET_DELEGATE, &SetDelegateParams { delegate });
    invoke_endpoint(endpoint, accounts, &layout::SET_DELEGATE, 0, store, store_seeds, data).map(|_| ())
}

/// CPI to `clear`: the endpoint checks `keccak(guid ‖ message)` against the verified
/// payload hash and closes it, so a message is delivered at most once. `accounts` =
/// endpoint program, then `clear`'s seven accounts.
pub fn clear(endpoint: &Pubkey, accounts: &[AccountInfo], store_seeds: &[&[u8]], params: &ClearParams) -> Result<usize> {
    invoke_endpoint(endpoint, accounts, &layout::CLEAR, 0, &params.receiver, store_seeds, data(discriminator::CLEAR, params))
}

/// CPI to `clear_compose`: the endpoint checks that `from` sent exactly this compose to the
/// store and marks it received, so it runs at most once. `accounts` = endpoint program,
/// then `clear_compose`'s four accounts.
pub fn clear_compose(endpoint: &Pubkey, accounts: &[AccountInfo], store: &Pubkey, store_seeds: &[&[u8]], params: &ClearComposeParams) -> Result<usize> {
    invoke_endpoint(endpoint, accounts, &layout::CLEAR_COMPOSE, 0, store, store_seeds, data(discriminator::CLEAR_COMPOSE, params))
}
