export function installedPackage(name: string, fromDir: string): string | undefined;
export function reachablePackages(folder: string): Generator<{ name: string; folder: string }>;
