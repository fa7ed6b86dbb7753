// Log vocabulary of the slip worker: ids, forms and sizes only, never names or addresses.
import { logger } from 'firebase-functions/v2';

export const slipLogs = {
  generated: (requestId: string, slipId: string, size: number) => logger.info('slip generated', { requestId, slipId, size }),
  skipped: (requestId: string, state: string) => logger.info('slip request already handled', { requestId, state }),
  failed: (requestId: string, err: unknown) =>
    logger.error('slip generation failed', { requestId, error: err instanceof Error ? err.message : String(err) }),
  bytesMissing: (dossierId: string, slipId: string) => logger.error('slip bytes missing from the file store', { dossierId, slipId }),
  checksumMismatch: (dossierId: string, slipId: string) => logger.error('slip bytes do not match their recorded sha256', { dossierId, slipId }),
};
