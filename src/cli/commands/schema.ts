import { InputError } from '../errors.js';

export async function runSchema(_args: unknown): Promise<number> {
  throw new InputError(['schema: not yet available in this version']);
}
