import { describe, expect, it, vi } from 'vitest';
import type { Topology } from '../../../src/model';
import type { WorkerLike } from '../../../src/worker/client';
import { LabClient } from '../../../src/worker/client';
import type { UiToWorker } from '../../../src/worker/protocol';
import { PROTOCOL_VERSION } from '../../../src/worker/protocol';
import { example } from '../../helpers/testLab';

class FakeWorker implements WorkerLike {
  sent: UiToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent | Event) => void) | null = null;
  postMessage(message: UiToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker throws an uncaught error. */
  die(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as unknown as ErrorEvent);
  }
  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const handlers = { onBatch: vi.fn(), onSnapshot: vi.fn(), onError: vi.fn(), onCrash: vi.fn() };
  const client = new LabClient(handlers, () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { client, workers, handlers };
}

describe('when the worker crashes', () => {
  it('shows the crash, starts a new worker, and loads the current lab into it with the same speed', () => {
    const { client, workers, handlers } = setup();
    const doc = example('active-active') as Topology;
    client.load(doc);
    client.setSpeed(5);
    const edited = { ...doc, meta: { title: 'edited' } };
    client.edit(edited);
    workers[0]?.die('boom');
    expect(handlers.onCrash).toHaveBeenCalledWith('boom');
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const [hello, load] = workers[1]?.sent ?? [];
    expect(hello).toEqual({ type: 'hello', version: PROTOCOL_VERSION });
    expect(load).toMatchObject({ type: 'load', topology: edited, speed: 5, running: true });
  });

  it('rejects pending frame requests instead of leaving them hanging', async () => {
    const { client, workers } = setup();
    client.load(example('active-active') as Topology);
    const pending = client.requestFrame('l1', 1);
    workers[0]?.die('gone');
    await expect(pending).rejects.toThrow('gone');
  });

  it('resolves a frame request with the matching reply', async () => {
    const { client, workers } = setup();
    const pending = client.requestFrame('l1', 3);
    const req = workers[0]?.sent.at(-1) as Extract<UiToWorker, { type: 'frame' }>;
    workers[0]?.reply({ type: 'frame', id: req.id, link: 'l1', frame: 3, t: 1, bytes: new ArrayBuffer(124), fields: [] });
    await expect(pending).resolves.toMatchObject({ frame: 3, link: 'l1' });
  });
});
