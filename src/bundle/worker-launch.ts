/**
 * The script bundle workers start from: the worker's one-file build with its code cache when it is
 * usable (see launch.ts), else the worker's modules.
 */
import { startBundledWorker } from '../launch.js';

if (!startBundledWorker()) await import('./worker.js');
