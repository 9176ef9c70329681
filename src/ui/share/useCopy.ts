/**
 * Copies text to the clipboard once; if the browser refuses (no permission, insecure page),
 * the caller selects the text so Ctrl+C works.
 */
import { useEffect, useState } from 'react';

export type CopyState = 'pending' | 'copied' | 'failed';

export function useCopyOnce(text: string, onFail: () => void): [CopyState, () => void] {
  const [state, setState] = useState<{ text: string; state: CopyState } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    const copy = async () => {
      try {
        if (!navigator.clipboard) throw new Error('no clipboard');
        await navigator.clipboard.writeText(text);
        if (isCurrent) setState({ text, state: 'copied' });
      } catch {
        if (!isCurrent) return;
        setState({ text, state: 'failed' });
        onFail();
      }
    };
    void copy();
    return () => {
      isCurrent = false;
    };
  }, [text, attempt, onFail]);

  const current = state?.text === text ? state.state : 'pending';
  return [current, () => setAttempt((n) => n + 1)];
}
