//! Recording a native run for replay on sBPF.
//!
//! With `AGENTPAD_TRACE=<file>` set, [`Env`](crate::Env) records every transaction it
//! processes — its instructions, the keys that signed it, the bank's clock, and whether it
//! succeeded (and with which error) — and, when the run ends, a snapshot of every account
//! any recorded transaction could write. `scripts/sbf/runner` replays the trace on the
//! `.so` files in LiteSVM: each transaction must end the same way, the final accounts must
//! be byte-identical, and it reports compute units per instruction.

use anchor_lang::solana_program::instruction::Instruction;
use base64::Engine;
use serde_json::{Value, json};
use solana_sdk::{clock::Clock, pubkey::Pubkey, signature::Keypair};

use crate::env::TxError;

#[derive(Default)]
pub struct Trace {
    pub path: String,
    pub steps: Vec<Value>,
    /// Accounts the replay must pre-load (what the native bank was given at genesis).
    pub preload: Vec<Value>,
    pub writable: Vec<Pubkey>,
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

impl Trace {
    pub fn from_env() -> Option<Trace> {
        std::env::var("AGENTPAD_TRACE").ok().map(|path| Trace { path, ..Default::default() })
    }

    pub fn preload(&mut self, address: &Pubkey, account: &solana_sdk::account::Account) {
        self.preload.push(json!({
            "address": address.to_string(),
            "lamports": account.lamports,
            "owner": account.owner.to_string(),
            "data": b64(&account.data),
        }));
    }

    pub fn record(&mut self, ixs: &[Instruction], payer: &Keypair, signers: &[&Keypair], clock: &Clock, result: &Result<(), TxError>) {
        let instructions: Vec<Value> = ixs
            .iter()
            .map(|ix| {
                for meta in &ix.accounts {
                    if meta.is_writable && !self.writable.contains(&meta.pubkey) {
                        self.writable.push(meta.pubkey);
                    }
                }
                json!({
                    "program": ix.program_id.to_string(),
                    "accounts": ix.accounts.iter().map(|m| json!([m.pubkey.to_string(), m.is_signer, m.is_writable])).collect::<Vec<_>>(),
                    "data": b64(&ix.data),
                })
            })
            .collect();
        let outcome = match result {
            Ok(()) => json!("ok"),
            Err(TxError::Custom(code)) => json!({ "custom": code }),
            Err(TxError::Other(e)) => json!({ "other": e }),
        };
        self.steps.push(json!({
            "payer": b64(&payer.to_bytes()),
            "signers": signers.iter().map(|k| b64(&k.to_bytes())).collect::<Vec<_>>(),
            "clock": { "slot": clock.slot, "unix_timestamp": clock.unix_timestamp, "epoch": clock.epoch,
                       "epoch_start_timestamp": clock.epoch_start_timestamp, "leader_schedule_epoch": clock.leader_schedule_epoch },
            "instructions": instructions,
            "outcome": outcome,
        }));
    }

    /// Writes the trace with the final state of every writable account except `payer`
    /// (fees make its balance backend-specific).
    pub fn write(&self, final_accounts: Vec<(Pubkey, Option<solana_sdk::account::Account>)>, payer: &Pubkey) {
        let finals: Vec<Value> = final_accounts
            .into_iter()
            .filter(|(k, _)| k != payer)
            .map(|(k, acc)| match acc {
                Some(a) => json!({ "address": k.to_string(), "lamports": a.lamports, "owner": a.owner.to_string(), "data": b64(&a.data) }),
                None => json!({ "address": k.to_string(), "closed": true }),
            })
            .collect();
        let doc = json!({ "preload": self.preload, "steps": self.steps, "final": finals, "payer": payer.to_string() });
        std::fs::write(&self.path, serde_json::to_vec(&doc).unwrap()).expect("write trace");
    }
}
