/** Speeds as students read them: 100M, 1G, 2.5G, 100G. */
export function speedLabel(mbps: number): string {
  return mbps >= 1000 ? `${mbps / 1000}G` : `${mbps}M`;
}

/** A bit rate as students read it: 512 b/s, 9.6 kb/s, 1.2 Mb/s, 3 Gb/s. */
export function bitRateLabel(bitsPerS: number): string {
  const units = ['b/s', 'kb/s', 'Mb/s', 'Gb/s'] as const;
  let value = bitsPerS;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  const digits = value >= 100 || i === 0 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${units[i] ?? ''}`;
}
