/**
 * Errors that cross the IPC boundary as values: a stable code, a message in Chinese that says what
 * happened and what to do next, and optional parameters the renderer can use to translate.
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'PAYLOAD_TOO_LARGE',
  'NOT_SIGNED_IN',
  'LOCKED',
  'ROLE_REQUIRED',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'APPROVAL_REQUIRED',
  'APPROVAL_INVALID',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_SET_UP',
  'NOT_SET_UP',
  'IMPORT_FAILED',
  'DB_RECOVERY',
  /** the store needs a supervisor's attention (protection check failed): reads only */
  'READ_ONLY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;
  constructor(code: ErrorCode, message: string, params?: ErrorParams) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
