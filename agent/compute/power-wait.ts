// Waiting for a guest to reach a power state, driven by the hypervisor's pushed
// events (each event triggers one state query). The state is also checked once
// right after subscribing, so a change that happened before the wait began counts.
import type { Hypervisor, HypervisorEvent, PowerState } from '../hypervisor/hypervisor.ts';

export type StateTest = (state: PowerState | undefined) => boolean;

/** True when `test` held within `timeoutMs`, false on timeout. */
export function waitForPowerState(hv: Hypervisor, id: string, test: StateTest, timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    let done = false;
    const finish = (value: boolean | Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      hv.off('event', onEvent);
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    const check = (): void => {
      hv.powerState(id).then(
        (s) => {
          if (test(s)) finish(true);
        },
        (err: unknown) => finish(err instanceof Error ? err : new Error(String(err))),
      );
    };
    const onEvent = (ev: HypervisorEvent): void => {
      if (ev.instanceId === id) check();
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    hv.on('event', onEvent);
    check();
  });
}

/** True when the hypervisor reports `event` (e.g. `reboot`) for `id` within `timeoutMs`. */
export function waitForEvent(hv: Hypervisor, id: string, event: string, timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const onEvent = (ev: HypervisorEvent): void => {
      if (ev.instanceId !== id || ev.event !== event) return;
      clearTimeout(timer);
      hv.off('event', onEvent);
      resolve(true);
    };
    const timer = setTimeout(() => {
      hv.off('event', onEvent);
      resolve(false);
    }, timeoutMs);
    hv.on('event', onEvent);
  });
}
