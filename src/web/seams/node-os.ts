/** node:os for the bundle code: one core, so it never plans worker threads in the page. */
export function availableParallelism(): number {
  return 1;
}

export default { availableParallelism };
