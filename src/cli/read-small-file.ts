import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { echo } from "../format/echo.js";
import { CliError } from "./cli-error.js";

/** Paths are echoed longer than values: the file's name is at their end. */
const PATH_CHARS = 200;

/**
 * The text of a small file a flag names (a config.json, a price map): it must be a regular file of at
 * most `maxBytes`, checked on the opened file, and no more than that is ever read (a file that grows
 * while read is refused too). Every problem is one CliError naming the flag.
 */
export function readSmallFile(flag: string, path: string, maxBytes: number): string {
  const refuse = () =>
    new CliError(`--${flag}: ${echo(path, PATH_CHARS)} must be a regular file of at most ${maxBytes} bytes`);
  let fd: number;
  try {
    // Non-blocking: opening a FIFO with no writer must not hang (it is then refused as no regular file).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new CliError(
      `--${flag}: cannot read ${echo(path, PATH_CHARS)} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`,
    );
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) throw refuse();
    const buffer = Buffer.alloc(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw refuse();
    return buffer.toString("utf8", 0, length);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `--${flag}: cannot read ${echo(path, PATH_CHARS)} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`,
    );
  } finally {
    closeSync(fd);
  }
}
