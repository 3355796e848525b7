// Base in a test: anvil (Foundry, from evm/node_modules) with LayerZero's own EndpointV2 and
// SimpleMessageLib deployed from the artifacts LayerZero's npm package ships, the project's
// contracts from forge's evm/out, and the router deployed by its own forge script. The
// packets the endpoint emits (PacketSent) are what a DVN and executor carry to Solana.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { promisify } from "node:util";
import { PacketV1Codec } from "@layerzerolabs/lz-v2-utilities";
import {
  type Abi, type Address, type Hex, type PublicClient, type TransactionReceipt, type WalletClient, createPublicClient, createWalletClient,
  decodeEventLog, http,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";

const EVM = new URL("../../evm/", import.meta.url).pathname;
const BIN = `${EVM}node_modules/.bin`;
const LZ_ARTIFACTS = `${EVM}node_modules/@layerzerolabs/lz-evm-protocol-v2/artifacts/contracts`;
/** anvil's first default account (its well-known development key; never use it elsewhere). */
const DEV_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

export interface Artifact { abi: Abi; bytecode: Hex }

/** A contract's ABI and bytecode: LayerZero's hardhat artifacts or forge's out/ files. */
export function artifact(name: "EndpointV2" | "SimpleMessageLib" | "AgentRevenueRouter" | "MockVirtual" | "VirtualOFTAdapter"): Artifact {
  const file = {
    EndpointV2: `${LZ_ARTIFACTS}/EndpointV2.sol/EndpointV2.json`,
    SimpleMessageLib: `${LZ_ARTIFACTS}/messagelib/SimpleMessageLib.sol/SimpleMessageLib.json`,
    AgentRevenueRouter: `${EVM}out/AgentRevenueRouter.sol/AgentRevenueRouter.json`,
    MockVirtual: `${EVM}out/Mocks.sol/MockVirtual.json`,
    VirtualOFTAdapter: `${EVM}out/Mocks.sol/VirtualOFTAdapter.json`,
  }[name];
  if (!existsSync(file)) throw new Error(`${file} not found: build the Base side first (./scripts/evm/test.sh)`);
  const j = JSON.parse(readFileSync(file, "utf8"));
  return { abi: j.abi, bytecode: typeof j.bytecode === "string" ? j.bytecode : j.bytecode.object };
}

/** A LayerZero packet as the endpoint encodes it (PacketV1Codec). */
export interface Packet {
  nonce: bigint; srcEid: number; sender: Uint8Array; dstEid: number; receiver: Uint8Array; guid: Uint8Array; message: Uint8Array;
  options: Hex;
}

const bytes = (h: string) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ""), "hex"));

export class Chain {
  readonly account = privateKeyToAccount(DEV_KEY);
  readonly public: PublicClient;
  readonly wallet: WalletClient;

  private constructor(private readonly anvil: ChildProcess, readonly url: string) {
    const transport = http(url);
    this.public = createPublicClient({ chain: foundry, transport });
    this.wallet = createWalletClient({ chain: foundry, transport, account: this.account });
  }

  /** A fresh anvil on a free port. */
  static async start(): Promise<Chain> {
    const anvilBin = `${BIN}/anvil`;
    if (!existsSync(anvilBin)) throw new Error(`${anvilBin} not found: install the Base side first (./scripts/evm/install.sh)`);
    const port = await freePort();
    const anvil = spawn(anvilBin, ["--host", "127.0.0.1", "--port", String(port), "--silent"], { stdio: "ignore" });
    const chain = new Chain(anvil, `http://127.0.0.1:${port}`);
    for (let i = 0; ; i++) {
      try {
        await chain.public.getChainId();
        return chain;
      } catch (e) {
        if (anvil.exitCode !== null || i === 100) {
          anvil.kill();
          throw new Error(`anvil did not start on port ${port}: ${e}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  stop() {
    this.anvil.kill();
  }

  async deploy(a: Artifact, args: unknown[]): Promise<Address> {
    const hash = await this.wallet.deployContract({ abi: a.abi, bytecode: a.bytecode, args, account: this.account, chain: foundry });
    const r = await this.public.waitForTransactionReceipt({ hash });
    if (r.status !== "success" || !r.contractAddress) throw new Error("deployment reverted");
    return r.contractAddress;
  }

  async read<T>(address: Address, a: Artifact, functionName: string, args: unknown[] = []): Promise<T> {
    return (await this.public.readContract({ address, abi: a.abi, functionName, args })) as T;
  }

  /** Sends a transaction and waits for it; a revert throws with the contract's error. */
  async write(address: Address, a: Artifact, functionName: string, args: unknown[] = [], value = 0n): Promise<TransactionReceipt> {
    const { request } = await this.public.simulateContract({ address, abi: a.abi, functionName, args, value, account: this.account });
    const hash = await this.wallet.writeContract(request);
    const r = await this.public.waitForTransactionReceipt({ hash });
    if (r.status !== "success") throw new Error(`${functionName} reverted`);
    return r;
  }

  /** LayerZero's EndpointV2 for `eid`, with SimpleMessageLib as the library to and from `remoteEid`. */
  async layerZero(eid: number, remoteEid: number): Promise<{ endpoint: Address; lib: Address }> {
    const [ep, sml] = [artifact("EndpointV2"), artifact("SimpleMessageLib")];
    const owner = this.account.address;
    const endpoint = await this.deploy(ep, [eid, owner]);
    const lib = await this.deploy(sml, [endpoint, owner]);
    await this.write(endpoint, ep, "registerLibrary", [lib]);
    await this.write(endpoint, ep, "setDefaultSendLibrary", [remoteEid, lib]);
    await this.write(endpoint, ep, "setDefaultReceiveLibrary", [remoteEid, lib, 0n]);
    return { endpoint, lib };
  }

  /**
   * Runs the router's deploy script (evm/script/DeployAgentRevenueRouter.s.sol) with `env`,
   * broadcasting to this chain; returns the router's address.
   */
  async deployRouter(env: Record<string, string>): Promise<Address> {
    const script = "script/DeployAgentRevenueRouter.s.sol";
    await promisify(execFile)(`${BIN}/forge`, ["script", script, "--rpc-url", this.url, "--broadcast", "--private-key", DEV_KEY, "--slow"], {
      cwd: EVM, env: { ...process.env, ...env, PATH: `${BIN}:${process.env.PATH}` }, maxBuffer: 16 << 20,
    }).catch((e) => {
      throw new Error(`forge script ${script} failed: ${String(e.stderr || e.stdout || e).trim().split("\n").slice(-5).join(" | ")}`);
    });
    const chainId = await this.public.getChainId();
    const run = JSON.parse(readFileSync(`${EVM}broadcast/DeployAgentRevenueRouter.s.sol/${chainId}/run-latest.json`, "utf8"));
    const created = run.transactions.filter((t: { transactionType: string; contractName: string }) =>
      t.transactionType === "CREATE" && t.contractName === "AgentRevenueRouter");
    if (created.length !== 1) throw new Error(`the deploy script created ${created.length} routers`);
    return created[0].contractAddress;
  }

  /** The packets LayerZero's endpoint emitted in a transaction, decoded. */
  packetsOf(r: TransactionReceipt): Packet[] {
    const ep = artifact("EndpointV2");
    const out: Packet[] = [];
    for (const log of r.logs) {
      let decoded;
      try {
        decoded = decodeEventLog({ abi: ep.abi, data: log.data, topics: log.topics });
      } catch {
        continue; // another contract's event
      }
      if (decoded.eventName !== "PacketSent") continue;
      const args = decoded.args as unknown as { encodedPayload: Hex; options: Hex };
      const p = PacketV1Codec.from(args.encodedPayload);
      out.push({
        nonce: BigInt(p.nonce()), srcEid: p.srcEid(), sender: bytes(p.sender()), dstEid: p.dstEid(), receiver: bytes(p.receiver()),
        guid: bytes(p.guid()), message: bytes(p.message()), options: args.options,
      });
    }
    return out;
  }
}

/** An EVM address as LayerZero's bytes32. */
export const bytes32 = (address: Address): Uint8Array => Uint8Array.from([...new Uint8Array(12), ...bytes(address)]);
export const hex = (b: Uint8Array): Hex => `0x${Buffer.from(b).toString("hex")}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
