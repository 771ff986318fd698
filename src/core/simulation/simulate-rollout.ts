import { kvCapacity } from "../throughput/kv-capacity.js";
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

type SimEvent =
  | { kind: "turn"; episode: EpisodeState }
  | { kind: "step"; replica: number; version: number }
  | { kind: "trained"; step: number };

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
    version: 0,
    groupVersion: new Map(),
    onTurnDone: (episode, now) => turnDone(episode, now),
  };
  const replicas = Array.from({ length: input.replicas }, (_, i) => new ReplicaEngine(i, ctx));
  const events = new EventHeap<SimEvent>();
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
        decodeTicket: 0,
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
      events.push(at, { kind: "turn", episode });
    }
  };

  const kick = (engine: ReplicaEngine, at: number) => {
    if (engine.planned) {
      const end = engine.interrupt(at);
      if (end !== undefined)
        events.push(end, { kind: "step", replica: engine.index, version: engine.stepVersion });
      return;
    }
    const end = engine.plan(at);
    if (end !== undefined)
      events.push(end, { kind: "step", replica: engine.index, version: engine.stepVersion });
  };

  const tryTrain = (at: number) => {
    if (trainerBusy || trained >= stepCount || (left[trained] ?? 1) > 0) return;
    const record = records[trained] as RlStepRecord;
    trainerBusy = true;
    record.trainStartSeconds = at;
    const tps = input.trainTokensPerSecond;
    record.trainSeconds = tps === undefined ? 0 : (record.tokensTrained * (input.trainPasses ?? 1)) / tps;
    events.push(at + record.trainSeconds, { kind: "trained", step: trained });
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
    events.push(at + latency, { kind: "turn", episode });
  }

  startEpisodes(0);
  while (events.size > 0) {
    const next = events.pop() as { time: number; item: SimEvent };
    now = next.time;
    const event = next.item;
    if (event.kind === "turn") {
      const engine = replicas[routeRequest(input.routing, replicas, event.episode, rr)] as ReplicaEngine;
      event.episode.replica = engine.index;
      engine.enqueue(event.episode);
      kick(engine, now);
    } else if (event.kind === "step") {
      const engine = replicas[event.replica] as ReplicaEngine;
      if (event.version !== engine.stepVersion) continue;
      engine.commit(now);
      const end = engine.plan(now);
      if (end !== undefined)
        events.push(end, { kind: "step", replica: engine.index, version: engine.stepVersion });
    } else {
      const record = records[event.step] as RlStepRecord;
      record.endSeconds = now;
      trainerBusy = false;
      trained++;
      ctx.version++;
      for (const engine of replicas) engine.cache.clearUnreferenced();
      tryTrain(now);
      startEpisodes(now);
    }
    const failed = replicas.find((engine) => engine.failure !== undefined);
    if (failed) return { ok: false, reason: failed.failure as string };
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
