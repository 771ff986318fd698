// Raw characters to splice into a JSON string's text, for the log readers' fuzz tests: quotes, escapes
// valid and not, control bytes, non-ASCII. A line built from them may stop being valid JSON, and a reader
// must then say so exactly as JSON.parse does.
import fc from "fast-check";

const UNITS = [
  "a",
  "b",
  " ",
  "1",
  "é",
  "→",
  "\\",
  "\\n",
  "\\u00e9",
  "\\x",
  '\\"',
  '"',
  "\t",
  "\u0001",
  "\u001f",
  "\u007f",
];

/** The text of a string (without its quotes) made of those characters, up to `maxLength` of them. */
export function rawStringText(maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...UNITS), maxLength });
}
