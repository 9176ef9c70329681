/** Plain-text column alignment for the summary (no colours, no box drawing). */

/** Pads every column but the last to its widest cell, two spaces apart; returns the lines. */
export function alignColumns(rows: readonly (readonly string[])[], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) => {
    const cells = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)));
    return (indent + cells.join('  ')).trimEnd();
  });
}

/** Wraps prose at `width` columns; the first line gets `indent`, the others `nextIndent`. */
export function wrap(text: string, width: number, indent: string, nextIndent = indent): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const lead = lines.length === 0 ? indent : nextIndent;
    if (line !== '' && lead.length + line.length + 1 + word.length > width) {
      lines.push(lead + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push((lines.length === 0 ? indent : nextIndent) + line);
  return lines;
}
