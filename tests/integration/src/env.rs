use anchor_lang::{AccountDeserialize, Event, solana_program::instruction::Instruction};
use anchor_spl::token_2022::spl_token_2022::{self, extension::StateWithExtensions};
use solana_compute_budget_interface::ComputeBudgetInstruction;
use solana_sdk::{
    account::Account,
    clock::Clock,
    instruction::InstructionError,
    message::{AddressLookupTableAccount, VersionedMessage, v0},
    pubkey::Pubkey,
    rent::Rent,
    signature::{Keypair, Signer},
    transaction::{TransactionError, VersionedTransaction},
};

use crate::runtime::{Processed, Runtime, RuntimeKind};

/// A failed transaction, reduced to what tests compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxError {
    /// A program returned `Custom(code)` (Anchor errors: 6000+ program, <6000 framework).
    Custom(u32),
    Other(String),
}

impl From<TransactionError> for TxError {
    fn from(e: TransactionError) -> Self {
        match e {
            TransactionError::InstructionError(_, InstructionError::Custom(code)) => TxError::Custom(code),
            other => TxError::Other(format!("{other:?}")),
        }
    }
}

pub struct Env {
    pub runtime: Runtime,
    /// Pays every transaction's fees (and most rent).
    payer: Keypair,
    /// Upgrade authority of bonding-curve, and so its admin after `initialize_config`.
    pub admin: Keypair,
    /// Lookup tables every transaction is compiled against (v0 messages).
    pub lookup_tables: Vec<AddressLookupTableAccount>,
    /// Set by `AGENTPAD_TRACE` (native runs only): the run is recorded for replay on sBPF.
    pub trace: Option<crate::trace::Trace>,
    /// Transactions that only exist for the native bank (lookup-table set-up) are not traced.
    tracing_paused: bool,
    /// Keypairs come from a seeded generator: the same run derives the same addresses and
    /// PDA bumps, so its compute units are reproducible.
    rng: rand_chacha::ChaCha8Rng,
    nonce: u32,
}

impl Env {
    /// The programs on the runtime `AGENTPAD_RUNTIME` names (native unless `sbf`); the
    /// admin is the upgrade authority of the programs whose set-up checks it.
    pub async fn start() -> Self {
        Self::start_on(RuntimeKind::from_env()).await
    }

    /// The programs as the clusters run them: the sBPF `.so` files with mainnet-beta's
    /// features. For behaviour the native bank cannot show (e.g. SIMD-0312's pre-funded
    /// account creation, on which Anchor's `init` relies).
    pub async fn start_cluster_runtime() -> Self {
        Self::start_on(RuntimeKind::Sbf).await
    }

    pub async fn start_on(kind: RuntimeKind) -> Self {
        let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(0xA6E7_0A0D);
        let admin = next_keypair(&mut rng);
        let payer = next_keypair(&mut rng);
        let admin_account = Account::new(1_000_000_000_000, 0, &anchor_lang::system_program::ID);
        let genesis = [(admin.pubkey(), admin_account)];
        let runtime = Runtime::start(kind, &admin.pubkey(), &payer, &genesis).await;
        let mut trace = if kind == RuntimeKind::Native { crate::trace::Trace::from_env() } else { None };
        if let Some(t) = trace.as_mut() {
            for program in [bonding_curve::ID, agent_factory::ID, fee_aggregator::ID] {
                t.preload(&crate::accounts::program_data(&program), &crate::runtime::program_data_account(&admin.pubkey(), &[]));
            }
            for (address, account) in &genesis {
                t.preload(address, account);
            }
        }
        Env { runtime, payer, admin, lookup_tables: vec![], trace, tracing_paused: false, rng, nonce: 0 }
    }

    pub fn runtime_kind(&self) -> RuntimeKind {
        self.runtime.kind()
    }

    /// A fresh keypair from the run's seeded generator.
    pub fn keypair(&mut self) -> Keypair {
        next_keypair(&mut self.rng)
    }

    pub fn payer(&self) -> &Keypair {
        &self.payer
    }

    /// Sends `ixs` paid by the payer and signed by `signers`. A compute-budget instruction
    /// with a running nonce keeps repeated identical transactions distinct.
    pub async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> Result<(), TxError> {
        let (tx, all) = self.transaction_with(ixs, signers).await;
        let clock = self.clock().await;
        let result = self.runtime.process(tx).await.map_err(TxError::from);
        self.record(&all, signers, &clock, &result);
        result
    }

    fn record(&mut self, all: &[Instruction], signers: &[&Keypair], clock: &Clock, result: &Result<(), TxError>) {
        if self.tracing_paused {
            return;
        }
        if let Some(t) = self.trace.as_mut() {
            t.record(all, &self.payer, signers, clock, result);
        }
    }

    /// Writes the trace (if recording): call at the end of a traced run.
    pub async fn finish_trace(&mut self) {
        let Some(trace) = self.trace.take() else { return };
        let mut finals = Vec::new();
        for k in &trace.writable {
            finals.push((*k, self.account(*k).await));
        }
        trace.write(finals, &self.payer.pubkey());
    }

    /// Like [`send`](Self::send), and returns every Anchor event the transaction emitted
    /// through `emit_cpi!` (decoded from its inner instructions by a simulation first).
    pub async fn send_with_events(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Vec<Vec<u8>>, TxError> {
        let (tx, all) = self.transaction_with(ixs, signers).await;
        let clock = self.clock().await;
        let sim = self.runtime.simulate(tx.clone()).await;
        if let Err(e) = sim.result {
            let err = TxError::from(e);
            // The failure is what processing would give; record it as processed.
            self.record(&all, signers, &clock, &Err(err.clone()));
            return Err(err);
        }
        let events = sim
            .inner_data
            .into_iter()
            .filter_map(|data| data.starts_with(anchor_lang::event::EVENT_IX_TAG_LE).then(|| data[8..].to_vec()))
            .collect();
        let result = self.runtime.process(tx).await.map_err(TxError::from);
        self.record(&all, signers, &clock, &result);
        result?;
        Ok(events)
    }

    /// Simulates `ixs`: succeeds when the transaction would.
    pub async fn simulate(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> Result<(), TxError> {
        self.simulation(ixs, signers).await.result.map_err(TxError::from)
    }

    /// Simulates `ixs` and returns everything the runtime reports.
    pub async fn simulation(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> Processed {
        let tx = self.transaction(ixs, signers).await;
        self.runtime.simulate(tx).await
    }

    async fn transaction(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> VersionedTransaction {
        self.transaction_with(ixs, signers).await.0
    }

    /// The signed transaction and its full instruction list (compute budget first).
    async fn transaction_with(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> (VersionedTransaction, Vec<Instruction>) {
        self.nonce += 1;
        let mut all = vec![ComputeBudgetInstruction::set_compute_unit_limit(1_400_000 - self.nonce)];
        all.extend_from_slice(ixs);
        let blockhash = self.runtime.latest_blockhash().await;
        let mut keys: Vec<&Keypair> = vec![&self.payer];
        keys.extend(signers.iter().copied().filter(|k| k.pubkey() != self.payer.pubkey()));
        let message = v0::Message::try_compile(&self.payer.pubkey(), &all, &self.lookup_tables, blockhash).unwrap();
        (VersionedTransaction::try_new(VersionedMessage::V0(message), &keys).unwrap(), all)
    }

    /// Creates an address lookup table holding `addresses` and compiles every later
    /// transaction against it (as clients do for the launch's static accounts).
    pub async fn add_lookup_table(&mut self, addresses: Vec<Pubkey>) -> Pubkey {
        use solana_address_lookup_table_interface::instruction::{create_lookup_table, extend_lookup_table};
        use solana_address_lookup_table_interface::state::{AddressLookupTable, LookupTableMeta};
        let slot = self.runtime.slot().await;
        self.runtime.warp_to_slot(slot + 2).await;
        let payer = self.payer.pubkey();
        let table = match self.runtime {
            Runtime::Bank(_) => {
                self.tracing_paused = true;
                let (create, table) = create_lookup_table(payer, payer, slot + 1);
                self.send(&[create], &[]).await.unwrap();
                for chunk in addresses.chunks(20) {
                    self.send(&[extend_lookup_table(table, payer, Some(payer), chunk.to_vec())], &[]).await.unwrap();
                }
                self.tracing_paused = false;
                table
            }
            // LiteSVM keeps no slot-hash history to derive a table from: write it as the
            // lookup-table program would leave it.
            Runtime::Svm(_) => {
                let table = self.keypair().pubkey();
                let meta = LookupTableMeta { authority: Some(payer), last_extended_slot: slot + 1, ..LookupTableMeta::default() };
                let data = AddressLookupTable { meta, addresses: addresses.clone().into() }.serialize_for_tests().unwrap();
                let lamports = self.rent().await.minimum_balance(data.len());
                let owner = solana_address_lookup_table_interface::program::ID;
                self.runtime.set_account(table, Account { lamports, data, owner, executable: false, rent_epoch: 0 });
                table
            }
        };
        // Addresses become usable in the slot after they were added.
        let slot = self.runtime.slot().await;
        self.runtime.warp_to_slot(slot + 2).await;
        self.lookup_tables.push(AddressLookupTableAccount { key: table, addresses });
        table
    }

    pub async fn account(&mut self, address: Pubkey) -> Option<Account> {
        self.runtime.account(address).await
    }

    pub async fn rent(&mut self) -> Rent {
        self.runtime.rent().await
    }

    pub async fn anchor_account<T: AccountDeserialize>(&mut self, address: Pubkey) -> T {
        let acc = self.account(address).await.expect("account exists");
        T::try_deserialize(&mut acc.data.as_slice()).expect("deserializes")
    }

    /// A zero-copy account, read by the client (discriminator checked).
    pub async fn zero_copy<T: bytemuck::Pod + anchor_lang::Discriminator>(&mut self, address: Pubkey) -> T {
        let acc = self.account(address).await.expect("account exists");
        agentpad_client::accounts::zero_copy(&acc.data).expect("a zero-copy account of this type")
    }

    pub async fn token_balance(&mut self, address: Pubkey) -> u64 {
        let acc = self.account(address).await.expect("token account exists");
        StateWithExtensions::<spl_token_2022::state::Account>::unpack(&acc.data).unwrap().base.amount
    }

    pub async fn lamports(&mut self, address: Pubkey) -> u64 {
        self.account(address).await.map(|a| a.lamports).unwrap_or(0)
    }

    pub async fn clock(&mut self) -> Clock {
        self.runtime.clock().await
    }

    /// Moves the clock forward by `seconds`.
    pub async fn advance_time(&mut self, seconds: i64) {
        let mut clock = self.clock().await;
        clock.unix_timestamp += seconds;
        self.runtime.set_clock(&clock).await;
    }

    /// A funded keypair.
    pub async fn new_user(&mut self, lamports: u64) -> Keypair {
        let user = self.keypair();
        let ix = anchor_lang::solana_program::system_instruction::transfer(&self.payer.pubkey(), &user.pubkey(), lamports);
        self.send(&[ix], &[]).await.unwrap();
        user
    }
}

fn next_keypair(rng: &mut rand_chacha::ChaCha8Rng) -> Keypair {
    let mut secret = [0u8; 32];
    rand::RngCore::fill_bytes(rng, &mut secret);
    Keypair::new_from_array(secret)
}

/// Decodes an event of type `E` from raw `emit_cpi!` data, if it is one.
pub fn decode_event<E: Event + anchor_lang::AnchorDeserialize>(raw: &[u8]) -> Option<E> {
    raw.strip_prefix(E::DISCRIMINATOR).and_then(|mut rest| E::deserialize(&mut rest).ok())
}

/// The error a bonding-curve instruction fails with for `e`.
pub fn bc_err(e: bonding_curve::error::BondingCurveError) -> TxError {
    TxError::Custom(anchor_lang::error::ERROR_CODE_OFFSET + e as u32)
}

/// The error an agent-factory instruction fails with for `e`.
pub fn af_err(e: agent_factory::error::AgentFactoryError) -> TxError {
    TxError::Custom(anchor_lang::error::ERROR_CODE_OFFSET + e as u32)
}

/// The error a fee-aggregator instruction fails with for `e`.
pub fn fa_err(e: fee_aggregator::error::FeeAggregatorError) -> TxError {
    TxError::Custom(anchor_lang::error::ERROR_CODE_OFFSET + e as u32)
}

/// The error a revenue-share instruction fails with for `e`.
pub fn rs_err(e: revenue_share::error::RevenueShareError) -> TxError {
    TxError::Custom(anchor_lang::error::ERROR_CODE_OFFSET + e as u32)
}

/// The error the endpoint mock fails with for `e`.
pub fn lz_err(e: lz_endpoint_mock::LayerZeroError) -> TxError {
    TxError::Custom(anchor_lang::error::ERROR_CODE_OFFSET + e as u32)
}

/// The error an agent-commerce instruction fails with for `e`.
pub fn ac_err(e: agent_commerce::error::CommerceError) -> TxError {
    TxError::Custom(anchor_lang::error::ERROR_CODE_OFFSET + e as u32)
}

/// The error for one of Anchor's own checks.
pub fn anchor_err(e: anchor_lang::error::ErrorCode) -> TxError {
    TxError::Custom(e as u32)
}

impl Env {
    /// Raw data and lamports of `addresses`, to show a failed call changed nothing.
    pub async fn snapshot(&mut self, addresses: &[Pubkey]) -> Vec<Option<(u64, Vec<u8>)>> {
        let mut out = Vec::with_capacity(addresses.len());
        for a in addresses {
            out.push(self.account(*a).await.map(|acc| (acc.lamports, acc.data)));
        }
        out
    }

    /// Sends a transaction that must fail with `expected` and leave `watched` untouched.
    pub async fn expect_failure(&mut self, ixs: &[Instruction], signers: &[&Keypair], expected: TxError, watched: &[Pubkey]) {
        let before = self.snapshot(watched).await;
        let result = self.send(ixs, signers).await;
        assert_eq!(result, Err(expected), "unexpected outcome");
        assert_eq!(self.snapshot(watched).await, before, "a failed transaction changed state");
    }
}
