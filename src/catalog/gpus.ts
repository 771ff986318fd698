import { SERVING_EFFICIENCIES } from "./efficiencies.js";
import type { GpuSpec } from "./hardware-schema.js";
import { INTERCONNECTS } from "./interconnects.js";

// Dense spec-sheet figures (sheets often quote 2× with 2:4 sparsity). HBM is counted in
// decimal gigabytes as the sheets print it; the driver reports a little more on H100 (80 GiB).
const ASOF = "2026-11-20";
const TERA = 1e12;
const verda =
  "https://verda.com/blog/gb300-nvl72-architecture (per-GPU dense figures for GB300, GB200, B300, B200), read 2026-12-01";

export const GPUS: GpuSpec[] = [
  {
    id: "H100_80GB",
    label: "NVIDIA H100 SXM 80GB",
    hbmBytes: 80e9,
    hbmBytesPerSecond: 3.35 * TERA,
    denseFlopsPerSecond: { bf16: 989 * TERA, fp8: 1979 * TERA },
    interconnect: INTERCONNECTS.hgxHopper,
    efficiencies: SERVING_EFFICIENCIES,
    source: "NVIDIA H100 datasheet (SXM, dense), https://www.nvidia.com/en-us/data-center/h100/",
    asOf: ASOF,
  },
  {
    id: "H200_141GB",
    label: "NVIDIA H200 SXM 141GB",
    hbmBytes: 141e9,
    hbmBytesPerSecond: 4.8 * TERA,
    denseFlopsPerSecond: { bf16: 989 * TERA, fp8: 1979 * TERA },
    interconnect: INTERCONNECTS.hgxHopper,
    efficiencies: SERVING_EFFICIENCIES,
    source: "NVIDIA H200 datasheet (SXM, dense), https://www.nvidia.com/en-us/data-center/h200/",
    asOf: ASOF,
  },
  {
    id: "B200_180GB",
    label: "NVIDIA B200 180GB",
    hbmBytes: 180e9,
    hbmBytesPerSecond: 8 * TERA,
    denseFlopsPerSecond: { bf16: 2250 * TERA, fp8: 4500 * TERA, fp4: 9000 * TERA },
    interconnect: INTERCONNECTS.hgxB200,
    efficiencies: SERVING_EFFICIENCIES,
    source:
      "NVIDIA DGX B200 datasheet (dense, 180 GB usable), https://www.nvidia.com/en-us/data-center/dgx-b200/",
    asOf: ASOF,
  },
  {
    id: "B300_288GB",
    label: "NVIDIA B300 288GB",
    hbmBytes: 288e9,
    hbmBytesPerSecond: 8 * TERA,
    denseFlopsPerSecond: { bf16: 2250 * TERA, fp8: 4500 * TERA, fp4: 13500 * TERA },
    interconnect: INTERCONNECTS.hgxB300,
    efficiencies: SERVING_EFFICIENCIES,
    source: "NVIDIA HGX B300 datasheet (dense), https://www.nvidia.com/en-us/data-center/hgx/",
    asOf: ASOF,
  },
  {
    // A B200-class GPU on a Grace superchip in an NVL72 rack (as in the TensorRT-LLM performance table): B200's dense rates, 186 GB
    // (13.4 TB of HBM3e over 72 GPUs), and a 72-GPU NVLink domain.
    id: "GB200_186GB",
    label: "NVIDIA GB200 (NVL72) 186GB",
    hbmBytes: 186e9,
    hbmBytesPerSecond: 8 * TERA,
    denseFlopsPerSecond: { bf16: 2250 * TERA, fp8: 4500 * TERA, fp4: 9000 * TERA },
    interconnect: INTERCONNECTS.nvl72Gb200,
    efficiencies: SERVING_EFFICIENCIES,
    source: `${verda}; https://aiwiki.ai/wiki/nvidia_gb200_nvl72 (13.4 TB HBM3e per 72-GPU rack)`,
    asOf: "2026-12-01",
  },
  {
    id: "GB300_279GB",
    label: "NVIDIA GB300 (NVL72) 279GB",
    hbmBytes: 279e9,
    hbmBytesPerSecond: 8 * TERA,
    denseFlopsPerSecond: { bf16: 2500 * TERA, fp8: 5000 * TERA, fp4: 15000 * TERA },
    interconnect: INTERCONNECTS.nvl72Gb300,
    efficiencies: SERVING_EFFICIENCIES,
    source: verda,
    asOf: "2026-12-01",
  },
];
