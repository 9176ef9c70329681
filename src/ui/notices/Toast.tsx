/** One message box: an icon, the text, optional extra action, and a close button. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../toolbar/Icon';

export interface ToastProps {
  level: 'error' | 'info';
  text: string;
  detail?: string | undefined;
  action?: ReactNode;
  onClose: () => void;
}

export function Toast({ level, text, detail, action, onClose }: ToastProps) {
  const { t } = useTranslation();
  return (
    <div className={`toast toast-${level}`} data-testid="notice" data-level={level} role={level === 'error' ? 'alert' : 'status'}>
      <span className="toast-icon">
        <Icon name={level === 'error' ? 'alert' : 'info'} />
      </span>
      <div className="toast-body">
        <p className="toast-text">{text}</p>
        {detail !== undefined && detail !== '' && <p className="toast-detail">{detail}</p>}
        {action}
      </div>
      <button type="button" className="btn btn-icon btn-ghost" data-testid="notice-close" onClick={onClose} aria-label={t('app.dismiss')} title={t('app.dismiss')}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
