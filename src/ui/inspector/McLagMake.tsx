/**
 * "Make MC-LAG pair with …": offered for each switch joined to this one by a LAG (the peer-link),
 * neither already paired; the keepalive is a separate link between them, or none.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, Topology } from '../../model';
import { keepaliveCandidates, mclagOf, peerLinkCandidates } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { deviceName } from './lookup';
import { SelectField } from './SelectField';

/** Switches this one could pair with: a LAG joins them and neither is in a domain. */
export function pairCandidates(doc: Topology, device: string): string[] {
  return doc.devices
    .filter((d) => d.id !== device && (d.type === 'switch' || d.type === 'router') && !mclagOf(doc, d.id))
    .filter((d) => peerLinkCandidates(doc, device, d.id).length > 0)
    .map((d) => d.id);
}

const NONE = '';

export function McLagMake({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const peers = pairCandidates(doc, device.id);
  const [pickedPeer, setPeer] = useState<string | null>(null);
  const [pickedKa, setKa] = useState<string | null>(null);
  const peer = peers.find((p) => p === pickedPeer) ?? peers[0];
  if (peer === undefined) return <p className="muted small" data-testid="mclag-how">{t('inspector.mclag.how')}</p>;
  const links = keepaliveCandidates(doc, device.id, peer);
  const keepalive = pickedKa === NONE || links.some((l) => l.id === pickedKa) ? (pickedKa as string) : (links[0]?.id ?? NONE);
  const peerLink = peerLinkCandidates(doc, device.id, peer)[0]?.a.id ?? '';

  return (
    <div className="fields" data-testid="mclag-make">
      {peers.length > 1 && <SelectField label={t('inspector.mclag.peer')} testId="field-mclag-peer" value={peer} options={peers.map((p) => ({ value: p, label: deviceName(doc, p) }))} onChange={setPeer} />}
      <p className="muted small">{t('inspector.mclag.makeHint', { peer: deviceName(doc, peer), lag: peerLink })}</p>
      <SelectField
        label={t('inspector.mclag.keepalive')}
        testId="field-mclag-keepalive-new"
        value={keepalive}
        options={[...links.map((l) => ({ value: l.id, label: t('inspector.mclag.linkOption', { link: l.id }) })), { value: NONE, label: t('inspector.mclag.noKeepalive') }]}
        hint={t(keepalive === NONE ? 'inspector.mclag.noKeepaliveHint' : 'inspector.mclag.keepaliveHint')}
        onChange={setKa}
      />
      <button type="button" className="btn btn-subtle" data-testid="btn-make-mclag" onClick={() => useTopologyStore.getState().makeMcLag(device.id, peer, { keepalive: keepalive === NONE ? null : keepalive })}>
        <Icon name="lag" />
        <span>{t('inspector.mclag.make', { peer: deviceName(doc, peer) })}</span>
      </button>
    </div>
  );
}
