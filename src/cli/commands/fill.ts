import { InputError } from '../errors.js';

export async function runFill(_args: { answers: string }): Promise<number> {
  throw new InputError(['fill: not yet available in this version']);
}
