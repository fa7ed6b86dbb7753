// Log vocabulary of uploads. Ids and sizes only: file names can carry personal data.
import { logger } from 'firebase-functions/v2';

export const uploadLogs = {
  stored: (ownerUserId: string, uploadIds: string[], bytes: number) => logger.info('uploads stored', { ownerUserId, uploadIds, bytes }),
  cleanupFailed: (storagePath: string, err: unknown) =>
    logger.error('upload cleanup failed', { storagePath, error: err instanceof Error ? err.message : String(err) }),
  bytesMissing: (uploadId: string, storagePath: string) => logger.error('upload bytes missing from the file store', { uploadId, storagePath }),
};
