import type { EpisodeState } from "./episode-state.js";
import type { ReplicaEngine } from "./replica-engine.js";
import type { RolloutRouting } from "./rollout-input.js";

/**
 * The replica a turn goes to. Session affinity: the GRPO group's home (groups dealt out in turn), so an
 * episode and its group stay where their cache is; cache-aware: the longest cached prefix, ties to the least
 * loaded, then the lowest index; round-robin: each request to the next replica.
 */
export function routeRequest(
  routing: RolloutRouting,
  replicas: readonly ReplicaEngine[],
  episode: EpisodeState,
  roundRobin: { next: number },
): number {
  const count = replicas.length;
  if (count === 1) return 0;
  if (routing === "session-affinity") return episode.group % count;
  if (routing === "round-robin") return roundRobin.next++ % count;
  let best = 0;
  let bestHit = -1;
  let bestLoad = Number.POSITIVE_INFINITY;
  for (let r = 0; r < count; r++) {
    const engine = replicas[r] as ReplicaEngine;
    const hit = engine.hitTokens(episode);
    const load = engine.load;
    if (hit > bestHit || (hit === bestHit && load < bestLoad)) {
      best = r;
      bestHit = hit;
      bestLoad = load;
    }
  }
  return best;
}
