// NVLink per GPU (one direction) by generation, the NVLink domain, and the scale-out NIC per GPU.
// Spec sheets quote NVLink bidirectionally: 900 GB/s (NVLink 4, Hopper) and 1.8 TB/s (NVLink 5, Blackwell).
const GB = 1e9;
const nvlink4 =
  "NVIDIA H100/H200 datasheets (https://www.nvidia.com/en-us/data-center/h100/): NVLink 900 GB/s per GPU (bidirectional), HGX 8-GPU NVSwitch domain";
const nvlink5 =
  "https://verda.com/blog/gb300-nvl72-architecture: fifth-generation NVLink 1.8 TB/s per GPU (900 GB/s one way), read 2026-12-01";
const cx7 =
  "one ConnectX-7 400 Gb/s NIC per GPU (DGX H100 / DGX B200 / GB200 NVL72 reference designs, https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html)";
const cx8 =
  "one ConnectX-8 800 Gb/s NIC per GPU (HGX B300 / GB300 NVL72 reference designs, https://www.nvidia.com/en-us/data-center/gb300-nvl72/)";

/** Interconnects of the catalog's GPUs, each with its source. */
export const INTERCONNECTS = {
  hgxHopper: {
    scaleUpBytesPerSecond: 450 * GB,
    scaleUpDomainGpus: 8,
    scaleOutBytesPerSecond: 50 * GB,
    source: `${nvlink4}; ${cx7}`,
  },
  hgxB200: {
    scaleUpBytesPerSecond: 900 * GB,
    scaleUpDomainGpus: 8,
    scaleOutBytesPerSecond: 50 * GB,
    source: `${nvlink5}; HGX 8-GPU domain; ${cx7}`,
  },
  hgxB300: {
    scaleUpBytesPerSecond: 900 * GB,
    scaleUpDomainGpus: 8,
    scaleOutBytesPerSecond: 100 * GB,
    source: `${nvlink5}; HGX 8-GPU domain; ${cx8}`,
  },
  nvl72Gb200: {
    scaleUpBytesPerSecond: 900 * GB,
    scaleUpDomainGpus: 72,
    scaleOutBytesPerSecond: 50 * GB,
    source: `${nvlink5}; NVL72: 72 GPUs in one NVLink domain; ${cx7}`,
  },
  nvl72Gb300: {
    scaleUpBytesPerSecond: 900 * GB,
    scaleUpDomainGpus: 72,
    scaleOutBytesPerSecond: 100 * GB,
    source: `${nvlink5}; NVL72: 72 GPUs in one NVLink domain; ${cx8}`,
  },
} as const;
