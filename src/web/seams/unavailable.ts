/** Stands in for core modules that need Node (worker threads and packet files): not part of the web app. */
function unavailable(): never {
  throw new Error('not available in the web app');
}
export const renderPacketFiles = unavailable;
export const eachPacketFile = unavailable;
