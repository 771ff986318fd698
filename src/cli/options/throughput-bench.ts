import { ENGINE_LIMITS } from "../../catalog/efficiencies.js";
import { LIMITS } from "../../core/limits.js";
import { disaggregatedThroughput } from "../../core/throughput/disaggregated-throughput.js";
import { type OfflineWork, offlineThroughput } from "../../core/throughput/offline-throughput.js";
import type { Efficiencies, ModelArchitecture, Replica } from "../../core/throughput/types.js";
import { CliError } from "../cli-error.js";
import { numberFlag } from "../flags.js";

/** The flags of `throughput`'s serving benchmark (offline, maximum load). */
export const BENCH_FLAGS = {
  isl: { type: "string" },
  osl: { type: "string" },
  "spec-draft": { type: "string" },
  "spec-accept": { type: "string" },
  "prefill-gpus": { type: "string" },
  "decode-gpus": { type: "string" },
} as const;

type Values = Partial<Record<keyof typeof BENCH_FLAGS, string | boolean>>;
type Bench = OfflineWork & { pools?: { prefillGpus: number; decodeGpus: number } };

/** --isl / --osl (with speculative decoding and disaggregated pools), or undefined when not asked for. */
export function benchFromFlags(values: Values): Bench | undefined {
  const str = (flag: keyof typeof BENCH_FLAGS) => values[flag] as string | undefined;
  const len = (flag: keyof typeof BENCH_FLAGS) =>
    numberFlag(flag, str(flag), { integer: true, min: 1, max: LIMITS.tokens.max });
  const isl = len("isl");
  const osl = len("osl");
  const rest = ["spec-draft", "spec-accept", "prefill-gpus", "decode-gpus"] as const;
  if (isl === undefined && osl === undefined) {
    const stray = rest.find((flag) => str(flag) !== undefined);
    if (stray) throw new CliError(`--${stray} needs --isl and --osl (a serving benchmark)`);
    return undefined;
  }
  if (isl === undefined || osl === undefined) throw new CliError("--isl and --osl go together");
  for (const [a, b] of [
    ["spec-draft", "spec-accept"],
    ["prefill-gpus", "decode-gpus"],
  ] as const) {
    if ((str(a) === undefined) !== (str(b) === undefined))
      throw new CliError(`--${a} and --${b} go together`);
  }
  const draft = numberFlag("spec-draft", str("spec-draft"), { integer: true, min: 1, max: 64 });
  const accept = numberFlag("spec-accept", str("spec-accept"), { min: 1, max: (draft ?? 0) + 1 });
  const gpuCount = { integer: true, min: 1, max: 1_000_000 } as const;
  const prefillGpus = numberFlag("prefill-gpus", str("prefill-gpus"), gpuCount);
  const decodeGpus = numberFlag("decode-gpus", str("decode-gpus"), gpuCount);
  return {
    inputTokens: isl,
    outputTokens: osl,
    maxBatchPerGroup: ENGINE_LIMITS.maxBatchPerGroup,
    maxTokensPerStep: ENGINE_LIMITS.maxTokensPerStep,
    ...(draft !== undefined &&
      accept !== undefined && {
        speculative: { draftTokens: draft, acceptedTokensPerStep: accept },
      }),
    ...(prefillGpus !== undefined && decodeGpus !== undefined && { pools: { prefillGpus, decodeGpus } }),
  };
}

/** The serving benchmark on this replica, or on two pools of its layout when disaggregated. */
export function offlineFor(
  bench: Bench,
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
) {
  const { pools, ...work } = bench;
  const limits = { engineLimitsSource: ENGINE_LIMITS.source };
  if (!pools)
    return {
      mode: "colocated" as const,
      ...offlineThroughput(model, replica, efficiencies, work),
      ...limits,
    };
  const pool = (gpus: number) => ({ ...replica, gpus });
  return {
    mode: "disaggregated" as const,
    ...disaggregatedThroughput(
      model,
      { prefill: pool(pools.prefillGpus), decode: pool(pools.decodeGpus) },
      efficiencies,
      work,
    ),
    ...limits,
  };
}
