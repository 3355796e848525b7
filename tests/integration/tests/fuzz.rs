//! The cross-program fuzzer (`agentpad_tests::fuzz`) as a test: a short run on fixed seeds,
//! so a change that breaks an invariant fails here too. The long run (100,000 operations)
//! is `./scripts/test.sh`'s fuzz stage; a seed that fails there is added here.
#![allow(deprecated)]

use agentpad_tests::fuzz::{self, Config};

/// Seeds that once failed, and the number of operations that reproduced it.
const REGRESSIONS: &[(u64, usize)] = &[];

#[tokio::test]
async fn random_operations_on_every_program_keep_every_book() {
    for (seed, ops) in [(1, 1_500)].iter().chain(REGRESSIONS) {
        let report = fuzz::run(Config::new(*seed, *ops)).await.unwrap_or_else(|f| panic!("{f}"));
        assert_eq!(report.ops, *ops);
        assert!(report.ok > ops / 2 && report.refused > ops / 20, "both outcomes are exercised: {report:?}");
        for op in ["buy_exact_in", "sell", "compose", "deliver_report", "distribute", "claim", "self_transfer"] {
            assert!(report.by_op.contains_key(op), "{op} ran");
        }
    }
}
