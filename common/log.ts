// One JSON line per event: a constant message plus fields (instanceId, hostId,
// requestId …), so logs can be grepped and aggregated without parsing prose.
import { pino, type Logger } from 'pino';

export type { Logger };

export const log: Logger = pino({
  level: process.env.STRATO_LOG_LEVEL ?? 'info',
  base: { pid: process.pid, svc: process.env.STRATO_SERVICE ?? 'strato' },
  timestamp: pino.stdTimeFunctions.isoTime,
});
