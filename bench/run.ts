// `npm run bench`: runs every bench/*.bench.ts in turn (or those named on the command line); each prints its figures.
import { readdirSync } from "node:fs";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

console.log(
  `# rollout-cost benchmarks · ${new Date().toISOString().slice(0, 10)} · ${os.cpus()[0]?.model ?? "cpu"} · ${os.cpus().length} cores · node ${process.version}`,
);
for (const file of files) {
  console.log(`\n## ${file}`);
  const module = (await import(pathToFileURL(`${here}${file}`).href)) as {
    main?: () => Promise<void> | void;
  };
  await module.main?.();
}
