//! Ready-made states: a configured protocol with a quote mint and a preset, launched
//! agents, funded traders.

use anchor_spl::token_2022::spl_token_2022;
use bonding_curve::state::{Pool, PoolParams};
use solana_sdk::{pubkey::Pubkey, signature::{Keypair, Signer}};

use crate::accounts::{self as addr, PoolKeys};
use crate::env::{Env, TxError};
use crate::ix::{self, Launch, TestExtension};
use crate::presets;

/// The standard preset id used by fixtures.
pub const PRESET: u16 = 0;

pub struct Protocol {
    pub quote_mint: Pubkey,
    pub quote_token_program: Pubkey,
    /// Mint authority of the test quote mint.
    pub quote_authority: Keypair,
    pub fee_recipient: Keypair,
    pub params: PoolParams,
}

impl Env {
    /// Config initialised by the admin, a 9-decimal quote mint under `quote_token_program`
    /// and preset [`PRESET`] with [`presets::standard`] for it.
    pub async fn setup_protocol_with(&mut self, quote_token_program: Pubkey, extensions: &[TestExtension]) -> Protocol {
        let quote_authority = Keypair::new();
        let quote_mint = self.create_mint(&quote_authority.pubkey(), 9, &quote_token_program, extensions).await;
        self.setup_protocol_for(quote_mint, quote_token_program, quote_authority).await
    }

    /// Config and preset [`PRESET`] for an existing quote mint (e.g. wSOL).
    pub async fn setup_protocol_for(&mut self, quote_mint: Pubkey, quote_token_program: Pubkey, quote_authority: Keypair) -> Protocol {
        let fee_recipient = Keypair::new();
        let admin = self.admin.insecure_clone();
        self.send(&[ix::initialize_config(&admin.pubkey(), fee_recipient.pubkey())], &[&admin]).await.unwrap();
        let params = presets::standard();
        self.send(&[ix::create_preset(&admin.pubkey(), PRESET, &quote_mint, params)], &[&admin]).await.unwrap();
        Protocol { quote_mint, quote_token_program, quote_authority, fee_recipient, params }
    }

    pub async fn setup_protocol(&mut self) -> Protocol {
        self.setup_protocol_with(anchor_spl::token::ID, &[]).await
    }

    pub async fn create_mint(&mut self, authority: &Pubkey, decimals: u8, token_program: &Pubkey, extensions: &[TestExtension]) -> Pubkey {
        let mint = Keypair::new();
        let rent = self.ctx.banks_client.get_rent().await.unwrap();
        let payer = self.payer().pubkey();
        let ixs = ix::create_mint(&payer, &mint.pubkey(), authority, decimals, token_program, extensions, &rent);
        self.send(&ixs, &[&mint]).await.unwrap();
        mint.pubkey()
    }

    /// Creates `owner`'s quote ATA and mints `amount` into it.
    pub async fn fund_quote(&mut self, protocol: &Protocol, owner: &Pubkey, amount: u64) -> Pubkey {
        let payer = self.payer().pubkey();
        let tp = protocol.quote_token_program;
        let ata = addr::ata(owner, &protocol.quote_mint, &tp);
        let auth = protocol.quote_authority.insecure_clone();
        self.send(&[ix::create_ata(&payer, owner, &protocol.quote_mint, &tp)], &[]).await.unwrap();
        if amount > 0 {
            self.send(&[ix::mint_to(&tp, &protocol.quote_mint, &ata, &auth.pubkey(), amount)], &[&auth]).await.unwrap();
        }
        ata
    }

    /// A funded trader with quote and an (empty) agent-token ATA for `keys`' pool.
    pub async fn trader(&mut self, protocol: &Protocol, keys: &PoolKeys, quote: u64) -> Keypair {
        let user = self.new_user(10_000_000_000).await;
        self.fund_quote(protocol, &user.pubkey(), quote).await;
        self.create_base_ata(keys, &user.pubkey()).await;
        user
    }

    /// Wraps `lamports` of `owner`'s SOL into its wSOL ATA.
    pub async fn wrap_sol(&mut self, owner: &Keypair, lamports: u64) -> Pubkey {
        let payer = self.payer().pubkey();
        self.send(&ix::wrap_sol(&payer, &owner.pubkey(), lamports), &[owner]).await.unwrap();
        addr::ata(&owner.pubkey(), &anchor_spl::token::spl_token::native_mint::ID, &anchor_spl::token::ID)
    }

    pub async fn create_base_ata(&mut self, keys: &PoolKeys, owner: &Pubkey) -> Pubkey {
        let payer = self.payer().pubkey();
        self.send(&[ix::create_ata(&payer, owner, &keys.base_mint, &spl_token_2022::ID)], &[]).await.unwrap();
        keys.base_ata(owner)
    }

    /// Launches an agent for `creator` on preset [`PRESET`]; `first_buy` spends that much
    /// quote from the creator's quote ATA in the same instruction.
    pub async fn try_launch(&mut self, protocol: &Protocol, creator: &Keypair, first_buy: Option<u64>) -> Result<PoolKeys, TxError> {
        let mint = Keypair::new();
        let launch = Launch {
            creator: creator.pubkey(),
            mint: mint.pubkey(),
            preset_id: PRESET,
            quote_mint: protocol.quote_mint,
            quote_token_program: protocol.quote_token_program,
            name: "Agent Smith",
            symbol: "SMITH",
            uri: "https://agentpad.example/agents/smith.json",
            first_buy: first_buy.map(|a| (a, addr::ata(&creator.pubkey(), &protocol.quote_mint, &protocol.quote_token_program))),
        };
        self.send(&[ix::launch_agent(&launch)], &[creator, &mint]).await?;
        Ok(PoolKeys::for_mint(mint.pubkey(), protocol.quote_mint, protocol.quote_token_program))
    }

    pub async fn launch(&mut self, protocol: &Protocol, creator: &Keypair) -> PoolKeys {
        self.try_launch(protocol, creator, None).await.unwrap()
    }

    pub async fn pool(&mut self, keys: &PoolKeys) -> Pool {
        self.zero_copy::<Pool>(keys.pool).await
    }
}
