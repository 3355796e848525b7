//! A builder for every instruction of the five programs, one module per program.

pub mod agent_commerce;
pub mod agent_factory;
pub mod bonding_curve;
pub mod fee_aggregator;
pub mod revenue_share;
pub mod tokens;

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{InstructionData, ToAccountMetas};

fn ix(program_id: Pubkey, accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction { program_id, accounts: accounts.to_account_metas(None), data: data.data() }
}
