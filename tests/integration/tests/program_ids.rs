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
    let anchor_toml = std::fs::read_to_string(root().join("Anchor.toml")).unwrap();
    let deployed = [("agent_factory", ids::AGENT_FACTORY), ("bonding_curve", ids::BONDING_CURVE)];
    for (name, id) in deployed {
        for cluster in ["localnet", "devnet"] {
            let section = anchor_toml.split(&format!("[programs.{cluster}]")).nth(1).unwrap().split("\n[").next().unwrap();
            assert!(section.contains(&format!("{name} = \"{id}\"")), "Anchor.toml [programs.{cluster}] lacks {name} = {id}");
        }
    }
    // Keypairs exist for the whole suite, including programs still to come.
    for (name, id) in [("agent_factory", ids::AGENT_FACTORY), ("bonding_curve", ids::BONDING_CURVE), ("fee_aggregator", ids::FEE_AGGREGATOR), ("revenue_share", ids::REVENUE_SHARE)] {
        let keypair: Vec<u8> = std::fs::read_to_string(root().join(format!("keys/{name}-keypair.json")))
            .unwrap()
            .trim_matches(|c| c == '[' || c == ']' || c == '\n')
            .split(',')
            .map(|b| b.trim().parse().unwrap())
            .collect();
        assert_eq!(&keypair[32..], id.as_ref(), "keys/{name}-keypair.json does not hold {id}");
    }
}

#[test]
fn launcher_pda_matches_the_factory_seeds() {
    let (expected, _) = solana_sdk::pubkey::Pubkey::find_program_address(&[agent_factory::constants::seeds::LAUNCHER], &agent_factory::ID);
    assert_eq!(agentpad_common::ids::launcher_address().0, expected);
}
