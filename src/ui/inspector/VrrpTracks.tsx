/**
 * Objects a router tracks (Cisco `vrrp N track … decrement`, keepalived `track_interface` with a
 * weight): while one is down the priority drops by its decrement, so a preempting Backup with a
 * higher priority takes over. Typically the uplink: a Master that lost its way out steps aside.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VrrpGroup, VrrpMember } from '../../model';
import { DEFAULT_TRACK_DECREMENT } from '../../model';
import { trackCandidates } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { deviceName, peerOfPort } from './lookup';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { TRACK_DECREMENT } from './validate';

export function VrrpTracks({ group, member }: { group: VrrpGroup; member: VrrpMember }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const tracks = member.tracks ?? [];
  const free = trackCandidates(doc, member.device).filter((c) => !tracks.some((x) => x.target === c));
  const [picked, setPicked] = useState<string | null>(null);
  const target = free.find((c) => c === picked) ?? free[0];
  const store = () => useTopologyStore.getState();
  const label = (c: string) => {
    const port = c.slice(c.lastIndexOf(':') + 1);
    const peer = peerOfPort(doc, member.device, port);
    return peer ? t('inspector.vrrp.trackOption', { port, device: deviceName(doc, peer.device) }) : port;
  };

  return (
    <div className="members" data-testid="vrrp-tracks">
      <span className="field-label">{t('inspector.vrrp.tracks', { count: tracks.length })}</span>
      {tracks.length === 0 && <p className="muted small">{t('inspector.vrrp.noTracks')}</p>}
      {tracks.map((track, i) => (
        <div key={track.target} className="member" data-testid="vrrp-track" data-target={track.target}>
          <NumberField
            key={`d-${track.decrement ?? ''}`}
            label={t('inspector.vrrp.trackDecrement', { target: track.target })}
            testId={`field-vrrp-track-${i}`}
            value={track.decrement}
            defaultValue={DEFAULT_TRACK_DECREMENT}
            rule={TRACK_DECREMENT}
            onCommit={(v) => store().updateVrrpTrack(group.id, member.device, i, v)}
          />
          <button type="button" className="btn btn-subtle-danger" data-testid={`btn-remove-track-${i}`} onClick={() => store().removeVrrpTrack(group.id, member.device, i)}>
            <Icon name="close" />
            <span>{t('inspector.vrrp.untrack')}</span>
          </button>
        </div>
      ))}
      {target !== undefined && (
        <div className="fields">
          <SelectField label={t('inspector.vrrp.trackNew')} testId="field-vrrp-track-target" value={target} options={free.map((c) => ({ value: c, label: label(c) }))} hint={t('inspector.vrrp.trackHint')} onChange={setPicked} />
          <button type="button" className="btn btn-subtle" data-testid="btn-add-track" onClick={() => store().addVrrpTrack(group.id, member.device, target)}>
            <Icon name="plus" />
            <span>{t('inspector.vrrp.track', { port: label(target) })}</span>
          </button>
        </div>
      )}
    </div>
  );
}
