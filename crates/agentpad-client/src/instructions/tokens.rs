//! The token-program instructions a client needs around agentpad's: ATAs, minting, wSOL.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_spl::token_2022::spl_token_2022;

use crate::pda;

pub fn create_ata(payer: &Pubkey, owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Instruction {
    anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent(
        payer,
        owner,
        mint,
        token_program,
    )
}

pub fn mint_to(token_program: &Pubkey, mint: &Pubkey, to: &Pubkey, authority: &Pubkey, amount: u64) -> Instruction {
    spl_token_2022::instruction::mint_to(token_program, mint, to, authority, &[], amount).unwrap()
}

/// Wraps `lamports` into `owner`'s wSOL ATA (creating it).
pub fn wrap_sol(payer: &Pubkey, owner: &Pubkey, lamports: u64) -> Vec<Instruction> {
    let wsol = anchor_spl::token::spl_token::native_mint::ID;
    let ata = pda::ata(owner, &wsol, &anchor_spl::token::ID);
    vec![
        create_ata(payer, owner, &wsol, &anchor_spl::token::ID),
        anchor_lang::solana_program::system_instruction::transfer(owner, &ata, lamports),
        spl_token_2022::instruction::sync_native(&anchor_spl::token::ID, &ata).unwrap(),
    ]
}
