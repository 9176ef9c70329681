/**
 * Error thrown by every codec in this folder when bytes or values do not fit the wire format.
 * `code` is a stable machine-readable identifier (e.g. 'lacp.subtype', 'pcap.truncated');
 * `message` is meant for humans (packet inspector, logs).
 */
export class CodecError extends Error {
  /** Stable identifier of the failure, `<codec>.<reason>`, e.g. 'eth.short'. */
  readonly code: string;
  override readonly name = 'CodecError';

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
