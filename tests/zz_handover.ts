// Runs last (the file name): hands the protocol's keys to a stand-in for a multisig vault
// (a Squads vault accepts through its own transaction; no multisig program runs here, so a
// key plays the vault), shows the old key refused everywhere, then hands them back.
import { strict as assert } from "node:assert";

import { PROGRAM_IDS, STANDARD_PRESET, STANDARD_STAKING, fetchConfig, fetchStore, instructions as ix, programData, setUpgradeAuthority, upgradeAuthorityOf, type AgentpadClient } from "../app/src/index.js";
import { handover } from "../migrations/handover.js";
import { type Harness, harness } from "./harness/index.js";

describe("handing the protocol's keys to a multisig", function () {
  let h: Harness;
  let vault: AgentpadClient;

  before(async () => {
    h = await harness();
    vault = await h.wallet(10);
  });

  async function expectRefused(p: Promise<unknown>, code: string) {
    await assert.rejects(p, (e: Error & { code?: string }) => e.code === code || new RegExp(code).test(e.message));
  }

  it("moves the admin role and every upgrade authority; the old key is refused afterwards", async () => {
    const old = h.admin;
    const log: string[] = [];
    await handover(old, vault.address, { log: (l) => log.push(l) });
    // Proposed, not yet accepted: the old admin still governs, the vault owns the code.
    assert.ok((await fetchConfig(h.backend))!.pendingAdmin.equals(vault.address), "proposed on bonding-curve");
    for (const id of Object.values(PROGRAM_IDS)) {
      assert.ok(upgradeAuthorityOf(await h.backend.getAccountInfo(programData(id)))!.equals(vault.address), `upgrade authority of ${id.toBase58()}`);
    }
    await vault.acceptAdmin();
    assert.ok((await fetchConfig(h.backend))!.admin.equals(vault.address));
    assert.ok((await fetchStore(h.backend))!.admin.equals(vault.address));

    // The old key: refused by both programs and by the loader.
    await expectRefused(old.send([await ix.bondingCurve.createPreset(old.address, 77, h.deployment.quoteMint, STANDARD_PRESET, STANDARD_STAKING)]), "NotAdmin");
    await expectRefused(old.setPeer(40245, new Uint8Array(20).fill(1)), "NotAdmin");
    await expectRefused(old.proposeAdmin(old.address), "NotAdmin");
    await expectRefused(old.send([setUpgradeAuthority(PROGRAM_IDS.bondingCurve, old.address, old.address)]), "IncorrectAuthority|Custom|0x");
    // The new admin governs.
    await vault.setPeer(40245, new Uint8Array(20).fill(2));

    // Back to the harness's admin, so the deployment stays the suite's.
    await handover(vault, old.address);
    await old.acceptAdmin();
    assert.ok((await fetchConfig(h.backend))!.admin.equals(old.address));
    assert.ok(upgradeAuthorityOf(await h.backend.getAccountInfo(programData(PROGRAM_IDS.feeAggregator)))!.equals(old.address));
    assert.ok(log.length >= 5, log.join("\n"));
  });
});
