import type { StyleSheet } from '@react-pdf/renderer';

/** react-pdf's style object type (its own package does not export it by name). */
export type Style = Parameters<typeof StyleSheet.create>[0][string];
