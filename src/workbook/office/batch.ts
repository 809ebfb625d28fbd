/**
 * Request accounting for the Office adapter (office-workbook.ts): in Excel on the web every sync is a
 * network round trip and a request or response over 5 MB fails, so operations are queued with their
 * estimated size and synced before the limit, and every sync is recorded.
 */
import { ExcelHostError } from './excel-errors';
import type { XlContext } from './office-api';

export interface OfficeLimits {
  /** Largest request or response the adapter plans (Excel on the web rejects over 5 MB). */
  readonly maxRequestBytes: number;
  /** Most cells read in one request (Excel can return null above 5,000,000). */
  readonly maxCells: number;
}

export type SyncPhase = 'list' | 'read' | 'size' | 'prepare' | 'values' | 'formats' | 'swap' | 'cleanup' | 'select';

export interface SyncRecord {
  readonly phase: SyncPhase;
  /** The adapter's estimate of the request's size in bytes (values and operations). */
  readonly requestBytes: number;
  readonly ok: boolean;
}

/** Estimated bytes of one queued operation besides its values (office-js sends ids, names, arguments). */
export const OPERATION_BYTES = 200;

/** Request accounting: operations are queued with their estimated size and synced before the limit. */
export class Batch {
  private bytes = 0;

  constructor(
    readonly context: XlContext,
    readonly limits: OfficeLimits,
    private readonly record: (r: SyncRecord) => void,
  ) {}

  get queued(): number {
    return this.bytes;
  }

  /** Room left in this request. */
  get room(): number {
    return this.limits.maxRequestBytes - this.bytes;
  }

  add(bytes: number): void {
    this.bytes += bytes + OPERATION_BYTES;
  }

  /** Syncs first when `bytes` more would not fit in this request. */
  async reserve(bytes: number, phase: SyncPhase): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes + OPERATION_BYTES > this.limits.maxRequestBytes) await this.sync(phase, true);
  }

  async sync(phase: SyncPhase, suspend = false): Promise<void> {
    if (suspend) {
      this.context.application.suspendScreenUpdatingUntilNextSync();
      this.context.application.suspendApiCalculationUntilNextSync();
    }
    const requestBytes = this.bytes;
    this.bytes = 0;
    try {
      await this.context.sync();
    } catch (error) {
      this.record({ phase, requestBytes, ok: false });
      throw error;
    }
    this.record({ phase, requestBytes, ok: true });
  }
}

/** The error office-js raised, from inside our wrapper if it was wrapped. */
export function unwrap(error: unknown): unknown {
  return error instanceof ExcelHostError && error.cause !== undefined ? error.cause : error;
}
