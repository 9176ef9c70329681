/** A LAG member's one-word status (802.1AX mux / selection view), coloured like the canvas. */
import { useTranslation } from 'react-i18next';
import type { LacpPortStatus } from '../../engine/events';

export function StatusBadge({ status }: { status: LacpPortStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-${status}`} data-testid="member-status" data-status={status} title={t(`lacp.statusHint.${status}`)}>
      {t(`lacp.status.${status}`)}
    </span>
  );
}
