import type { PlanEstimate } from "../../core/plan.js";
import type { ReplayResult } from "../../core/trace-replay/replay-trace.js";
import { csvText } from "../../format/machine-text.js";
import { formatCount, formatPercent, formatUsd } from "../../format/numbers.js";
import { tableText } from "../table-text.js";

/** One capacity's replay and what its tokens cost on each plan. */
export interface ReplayRow {
  replay: ReplayResult;
  plans: PlanEstimate[];
}

const capacityText = (tokens: number) =>
  tokens === Number.POSITIVE_INFINITY ? "unlimited" : formatCount(tokens);

/** The hit-against-capacity table, one column of $ per plan. */
export function replayTable(rows: readonly ReplayRow[], header: string, warnings: readonly string[]): string {
  const plans = rows[0]?.plans ?? [];
  const head = ["cache (tokens)", "hit %", "hit tokens", "evicted blocks", ...plans.map((p) => `${p.id} $`)];
  const body = rows.map(({ replay, plans: priced }) => [
    capacityText(replay.capacityTokens),
    formatPercent(replay.hitFraction * 100),
    formatCount(replay.hitTokens),
    formatCount(replay.evictedBlocks),
    ...priced.map((p) => formatUsd(p.usdTotal)),
  ]);
  const align = head.map((_, i) => (i === 0 ? "left" : "right") as "left" | "right");
  const notes = warnings.map((w) => `warning: ${w}\n`).join("");
  return `${header}\n${tableText(head, body, align)}\n${notes}`;
}

/** CSV: one row per capacity and plan. */
export function replayCsv(rows: readonly ReplayRow[]): string {
  const columns = [
    "capacityTokens",
    "replicas",
    "routing",
    "requests",
    "inputTokens",
    "hitTokens",
    "hitPercent",
    "evictedBlocks",
    "planId",
    "usdTotal",
    "usdPerRequest",
  ];
  const records = rows.flatMap(({ replay, plans }) =>
    plans.map((plan) => ({
      capacityTokens:
        replay.capacityTokens === Number.POSITIVE_INFINITY ? "unlimited" : replay.capacityTokens,
      replicas: replay.replicas,
      routing: replay.routing,
      requests: replay.requests,
      inputTokens: replay.inputTokens,
      hitTokens: replay.hitTokens,
      hitPercent: replay.hitFraction * 100,
      evictedBlocks: replay.evictedBlocks,
      planId: plan.id,
      usdTotal: plan.usdTotal,
      usdPerRequest: plan.usdPerEpisode,
    })),
  );
  return csvText(columns, records);
}
