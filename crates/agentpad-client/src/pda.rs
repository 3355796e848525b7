//! Every agentpad address, derived exactly as the programs derive it: one module per
//! program (the TS SDK's `pda.ts` has the same four), plus the keys of one agent's pool.

use anchor_lang::prelude::Pubkey;
use anchor_spl::associated_token::get_associated_token_address_with_program_id;

/// An upgradeable program's ProgramData account (where its upgrade authority is kept).
pub fn program_data(program: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[program.as_ref()], &anchor_lang::solana_program::bpf_loader_upgradeable::ID).0
}

/// A program's `emit_cpi!` event authority.
pub fn event_authority(program: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[b"__event_authority"], program).0
}

pub fn ata(owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
    get_associated_token_address_with_program_id(owner, mint, token_program)
}

pub mod bonding_curve {
    use anchor_lang::prelude::Pubkey;
    use bonding_curve::constants::seeds;

    fn pda(seeds: &[&[u8]]) -> Pubkey {
        Pubkey::find_program_address(seeds, &bonding_curve::ID).0
    }

    /// A compile-time constant of the program (its seeds are fixed).
    pub fn config() -> Pubkey {
        bonding_curve::constants::CONFIG_ADDRESS
    }

    pub fn preset(id: u16) -> Pubkey {
        pda(&[seeds::PRESET, &id.to_le_bytes()])
    }

    pub fn pool(base_mint: &Pubkey) -> Pubkey {
        pda(&[seeds::POOL, base_mint.as_ref()])
    }

    pub fn base_vault(pool: &Pubkey) -> Pubkey {
        pda(&[seeds::BASE_VAULT, pool.as_ref()])
    }

    pub fn quote_vault(pool: &Pubkey) -> Pubkey {
        pda(&[seeds::QUOTE_VAULT, pool.as_ref()])
    }
}

pub mod agent_factory {
    use anchor_lang::prelude::Pubkey;

    /// The agent record of `mint`.
    pub fn agent(mint: &Pubkey) -> Pubkey {
        Pubkey::find_program_address(&[agent_factory::constants::seeds::AGENT, mint.as_ref()], &agent_factory::ID).0
    }

    /// The signer-only PDA that is the only key `create_pool` accepts (a compile-time
    /// constant).
    pub fn launcher() -> Pubkey {
        agentpad_common::ids::LAUNCHER
    }
}

pub mod fee_aggregator {
    use anchor_lang::prelude::Pubkey;
    use fee_aggregator::constants::seeds;

    fn pda(seeds: &[&[u8]]) -> Pubkey {
        Pubkey::find_program_address(seeds, &fee_aggregator::ID).0
    }

    /// The OApp store: the LayerZero receiver (a compile-time constant of the program).
    pub fn store() -> Pubkey {
        fee_aggregator::constants::STORE_ADDRESS
    }

    pub fn peer(src_eid: u32) -> Pubkey {
        pda(&[seeds::PEER, store().as_ref(), &src_eid.to_be_bytes()])
    }

    /// The agent's vault for `reward_mint`.
    pub fn vault(agent_mint: &Pubkey, reward_mint: &Pubkey) -> Pubkey {
        pda(&[seeds::VAULT, agent_mint.as_ref(), reward_mint.as_ref()])
    }

    pub fn vault_tokens(vault: &Pubkey) -> Pubkey {
        pda(&[seeds::VAULT_TOKENS, vault.as_ref()])
    }

    /// A remote agent token's link to its Solana mint (written from a peer's message).
    pub fn link(agent_mint: &Pubkey) -> Pubkey {
        pda(&[seeds::AGENT_LINK, agent_mint.as_ref()])
    }

    pub fn oft(reward_mint: &Pubkey) -> Pubkey {
        pda(&[seeds::OFT, reward_mint.as_ref()])
    }

    /// The store's token account an OFT delivers `reward_mint` to.
    pub fn composer_tokens(reward_mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
        super::ata(&store(), reward_mint, token_program)
    }

    pub fn lz_receive_types() -> Pubkey {
        pda(&[seeds::LZ_RECEIVE_TYPES, store().as_ref()])
    }

    pub fn lz_compose_types() -> Pubkey {
        pda(&[seeds::LZ_COMPOSE_TYPES, store().as_ref()])
    }

    pub fn receipt(src_eid: u32, report_id: u64) -> Pubkey {
        pda(&[seeds::RECEIPT, &src_eid.to_be_bytes(), &report_id.to_be_bytes()])
    }

    pub fn policy(agent_mint: &Pubkey) -> Pubkey {
        pda(&[seeds::POLICY, agent_mint.as_ref()])
    }
}

pub mod revenue_share {
    use anchor_lang::prelude::Pubkey;
    use revenue_share::constants::seeds;

    fn pda(seeds: &[&[u8]]) -> Pubkey {
        Pubkey::find_program_address(seeds, &revenue_share::ID).0
    }

    pub fn pool(agent_mint: &Pubkey) -> Pubkey {
        pda(&[seeds::STAKE_POOL, agent_mint.as_ref()])
    }

    pub fn vault(pool: &Pubkey) -> Pubkey {
        pda(&[seeds::STAKE_VAULT, pool.as_ref()])
    }

    pub fn reward_vault(pool: &Pubkey, reward_mint: &Pubkey) -> Pubkey {
        pda(&[seeds::REWARD_VAULT, pool.as_ref(), reward_mint.as_ref()])
    }

    pub fn position(pool: &Pubkey, owner: &Pubkey) -> Pubkey {
        pda(&[seeds::POSITION, pool.as_ref(), owner.as_ref()])
    }
}

pub mod agent_commerce {
    use agent_commerce::constants::seeds;
    use anchor_lang::prelude::Pubkey;

    fn pda(seeds: &[&[u8]]) -> Pubkey {
        Pubkey::find_program_address(seeds, &agent_commerce::ID).0
    }

    pub fn operator(agent_mint: &Pubkey) -> Pubkey {
        pda(&[seeds::OPERATOR, agent_mint.as_ref()])
    }

    pub fn job(client: &Pubkey, id: u64) -> Pubkey {
        pda(&[seeds::JOB, client.as_ref(), &id.to_le_bytes()])
    }

    pub fn escrow(job: &Pubkey) -> Pubkey {
        pda(&[seeds::ESCROW, job.as_ref()])
    }
}

/// Everything a trade or claim names about one agent's pool.
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
        let pool = bonding_curve::pool(&base_mint);
        PoolKeys {
            pool,
            base_mint,
            quote_mint,
            base_vault: bonding_curve::base_vault(&pool),
            quote_vault: bonding_curve::quote_vault(&pool),
            quote_token_program,
            agent: agent_factory::agent(&base_mint),
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
