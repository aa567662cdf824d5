// A pause a background loop can cut short: stop() wakes the loop at once instead of waiting out its interval.
export interface WakeableSleep {
  sleep(ms: number): Promise<void>;
  /** Ends the pause in progress, if any. */
  wake(): void;
}

export function wakeableSleep(): WakeableSleep {
  let wakeUp: (() => void) | undefined;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          wakeUp = undefined;
          resolve();
        }, ms);
        wakeUp = () => {
          clearTimeout(timer);
          wakeUp = undefined;
          resolve();
        };
      }),
    wake: () => wakeUp?.(),
  };
}
