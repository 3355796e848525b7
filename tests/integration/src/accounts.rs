//! Addresses of the suite's accounts, derived exactly as the programs derive them.

use anchor_spl::associated_token::get_associated_token_address_with_program_id;
use bonding_curve::constants::seeds as bc;
use solana_sdk::pubkey::Pubkey;

pub fn program_data(program: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[program.as_ref()], &anchor_lang::solana_program::bpf_loader_upgradeable::ID).0
}

pub fn event_authority(program: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[b"__event_authority"], program).0
}

pub fn bc_config() -> Pubkey {
    Pubkey::find_program_address(&[bc::CONFIG], &bonding_curve::ID).0
}

pub fn preset(id: u16) -> Pubkey {
    Pubkey::find_program_address(&[bc::PRESET, &id.to_le_bytes()], &bonding_curve::ID).0
}

pub fn pool(base_mint: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[bc::POOL, base_mint.as_ref()], &bonding_curve::ID).0
}

pub fn base_vault(pool: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[bc::BASE_VAULT, pool.as_ref()], &bonding_curve::ID).0
}

pub fn quote_vault(pool: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[bc::QUOTE_VAULT, pool.as_ref()], &bonding_curve::ID).0
}

pub fn agent(mint: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[agent_factory::constants::seeds::AGENT, mint.as_ref()], &agent_factory::ID).0
}

pub fn launcher() -> Pubkey {
    Pubkey::find_program_address(&[agent_factory::constants::seeds::LAUNCHER], &agent_factory::ID).0
}

pub fn ata(owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
    get_associated_token_address_with_program_id(owner, mint, token_program)
}

/// Everything a trade or claim names about one pool.
#[derive(Debug, Clone, Copy)]
pub struct PoolKeys {
    pub pool: Pubkey,
    pub base_mint: Pubkey,
    pub quote_mint: Pubkey,
    pub base_vault: Pubkey,
    pub quote_vault: Pubkey,
    pub quote_token_program: Pubkey,
    pub agent: Pubkey,
}

impl PoolKeys {
    pub fn for_mint(base_mint: Pubkey, quote_mint: Pubkey, quote_token_program: Pubkey) -> Self {
        let pool = pool(&base_mint);
        PoolKeys {
            pool,
            base_mint,
            quote_mint,
            base_vault: base_vault(&pool),
            quote_vault: quote_vault(&pool),
            quote_token_program,
            agent: agent(&base_mint),
        }
    }

    /// `owner`'s agent-token ATA.
    pub fn base_ata(&self, owner: &Pubkey) -> Pubkey {
        ata(owner, &self.base_mint, &anchor_spl::token_2022::ID)
    }

    /// `owner`'s quote ATA.
    pub fn quote_ata(&self, owner: &Pubkey) -> Pubkey {
        ata(owner, &self.quote_mint, &self.quote_token_program)
    }
}

/// fee-aggregator and LayerZero endpoint (mock) addresses.
pub mod fees {
    use fee_aggregator::constants::seeds as fa;
    use solana_sdk::pubkey::Pubkey;

    fn pda(seeds: &[&[u8]]) -> Pubkey {
        Pubkey::find_program_address(seeds, &fee_aggregator::ID).0
    }

    pub fn store() -> Pubkey {
        pda(&[fa::STORE])
    }

    pub fn peer(src_eid: u32) -> Pubkey {
        pda(&[fa::PEER, store().as_ref(), &src_eid.to_be_bytes()])
    }

    pub fn vault(agent_mint: &Pubkey, reward_mint: &Pubkey) -> Pubkey {
        pda(&[fa::VAULT, agent_mint.as_ref(), reward_mint.as_ref()])
    }

    pub fn vault_tokens(vault: &Pubkey) -> Pubkey {
        pda(&[fa::VAULT_TOKENS, vault.as_ref()])
    }

    pub fn oft(reward_mint: &Pubkey) -> Pubkey {
        pda(&[fa::OFT, reward_mint.as_ref()])
    }

    /// The store's token account an OFT delivers `reward_mint` to.
    pub fn composer_tokens(reward_mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
        super::ata(&store(), reward_mint, token_program)
    }

    pub fn lz_receive_types() -> Pubkey {
        pda(&[fa::LZ_RECEIVE_TYPES, store().as_ref()])
    }

    pub fn lz_compose_types() -> Pubkey {
        pda(&[fa::LZ_COMPOSE_TYPES, store().as_ref()])
    }

    pub fn receipt(src_eid: u32, report_id: u64) -> Pubkey {
        pda(&[fa::RECEIPT, &src_eid.to_be_bytes(), &report_id.to_be_bytes()])
    }

    pub fn policy(agent_mint: &Pubkey) -> Pubkey {
        pda(&[fa::POLICY, agent_mint.as_ref()])
    }

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
    use revenue_share::constants::seeds as rs;
    use solana_sdk::pubkey::Pubkey;

    fn pda(seeds: &[&[u8]]) -> Pubkey {
        Pubkey::find_program_address(seeds, &revenue_share::ID).0
    }

    pub fn pool(agent_mint: &Pubkey) -> Pubkey {
        pda(&[rs::STAKE_POOL, agent_mint.as_ref()])
    }

    pub fn vault(pool: &Pubkey) -> Pubkey {
        pda(&[rs::STAKE_VAULT, pool.as_ref()])
    }

    pub fn reward_vault(pool: &Pubkey, reward_mint: &Pubkey) -> Pubkey {
        pda(&[rs::REWARD_VAULT, pool.as_ref(), reward_mint.as_ref()])
    }

    pub fn position(pool: &Pubkey, owner: &Pubkey) -> Pubkey {
        pda(&[rs::POSITION, pool.as_ref(), owner.as_ref()])
    }
}
