/** Stands in for core modules that need Node (worker threads, files): not part of the web app. */
function unavailable(): never {
  throw new Error('not available in the web app');
}
export const importAnswers = unavailable;
export const makeFillable = unavailable;
export const renderPacketFiles = unavailable;
