/** One request of a serving trace with prefix-block hashes (the Mooncake trace format). */
export interface TraceRequest {
  /** Arrival, milliseconds from the trace's start. */
  timestampMs: number;
  inputTokens: number;
  outputTokens: number;
  /** Ids of the prompt's prefix blocks in order; equal ids are the same reusable KV block. */
  hashIds: readonly number[];
}

/** The requests in timestamp order; ties keep their order in the trace (a stable sort). */
export function inTimestampOrder(requests: readonly TraceRequest[]): TraceRequest[] {
  const indexed = requests.map((request, index) => ({ request, index }));
  indexed.sort((a, b) => a.request.timestampMs - b.request.timestampMs || a.index - b.index);
  return indexed.map((entry) => entry.request);
}
