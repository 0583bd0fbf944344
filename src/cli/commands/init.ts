import { InputError } from '../errors.js';

export async function runInit(_args: unknown): Promise<number> {
  throw new InputError(['init: not yet available in this version']);
}
