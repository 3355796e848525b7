//! The endpoint instructions fee-aggregator sends LayerZero (`fee_aggregator::lz::ix`), for
//! fixed inputs against LayerZero's real endpoint id, written to
//! `tests/fixtures/lz-endpoint-abi.json`. `tests/lz_abi.ts` compares that file, and the
//! SDK's own lists, with what LayerZero's `@layerzerolabs/lz-solana-sdk-v2` builds.
//! `AGENTPAD_BLESS=1 cargo test -p agentpad-tests --test lz_abi` rewrites the file.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use fee_aggregator::lz::{self, ClearComposeParams, ClearParams, EndpointPdas};
use serde_json::{json, Value};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/lz-endpoint-abi.json");

fn key(seed: u8) -> Pubkey {
    Pubkey::new_from_array([seed; 32])
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The instruction, and the accounts an OApp passes on for its CPI (`lz::cpi_accounts`: the
/// tails of the `lz_*_types` lists).
fn instruction(ix: &Instruction) -> Value {
    json!({
        "programId": ix.program_id.to_string(),
        "accounts": ix.accounts.iter().map(|m| json!([m.pubkey.to_string(), m.is_signer, m.is_writable])).collect::<Vec<_>>(),
        "data": hex(&ix.data),
        "cpiAccounts": lz::cpi_accounts(ix).iter().map(|a| json!([a.pubkey.to_string(), a.is_signer, a.is_writable])).collect::<Vec<_>>(),
    })
}

fn generate() -> Value {
    let endpoint: Pubkey = "76y77prsiCMvXMjuoZ5VRrhG5qYBrUMYTE5WgHqgjEn6".parse().unwrap();
    let (payer, store, delegate, from) = (key(1), key(2), key(3), key(4));
    let sender = [0xbau8; 32];
    let guid = [0x9du8; 32];
    let message = b"agentpad: a message through LayerZero".to_vec();
    let clear = ClearParams { receiver: store, src_eid: 30184, sender, nonce: 4242, guid, message: message.clone() };
    let compose = ClearComposeParams { from, guid, index: 3, message: message.clone() };
    let p = EndpointPdas { endpoint: &endpoint };
    json!({
        "inputs": {
            "endpoint": endpoint.to_string(), "payer": payer.to_string(), "store": store.to_string(),
            "delegate": delegate.to_string(), "from": from.to_string(), "srcEid": 30184, "sender": hex(&sender),
            "nonce": 4242, "guid": hex(&guid), "index": 3, "message": hex(&message),
        },
        "pdas": {
            "settings": p.settings().to_string(),
            "eventAuthority": p.event_authority().to_string(),
            "oappRegistry": p.oapp_registry(&store).to_string(),
            "nonce": p.nonce(&store, 30184, &sender).to_string(),
            "payloadHash": p.payload_hash(&store, 30184, &sender, 4242).to_string(),
            "composedMessage": p.composed_message(&from, &store, &guid, 3, &message).to_string(),
        },
        "instructions": {
            "registerOapp": instruction(&lz::ix::register_oapp(&endpoint, &payer, &store, delegate)),
            "setDelegate": instruction(&lz::ix::set_delegate(&endpoint, &store, delegate)),
            "clear": instruction(&lz::ix::clear(&endpoint, &clear)),
            "clearCompose": instruction(&lz::ix::clear_compose(&endpoint, &store, &compose)),
        },
    })
}

#[test]
fn the_endpoint_abi_fixture_is_what_the_program_builds() {
    let generated = serde_json::to_string_pretty(&generate()).unwrap() + "\n";
    if std::env::var_os("AGENTPAD_BLESS").is_some() {
        std::fs::write(FIXTURE, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(FIXTURE).unwrap_or_default();
    assert!(
        committed == generated,
        "{FIXTURE} is not what fee_aggregator::lz::ix builds: rerun with AGENTPAD_BLESS=1 (and check tests/lz_abi.ts)"
    );
}
