import { kvCapacity } from "../throughput/kv-capacity.js";
import { DecodeCost } from "./decode-cost.js";
import { sample, sampleInteger } from "./distribution.js";
import type { EpisodeState } from "./episode-state.js";
import { EventHeap } from "./event-heap.js";
import { mulberry32, streamSeed } from "./prng.js";
import { type EngineContext, ReplicaEngine } from "./replica-engine.js";
import type { RolloutSimulationInput } from "./rollout-input.js";
import { RolloutLedger } from "./rollout-ledger.js";
import type { RlStepRecord, RolloutSimulation } from "./rollout-result.js";
import { routeRequest } from "./route-request.js";
import { validateRolloutInput } from "./validate-rollout.js";

// Events are numbers (no allocation per event): a turn carries the episode id × 2, a training end its
// RL step × 2 + 1. Replicas' step ends are kept apart, one per replica, so an interrupted step only moves
// its own end time instead of leaving a stale event in the heap.
const TURN = 0;
const TRAINED = 1;

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
};

/**
 * Simulates N episodes on `replicas` replicas event by event: continuous batching with a token budget per
 * step (chunked prefill beside decode), a block prefix cache per replica with LRU eviction of unreferenced
 * blocks, preemption by recompute, routing, tool latency, and weight syncs that invalidate the caches.
 * Step times are the throughput model's roofline. Deterministic for a seed.
 */
export function simulateRollout(
  input: RolloutSimulationInput,
): RolloutSimulation | { ok: false; reason: string } {
  validateRolloutInput(input);
  const { workload, engine, weightSync } = input;
  const capacity = kvCapacity(input.model, input.replica, input.efficiencies.memoryUtilizationFraction);
  if (!capacity.ok) return capacity;
  const block = engine.blockTokens;
  const capacityTokens = Math.floor(capacity.maxCachedTokens / block) * block;
  const ledger = new RolloutLedger(50, 1);
  const ctx: EngineContext = {
    model: input.model,
    replica: input.replica,
    efficiencies: input.efficiencies,
    engine,
    capacityTokens,
    fixedTokensPerSequence: Math.ceil(capacity.fixedBytesPerSequence / capacity.bytesPerCachedToken),
    sharedTokens: Math.floor(workload.initialPromptTokens / block) * block,
    keepGenerated: workload.generatedKvReused === true,
    ledger,
    decodeCost: new DecodeCost(input.model, input.replica, input.efficiencies),
    version: 0,
    groupVersion: new Map(),
    groups: Math.ceil(workload.episodes / workload.groupSize),
    episodes: [],
    onTurnDone: (episode, now) => turnDone(episode, now),
  };
  const replicas = Array.from({ length: input.replicas }, (_, i) => new ReplicaEngine(i, ctx));
  const events = new EventHeap<number>();
  const episodes = ctx.episodes;
  const stepEnds = new Array<number>(input.replicas).fill(Number.POSITIVE_INFINITY);
  const perStep = weightSync.mode === "none" ? workload.episodes : weightSync.episodesPerStep;
  const stepCount = Math.ceil(workload.episodes / perStep);
  const stale = weightSync.mode === "async" ? weightSync.staleSteps : 0;
  const left = Array.from({ length: stepCount }, (_, s) =>
    Math.min(perStep, workload.episodes - s * perStep),
  );
  const records: RlStepRecord[] = left.map((episodes, step) => ({
    step,
    episodes,
    startSeconds: Number.POSITIVE_INFINITY,
    rolloutEndSeconds: 0,
    trainStartSeconds: 0,
    trainSeconds: 0,
    endSeconds: 0,
    slowestEpisodeSeconds: 0,
    medianEpisodeSeconds: 0,
    tokensTrained: 0,
  }));
  const durations: number[][] = left.map(() => []);
  let started = 0;
  let inFlight = 0;
  let finished = 0;
  let trained = 0;
  let trainerBusy = false;
  let environmentSeconds = 0;
  let now = 0;
  const rr = { next: 0 };
  const allowed = (step: number) => weightSync.mode === "none" || step <= trained + stale;

  const startEpisodes = (at: number) => {
    while (inFlight < input.concurrency && started < workload.episodes) {
      const id = started;
      const step = Math.floor(id / perStep);
      if (!allowed(step)) return;
      started++;
      inFlight++;
      const random = mulberry32(streamSeed(input.seed, id));
      const episode: EpisodeState = {
        id,
        group: Math.floor(id / workload.groupSize),
        step,
        random,
        turns: Math.max(1, sampleInteger(workload.turns, random)),
        turn: 1,
        phase: "pending",
        promptTokens: workload.initialPromptTokens,
        generateTokens: Math.max(1, sampleInteger(workload.generatedTokensPerTurn, random)),
        decodedBeforePreemption: 0,
        idealHitTokens: 0,
        counted: false,
        replica: -1,
        lastReplica: -1,
        prefillRemaining: 0,
        computedTokens: 0,
        decodeStartStep: 0,
        decodeStartContext: 0,
        decodeFinishStep: 0,
        admittedOrder: -1,
        own: undefined,
        shared: undefined,
        startSeconds: at,
        endSeconds: 0,
        toolSeconds: 0,
        contextTokens: 0,
      };
      const record = records[step] as RlStepRecord;
      record.startSeconds = Math.min(record.startSeconds, at);
      episodes[id] = episode;
      events.push(at, id * 2 + TURN);
    }
  };

  let failure: string | undefined;
  const kick = (engine: ReplicaEngine, at: number) => {
    if (engine.planned) {
      const end = engine.interrupt(at);
      if (end !== undefined) stepEnds[engine.index] = end;
      return;
    }
    const end = engine.plan(at);
    stepEnds[engine.index] = end ?? Number.POSITIVE_INFINITY;
    failure ??= engine.failure;
  };

  const tryTrain = (at: number) => {
    if (trainerBusy || trained >= stepCount || (left[trained] ?? 1) > 0) return;
    const record = records[trained] as RlStepRecord;
    trainerBusy = true;
    record.trainStartSeconds = at;
    const tps = input.trainTokensPerSecond;
    record.trainSeconds = tps === undefined ? 0 : (record.tokensTrained * (input.trainPasses ?? 1)) / tps;
    events.push(at + record.trainSeconds, trained * 2 + TRAINED);
  };

  function turnDone(episode: EpisodeState, at: number): void {
    if (episode.turn >= episode.turns) {
      episode.phase = "done";
      episode.endSeconds = at;
      inFlight--;
      finished++;
      const record = records[episode.step] as RlStepRecord;
      record.tokensTrained += episode.contextTokens;
      record.rolloutEndSeconds = Math.max(record.rolloutEndSeconds, at);
      durations[episode.step]?.push(at - episode.startSeconds);
      left[episode.step] = (left[episode.step] ?? 1) - 1;
      if (input.onProgress && finished % 1000 === 0) input.onProgress(finished);
      if (weightSync.mode !== "none") tryTrain(at);
      startEpisodes(at);
      return;
    }
    const latency = Math.max(0, sample(workload.toolLatencySeconds, episode.random));
    environmentSeconds += latency;
    episode.toolSeconds += latency;
    episode.turn++;
    episode.promptTokens += Math.max(0, sampleInteger(workload.addedTokensPerTurn, episode.random));
    episode.generateTokens = Math.max(1, sampleInteger(workload.generatedTokensPerTurn, episode.random));
    episode.counted = false;
    events.push(at + latency, episode.id * 2 + TURN);
  }

  startEpisodes(0);
  while (true) {
    let next = -1;
    let nextEnd = events.peekTime();
    for (let r = 0; r < stepEnds.length; r++) {
      const end = stepEnds[r] as number;
      if (end < nextEnd || (end === nextEnd && next < 0 && end !== Number.POSITIVE_INFINITY)) {
        next = r;
        nextEnd = end;
      }
    }
    if (next >= 0) {
      const engine = replicas[next] as ReplicaEngine;
      now = nextEnd;
      stepEnds[next] = Number.POSITIVE_INFINITY;
      engine.commit(now);
      kick(engine, now);
      if (failure !== undefined) return { ok: false, reason: failure };
      continue;
    }
    if (events.size === 0) break;
    const event = events.pop() as number;
    now = events.poppedTime;
    const kind = event % 2;
    const payload = (event - kind) / 2;
    if (kind === TURN) {
      const episode = episodes[payload] as EpisodeState;
      const engine = replicas[routeRequest(input.routing, replicas, episode, rr)] as ReplicaEngine;
      episode.replica = engine.index;
      engine.enqueue(episode);
      kick(engine, now);
    } else {
      const record = records[payload] as RlStepRecord;
      record.endSeconds = now;
      trainerBusy = false;
      trained++;
      ctx.version++;
      for (const engine of replicas) engine.cache.clearUnreferenced();
      tryTrain(now);
      startEpisodes(now);
    }
    if (failure !== undefined) return { ok: false, reason: failure };
  }
  if (finished < workload.episodes)
    return {
      ok: false,
      reason: `the simulation stalled with ${workload.episodes - finished} episodes unfinished`,
    };
  return summarise();

  function summarise(): RolloutSimulation {
    const busy = replicas.map((engine) => engine.busySeconds);
    const busySeconds = busy.reduce((a, b) => a + b, 0);
    const all = durations.flat();
    durations.forEach((list, step) => {
      const record = records[step] as RlStepRecord;
      record.slowestEpisodeSeconds = list.reduce((a, b) => Math.max(a, b), 0);
      record.medianEpisodeSeconds = median(list);
      if (weightSync.mode === "none") record.endSeconds = record.rolloutEndSeconds;
    });
    const gpus = input.replica.gpus;
    return {
      ok: true,
      wallClockSeconds: now,
      busySeconds,
      busySecondsPerReplica: busy,
      utilisationFraction: now > 0 ? busySeconds / (now * input.replicas) : 0,
      gpuHours: (now * input.replicas * gpus) / 3600,
      busyGpuHours: (busySeconds * gpus) / 3600,
      tokens: {
        episodes: workload.episodes,
        promptTokens: ledger.promptTokens,
        cachedPromptTokens: ledger.hitTokens,
        decodeTokens: ledger.decodeTokens,
        peakContextTokens: ledger.peakContextTokens,
      },
      prefilledTokens: ledger.prefilledTokens,
      cacheHitFraction: ledger.promptTokens > 0 ? ledger.hitTokens / ledger.promptTokens : 0,
      idealCacheHitFraction: ledger.promptTokens > 0 ? ledger.idealHitTokens / ledger.promptTokens : 0,
      hitByTurn: ledger.promptByTurn.map((promptTokens, i) => ({
        turn: i + 1,
        promptTokens,
        hitTokens: ledger.hitByTurn[i] ?? 0,
        cacheHitFraction: promptTokens > 0 ? (ledger.hitByTurn[i] ?? 0) / promptTokens : 0,
      })),
      reprefilledTokens: { ...ledger.reprefill },
      preemptions: ledger.preemptions,
      meanDecodeBatch: ledger.decodeSteps > 0 ? ledger.decodeSequenceSteps / ledger.decodeSteps : 0,
      timeline: ledger.timeline(input.replicas, now),
      steps: records,
      environmentSeconds,
      episodeSeconds: {
        mean: all.length ? all.reduce((a, b) => a + b, 0) / all.length : 0,
        p50: median(all),
        max: all.reduce((a, b) => Math.max(a, b), 0),
      },
      kvCapacityTokensPerReplica: capacityTokens,
    };
  }
}
