import { gpuHourBill } from "./gpu-hour-bill.js";
import type { GpuHourPlan } from "./plan.js";
import { assertPositive } from "./validate.js";
import type { WorkloadTokens } from "./workload-tokens.js";

/** How many copies of a plan's deployment finish the workload by a deadline, or why none can. */
export type DeadlineGpus =
  | {
      ok: true;
      /** Copies of the plan's deployment (each `plan.gpus` GPUs), episodes split evenly between them. */
      replicas: number;
      gpus: number;
      /** Wall-clock hours until the last episode finishes. */
      wallHours: number;
      usdTotal: number;
    }
  | { ok: false; never: string };

/**
 * The fewest replicas of `plan` (its GPU count each, its saturated throughput each, scaling linearly)
 * that finish the workload within `deadlineHours`. Episodes are not split across replicas (session
 * affinity), so past one replica per episode more GPUs cannot help: that case answers `never`.
 */
export function gpusForDeadline(
  tokens: WorkloadTokens,
  plan: GpuHourPlan,
  deadlineHours: number,
): DeadlineGpus {
  assertPositive("deadlineHours", deadlineHours);
  const one = gpuHourBill(tokens, { ...plan, minimumBilledHours: 0 });
  const busyHours = one.clusterHours ?? 0;
  // A hair of relative slack so that a deadline equal to the busy time needs one replica, not two.
  const replicas = Math.max(1, Math.ceil(busyHours / deadlineHours - 1e-12));
  if (replicas > tokens.episodes) {
    const perEpisode = busyHours / tokens.episodes;
    return {
      ok: false,
      never: `one episode keeps a replica busy ${perEpisode.toPrecision(3)} h at these throughputs, longer than the ${deadlineHours} h deadline`,
    };
  }
  const wallHours = busyHours / replicas;
  const billedHours = Math.max(wallHours, plan.minimumBilledHours ?? 0);
  return {
    ok: true,
    replicas,
    gpus: replicas * plan.gpus,
    wallHours,
    usdTotal: billedHours * replicas * plan.gpus * plan.usdPerGpuHour,
  };
}
