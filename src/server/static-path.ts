import path from "node:path";

/** Where a request path points inside `root`, or the status to answer instead. */
export type StaticPath = { ok: true; filePath: string } | { ok: false; status: 400 | 404 };

/**
 * Maps a request target ("/assets/x.js?v=1") to a file under `root` (an absolute, resolved folder).
 * Rejects anything that could leave it, however encoded: ".." or "." segments, backslashes, NUL,
 * malformed or double percent-encoding; "/" means index.html. A segment starting with "." (.git, .env)
 * is a dotfile and never served (404). Never touches the file system.
 */
export function staticPathFor(root: string, target: string): StaticPath {
  if (!target.startsWith("/")) return { ok: false, status: 400 };
  const rawPath = target.split(/[?#]/, 1)[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400 };
  }
  // After one decoding, a remaining "%" is double encoding; "\" and NUL have no place in a URL path.
  if (/[%\\]/.test(decoded) || hasControlCharacter(decoded)) return { ok: false, status: 400 };
  const segments = decoded.split("/").slice(1);
  if (segments.some((s) => s === ".." || s === ".")) return { ok: false, status: 400 };
  if (segments.some((s) => s.startsWith("."))) return { ok: false, status: 404 };
  // Empty segments ("//x", "/x/") name no file but a folder, which only "/" may do.
  const relative = decoded === "/" ? "index.html" : segments.join("/");
  if (segments.some((s) => s === "") && decoded !== "/") return { ok: false, status: 404 };
  const filePath = path.resolve(root, relative);
  if (!filePath.startsWith(root + path.sep)) return { ok: false, status: 400 };
  return { ok: true, filePath };
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
