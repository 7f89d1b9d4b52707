// strato.compute.v1.ServerConsoles' requests: every message of the stream is
// checked as it comes. Only the first names the server (the adapter requires it
// there), and what one message may type is bounded like the agent bounds it.
import { z } from 'zod';
import { bytes, optionalRef, type RequestSchemas } from './fields.ts';

/** The most one message may type (the agent's MAX_CONSOLE_INPUT_BYTES). */
export const MAX_CONSOLE_INPUT_BYTES = 64 * 1024;

export const serverConsoleRequests: RequestSchemas = {
  'strato.compute.v1.AttachConsoleRequest': z.object({
    server: optionalRef('server'),
    data: bytes('CONSOLE_INPUT_TOO_LARGE', MAX_CONSOLE_INPUT_BYTES),
  }),
};
