import type { GpuSpec } from "./hardware-schema.js";

export const GPUS: GpuSpec[] = [];
