import * as v from "valibot";

// Model architectures and GPU specifications (issue 5 fills these in).
const provenance = {
  source: v.pipe(v.string(), v.minLength(1)),
  asOf: v.pipe(v.string(), v.isoDate()),
};

export const ArchitectureSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1)),
  ...provenance,
});

export const GpuSpecSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1)),
  ...provenance,
});

export type Architecture = v.InferOutput<typeof ArchitectureSchema>;
export type GpuSpec = v.InferOutput<typeof GpuSpecSchema>;
