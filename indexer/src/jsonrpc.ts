/**
 * JSON-RPC over fetch (keep-alive), single and batched: the answers exactly as the node
 * sends them — what `record` keeps, and what the indexer reads without web3.js's response
 * validation (which cost ~0.7 ms per transaction, most of a backfill's time).
 */
export class RpcError extends Error {
  constructor(readonly method: string, message: string, readonly code?: number) {
    super(`${method}: ${message}`);
    this.name = "RpcError";
  }
}

interface Answer<T> { id: number; result?: T; error?: { code: number; message: string } }

async function post(url: string, method: string, body: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new RpcError(method, `no Solana node answers at ${url} (${cause?.code ?? cause?.message ?? (e as Error).message})`);
  }
  if (!response.ok) throw new RpcError(method, `HTTP ${response.status} ${response.statusText} from ${url}`);
  try {
    return await response.json();
  } catch {
    throw new RpcError(method, `the answer from ${url} is not JSON`);
  }
}

export async function jsonRpc<T = unknown>(url: string, method: string, params: unknown[]): Promise<T> {
  const answer = (await post(url, method, { jsonrpc: "2.0", id: 1, method, params })) as Answer<T>;
  if (answer.error) throw new RpcError(method, answer.error.message, answer.error.code);
  return answer.result as T;
}

/** One request carrying `calls` of `method`: each call's result, or its error, in order. */
export async function jsonRpcBatch<T = unknown>(url: string, method: string, calls: unknown[][]): Promise<(T | RpcError)[]> {
  if (calls.length === 0) return [];
  const answers = (await post(url, method, calls.map((params, id) => ({ jsonrpc: "2.0", id, method, params })))) as Answer<T>[];
  if (!Array.isArray(answers)) throw new RpcError(method, "the node does not answer batched requests");
  const byId = new Map(answers.map((a) => [a.id, a]));
  return calls.map((_, id) => {
    const a = byId.get(id);
    if (!a) return new RpcError(method, `no answer for call ${id} of a batch`);
    return a.error ? new RpcError(method, a.error.message, a.error.code) : (a.result as T);
  });
}
