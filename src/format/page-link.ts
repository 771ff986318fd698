// The page's address: the port it is served on unless told otherwise (`--port`, `PORT`), and links
// that open a scenario in it.
import type { ScenarioValues } from "../scenario/fields.js";
import { queryFromValues } from "../scenario/read-values.js";

/** The port the page is served on unless told otherwise, and the one links name. */
export const DEFAULT_PORT = 4173;

/** A link that opens `values` in the page served on 127.0.0.1:`port`. */
export function pageLink(values: ScenarioValues, port: number = DEFAULT_PORT): string {
  return `http://127.0.0.1:${port}/?${queryFromValues(values)}`;
}
