// string-width for the bundled CLI (vite.cli.config.ts points cli-table3's require here): its emoji regex
// costs ~15 µs a call and a table measures each cell many times. Printable ASCII and these one-column
// signs are their own length; other text goes to string-width (string-width.test.ts holds the two equal).
let stringWidth;
const ONE_COLUMN_EACH = /^[\x20-\x7e×÷·±µΔ–—−…←→≤≥≠─│┌┐└┘┬┴├┤┼]*$/;

module.exports = (text) => {
  if (typeof text === "string" && ONE_COLUMN_EACH.test(text)) return text.length;
  stringWidth ??= require("string-width/index.js");
  return stringWidth(text);
};
