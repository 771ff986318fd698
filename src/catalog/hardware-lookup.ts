import { EFFICIENCY_PROFILES } from "./efficiencies.js";
import type { Architecture, EfficiencyDefaults, GpuSpec } from "./hardware-schema.js";
import { CATALOG, type Catalog } from "./index.js";

const known = (items: { id: string }[]) => items.map((item) => item.id).join(", ");

/** The architecture of the model with this id; throws `unknown model: x (known: ...)`. */
export function architectureById(id: string, catalog: Catalog = CATALOG): Architecture {
  const found = catalog.architectures.find((a) => a.id === id);
  if (!found) throw new RangeError(`unknown model: ${id} (known: ${known(catalog.architectures)})`);
  return found;
}

/** The GPU with this reference-page id (H100_80GB, ...); throws `unknown GPU: x (known: ...)`. */
export function gpuById(id: string, catalog: Catalog = CATALOG): GpuSpec {
  const found = catalog.gpus.find((g) => g.id === id);
  if (!found) throw new RangeError(`unknown GPU: ${id} (known: ${known(catalog.gpus)})`);
  return found;
}

/** The efficiency profile with this id (serving, eager); throws `unknown efficiency profile: x (known: ...)`. */
export function efficiencyProfileById(id: string): EfficiencyDefaults {
  const found = EFFICIENCY_PROFILES.find((p) => p.id === id);
  if (!found)
    throw new RangeError(`unknown efficiency profile: ${id} (known: ${known(EFFICIENCY_PROFILES)})`);
  return found;
}
