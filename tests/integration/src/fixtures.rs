//! Ready-made states: a configured protocol with a quote mint and a preset, launched
//! agents, funded traders.

use anchor_spl::token_2022::spl_token_2022;
use bonding_curve::state::{Pool, PoolParams};
use solana_sdk::{pubkey::Pubkey, signature::{Keypair, Signer}};

use crate::accounts::{self as addr, PoolKeys};
use crate::env::{Env, TxError};
use crate::ix::{self, Launch, TestExtension};
use crate::presets;
use fee_aggregator::instructions::InitializeStoreArgs;
use fee_aggregator::lz::{LzAccount, LzComposeParams, LzReceiveParams};
use fee_aggregator::state::{Split, SplitBounds};

/// The standard preset id used by fixtures.
pub const PRESET: u16 = 0;

/// Revenue split bounds and default the fixtures' store is initialised with.
pub const SPLIT_BOUNDS: SplitBounds = SplitBounds { min_holders_bps: 5_000, max_creator_bps: 3_000, min_protocol_bps: 500, max_protocol_bps: 1_500 };
pub const DEFAULT_SPLIT: Split = Split { holders_bps: 7_000, creator_bps: 2_000, protocol_bps: 1_000 };
/// Seconds before a creator's new split applies, in the fixtures' store.
pub const SPLIT_DELAY: u32 = 86_400;

pub struct Protocol {
    pub quote_mint: Pubkey,
    pub quote_token_program: Pubkey,
    /// Mint authority of the test quote mint.
    pub quote_authority: Keypair,
    pub fee_recipient: Keypair,
    pub params: PoolParams,
}

impl Clone for Protocol {
    fn clone(&self) -> Self {
        Protocol {
            quote_mint: self.quote_mint,
            quote_token_program: self.quote_token_program,
            quote_authority: self.quote_authority.insecure_clone(),
            fee_recipient: self.fee_recipient.insecure_clone(),
            params: self.params,
        }
    }
}

impl Env {
    /// Config initialised by the admin, a 9-decimal quote mint under `quote_token_program`
    /// and preset [`PRESET`] with [`presets::standard`] for it.
    pub async fn setup_protocol_with(&mut self, quote_token_program: Pubkey, extensions: &[TestExtension]) -> Protocol {
        let quote_authority = self.keypair();
        let quote_mint = self.create_mint(&quote_authority.pubkey(), 9, &quote_token_program, extensions).await;
        self.setup_protocol_for(quote_mint, quote_token_program, quote_authority).await
    }

    /// Config and preset [`PRESET`] for an existing quote mint (e.g. wSOL).
    pub async fn setup_protocol_for(&mut self, quote_mint: Pubkey, quote_token_program: Pubkey, quote_authority: Keypair) -> Protocol {
        let fee_recipient = self.keypair();
        let admin = self.admin.insecure_clone();
        self.send(&[ix::initialize_config(&admin.pubkey(), fee_recipient.pubkey())], &[&admin]).await.unwrap();
        let params = presets::standard();
        self.send(&[ix::create_preset(&admin.pubkey(), PRESET, &quote_mint, params)], &[&admin]).await.unwrap();
        let payer = self.payer().pubkey();
        self.send(&[ix::fees::endpoint_initialize(&payer)], &[]).await.unwrap();
        let args = InitializeStoreArgs {
            endpoint_program: lz_endpoint_mock::ID,
            delegate: admin.pubkey(),
            protocol_fee_recipient: fee_recipient.pubkey(),
            split_bounds: SPLIT_BOUNDS,
            default_split: DEFAULT_SPLIT,
            split_delay: SPLIT_DELAY,
        };
        self.send(&[ix::fees::initialize_store(&admin.pubkey(), args)], &[&admin]).await.unwrap();
        self.add_lookup_table(launch_lookup_addresses(&quote_mint, &quote_token_program)).await;
        Protocol { quote_mint, quote_token_program, quote_authority, fee_recipient, params }
    }

    pub async fn setup_protocol(&mut self) -> Protocol {
        self.setup_protocol_with(anchor_spl::token::ID, &[]).await
    }

    pub async fn create_mint(&mut self, authority: &Pubkey, decimals: u8, token_program: &Pubkey, extensions: &[TestExtension]) -> Pubkey {
        let mint = self.keypair();
        let rent = self.rent().await;
        let payer = self.payer().pubkey();
        let ixs = ix::create_mint(&payer, &mint.pubkey(), authority, decimals, token_program, extensions, &rent);
        self.send(&ixs, &[&mint]).await.unwrap();
        mint.pubkey()
    }

    /// Creates `owner`'s quote ATA and mints `amount` into it.
    pub async fn fund_quote(&mut self, protocol: &Protocol, owner: &Pubkey, amount: u64) -> Pubkey {
        let payer = self.payer().pubkey();
        let tp = protocol.quote_token_program;
        let ata = addr::ata(owner, &protocol.quote_mint, &tp);
        let auth = protocol.quote_authority.insecure_clone();
        self.send(&[ix::create_ata(&payer, owner, &protocol.quote_mint, &tp)], &[]).await.unwrap();
        if amount > 0 {
            self.send(&[ix::mint_to(&tp, &protocol.quote_mint, &ata, &auth.pubkey(), amount)], &[&auth]).await.unwrap();
        }
        ata
    }

    /// A funded trader with quote and an (empty) agent-token ATA for `keys`' pool.
    pub async fn trader(&mut self, protocol: &Protocol, keys: &PoolKeys, quote: u64) -> Keypair {
        let user = self.new_user(10_000_000_000).await;
        self.fund_quote(protocol, &user.pubkey(), quote).await;
        self.create_base_ata(keys, &user.pubkey()).await;
        user
    }

    /// Wraps `lamports` of `owner`'s SOL into its wSOL ATA.
    pub async fn wrap_sol(&mut self, owner: &Keypair, lamports: u64) -> Pubkey {
        let payer = self.payer().pubkey();
        self.send(&ix::wrap_sol(&payer, &owner.pubkey(), lamports), &[owner]).await.unwrap();
        addr::ata(&owner.pubkey(), &anchor_spl::token::spl_token::native_mint::ID, &anchor_spl::token::ID)
    }

    pub async fn create_base_ata(&mut self, keys: &PoolKeys, owner: &Pubkey) -> Pubkey {
        let payer = self.payer().pubkey();
        self.send(&[ix::create_ata(&payer, owner, &keys.base_mint, &spl_token_2022::ID)], &[]).await.unwrap();
        keys.base_ata(owner)
    }

    /// Launches an agent for `creator` on preset [`PRESET`]; `first_buy` spends that much
    /// quote from the creator's quote ATA in the same instruction.
    pub async fn try_launch(&mut self, protocol: &Protocol, creator: &Keypair, first_buy: Option<u64>) -> Result<PoolKeys, TxError> {
        let mint = self.keypair();
        self.try_launch_mint(protocol, creator, &mint, first_buy).await
    }

    /// [`try_launch`](Self::try_launch) with a chosen mint keypair (its addresses are known
    /// before the launch).
    pub async fn try_launch_mint(&mut self, protocol: &Protocol, creator: &Keypair, mint: &Keypair, first_buy: Option<u64>) -> Result<PoolKeys, TxError> {
        self.try_launch_on(protocol, PRESET, creator, mint, first_buy).await
    }

    /// [`try_launch_mint`](Self::try_launch_mint) on preset `preset_id`.
    pub async fn try_launch_on(&mut self, protocol: &Protocol, preset_id: u16, creator: &Keypair, mint: &Keypair, first_buy: Option<u64>) -> Result<PoolKeys, TxError> {
        let launch = Launch {
            creator: creator.pubkey(),
            mint: mint.pubkey(),
            preset_id,
            quote_mint: protocol.quote_mint,
            quote_token_program: protocol.quote_token_program,
            name: "Agent Smith",
            symbol: "SMITH",
            uri: "https://agentpad.example/agents/smith.json",
            first_buy: first_buy.map(|a| (a, addr::ata(&creator.pubkey(), &protocol.quote_mint, &protocol.quote_token_program))),
            unstake_cooldown: None,
        };
        self.send(&[ix::launch_agent(&launch)], &[creator, mint]).await?;
        Ok(PoolKeys::for_mint(mint.pubkey(), protocol.quote_mint, protocol.quote_token_program))
    }

    pub async fn launch(&mut self, protocol: &Protocol, creator: &Keypair) -> PoolKeys {
        self.try_launch(protocol, creator, None).await.unwrap()
    }

    pub async fn pool(&mut self, keys: &PoolKeys) -> Pool {
        self.zero_copy::<Pool>(keys.pool).await
    }

    /// The curve segments a pool stores after its fixed part.
    pub async fn pool_segments(&mut self, keys: &PoolKeys) -> Vec<agentpad_math::segment::Segment> {
        let count = self.pool(keys).await.params.extra_segments;
        let data = self.account(keys.pool).await.expect("pool exists").data;
        agentpad_client::accounts::curve_segments::<Pool>(&data, count).expect("the pool's segments")
    }
}

/// The accounts every launch on preset [`PRESET`] shares (see the client's
/// `launch_lookup_addresses`).
pub fn launch_lookup_addresses(quote_mint: &Pubkey, quote_token_program: &Pubkey) -> Vec<Pubkey> {
    agentpad_client::instructions::agent_factory::launch_lookup_addresses(PRESET, quote_mint, quote_token_program)
}

/// One LayerZero packet as the executor sees it.
#[derive(Debug, Clone)]
pub struct Packet {
    pub src_eid: u32,
    pub sender: [u8; 32],
    pub nonce: u64,
    pub guid: [u8; 32],
    pub message: Vec<u8>,
}

impl Packet {
    /// A packet with a guid derived from its nonce and eid (unique in a test).
    pub fn new(src_eid: u32, sender: [u8; 32], nonce: u64, message: &[u8]) -> Self {
        let mut guid = [0u8; 32];
        guid[..8].copy_from_slice(&nonce.to_be_bytes());
        guid[8..12].copy_from_slice(&src_eid.to_be_bytes());
        guid[12] = message.len() as u8;
        Packet { src_eid, sender, nonce, guid, message: message.to_vec() }
    }

    pub fn params(&self) -> LzReceiveParams {
        LzReceiveParams {
            src_eid: self.src_eid,
            sender: self.sender,
            nonce: self.nonce,
            guid: self.guid,
            message: self.message.clone(),
            extra_data: vec![],
        }
    }
}

/// A bridged token on Solana: a native OFT (the test stand-in) whose composes
/// fee-aggregator accepts for the mint.
#[derive(Debug, Clone, Copy)]
pub struct Oft {
    pub mint: Pubkey,
    pub escrow: Pubkey,
    pub store: Pubkey,
    pub token_program: Pubkey,
    pub ld2sd_rate: u64,
}

impl Env {
    /// The endpoint verifies `packet` for the store (what DVNs and the ULN do).
    pub async fn verify_packet(&mut self, packet: &Packet) {
        self.verify_packet_for(addr::fees::store(), packet).await;
    }

    pub async fn verify_packet_for(&mut self, receiver: Pubkey, packet: &Packet) {
        let payer = self.payer().pubkey();
        let ix = ix::fees::endpoint_verify(&payer, receiver, packet.src_eid, packet.sender, packet.nonce, packet.guid, &packet.message);
        self.send(&[ix], &[]).await.unwrap();
    }

    /// What an executor does: run `lz_receive_types` for the account list. On sBPF that is
    /// the instruction's return data; natively programs cannot set return data
    /// (solana-cpi's `set_return_data` is a no-op off chain), so the instruction is
    /// simulated (it must succeed) and the list comes from the function it returns.
    pub async fn lz_accounts(&mut self, packet: &Packet) -> Result<Vec<LzAccount>, TxError> {
        let sim = self.simulation(&[ix::fees::lz_receive_types(packet.params())], &[]).await;
        sim.result.map_err(TxError::from)?;
        if self.runtime_kind() == crate::runtime::RuntimeKind::Sbf {
            return Ok(anchor_lang::AnchorDeserialize::deserialize(&mut sim.return_data.as_slice()).expect("lz_receive_types return data"));
        }
        let store = addr::fees::store();
        Ok(fee_aggregator::instructions::receive_accounts(&store, &lz_endpoint_mock::ID, &packet.params()).expect("decodable message"))
    }

    /// Executes `lz_receive` for `packet` with the accounts `lz_receive_types` gives.
    pub async fn lz_receive(&mut self, packet: &Packet) -> Result<Vec<Vec<u8>>, TxError> {
        let accounts = self.lz_accounts(packet).await?;
        let payer = self.payer().pubkey();
        self.send_with_events(&[ix::fees::lz_receive(&payer, &accounts, packet.params())], &[]).await
    }

    /// A bridged mint (`decimals`) with its OFT stand-in, registered at the endpoint and
    /// configured in fee-aggregator by the admin.
    pub async fn bridged_token(&mut self, decimals: u8) -> Oft {
        let oft = self.oft_token(decimals, anchor_spl::token::ID, &[]).await;
        let admin = self.admin.insecure_clone();
        self.send(&[ix::fees::set_oft(&admin.pubkey(), &oft.mint, &oft.token_program, oft.store)], &[&admin]).await.unwrap();
        oft
    }

    /// An agent token from another chain as LayerZero's OFT program makes it on Solana: a
    /// Token-2022 mint (6 decimals, `extensions`, no freeze authority) whose mint authority
    /// is its OFT store (the test stand-in), which mints what arrives.
    pub async fn bridged_agent_token(&mut self, extensions: &[TestExtension]) -> Oft {
        self.oft_token(6, anchor_spl::token_2022::ID, extensions).await
    }

    /// A mint whose authority is a new OFT stand-in's store, and the OFT's escrow.
    async fn oft_token(&mut self, decimals: u8, token_program: Pubkey, extensions: &[TestExtension]) -> Oft {
        let escrow = self.keypair();
        let store = ix::oft::store(&escrow.pubkey());
        let mint = self.keypair();
        let payer = self.payer().pubkey();
        let rent = self.rent().await;
        let mut create_mint = ix::create_mint(&payer, &mint.pubkey(), &store, decimals, &token_program, extensions, &rent);
        // No freeze authority, as LayerZero's OFT mints are made.
        *create_mint.last_mut().unwrap() = spl_token_2022::instruction::initialize_mint2(&token_program, &mint.pubkey(), &store, None, decimals).unwrap();
        self.send(&create_mint, &[&mint]).await.unwrap();
        let mint = mint.pubkey();
        let create = anchor_lang::solana_program::system_instruction::create_account(&payer, &escrow.pubkey(), rent.minimum_balance(165), 165, &token_program);
        let init = spl_token_2022::instruction::initialize_account3(&token_program, &escrow.pubkey(), &mint, &store).unwrap();
        self.send(&[create, init, ix::oft::init_oft(&payer, &mint, &escrow.pubkey())], &[&escrow]).await.unwrap();
        Oft { mint, escrow: escrow.pubkey(), store, token_program, ld2sd_rate: 10u64.pow(decimals as u32 - 6) }
    }

    /// An OFT packet from `src_eid`: the endpoint verifies it for the OFT and the OFT's
    /// `lz_receive` runs — it credits `send_to` and, with a compose, sends the compose.
    /// Returns the compose as `lz_compose` receives it (when there is one).
    pub async fn oft_receive(&mut self, oft: &Oft, packet: &Packet, send_to: &Pubkey) -> Result<Option<LzComposeParams>, TxError> {
        self.verify_packet_for(oft.store, packet).await;
        let payer = self.payer().pubkey();
        let params = oft_mock::LzReceiveParams {
            src_eid: packet.src_eid,
            sender: packet.sender,
            nonce: packet.nonce,
            guid: packet.guid,
            message: packet.message.clone(),
            extra_data: vec![],
        };
        let ixn = ix::oft::lz_receive(&payer, &oft.escrow, &oft.mint, &oft.token_program, send_to, oft.ld2sd_rate, params);
        let events = self.send_with_events(&[ixn], &[]).await?;
        Ok(events.iter().find_map(|e| crate::decode_event::<lz_endpoint_mock::ComposeSentEvent>(e)).map(|e| LzComposeParams {
            from: e.from,
            to: e.to,
            guid: e.guid,
            index: e.index,
            message: e.message,
            extra_data: vec![0, 0],
        }))
    }

    /// What an executor does for a compose: `lz_compose_types` with the accounts of the
    /// store's `LzComposeTypes` PDA.
    pub async fn lz_compose_accounts(&mut self, params: &LzComposeParams) -> Result<Vec<LzAccount>, TxError> {
        let listed = self.account(addr::fees::lz_compose_types()).await.expect("LzComposeTypes account");
        let ofts: Vec<Pubkey> = fee_aggregator::state::LzComposeTypesAccounts::ofts(&listed.data).collect();
        let sim = self.simulation(&[ix::fees::lz_compose_types(&ofts, params.clone())], &[]).await;
        sim.result.map_err(TxError::from)?;
        if self.runtime_kind() == crate::runtime::RuntimeKind::Sbf {
            return Ok(anchor_lang::AnchorDeserialize::deserialize(&mut sim.return_data.as_slice()).expect("lz_compose_types return data"));
        }
        for key in ofts {
            let acc = self.account(key).await.expect("oft config");
            let oft: fee_aggregator::state::OftConfig = anchor_lang::AccountDeserialize::try_deserialize(&mut acc.data.as_slice()).unwrap();
            if oft.oft_store == params.from {
                let store = addr::fees::store();
                return Ok(fee_aggregator::instructions::compose_accounts(&store, &lz_endpoint_mock::ID, &key, &oft, params).expect("decodable compose"));
            }
        }
        unreachable!("the simulation found the OFT")
    }

    /// Executes `lz_compose` with the accounts `lz_compose_types` gives.
    pub async fn lz_compose(&mut self, params: &LzComposeParams) -> Result<Vec<Vec<u8>>, TxError> {
        let accounts = self.lz_compose_accounts(params).await?;
        let payer = self.payer().pubkey();
        self.send_with_events(&[ix::fees::lz_compose(&payer, &accounts, params.clone())], &[]).await
    }
}
