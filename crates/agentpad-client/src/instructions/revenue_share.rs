//! revenue-share: staking, unstaking, claims, reward mints.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_lang::system_program;

use super::ix;
use crate::pda::{self, revenue_share as st};

fn event_authority() -> Pubkey {
    pda::event_authority(&revenue_share::ID)
}

pub fn stake(owner: &Pubkey, agent_mint: &Pubkey, amount: u64) -> Instruction {
    let pool = st::pool(agent_mint);
    ix(
        revenue_share::ID,
        revenue_share::accounts::Stake {
            owner: *owner,
            stake_pool: pool,
            position: st::position(&pool, owner),
            owner_token_account: pda::ata(owner, agent_mint, &anchor_spl::token_2022::ID),
            stake_vault: st::vault(&pool),
            agent_mint: *agent_mint,
            token_program: anchor_spl::token_2022::ID,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: revenue_share::ID,
        },
        revenue_share::instruction::Stake { amount },
    )
}

/// `request_unstake` by `signer` on `position_owner`'s position.
pub fn request_unstake(signer: &Pubkey, position_owner: &Pubkey, agent_mint: &Pubkey, amount: u64) -> Instruction {
    let pool = st::pool(agent_mint);
    ix(
        revenue_share::ID,
        revenue_share::accounts::RequestUnstake {
            staker: own_position(signer, &pool, position_owner),
            event_authority: event_authority(),
            program: revenue_share::ID,
        },
        revenue_share::instruction::RequestUnstake { amount },
    )
}

/// `signer` acting on `position_owner`'s position in `pool` (the program refuses unless
/// they are the same key; tests pass another to show it).
pub fn own_position(signer: &Pubkey, pool: &Pubkey, position_owner: &Pubkey) -> revenue_share::accounts::OwnPosition {
    revenue_share::accounts::OwnPosition { owner: *signer, stake_pool: *pool, position: st::position(pool, position_owner) }
}

pub fn withdraw(owner: &Pubkey, agent_mint: &Pubkey) -> Instruction {
    let pool = st::pool(agent_mint);
    ix(
        revenue_share::ID,
        revenue_share::accounts::Withdraw {
            staker: own_position(owner, &pool, owner),
            destination: pda::ata(owner, agent_mint, &anchor_spl::token_2022::ID),
            stake_vault: st::vault(&pool),
            agent_mint: *agent_mint,
            token_program: anchor_spl::token_2022::ID,
            event_authority: event_authority(),
            program: revenue_share::ID,
        },
        revenue_share::instruction::Withdraw {},
    )
}

/// `claim` by `signer` on `position_owner`'s position, for each `(reward mint, reward
/// vault, destination, token program)`.
pub fn claim(signer: &Pubkey, position_owner: &Pubkey, agent_mint: &Pubkey, rewards: &[(Pubkey, Pubkey, Pubkey, Pubkey)]) -> Instruction {
    let pool = st::pool(agent_mint);
    let mut i = ix(
        revenue_share::ID,
        revenue_share::accounts::Claim {
            staker: own_position(signer, &pool, position_owner),
            event_authority: event_authority(),
            program: revenue_share::ID,
        },
        revenue_share::instruction::Claim {},
    );
    for (mint, vault, destination, token_program) in rewards {
        i.accounts.extend([
            AccountMeta::new_readonly(*mint, false),
            AccountMeta::new(*vault, false),
            AccountMeta::new(*destination, false),
            AccountMeta::new_readonly(*token_program, false),
        ]);
    }
    i
}

/// The claim group of `reward_mint` paid to `owner`'s ATA.
pub fn reward(owner: &Pubkey, agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey) -> (Pubkey, Pubkey, Pubkey, Pubkey) {
    let pool = st::pool(agent_mint);
    (*reward_mint, st::reward_vault(&pool, reward_mint), pda::ata(owner, reward_mint, token_program), *token_program)
}

pub fn close_position(owner: &Pubkey, agent_mint: &Pubkey) -> Instruction {
    let pool = st::pool(agent_mint);
    ix(
        revenue_share::ID,
        revenue_share::accounts::ClosePosition {
            staker: own_position(owner, &pool, owner),
            event_authority: event_authority(),
            program: revenue_share::ID,
        },
        revenue_share::instruction::ClosePosition {},
    )
}

pub fn add_reward_mint(creator: &Pubkey, agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey) -> Instruction {
    let pool = st::pool(agent_mint);
    ix(
        revenue_share::ID,
        revenue_share::accounts::AddRewardMint {
            creator: *creator,
            agent: pda::agent_factory::agent(agent_mint),
            stake_pool: pool,
            reward_mint: *reward_mint,
            reward_vault: st::reward_vault(&pool, reward_mint),
            reward_token_program: *token_program,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: revenue_share::ID,
        },
        revenue_share::instruction::AddRewardMint {},
    )
}

/// `notify_reward` called directly by `signer` (only fee-aggregator's vault PDA may).
pub fn notify_reward(signer: &Pubkey, source: Pubkey, agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey, amount: u64) -> Instruction {
    let pool = st::pool(agent_mint);
    ix(
        revenue_share::ID,
        revenue_share::accounts::NotifyReward {
            aggregator_vault: *signer,
            source,
            stake_pool: pool,
            reward_vault: st::reward_vault(&pool, reward_mint),
            reward_mint: *reward_mint,
            token_program: *token_program,
            event_authority: event_authority(),
            program: revenue_share::ID,
        },
        revenue_share::instruction::NotifyReward { amount },
    )
}
