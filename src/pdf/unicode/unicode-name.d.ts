declare module 'unicode-name' {
  /** The character's name ("GRINNING FACE"), or a label like "<private-use-E000>". */
  export function unicodeName(char: string): string | undefined;
  /** The name, else an alias, else a label ("<control-0009>"). */
  export function unicodeReadableName(char: string): string | undefined;
}
