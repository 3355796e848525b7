//! agent-factory: the one-transaction launch (mint, metadata, authorities, supply, pool,
//! record, first buy), its input checks, the two-step creator transfer and creator fees.
#![allow(deprecated)]

use agent_factory::error::AgentFactoryError as AE;
use agent_factory::event::AgentLaunched;
use agent_factory::state::Agent;
use agentpad_tests::accounts::{self as addr, PoolKeys};
use agentpad_tests::fixtures::{PRESET, Protocol};
use agentpad_tests::ix::{self, Launch};
use agentpad_tests::presets::QUOTE;
use agentpad_tests::{Env, af_err, anchor_err, bc_err, decode_event};
use anchor_spl::token_2022::spl_token_2022::{
    self,
    extension::{BaseStateWithExtensions, StateWithExtensions, metadata_pointer::MetadataPointer},
    state::Mint,
};
use anchor_spl::token_interface::spl_token_metadata_interface::state::TokenMetadata;
use bonding_curve::error::BondingCurveError as BE;
use bonding_curve::state::phase;
use solana_sdk::signature::{Keypair, Signer};

fn launch_ix<'a>(protocol: &Protocol, creator: solana_sdk::pubkey::Pubkey, mint: solana_sdk::pubkey::Pubkey, name: &'a str, symbol: &'a str, uri: &'a str) -> Launch<'a> {
    Launch {
        creator,
        mint,
        preset_id: PRESET,
        quote_mint: protocol.quote_mint,
        quote_token_program: protocol.quote_token_program,
        name,
        symbol,
        uri,
        first_buy: None,
        unstake_cooldown: None,
    }
}

#[tokio::test]
async fn launch_creates_a_fixed_supply_token_record_and_pool_in_one_instruction() {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    let mint = Keypair::new();
    let l = launch_ix(&protocol, creator.pubkey(), mint.pubkey(), "Agent Smith", "SMITH", "https://agentpad.example/smith.json");
    let events = env.send_with_events(&[ix::launch_agent(&l)], &[&creator, &mint]).await.unwrap();
    let keys = PoolKeys::for_mint(mint.pubkey(), protocol.quote_mint, protocol.quote_token_program);
    let total = protocol.params.curve_supply + protocol.params.graduated_supply;

    // The mint: Token-2022, 6 decimals, the whole supply, no mint or freeze authority.
    let acc = env.account(mint.pubkey()).await.unwrap();
    assert_eq!(acc.owner, spl_token_2022::ID);
    let state = StateWithExtensions::<Mint>::unpack(&acc.data).unwrap();
    assert_eq!(state.base.decimals, 6);
    assert_eq!(state.base.supply, total);
    assert!(state.base.mint_authority.is_none() && state.base.freeze_authority.is_none());
    // Metadata on the mint itself, immutable, with the creator as an additional field.
    let pointer = state.get_extension::<MetadataPointer>().unwrap();
    assert_eq!(Option::<solana_sdk::pubkey::Pubkey>::from(pointer.metadata_address), Some(mint.pubkey()));
    assert_eq!(Option::<solana_sdk::pubkey::Pubkey>::from(pointer.authority), None);
    let md = state.get_variable_len_extension::<TokenMetadata>().unwrap();
    assert_eq!((md.name.as_str(), md.symbol.as_str(), md.uri.as_str()), ("Agent Smith", "SMITH", "https://agentpad.example/smith.json"));
    assert_eq!(md.additional_metadata, vec![("creator".to_string(), creator.pubkey().to_string())]);
    assert_eq!(Option::<solana_sdk::pubkey::Pubkey>::from(md.update_authority), None);
    assert_eq!(acc.lamports, env.rent().await.minimum_balance(acc.data.len()), "mint exactly rent-exempt");

    // The pool holds every token and snapshots the preset.
    assert_eq!(env.token_balance(keys.base_vault).await, total);
    let pool = env.pool(&keys).await;
    assert_eq!(pool.params, protocol.params);
    assert_eq!((pool.phase, pool.quote_reserve, pool.base_reserve), (phase::CURVE, 0, protocol.params.curve_supply));
    assert_eq!(pool.creator_fee_authority, keys.agent);
    assert_eq!(pool.preset, addr::preset(PRESET));

    // The record.
    let agent: Agent = env.anchor_account(keys.agent).await;
    assert_eq!((agent.mint, agent.pool, agent.creator, agent.preset_id), (mint.pubkey(), keys.pool, creator.pubkey(), PRESET));
    assert_eq!(agent.pending_creator, Default::default());
    let clock = env.clock().await;
    assert_eq!(agent.created_at, clock.unix_timestamp);

    let ev = events.iter().find_map(|e| decode_event::<AgentLaunched>(e)).expect("launch event");
    assert_eq!((ev.mint, ev.pool, ev.creator, ev.total_supply, ev.first_buy_quote_in), (mint.pubkey(), keys.pool, creator.pubkey(), total, 0));
    assert_eq!(ev.symbol, "SMITH");
}

#[tokio::test]
async fn first_buy_executes_in_the_launch_at_the_launch_fee() {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    env.fund_quote(&protocol, &creator.pubkey(), 20 * QUOTE).await;
    let keys = env.try_launch(&protocol, &creator, Some(5 * QUOTE)).await.unwrap();
    let pool = env.pool(&keys).await;
    // Replay the same buy on a fresh market with the launch-second fee (10%).
    let mut fresh = pool.market(&[]).unwrap();
    fresh.reserves = agentpad_math::pool::Reserves { quote: 0, base: protocol.params.curve_supply };
    let expected = fresh.buy_exact_in(5 * QUOTE, 1_000).unwrap();
    assert_eq!(env.token_balance(keys.base_ata(&creator.pubkey())).await, expected.base_amount);
    assert_eq!(env.token_balance(keys.quote_ata(&creator.pubkey())).await, 15 * QUOTE);
    assert_eq!(pool.quote_reserve, expected.reserve_quote_delta);
}

#[tokio::test]
async fn launch_input_is_checked() {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    let c = creator.pubkey();
    let long_name = "n".repeat(33);
    let long_symbol = "S".repeat(11);
    let long_uri = format!("https://{}", "u".repeat(193));
    let cases: Vec<(&str, &str, &str, AE)> = vec![
        (&long_name, "OK", "https://x", AE::NameTooLong),
        ("Name", &long_symbol, "https://x", AE::SymbolTooLong),
        ("Name", "OK", &long_uri, AE::UriTooLong),
        ("", "OK", "https://x", AE::EmptyMetadataField),
        ("Name", "", "https://x", AE::EmptyMetadataField),
    ];
    for (name, symbol, uri, err) in cases {
        let mint = Keypair::new();
        let l = launch_ix(&protocol, c, mint.pubkey(), name, symbol, uri);
        let keys = PoolKeys::for_mint(mint.pubkey(), protocol.quote_mint, protocol.quote_token_program);
        env.expect_failure(&[ix::launch_agent(&l)], &[&creator, &mint], af_err(err), &[c, mint.pubkey(), keys.agent, keys.pool]).await;
    }
    // The maximum lengths fit in one transaction and launch.
    let mint = Keypair::new();
    let max_uri = format!("https://{}", "u".repeat(192));
    let l = launch_ix(&protocol, c, mint.pubkey(), &long_name[..32], &long_symbol[..10], &max_uri);
    env.send(&[ix::launch_agent(&l)], &[&creator, &mint]).await.unwrap();

    // Unknown preset.
    let mint = Keypair::new();
    let mut l = launch_ix(&protocol, c, mint.pubkey(), "Name", "OK", "https://x");
    l.preset_id = 42;
    env.expect_failure(&[ix::launch_agent(&l)], &[&creator, &mint], af_err(AE::UnknownPreset), &[c, mint.pubkey()]).await;

    // First buy: zero, or without the accounts it needs.
    let quote_ata = env.fund_quote(&protocol, &c, 10 * QUOTE).await;
    let mint = Keypair::new();
    let mut l = launch_ix(&protocol, c, mint.pubkey(), "Name", "OK", "https://x");
    l.first_buy = Some((0, quote_ata));
    env.expect_failure(&[ix::launch_agent(&l)], &[&creator, &mint], af_err(AE::ZeroFirstBuy), &[c, quote_ata, mint.pubkey()]).await;
    let mut bare = ix::launch_agent(&launch_ix(&protocol, c, mint.pubkey(), "Name", "OK", "https://x"));
    let mut data = agent_factory::instruction::LaunchAgent { name: "Name".into(), symbol: "OK".into(), uri: "https://x".into(), preset_id: PRESET, creator_first_buy: Some(QUOTE), unstake_cooldown: None };
    bare.data = anchor_lang::InstructionData::data(&data);
    env.expect_failure(&[bare], &[&creator, &mint], af_err(AE::MissingFirstBuyAccounts), &[c, quote_ata, mint.pubkey()]).await;
    data.creator_first_buy = None;

    // A quote mint other than the preset's.
    let other_quote = env.create_mint(&c, 9, &anchor_spl::token::ID, &[]).await;
    let mint = Keypair::new();
    let mut l = launch_ix(&protocol, c, mint.pubkey(), "Name", "OK", "https://x");
    l.quote_mint = other_quote;
    env.expect_failure(&[ix::launch_agent(&l)], &[&creator, &mint], bc_err(BE::QuoteMintMismatch), &[c, mint.pubkey()]).await;

    // The mint must sign: an existing account cannot be taken over as the agent mint.
    let mint = Keypair::new();
    let l = launch_ix(&protocol, c, mint.pubkey(), "Name", "OK", "https://x");
    let mut unsigned = ix::launch_agent(&l);
    unsigned.accounts[1].is_signer = false;
    env.expect_failure(&[unsigned], &[&creator], anchor_err(anchor_lang::error::ErrorCode::AccountNotSigner), &[c]).await;
}

#[tokio::test]
async fn creator_role_moves_in_two_steps_and_takes_the_fees_with_it() {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    let keys = env.launch(&protocol, &creator).await;
    let trader = env.trader(&protocol, &keys, 50 * QUOTE).await;
    env.send(&[ix::buy_exact_in(ix::swap_accounts(&trader.pubkey(), &keys), 20 * QUOTE, 1)], &[&trader]).await.unwrap();
    let heir = env.new_user(QUOTE).await;
    let stranger = env.new_user(QUOTE).await;
    let (c, h, s) = (creator.pubkey(), heir.pubkey(), stranger.pubkey());
    let old_dest = env.fund_quote(&protocol, &c, 0).await;
    let new_dest = env.fund_quote(&protocol, &h, 0).await;
    let watched = [keys.agent, keys.pool, keys.quote_vault, old_dest, new_dest];

    env.expect_failure(&[ix::propose_creator(&s, &keys.agent, s)], &[&stranger], af_err(AE::NotCreator), &watched).await;
    env.expect_failure(&[ix::propose_creator(&c, &keys.agent, c)], &[&creator], af_err(AE::CreatorUnchanged), &watched).await;
    env.send(&[ix::propose_creator(&c, &keys.agent, h)], &[&creator]).await.unwrap();
    assert_eq!(env.anchor_account::<Agent>(keys.agent).await.pending_creator, h);
    env.expect_failure(&[ix::accept_creator(&s, &keys.agent)], &[&stranger], af_err(AE::NotPendingCreator), &watched).await;
    env.send(&[ix::accept_creator(&h, &keys.agent)], &[&heir]).await.unwrap();
    let agent: Agent = env.anchor_account(keys.agent).await;
    assert_eq!((agent.creator, agent.pending_creator), (h, Default::default()));

    // The old creator can no longer claim; the new one gets exactly the bucket.
    env.expect_failure(&[ix::claim_creator_fees(&c, &keys, old_dest)], &[&creator], af_err(AE::NotCreator), &watched).await;
    let owed = env.pool(&keys).await.creator_fees;
    assert!(owed > 0);
    env.send(&[ix::claim_creator_fees(&h, &keys, new_dest)], &[&heir]).await.unwrap();
    assert_eq!(env.token_balance(new_dest).await, owed);
    assert_eq!(env.pool(&keys).await.creator_fees, 0);
    env.expect_failure(&[ix::claim_creator_fees(&h, &keys, new_dest)], &[&heir], bc_err(BE::NoFeesToClaim), &watched).await;

    // Another agent's pool cannot be drained through this agent's record.
    let other = env.launch(&protocol, &heir).await;
    let mut cross = keys;
    cross.pool = other.pool;
    cross.quote_vault = other.quote_vault;
    env.expect_failure(&[ix::claim_creator_fees(&h, &cross, new_dest)], &[&heir], af_err(AE::PoolMismatch), &watched).await;
}

/// Serialized sizes of a transaction (signature count, signatures, message): as a legacy
/// message, and as a v0 message against the protocol's lookup table.
fn tx_sizes(ixs: &[solana_sdk::instruction::Instruction], payer: &solana_sdk::pubkey::Pubkey, signers: usize, table: Vec<solana_sdk::pubkey::Pubkey>) -> (usize, usize) {
    use solana_sdk::message::{AddressLookupTableAccount, Message, VersionedMessage, v0};
    let legacy = Message::new(ixs, Some(payer)).serialize().len();
    let alt = AddressLookupTableAccount { key: solana_sdk::pubkey::Pubkey::new_unique(), addresses: table };
    let v0 = VersionedMessage::V0(v0::Message::try_compile(payer, ixs, &[alt], Default::default()).unwrap()).serialize().len();
    (1 + 64 * signers + legacy, 1 + 64 * signers + v0)
}

#[test]
fn launch_fits_one_transaction() {
    let protocol = Protocol {
        quote_mint: anchor_spl::token::spl_token::native_mint::ID,
        quote_token_program: anchor_spl::token::ID,
        quote_authority: Keypair::new(),
        fee_recipient: Keypair::new(),
        params: agentpad_tests::presets::standard(),
    };
    let creator = Keypair::new().pubkey();
    let mint = Keypair::new().pubkey();
    let name = "n".repeat(32);
    let symbol = "S".repeat(10);
    let uri = format!("https://{}", "u".repeat(agent_factory::constants::metadata::MAX_URI_LEN as usize - 8));
    let mut l = launch_ix(&protocol, creator, mint, &name, &symbol, &uri);
    l.first_buy = Some((QUOTE, addr::ata(&creator, &protocol.quote_mint, &protocol.quote_token_program)));
    let table = agentpad_tests::fixtures::launch_lookup_addresses(&protocol.quote_mint, &protocol.quote_token_program);
    let (legacy, v0) = tx_sizes(&[ix::launch_agent(&l)], &creator, 2, table);
    println!("launch with maximal metadata and a first buy: {legacy} bytes legacy, {v0} bytes v0 with the protocol lookup table");
    assert!(v0 <= 1_232, "launch needs {v0} bytes");
}
