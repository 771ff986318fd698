import { SERVING_EFFICIENCIES } from "./efficiencies.js";
import type { GpuSpec } from "./hardware-schema.js";

// Dense spec-sheet figures (sheets often quote 2× with 2:4 sparsity), DATA.md §4. HBM is counted in
// decimal gigabytes as the sheets print it; the driver reports a little more on H100 (80 GiB).
const ASOF = "2026-11-20";
const TERA = 1e12;

export const GPUS: GpuSpec[] = [
  {
    id: "H100_80GB",
    label: "NVIDIA H100 SXM 80GB",
    hbmBytes: 80e9,
    hbmBytesPerSecond: 3.35 * TERA,
    denseFlopsPerSecond: { bf16: 989 * TERA, fp8: 1979 * TERA },
    efficiencies: SERVING_EFFICIENCIES,
    source: "NVIDIA H100 datasheet (SXM, dense); DATA.md §4",
    asOf: ASOF,
  },
  {
    id: "H200_141GB",
    label: "NVIDIA H200 SXM 141GB",
    hbmBytes: 141e9,
    hbmBytesPerSecond: 4.8 * TERA,
    denseFlopsPerSecond: { bf16: 989 * TERA, fp8: 1979 * TERA },
    efficiencies: SERVING_EFFICIENCIES,
    source: "NVIDIA H200 datasheet (SXM, dense); DATA.md §4",
    asOf: ASOF,
  },
  {
    id: "B200_180GB",
    label: "NVIDIA B200 180GB",
    hbmBytes: 180e9,
    hbmBytesPerSecond: 8 * TERA,
    denseFlopsPerSecond: { bf16: 2250 * TERA, fp8: 4500 * TERA, fp4: 9000 * TERA },
    efficiencies: SERVING_EFFICIENCIES,
    source: "NVIDIA DGX B200 / HGX B200 datasheet (dense, 180 GB usable); DATA.md §4",
    asOf: ASOF,
  },
  {
    id: "B300_288GB",
    label: "NVIDIA B300 288GB",
    hbmBytes: 288e9,
    hbmBytesPerSecond: 8 * TERA,
    denseFlopsPerSecond: { bf16: 2250 * TERA, fp8: 4500 * TERA, fp4: 13500 * TERA },
    efficiencies: SERVING_EFFICIENCIES,
    source: "NVIDIA HGX B300 datasheet (dense); DATA.md §4",
    asOf: ASOF,
  },
];
