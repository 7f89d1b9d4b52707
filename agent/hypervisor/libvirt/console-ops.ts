// virDomainOpenConsole over the remote protocol (remote_domain_open_console_args:
// domain, optional device alias, flags): the reply is empty and the console's bytes
// follow as a stream on the call's serial (stream.ts).
import { type DomainRef, writeDomain } from './remote-types.ts';
import { XdrWriter } from './xdr.ts';

/** virDomainConsoleFlags. */
export const ConsoleFlags = {
  /** Take the console over from the session that holds it (which libvirt then ends). */
  FORCE: 1,
  /** Refuse when the console's driver cannot guard it against two sessions. */
  SAFE: 2,
} as const;

/** The call's arguments; `device` null means the domain's first console. */
export function openConsoleArgs(dom: DomainRef, device: string | null, flags: number): Buffer {
  const w = new XdrWriter();
  writeDomain(w, dom);
  w.optionalString(device).uint(flags);
  return w.bytes();
}
