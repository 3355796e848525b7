//! The shared id table, each program's `declare_id!`, Anchor.toml and the committed
//! keypairs must all agree: a mismatch would make a deployed program reject its own
//! PDAs or its callers.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().parent().unwrap()
}

#[test]
fn ids_agree_everywhere() {
    use agentpad_common::ids;
    assert_eq!(agent_factory::ID, ids::AGENT_FACTORY);
    assert_eq!(bonding_curve::ID, ids::BONDING_CURVE);
    assert_eq!(fee_aggregator::ID, ids::FEE_AGGREGATOR);
    assert_eq!(revenue_share::ID, ids::REVENUE_SHARE);
    assert_eq!(agent_commerce::ID, ids::AGENT_COMMERCE);
    let anchor_toml = std::fs::read_to_string(root().join("Anchor.toml")).unwrap();
    let deployed = [
        ("agent_factory", ids::AGENT_FACTORY),
        ("bonding_curve", ids::BONDING_CURVE),
        ("fee_aggregator", ids::FEE_AGGREGATOR),
        ("revenue_share", ids::REVENUE_SHARE),
        ("agent_commerce", ids::AGENT_COMMERCE),
    ];
    for (name, id) in deployed {
        for cluster in ["localnet", "devnet"] {
            let section = anchor_toml.split(&format!("[programs.{cluster}]")).nth(1).unwrap().split("\n[").next().unwrap();
            assert!(section.contains(&format!("{name} = \"{id}\"")), "Anchor.toml [programs.{cluster}] lacks {name} = {id}");
        }
    }
    // Each deployed program's keypair holds its id.
    for (name, id) in deployed {
        let keypair: Vec<u8> = std::fs::read_to_string(root().join(format!("keys/{name}-keypair.json")))
            .unwrap()
            .trim_matches(|c| c == '[' || c == ']' || c == '\n')
            .split(',')
            .map(|b| b.trim().parse().unwrap())
            .collect();
        assert_eq!(&keypair[32..], id.as_ref(), "keys/{name}-keypair.json does not hold {id}");
    }
}

/// Every compile-time PDA is the runtime's canonical one for its seeds: same address, same
/// bump (so it is off the curve, and signing with the bump works).
#[test]
fn compile_time_pdas_are_the_canonical_pdas_of_their_seeds() {
    use agentpad_common::ids;
    let cases = [
        ("agent-factory launcher", ids::LAUNCHER, ids::LAUNCHER_BUMP, agent_factory::constants::seeds::LAUNCHER, agent_factory::ID),
        ("bonding-curve config", bonding_curve::constants::CONFIG_ADDRESS, bonding_curve::constants::CONFIG_BUMP, bonding_curve::constants::seeds::CONFIG, bonding_curve::ID),
        ("fee-aggregator store", fee_aggregator::constants::STORE_ADDRESS, fee_aggregator::constants::STORE_BUMP, fee_aggregator::constants::seeds::STORE, fee_aggregator::ID),
        ("agent-commerce escrow authority", ids::ESCROW_AUTHORITY, ids::ESCROW_AUTHORITY_BUMP, agent_commerce::constants::seeds::ESCROW_AUTHORITY, agent_commerce::ID),
    ];
    for (name, address, bump, seed, program) in cases {
        let expected = solana_sdk::pubkey::Pubkey::find_program_address(&[seed], &program);
        assert_eq!((address, bump), expected, "{name}: the compile-time PDA is not the canonical one (a new program id needs its bump updated)");
    }
    // A wrong bump gives a different address: the constant really is computed.
    assert_ne!(ids::const_pda(&[agent_factory::constants::seeds::LAUNCHER], ids::LAUNCHER_BUMP - 1, &agent_factory::ID), ids::LAUNCHER);
}
