import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The package version, written into each PDF's creator field. */
export const productVersion: string = (require('../package.json') as { version: string }).version;
