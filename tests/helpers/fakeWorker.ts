/** A worker stand-in for bridge tests: records what the UI posts, and `emit` plays a worker message back. */
import type { WorkerLike } from '../../src/worker/client';
import type { UiToWorker, WorkerToUi } from '../../src/worker/protocol';

export class FakeWorker implements WorkerLike {
  sent: UiToWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent | Event) => void) | null = null;
  postMessage(message: UiToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {}
  emit(msg: WorkerToUi): void {
    this.onmessage?.({ data: msg } as MessageEvent);
  }
}
