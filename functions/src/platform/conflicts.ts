// Turns refusals of the lifecycle into the API's error shape. A refused action always says the current
// status and which actions the caller may take instead.
import type { ActionType, DossierStatus, TransitionConflict } from '../domain/index.js';
import { ApiError } from './api-error.js';

export function conflictError(conflict: TransitionConflict, currentVersion: number): ApiError {
  const details = {
    reason: conflict.reason,
    rule: conflict.rule ?? null,
    currentStatus: conflict.status,
    currentVersion,
    allowedActions: conflict.allowedActions,
  };
  if (conflict.reason === 'invalidPayload')
    return new ApiError('invalid-argument', conflict.messages, conflict.fieldErrors, details);
  if (conflict.reason === 'roleNotAllowed' || conflict.reason === 'outOfScope') {
    return new ApiError('permission-denied', conflict.messages, [], details);
  }
  return new ApiError('conflict', conflict.messages, [], details);
}

export function staleVersionError(
  expected: number,
  current: { version: number; status: DossierStatus; allowedActions: readonly ActionType[] },
): ApiError {
  return new ApiError(
    'conflict',
    {
      vi: `Hồ sơ đã được cập nhật bởi thao tác khác (phiên bản ${current.version}, bạn gửi ${expected}). Vui lòng tải lại.`,
      en: `The dossier was changed by another action (version ${current.version}, you sent ${expected}). Please reload.`,
    },
    [],
    {
      reason: 'staleVersion',
      currentStatus: current.status,
      currentVersion: current.version,
      allowedActions: current.allowedActions,
    },
  );
}

export function requestIdReused(): ApiError {
  return new ApiError(
    'conflict',
    {
      vi: 'Mã yêu cầu này đã được dùng cho một yêu cầu khác.',
      en: 'This requestId was already used for a different request.',
    },
    [],
    { reason: 'requestIdReused' },
  );
}

export function dossierNotFound(): ApiError {
  return new ApiError('not-found', { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' });
}
