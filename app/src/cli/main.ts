#!/usr/bin/env node
/** The `agentpad` executable: see program.ts. */
import { runCli } from "./program.js";

process.exitCode = await runCli(process.argv);
