//! The two runtimes the suites run on, behind one interface:
//!
//! - `native` (default): the programs compiled for the host, in a `solana-program-test`
//!   bank (Agave 3.1) beside the real SPL Token, Token-2022 and ATA programs. Fast to build,
//!   debuggable, but it lacks features the clusters have (e.g. SIMD-0312, which Anchor's
//!   `init` of a pre-funded address needs) and meters no compute units.
//! - `sbf` (`AGENTPAD_RUNTIME=sbf`): the sBPF `.so` files of `./scripts/sbf/build.sh`
//!   (`target/sbf`) in LiteSVM with mainnet-beta's feature set, as deployed: the programs
//!   are upgradeable (ProgramData names the admin as upgrade authority), return data works
//!   and compute units are real.

use anchor_lang::solana_program::bpf_loader_upgradeable;
use solana_program_test::{BanksClientError, ProgramTest, ProgramTestContext, processor};
use solana_sdk::{
    account::Account,
    account_info::AccountInfo,
    clock::Clock,
    entrypoint::ProgramResult,
    hash::Hash,
    pubkey::Pubkey,
    rent::Rent,
    signature::{Keypair, Signer},
    transaction::{TransactionError, VersionedTransaction},
};

/// Anchor's `entry` ties every lifetime to one `'info`; the bank hands shorter-lived
/// references. These wrappers pass leaked copies (a few bytes per instruction, in tests).
macro_rules! native_entry {
    ($name:ident, $krate:ident) => {
        fn $name(program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
            let accounts = Box::leak(accounts.to_vec().into_boxed_slice());
            let program_id = Box::leak(Box::new(*program_id));
            let data = Box::leak(data.to_vec().into_boxed_slice());
            $krate::entry(program_id, accounts, data)
        }
    };
}
native_entry!(bonding_curve_entry, bonding_curve);
native_entry!(agent_factory_entry, agent_factory);
native_entry!(fee_aggregator_entry, fee_aggregator);
native_entry!(revenue_share_entry, revenue_share);
native_entry!(agent_commerce_entry, agent_commerce);
native_entry!(lz_endpoint_entry, lz_endpoint_mock);
native_entry!(oft_entry, oft_mock);

/// The suite's programs: (name of the `.so` in `target/sbf`, id).
pub const PROGRAMS: [(&str, Pubkey); 7] = [
    ("bonding_curve", bonding_curve::ID),
    ("agent_factory", agent_factory::ID),
    ("fee_aggregator", fee_aggregator::ID),
    ("revenue_share", revenue_share::ID),
    ("agent_commerce", agent_commerce::ID),
    ("lz_endpoint_mock", lz_endpoint_mock::ID),
    ("oft_mock", oft_mock::ID),
];

/// Programs whose ProgramData names the admin as upgrade authority (their one-time set-up
/// instructions check it).
const UPGRADE_GUARDED: [Pubkey; 3] = [bonding_curve::ID, agent_factory::ID, fee_aggregator::ID];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuntimeKind {
    Native,
    Sbf,
}

impl RuntimeKind {
    /// `AGENTPAD_RUNTIME`: `sbf` or `native` (the default).
    pub fn from_env() -> Self {
        match std::env::var("AGENTPAD_RUNTIME").as_deref() {
            Ok("sbf") => RuntimeKind::Sbf,
            Ok("native") | Err(_) => RuntimeKind::Native,
            Ok(other) => panic!("AGENTPAD_RUNTIME must be `native` or `sbf`, not `{other}`"),
        }
    }
}

/// What one processed (or simulated) transaction gave back.
pub struct Processed {
    pub result: Result<(), TransactionError>,
    /// Data of every inner instruction (Anchor `emit_cpi!` events among them).
    pub inner_data: Vec<Vec<u8>>,
    /// The return data of the last instruction that set it (sBPF only).
    pub return_data: Vec<u8>,
    pub compute_units: u64,
}

pub enum Runtime {
    Bank(Box<ProgramTestContext>),
    Svm(Box<litesvm::LiteSVM>),
}

impl Runtime {
    pub async fn start(kind: RuntimeKind, admin: &Pubkey, payer: &Keypair, genesis: &[(Pubkey, Account)]) -> Self {
        match kind {
            RuntimeKind::Native => {
                let mut pt = ProgramTest::default();
                pt.prefer_bpf(false);
                pt.add_program("bonding_curve", bonding_curve::ID, processor!(bonding_curve_entry));
                pt.add_program("agent_factory", agent_factory::ID, processor!(agent_factory_entry));
                pt.add_program("fee_aggregator", fee_aggregator::ID, processor!(fee_aggregator_entry));
                pt.add_program("revenue_share", revenue_share::ID, processor!(revenue_share_entry));
                pt.add_program("agent_commerce", agent_commerce::ID, processor!(agent_commerce_entry));
                pt.add_program("lz_endpoint_mock", lz_endpoint_mock::ID, processor!(lz_endpoint_entry));
                pt.add_program("oft_mock", oft_mock::ID, processor!(oft_entry));
                // Natively-registered programs have no ProgramData of their own.
                for program in UPGRADE_GUARDED {
                    pt.add_account(crate::accounts::program_data(&program), program_data_account(admin, &[]));
                }
                for (address, account) in genesis {
                    pt.add_account(*address, account.clone());
                }
                pt.add_account(payer.pubkey(), Account::new(1_000_000_000_000_000, 0, &anchor_lang::system_program::ID));
                let mut ctx = pt.start_with_context().await;
                ctx.payer = payer.insecure_clone();
                Runtime::Bank(Box::new(ctx))
            }
            RuntimeKind::Sbf => {
                let mut svm = litesvm::LiteSVM::new();
                let dir = sbf_dir();
                for (name, id) in PROGRAMS {
                    let path = dir.join(format!("{name}.so"));
                    let elf = std::fs::read(&path).unwrap_or_else(|e| {
                        panic!("{}: {e} (the sbf runtime needs the .so files: run ./scripts/sbf/build.sh)", path.display())
                    });
                    svm.add_program(id, &elf).expect("load program");
                    if UPGRADE_GUARDED.contains(&id) {
                        // As `solana program deploy` leaves it: ProgramData = header + ELF.
                        let data = program_data_account(admin, &elf);
                        svm.set_account(crate::accounts::program_data(&id), to_svm(&data)).unwrap();
                    }
                }
                // Genesis accounts real clusters have and LiteSVM lacks: the wSOL mint.
                svm.set_account(anchor_spl::token::spl_token::native_mint::ID, to_svm(&native_mint())).unwrap();
                for (address, account) in genesis {
                    svm.set_account(*address, to_svm(account)).unwrap();
                }
                svm.set_account(payer.pubkey(), to_svm(&Account::new(1_000_000_000_000_000, 0, &anchor_lang::system_program::ID))).unwrap();
                Runtime::Svm(Box::new(svm))
            }
        }
    }

    pub fn kind(&self) -> RuntimeKind {
        match self {
            Runtime::Bank(_) => RuntimeKind::Native,
            Runtime::Svm(_) => RuntimeKind::Sbf,
        }
    }

    pub async fn latest_blockhash(&mut self) -> Hash {
        match self {
            Runtime::Bank(ctx) => ctx.banks_client.get_latest_blockhash().await.unwrap(),
            Runtime::Svm(svm) => Hash::new_from_array(svm.latest_blockhash().to_bytes()),
        }
    }

    pub async fn process(&mut self, tx: VersionedTransaction) -> Result<(), TransactionError> {
        match self {
            Runtime::Bank(ctx) => ctx.banks_client.process_transaction(tx).await.map_err(bank_error),
            Runtime::Svm(svm) => {
                let result = svm.send_transaction(to_svm_tx(&tx)).map(|_| ()).map_err(|f| f.err);
                // A fresh blockhash per transaction, as a cluster's advancing slots give.
                svm.expire_blockhash();
                result
            }
        }
    }

    pub async fn simulate(&mut self, tx: VersionedTransaction) -> Processed {
        match self {
            Runtime::Bank(ctx) => {
                let sim = match ctx.banks_client.simulate_transaction(tx).await {
                    Ok(sim) => sim,
                    Err(e) => return Processed { result: Err(bank_error(e)), inner_data: vec![], return_data: vec![], compute_units: 0 },
                };
                let details = sim.simulation_details;
                let inner_data = details
                    .as_ref()
                    .and_then(|d| d.inner_instructions.clone())
                    .unwrap_or_default()
                    .into_iter()
                    .flatten()
                    .map(|inner| inner.instruction.data)
                    .collect();
                let compute_units = details.as_ref().map(|d| d.units_consumed).unwrap_or(0);
                Processed { result: sim.result.unwrap_or(Ok(())), inner_data, return_data: vec![], compute_units }
            }
            Runtime::Svm(svm) => {
                let (result, meta) = match svm.simulate_transaction(to_svm_tx(&tx)) {
                    Ok(info) => (Ok(()), info.meta),
                    Err(failed) => (Err(failed.err), failed.meta),
                };
                let inner_data = meta.inner_instructions.into_iter().flatten().map(|i| i.instruction.data).collect();
                Processed { result, inner_data, return_data: meta.return_data.data, compute_units: meta.compute_units_consumed }
            }
        }
    }

    pub async fn account(&mut self, address: Pubkey) -> Option<Account> {
        match self {
            Runtime::Bank(ctx) => ctx.banks_client.get_account(address).await.unwrap(),
            Runtime::Svm(svm) => svm.get_account(&address).filter(|a| a.lamports > 0).map(|a| Account {
                lamports: a.lamports,
                data: a.data,
                owner: a.owner,
                executable: a.executable,
                rent_epoch: a.rent_epoch,
            }),
        }
    }

    pub async fn clock(&mut self) -> Clock {
        match self {
            Runtime::Bank(ctx) => ctx.banks_client.get_sysvar::<Clock>().await.unwrap(),
            Runtime::Svm(svm) => svm.get_sysvar::<Clock>(),
        }
    }

    pub async fn set_clock(&mut self, clock: &Clock) {
        match self {
            Runtime::Bank(ctx) => ctx.set_sysvar(clock),
            Runtime::Svm(svm) => svm.set_sysvar(clock),
        }
    }

    pub async fn rent(&mut self) -> Rent {
        match self {
            Runtime::Bank(ctx) => ctx.banks_client.get_rent().await.unwrap(),
            Runtime::Svm(svm) => {
                let sysvar = svm.get_account(&solana_sdk::sysvar::rent::ID).expect("rent sysvar");
                bincode::deserialize(&sysvar.data).expect("rent sysvar layout")
            }
        }
    }

    /// Writes an account directly (genesis-style set-up that no instruction could make).
    pub fn set_account(&mut self, address: Pubkey, account: Account) {
        match self {
            Runtime::Bank(ctx) => ctx.set_account(&address, &account.into()),
            Runtime::Svm(svm) => svm.set_account(address, to_svm(&account)).unwrap(),
        }
    }

    pub async fn slot(&mut self) -> u64 {
        self.clock().await.slot
    }

    /// Moves to a later slot (lookup-table addresses become usable the slot after they
    /// were added).
    pub async fn warp_to_slot(&mut self, slot: u64) {
        match self {
            Runtime::Bank(ctx) => ctx.warp_to_slot(slot).unwrap(),
            Runtime::Svm(svm) => svm.warp_to_slot(slot),
        }
    }
}

fn bank_error(e: BanksClientError) -> TransactionError {
    e.unwrap()
}

/// `target/sbf`, where `./scripts/sbf/build.sh` puts the `.so` files.
fn sbf_dir() -> std::path::PathBuf {
    std::env::var_os("AGENTPAD_SBF_DIR")
        .map(Into::into)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/sbf"))
}

/// `UpgradeableLoaderState::ProgramData { slot: 0, upgrade_authority_address: Some(authority) }`
/// followed by the program's ELF.
pub fn program_data_account(authority: &Pubkey, elf: &[u8]) -> Account {
    let mut data = vec![3, 0, 0, 0];
    data.extend_from_slice(&0u64.to_le_bytes());
    data.push(1);
    data.extend_from_slice(authority.as_ref());
    data.extend_from_slice(elf);
    let lamports = Rent::default().minimum_balance(data.len());
    Account { lamports, data, owner: bpf_loader_upgradeable::ID, executable: false, rent_epoch: 0 }
}

/// The wSOL mint as every cluster has it since genesis.
fn native_mint() -> Account {
    let mut data = vec![0u8; 82];
    data[44] = 9; // decimals
    data[45] = 1; // initialized
    Account { lamports: 1_461_600, data, owner: anchor_spl::token::ID, executable: false, rent_epoch: 0 }
}

// LiteSVM speaks the Solana 4.x SDK types; the suite the 3.x ones. Pubkeys, instructions,
// clocks and errors are the same types in both; accounts and transactions convert.
fn to_svm(a: &Account) -> solana_account_v4::Account {
    solana_account_v4::Account { lamports: a.lamports, data: a.data.clone(), owner: a.owner, executable: a.executable, rent_epoch: a.rent_epoch }
}

fn to_svm_tx(tx: &VersionedTransaction) -> solana_transaction_v4::versioned::VersionedTransaction {
    // Same wire format: serialize with one version, read with the other.
    bincode::deserialize(&bincode::serialize(tx).expect("serialize transaction")).expect("transaction wire format")
}
