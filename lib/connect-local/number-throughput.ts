// Per-number sending pipes: one token bucket per number and channel on the simulated clock, holding one second of
// messages, so a 1-per-second long code refuses a second message within the same simulated second.
import type { MessagingChannel } from "./channels";
import { TokenBucket } from "./token-bucket";

interface Pipe {
  rate: number;
  bucket: TokenBucket;
}

export class NumberThroughput {
  private readonly pipes = new Map<string, Pipe>();

  constructor(private readonly nowMs: () => number) {}

  /** Takes one message from the number's pipe at `rate` per second; false when the pipe is empty. */
  tryTake(numberId: string, channel: MessagingChannel, rate: number): boolean {
    const key = `${numberId}|${channel}`;
    const burst = Math.max(1, Math.floor(rate));
    let pipe = this.pipes.get(key);
    if (!pipe) {
      pipe = { rate, bucket: new TokenBucket(rate, burst, this.nowMs) };
      this.pipes.set(key, pipe);
    } else if (pipe.rate !== rate) {
      pipe.bucket.reconfigure(rate, burst);
      pipe.rate = rate;
    }
    return pipe.bucket.tryTake();
  }

  /** Every pipe full again, as after a reset. */
  clear(): void {
    this.pipes.clear();
  }
}
