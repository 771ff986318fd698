// A deterministic generator of synthetic RL rollout request logs (OpenAI-compatible JSONL or CSV), with the
// totals it wrote, so tests and benchmarks can check `rollout-cost analyze` exactly. Same seed, same bytes.

/** What to generate. */
export interface GenerateOptions {
  seed: number;
  /** Episodes to write (ignored when `targetBytes` is set: episodes are added until the size is reached). */
  episodes?: number;
  /** Stop once this many bytes are written (the last episode is completed). */
  targetBytes?: number;
  format?: "jsonl" | "csv";
  /** Episodes in flight at once; their requests interleave in the file as in a real RL run (default 32). */
  concurrency?: number;
  /** Longest episode, turns (default 24). */
  maxTurns?: number;
  /** Share of requests (after an episode's first) that lost their cache: routed elsewhere or evicted (default 0.08). */
  cacheMissRate?: number;
  /** How many bad lines of each kind to insert (default 0); a truncated last line is added when > 0. */
  badLinesPerKind?: number;
  /** Shuffle every line (requests then arrive out of turn order; default false). */
  shuffle?: boolean;
  lineEnding?: "lf" | "crlf" | "mixed";
  bom?: boolean;
  /** Write each request's content text (default true): lines then look like real responses (~0.5 KB). */
  content?: boolean;
}

/** The truth the generator wrote: every figure `analyze` should report. */
export interface GeneratedTruth {
  requests: number;
  episodes: number;
  skipped: Record<string, number>;
  tokens: { prompt: number; cachedPrompt: number; completion: number; idealCachedPrompt: number };
  turns: number[];
  initialPromptTokens: number[];
  addedTokensPerTurn: number[];
  generatedTokensPerTurn: number[];
  peakContextTokens: number[];
  bytes: number;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "the tool returned a result so I will call search again with the file path and read its tests".split(" ");
const SYSTEM_PROMPT_TOKENS = 1_536;
const BLOCK_TOKENS = 16;

const BAD_KINDS = [
  "malformedJson",
  "missingField",
  "invalidCount",
  "cachedExceedsPrompt",
  "duplicateTurn",
  "invalidOrder",
] as const;
type BadKind = (typeof BAD_KINDS)[number];

interface Episode {
  id: string;
  turns: number;
  turn: number;
  prompt: number;
  prevPrompt: number;
}

interface Request {
  episode: string;
  turn: number;
  prompt: number;
  cached: number;
  completion: number;
}

/** Generates the log as lines (without line endings) and the truth; use `joinLines` for the file's text. */
export function generateLog(options: GenerateOptions): { lines: string[]; truth: GeneratedTruth } {
  const lines: string[] = [];
  const truth = generateInto(options, (line) => lines.push(line));
  return { lines, truth };
}

/** Streams the log line by line to `write`, returning the truth; `write` gets each line with its ending. */
export function generateInto(options: GenerateOptions, write: (line: string) => void): GeneratedTruth {
  const random = seededRandom(options.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const format = options.format ?? "jsonl";
  const concurrency = options.concurrency ?? 32;
  const maxTurns = options.maxTurns ?? 24;
  const missRate = options.cacheMissRate ?? 0.08;
  const bad = options.badLinesPerKind ?? 0;
  const content = options.content ?? true;
  const truth: GeneratedTruth = {
    requests: 0,
    episodes: 0,
    skipped: {},
    tokens: { prompt: 0, cachedPrompt: 0, completion: 0, idealCachedPrompt: 0 },
    turns: [],
    initialPromptTokens: [],
    addedTokensPerTurn: [],
    generatedTokensPerTurn: [],
    peakContextTokens: [],
    bytes: 0,
  };
  const shuffle = options.shuffle ?? false;
  const buffered: string[] = [];
  /** Bytes of the buffered lines (with a one-byte ending), so that a size target is reached when shuffling too. */
  let bufferedBytes = 0;
  let lineCount = 0;
  const ending = () =>
    options.lineEnding === "crlf"
      ? "\r\n"
      : options.lineEnding === "mixed" && lineCount % 3 === 1
        ? "\r\n"
        : "\n";
  const emit = (text: string) => {
    if (shuffle) {
      buffered.push(text);
      bufferedBytes += byteLength(text) + 1;
      return;
    }
    const line = (lineCount === 0 && options.bom ? "\uFEFF" : "") + text + ending();
    lineCount++;
    truth.bytes += byteLength(line);
    write(line);
  };
  if (format === "csv") emit("episode_id,turn,prompt_tokens,completion_tokens,cached_tokens");

  const render = (r: Request, overrides: Partial<Record<keyof Request, unknown>> = {}) => {
    const v = { ...r, ...overrides };
    if (format === "csv") return `${v.episode},${v.turn},${v.prompt},${v.completion},${v.cached}`;
    const words = content ? Math.min(120, Math.floor(r.completion / 20)) : 0;
    let text = "";
    for (let i = 0; i < words; i++) text += `${WORDS[(r.turn * 7 + i) % WORDS.length]} `;
    return JSON.stringify({
      id: `chatcmpl-${options.seed}-${truth.requests}`,
      object: "chat.completion",
      created: 1_764_300_000 + truth.requests,
      model: "kimi-k2p6",
      episode_id: v.episode,
      turn: v.turn,
      choices: [
        { index: 0, message: { role: "assistant", content: text.trimEnd() }, finish_reason: "tool_calls" },
      ],
      usage: {
        prompt_tokens: v.prompt,
        completion_tokens: v.completion,
        total_tokens: r.prompt + r.completion,
        prompt_tokens_details: { cached_tokens: v.cached },
      },
    });
  };

  const target = options.targetBytes;
  const wanted = options.episodes ?? 100;
  const active: Episode[] = [];
  let started = 0;
  // Bad lines, `bad` of each kind, one after every 7th request until all are written.
  const badQueue = BAD_KINDS.flatMap((kind) => Array.from({ length: bad }, () => kind));
  const done = () => (target !== undefined ? truth.bytes + bufferedBytes >= target : started >= wanted);
  const startEpisode = () => {
    const turns = Math.min(maxTurns, 1 + Math.floor(-Math.log(1 - random()) * (maxTurns / 3)));
    const prompt = SYSTEM_PROMPT_TOKENS + int(500, 9_000);
    active.push({ id: `ep-${String(started).padStart(6, "0")}`, turns, turn: 0, prompt, prevPrompt: 0 });
    started++;
    truth.episodes++;
    truth.turns.push(turns);
    truth.initialPromptTokens.push(prompt);
    truth.peakContextTokens.push(0);
  };

  while (active.length > 0 || !done()) {
    while (active.length < concurrency && !done()) startEpisode();
    if (active.length === 0) break;
    const index = int(0, active.length - 1);
    const e = active[index] as Episode;
    e.turn++;
    const completion = Math.max(1, Math.round(Math.exp(4 + random() * 3.5)));
    let cached: number;
    if (e.turn === 1) cached = random() < 0.5 ? SYSTEM_PROMPT_TOKENS : 0;
    else if (random() < missRate) cached = random() < 0.5 ? 0 : SYSTEM_PROMPT_TOKENS;
    else cached = Math.floor(e.prevPrompt / BLOCK_TOKENS) * BLOCK_TOKENS;
    const request: Request = { episode: e.id, turn: e.turn, prompt: e.prompt, cached, completion };
    emit(render(request));
    truth.requests++;
    truth.tokens.prompt += e.prompt;
    truth.tokens.cachedPrompt += cached;
    truth.tokens.completion += completion;
    truth.generatedTokensPerTurn.push(completion);
    const episodeIndex = Number(e.id.slice(3));
    const peak = truth.peakContextTokens[episodeIndex] as number;
    truth.peakContextTokens[episodeIndex] = Math.max(peak, e.prompt + completion);
    if (e.turn > 1) {
      truth.tokens.idealCachedPrompt += Math.min(e.prompt, e.prevPrompt);
      truth.addedTokensPerTurn.push(e.prompt - e.prevPrompt);
    }
    // The next prompt holds this one, the reply, and a tool result of very varied size.
    const toolResult = random() < 0.3 ? int(20, 400) : Math.round(Math.exp(5 + random() * 4.5));
    e.prevPrompt = e.prompt;
    e.prompt += completion + toolResult;
    if (e.turn === e.turns) active.splice(index, 1);
    if (truth.requests % 7 === 0 && badQueue.length > 0) emitBad(request, badQueue.shift() as BadKind);
  }
  if (shuffle) {
    for (let i = buffered.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [buffered[i], buffered[j]] = [buffered[j] as string, buffered[i] as string];
    }
    const [head] =
      format === "csv"
        ? buffered.splice(
            buffered.indexOf("episode_id,turn,prompt_tokens,completion_tokens,cached_tokens"),
            1,
          )
        : [];
    const all = head ? [head, ...buffered] : [...buffered];
    buffered.length = 0;
    for (const text of all) {
      const line = (lineCount === 0 && options.bom ? "\uFEFF" : "") + text + ending();
      lineCount++;
      truth.bytes += byteLength(line);
      write(line);
    }
  }
  if (bad > 0) {
    const cut = render({ episode: "ep-cut", turn: 1, prompt: 10, cached: 0, completion: 1 });
    const line = cut.slice(0, Math.floor(cut.length / 2));
    truth.bytes += byteLength(line);
    truth.skipped.truncatedLine = 1;
    write(line);
  }
  return truth;

  function emitBad(r: Request, kind: BadKind) {
    let text: string;
    if (kind === "malformedJson")
      text = format === "csv" ? `${r.episode},"unterminated` : `{"episode_id": "${r.episode}", oops}`;
    else if (kind === "missingField")
      text =
        format === "csv"
          ? `${r.episode},${r.turn + 1000},,5,0`
          : JSON.stringify({ episode_id: r.episode, turn: r.turn + 1000, usage: { completion_tokens: 5 } });
    else if (kind === "invalidCount") text = render(r, { turn: r.turn + 2000, prompt: -r.prompt });
    else if (kind === "cachedExceedsPrompt") text = render(r, { turn: r.turn + 3000, cached: r.prompt + 1 });
    else if (kind === "invalidOrder") text = render(r, { turn: "soon" });
    // A duplicate repeats its request exactly, so whichever copy comes first the totals are the same.
    else text = render(r);
    const counted = format === "csv" && kind === "malformedJson" ? "malformedRow" : kind;
    truth.skipped[counted] = (truth.skipped[counted] ?? 0) + 1;
    emit(text);
  }
}

function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return bytes;
}
