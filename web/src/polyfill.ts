/**
 * Imported first by the entry module: the SDK and web3.js use Node's `Buffer` (and a few
 * dependencies `global`, which vite.config.ts defines as `globalThis`) at module load.
 */
import { Buffer } from "buffer";

const g = globalThis as { Buffer?: typeof Buffer };
g.Buffer ??= Buffer;
