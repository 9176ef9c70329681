/** Raw bytes, 16 per row with offsets and ASCII; bytes of the hovered field are highlighted. */
import { useTranslation } from 'react-i18next';
import type { FrameField } from '../../worker/protocol';
import { asciiChar, byteOwners, hex2, hexRows, offsetLabel } from './hex';

export interface HexDumpProps {
  bytes: Uint8Array;
  fields: readonly FrameField[];
  hovered: string | null;
  onHover: (name: string | null) => void;
}

export function HexDump({ bytes, fields, hovered, onHover }: HexDumpProps) {
  const { t } = useTranslation();
  const owners = byteOwners(fields, bytes.length);
  const cls = (i: number) => (hovered !== null && owners[i] === hovered ? 'highlight' : '');

  return (
    <div className="hex-dump" role="table" aria-label={t('packet.hex')} onMouseLeave={() => onHover(null)}>
      {hexRows(bytes).map((row) => (
        <div key={row.offset} className="hex-row" role="row">
          <span className="hex-offset" role="rowheader">
            {offsetLabel(row.offset)}
          </span>
          <span className="hex-bytes" role="cell">
            {row.bytes.map((b, j) => {
              const i = row.offset + j;
              return (
                <span
                  key={i}
                  className={`hex-byte ${cls(i)}`.trim()}
                  data-testid="hex-byte"
                  data-offset={i}
                  data-field={owners[i] ?? ''}
                  onMouseEnter={() => onHover(owners[i] ?? null)}
                >
                  {hex2(b)}
                </span>
              );
            })}
          </span>
          <span className="hex-ascii" role="cell" aria-hidden="true">
            {row.bytes.map((b, j) => (
              <span key={j} className={cls(row.offset + j)}>
                {asciiChar(b)}
              </span>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}
