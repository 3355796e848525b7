-- The indexer's schema (SQLite and PostgreSQL alike).
-- Amounts (u64/u128) are exact decimal TEXT; arithmetic on them happens in JS bigint.
-- DOUBLE PRECISION columns ending in _f are copies for ORDER BY only.
-- `ord` is the ordering key of an event: slot, position of its transaction in the block,
-- event index, fixed-width so that text order is chain order (see src/order.ts).

-- Every transaction seen (failed ones too, without events), and its commitment.
CREATE TABLE txs (
  signature TEXT PRIMARY KEY,
  slot BIGINT NOT NULL,
  tx_index INTEGER,
  block_time BIGINT,
  failed INTEGER NOT NULL,
  commitment TEXT NOT NULL
);
-- What the finalization pass scans: only the rows still "confirmed".
CREATE INDEX txs_unfinalized ON txs (slot) WHERE commitment = 'confirmed';
CREATE INDEX txs_slot ON txs (slot);

-- Every decoded event, keyed by (signature, index within the transaction).
CREATE TABLE events (
  signature TEXT NOT NULL,
  idx INTEGER NOT NULL,
  ord TEXT NOT NULL,
  program TEXT NOT NULL,
  name TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (signature, idx)
);

-- Per program, the newest signature a completed backfill reached.
CREATE TABLE cursors (
  program TEXT PRIMARY KEY,
  signature TEXT NOT NULL,
  slot BIGINT NOT NULL
);

-- Decimals of every mint seen in token balances.
CREATE TABLE mints (
  mint TEXT PRIMARY KEY,
  decimals INTEGER NOT NULL
);

-- One row per agent mint: identity from its launch/registration, the pool's latest state
-- (by ord), counters.
CREATE TABLE agents (
  mint TEXT PRIMARY KEY,
  stake_pool TEXT NOT NULL,
  agent TEXT,
  creator TEXT,
  name TEXT,
  symbol TEXT,
  uri TEXT,
  preset_id INTEGER,
  origin_eid INTEGER,
  total_supply TEXT,
  created_at BIGINT,
  created_slot BIGINT,
  launch_signature TEXT,
  pool TEXT,
  quote_mint TEXT,
  phase INTEGER NOT NULL,
  state_ord TEXT,
  state_signature TEXT,
  price_q64 TEXT,
  quote_reserve TEXT,
  base_reserve TEXT,
  progress_bps INTEGER,
  trades BIGINT NOT NULL,
  price_f DOUBLE PRECISION,
  market_cap_f DOUBLE PRECISION,
  revenue_f DOUBLE PRECISION NOT NULL
);
CREATE INDEX agents_created_at ON agents (created_at);
CREATE INDEX agents_market_cap ON agents (market_cap_f);
CREATE INDEX agents_price ON agents (price_f);
CREATE INDEX agents_progress ON agents (progress_bps);
CREATE INDEX agents_revenue ON agents (revenue_f);
CREATE INDEX agents_stake_pool ON agents (stake_pool);

-- Derived rows of events are keyed by where the API reads them (agent, ord): a transaction
-- is ingested once (txs), so (signature, idx) needs no second index here.
CREATE TABLE trades (
  signature TEXT NOT NULL,
  idx INTEGER NOT NULL,
  ord TEXT NOT NULL,
  mint TEXT NOT NULL,
  slot BIGINT NOT NULL,
  time BIGINT NOT NULL,
  trader TEXT NOT NULL,
  side TEXT NOT NULL,
  base_amount TEXT NOT NULL,
  quote_amount TEXT NOT NULL,
  fee TEXT NOT NULL,
  fee_bps INTEGER NOT NULL,
  price_q64 TEXT NOT NULL,
  progress_bps INTEGER NOT NULL,
  PRIMARY KEY (mint, ord)
);

-- OHLCV per agent, interval (seconds: 60, 3600, 86400) and bucket start. Prices are Q64.64
-- (text); open/close carry the ord of the trade that set them.
CREATE TABLE candles (
  mint TEXT NOT NULL,
  interval_s INTEGER NOT NULL,
  bucket BIGINT NOT NULL,
  open_ord TEXT NOT NULL,
  open_q64 TEXT NOT NULL,
  close_ord TEXT NOT NULL,
  close_q64 TEXT NOT NULL,
  high_q64 TEXT NOT NULL,
  low_q64 TEXT NOT NULL,
  volume_base TEXT NOT NULL,
  volume_quote TEXT NOT NULL,
  trades BIGINT NOT NULL,
  PRIMARY KEY (mint, interval_s, bucket)
);

-- Token accounts' balances after the latest indexed transaction that touched them.
CREATE TABLE balances (
  account TEXT PRIMARY KEY,
  mint TEXT NOT NULL,
  owner TEXT,
  amount TEXT NOT NULL,
  amount_f DOUBLE PRECISION NOT NULL,
  ord TEXT NOT NULL
);
CREATE INDEX balances_mint ON balances (mint, amount_f);

CREATE TABLE stake_pools (
  stake_pool TEXT PRIMARY KEY,
  total_staked TEXT NOT NULL,
  total_ord TEXT NOT NULL
);

-- A position: staked (latest by ord), unstaking (requested minus withdrawn).
CREATE TABLE stakers (
  stake_pool TEXT NOT NULL,
  owner TEXT NOT NULL,
  staked TEXT NOT NULL,
  staked_ord TEXT NOT NULL,
  staked_f DOUBLE PRECISION NOT NULL,
  unstaking TEXT NOT NULL,
  PRIMARY KEY (stake_pool, owner)
);
CREATE INDEX stakers_pool_staked ON stakers (stake_pool, staked_f);
CREATE INDEX stakers_owner ON stakers (owner);

CREATE TABLE claims (
  stake_pool TEXT NOT NULL,
  owner TEXT NOT NULL,
  reward_mint TEXT NOT NULL,
  amount TEXT NOT NULL,
  PRIMARY KEY (stake_pool, owner, reward_mint)
);

-- Revenue credited to an agent's vault per reward mint, source and chain (eid 0: Solana).
CREATE TABLE revenue (
  agent_mint TEXT NOT NULL,
  reward_mint TEXT NOT NULL,
  source TEXT NOT NULL,
  eid INTEGER NOT NULL,
  amount TEXT NOT NULL,
  PRIMARY KEY (agent_mint, reward_mint, source, eid)
);

CREATE TABLE distributions (
  signature TEXT NOT NULL,
  idx INTEGER NOT NULL,
  ord TEXT NOT NULL,
  agent_mint TEXT NOT NULL,
  reward_mint TEXT NOT NULL,
  slot BIGINT NOT NULL,
  time BIGINT,
  holders TEXT NOT NULL,
  creator TEXT NOT NULL,
  protocol TEXT NOT NULL,
  PRIMARY KEY (agent_mint, ord)
);
