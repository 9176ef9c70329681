/** Asks the worker for one stored frame; the answer is kept per (link, frame). */
import { useEffect, useState } from 'react';
import { useLabCommands } from '../../store/session';
import type { FrameField } from '../../worker/protocol';

export interface FrameData {
  bytes: Uint8Array;
  fields: FrameField[];
  t: number;
}

export type FrameState = { status: 'loading' } | { status: 'ready'; frame: FrameData } | { status: 'gone' };

type Answer = { key: string; frame: FrameData | null };

export function usePacketFrame(link: string, frame: number): FrameState {
  // A stable object (session.ts), so the request runs once per (link, frame).
  const commands = useLabCommands();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = `${link}#${frame}`;

  useEffect(() => {
    let isCurrent = true;
    commands
      .requestFrame(link, frame)
      .then((msg) => {
        if (isCurrent) setAnswer({ key, frame: { bytes: new Uint8Array(msg.bytes), fields: msg.fields, t: msg.t } });
      })
      .catch(() => {
        if (isCurrent) setAnswer({ key, frame: null });
      });
    return () => {
      isCurrent = false;
    };
  }, [commands, key, link, frame]);

  if (answer?.key !== key) return { status: 'loading' };
  return answer.frame ? { status: 'ready', frame: answer.frame } : { status: 'gone' };
}
