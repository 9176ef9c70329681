/** Downloads what a link carried as `<link>.pcap` (Wireshark opens it). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabCommands } from '../../store/session';
import { useTopologyStore } from '../../store/topologyStore';
import { downloadBlob } from '../toolbar/download';
import { Icon } from '../toolbar/Icon';

export function PcapButton({ link }: { link: string }) {
  const { t } = useTranslation();
  const commands = useLabCommands();
  const [isBusy, setBusy] = useState(false);

  const onClick = async () => {
    setBusy(true);
    try {
      const { bytes } = await commands.requestPcap(link);
      downloadBlob(new Blob([bytes], { type: 'application/vnd.tcpdump.pcap' }), `${link}.pcap`);
    } catch {
      useTopologyStore.getState().showNotice({ key: 'errors.pcap.failed', params: { link }, level: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" className="btn btn-subtle" data-testid="btn-pcap" disabled={isBusy} onClick={() => void onClick()} title={t('inspector.link.pcapHint')}>
      <Icon name="download" />
      <span>{t('inspector.link.pcap')}</span>
    </button>
  );
}
