import { readFile, stat } from "node:fs/promises";
import { plansFromLiteLlm } from "../../catalog/import/litellm.js";
import type { PerTokenPlan } from "../../core/plan.js";
import { CliError } from "../cli-error.js";

/** LiteLLM's whole price map is about 1 MiB; a file far past that is not a price map. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** More imported plans than this make an unreadable table: past it, --prices-key must choose. */
export const MAX_IMPORTED_PLANS = 20;

/**
 * The per-token plans of `--prices <file>` (a LiteLLM-style price map), only the `--prices-key` entries
 * when given; the entries left out come back as sentences. Every problem is a CliError naming --prices.
 */
export async function pricesFromFlag(
  path: string,
  rawKeys: string | undefined,
): Promise<{ plans: PerTokenPlan[]; skipped: string[] }> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) {
      throw new CliError(`--prices: ${JSON.stringify(path)} must be a regular file of at most 64 MiB`);
    }
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new CliError(`--prices: cannot read ${JSON.stringify(path)} (${code})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`--prices: ${JSON.stringify(path)} is not valid JSON`);
  }
  const keys = rawKeys
    ?.split(",")
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  let imported: ReturnType<typeof plansFromLiteLlm>;
  try {
    imported = plansFromLiteLlm(data, { source: `${path} (LiteLLM-style)`, ...(keys && { keys }) });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new CliError(`--${error.message}`);
  }
  if (imported.plans.length === 0) {
    throw new CliError(
      `--prices: no usable entry in ${JSON.stringify(path)} (${imported.skipped[0]?.reason ?? "empty map"})`,
    );
  }
  if (imported.plans.length > MAX_IMPORTED_PLANS) {
    throw new CliError(
      `--prices: ${imported.plans.length} entries; choose at most ${MAX_IMPORTED_PLANS} with --prices-key name,name`,
    );
  }
  return { plans: imported.plans, skipped: imported.skipped.map((s) => `--prices: skipped ${s.reason}`) };
}
