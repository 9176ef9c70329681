/** Speeds as students read them: 100M, 1G, 2.5G, 100G. */
export function speedLabel(mbps: number): string {
  return mbps >= 1000 ? `${mbps / 1000}G` : `${mbps}M`;
}
