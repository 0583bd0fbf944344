import { InputError } from '../errors.js';

export async function runValidate(_args: unknown): Promise<number> {
  throw new InputError(['validate: not yet available in this version']);
}
