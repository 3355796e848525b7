//! Addresses: agentpad's from `agentpad-client` under the names the suites use, plus the
//! LayerZero endpoint stand-in's.

pub use agentpad_client::pda::agent_factory::{agent, launcher};
pub use agentpad_client::pda::bonding_curve::{base_vault, config as bc_config, pool, preset, quote_vault};
pub use agentpad_client::pda::{PoolKeys, ata, event_authority, program_data};

/// fee-aggregator and LayerZero endpoint (stand-in) addresses.
pub mod fees {
    use solana_sdk::pubkey::Pubkey;

    pub use agentpad_client::pda::fee_aggregator::*;

    pub fn endpoint_settings() -> Pubkey {
        Pubkey::find_program_address(&[lz_endpoint_mock::ENDPOINT_SEED], &lz_endpoint_mock::ID).0
    }

    pub fn oapp_registry() -> Pubkey {
        Pubkey::find_program_address(&[lz_endpoint_mock::OAPP_SEED, store().as_ref()], &lz_endpoint_mock::ID).0
    }

    pub fn endpoint_nonce(src_eid: u32, sender: &[u8; 32]) -> Pubkey {
        Pubkey::find_program_address(&[lz_endpoint_mock::NONCE_SEED, store().as_ref(), &src_eid.to_be_bytes(), sender], &lz_endpoint_mock::ID).0
    }

    pub fn payload_hash(src_eid: u32, sender: &[u8; 32], nonce: u64) -> Pubkey {
        Pubkey::find_program_address(
            &[lz_endpoint_mock::PAYLOAD_HASH_SEED, store().as_ref(), &src_eid.to_be_bytes(), sender, &nonce.to_be_bytes()],
            &lz_endpoint_mock::ID,
        )
        .0
    }
}


/// revenue-share addresses.
pub mod stake {
    pub use agentpad_client::pda::revenue_share::*;
}

/// agent-commerce addresses.
pub mod commerce {
    pub use agentpad_client::pda::agent_commerce::*;
}
