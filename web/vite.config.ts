import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** `npx vite web` with AGENTPAD_API=<indexer URL> serves the app with hot reload against that indexer. */
const api = process.env.AGENTPAD_API;

export default defineConfig({
  root: here("."),
  // Relative asset paths: the indexer serves the app at its root, anything else may serve it under a path.
  base: "./",
  // "source": @agentpad/sdk's TypeScript sources (app/src), compiled with the app.
  resolve: { conditions: ["source", "browser", "module", "import", "default"] },
  define: { global: "globalThis" },
  server: api ? { proxy: { "/api": { target: api, changeOrigin: true } } } : {},
  build: {
    outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: true,
    // web3.js and Anchor's coders are most of the one bundle; it is cached once loaded.
    chunkSizeWarningLimit: 1_200,
  },
});
