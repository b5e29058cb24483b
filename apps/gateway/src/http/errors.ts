import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';

/** An error whose message is meant for the person using Berth. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `No such route: ${req.method} ${req.originalUrl.split('?')[0]}`));
};

/**
 * The last handler: every error leaves as JSON `{message}`. Unexpected errors are logged with
 * their stack and answered with a generic sentence; the stack never reaches the browser.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    let status = 500;
    let message = 'Berth hit an unexpected error. The details are in the gateway log.';
    if (error instanceof HttpError) {
      status = error.status;
      message = error.message;
    } else if (isBodyParserError(error)) {
      status = error.status;
      message =
        error.type === 'entity.too.large'
          ? 'The request body is too large.'
          : 'The request body is not valid JSON.';
    } else if (isClientError(error)) {
      // Express's own 4xx (a malformed %-escape in a route parameter, say): the caller's fault,
      // said plainly; its text may quote the input, so it is not echoed.
      status = error.status;
      message =
        error instanceof URIError
          ? 'The address has a malformed escape sequence.'
          : 'The request could not be understood.';
    } else {
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).json({ message });
  };
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    'status' in error &&
    typeof (error as { status: unknown }).status === 'number'
  );
}

function isClientError(error: unknown): error is { status: number } {
  if (typeof error !== 'object' || error === null || !('status' in error)) return false;
  const status = (error as { status: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
