/** The two node:path functions the bundle code uses (a learner packet's title from its file name). */
export function basename(file: string, extension = ''): string {
  const base = file.replace(/\/+$/, '').split('/').pop() ?? '';
  return extension && base.endsWith(extension) && base !== extension ? base.slice(0, -extension.length) : base;
}

export function extname(file: string): string {
  const base = basename(file);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

export default { basename, extname };
