/**
 * The errors a command lets through to its screen: the server could not be reached
 * (`OfflineError`), or it answered with its uniform error body (`HttpError`). Screens import them
 * from here, never from the transport (docs/architecture.md, rule screens-use-data-commands).
 */
export { HttpError, OfflineError } from '../api/http.ts';
