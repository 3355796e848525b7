# forge's gas report for AgentRevenueRouter -> a markdown table of the calls integrators make
/AgentRevenueRouter Contract/ { inside = 1; next }
inside && /Contract/ { inside = 0 }
inside && /^\|/ {
  n = split($0, f, "|"); for (i = 1; i <= n; i++) gsub(/^ +| +$/, "", f[i])
  if (f[2] ~ /^[0-9]+$/ && deploy == "") { deploy = f[2]; size = f[3] }
  if (f[2] ~ /^(depositFees|reportFees|bridgeFees|linkBaseAgent|quoteReport|quoteBridge|quoteLink|linkAgent|setFeeToken)$/) rows[f[2]] = sprintf("| `%s` | %s | %s | %s | %s | %s |", f[2], f[3], f[4], f[5], f[6], f[7])
}
END {
  print "## Base: gas of AgentRevenueRouter (forge, LayerZero's EndpointV2 + SimpleMessageLib)\n"
  print "Produced by `./scripts/evm/test.sh --gas-report` (in `./scripts/bench.sh`); the LayerZero fee itself is"
  print "paid in native value on top; min includes refused calls (the revert tests). Deployment: " deploy " gas, " size " bytes.\n"
  print "| call | min | avg | median | max | calls |\n|---|---:|---:|---:|---:|---:|"
  split("depositFees reportFees bridgeFees linkBaseAgent quoteReport quoteBridge quoteLink linkAgent setFeeToken", order, " ")
  for (i = 1; i <= 9; i++) if (order[i] in rows) print rows[order[i]]
}
