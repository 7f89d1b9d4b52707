// An rtnetlink socket opened on demand and closed after each burst of requests,
// for a netlink worker (worker.ts) and for the root namespace's reads served on the
// main thread (root-reads.ts). A netlink socket acts in the namespace of the thread
// that opened it.
import { createRtNetlink, type RtNetlinkSocket } from 'netlink';

/**
 * The socket is open only while requests are in flight. The `netlink` package's
 * native socket aborts the whole process (an uncaught C++ exception) when a worker
 * is torn down with the socket still open, which happens whenever the agent exits
 * or terminates an idle worker; a closed socket leaves nothing to tear down.
 */
export class SocketHolder {
  #socket: RtNetlinkSocket | undefined;
  #inFlight = 0;

  get current(): RtNetlinkSocket {
    this.#socket ??= createRtNetlink();
    return this.#socket;
  }

  begin(): void {
    this.#inFlight++;
  }

  /**
   * Runs `reply` once the request is done; the last reply of a burst waits until
   * the socket is closed, so a caller that exits right after it cannot catch the
   * socket open. The close happens outside the package's native callback, where
   * closing is unsafe.
   */
  end(reply: () => void): void {
    if (--this.#inFlight > 0) {
      reply();
      return;
    }
    setImmediate(() => {
      if (this.#inFlight === 0) this.close();
      reply();
    });
  }

  close(): void {
    this.#socket?.socket.close();
    this.#socket = undefined;
  }
}
