import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run.js";
import { runCliInProcess } from "./cli-helpers.js";

/** Runs the CLI as on a terminal `columns` wide. */
async function onTerminal(args: string[], columns: number) {
  let stdout = "";
  const code = await runCli(args, {
    stdout: Object.assign({ write: (t: string) => (stdout += t) }, { isTTY: true, columns }),
    stderr: { write: () => true },
    stdin: new PassThrough(),
    env: {},
    signal: new AbortController().signal,
  });
  return { code, stdout };
}

const textLines = (out: string) => out.split("\n").filter((l) => !/^[┌│└]/.test(l));

describe("the verdict comes first", () => {
  it("estimate: the verdict (preset current), then the Fireworks page's table with its figures unchanged", async () => {
    const { code, stdout } = await runCliInProcess(["estimate"]);
    expect(code).toBe(0);
    expect(stdout.startsWith("Verdict\n")).toBe(true);
    // Serverless: $200.68; the page's own figures below: Tinker $2,265, Dedicated $284, 2.96 h, 8.0×.
    expect(stdout.indexOf("fireworks-serverless, $201")).toBeLessThan(
      stdout.indexOf("Per-episode token math"),
    );
    for (const figure of [
      "$2,265",
      "$284",
      "2.96",
      "8.0× cheaper",
      "$0.89 per 1M prefilled",
      "$17.78 per 1M generated",
    ])
      expect(stdout).toContain(figure);
  });

  it("estimate --json keeps the page's figures and adds the verdict and the effective rates", async () => {
    const json = JSON.parse((await runCliInProcess(["estimate", "--json"])).stdout);
    expect(json.plans.tinker).toEqual({ usdPerEpisode: 2.26496, usdTotal: 2264.96 });
    expect(json.verdict.cheapest.id).toBe("fireworks-serverless");
    expect(json.dedicatedUsdPerMillion.prompt).toBeCloseTo(0.888889, 5);
    expect(json.dedicatedUsdPerMillion.generated).toBeCloseTo(17.777778, 5);
  });

  it("--quiet prints only the verdict; beside --json or --csv it is an error", async () => {
    for (const command of ["estimate", "compare"]) {
      const { code, stdout } = await runCliInProcess([command, "--quiet"]);
      expect(code).toBe(0);
      expect(stdout.startsWith("Verdict\n")).toBe(true);
      expect(stdout).not.toContain("┌");
      expect(stdout).not.toContain("Reality check");
    }
    for (const format of ["--json", "--csv"]) {
      const { code, stdout, stderr } = await runCliInProcess(["compare", "--quiet", format]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toContain("--quiet");
    }
  });

  it("compare ranks plans cheapest first, marks the cheapest and gives each plan its $/1M", async () => {
    const { stdout } = await runCliInProcess(["compare", "--preset", "current"]);
    const rows = stdout.split("\n").filter((l) => /^│ +\d/.test(l));
    expect(rows.map((r) => r.split("│")[2]?.trim())).toEqual([
      "fireworks-serverless",
      "dedicated-fireworks-2026-05",
      "dedicated-fireworks-2026-10",
      "tinker-2026-05",
    ]);
    expect(rows[0]).toContain("1 ←");
    // 8 × $12 ÷ (1,500 × 3600) × 10^6 = $17.78 per 1M generated; 8 × $15: $22.22.
    expect(rows[1]).toContain("$0.89 · $17.78*");
    expect(rows[2]).toContain("$1.11 · $22.22*");
    expect(rows[3]).toContain("$5.15 · $12.81");
    const json = JSON.parse((await runCliInProcess(["compare", "--preset", "current", "--json"])).stdout);
    expect(json.verdict.cheapest.id).toBe(json.ranking[0]);
    expect(
      json.plans.find((p: { id: string }) => p.id === "dedicated-fireworks-2026-05").usdPerMillion,
    ).toEqual({
      prompt: expect.closeTo(0.888889, 5),
      cachedPrompt: 0,
      generated: expect.closeTo(17.777778, 5),
      from: "GPU-hours",
    });
  });

  it("each source is printed once, in a footnote list", async () => {
    const { stdout } = await runCliInProcess(["compare"]);
    const sources = stdout.slice(stdout.indexOf("\nSources:\n"));
    expect(sources).toContain("[1] https://fireworks.ai/pricing");
    expect(stdout.split("thinkingmachines.ai/tinker").length - 1).toBe(1);
  });
});

describe("tables fit the terminal", () => {
  it("without a TTY every text line fits 100 columns and the verdict is wrapped", async () => {
    const { stdout } = await runCliInProcess(["compare", "--preset", "current", "--self-hosted", "2"]);
    for (const line of textLines(stdout)) expect(line.length).toBeLessThanOrEqual(100);
    const table = stdout.split("\n").filter((l) => l.startsWith("│"));
    for (const line of table) expect(line.length).toBeLessThanOrEqual(100);
    // Five plans with long ids do not fit with the "vs baseline" column: it goes, and the output says so.
    expect(stdout).toContain("columns left out to fit 100 columns: vs baseline");
  });

  it("on a wide terminal a description column joins; on a narrow one it is dropped", async () => {
    const wide = await onTerminal(["compare", "--preset", "current"], 200);
    expect(wide.stdout).toContain("│ description");
    expect(wide.stdout).toContain("Fireworks serverless, cached input");
    const narrow = await onTerminal(["compare"], 80);
    expect(narrow.stdout).not.toContain("description");
    for (const line of textLines(narrow.stdout)) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe("newcomer questions, one command each", () => {
  it('"Qwen3.5-397B, 20 turns, 4K initial, +3K per turn, 1K generated: cheapest plan and by how much?"', async () => {
    // Per episode: prompt Σ(4,000 + 3,000(t−1)) for t = 1..20 = 80,000 + 570,000 = 650,000 tokens, of which
    // the final prompt 61,000 is prefilled and 589,000 cached; 20,000 decoded. × 1,000 episodes.
    // Dedicated 8× B200 at 20,000 / 1,200 tok/s: decode 2·10^7 / 1,200 = 16,667 s = 4.630 h (prefill
    // 6.1·10^7 / 20,000 = 3,050 s, overlapped). RFT rates $9/GPU-hour: 4.630 × 8 × 9 = $333.33;
    // the reference page's $10: $370.37, +$37.04, 1.11×. Tinker 2026-10 (64K tier, cached 80% off):
    // 61M × $3 + 589M × $0.60 + 20M × $7.50 = 183 + 353.4 + 150 = $686.40, 2.06× the cheapest.
    const args = [
      "compare",
      ...["--model", "qwen3.5-397b", "--turns", "20", "--initial-prompt", "4K"],
      ...["--added-per-turn", "3K", "--generated-per-turn", "1K"],
    ];
    const { code, stdout } = await runCliInProcess([...args, "--quiet"]);
    expect(code).toBe(0);
    const words = stdout.replace(/\s+/g, " ");
    expect(words).toContain("dedicated-fireworks-rft, $333 for 1,000 episodes ($0.33 / episode); 4.63");
    expect(words).toContain("Runner-up: dedicated-fireworks-2026-05, $370 (1.11× the cheapest, +$37)");
    const { verdict } = JSON.parse((await runCliInProcess([...args, "--json"])).stdout);
    expect(verdict.cheapest.usdTotal).toBeCloseTo(333.3333, 3);
    expect(verdict.runnerUp.usdTotal - verdict.cheapest.usdTotal).toBeCloseTo(37.037, 2);
    expect(verdict.flip.factor).toBeCloseTo(686.4 / 333.3333, 4);
  });

  it('"how many B200s to finish 50,000 episodes in 6 hours?"', async () => {
    // Qwen3.5-397B's dedicated default is 8× B200 at 20,000 / 1,200 tok/s. Default shape: 16,000 decoded
    // per episode × 50,000 = 8·10^8 tokens / 1,200 = 666,667 s = 185.19 h on one replica (prefill
    // 4.6·10^9 / 20,000 = 63.9 h, overlapped); ⌈185.19 / 6⌉ = 31 replicas = 248 B200s, 5.97 h each;
    // $ at RFT's $9: 185.19 × 8 × 9 = $13,333.
    const { code, stdout } = await runCliInProcess([
      ...["breakeven", "--deadline-hours", "6", "--episodes", "50000"],
      ...["--model", "qwen3.5-397b", "--preset", "current"],
    ]);
    expect(code).toBe(0);
    const rft = stdout.split("\n").find((l) => l.includes("dedicated-fireworks-rft"));
    expect(rft).toMatch(/│ +31 │ +248 \(31 × 8\) │ +5\.97 │ +\$13,333 │/);
  });

  it('"Kimi K2.6 on 4 × H100 at $3/GPU-hour: can it even run?"', async () => {
    // 4 × 80 GB × 0.9 memory utilisation = 288 GB; Kimi K2.6's weights need 668 GB: no. Both the
    // self-hosted plan and the page's dedicated plan are listed as unavailable with the bytes.
    const args = ["compare", "--gpu", "H100_80GB", "--gpus", "4", "--self-hosted", "3"];
    const { code, stdout } = await runCliInProcess(args);
    expect(code).toBe(0);
    const words = stdout.replace(/\s+/g, " ");
    expect(words).toContain(
      "self-hosted: Kimi K2.6 (128K)'s weights need 668.0 GB but 4× H100_80GB hold 288.0 GB (at the GPU's memory utilisation): it cannot run there",
    );
    const json = JSON.parse((await runCliInProcess([...args, "--json"])).stdout);
    const selfHosted = json.unavailable.find((u: { id: string }) => u.id === "self-hosted");
    expect(selfHosted.weights.availableBytes).toBeCloseTo(288e9, -6);
    expect(selfHosted.weights.neededBytes).toBeGreaterThan(selfHosted.weights.availableBytes);
    expect(json.plans.map((p: { id: string }) => p.id)).toEqual(["tinker"]);
  });
});

describe("--gpu and --throughput", () => {
  it("derived throughput reaches the verdict, the table's band line and JSON", async () => {
    const { code, stdout } = await runCliInProcess([
      "compare",
      "--preset",
      "reference",
      "--throughput",
      "derived",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("(preset reference, derived throughput)");
    expect(stdout).toMatch(/derived dedicated: [\d.]+–[\d.]+ cluster-hours, \$[\d,]+–\$[\d,]+/);
    const json = JSON.parse(
      (await runCliInProcess(["compare", "--preset", "reference", "--throughput", "derived", "--json"]))
        .stdout,
    );
    const dedicated = json.plans.find((p: { id: string }) => p.id === "dedicated");
    expect(dedicated.band.worstFactor).toBe(1.36);
    expect(dedicated.band.usdTotal.low).toBeCloseTo(dedicated.usdTotal / 1.36, 9);
    expect(json.verdict.throughput).toBe("derived");
    // The reality check's throughput rows come with derived throughput (saturated: a hint, no rows).
    expect(json.realityCheckThroughput.map((r: { id: string }) => r.id)).toEqual([
      "derived-throughput",
      "cache-survival",
    ]);
    expect(stdout).toContain("Every episode in flight");
    const saturated = JSON.parse((await runCliInProcess(["compare", "--json"])).stdout);
    expect(saturated.realityCheckThroughput).toEqual([]);
  });

  it("breakeven and sweep take them too, on the same derived figures as compare", async () => {
    const compare = JSON.parse(
      (await runCliInProcess(["compare", "--throughput", "derived", "--json"])).stdout,
    );
    const usd = compare.plans.find((p: { id: string }) => p.id === "dedicated").usdTotal;
    const deadline = await runCliInProcess([
      "breakeven",
      "--deadline-hours",
      "6",
      "--throughput",
      "derived",
      "--json",
    ]);
    expect(deadline.code).toBe(0);
    const args = ["sweep", "--x", "turns", "--x-values", "4,8", "--throughput", "derived", "--json"];
    const sweep = await runCliInProcess(args);
    expect(sweep.code).toBe(0);
    // At 8 turns (the scenario's own) the sweep's dedicated bill is compare's.
    const at8 = JSON.parse(sweep.stdout).rows.find(
      (r: { x: number; plan: string }) => r.x === 8 && r.plan === "dedicated",
    );
    expect(at8.usdTotal).toBeCloseTo(usd, 6);
  });

  it("bad values exit 2 with one line naming the flag", async () => {
    for (const [args, message] of [
      [["compare", "--gpu", "NaN"], "unknown GPU"],
      [["compare", "--throughput", "fast"], "--throughput"],
      [["estimate", "--throughput", "fast"], "--throughput"],
      [["compare", "--cache-kept", "101"], '--cache-kept must be a number >= 0 and <= 100, got "101"'],
      [["compare", "--cache-kept", "half"], '--cache-kept must be a number >= 0 and <= 100, got "half"'],
    ] as const) {
      const { code, stdout, stderr } = await runCliInProcess([...args]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toContain(message);
    }
  });

  // The reference preset at 3,000 prompt tok/s: dedicated $817.78 (8.52 h), Tinker $2,264.96. With the
  // cache kept down to 40% of the ideal, dedicated prefills 276.8M tokens: 25.63 h, $2,460.44 > Tinker's.
  it("--cache-kept gives dedicated plans a range and says when the ranking can flip inside it", async () => {
    const args = ["compare", "--preset", "reference", "--prompt-tps", "3000", "--cache-kept", "40"];
    const json = JSON.parse((await runCliInProcess([...args, "--json"])).stdout);
    expect(json.verdict.ranges).toMatchObject({ keptLowPercent: 40, canFlip: true });
    const dedicated = json.plans.find((p: { id: string }) => p.id === "dedicated");
    expect(dedicated.cacheBand.usdTotal.high).toBeCloseTo(2460.44, 2);
    const { code, stdout } = await runCliInProcess([...args, "--quiet"]);
    expect(code).toBe(0);
    // The verdict's words wrap to the terminal: read them as one line.
    expect(stdout.replace(/\s+/g, " ")).toContain("the ranking can flip (tinker, from $2,265)");
    // estimate takes the flag too, for its verdict.
    const estimate = JSON.parse(
      (
        await runCliInProcess([
          "estimate",
          "--prompt-tps",
          "3000",
          "--cache-kept",
          "40",
          "--preset",
          "reference",
          "--json",
        ])
      ).stdout,
    );
    expect(estimate.verdict.ranges.canFlip).toBe(true);
  });
});
