/**
 * yargs' usage errors in plain words: an unknown command or flag gets the closest known name, a
 * missing file name says which file and shows the command that was meant.
 */
import { distance } from 'fastest-levenshtein';
import { closest } from '../answers/describe.js';

export interface UsageContext {
  /** The command line as typed. */
  argv: readonly string[];
  /** Every command's name. */
  commands: readonly string[];
  /** Each command's flags (long names, without dashes), as registered with yargs. */
  flags: Readonly<Record<string, readonly string[]>>;
  /** Per command: what is missing when its positional argument is left out. */
  missing: Readonly<Record<string, string>>;
}

/** The closest name when it is close enough to be a typo (two edits, or a third of it). */
function suggestion(word: string, names: readonly string[]): string | undefined {
  const guess = closest(word, names);
  if (!guess) return undefined;
  return distance(word.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(guess.length / 3)) ? guess : undefined;
}

/** The command typed, if it is one. */
function commandOf(argv: readonly string[], commands: readonly string[]): string | undefined {
  const first = argv.find((arg) => !arg.startsWith('-'));
  return first !== undefined && commands.includes(first) ? first : undefined;
}

/** A first word that is not a command: its message, else undefined. */
export function unknownCommand(context: UsageContext): string | undefined {
  const first = context.argv[0];
  if (first === undefined || first.startsWith('-') || context.commands.includes(first)) return undefined;
  const guess = suggestion(first, context.commands);
  return `"${first}" is not a command${guess ? `; did you mean ${guess}?` : ''} The commands are ${context.commands.join(', ')}.`;
}

/** yargs' failure message, reworded where a plainer one is known. */
export function plainUsageMessage(message: string, context: UsageContext): string {
  const command = commandOf(context.argv, context.commands);
  if (/^Not enough non-option arguments/.test(message) && command && context.missing[command]) {
    return `${command}: ${context.missing[command]}`;
  }
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (unknown) {
    const typed = new Set(context.argv);
    const known = command ? (context.flags[command] ?? []) : [];
    return unknown[1]!
      .split(', ')
      .map((name) => {
        const asFlag = [`--${name}`, `-${name}`].find((form) => typed.has(form) || context.argv.some((arg) => arg.startsWith(`${form}=`)));
        if (asFlag) {
          const guess = suggestion(name, known);
          return `${command ? `${command}: ` : ''}unknown option ${asFlag}${guess ? `; did you mean --${guess}?` : ''}`;
        }
        return `${command ? `${command}: ` : ''}unexpected argument "${name}"`;
      })
      .join('\n');
  }
  return message;
}
