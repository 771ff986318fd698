// The library's public API: the engine, the catalog and the resolver that joins them.

export { CARDS, DISCOUNTS } from "./catalog/cards.js";
export { architectureById, gpuById } from "./catalog/hardware-lookup.js";
export { architectureFromHfConfig, type HfConfigResult } from "./catalog/hf-config.js";
export { type LiteLlmImport, plansFromLiteLlm } from "./catalog/import/litellm.js";
export { CATALOG, validateCatalog } from "./catalog/index.js";
export { modelById, modelByName, presetById } from "./catalog/lookup.js";
export { resolveThroughput, type ThroughputOptions } from "./catalog/resolve-throughput.js";
export {
  BREAK_EVEN_VARIABLES,
  type BreakEven,
  type BreakEvenInput,
  type BreakEvenVariable,
  breakEven,
} from "./core/break-even.js";
export { type ClusterWork, clusterHoursFor, clusterSecondsFor, type Overlap } from "./core/cluster-hours.js";
export { comparisonLabel } from "./core/comparison-label.js";
export { CONTEXT_POLICIES, type ContextPolicy } from "./core/context-policy.js";
export { type ChosenTier, tierFor } from "./core/context-tier.js";
export { contextWindowWarning, lastTurnThatFits } from "./core/context-window.js";
export { type DeadlineGpus, gpusForDeadline } from "./core/deadline-gpus.js";
export type { EpisodeShape, Workload } from "./core/episode-shape.js";
export { type EpisodeTokens, episodeTokens } from "./core/episode-tokens.js";
export {
  type DedicatedTerms,
  estimateReference,
  type ReferenceEstimate,
  type ReferenceInput,
} from "./core/estimate.js";
export { workloadTokensFromLedger } from "./core/ledger-tokens.js";
export { LIMITS } from "./core/limits.js";
export { type ParityBounds, parityBounds } from "./core/parity.js";
export { type PerTokenRates, perTokenEpisodeCostUsd } from "./core/per-token-cost.js";
export type {
  Assumption,
  ContextTier,
  GpuHourPlan,
  PerTokenPlan,
  PerTokenPlanRates,
  Plan,
  PlanEstimate,
  TrainingEstimate,
} from "./core/plan.js";
export { type PricePlansOptions, pricePlans, validateWorkloadTokens } from "./core/price-plans.js";
export { SWEEP_VARIABLES, type SweepInput, type SweepRow, type SweepVariable, sweep } from "./core/sweep.js";
export { type CacheSurvival, cacheSurvival } from "./core/throughput/cache-survival.js";
export { decodeStepSeconds } from "./core/throughput/decode-time.js";
export {
  type DerivedDedicated,
  type DerivedDedicatedInput,
  derivedDedicated,
} from "./core/throughput/derived-dedicated.js";
export { type DerivedVsSaturated, derivedVsSaturated } from "./core/throughput/derived-vs-saturated.js";
export { attentionFlopsPerAttendedToken, linearFlopsPerToken } from "./core/throughput/flops.js";
export { fixedBytesPerSequence, kvBytesPerToken } from "./core/throughput/kv-bytes.js";
export { type KvCapacity, kvCapacity } from "./core/throughput/kv-capacity.js";
export { prefillSeconds, type RooflineSeconds } from "./core/throughput/prefill-time.js";
export { type ReplicaSimulation, simulateReplica } from "./core/throughput/simulate-replica.js";
export { type ThroughputPoint, throughputAt, throughputCurve } from "./core/throughput/throughput-at.js";
export type { Efficiencies, GpuSpec, ModelArchitecture, Replica } from "./core/throughput/types.js";
export type { TrainingOptions } from "./core/training-cost.js";
export {
  type EpisodeLedger,
  episodeLedger,
  type LedgerResult,
  type TurnLedgerRow,
} from "./core/turn-ledger.js";
export { type WorkloadTokens, workloadTokensFromShape } from "./core/workload-tokens.js";
export { compareJson } from "./format/compare-json.js";
export { estimateJson } from "./format/estimate-json.js";
export { analyzeFile } from "./logs/analyze-file.js";
export { type AnalyzeProgress, analyzeBlob } from "./logs/analyze-stream.js";
export { CountHistogram, type DistributionStats } from "./logs/count-histogram.js";
export type { EpisodeRow, LogAnalysis, LogFormat, MeasuredShape } from "./logs/log-analysis.js";
export {
  type AnalyzeOptions,
  BadLineError,
  type Decode,
  LogAnalyzer,
  UnreadableLogError,
} from "./logs/log-analyzer.js";
export { fittedWorkload, observedWorkloadTokens } from "./logs/observed-workload.js";
export { type BadLine, SKIP_KINDS, type SkipKind } from "./logs/skip-kinds.js";
export { customPerTokenPlan, selfHostedPlan } from "./scenario/custom-plans.js";
export {
  CHART_CONTEXTS,
  type DerivedOptions,
  derivedDedicatedForReference,
  throughputCurveForReference,
} from "./scenario/derived-for-reference.js";
export {
  FIELDS,
  type Field,
  type FieldKey,
  type NumberField,
  type ScenarioValues,
} from "./scenario/fields.js";
export { NUMBER_GRAMMAR, parseNumberText } from "./scenario/number-grammar.js";
export { type PlanOffer, planOffer, REFERENCE_PLAN_IDS, type UnavailablePlan } from "./scenario/plans.js";
export {
  type ObservedWorkload,
  type PricedPlan,
  type PricedScenario,
  priceScenario,
  scenarioLedger,
} from "./scenario/price.js";
export { loggedModelName, type PricedLog, priceObservedLog } from "./scenario/price-log.js";
export { type FieldProblem, readField } from "./scenario/read-field.js";
export { argsFromValues, queryFromValues, readValues, valuesFromQuery } from "./scenario/read-values.js";
export {
  cachedPrefillDiscount,
  type RealityCheck,
  type RealityRow,
  realityCheckFor,
} from "./scenario/reality-check.js";
export { type ReferenceComparison, referenceFor, referencePlansFor } from "./scenario/reference.js";
export { type NamedDefault, resolveScenario, type Scenario } from "./scenario/resolve.js";
export { ScenarioError } from "./scenario/scenario-error.js";
export { SCENARIO_FILE_VERSION, scenarioFile, valuesFromScenarioFile } from "./scenario/scenario-file.js";
export { breakEvenFor, deadlineFor, sweepFor } from "./scenario/solve.js";

import type { ScenarioValues } from "./scenario/fields.js";
import { referenceFor } from "./scenario/reference.js";
import { resolveScenario } from "./scenario/resolve.js";

/** The Fireworks page's comparison for `values`, every default from the catalog's preset (default: `reference`). */
export function estimate(values: ScenarioValues = {}) {
  return referenceFor(resolveScenario(values)).estimate;
}

export { type SweepPoint, sweepConcurrency } from "./core/simulation/concurrency-sweep.js";
export { type Distribution, distributionMean } from "./core/simulation/distribution.js";
export { mulberry32, type Random } from "./core/simulation/prng.js";
export { type RlStepSummary, rlStepSummary } from "./core/simulation/rl-step-summary.js";
export type {
  EngineSettings,
  RolloutRouting,
  RolloutSimulationInput,
  RolloutWorkload,
  WeightSync,
} from "./core/simulation/rollout-input.js";
export type { RlStepRecord, RolloutSimulation } from "./core/simulation/rollout-result.js";
export { simulateRollout } from "./core/simulation/simulate-rollout.js";
export { BlockLru } from "./core/trace-replay/block-lru.js";
export { type ReplayResult, replayCurve, replayTrace } from "./core/trace-replay/replay-trace.js";
export type { TraceRequest } from "./core/trace-replay/trace-request.js";
export { type MooncakeTrace, parseMooncakeTrace } from "./logs/mooncake-trace.js";
export {
  MALFORMED_KINDS,
  type MalformedKind,
  type MalformedLine,
  PROMETHEUS_TYPES,
  type PrometheusSample,
  type PrometheusText,
  type PrometheusType,
  parsePrometheusText,
  prometheusFloat,
} from "./watch/prometheus-text.js";
