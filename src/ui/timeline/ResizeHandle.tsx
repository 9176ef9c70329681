/** The grip on the event log's top edge. */
import type { KeyboardEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOG_MIN_HEIGHT } from './useResizableHeight';

export interface ResizeHandleProps {
  height: number;
  onPointerDown: (e: PointerEvent<HTMLElement>) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}

export function ResizeHandle({ height, onPointerDown, onKeyDown }: ResizeHandleProps) {
  const { t } = useTranslation();
  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('log.resize')}
      aria-valuenow={height}
      aria-valuemin={LOG_MIN_HEIGHT}
      tabIndex={0}
      data-testid="log-resize"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
