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
