import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { validationError } from './errors.ts';

/** zod-validator with the uniform 422 body (`fields` per input name) on failure. */
export const validateJson = <T extends ZodType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (!result.success) throw validationError(result.error as never);
  });

export const validateQuery = <T extends ZodType>(schema: T) =>
  zValidator('query', schema, (result) => {
    if (!result.success) throw validationError(result.error as never);
  });
