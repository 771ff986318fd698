/** `rollout-cost simulate --help`. */
export const SIMULATE_HELP = `Usage: rollout-cost simulate (--model <id> | --model-config <file>) --gpu <id> [options]

Simulates a rollout event by event on a deployment: each replica batches continuously
(decodes first, prefill chunks in the rest of a per-step token budget), keeps a block
prefix cache evicting unreferenced blocks least recently used first, and preempts the
newest sequence (recompute) when its KV cache runs out. Step times come from the
throughput model (docs/throughput.md); the KV capacity from free HBM after weights.

Distributions (turns, tokens, latency): 2000 (fixed), 100..500 (uniform) or
100,200,900 (drawn from the list: measured values, e.g. from 'analyze').

Model and hardware (as for 'throughput')
  --model <id>, --model-config <file>, --gpu <id>, --gpus <n> (per replica),
  --dp-attention, --profile, --*-efficiency, --memory-utilization, --step-overhead-ms
  --replicas <n>             replicas (default 1)

Workload (defaults: the Fireworks page's episode)
  --episodes <n>             episodes in all (default 1000)
  --group-size <n>           GRPO group: episodes sharing their initial prompt (default 1)
  --turns <dist>             turns per episode (default 8)
  --initial-prompt <tokens>  the group's shared first prompt (default 8000)
  --added-per-turn <dist>    tokens the prompt grows by each later turn (default 12000)
  --generated-per-turn <dist> tokens generated each turn (default 2000)
  --tool-latency <dist>      seconds the tool / environment takes after each turn (default 0)
  --keep-generated           keep the generated tokens' KV for the next turn
  --shape-from-log <log>     draw episodes, turns, tokens added and generated per turn
                             from a rollout log's own episodes (as 'analyze' reads it);
                             the flags above override each
  --concurrency <n>          episodes in flight at once (default: what the engines
                             run at once, --max-seqs × --replicas)
  --routing <kind>           session-affinity (a group's home replica) | cache-aware |
                             round-robin (default session-affinity)
  --seed <n>                 random seed (default 1): the same seed gives the same run

RL step
  --sync <mode>              none | sync (each step waits for training; a weight sync
                             empties every cache) | async (generation runs ahead)
  --episodes-per-step <n>    episodes per RL step (default: all)
  --stale-steps <k>          async: steps generation may run ahead (default 1)
  --train-tps <tok/s>        trainer throughput: training takes tokens × passes ÷ this
  --passes <n>               passes over each step's tokens (default 1)

Engine (defaults: vLLM's, see the catalog)
  --block-tokens <n>         prefix-cache block (default 16)
  --token-budget <n>         tokens per step (default 8192)
  --max-seqs <n>             sequences per step (default 256)

Cost and sweep
  --usd-per-gpu-hour <usd>   default: the Fireworks page's rate for the GPU
  --preset <id>              whose per-token and GPU-hour plans price the tokens (default current)
  --sweep-concurrency <list> also simulate at each concurrency: where the cache stops
                             surviving (hit below 95% of the ideal) and what each costs

Output
  --json, --csv              machine-readable (CSV: the per-turn hits, or the sweep)
  -h, --help                 this text

Exit codes: 0 ok, 2 bad input (one line on stderr naming the flag).`;
