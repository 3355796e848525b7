/**
 * An in-process LiteSVM running the programs' sBPF `.so` files: the test backend here (no
 * validator needed) and for integrators' own tests. Programs are installed as upgradeable
 * programs with a chosen upgrade authority, as a `solana program deploy` would leave them,
 * so the upgrade-authority checks of the config instructions run for real.
 */
import { readFileSync } from "node:fs";
import {
  AddressLookupTableAccount, Keypair, PublicKey, SystemProgram, type AccountInfo, type VersionedTransaction,
} from "@solana/web3.js";
import { address, getTransactionDecoder, lamports } from "@solana/kit";
import { FailedTransactionMetadata, LiteSVM } from "litesvm";

import { BPF_LOADER_UPGRADEABLE_ID, NATIVE_MINT, TOKEN_PROGRAM_ID } from "../constants.js";
import { errorFromLogs } from "../errors.js";
import { programData } from "../pda.js";
import type { TransactionSigner } from "../signer.js";
import { resolveInner } from "./common.js";
import type { Backend, Simulation, TxResult } from "./types.js";

const ALT_PROGRAM_ID = new PublicKey("AddressLookupTab1e1111111111111111111111111");
const kitAddress = (k: PublicKey) => address(k.toBase58());

export class LiteSvmBackend implements Backend {
  readonly kind = "litesvm" as const;
  readonly endpoint = "litesvm";
  private readonly decoder = getTransactionDecoder();

  constructor(readonly svm: LiteSVM = new LiteSVM()) {
    // Genesis accounts of real clusters that LiteSVM does not create: the wSOL mint.
    if (!svm.getAccount(kitAddress(NATIVE_MINT)).exists) {
      const mint = Buffer.alloc(82);
      mint[44] = 9; // decimals
      mint[45] = 1; // initialized
      this.setAccount(NATIVE_MINT, { data: mint, owner: TOKEN_PROGRAM_ID, lamports: 1_461_600n });
    }
  }

  /** Installs `soPath` at `programId` as an upgradeable program owned by `upgradeAuthority`. */
  deployUpgradeable(programId: PublicKey, soPath: string, upgradeAuthority: PublicKey) {
    const elf = readFileSync(soPath);
    const dataAddress = programData(programId);
    const header = Buffer.alloc(45);
    header.writeUInt32LE(3, 0); // UpgradeableLoaderState::ProgramData
    header.writeBigUInt64LE(0n, 4); // deployment slot
    header[12] = 1; // Some(upgrade authority)
    upgradeAuthority.toBuffer().copy(header, 13);
    const data = Buffer.concat([header, elf]);
    this.setAccount(dataAddress, { data, owner: BPF_LOADER_UPGRADEABLE_ID, lamports: this.svm.minimumBalanceForRentExemption(BigInt(data.length)) });
    const program = Buffer.alloc(36);
    program.writeUInt32LE(2, 0); // UpgradeableLoaderState::Program
    dataAddress.toBuffer().copy(program, 4);
    this.setAccount(programId, { data: program, owner: BPF_LOADER_UPGRADEABLE_ID, lamports: this.svm.minimumBalanceForRentExemption(36n), executable: true });
  }

  setAccount(key: PublicKey, a: { data: Uint8Array; owner: PublicKey; lamports: bigint; executable?: boolean }) {
    this.svm.setAccount({
      address: kitAddress(key), data: a.data, executable: a.executable ?? false, lamports: lamports(a.lamports),
      programAddress: kitAddress(a.owner), space: BigInt(a.data.length),
    });
  }

  async getAccountInfo(key: PublicKey): Promise<AccountInfo<Buffer> | null> {
    const a = this.svm.getAccount(kitAddress(key));
    if (!a.exists) return null;
    return { data: Buffer.from(a.data), executable: a.executable, lamports: Number(a.lamports), owner: new PublicKey(a.programAddress), rentEpoch: 0 };
  }

  async getMultipleAccountsInfo(keys: PublicKey[]) {
    return Promise.all(keys.map((k) => this.getAccountInfo(k)));
  }

  async getBalance(key: PublicKey) {
    return BigInt(this.svm.getBalance(kitAddress(key)) ?? 0n);
  }

  async minimumBalanceForRentExemption(space: number) {
    return this.svm.minimumBalanceForRentExemption(BigInt(space));
  }

  async unixTimestamp() {
    return this.svm.getClock().unixTimestamp;
  }

  /** Moves the clock (and slot) forward: fee decay, reward drip, unstake cooldowns. */
  warp(seconds: bigint) {
    const clock = this.svm.getClock();
    clock.unixTimestamp += seconds;
    clock.slot += seconds * 5n / 2n + 1n;
    this.svm.setClock(clock);
    this.svm.expireBlockhash();
  }

  async latestBlockhash() {
    return this.svm.latestBlockhash();
  }

  async simulate(tx: VersionedTransaction): Promise<Simulation> {
    // As an RPC node's simulateTransaction with sigVerify off.
    this.svm.withSigverify(false);
    try {
      const sim = this.svm.simulateTransaction(this.decoder.decode(tx.serialize()));
      if (sim instanceof FailedTransactionMetadata) {
        const meta = sim.meta();
        return { err: errorFromLogs(meta.logs(), sim.toString()), logs: meta.logs(), unitsConsumed: Number(meta.computeUnitsConsumed()), returnData: new Uint8Array() };
      }
      const meta = sim.meta();
      return { err: null, logs: meta.logs(), unitsConsumed: Number(meta.computeUnitsConsumed()), returnData: meta.returnData().data() };
    } finally {
      this.svm.withSigverify(true);
    }
  }

  async sendTransaction(tx: VersionedTransaction): Promise<TxResult> {
    const bytes = tx.serialize();
    const result = this.svm.sendTransaction(this.decoder.decode(bytes));
    // A fresh blockhash per transaction keeps identical transactions distinct.
    this.svm.expireBlockhash();
    if (result instanceof FailedTransactionMetadata) {
      throw errorFromLogs(result.meta().logs(), result.toString());
    }
    const inner = result.innerInstructions().flat().map((i) => {
      const c = i.instruction();
      return { programIdIndex: c.programIdIndex(), data: c.data() };
    });
    const tables = await Promise.all(tx.message.addressTableLookups.map((l) => this.getLookupTable(l.accountKey)));
    return {
      signature: Buffer.from(result.signature()).toString("hex"),
      logs: result.logs(),
      computeUnits: result.computeUnitsConsumed(),
      innerInstructions: resolveInner(tx.message, tables.filter((t): t is AddressLookupTableAccount => !!t), undefined, inner),
      size: bytes.length,
    };
  }

  /** Writes the table directly (LiteSVM has no recent-slot history to derive one from). */
  async createLookupTable(authority: TransactionSigner, addresses: PublicKey[]): Promise<PublicKey> {
    const table = Keypair.generate().publicKey;
    const meta = Buffer.alloc(56);
    meta.writeUInt32LE(1, 0); // ProgramState::LookupTable
    meta.writeBigUInt64LE(0xffff_ffff_ffff_ffffn, 4); // deactivation slot: active
    meta.writeBigUInt64LE(0n, 12); // last extended slot
    meta[21] = 0; // last extended start index
    meta[22] = 1; // Some(authority)
    authority.publicKey.toBuffer().copy(meta, 23);
    const data = Buffer.concat([meta, ...addresses.map((a) => a.toBuffer())]);
    this.setAccount(table, { data, owner: ALT_PROGRAM_ID, lamports: this.svm.minimumBalanceForRentExemption(BigInt(data.length)) });
    if (this.svm.getClock().slot < 1n) this.svm.warpToSlot(1n);
    return table;
  }

  async getLookupTable(key: PublicKey): Promise<AddressLookupTableAccount | null> {
    const info = await this.getAccountInfo(key);
    if (!info) return null;
    return new AddressLookupTableAccount({ key, state: AddressLookupTableAccount.deserialize(info.data) });
  }

  async airdrop(key: PublicKey, amount: bigint) {
    const current = await this.getAccountInfo(key);
    this.setAccount(key, {
      data: current?.data ?? new Uint8Array(), owner: current?.owner ?? SystemProgram.programId,
      lamports: BigInt(current?.lamports ?? 0) + amount, executable: current?.executable,
    });
  }
}
