/** The hex dump's layout: rows of 16 bytes with offsets, and which field owns each byte (pure). */
import type { FrameField } from '../../worker/protocol';

export const BYTES_PER_ROW = 16;

export interface HexRow {
  offset: number;
  bytes: number[];
}

export function hexRows(bytes: Uint8Array): HexRow[] {
  const rows: HexRow[] = [];
  for (let offset = 0; offset < bytes.length; offset += BYTES_PER_ROW) {
    rows.push({ offset, bytes: Array.from(bytes.subarray(offset, offset + BYTES_PER_ROW)) });
  }
  return rows;
}

/** The field name owning each byte offset (undefined where no field covers it). */
export function byteOwners(fields: readonly FrameField[], length: number): (string | undefined)[] {
  const owners: (string | undefined)[] = new Array<string | undefined>(length).fill(undefined);
  for (const f of fields) {
    for (let i = f.offset; i < f.offset + f.length && i < length; i++) owners[i] = f.name;
  }
  return owners;
}

export function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

export function offsetLabel(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** Printable ASCII or a dot, like Wireshark's byte pane. */
export function asciiChar(n: number): string {
  return n >= 0x20 && n < 0x7f ? String.fromCharCode(n) : '·';
}
