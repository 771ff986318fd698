import type { GpuPrice } from "./schema.js";
import { REFERENCE_AS_OF, SOURCES } from "./sources.js";

const reference = { source: SOURCES.fireworksPricing, asOf: REFERENCE_AS_OF } as const;

/** GPU-hour rates by GPU type; `id` names the rate and its source. */
export const GPU_PRICES: GpuPrice[] = [
  { id: "fireworks-2026-05-h100", gpuType: "H100_80GB", usdPerGpuHour: 7, ...reference },
  { id: "fireworks-2026-05-h200", gpuType: "H200_141GB", usdPerGpuHour: 7, ...reference },
  { id: "fireworks-2026-05-b200", gpuType: "B200_180GB", usdPerGpuHour: 10, ...reference },
  { id: "fireworks-2026-05-b300", gpuType: "B300_288GB", usdPerGpuHour: 12, ...reference },
];
