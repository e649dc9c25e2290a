/**
 * Long loops report progress and give the event loop a turn now and then, so a worker (or the
 * CLI) can deliver an abort while the merge runs: at most every `sliceMs`, never per item.
 */
import type { EngineOptions, MergeProgress } from './types';

const SLICE_MS = 40;
const CHECK_EVERY = 256;

export class Pacer {
  private last = performance.now();

  constructor(private readonly options: EngineOptions) {
    options.signal?.throwIfAborted();
  }

  /** Call once per item; awaits (rarely) to report progress and let an abort in. */
  async step(phase: MergeProgress['phase'], done: number, total: number | null): Promise<void> {
    if (done % CHECK_EVERY !== 0) return;
    const now = performance.now();
    if (now - this.last < SLICE_MS) return;
    this.last = now;
    this.options.onProgress?.({ phase, done, total });
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.options.signal?.throwIfAborted();
  }

  /** The end of a phase: always reported, and an abort is honoured. */
  finish(phase: MergeProgress['phase'], total: number): void {
    this.options.onProgress?.({ phase, done: total, total });
    this.options.signal?.throwIfAborted();
  }
}
