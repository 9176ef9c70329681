/**
 * Which LAG member carries a frame. Linux bonding's xmit_hash_policy formulas
 * (Documentation/networking/bonding.rst §"xmit_hash_policy"; shared/reference/protocols.md §2.3),
 * reduced modulo the number of usable members. Switches use layer2+3 here too.
 */
export type HashPolicy = 'layer2' | 'layer2+3' | 'layer3+4';

function u32(frame: Uint8Array, o: number): number {
  return (((frame[o] ?? 0) << 24) | ((frame[o + 1] ?? 0) << 16) | ((frame[o + 2] ?? 0) << 8) | (frame[o + 3] ?? 0)) >>> 0;
}

/** The hash of a frame (untagged Ethernet II) under a policy. */
export function frameHash(frame: Uint8Array, policy: HashPolicy): number {
  const etherType = ((frame[12] ?? 0) << 8) | (frame[13] ?? 0);
  // layer2: srcMAC[5] ⊕ dstMAC[5] ⊕ EtherType.
  let h = ((frame[11] ?? 0) ^ (frame[5] ?? 0) ^ etherType) >>> 0;
  if (policy === 'layer2' || etherType !== 0x0800 || frame.length < 34) return h;
  const ihl = ((frame[14] ?? 0) & 0x0f) * 4;
  const ipXor = (u32(frame, 26) ^ u32(frame, 30)) >>> 0;
  if (policy === 'layer2+3') {
    h = (h ^ ipXor) >>> 0;
  } else {
    const proto = frame[23] ?? 0;
    const ports = proto === 6 || proto === 17 ? u32(frame, 14 + ihl) : 0;
    h = (ports ^ ipXor) >>> 0;
  }
  h = (h ^ (h >>> 16)) >>> 0;
  h = (h ^ (h >>> 8)) >>> 0;
  return policy === 'layer3+4' ? h >>> 1 : h;
}

/** The member index for a frame among `count` usable members. */
export function pickMember(frame: Uint8Array, policy: HashPolicy, count: number): number {
  return count <= 1 ? 0 : frameHash(frame, policy) % count;
}
