// Node-only: a Mooncake trace from a path or stdin ("-"), gzip or not, read line by line.
import { LineSplitter } from "./line-splitter.js";
import { DEFAULT_MAX_LINE_BYTES, LogLimitError } from "./log-limits.js";
import { type MooncakeTrace, MooncakeTraceReader } from "./mooncake-trace.js";
import { nodeDecode, openLogInput } from "./node-input.js";

/** Reads the whole trace at `source`; throws the fs error (ENOENT, EISDIR, ...) if it cannot be opened,
 * NotAFileError for a device, LogLimitError past 64 MiB in a line or a gzip bomb. */
export async function readMooncakeFile(
  source: string,
  stdin: NodeJS.ReadableStream,
): Promise<MooncakeTrace & { cutReason: string | null }> {
  const reader = new MooncakeTraceReader();
  let first = true;
  const splitter = new LineSplitter(
    (bytes, start, end) => {
      let text = nodeDecode(bytes, start, end);
      if (first) text = text.replace(/^\uFEFF/, "");
      first = false;
      reader.line(text);
    },
    {
      maxLineBytes: DEFAULT_MAX_LINE_BYTES,
      onTooLong: () => {
        throw new LogLimitError(
          "maxLineBytes",
          `a line is longer than ${DEFAULT_MAX_LINE_BYTES} bytes, the longest a line may be`,
        );
      },
    },
  );
  const input = openLogInput(source, stdin);
  for await (const chunk of input.chunks) splitter.push(chunk);
  splitter.end();
  // A .gz cut short ends early: what came before the cut is read, and the cut is reported, never hidden.
  return { ...reader.trace, cutReason: input.cutReason() };
}
