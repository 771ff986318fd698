import type { GpuPrice } from "./schema.js";
import { GATHERED_AS_OF, REFERENCE_AS_OF, SOURCES } from "./sources.js";

const reference = {
  card: "fireworks-2026-05",
  source: SOURCES.fireworksPricing,
  asOf: REFERENCE_AS_OF,
} as const;
const list202610 = {
  card: "fireworks-2026-10",
  source: SOURCES.fireworks202610,
  asOf: "2026-10-07",
} as const;
const rft = { card: "fireworks-rft", source: SOURCES.fireworksRft, asOf: GATHERED_AS_OF } as const;

/** GPU-hour rates by GPU type; `id` names the rate and its source. Fireworks' lists disagree: all kept. */
export const GPU_PRICES: GpuPrice[] = [
  { id: "fireworks-2026-05-h100", gpuType: "H100_80GB", usdPerGpuHour: 7, ...reference },
  { id: "fireworks-2026-05-h200", gpuType: "H200_141GB", usdPerGpuHour: 7, ...reference },
  { id: "fireworks-2026-05-b200", gpuType: "B200_180GB", usdPerGpuHour: 10, ...reference },
  { id: "fireworks-2026-05-b300", gpuType: "B300_288GB", usdPerGpuHour: 12, ...reference },
  { id: "fireworks-2026-10-h100", gpuType: "H100_80GB", usdPerGpuHour: 8, ...list202610 },
  { id: "fireworks-2026-10-h200", gpuType: "H200_141GB", usdPerGpuHour: 8, ...list202610 },
  { id: "fireworks-2026-10-b200", gpuType: "B200_180GB", usdPerGpuHour: 13, ...list202610 },
  { id: "fireworks-2026-10-b300", gpuType: "B300_288GB", usdPerGpuHour: 15, ...list202610 },
  { id: "fireworks-2026-10-gb300", gpuType: "GB300_279GB", usdPerGpuHour: 20, ...list202610 },
  // The RFT page also lists an A100 at $2.9/GPU-hour; the catalog has no A100 specification (it has no
  // FP8 tensor cores, which the throughput model assumes), so no plan could use that rate: not carried.
  { id: "fireworks-rft-h100", gpuType: "H100_80GB", usdPerGpuHour: 4, ...rft },
  { id: "fireworks-rft-h200", gpuType: "H200_141GB", usdPerGpuHour: 6, ...rft },
  { id: "fireworks-rft-b200", gpuType: "B200_180GB", usdPerGpuHour: 9, ...rft },
];
