import { prefillSeconds } from "../throughput/prefill-time.js";
import type { Efficiencies, ModelArchitecture, Replica } from "../throughput/types.js";
import type { DecodeCost } from "./decode-cost.js";
import type { EpisodeState } from "./episode-state.js";
import { EventHeap } from "./event-heap.js";
import { PrefixCache } from "./prefix-cache.js";
import type { EngineSettings } from "./rollout-input.js";
import type { RolloutLedger } from "./rollout-ledger.js";

/** Decode steps one planned step may stand for before it is re-planned (keeps the timeline honest). */
const MAX_DECODE_STEPS_AT_ONCE = 256;

/** What every replica shares: the hardware model, engine settings, the weight version and the ledger. */
export interface EngineContext {
  model: ModelArchitecture;
  replica: Replica;
  efficiencies: Efficiencies;
  engine: EngineSettings;
  capacityTokens: number;
  fixedTokensPerSequence: number;
  /** Tokens of the initial prompt a group shares: its whole blocks. */
  sharedTokens: number;
  keepGenerated: boolean;
  ledger: RolloutLedger;
  decodeCost: DecodeCost;
  /** Every episode started so far, by id. */
  episodes: EpisodeState[];
  version: number;
  /** Group → the weight version its shared prompt was last prefilled with. */
  groupVersion: Map<number, number>;
  /** GRPO groups in the run, to give each (group, weight version) its own cache key. */
  groups: number;
  onTurnDone(episode: EpisodeState, now: number): void;
}

interface PlannedStep {
  start: number;
  seconds: number;
  kind: "decode" | "prefill-run" | "mixed";
  steps: number;
  sequences: number;
  meanContext: number;
  /** prefill-run: tokens per step of the head; mixed: the chunk of each prefilling sequence in order. */
  chunkTokens: number;
  chunks: number[];
}

/** One replica under continuous batching: decodes first, prefill chunks in the rest of each step's budget. */
export class ReplicaEngine {
  readonly cache: PrefixCache;
  private readonly queue: EpisodeState[] = [];
  private queueHead = 0;
  /** Preempted sequences, resumed before the queue (newest on top). */
  private readonly resumed: EpisodeState[] = [];
  private readonly prefilling: EpisodeState[] = [];
  /** Decoding sequences by the decode step they finish at (episode ids; stale entries skipped). */
  private readonly decoders = new EventHeap<number>();
  private readonly running: EpisodeState[] = [];
  private readonly runningOrders: number[] = [];
  private admissions = 0;
  private decoding = 0;
  private contextSum = 0;
  private decodeStep = 0;
  runningCount = 0;
  busySeconds = 0;
  planned: PlannedStep | undefined;
  /** Bumped when the planned step changes, so a superseded end-of-step event is ignored. */
  stepVersion = 0;
  failure: string | undefined;
  private readonly chunks: number[] = [];
  private readonly started: EpisodeState[] = [];

  constructor(
    readonly index: number,
    private readonly ctx: EngineContext,
  ) {
    this.cache = new PrefixCache(ctx.capacityTokens, ctx.engine.blockTokens);
  }

  /** Requests waiting or running: the load a router balances. */
  get load(): number {
    return this.queue.length - this.queueHead + this.resumed.length + this.runningCount;
  }

  /**
   * A group's shared-prompt entry, one per weight version: members still running on old weights keep
   * theirs (and its memory) while new members build the new one.
   */
  private groupKey(group: number): number {
    return -1 - (this.ctx.version * this.ctx.groups + group);
  }

  /** Tokens of `episode`'s next prompt this replica's cache would serve now. */
  hitTokens(episode: EpisodeState): number {
    const target = episode.promptTokens + episode.decodedBeforePreemption;
    const { sharedTokens, version } = this.ctx;
    const shared = sharedTokens > 0 ? this.cache.tokens(this.groupKey(episode.group), version) : 0;
    if (shared < sharedTokens) return Math.min(shared, target);
    return Math.min(sharedTokens + this.cache.tokens(episode.id, version), target);
  }

  enqueue(episode: EpisodeState): void {
    episode.phase = "queued";
    this.queue.push(episode);
  }

  private nextWaiting(): EpisodeState | undefined {
    return this.resumed[this.resumed.length - 1] ?? this.queue[this.queueHead];
  }

  private takeWaiting(): void {
    if (this.resumed.length > 0) this.resumed.pop();
    else if (++this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }

  /** Admits waiting sequences while they fit (evicting unreferenced cache); false if one never can. */
  private admit(now: number): boolean {
    const { ctx, cache } = this;
    const { sharedTokens, version, engine } = ctx;
    for (let episode = this.nextWaiting(); episode; episode = this.nextWaiting()) {
      if (this.runningCount >= engine.maxSequencesPerReplica) return true;
      const target = episode.promptTokens + episode.decodedBeforePreemption;
      const shared = sharedTokens > 0 ? cache.acquire(this.groupKey(episode.group), version) : undefined;
      const own = cache.acquire(episode.id, version);
      const groupUsable = (shared?.tokens ?? 0) >= sharedTokens;
      const ownTarget = Math.max(0, target - sharedTokens);
      const ownKeep = groupUsable ? Math.min(own.tokens, ownTarget) : 0;
      const hit = groupUsable
        ? Math.min(sharedTokens + ownKeep, target)
        : Math.min(shared?.tokens ?? 0, target);
      cache.resize(own, ownKeep);
      const need =
        (shared ? sharedTokens - shared.tokens : 0) + ownTarget - ownKeep + ctx.fixedTokensPerSequence;
      if (!cache.makeRoom(need)) {
        cache.release(own);
        if (shared) cache.release(shared);
        if (this.runningCount === 0)
          this.failure = `one episode's context (${target} tokens at turn ${episode.turn}) does not fit in a replica's KV cache (${ctx.capacityTokens} tokens)`;
        return this.runningCount > 0;
      }
      this.takeWaiting();
      if (shared) cache.resize(shared, sharedTokens);
      cache.resize(own, ownTarget);
      cache.usedTokens += ctx.fixedTokensPerSequence;
      if (!episode.counted) this.count(episode, now, target, hit, groupUsable);
      episode.own = own;
      episode.shared = shared;
      episode.phase = "prefill";
      episode.prefillRemaining = target - hit;
      episode.computedTokens = hit;
      episode.admittedOrder = this.admissions++;
      this.running.push(episode);
      this.runningOrders.push(episode.admittedOrder);
      this.runningCount++;
      if (episode.prefillRemaining > 0) this.prefilling.push(episode);
      else this.startDecode(episode);
    }
    return true;
  }

  private count(episode: EpisodeState, now: number, target: number, hit: number, groupUsable: boolean): void {
    const { ctx, cache } = this;
    episode.counted = true;
    let ideal = Math.min(episode.idealHitTokens, target);
    if (episode.turn === 1) {
      ideal = ctx.groupVersion.get(episode.group) === ctx.version ? Math.min(ctx.sharedTokens, target) : 0;
      ctx.groupVersion.set(episode.group, ctx.version);
    }
    ctx.ledger.turn(episode.turn - 1, now, episode.promptTokens, hit, ideal);
    const missing = ideal - hit;
    if (missing <= 0) return;
    const cause =
      episode.turn > 1 && episode.lastReplica !== this.index
        ? "routedAway"
        : !groupUsable
          ? (cache.lost.get(this.groupKey(episode.group)) ??
            (ctx.groupVersion.get(episode.group) !== ctx.version
              ? "weightSync"
              : episode.turn === 1
                ? "routedAway"
                : "evicted"))
          : (cache.lost.get(episode.id) ?? "evicted");
    ctx.ledger.reprefill[cause] += missing;
  }

  private startDecode(episode: EpisodeState): void {
    episode.phase = "decode";
    episode.decodeStartStep = this.decodeStep;
    episode.decodeStartContext = episode.promptTokens + episode.decodedBeforePreemption;
    this.decoding++;
    this.contextSum += episode.decodeStartContext;
    const left = episode.generateTokens - episode.decodedBeforePreemption;
    episode.decodeFinishStep = this.decodeStep + left;
    this.decoders.push(episode.decodeFinishStep, episode.id);
  }

  /** Preempts the newest running sequence (recompute): its own KV goes, it waits first in line. */
  private preemptNewest(): boolean {
    while (this.running.length > 0) {
      const episode = this.running.pop() as EpisodeState;
      const order = this.runningOrders.pop() as number;
      const live = episode.phase === "prefill" || episode.phase === "decode";
      if (!live || episode.replica !== this.index || episode.admittedOrder !== order) continue;
      const { cache } = this;
      let lost = episode.own?.tokens ?? 0;
      if (episode.phase === "prefill") {
        this.prefilling.splice(this.prefilling.indexOf(episode), 1);
      } else {
        const decoded = this.decodeStep - episode.decodeStartStep;
        this.decoding--;
        this.contextSum -= episode.decodeStartContext + decoded;
        episode.decodedBeforePreemption += decoded;
        cache.usedTokens -= decoded;
        lost += decoded;
      }
      cache.usedTokens -= this.ctx.fixedTokensPerSequence;
      if (episode.own) cache.drop(episode.own, "preempted");
      if (episode.shared) cache.release(episode.shared);
      episode.own = undefined;
      episode.shared = undefined;
      episode.phase = "queued";
      this.runningCount--;
      this.resumed.push(episode);
      this.ctx.ledger.preemptions++;
      this.ctx.ledger.reprefill.preempted += lost;
      return true;
    }
    return false;
  }

  /** Plans the next step from `now`; returns its end time, or undefined when idle (or failed). */
  plan(now: number): number | undefined {
    const { ctx } = this;
    this.planned = undefined;
    let preempted = false;
    while (true) {
      // No admission after a preemption in the same step: the sequence would come straight back.
      if (!preempted && !this.admit(now)) return undefined;
      const n = this.decoding;
      if (this.prefilling.length === 0 && n === 0) return undefined;
      const untilFinish = n > 0 ? this.decoders.peekTime() - this.decodeStep : Number.POSITIVE_INFINITY;
      const budget = ctx.engine.tokenBudgetPerStep - n;
      const head = this.prefilling[0];
      let kind: PlannedStep["kind"] = "decode";
      let steps = Math.min(untilFinish, MAX_DECODE_STEPS_AT_ONCE);
      if (head) {
        const run =
          head.prefillRemaining >= budget &&
          (this.prefilling.length === 1 || head.prefillRemaining >= 2 * budget);
        kind = run ? "prefill-run" : "mixed";
        steps = run ? Math.min(Math.floor(head.prefillRemaining / budget), untilFinish) : 1;
      }
      if (n > 0 && !this.cache.makeRoom(n * steps)) {
        const fit = Math.floor(this.cache.freeTokens / n);
        if (fit >= 1) steps = fit;
        else {
          if (!this.preemptNewest()) {
            this.failure = "the replica's KV cache cannot hold one more decode step of its running sequences";
            return undefined;
          }
          preempted = true;
          continue;
        }
      }
      this.cache.usedTokens += n * steps;
      const meanContext = n > 0 ? this.contextSum / n : 0;
      const decode = n > 0 ? this.decodeSeconds(n, meanContext, steps) : 0;
      let seconds = decode;
      const chunks = this.chunks;
      chunks.length = 0;
      if (kind === "prefill-run" && head) {
        const chunk = prefillSeconds(ctx.model, ctx.replica, ctx.efficiencies, {
          newTokens: budget,
          cachedTokens: head.computedTokens + ((steps - 1) * budget) / 2,
        });
        seconds += steps * chunk.seconds;
      } else if (kind === "mixed") {
        let left = budget;
        for (const episode of this.prefilling) {
          const take = Math.min(left, episode.prefillRemaining);
          seconds += prefillSeconds(ctx.model, ctx.replica, ctx.efficiencies, {
            newTokens: take,
            cachedTokens: episode.computedTokens,
          }).seconds;
          chunks.push(take);
          left -= take;
          if (left === 0) break;
        }
      }
      this.planned = {
        start: now,
        seconds,
        kind,
        steps,
        sequences: n,
        meanContext,
        chunkTokens: budget,
        chunks,
      };
      this.stepVersion++;
      return now + seconds;
    }
  }

  private decodeSeconds(sequences: number, meanContext: number, steps: number): number {
    return this.ctx.decodeCost.spanSeconds(sequences, meanContext, steps);
  }

  /** A request arrived mid-step: a run of decode steps stops after the step in progress. Returns the new end, if changed. */
  interrupt(now: number): number | undefined {
    const step = this.planned;
    if (step?.kind !== "decode" || step.steps <= 1) return undefined;
    const done = Math.min(step.steps, Math.floor(((now - step.start) / step.seconds) * step.steps) + 1);
    if (done >= step.steps) return undefined;
    this.cache.usedTokens -= step.sequences * (step.steps - done);
    step.steps = done;
    step.seconds = Math.max(now - step.start, this.decodeSeconds(step.sequences, step.meanContext, done));
    this.stepVersion++;
    return step.start + step.seconds;
  }

  /** Applies the planned step at its end, `now`: progress, finished prefills start decoding, finished turns leave. */
  commit(now: number): void {
    const step = this.planned;
    if (!step) return;
    this.planned = undefined;
    const { ledger } = this.ctx;
    this.busySeconds += step.seconds;
    ledger.step(step.start, step.seconds, step.sequences, step.steps);
    this.decodeStep += step.steps;
    this.contextSum += step.sequences * step.steps;
    const started = this.started;
    started.length = 0;
    if (step.kind === "prefill-run") {
      const head = this.prefilling[0] as EpisodeState;
      const tokens = step.steps * step.chunkTokens;
      head.prefillRemaining -= tokens;
      head.computedTokens += tokens;
      ledger.prefilledTokens += tokens;
      if (head.prefillRemaining === 0) started.push(this.prefilling.shift() as EpisodeState);
    } else if (step.kind === "mixed") {
      for (let i = 0; i < step.chunks.length; i++) {
        const take = step.chunks[i] as number;
        const episode = this.prefilling[i] as EpisodeState;
        episode.prefillRemaining -= take;
        episode.computedTokens += take;
        ledger.prefilledTokens += take;
        if (episode.prefillRemaining === 0) started.push(episode);
      }
      this.prefilling.splice(0, started.length);
    }
    for (const episode of started) this.startDecode(episode);
    while (this.decoders.size > 0 && this.decoders.peekTime() <= this.decodeStep) {
      const episode = this.ctx.episodes[this.decoders.pop() as number] as EpisodeState;
      const live = episode.phase === "decode" && episode.replica === this.index;
      if (live && episode.decodeFinishStep === this.decoders.poppedTime) this.finishTurn(episode, now);
    }
    if (this.running.length > 4 * this.runningCount + 1024) this.compactRunning();
  }

  private finishTurn(episode: EpisodeState, now: number): void {
    const { ctx, cache } = this;
    const left = episode.generateTokens - episode.decodedBeforePreemption;
    const end = episode.promptTokens + episode.generateTokens;
    this.decoding--;
    this.contextSum -= end;
    cache.usedTokens -= left + ctx.fixedTokensPerSequence;
    const keep = ctx.keepGenerated ? end : episode.promptTokens;
    const reusable = Math.floor(keep / ctx.engine.blockTokens) * ctx.engine.blockTokens;
    if (episode.own) {
      cache.resize(episode.own, Math.max(0, reusable - ctx.sharedTokens));
      cache.release(episode.own);
    }
    if (episode.shared) cache.release(episode.shared);
    episode.own = undefined;
    episode.shared = undefined;
    episode.decodedBeforePreemption = 0;
    episode.idealHitTokens = reusable;
    episode.lastReplica = this.index;
    episode.contextTokens = end;
    ctx.ledger.decodeTokens += episode.generateTokens;
    ctx.ledger.peakContextTokens = Math.max(ctx.ledger.peakContextTokens, end);
    this.runningCount--;
    episode.phase = "tool";
    ctx.onTurnDone(episode, now);
  }

  private compactRunning(): void {
    let w = 0;
    for (let r = 0; r < this.running.length; r++) {
      const episode = this.running[r] as EpisodeState;
      const order = this.runningOrders[r] as number;
      const live =
        (episode.phase === "prefill" || episode.phase === "decode") && episode.admittedOrder === order;
      if (!live || episode.replica !== this.index) continue;
      this.running[w] = episode;
      this.runningOrders[w++] = order;
    }
    this.running.length = w;
    this.runningOrders.length = w;
  }
}
